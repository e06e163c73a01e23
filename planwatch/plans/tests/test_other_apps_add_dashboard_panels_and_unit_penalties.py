"""The hooks of plans/extensions.py, with a fake panel and a fake penalty registered for
each test and unregistered after it."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from planwatch.plans import extensions
from planwatch.plans import queries_dashboard as q
from planwatch.plans.models import Plan
from planwatch.plans.tests.dashboard_world import TODAY, build
from planwatch.plans.tests.test_the_dashboard_runs_in_a_bounded_number_of_queries import LIMIT


def fake_panel(user, filters, today):
    """One query, like a projects panel counting its rows."""
    plans = Plan.objects.count()
    return "plans/dashboard/_panel.html", {
        "title": "Fake projects",
        "items": [{"text": f"{plans} plans watched", "url": "/fake/"}],
    }


def silent_panel(user, filters, today):
    return None


def chatty_panel(user, filters, today):
    for _ in range(extensions.PANEL_QUERY_LIMIT + 1):
        Plan.objects.count()
    return None


@pytest.fixture
def registered():
    """Registers what a test names and always unregisters it."""
    panels, penalties = [], []

    def register(panel=None, penalty=None, rule=""):
        if panel is not None:
            panels.append(extensions.register_dashboard_panel(panel))
        if penalty is not None:
            penalties.append(extensions.register_unit_penalty(penalty, rule))

    yield register
    for fn in panels:
        extensions.unregister_dashboard_panel(fn)
    for fn in penalties:
        extensions.unregister_unit_penalty(fn)


def test_a_registered_panel_shows_after_the_built_in_ones_within_the_query_bound(
    client, users, unit_a, unit_b, registered, django_assert_max_num_queries
):
    build(users, unit_a, unit_b)
    registered(panel=fake_panel)
    registered(panel=silent_panel)
    client.force_login(users[("supervisor", "a")])
    with django_assert_max_num_queries(LIMIT + 2 * extensions.PANEL_QUERY_LIMIT):
        page = client.get(reverse("dashboard:dashboard")).content.decode()
    assert "Fake projects" in page and "plans watched" in page
    assert page.index("Fake projects") > page.index("Recent activity")
    assert page.count('<section class="card">') == 7  # six built in, one registered


def test_a_panel_over_its_query_budget_is_refused(users, unit_a, registered):
    registered(panel=chatty_panel)
    request = RequestFactory().get("/dashboard/")
    request.user = users[("supervisor", "a")]
    with pytest.raises(extensions.QueryBudgetExceeded):
        extensions.dashboard_panels(request, q.Filters(), TODAY)


def test_a_registered_penalty_lowers_the_score_and_says_why(
    client, users, unit_a, unit_b, registered
):
    build(users, unit_a, unit_b)
    supervisor = users[("supervisor", "a")]
    before = {row.unit: row.score for row in q.unit_figures(supervisor, q.Filters(), TODAY)}

    def projects_late(today):
        """Minus 10 points per project behind schedule."""
        return {unit_a.pk: (30, "3 projects behind schedule"), unit_b.pk: (0, "none")}

    registered(penalty=projects_late)
    rows = {row.unit: row for row in q.unit_figures(supervisor, q.Filters(), TODAY)}
    assert rows[unit_a].score == max(0, before[unit_a] - 30)
    assert (rows[unit_a].penalty, rows[unit_a].penalty_reason) == (
        30,
        "3 projects behind schedule",
    )
    assert rows[unit_b].score == before[unit_b] and rows[unit_b].penalty == 0

    client.force_login(supervisor)
    page = client.get(reverse("dashboard:units")).content.decode()
    assert "Minus 10 points per project behind schedule." in page
    assert "−30: 3 projects behind schedule" in page
    rule = client.get("/api/dashboard/scoring").json()["rule"]
    assert "Minus 10 points per project behind schedule." in rule


def test_without_hooks_the_scoring_rule_is_the_plain_rule(users, unit_a, unit_b, monkeypatch):
    from planwatch.plans.scoring import RULE, rule_text

    monkeypatch.setattr(extensions, "_penalties", [])
    assert rule_text(extensions.penalty_rules()) == str(RULE)
