import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from planwatch.plans.models import ProgressReport
from planwatch.plans.tests.loop import lead_assignment, make_plan, make_task, submit


def test_it_rejects_other_units_report(client, unit_a, users):
    task = make_task(make_plan(), unit_a, "T-1")
    outsider = users[("unit_officer", "b")]
    with pytest.raises(PermissionDenied):
        submit(outsider, task)

    client.force_login(outsider)
    url = reverse("plans:report_new", args=[lead_assignment(task).pk])
    response = client.post(url, {"period_start": "2025-03-01", "percent_complete": 10})
    assert response.status_code == 404
    assert not ProgressReport.objects.exists()
