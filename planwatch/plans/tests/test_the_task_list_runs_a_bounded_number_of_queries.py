import datetime as dt

from django.urls import reverse

from planwatch.plans import actions
from planwatch.plans.tests.loop import make_plan, make_task, submit


def _tasks(n, plan, unit, officer, supervisor, start=0):
    for i in range(start, start + n):
        task = make_task(plan, unit, f"T-{i:03}", deadline=dt.date(2025, 6, 1 + i % 28))
        actions.do_add_milestone(
            None, task, name="Design", due_date=dt.date(2025, 3, 1), expected_percent=20
        )
        report = submit(officer, task, 10 + i)
        actions.do_review_report(supervisor, report, report.version, True)


def _count(client, django_assert_max_num_queries, url, limit):
    client.get(url)  # a session's first request records its activity: not the page's cost
    with django_assert_max_num_queries(limit) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_task_list_runs_a_bounded_number_of_queries(
    client, django_assert_max_num_queries, unit_a, officer, supervisor
):
    plan = make_plan()
    _tasks(3, plan, unit_a, officer, supervisor)
    client.force_login(officer)
    url = reverse("plans:tasks") + "?status=on_track"
    few = _count(client, django_assert_max_num_queries, reverse("plans:tasks"), 25)
    few_filtered = _count(client, django_assert_max_num_queries, url, 25)

    _tasks(20, plan, unit_a, officer, supervisor, start=3)

    assert _count(client, django_assert_max_num_queries, reverse("plans:tasks"), 25) == few
    assert _count(client, django_assert_max_num_queries, url, 25) == few_filtered


def _child(plan, parent, unit, officer, supervisor, i):
    child = make_task(plan, unit, f"C-{i}", parent=parent)
    report = submit(officer, child, 50)
    actions.do_review_report(supervisor, report, report.version, True)
    # Within the parent's life (to June): a seventh report revises the first month's.
    on_parent = submit(officer, parent, 10 + i, month=dt.date(2025, 1 + i % 6, 1))
    actions.do_review_report(supervisor, on_parent, on_parent.version, True)


def test_the_task_page_runs_a_bounded_number_of_queries(
    client, django_assert_max_num_queries, unit_a, officer, supervisor
):
    """The same shape of tree (one level of sub-tasks) costs the same, however wide."""
    plan = make_plan()
    _tasks(1, plan, unit_a, officer, supervisor)
    parent = plan.tasks.get()
    _child(plan, parent, unit_a, officer, supervisor, 0)
    client.force_login(supervisor)
    url = reverse("plans:task", args=[parent.reference])
    few = _count(client, django_assert_max_num_queries, url, 40)
    for i in range(1, 8):
        _child(plan, parent, unit_a, officer, supervisor, i)
    assert _count(client, django_assert_max_num_queries, url, 40) == few
