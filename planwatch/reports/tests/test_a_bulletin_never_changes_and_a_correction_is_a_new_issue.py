import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from planwatch.reports import actions
from planwatch.reports.models import Bulletin
from planwatch.reports.tests.world import make_plan, overdue_task

TODAY = dt.date(2026, 2, 2)


def test_a_bulletin_never_changes_and_a_correction_is_a_new_issue(supervisor, unit_a):
    overdue_task(make_plan("fixed"), unit_a, "X-1")
    bulletin = actions.do_generate_bulletin(
        supervisor, "month", dt.date(2026, 1, 1), dt.date(2026, 1, 31), TODAY
    )
    bulletin.content["headline"]["overdue"] = 0
    with pytest.raises(ValueError, match="never changes"):
        bulletin.save()
    bulletin.refresh_from_db()
    assert bulletin.content["headline"]["overdue"] == 1

    with pytest.raises(ValidationError, match="What it corrects"):
        actions.do_generate_bulletin(
            supervisor,
            "month",
            dt.date(2026, 1, 1),
            dt.date(2026, 1, 31),
            TODAY,
            corrects=bulletin,
        )
    correction = actions.do_generate_bulletin(
        supervisor,
        "month",
        dt.date(2026, 1, 1),
        dt.date(2026, 1, 31),
        TODAY,
        corrects=bulletin,
        correction_note="Unit A's figures were counted twice.",
    )
    assert correction.corrects == bulletin and correction.number == bulletin.number + 1
    assert Bulletin.objects.count() == 2


def test_a_period_that_ends_before_it_starts_is_refused(supervisor):
    with pytest.raises(ValidationError, match="ends .* before it starts"):
        actions.do_generate_bulletin(
            supervisor, "custom", dt.date(2026, 1, 31), dt.date(2026, 1, 1), TODAY
        )
    with pytest.raises(ValidationError, match="not ended"):
        actions.do_generate_bulletin(
            supervisor, "month", dt.date(2026, 2, 1), dt.date(2026, 2, 28), TODAY
        )
    with pytest.raises(ValidationError, match="not a kind of period"):
        actions.do_generate_bulletin(
            supervisor, "fortnight", dt.date(2026, 1, 1), dt.date(2026, 1, 14), TODAY
        )
    assert not Bulletin.objects.exists()
