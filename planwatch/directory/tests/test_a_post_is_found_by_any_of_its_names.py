from planwatch.directory.models import Post
from planwatch.directory.resolver import resolve_post

GOVERNOR_NAMES = [
    "Governor of Jilin",
    "Jilin Governor",
    "吉林省省长",
    "governor of jilin province",
    # "<title> of <any name of the organisation>", not stored as an alias
    "Governor of the Jilin Provincial Government",
    "Governor of People's Government of Jilin Province",
    "Jilin Provincial Government Governor",
    "吉林省人民政府省长",
    "吉林省政府省长",  # a short name of the organisation run together with the title
]


def test_every_name_of_the_governorship_finds_it(demo_world):
    governor = Post.objects.get(code="jilin-governor")
    assert {n: resolve_post(n) for n in GOVERNOR_NAMES} == dict.fromkeys(GOVERNOR_NAMES, governor)


def test_the_same_title_in_two_organisations_finds_two_posts(demo_world):
    assert resolve_post("Secretary of Changchun Municipal Party Committee").code == (
        "changchun-party-secretary"
    )
    assert resolve_post("Secretary of the Jilin Provincial Party Committee").code == (
        "jilin-party-secretary"
    )
    assert resolve_post("Mayor of Changchun Municipal Government").code == "changchun-mayor"
    assert resolve_post("长春市政府市长").code == "changchun-mayor"
    assert resolve_post("吉林省政府常务副省长").code == "jilin-executive-vice-governor"
