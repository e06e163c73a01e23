import datetime as dt

from django.utils import translation

from planwatch.plans import actions
from planwatch.plans.models import Notification
from planwatch.plans.notices import describe
from planwatch.plans.reminders import send_reminders
from planwatch.plans.tests.loop import make_plan, make_task

DEADLINE = dt.date(2025, 6, 30)


def told(kind: str) -> set[str]:
    return set(Notification.objects.filter(kind=kind).values_list("user__username", flat=True))


def test_a_long_overdue_task_is_escalated_to_leaders_and_supervisors(
    users, unit_a, unit_b, supervisor
):
    plan = make_plan()
    actions.do_update_plan(supervisor, plan, plan.version, escalate_after_days=7)
    make_task(plan, unit_a, "LATE-1", deadline=DEADLINE)

    send_reminders(DEADLINE + dt.timedelta(days=7))
    assert told("task_overdue") == {"unit_officer-unit-a"}
    assert told("task_overdue_escalated") == set()

    send_reminders(DEADLINE + dt.timedelta(days=8))
    assert told("task_overdue_escalated") == {
        "leader-unit-a",
        "supervisor-unit-a",
        "supervisor-unit-b",
        "administrator-unit-a",
        "administrator-unit-b",
    }
    leader = Notification.objects.get(user=users[("leader", "a")])
    (message,) = [n.message for n in describe([leader])]
    assert message == ("1 task led by Unit A Bureau has been overdue for more than 7 days: LATE-1")
    with translation.override("zh-hans"):
        (chinese,) = [n.message for n in describe([leader])]
    assert "LATE-1" in chinese and "overdue" not in chinese
