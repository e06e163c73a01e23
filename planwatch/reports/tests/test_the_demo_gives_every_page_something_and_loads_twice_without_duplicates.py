from planwatch.plans import demo as plans_demo
from planwatch.reports import demo
from planwatch.reports.models import Bulletin, Card, Evaluation, Notice


def test_the_demo_gives_every_page_something_and_loads_twice_without_duplicates(demo_world):
    plans_demo.load()
    demo.load()
    states = set(Notice.objects.values_list("state", flat=True))
    assert {"issued", "answered", "proposed"} <= states
    assert Card.objects.filter(colour="red").exists() and Card.objects.filter(colour="yellow")
    assert Bulletin.objects.filter(period="month").count() == 2
    second = Bulletin.objects.order_by("period_start").last()
    assert second.content["changes"]["previous"] is not None
    counts = (Notice.objects.count(), Card.objects.count(), Bulletin.objects.count())

    evaluation = Evaluation.objects.order_by("as_of").last()
    assert evaluation.plan.code == "zone-overall-plan" and evaluation.previous is not None
    assert demo.load() == [
        "Reports: 0 notices issued, 0 proposed, 0 cards, 0 bulletins, 0 evaluations created"
    ]
    assert (Notice.objects.count(), Card.objects.count(), Bulletin.objects.count()) == counts
