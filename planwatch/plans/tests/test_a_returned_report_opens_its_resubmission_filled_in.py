import datetime as dt

from django.urls import reverse
from django.utils import timezone

from planwatch.plans import actions
from planwatch.plans.files import as_upload
from planwatch.plans.periods import period_label, period_start, previous_period
from planwatch.plans.tests.loop import lead_assignment, make_plan, make_task, submit


def test_a_returned_report_opens_its_resubmission_filled_in(client, unit_a, officer, supervisor):
    task = make_task(make_plan(), unit_a, "T-1")
    first = submit(
        officer,
        task,
        40,
        narrative="Land cleared on plot 7.",
        blockers="Permit pending.",
        files=[as_upload("photo.txt", b"site photo\n")],
    )
    actions.do_review_report(supervisor, first, first.version, False, "Add the permit number.")
    client.force_login(officer)
    url = reverse("plans:report_new", args=[lead_assignment(task).pk])

    form = client.get(url).context["form"]
    assert form.initial["narrative"] == "Land cleared on plot 7."
    assert form.initial["blockers"] == "Permit pending."
    assert form.initial["percent_complete"] == 40
    assert form.initial["period_start"] == dt.date(2025, 3, 1)
    kept = first.evidence.get()
    assert form.initial["keep_evidence"] == [kept]

    response = client.post(
        url,
        {
            "period_start": "2025-03-01",
            "percent_complete": 45,
            "narrative": "Land cleared on plot 7; permit 2025-118.",
            "keep_evidence": [kept.pk],
        },
    )
    assert response.status_code == 302
    second = lead_assignment(task).reports.get(state="submitted")
    assert second.revises == first
    assert [e.name for e in second.evidence.all()] == ["photo.txt"]
    assert second.evidence.get().file.name == kept.file.name
    assert first.evidence.count() == 1


def test_the_report_form_names_the_period_that_is_due(client, unit_a, officer):
    today = timezone.localdate()
    task = make_task(
        make_plan(), unit_a, "T-2", start_date=dt.date(2024, 1, 1), deadline=dt.date(2040, 1, 1)
    )
    client.force_login(officer)
    response = client.get(reverse("plans:report_new", args=[lead_assignment(task).pk]))
    due = previous_period(period_start(today, 1), 1)
    assert f"Report due for {period_label(due, 1)}." in response.content.decode()
    assert response.context["form"].initial["period_start"] == due
