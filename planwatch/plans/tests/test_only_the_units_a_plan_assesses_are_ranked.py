import datetime as dt

from django.urls import reverse

from planwatch.plans import actions
from planwatch.plans import queries_dashboard as q
from planwatch.plans.tests.loop import make_plan, make_task, submit
from planwatch.testing import make_unit, make_user

TODAY = dt.date(2025, 6, 15)


def test_only_the_units_a_plan_assesses_are_ranked(client, unit_a, unit_b, users, supervisor):
    plan = make_plan()
    province = make_unit("Provincial Government", "province")
    make_task(plan, unit_a, "A-1")
    make_task(plan, unit_b, "B-1")
    make_task(plan, province, "P-1")
    for unit, key in ((unit_a, "a"), (unit_b, "b")):
        report = submit(users[("unit_officer", key)], plan.tasks.get(lead_unit=unit), 30)
        actions.do_review_report(supervisor, report, report.version, True)
    officer = make_user("unit_officer", province, "province-officer")
    report = submit(officer, plan.tasks.get(lead_unit=province), 30)
    actions.do_review_report(supervisor, report, report.version, True)

    everyone = {r.unit.code: r for r in q.unit_figures(supervisor, q.Filters(), TODAY)}
    assert everyone["province"].rank is not None  # the plan names nobody: every lead unit

    plan.assessed_units.set([unit_a, unit_b])
    rows = {r.unit.code: r for r in q.unit_figures(supervisor, q.Filters(), TODAY)}
    assert rows["province"].score is None and rows["province"].rank is None
    assert rows["unit-a"].rank is not None and rows["unit-b"].rank is not None

    client.force_login(supervisor)
    page = client.get(reverse("dashboard:units")).content.decode()
    assert "not assessed" in page


def test_every_figure_of_a_score_links_to_its_records(client, unit_a, officer, supervisor):
    plan = make_plan()
    task = make_task(plan, unit_a, "A-1")
    on_time = submit(officer, task, 30, month=dt.date(2025, 3, 1))
    actions.do_review_report(supervisor, on_time, on_time.version, True)
    submit(officer, task, 35, month=dt.date(2025, 3, 1))  # a revision: not a second report
    row = next(r for r in q.unit_figures(supervisor, q.Filters(), TODAY) if r.unit == unit_a)
    assert row.counts.reports == 1
    client.force_login(supervisor)
    for name in ("total", "overdue", "closed", "reports", "on_time"):
        assert client.get(row.links[name]).status_code == 200, name
    listed = client.get(row.links["reports"]).context["page"].paginator.count
    assert listed == row.counts.reports
    on_time_listed = client.get(row.links["on_time"]).context["page"].paginator.count
    assert on_time_listed == row.counts.reports_on_time
