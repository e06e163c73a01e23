import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from planwatch.plans import actions
from planwatch.plans.tests.loop import make_plan, make_task

TEXT = "The meeting stressed: First, open the rail route. Fourth, report each quarter."


def test_a_task_shows_the_clause_it_came_from(client, unit_a, officer, supervisor):
    document = actions.do_create_document(
        supervisor, kind="meeting_record", title="Leading group meeting", text=TEXT
    )
    clause = actions.do_add_clause(supervisor, document, "Fourth,", "report each quarter.")
    assert TEXT[clause.span_start : clause.span_end] == "report each quarter."
    start = TEXT.index("each quarter")
    task = make_task(
        make_plan(),
        unit_a,
        "LG-4",
        source_clause=clause,
        source_span_start=start,
        source_span_end=start + len("each quarter"),
    )

    client.force_login(officer)
    page = client.get(reverse("plans:task", args=[task.reference])).content.decode()
    assert "Fourth," in page and "<mark>each quarter</mark>" in page
    page = client.get(reverse("plans:document", args=[document.pk])).content.decode()
    assert "LG-4" in page


def test_a_span_outside_its_clause_is_refused(unit_a):
    document = actions.do_create_document(None, kind="plan", title="Plan", text=TEXT)
    clause = actions.do_add_clause(None, document, "Fourth,", "report each quarter.")
    with pytest.raises(ValidationError) as error:
        make_task(
            make_plan(),
            unit_a,
            "LG-4",
            source_clause=clause,
            source_span_start=0,
            source_span_end=5,
        )
    assert "source_span_start" in error.value.message_dict
