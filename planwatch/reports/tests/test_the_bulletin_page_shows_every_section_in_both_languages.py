import datetime as dt

from django.utils import translation

from planwatch.reports import actions
from planwatch.reports.tests.world import make_plan, overdue_task


def test_the_bulletin_page_shows_every_section_in_both_languages(
    client, supervisor, officer, unit_a, unit_b
):
    plan = make_plan("page")
    overdue_task(plan, unit_a, "P-1", title_zh="建设物流园")
    overdue_task(plan, unit_b, "P-2", deadline=dt.date(2027, 1, 1))
    actions.do_issue_card(supervisor, unit_a, "red", "Ignored the notice.", dt.date(2026, 1, 20))
    bulletin = actions.do_generate_bulletin(
        supervisor, "month", dt.date(2026, 1, 1), dt.date(2026, 1, 31), dt.date(2026, 2, 1)
    )

    client.force_login(officer)
    page = client.get(f"/reports/bulletins/{bulletin.pk}/").content.decode()
    for section in (
        "1. Overall",
        "3. Units ranked",
        "9. Commendation and criticism",
        "10. What changed since the previous bulletin",
        bulletin.reference,
    ):
        assert section in page
    assert "<svg" in page and "P-1" in page

    client.post("/i18n/setlang/", {"language": "zh-hans", "next": "/"})
    page = client.get(f"/reports/bulletins/{bulletin.pk}/").content.decode()
    translation.activate("en")
    assert "与上期相比的变化" in page and "建设物流园" in page and "单位排名" in page
