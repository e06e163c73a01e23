import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from planwatch.plans.models import ProgressReport, Task
from planwatch.projects.models import Project


def test_generate_builds_tasks_reports_and_projects(db, capsys):
    call_command("generate", "--units", "4", "--tasks", "30", "--reports", "60", "--projects", "12")
    assert Task.objects.count() == 30
    assert ProgressReport.objects.count() == 60
    assert Project.objects.count() == 12
    assert "12 projects generated." in capsys.readouterr().out


def test_a_negative_project_count_is_refused_before_anything_is_written(db):
    with pytest.raises(CommandError) as error:
        call_command(
            "generate", "--units", "4", "--tasks", "30", "--reports", "60", "--projects", "-1"
        )
    assert error.value.returncode == 2
    assert "--projects" in str(error.value)
    assert Task.objects.count() == 0
