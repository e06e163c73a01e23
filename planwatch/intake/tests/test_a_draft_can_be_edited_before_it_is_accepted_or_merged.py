import datetime as dt
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from planwatch.audit.models import AuditEvent
from planwatch.intake.actions import do_accept_draft, do_ingest, do_merge_draft
from planwatch.intake.models import Decision, DraftDirective
from planwatch.plans.models import Plan, Task

TEXT = (
    "Zone meeting on Korean investment\n"
    "Date: 2026-04-22\n"
    "The meeting required that:\n"
    "1. The Zone Management Committee should complete the list of target Korean companies "
    "by May 15.\n"
    "2. Changchun Municipal Government must, together with the Jilin Provincial Development "
    "and Reform Commission, secure land for the projects by the end of June.\n"
)


@pytest.fixture
def drafts(demo_world, supervisor, tmp_path: Path):
    path = tmp_path / "minutes.txt"
    path.write_text(TEXT, encoding="utf-8")
    document, _ = do_ingest(supervisor, path)
    return list(DraftDirective.objects.filter(document=document).order_by("position"))


@pytest.fixture
def plan(db):
    return Plan.objects.create(code="kor", title_en="Korean investment 2026")


def test_the_draft_carries_deadline_lead_and_co_units(drafts):
    second = drafts[1]
    assert second.deadline == dt.date(2026, 6, 30)
    assert second.deadline_as_written == "by the end of June"
    assert second.co_units == ["Jilin Provincial Development and Reform Commission"]
    assert second.title == "Secure land for the projects"


def test_the_reviewers_edits_go_into_the_task_and_the_audit(drafts, plan, supervisor):
    task = do_accept_draft(
        supervisor,
        drafts[0],
        plan.pk,
        edits={"title": "Target company list", "deadline": dt.date(2026, 5, 31)},
    )
    assert (task.title_en, task.deadline, task.reference) == (
        "Target company list",
        dt.date(2026, 5, 31),
        "KOR-1",
    )
    event = AuditEvent.objects.get(object_id=str(drafts[0].pk), action="accepted")
    assert event.changes["deadline"] == ["2026-05-15", "2026-05-31"]


def test_an_edited_lead_the_directory_lacks_is_refused(drafts, plan, supervisor):
    with pytest.raises(ValidationError) as error:
        do_accept_draft(supervisor, drafts[0], plan.pk, edits={"responsible": ["Nowhere Bureau"]})
    assert "lead" in error.value.message_dict
    assert not Task.objects.exists()


def test_a_draft_merged_into_a_task_creates_none(drafts, plan, supervisor):
    existing = do_accept_draft(supervisor, drafts[0], plan.pk)
    task = do_merge_draft(supervisor, drafts[1], existing.reference, "same work")
    drafts[1].refresh_from_db()
    assert task == existing and drafts[1].task == existing
    assert drafts[1].decision == Decision.ACCEPTED
    assert Task.objects.count() == 1


def test_merging_into_an_unknown_reference_names_the_task_field(drafts, supervisor):
    with pytest.raises(ValidationError) as error:
        do_merge_draft(supervisor, drafts[0], "NO-SUCH-1")
    assert "task" in error.value.message_dict
