"""An explicit null for a text field that may be blank passed Django's checks and was then
refused by the database (IntegrityError, a server error): now a 422 naming the field."""

import json

import pytest

from planwatch.plans.models import Task
from planwatch.plans.tests.loop import make_plan, make_task


@pytest.mark.parametrize("field", ["title_en", "title_zh", "description"])
def test_an_api_update_with_a_null_text_is_refused(client, supervisor, unit_a, field):
    task = make_task(make_plan("nulls"), unit_a, "N-1")
    client.force_login(supervisor)

    response = client.post(
        "/api/plans/tasks/N-1",
        json.dumps({"version": task.version, field: None}),
        content_type="application/json",
    )

    assert response.status_code == 422
    assert response.json()["detail"] == f"{field}: This field cannot be null."
    assert Task.objects.get(pk=task.pk).version == task.version
