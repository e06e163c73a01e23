from planwatch.projects import demo
from planwatch.projects.models import Approval, Project, Region


def test_loading_the_demo_again_adds_nothing(demo_world):
    demo.load()
    counts = (Project.objects.count(), Region.objects.count(), Approval.objects.count())
    assert counts[0] >= 10 and counts[1] >= 15
    assert demo.load() == ["Projects: 0 regions, 0 exchange rates, 0 projects created"]
    assert (Project.objects.count(), Region.objects.count(), Approval.objects.count()) == counts
    assert Project.objects.filter(code="heavy-ion-hospital", park__code="health-park").exists()
