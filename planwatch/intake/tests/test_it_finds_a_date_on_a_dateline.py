import pytest

from planwatch.intake.pipeline import intake_text

BODY = "The Zone Management Committee should open a service window by the end of the month.\n"


@pytest.mark.parametrize(
    ("head", "tail", "published", "source"),
    [
        ("Jilin Evening News 2019-05-10\nWindow opens for investors\n", "", "2019-05-10",
         "Jilin Evening News"),
        ("Window opens for investors\n", "Changchun Online, 10 May 2019\n", "2019-05-10",
         "Changchun Online"),
        ("Window opens for investors\nRelease time: 2019.05.10 09:30\n", "", "2019-05-10", None),
        ("窗口开放\n2019年05月10日 来源：长春日报\n", "", "2019-05-10", "长春日报"),
        ("Window opens for investors in the zone (10 May 2019)\n", "", "2019-05-10", None),
    ],
)  # fmt: skip
def test_a_date_with_other_words_on_its_line_is_the_publication_date(
    gazetteer, head, tail, published, source
):
    record = intake_text(head + BODY + tail, gazetteer)
    assert record["published"] == published
    assert record["source"] == source
    assert "2019" not in record["body"]


def test_dated_links_in_a_list_are_not_the_publication_date(gazetteer):
    page = "Window opens\n" + BODY + "Trains to Seoul resume 2019-04-01\nFair opens 2019-03-28\n"
    assert intake_text(page, gazetteer)["published"] is None
