import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from planwatch.plans.models import ProgressReport
from planwatch.plans.tests.loop import make_plan, make_task, submit


def test_only_one_report_per_month_waits_for_review(unit_a, officer):
    task = make_task(make_plan(), unit_a, "T-1")
    submit(officer, task, 30, month=dt.date(2025, 3, 4))
    with pytest.raises(ValidationError) as error:
        submit(officer, task, 35, month=dt.date(2025, 3, 20))
    assert "already waiting for review" in error.value.message_dict["period_start"][0]
    submit(officer, task, 50, month=dt.date(2025, 4, 1))
    assert ProgressReport.objects.filter(state="submitted").count() == 2
