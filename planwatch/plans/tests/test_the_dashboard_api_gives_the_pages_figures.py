from planwatch.plans import queries_dashboard as q
from planwatch.plans.tests.dashboard_world import build


def test_the_dashboard_api_gives_the_pages_figures(client, users, unit_a, unit_b):
    build(users, unit_a, unit_b)
    supervisor = users[("supervisor", "a")]
    client.force_login(supervisor)
    plans = client.get("/api/dashboard/plans").json()
    assert [p["code"] for p in plans] == ["dash"] and plans[0]["tasks"] == 6
    units = client.get("/api/dashboard/units").json()
    assert {u["unit_id"] for u in units} == {unit_a.pk, unit_b.pk}
    assert all(u["rank"] is not None for u in units)
    waiting = client.get("/api/dashboard/waiting").json()
    assert len(waiting) == 2
    assert client.get("/api/dashboard/overdue?deadline_from=soon").status_code == 422
    filtered = client.get(f"/api/dashboard/units?unit={unit_b.pk}&role=lead").json()
    assert [u["unit_id"] for u in filtered] == [unit_b.pk]

    client.force_login(users[("unit_officer", "a")])
    mine = client.get("/api/dashboard/units").json()
    assert [u["unit_id"] for u in mine] == [unit_a.pk] and mine[0]["rank"] is None
    assert q.Filters.parse({"unit": "x"})[1]["unit"].startswith("Unit: ")
