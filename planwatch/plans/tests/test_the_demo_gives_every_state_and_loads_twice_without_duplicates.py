from collections import Counter
from io import StringIO

from django.core.management import call_command
from django.utils import timezone, translation

from planwatch.accounts.models import User
from planwatch.plans import demo
from planwatch.plans.models import (
    ExtensionRequest,
    MajorIssue,
    Notification,
    ProgressReport,
    SourceDocument,
    Task,
)
from planwatch.plans.notices import describe
from planwatch.plans.queries import task_rows, tasks_visible_to
from planwatch.plans.status import Status


def test_the_demo_gives_every_state_and_loads_twice_without_duplicates(
    db, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    with django_capture_on_commit_callbacks(execute=True):
        call_command("demo", stdout=StringIO())
    counts = (Task.objects.count(), ProgressReport.objects.count(), SourceDocument.objects.count())
    assert demo.load() == [
        "Plans: 0 documents created, 0 plans created, 0 tasks created, 0 reports created"
    ]
    assert (
        Task.objects.count(),
        ProgressReport.objects.count(),
        SourceDocument.objects.count(),
    ) == counts

    tasks = Task.objects.select_related("plan")
    statuses = Counter(row.status for row in task_rows(tasks, timezone.localdate()))
    for status in Status:
        assert statuses[status], f"no demo task is {status}"
    assert set(ProgressReport.objects.values_list("state", flat=True)) == {
        "approved",
        "returned",
        "submitted",
    }
    assert ExtensionRequest.objects.filter(state="pending").exists()
    assert MajorIssue.objects.filter(resolved_at__isnull=True).exists()
    for username in ("officer", "officer2"):
        officer = User.objects.get(username=username)
        assert tasks_visible_to(officer).count() >= 5
    assert Notification.objects.filter(user__username="supervisor").exists()

    # What a notification says agrees with the report's state now, in either language.
    notices = describe(Notification.objects.filter(kind="report_submitted").select_related("task"))
    assert notices
    for notice in notices:
        report = ProgressReport.objects.get(pk=notice.params["report"])
        waits = notice.message.endswith("it waits for review.")
        assert waits == (report.state == ProgressReport.State.SUBMITTED), notice.message
    with translation.override("zh-hans"):
        chinese = describe(Notification.objects.filter(kind="report_submitted"))
    states = ("等待审核", "已审核通过", "已被退回")
    assert all(any(state in n.message for state in states) for n in chinese)
