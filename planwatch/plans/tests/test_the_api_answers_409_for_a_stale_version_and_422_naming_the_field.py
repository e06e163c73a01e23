from planwatch.plans.tests.loop import make_plan, make_task


def _post(client, url, data):
    return client.post(url, data, content_type="application/json")


def test_the_api_answers_409_for_a_stale_version_and_422_naming_the_field(
    client, unit_a, supervisor
):
    task = make_task(make_plan(), unit_a, "T-1")
    client.force_login(supervisor)
    url = f"/api/plans/tasks/{task.reference}"
    first = _post(client, url, {"version": task.version, "title_en": "First"})
    assert first.status_code == 200
    assert first.json()["version"] == task.version + 1

    stale = _post(client, url, {"version": task.version, "title_en": "Second"})
    assert stale.status_code == 409
    assert client.get(url).json()["title_en"] == "First"

    bad = _post(client, url, {"version": first.json()["version"], "deadline": "2024-01-01"})
    assert bad.status_code == 422
    assert "deadline" in bad.json()["detail"] or "start" in bad.json()["detail"]

    duplicate = _post(
        client,
        "/api/plans/tasks",
        {"reference": "T-1", "plan": "plan", "title_en": "Again", "start_date": "2025-01-01"},
    )
    assert duplicate.status_code == 422
    assert duplicate.json()["detail"].startswith("reference:")

    unknown = _post(
        client,
        "/api/plans/tasks",
        {"reference": "T-2", "plan": "nope", "title_en": "x", "start_date": "2025-01-01"},
    )
    assert unknown.status_code == 422
    assert unknown.json()["detail"].startswith("plan:")


def test_the_api_reviews_and_lists_with_the_pages_rules(client, unit_a, users, supervisor):
    task = make_task(make_plan(), unit_a, "T-1")
    officer = users[("unit_officer", "a")]
    assignment = task.assignments.get()
    client.force_login(officer)
    report = _post(
        client,
        f"/api/plans/assignments/{assignment.pk}/reports",
        {"period_start": "2025-03-01", "percent_complete": 120, "narrative": "x"},
    )
    assert report.status_code == 422
    assert "percent_complete" in report.json()["detail"]
    report = _post(
        client,
        f"/api/plans/assignments/{assignment.pk}/reports",
        {"period_start": "2025-03-01", "percent_complete": 40, "narrative": "Half way."},
    )
    assert report.status_code == 201
    body = report.json()

    client.force_login(supervisor)
    review = f"/api/plans/reports/{body['id']}/review"
    assert _post(client, review, {"version": body["version"], "approve": True}).status_code == 200
    second = {"version": body["version"], "approve": False, "comment": "Redo"}
    assert _post(client, review, second).status_code == 409

    listing = client.get("/api/plans/tasks?plan=plan").json()
    assert listing["count"] == 1
    assert listing["results"][0]["progress"] == 40
    assert client.get("/api/plans/tasks?status=sideways").status_code == 422

    client.force_login(users[("unit_officer", "b")])
    assert client.get("/api/plans/tasks/T-1").status_code == 404
    assert client.get("/api/plans/tasks").json()["count"] == 0
