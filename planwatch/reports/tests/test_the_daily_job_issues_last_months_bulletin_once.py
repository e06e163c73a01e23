import datetime as dt

from django.core.management import call_command

from planwatch.reports.models import Bulletin
from planwatch.reports.tests.world import make_plan, overdue_task


def test_the_daily_job_issues_last_months_bulletin_once(unit_a, capsys):
    overdue_task(make_plan("scheduled"), unit_a, "S-1")
    call_command("ladder", "--date", "2026-03-03")
    call_command("ladder", "--date", "2026-03-04")

    bulletin = Bulletin.objects.get()
    assert (bulletin.period_start, bulletin.period_end) == (
        dt.date(2026, 2, 1),
        dt.date(2026, 2, 28),
    )
    assert bulletin.issued_by is None and bulletin.content["headline"]["overdue"] == 1
    out = capsys.readouterr().out
    assert "last month's bulletin issued." in out and "no bulletin due." in out
