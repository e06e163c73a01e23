import datetime as dt

from django.urls import reverse
from django.utils import formats, translation

from planwatch.plans.models import Task
from planwatch.plans.tests.loop import make_plan, make_task, submit


def test_a_200000_character_description_is_refused_by_its_label(client, supervisor):
    plan = make_plan()
    client.force_login(supervisor)
    response = client.post(
        reverse("plans:task_new"),
        {
            "plan": plan.pk,
            "reference": "T-LONG",
            "kind": "task",
            "title_en": "Road",
            "start_date": "2026-01-01",
            "description": "x" * 200_000,
            "weight": "1",
        },
    )
    assert response.status_code == 200
    assert "description" in response.context["form"].errors
    assert not Task.objects.filter(reference="T-LONG").exists()


def test_a_200000_character_report_is_refused(client, unit_a, officer):
    task = make_task(make_plan(), unit_a, "T-1")
    client.force_login(officer)
    url = reverse("plans:report_new", args=[task.assignments.get().pk])
    response = client.post(
        url, {"period_start": "2025-03-01", "percent_complete": 10, "narrative": "w" * 200_000}
    )
    assert "narrative" in response.context["form"].errors
    assert not task.assignments.get().reports.exists()


def test_dates_read_one_way_per_language(client, unit_a, officer):
    day = dt.date(2026, 7, 1)
    with translation.override("en"):
        assert formats.date_format(day) == "2026-07-01"
        assert formats.date_format(day, "SHORT_DATE_FORMAT") == "2026-07-01"
    with translation.override("zh-hans"):
        assert formats.date_format(day) == "2026年7月1日"
    submit(officer, make_task(make_plan(), unit_a, "T-2"), 10)
    client.force_login(officer)
    page = client.get(reverse("plans:task", args=["T-2"])).content.decode()
    assert "2025-12-31" in page and "Dec. 31, 2025" not in page
    assert 'rel="icon"' in page
