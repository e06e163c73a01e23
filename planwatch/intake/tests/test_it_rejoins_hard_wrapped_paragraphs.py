from planwatch.intake.pipeline import intake_text

MAIL = """Provincial news 2021-04-02

Wang Kai holds talks on the zone's logistics

On April 1, Wang Kai met the managers of three freight companies in Changchun. He asked
that the Railway Freight Centre should add a weekly train to Korea and that the carriers
cut their prices for the firms of the zone by one fifth before the autumn.

The talks lasted two hours.
"""


def test_a_paragraph_broken_at_a_fixed_column_is_one_paragraph_again(gazetteer):
    record = intake_text(MAIL, gazetteer)
    assert record["title"] == "Wang Kai holds talks on the zone's logistics"
    first, second = record["body"].split("\n\n")
    assert first.startswith("On April 1, Wang Kai met the managers")
    assert "He asked that the Railway Freight Centre should add" in first
    assert first.endswith("before the autumn.")
    assert second == "The talks lasted two hours."


def test_lines_of_a_page_that_end_like_sentences_stay_apart(gazetteer):
    page = "A title\nThe first paragraph ends here.\nThe second one starts in capitals.\n"
    assert intake_text(page, gazetteer)["body"].count("\n\n") == 1
