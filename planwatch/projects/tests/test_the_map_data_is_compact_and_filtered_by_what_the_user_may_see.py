import json

from planwatch.projects.tests.factories import make_project


def test_the_map_rows_hold_only_visible_projects_as_short_arrays(unit_a, unit_b, users, client):
    mine = make_project(unit_a, "mine")
    make_project(unit_b, "theirs")
    client.force_login(users[("unit_officer", "a")])
    data = json.loads(client.get("/projects/map/data.json").content)
    assert [row[0] for row in data["p"]] == [mine.pk]
    pk, lat, lon, light, stage, industry, *_ = data["p"][0]
    assert (lat / data["scale"], lon / data["scale"]) == (43.95, 125.55)
    assert data["stages"][stage][0] == "lead"
    assert data["industries"][str(industry)][0] == "medicine"
