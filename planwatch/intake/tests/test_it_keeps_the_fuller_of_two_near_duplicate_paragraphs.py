from planwatch.intake.clean import drop_near_duplicates

FULL = (
    "At the Changchun New Area Planning Exhibition Hall, Jing Junhai listened to a briefing "
    "on the area's planning and the progress of its projects."
)
GARBLED = "At the Changchun New Area Planning Exhibition Hall, Jingjunhai listen to briefing on"


def test_a_cut_short_garbled_copy_is_dropped_wherever_it_stands():
    assert drop_near_duplicates([GARBLED, FULL, "Other news."]) == [FULL, "Other news."]
    assert drop_near_duplicates([FULL, GARBLED]) == [FULL]


def test_an_exact_repeat_is_kept_once():
    assert drop_near_duplicates([FULL, FULL]) == [FULL]


def test_numbered_requirements_that_share_words_are_all_kept():
    items = [
        "First, we need to speed up major projects and start every signed project this year.",
        "Second, we need to grow the pharmaceutical industry into a cluster with real strength.",
        "Third, we need to improve services for enterprises and cut approval times.",
    ]
    assert drop_near_duplicates(items) == items
