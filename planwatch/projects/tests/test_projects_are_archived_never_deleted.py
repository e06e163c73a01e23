import pytest

from planwatch.audit.models import AuditEvent
from planwatch.lib.models import ArchiveInstead
from planwatch.projects import actions
from planwatch.projects.models import Project
from planwatch.projects.queries import projects_visible_to
from planwatch.projects.tests.factories import make_project


def test_archiving_hides_a_project_keeps_it_and_writes_an_event(unit_a, supervisor):
    project = make_project(unit_a)
    with pytest.raises(ArchiveInstead):
        project.delete()
    actions.do_archive(supervisor, project, "duplicate")
    assert not projects_visible_to(supervisor).exists()
    assert Project.objects.filter(pk=project.pk).exists()
    assert AuditEvent.objects.filter(object_id=str(project.pk), action="archived").exists()
