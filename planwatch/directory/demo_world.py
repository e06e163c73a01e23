"""The reference world: the China–South Korea (Changchun) International Cooperation
Demonstration Zone, its organisations, people and posts, written from public facts.

Plain data, keyed by stable slugs, so that `planwatch demo` can load it any number of
times without duplicating anything, and the intake's tests can read the same names.
Each alias is (name, language, kind); canonical names are aliases of kind official
and need not be repeated.
"""

ZONE_EN = "China–South Korea (Changchun) International Cooperation Demonstration Zone"
ZONE_ZH = "中韩（长春）国际合作示范区"

# slug: (name_en, name_zh, kind, parent slug, aliases)
ORGANISATIONS: dict[str, tuple[str, str, str, str | None, list[tuple[str, str, str]]]] = {
    "party-central": (
        "Party Central Committee",
        "中共中央",
        "party_committee",
        None,
        [
            ("CPC Central Committee", "en", "short"),
            ("Central Committee of the Communist Party of China", "en", "official"),
            ("党中央", "zh-hans", "short"),
        ],
    ),
    "state-council": (
        "State Council",
        "国务院",
        "government",
        None,
        [
            ("the State Council", "en", "short"),
            ("State Council of China", "en", "translation"),
            ("中华人民共和国国务院", "zh-hans", "official"),
        ],
    ),
    "sc-departments": (
        "Relevant State Council Departments",
        "国务院有关部门",
        "department",
        "state-council",
        [
            ("State Council departments", "en", "short"),
            ("relevant departments of the State Council", "en", "translation"),
            ("relevant departments under the State Council", "en", "translation"),
        ],
    ),
    "ndrc": (
        "National Development and Reform Commission",
        "国家发展和改革委员会",
        "department",
        "state-council",
        [
            ("NDRC", "en", "short"),
            ("the NDRC", "en", "short"),
            ("National Development and Reform Committee", "en", "misspelling"),
            ("国家发展改革委", "zh-hans", "short"),
            ("国家发改委", "zh-hans", "short"),
        ],
    ),
    "jilin-party": (
        "Jilin Provincial Party Committee",
        "中共吉林省委员会",
        "party_committee",
        None,
        [
            ("CPC Jilin Provincial Committee", "en", "official"),
            ("Provincial Party Committee", "en", "short"),
            ("吉林省委", "zh-hans", "short"),
            ("省委", "zh-hans", "short"),
        ],
    ),
    "jilin-standing": (
        "Standing Committee of the Jilin Provincial Party Committee",
        "中共吉林省委常委会",
        "party_committee",
        "jilin-party",
        [
            ("Provincial Standing Committee", "en", "short"),
            ("Provincial Party Standing Committee", "en", "short"),
            ("Standing Committee of the Provincial Party Committee", "en", "short"),
            ("吉林省委常委会", "zh-hans", "short"),
            ("省委常委会", "zh-hans", "short"),
        ],
    ),
    "jilin-gov": (
        "Jilin Provincial People's Government",
        "吉林省人民政府",
        "government",
        None,
        [
            ("Jilin Provincial Government", "en", "short"),
            ("Jilin Province People's Government", "en", "translation"),
            ("People's Government of Jilin Province", "en", "translation"),
            ("Provincial Government", "en", "short"),
            ("the provincial government", "en", "short"),
            ("Jilin Province", "en", "short"),
            ("吉林省政府", "zh-hans", "short"),
            ("省政府", "zh-hans", "short"),
        ],
    ),
    "jilin-drc": (
        "Jilin Provincial Development and Reform Commission",
        "吉林省发展和改革委员会",
        "department",
        "jilin-gov",
        [
            ("Provincial Development and Reform Commission", "en", "short"),
            ("Jilin Development and Reform Commission", "en", "short"),
            ("吉林省发展改革委", "zh-hans", "short"),
            ("省发展改革委", "zh-hans", "short"),
            ("省发改委", "zh-hans", "short"),
        ],
    ),
    "bri-group": (
        "Jilin Provincial Leading Group for the Belt and Road Initiative",
        "吉林省推进“一带一路”建设工作领导小组",
        "leading_group",
        None,
        [
            ("Provincial Leading Group for the Belt and Road", "en", "short"),
            ("Provincial Belt and Road Leading Group", "en", "short"),
            ("Belt and Road leading group", "en", "short"),
            ("leading group for the Belt and Road Initiative", "en", "short"),
            ("the leading group", "en", "short"),
            ("省“一带一路”领导小组", "zh-hans", "short"),
            ("领导小组", "zh-hans", "short"),
        ],
    ),
    "bri-office": (
        "Office of the Jilin Provincial Belt and Road Leading Group",
        "吉林省推进“一带一路”建设工作领导小组办公室",
        "office",
        None,
        [
            ("the leading group office", "en", "short"),
            ("leading group office", "en", "short"),
            ("Belt and Road leading group office", "en", "short"),
            ("领导小组办公室", "zh-hans", "short"),
        ],
    ),
    "changchun-city": (
        "Changchun City",
        "长春市",
        "city",
        None,
        [("Changchun", "en", "short"), ("Changchun Municipality", "en", "official")],
    ),
    "changchun-party": (
        "Changchun Municipal Party Committee",
        "中共长春市委员会",
        "party_committee",
        "changchun-city",
        [
            ("CPC Changchun Municipal Committee", "en", "official"),
            ("Changchun Municipal Committee", "en", "short"),
            ("长春市委", "zh-hans", "short"),
        ],
    ),
    "changchun-gov": (
        "Changchun Municipal People's Government",
        "长春市人民政府",
        "government",
        "changchun-city",
        [
            ("Changchun Municipal Government", "en", "short"),
            ("Changchun City Government", "en", "translation"),
            ("长春市政府", "zh-hans", "short"),
        ],
    ),
    "jilin-city": (
        "Jilin City",
        "吉林市",
        "city",
        None,
        [("City of Jilin", "en", "translation")],
    ),
    "gongzhuling": (
        "Gongzhuling City",
        "公主岭市",
        "city",
        None,
        [("Gongzhuling", "en", "short")],
    ),
    "zone": (
        ZONE_EN,
        ZONE_ZH,
        "development_zone",
        None,
        [
            (
                "China-ROK (Changchun) International Cooperation Demonstration Zone",
                "en",
                "official",
            ),
            (
                "China-Korea (Changchun) International Cooperation Demonstration Zone",
                "en",
                "translation",
            ),
            ("China-South Korea International Cooperation Demonstration Zone", "en", "short"),
            ("China-ROK International Cooperation Demonstration Zone", "en", "short"),
            ("the Demonstration Zone", "en", "short"),
            ("Demonstration Zone", "en", "short"),
            ("the demonstration area", "en", "translation"),
            ("the demonstration areas", "en", "translation"),
            ("international cooperation demonstration zone", "en", "short"),
            ("中韩国际合作示范区", "zh-hans", "short"),
            ("中韩示范区", "zh-hans", "short"),
            ("示范区", "zh-hans", "short"),
        ],
    ),
    "zone-party": (
        "Party Working Committee of the China–South Korea (Changchun) International "
        "Cooperation Demonstration Zone",
        "中共中韩（长春）国际合作示范区工作委员会",
        "zone_committee",
        "zone",
        [
            ("Zone Party Working Committee", "en", "short"),
            ("Party Working Committee of the Demonstration Zone", "en", "short"),
            ("示范区党工委", "zh-hans", "short"),
        ],
    ),
    "zone-admin": (
        "Management Committee of the China–South Korea (Changchun) International Cooperation "
        "Demonstration Zone",
        "中韩（长春）国际合作示范区管理委员会",
        "zone_committee",
        "zone",
        [
            ("Zone Management Committee", "en", "short"),
            ("Management Committee of the Demonstration Zone", "en", "short"),
            ("示范区管委会", "zh-hans", "short"),
        ],
    ),
    "changchun-new-area": (
        "Changchun New Area",
        "长春新区",
        "development_zone",
        None,
        [("Changchun New District", "en", "translation")],
    ),
    "changchun-hitech": (
        "Changchun High-tech Industrial Development Zone",
        "长春高新技术产业开发区",
        "development_zone",
        None,
        [
            ("Changchun High-tech Development Zone", "en", "short"),
            ("Changchun High-tech Zone", "en", "short"),
            ("Changchun High-Tech Industries Development Zone", "en", "translation"),
            ("长春高新区", "zh-hans", "short"),
        ],
    ),
    "food-park": (
        "China–South Korea International Food Industrial Park",
        "中韩国际食品产业园",
        "park",
        None,
        [
            ("China-Korea International Food Industry Park", "en", "translation"),
            ("China-ROK International Food Industrial Park", "en", "translation"),
        ],
    ),
    "yatai-park": (
        "Yatai Pharmaceutical Industrial Park",
        "亚泰医药产业园",
        "park",
        None,
        [
            ("Yatai Medicine Industrial Park", "en", "translation"),
            ("Yatai Pharmaceutical Industry Park", "en", "translation"),
        ],
    ),
    "beihu-park": (
        "Beihu Science and Technology Park",
        "北湖科技园",
        "park",
        None,
        [
            ("Beihu Technology Park", "en", "short"),
            ("Beihu Sci-Tech Park", "en", "short"),
            ("North Lake Science and Technology Park", "en", "translation"),
        ],
    ),
    "health-park": (
        "Comprehensive Health Industrial Park",
        "大健康产业园",
        "park",
        None,
        [("Big Health Industrial Park", "en", "translation")],
    ),
    "carbon-park": (
        "Carbon Neutrality Industrial Park",
        "碳中和产业园",
        "park",
        None,
        [("Carbon Neutral Industrial Park", "en", "translation")],
    ),
    "materials-park": (
        "International Cooperation Industrial Park for Electric-Energy New Materials and "
        "Intelligent Manufacturing",
        "电能新材料及智能制造国际合作产业园",
        "park",
        None,
        [("New Materials and Intelligent Manufacturing Industrial Park", "en", "short")],
    ),
    "genescience": (
        "GeneScience Pharmaceuticals",
        "长春金赛药业",
        "enterprise",
        None,
        [
            ("Kinsey", "en", "misspelling"),
            ("GenSci", "en", "short"),
            ("Jinsai Pharmaceutical", "en", "translation"),
            ("金赛药业", "zh-hans", "short"),
        ],
    ),
    "changguang-satellite": (
        "Chang Guang Satellite Technology",
        "长光卫星技术有限公司",
        "enterprise",
        None,
        [
            ("Changguang Satellite Technology", "en", "short"),
            ("Changguang Satellite", "en", "short"),
            ("长光卫星", "zh-hans", "short"),
        ],
    ),
    "planning-hall": (
        "Changchun Planning Exhibition Hall",
        "长春市规划展览馆",
        "other",
        None,
        [],
    ),
    "new-area-planning-hall": (
        "Changchun New Area Planning Exhibition Hall",
        "长春新区规划展览馆",
        "other",
        None,
        [],
    ),
    # The Korean side of the China–ROK cooperation the zone is named after.
    "rok-gov": (
        "Government of the Republic of Korea",
        "大韩民国政府",
        "government",
        None,
        [
            ("Republic of Korea Government", "en", "translation"),
            ("South Korean Government", "en", "short"),
            ("韩国政府", "zh-hans", "short"),
            ("한국 정부", "ko", "short"),
        ],
    ),
}

# slug: (Korean name in Hangul, its romanisation) of organisations a Korean reader meets.
# Names of Chinese bodies are written as Korean texts write them; only the Korean side's
# own names carry a romanisation.
KOREAN_ORGANISATION_NAMES: dict[str, tuple[str, str]] = {
    "party-central": ("중국공산당 중앙위원회", ""),
    "state-council": ("중국 국무원", ""),
    "sc-departments": ("국무원 유관 부처", ""),
    "ndrc": ("국가발전개혁위원회", ""),
    "jilin-party": ("중국공산당 지린성위원회", ""),
    "jilin-standing": ("중국공산당 지린성위원회 상무위원회", ""),
    "jilin-gov": ("지린성 인민정부", ""),
    "jilin-drc": ("지린성 발전개혁위원회", ""),
    "bri-group": ("지린성 일대일로 건설 추진 영도소조", ""),
    "bri-office": ("지린성 일대일로 건설 추진 영도소조 판공실", ""),
    "changchun-city": ("창춘시", ""),
    "changchun-party": ("중국공산당 창춘시위원회", ""),
    "changchun-gov": ("창춘시 인민정부", ""),
    "jilin-city": ("지린시", ""),
    "gongzhuling": ("궁주링시", ""),
    "zone": ("중한(창춘)국제협력시범구", ""),
    "zone-party": ("중국공산당 중한(창춘)국제협력시범구 공작위원회", ""),
    "zone-admin": ("중한(창춘)국제협력시범구 관리위원회", ""),
    "changchun-new-area": ("창춘신구", ""),
    "changchun-hitech": ("창춘 하이테크산업개발구", ""),
    "food-park": ("중한국제식품산업단지", ""),
    "carbon-park": ("탄소중립 산업단지", ""),
    "planning-hall": ("창춘시 도시계획전시관", ""),
    "new-area-planning-hall": ("창춘신구 도시계획전시관", ""),
    "rok-gov": ("대한민국 정부", "Daehanminguk Jeongbu"),
}

# (source slug, relation kind, target slug, start date or None, note)
RELATIONS: list[tuple[str, str, str, str | None, str]] = [
    (
        "state-council",
        "approves_plans_of",
        "jilin-gov",
        "2020-04-21",
        "Reply approving the zone's Overall Plan",
    ),
    (
        "state-council",
        "approves_plans_of",
        "ndrc",
        "2020-04-21",
        "The reply is also addressed to the NDRC",
    ),
    ("sc-departments", "guides", "zone", "2020-04-21", "Guide and support within their remits"),
    (
        "ndrc",
        "supervises",
        "zone",
        "2020-04-21",
        "Supervises and evaluates implementation of the Overall Plan",
    ),
    ("ndrc", "reports_to", "state-council", None, "Reports major issues"),
    ("zone-party", "dispatched_agency_of", "jilin-party", "2020-06-29", ""),
    ("zone-admin", "dispatched_agency_of", "jilin-gov", "2020-06-29", ""),
    ("zone-party", "management_entrusted_to", "changchun-party", "2020-06-29", ""),
    ("zone-admin", "management_entrusted_to", "changchun-gov", "2020-06-29", ""),
    ("bri-office", "office_of", "bri-group", None, ""),
    ("jilin-drc", "member_unit_of", "bri-group", None, "Provincial departments are member units"),
    ("changchun-new-area", "advances_in_tandem_with", "zone", None, ""),
    ("changchun-new-area", "located_in", "changchun-city", None, ""),
    ("changchun-hitech", "located_in", "changchun-city", None, ""),
    ("zone", "located_in", "changchun-city", None, "North-east of Changchun"),
    ("yatai-park", "located_in", "changchun-new-area", None, ""),
    ("beihu-park", "located_in", "changchun-new-area", None, ""),
    ("genescience", "located_in", "changchun-hitech", None, ""),
    ("changguang-satellite", "located_in", "changchun-hitech", None, ""),
    ("food-park", "located_in", "zone", None, ""),
    ("health-park", "located_in", "zone", None, ""),
    ("carbon-park", "located_in", "zone", None, ""),
    ("materials-park", "located_in", "zone", None, ""),
    ("new-area-planning-hall", "located_in", "changchun-new-area", None, ""),
    ("planning-hall", "located_in", "changchun-city", None, ""),
    (
        "rok-gov",
        "international_partner_of",
        "zone",
        "2020-04-21",
        "The zone is approved as a China–ROK international cooperation zone",
    ),
]

# slug: (name_en, name_zh, aliases)
PEOPLE: dict[str, tuple[str, str, list[tuple[str, str, str]]]] = {
    "jing-junhai": (
        "Jing Junhai",
        "景俊海",
        [("Jingjunhai", "en", "misspelling"), ("Jing Jun-hai", "en", "misspelling")],
    ),
    "bayin-chaolu": ("Bayin Chaolu", "巴音朝鲁", [("Bayinchaolu", "en", "misspelling")]),
    "wang-kai": ("Wang Kai", "王凯", [("Wangkai", "en", "misspelling")]),
    "zhang-zhijun": ("Zhang Zhijun", "张志军", [("Zhangzhijun", "en", "misspelling")]),
    "wu-jingping": ("Wu Jingping", "吴靖平", [("Wujingping", "en", "misspelling")]),
    "wang-zhihou": ("Wang Zhihou", "王志厚", [("Wangzhihou", "en", "misspelling")]),
    "han-jun": ("Han Jun", "韩俊", [("Hanjun", "en", "misspelling")]),
}

# slug: Korean name in Hangul, as Korean texts transcribe the Chinese name.
KOREAN_PERSON_NAMES: dict[str, str] = {
    "jing-junhai": "징쥔하이",
    "bayin-chaolu": "바인차오루",
    "wang-kai": "왕카이",
    "zhang-zhijun": "장즈쥔",
    "wu-jingping": "우징핑",
    "wang-zhihou": "왕즈허우",
    "han-jun": "한쥔",
}

# slug: (organisation slug, title_en, title_zh, single holder, aliases)
POSTS: dict[str, tuple[str, str, str, bool, list[tuple[str, str, str]]]] = {
    "jilin-governor": (
        "jilin-gov",
        "Governor",
        "省长",
        True,
        [
            ("Governor of Jilin", "en", "official"),
            ("Governor of Jilin Province", "en", "official"),
            ("Jilin Governor", "en", "short"),
            ("Jilin Provincial Governor", "en", "short"),
            ("Provincial Governor", "en", "short"),
            ("吉林省省长", "zh-hans", "official"),
            ("吉林省长", "zh-hans", "short"),
        ],
    ),
    "jilin-executive-vice-governor": (
        "jilin-gov",
        "Executive Vice Governor",
        "常务副省长",
        True,
        [
            ("Executive Vice Governor of Jilin", "en", "official"),
            ("Executive Vice-Governor", "en", "short"),
            ("吉林省常务副省长", "zh-hans", "official"),
        ],
    ),
    "jilin-gov-secretary-general": (
        "jilin-gov",
        "Secretary-General",
        "秘书长",
        True,
        [
            ("Secretary-General of the Provincial Government", "en", "official"),
            ("Secretary General of the Provincial Government", "en", "short"),
            ("Secretary-General of the Jilin Provincial Government", "en", "official"),
            ("省政府秘书长", "zh-hans", "short"),
        ],
    ),
    "jilin-party-secretary": (
        "jilin-party",
        "Secretary",
        "书记",
        True,
        [
            ("Secretary of the Jilin Provincial Party Committee", "en", "official"),
            ("Secretary of the Provincial Party Committee", "en", "short"),
            ("Jilin Provincial Party Secretary", "en", "short"),
            ("Party Secretary of Jilin", "en", "short"),
            ("吉林省委书记", "zh-hans", "official"),
            ("省委书记", "zh-hans", "short"),
        ],
    ),
    "jilin-party-deputy-secretary": (
        "jilin-party",
        "Deputy Secretary",
        "副书记",
        False,
        [
            ("Deputy Secretary of the Jilin Provincial Party Committee", "en", "official"),
            ("Deputy Secretary of the Provincial Party Committee", "en", "short"),
            ("Deputy Secretary of Provincial Party Committee", "en", "short"),
            ("吉林省委副书记", "zh-hans", "official"),
            ("省委副书记", "zh-hans", "short"),
        ],
    ),
    "jilin-standing-member": (
        "jilin-standing",
        "Member",
        "委员",
        False,
        [
            (
                "Member of the Standing Committee of the Jilin Provincial Party Committee",
                "en",
                "official",
            ),
            ("Member of the Provincial Standing Committee", "en", "short"),
            ("Member of the Standing Committee of the Provincial Party Committee", "en", "short"),
            ("Member of the Provincial Party Standing Committee", "en", "short"),
            ("吉林省委常委", "zh-hans", "official"),
            ("省委常委", "zh-hans", "short"),
        ],
    ),
    "changchun-party-secretary": (
        "changchun-party",
        "Secretary",
        "书记",
        True,
        [
            ("Secretary of the Changchun Municipal Party Committee", "en", "official"),
            ("Changchun Municipal Party Secretary", "en", "short"),
            ("Party Secretary of Changchun", "en", "short"),
            ("长春市委书记", "zh-hans", "official"),
        ],
    ),
    "changchun-mayor": (
        "changchun-gov",
        "Mayor",
        "市长",
        True,
        [
            ("Mayor of Changchun", "en", "official"),
            ("Changchun Mayor", "en", "short"),
            ("Mayor of Changchun City", "en", "short"),
            ("长春市市长", "zh-hans", "official"),
            ("长春市长", "zh-hans", "short"),
        ],
    ),
}

# slug: the post's title in Korean.
KOREAN_POST_TITLES: dict[str, str] = {
    "jilin-governor": "성장",
    "jilin-executive-vice-governor": "상무부성장",
    "jilin-gov-secretary-general": "비서장",
    "jilin-party-secretary": "서기",
    "jilin-party-deputy-secretary": "부서기",
    "jilin-standing-member": "위원",
    "changchun-party-secretary": "서기",
    "changchun-mayor": "시장",
}

# (person slug, post slug, as_of, acting, source, reported_on)
TENURES: list[tuple[str, str, str, bool, str, str]] = [
    (
        "jing-junhai",
        "jilin-party-deputy-secretary",
        "2018-01-16",
        False,
        "Provincial news report of an inspection of Changchun New Area",
        "2018-01-19",
    ),
    (
        "jing-junhai",
        "jilin-governor",
        "2018-01-16",
        True,
        "Provincial news report of an inspection of Changchun New Area",
        "2018-01-19",
    ),
    (
        "jing-junhai",
        "jilin-party-deputy-secretary",
        "2018-12-05",
        False,
        "Provincial news report of a survey in Changchun",
        "2018-12-06",
    ),
    (
        "jing-junhai",
        "jilin-governor",
        "2018-12-05",
        False,
        "Provincial news report of a survey in Changchun",
        "2018-12-06",
    ),
    (
        "jing-junhai",
        "jilin-party-deputy-secretary",
        "2018-12-07",
        False,
        "Provincial news report of the Belt and Road leading group meeting",
        "2018-12-08",
    ),
    (
        "jing-junhai",
        "jilin-governor",
        "2018-12-07",
        False,
        "Provincial news report of the Belt and Road leading group meeting",
        "2018-12-08",
    ),
    (
        "jing-junhai",
        "jilin-party-deputy-secretary",
        "2020-06-29",
        False,
        "News report of the zone's opening ceremony",
        "2020-06-30",
    ),
    (
        "jing-junhai",
        "jilin-governor",
        "2020-06-29",
        False,
        "News report of the zone's opening ceremony",
        "2020-06-30",
    ),
    (
        "bayin-chaolu",
        "jilin-party-secretary",
        "2020-06-29",
        False,
        "News report of the zone's opening ceremony",
        "2020-06-30",
    ),
    (
        "wang-kai",
        "jilin-standing-member",
        "2020-06-29",
        False,
        "News report of the zone's opening ceremony",
        "2020-06-30",
    ),
    (
        "wang-kai",
        "changchun-party-secretary",
        "2020-06-29",
        False,
        "News report of the zone's opening ceremony",
        "2020-06-30",
    ),
    (
        "zhang-zhijun",
        "changchun-mayor",
        "2020-06-29",
        False,
        "News report of the zone's opening ceremony",
        "2020-06-30",
    ),
    (
        "wu-jingping",
        "jilin-standing-member",
        "2020-06-29",
        False,
        "News report of the zone's opening ceremony",
        "2020-06-30",
    ),
    (
        "wu-jingping",
        "jilin-executive-vice-governor",
        "2020-06-29",
        False,
        "News report of the zone's opening ceremony",
        "2020-06-30",
    ),
    (
        "wang-zhihou",
        "jilin-gov-secretary-general",
        "2020-06-29",
        False,
        "News report of the zone's opening ceremony",
        "2020-06-30",
    ),
    (
        "han-jun",
        "jilin-governor",
        "2021-01-25",
        True,
        "Provincial news report naming the acting governor",
        "2021-01-26",
    ),
]

# The demo accounts: username: (role, unit slug, first name, last name)
ACCOUNTS: dict[str, tuple[str, str, str, str]] = {
    "admin": ("administrator", "zone-admin", "Ada", "Admin"),
    "supervisor": ("supervisor", "zone-admin", "Su", "Pervisor"),
    "officer": ("unit_officer", "jilin-drc", "Ofelia", "Officer"),
    "officer2": ("unit_officer", "changchun-gov", "Otto", "Officer"),
    "leader": ("leader", "jilin-gov", "Lee", "Leader"),
    "auditor": ("auditor", "zone-admin", "Aud", "Itor"),
}
DEMO_PASSWORD = "planwatch-demo"
