"""A name is shown in the reader's language, falling back to the others in a fixed order."""

import pytest
from django.utils import translation

from planwatch.directory.models import Organisation, Person

KOREAN_GOVERNMENT = {
    "name_en": "Government of the Republic of Korea",
    "name_zh": "大韩民国政府",
    "name_ko": "대한민국 정부",
    "name_ko_romanised": "Daehanminguk Jeongbu",
}


@pytest.mark.parametrize(
    ("language", "shown"),
    [
        ("en", "Government of the Republic of Korea"),
        ("zh-hans", "大韩民国政府"),
        ("ko", "대한민국 정부"),
    ],
)
def test_each_language_shows_its_own_name(language, shown):
    assert Organisation(**KOREAN_GOVERNMENT).display_name(language) == shown


@pytest.mark.parametrize(
    ("names", "language", "shown"),
    [
        ({"name_en": "Jing Junhai", "name_zh": "景俊海"}, "ko", "Jing Junhai"),
        ({"name_zh": "景俊海"}, "ko", "景俊海"),
        ({"name_ko": "김철수", "name_ko_romanised": "Kim Cheolsu"}, "en", "Kim Cheolsu"),
        ({"name_ko": "김철수"}, "en", "김철수"),
        ({"name_ko": "김철수", "name_ko_romanised": "Kim Cheolsu"}, "zh-hans", "김철수"),
        ({"name_en": "Kim Cheolsu", "name_ko": "김철수"}, "zh-hans", "Kim Cheolsu"),
    ],
)
def test_a_missing_name_falls_back_to_another(names, language, shown):
    assert Person(**names).display_name(language) == shown


def test_the_name_follows_the_active_language():
    government = Organisation(**KOREAN_GOVERNMENT)
    with translation.override("ko"):
        assert government.name == str(government) == "대한민국 정부"
    with translation.override("zh-hans"):
        assert government.name == "大韩民国政府"


def test_the_other_names_are_those_not_shown():
    government = Organisation(**KOREAN_GOVERNMENT)
    with translation.override("ko"):
        assert government.other_names == "Government of the Republic of Korea · 大韩民国政府"
    assert government.all_names == (
        "Government of the Republic of Korea · 大韩民国政府 · 대한민국 정부 (Daehanminguk Jeongbu)"
    )
