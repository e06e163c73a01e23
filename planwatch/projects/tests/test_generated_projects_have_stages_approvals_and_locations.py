from planwatch.projects.generate import generate_projects
from planwatch.projects.models import Project, ProjectStage, Region


def test_generating_projects_spreads_them_over_the_regions(db):
    assert generate_projects(50, seed=3) == 50
    assert generate_projects(10, seed=3) == 10
    assert Project.objects.count() == 60
    assert ProjectStage.objects.count() == 60 * 7
    regions = list(Region.objects.filter(projects__isnull=False).distinct())
    for project in Project.objects.prefetch_related("regions", "approvals"):
        region = project.regions.get()
        assert region.south <= float(project.latitude) <= region.north
        assert project.approvals.count() >= 2
    assert len(regions) > 1
