"""Reference lists every installation starts with: countries, industries, approval kinds.

Administrators edit them afterwards (Django admin). Loaded by a data migration, so a
fresh database can import projects at once; `load()` is idempotent.
"""

# (ISO code, English, Chinese); South Korea first: the zone is a China–South Korea zone.
COUNTRIES: list[tuple[str, str, str]] = [
    ("KR", "South Korea", "韩国"),
    ("CN", "China", "中国"),
    ("JP", "Japan", "日本"),
    ("US", "United States", "美国"),
    ("DE", "Germany", "德国"),
    ("RU", "Russia", "俄罗斯"),
    ("MN", "Mongolia", "蒙古"),
    ("KP", "North Korea", "朝鲜"),
    ("SG", "Singapore", "新加坡"),
    ("HK", "Hong Kong, China", "中国香港"),
    ("TW", "Taiwan, China", "中国台湾"),
    ("GB", "United Kingdom", "英国"),
    ("FR", "France", "法国"),
    ("IT", "Italy", "意大利"),
    ("NL", "Netherlands", "荷兰"),
    ("CH", "Switzerland", "瑞士"),
    ("SE", "Sweden", "瑞典"),
    ("FI", "Finland", "芬兰"),
    ("DK", "Denmark", "丹麦"),
    ("AT", "Austria", "奥地利"),
    ("ES", "Spain", "西班牙"),
    ("CA", "Canada", "加拿大"),
    ("AU", "Australia", "澳大利亚"),
    ("NZ", "New Zealand", "新西兰"),
    ("IN", "India", "印度"),
    ("VN", "Viet Nam", "越南"),
    ("TH", "Thailand", "泰国"),
    ("MY", "Malaysia", "马来西亚"),
    ("ID", "Indonesia", "印度尼西亚"),
    ("AE", "United Arab Emirates", "阿联酋"),
    ("SA", "Saudi Arabia", "沙特阿拉伯"),
    ("IL", "Israel", "以色列"),
    ("BR", "Brazil", "巴西"),
    ("KZ", "Kazakhstan", "哈萨克斯坦"),
]

# (code, English, Chinese, GB/T 4754-2017 code): the zone's leading industries first.
INDUSTRIES: list[tuple[str, str, str, str]] = [
    ("high-end-equipment", "High-end equipment", "高端装备", "C34"),
    ("medicine", "Medicine and medical care", "医药健康", "C27"),
    ("health-food", "Health food", "健康食品", "C14"),
    ("digital-economy", "Digital economy", "数字经济", "I65"),
    ("modern-services", "Modern services", "现代服务业", "L72"),
    ("new-energy", "New energy and hydrogen", "新能源与氢能", "D44"),
    ("new-materials", "New materials", "新材料", "C30"),
    ("automobiles", "Automobiles", "汽车", "C36"),
    ("rail-transit", "Rail transit", "轨道交通", "C37"),
    ("remote-sensing", "Remote-sensing information", "遥感信息", "I65"),
    ("modern-agriculture", "Modern agriculture", "现代农业", "A01"),
    ("tourism", "Tourism, leisure and ice-and-snow", "旅游休闲与冰雪", "N78"),
    ("general-aviation", "General aviation", "通用航空", "G56"),
]

# (code, English, Chinese, usual agency)
APPROVAL_KINDS: list[tuple[str, str, str, str]] = [
    ("filing", "Project approval or filing", "项目核准或备案", "Development and reform commission"),
    ("land", "Land-use right", "土地使用权", "Natural resources bureau"),
    ("site-permit", "Land-use planning permit", "建设用地规划许可证", "Natural resources bureau"),
    ("eia", "Environmental impact assessment", "环境影响评价", "Ecology and environment bureau"),
    ("energy", "Energy-saving review", "节能审查", "Development and reform commission"),
    ("works-permit", "Works planning permit", "建设工程规划许可证", "Natural resources bureau"),
    ("fire", "Fire-protection design review", "消防设计审查", "Housing and construction bureau"),
    (
        "construction",
        "Construction permit",
        "建筑工程施工许可证",
        "Housing and construction bureau",
    ),
    ("acceptance", "Completion acceptance", "竣工验收", "Housing and construction bureau"),
]


def load(apps=None) -> dict[str, int]:
    """Create what is missing; with `apps`, run inside a migration's historical models."""
    if apps is None:
        from django.apps import apps
    country = apps.get_model("projects", "Country")
    industry = apps.get_model("projects", "Industry")
    kind = apps.get_model("projects", "ApprovalKind")
    created = {"countries": 0, "industries": 0, "approval kinds": 0}
    for i, (code, en, zh) in enumerate(COUNTRIES):
        _, new = country.objects.get_or_create(
            code=code, defaults={"name_en": en, "name_zh": zh, "position": i}
        )
        created["countries"] += new
    for i, (code, en, zh, national) in enumerate(INDUSTRIES):
        _, new = industry.objects.get_or_create(
            code=code,
            defaults={"name_en": en, "name_zh": zh, "national_code": national, "position": i},
        )
        created["industries"] += new
    for i, (code, en, zh, agency) in enumerate(APPROVAL_KINDS):
        _, new = kind.objects.get_or_create(
            code=code,
            defaults={"name_en": en, "name_zh": zh, "default_agency": agency, "position": i},
        )
        created["approval kinds"] += new
    return created
