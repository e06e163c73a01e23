"""Fifty API clients create a task with the same reference at once: exactly one task is
made, every other client is told the reference is taken (409 or 422, naming it), and
nothing answers with a server error."""

import json

import pytest
from django.test import Client

from planwatch.plans.models import Task
from planwatch.plans.tests.loop import make_plan
from planwatch.testing import race

WRITERS = 50


@pytest.mark.django_db(transaction=True)
def test_fifty_concurrent_creates_of_one_reference_make_one_task(
    database_on_disk, supervisor, unit_a
):
    make_plan("race")
    body = json.dumps(
        {
            "reference": "RACE-1",
            "plan": "race",
            "title_en": "Only one of us",
            "start_date": "2025-01-01",
            "deadline": "2025-12-31",
            "lead_unit_id": unit_a.pk,
        }
    )

    def create():
        client = Client(raise_request_exception=False)
        client.force_login(supervisor)
        return client.post("/api/plans/tasks", body, content_type="application/json")

    responses = race([create] * WRITERS)

    codes = sorted(r.status_code for r in responses)
    assert codes.count(201) == 1, codes
    assert set(codes) <= {201, 409, 422}, codes
    for response in responses:
        if response.status_code != 201:
            assert "reference" in response.json()["detail"].lower()
    assert Task.objects.filter(reference="RACE-1").count() == 1
