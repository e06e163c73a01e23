from planwatch.reports.ladder import propose_notices
from planwatch.reports.models import Notice
from planwatch.reports.tests.world import days_after_deadline, make_plan, overdue_task


def test_a_task_overdue_16_days_gets_a_proposed_urging_notice(unit_a, unit_b):
    plan = make_plan("ladder")
    task = overdue_task(plan, unit_a, "L-1")
    overdue_task(plan, unit_b, "L-2")

    assert propose_notices(days_after_deadline(15)).notices == 0  # 15 is not more than 15
    result = propose_notices(days_after_deadline(16))

    assert result.notices == 2 and result.tasks == 2
    notice = Notice.objects.get(unit=unit_a)
    assert notice.state == Notice.State.PROPOSED and notice.kind == "urging"
    assert notice.number is None and notice.reference == ""
    item = notice.items.get()
    assert item.task == task and item.days_overdue == 16


def test_the_ladder_proposes_nothing_twice_and_climbs_with_the_days(unit_a):
    plan = make_plan("ladder")
    overdue_task(plan, unit_a, "L-1")
    propose_notices(days_after_deadline(16))

    assert propose_notices(days_after_deadline(17)).notices == 0
    assert propose_notices(days_after_deadline(30)).notices == 0
    assert propose_notices(days_after_deadline(31)).notices == 1
    kinds = sorted(Notice.objects.values_list("kind", flat=True))
    assert kinds == ["supervision", "urging"]


def test_a_plans_own_ladder_sets_the_days(unit_a, supervisor):
    from planwatch.reports.actions import do_save_ladder

    plan = make_plan("ladder")
    overdue_task(plan, unit_a, "L-1")
    do_save_ladder(supervisor, plan, urging_after=5, supervision_after=10, summons_after=20)

    assert propose_notices(days_after_deadline(5)).notices == 0
    result = propose_notices(days_after_deadline(11))
    assert result.notices == 1
    assert Notice.objects.get().kind == "supervision"
