from pathlib import Path

import pytest
from django.urls import reverse

from planwatch.intake.actions import do_ingest
from planwatch.intake.models import Decision, DraftDirective
from planwatch.plans.models import Plan

TEXT = (
    "Zone notice\nDate: 2026-04-22\n"
    "The Zone Management Committee must publish the guide by May 15.\n"
)


@pytest.fixture
def draft(demo_world, supervisor, tmp_path: Path):
    Plan.objects.create(code="any", title_en="Any plan")
    path = tmp_path / "notice.txt"
    path.write_text(TEXT, encoding="utf-8")
    document, _ = do_ingest(supervisor, path)
    return DraftDirective.objects.get(document=document)


def test_the_reject_button_skips_the_plan_check(draft, client, supervisor):
    client.force_login(supervisor)
    page = client.get(reverse("intake:document", args=[draft.document_id])).content.decode()
    assert 'value="reject" class="secondary" formnovalidate' in page


def test_rejecting_without_a_plan_rejects(draft, client, supervisor):
    client.force_login(supervisor)
    client.post(reverse("intake:decide_draft", args=[draft.pk]), {"decision": "reject"})
    draft.refresh_from_db()
    assert draft.decision == Decision.REJECTED
