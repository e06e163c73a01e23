import datetime as dt

from planwatch.plans.models import Notification
from planwatch.plans.reminders import send_reminders
from planwatch.plans.tests.dashboard_world import build


def test_a_reminder_is_never_sent_twice_on_the_same_day(users, unit_a, unit_b, mailoutbox):
    for user in users.values():
        user.email = f"{user.username}@example.org"
        user.save()
    build(users, unit_a, unit_b)
    day = dt.date(2025, 7, 3)  # June's reports are due on 5 July: due soon; tasks overdue
    first = send_reminders(day)
    kinds = set(Notification.objects.values_list("kind", flat=True))
    assert {"report_due_soon", "task_overdue", "reports_waiting"} <= kinds
    assert first.created > 0 and len(mailoutbox) == first.created
    second = send_reminders(day)
    assert second.created == 0 and second.already_sent == first.created
    assert len(mailoutbox) == first.created
    officer_a = users[("unit_officer", "a")]
    due = Notification.objects.get(user=officer_a, kind="report_due_soon")
    assert "dash-a-0" in due.params["refs"] and "dash-b-0" not in due.params["refs"]
    assert send_reminders(day + dt.timedelta(days=3)).created > 0  # a new day, a new reminder
    late = Notification.objects.get(user=officer_a, kind="report_overdue")
    assert late.day == day + dt.timedelta(days=3)
