"""Deadlines of 9999-12-31 and starts of 0001-01-01 were stored, and the status arithmetic
then fell off the calendar (OverflowError, a server error on every page showing the task).
Now the status functions never overflow, and no record takes a date outside 1900-2199:
the API answers 422 and the page form an error, each naming the field."""

import datetime as dt
import json

import pytest

from planwatch.plans.models import Task
from planwatch.plans.status import TaskFacts, Thresholds, status_dates, status_on
from planwatch.plans.tests.loop import make_plan


@pytest.mark.parametrize(
    ("start", "deadline"),
    [
        (dt.date.min, dt.date.max),
        (dt.date(2025, 1, 1), dt.date.max),
        (dt.date.min, dt.date(2025, 1, 1)),
        (dt.date.min, dt.date.min),
    ],
)
def test_the_status_dates_of_the_calendar_s_ends_are_computed(start, deadline):
    dates = status_dates(TaskFacts(start, deadline, progress=10), Thresholds())

    assert status_on(dates, dt.date(2025, 6, 1)) is not None


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "1899-12-31", "2200-01-01"])
def test_the_api_refuses_a_deadline_outside_the_years_it_takes(client, supervisor, unit_a, day):
    make_plan("dates")
    client.force_login(supervisor)
    body = {
        "reference": "D-1",
        "plan": "dates",
        "title_en": "Far away",
        "start_date": "2025-01-01",
        "deadline": day,
        "lead_unit_id": unit_a.pk,
    }

    response = client.post("/api/plans/tasks", json.dumps(body), content_type="application/json")

    assert response.status_code == 422
    assert response.json()["detail"].startswith("deadline: The date must lie between")
    assert not Task.objects.filter(reference="D-1").exists()


def test_the_edges_of_the_years_are_taken(client, supervisor, unit_a):
    make_plan("dates")
    client.force_login(supervisor)
    body = {
        "reference": "D-2",
        "plan": "dates",
        "title_en": "Long",
        "start_date": "1900-01-01",
        "deadline": "2199-12-31",
        "lead_unit_id": unit_a.pk,
    }

    response = client.post("/api/plans/tasks", json.dumps(body), content_type="application/json")

    assert response.status_code == 201
    assert client.get("/plans/tasks/D-2/").status_code == 200


def test_the_page_form_names_the_field(client, supervisor, unit_a):
    make_plan("dates")
    client.force_login(supervisor)

    response = client.post(
        "/plans/tasks/new/",
        {
            "plan": "dates",
            "reference": "D-3",
            "title_en": "Far away",
            "kind": "task",
            "start_date": "0001-01-01",
            "deadline": "2025-12-31",
            "lead_unit": unit_a.pk,
            "weight": "1",
        },
    )

    assert response.status_code == 200
    assert "The date must lie between 1900-01-01 and 2199-12-31." in response.content.decode()
    assert not Task.objects.filter(reference="D-3").exists()
