"""Fifty writers change one record at once, each from the version they read, on every
edit path: the page form, the API, the import, a review and a project's move. Exactly
one wins; every other one is told of the conflict (or that the change no longer
applies); nothing else is saved, no update is lost silently, and nothing answers 500.
A page form without the version it read is refused outright."""

import datetime as dt
import json
from decimal import Decimal

import pytest
from django.test import Client

from planwatch.audit.models import AuditEvent
from planwatch.plans import actions
from planwatch.plans.models import ProgressReport, Task
from planwatch.plans.tests.loop import lead_assignment, make_plan, make_task
from planwatch.projects.models import Industry, Project, StageLog
from planwatch.testing import race

WRITERS = 50
STALE_TASK = "Someone else saved this task while you were editing it."

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def task(database_on_disk, unit_a):
    return make_task(make_plan("race"), unit_a, "RACE-1")


def _clients(user, count: int = WRITERS) -> list[Client]:
    """Signed in before the race, so that the writers only write the record."""
    clients = []
    for _ in range(count):
        client = Client(raise_request_exception=False)
        client.force_login(user)
        clients.append(client)
    return clients


def _title_changes(task: Task) -> int:
    events = AuditEvent.objects.filter(
        object_id=str(task.pk), content_type__model="task", action="changed"
    )
    return sum("title_en" in e.changes for e in events)


def test_the_page_form(task, supervisor):
    clients = _clients(supervisor)
    url = f"/plans/tasks/{task.reference}/edit/"
    form = clients[0].get(url).context["form"]
    loaded = {name: form[name].value() for name in form.fields}
    loaded = {k: "" if v is None else v for k, v in loaded.items()}

    def edit(i):
        return lambda: clients[i].post(url, {**loaded, "title_en": f"Title {i}"})

    responses = race([edit(i) for i in range(WRITERS)])

    codes = sorted(r.status_code for r in responses)
    assert codes == [200] * (WRITERS - 1) + [302], codes
    for r in responses:
        if r.status_code == 200:
            assert STALE_TASK in r.content.decode()
    winner = next(i for i, r in enumerate(responses) if r.status_code == 302)
    stored = Task.objects.get(pk=task.pk)
    assert (stored.title_en, stored.version) == (f"Title {winner}", task.version + 1)
    assert _title_changes(task) == 1


def test_a_page_form_without_the_version_is_refused(task, supervisor):
    client = _clients(supervisor, 1)[0]
    url = f"/plans/tasks/{task.reference}/edit/"
    form = client.get(url).context["form"]
    loaded = {name: form[name].value() for name in form.fields if name != "version"}
    loaded = {k: "" if v is None else v for k, v in loaded.items()}

    response = client.post(url, {**loaded, "title_en": "Blind edit"})

    assert response.status_code == 200
    assert "does not say which version" in response.content.decode()
    assert Task.objects.get(pk=task.pk).title_en == task.title_en


def test_the_api(task, supervisor):
    clients = _clients(supervisor)
    url = f"/api/plans/tasks/{task.reference}"

    def edit(i):
        body = json.dumps({"version": task.version, "title_en": f"Title {i}"})
        return lambda: clients[i].post(url, body, content_type="application/json")

    responses = race([edit(i) for i in range(WRITERS)])

    codes = sorted(r.status_code for r in responses)
    assert codes == [200] + [409] * (WRITERS - 1), codes
    winner = next(i for i, r in enumerate(responses) if r.status_code == 200)
    stored = Task.objects.get(pk=task.pk)
    assert (stored.title_en, stored.version) == (f"Title {winner}", task.version + 1)
    assert _title_changes(task) == 1


def test_the_import(task, supervisor):
    clients = _clients(supervisor)
    row = {
        "reference": task.reference,
        "plan": task.plan.code,
        "lead_unit": task.lead_unit.code,
        "start_date": str(task.start_date),
        "deadline": str(task.deadline),
        "version": task.version,
    }

    def load(i):
        body = json.dumps({"rows": [{**row, "title_en": f"Title {i}"}]})
        return lambda: clients[i].post(
            "/api/dashboard/import", body, content_type="application/json"
        )

    responses = race([load(i) for i in range(WRITERS)])

    codes = sorted(r.status_code for r in responses)
    assert codes == [200] + [422] * (WRITERS - 1), codes
    for r in responses:
        if r.status_code == 422:
            assert [e["column"] for e in r.json()["errors"]] == ["version"]
    winner = next(i for i, r in enumerate(responses) if r.status_code == 200)
    stored = Task.objects.get(pk=task.pk)
    assert (stored.title_en, stored.version) == (f"Title {winner}", task.version + 1)
    assert _title_changes(task) == 1


def test_an_import_without_the_version_changes_nothing(task, supervisor):
    client = _clients(supervisor, 1)[0]
    row = {
        "reference": task.reference,
        "plan": task.plan.code,
        "title_en": "Blind import",
        "lead_unit": task.lead_unit.code,
        "start_date": str(task.start_date),
    }

    response = client.post(
        "/api/dashboard/import", json.dumps({"rows": [row]}), content_type="application/json"
    )

    assert response.status_code == 422
    assert [e["column"] for e in response.json()["errors"]] == ["version"]
    assert Task.objects.get(pk=task.pk).title_en == task.title_en


def test_a_review(task, users):
    report = actions.do_submit_report(
        users[("unit_officer", "a")], lead_assignment(task), dt.date(2025, 3, 1), 40, "Done."
    )
    clients = _clients(users[("supervisor", "a")])
    url = f"/api/plans/reports/{report.pk}/review"

    def review(i):
        body = {"version": report.version, "approve": i % 2 == 0, "comment": f"Review {i}"}
        return lambda: clients[i].post(url, json.dumps(body), content_type="application/json")

    responses = race([review(i) for i in range(WRITERS)])

    codes = sorted(r.status_code for r in responses)
    assert codes == [200] + [409] * (WRITERS - 1), codes
    winner = next(i for i, r in enumerate(responses) if r.status_code == 200)
    stored = ProgressReport.objects.get(pk=report.pk)
    assert stored.review_comment == f"Review {winner}"
    assert stored.version == report.version + 1


def test_a_project_move(database_on_disk, supervisor, unit_a):
    project = Project.objects.create(
        code="race-project",
        name_en="Raced project",
        industry=Industry.objects.create(code="race", name_en="Raced industry"),
        lead_unit=unit_a,
        amounts_as_of=dt.date(2022, 1, 1),
        total_planned=Decimal("1000"),
        latitude=Decimal("43.95"),
        longitude=Decimal("125.55"),
    )
    clients = _clients(supervisor)
    url = f"/api/projects/{project.pk}/move"

    def move(i):
        body = {"stage": "signed", "reason": f"Contract {i}", "version": project.version}
        return lambda: clients[i].post(url, json.dumps(body), content_type="application/json")

    responses = race([move(i) for i in range(WRITERS)])

    codes = sorted(r.status_code for r in responses)
    assert codes.count(201) == 1 and set(codes) <= {201, 409, 422}, codes
    winner = next(i for i, r in enumerate(responses) if r.status_code == 201)
    assert list(StageLog.objects.filter(project=project).values_list("reason", flat=True)) == [
        f"Contract {winner}"
    ]
    assert Project.objects.get(pk=project.pk).version == project.version + 1
