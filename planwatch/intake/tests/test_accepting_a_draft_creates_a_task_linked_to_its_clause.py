from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from planwatch.intake.actions import do_accept_draft, do_ingest, do_reject_draft
from planwatch.intake.models import Decision, DraftDirective
from planwatch.plans.models import Plan

TEXT = """Jilin Daily 2018-12-08

On December 7, Jing Junhai chaired a meeting of the Provincial Leading Group for the Belt and Road.
He stressed: First, the leading group office should draw up the annual work plan for opening up.
Second, Changchun City should speed up the Demonstration Zone's infrastructure.
"""


@pytest.fixture
def drafts(demo_world, supervisor, tmp_path: Path):
    path = tmp_path / "meeting.txt"
    path.write_text(TEXT, encoding="utf-8")
    document, _ = do_ingest(supervisor, path)
    return list(DraftDirective.objects.filter(document=document).order_by("position"))


@pytest.fixture
def plan(db):
    return Plan.objects.create(code="bri-2018", title_en="Belt and Road requirements 2018")


def test_the_task_keeps_the_clause_and_its_span(drafts, plan, supervisor):
    draft = next(d for d in drafts if "Changchun City" in d.text)
    task = do_accept_draft(supervisor, draft, plan.pk)
    clause = task.source_clause
    assert clause.text == draft.text
    assert clause.document.text[clause.span_start : clause.span_end] == draft.text
    assert task.lead_unit.name_en == "Changchun City"
    assert task.plan == plan
    draft.refresh_from_db()
    assert draft.decision == Decision.ACCEPTED and draft.task == task


def test_two_drafts_of_one_document_share_one_source_document(drafts, plan, supervisor):
    first = do_accept_draft(supervisor, drafts[0], plan.pk)
    second = do_accept_draft(supervisor, drafts[1], plan.pk)
    assert first.source_clause.document == second.source_clause.document
    assert first.reference != second.reference


def test_accepting_without_a_plan_names_the_plan_field(drafts, supervisor):
    with pytest.raises(ValidationError) as error:
        do_accept_draft(supervisor, drafts[0], "")
    assert "plan" in error.value.message_dict


def test_a_rejected_draft_creates_nothing(drafts, supervisor, plan):
    do_reject_draft(supervisor, drafts[0], "a background sentence")
    assert plan.tasks.count() == 0
    with pytest.raises(ValidationError):
        do_accept_draft(supervisor, drafts[0], plan.pk)
