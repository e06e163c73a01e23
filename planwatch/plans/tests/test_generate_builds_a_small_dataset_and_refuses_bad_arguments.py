import pytest
from django.core.management import CommandError, call_command

from planwatch.audit.models import AuditEvent
from planwatch.plans.models import Assignment, ProgressReport, Task, TaskFigures


@pytest.mark.django_db
def test_generate_builds_a_small_dataset_and_refuses_bad_arguments():
    call_command("generate", units="5", tasks="60", reports="300", plans="2", seed="3")
    assert Task.objects.count() == 60
    assert ProgressReport.objects.count() == 300
    assert set(ProgressReport.objects.values_list("state", flat=True)) == {
        "submitted",
        "approved",
        "returned",
    }
    assert Assignment.objects.filter(role="co").exists()
    assert Task.objects.filter(parent__parent__isnull=False).exists()
    assert TaskFigures.objects.count() == 60
    assert AuditEvent.objects.count() == 0
    for bad in ({"units": "0"}, {"tasks": "many"}, {"plans": "100"}):
        arguments = {"units": "5", "tasks": "60", "reports": "10", **bad}
        with pytest.raises(CommandError) as raised:
            call_command("generate", **arguments)
        assert raised.value.returncode == 2
