from planwatch.intake.pipeline import intake_text

TEXT = (
    "Meeting on freight\n2019-05-10\nOn May 8, Jing Junhai chaired a meeting. He stressed: "
    "First, the Harbour Logistics Bureau should open two freight lines. Second, 市口岸办要简化"
    "通关手续。 Third, all departments concerned must help.\n"
)


def test_a_body_missing_from_the_directory_is_responsible_as_written_and_proposed(gazetteer):
    record = intake_text(TEXT, gazetteer)
    responsible = [d["responsible"] for d in record["directives"]]
    assert responsible == [["Harbour Logistics Bureau"], ["市口岸办"], ["departments concerned"]]
    assert (
        "proposal: new organisation 'Harbour Logistics Bureau' (named as responsible)"
        in (record["warnings"])
    )
    assert not any("departments concerned" in w for w in record["warnings"])


def test_a_short_reference_names_the_body_mentioned_before(gazetteer):
    text = (
        "New Area news\n2018-01-19\nJing Junhai visited Changchun New Area. He stressed that "
        "the New Area should cut approval times.\n"
    )
    record = intake_text(text, gazetteer)
    assert record["directives"][0]["responsible"] == ["Changchun New Area"]
