from django.urls import reverse

from planwatch.plans.tests.loop import make_plan, make_task


def test_two_editors_of_a_task_get_a_conflict(client, unit_a, supervisor):
    task = make_task(make_plan(), unit_a, "T-1")
    url = reverse("plans:task_edit", args=[task.reference])
    form = {
        "plan": task.plan.pk,
        "kind": "task",
        "title_en": "First editor's title",
        "lead_unit": unit_a.pk,
        "start_date": "2025-01-01",
        "deadline": "2025-12-31",
        "weight": "1",
        "version": task.version,
    }
    client.force_login(supervisor)
    assert client.post(url, form).status_code == 302

    response = client.post(url, {**form, "title_en": "Second editor's title"})

    assert response.status_code == 200
    assert "Someone else saved this task" in response.content.decode()
    task.refresh_from_db()
    assert task.title_en == "First editor's title"
