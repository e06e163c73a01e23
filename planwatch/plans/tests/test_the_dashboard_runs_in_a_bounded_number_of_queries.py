from django.test import Client
from django.urls import reverse

from planwatch.plans import extensions
from planwatch.plans.tests.dashboard_world import build

LIMIT = 30  # session, user, then a fixed set of read-model queries


def _count(client: Client, user, django_assert_max_num_queries, url: str) -> None:
    client.force_login(user)
    with django_assert_max_num_queries(LIMIT + extensions.query_budget()):
        assert client.get(url).status_code == 200


def test_the_dashboard_runs_in_a_bounded_number_of_queries(
    client, users, unit_a, unit_b, django_assert_max_num_queries
):
    build(users, unit_a, unit_b, per_unit=2, code="small")
    build(users, unit_a, unit_b, per_unit=8, code="large")
    for role in ("supervisor", "unit_officer", "leader"):
        for url in (
            reverse("dashboard:dashboard"),
            reverse("dashboard:dashboard") + "?plan=large&status=overdue",
            reverse("dashboard:units"),
            reverse("dashboard:tasks") + "?status=at_risk",
        ):
            _count(client, users[(role, "a")], django_assert_max_num_queries, url)
