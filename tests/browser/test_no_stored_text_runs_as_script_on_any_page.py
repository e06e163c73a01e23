"""Stored XSS: every text field an administrator, supervisor or officer can write holds a
script payload; then every page that shows them is visited in Chromium (map tooltips and
popups, SVG charts, the time board, the relations graph, the dashboard, the audit log,
lists and record pages), and the test fails on any dialog or script that runs."""

import io

import pytest
from django.core.management import call_command
from django.db import models
from django.utils import timezone
from playwright.sync_api import sync_playwright

from planwatch.accounts.models import User
from planwatch.directory import actions as directory_actions
from planwatch.directory.models import Organisation
from planwatch.lib.models import DomainModel
from planwatch.plans.models import Plan, ProgressReport, SourceDocument, Task
from planwatch.projects.models import Approval, Project
from tests.browser.test_the_battle_map_works_offline import CHROMIUM_ARGS

PAYLOADS = [
    "\"'><img src=x onerror=alert('xss')><script>alert('xss')</script>",
    "<svg onload=alert('xss')>",
    "<img src=x onerror=alert('xss')>",
]
# Fields that are identities in URLs or file names, or machine values, not free text.
NOT_FREE_TEXT = {"code", "reference", "key", "sha256", "content_type", "file", "language"}
OPEN_TOOLTIPS_AND_A_POPUP = """() => {
  const { map, cluster } = window.planwatchMap;
  map.eachLayer((layer) => { if (layer.getTooltip && layer.getTooltip()) layer.openTooltip(); });
  const marker = cluster.getLayers()[0];
  if (marker) marker.fire("click");
}"""


def _payload_for(field: models.Field) -> str | None:
    limit = field.max_length or 10_000
    return next((p for p in PAYLOADS if len(p) <= limit), None)


def fill_every_text_field() -> int:
    """Each free-text field of every domain record gets a payload; returns how many."""
    filled = 0
    for model in DomainModel.__subclasses__() + [
        m for base in DomainModel.__subclasses__() for m in base.__subclasses__()
    ]:
        if model._meta.abstract:
            continue
        values = {}
        for field in model._meta.concrete_fields:
            text = isinstance(field, models.CharField | models.TextField)
            if not text or field.choices or field.unique or field.name in NOT_FREE_TEXT:
                continue
            payload = _payload_for(field)
            if payload is not None:
                values[field.name] = payload
        if values:
            filled += len(values)
            model._default_manager.update(**values, updated_at=timezone.now())
    return filled


def write_events_through_the_actions() -> None:
    """The audit log shows what actions wrote: a record's name, its changes and a reason."""
    admin = User.objects.get(username="admin")
    organisation = Organisation.objects.active().first()
    directory_actions.do_update_organisation(
        admin, organisation, organisation.version, PAYLOADS[0], name_en=PAYLOADS[1]
    )


@pytest.mark.browser
def test_no_stored_text_runs_as_script_on_any_page(live_server, settings):
    settings.MAP_TILE_URL = ""
    call_command("demo", stdout=io.StringIO())
    assert fill_every_text_field() > 40
    write_events_through_the_actions()
    task = Task.objects.active().filter(parent__isnull=False).first()
    report = ProgressReport.objects.active().first()
    pages = [
        "/",
        "/dashboard/",
        "/plans/",
        "/plans/plans/",
        f"/plans/plans/{Plan.objects.active().first().code}/",
        f"/plans/tasks/{task.reference}/",
        f"/plans/tasks/{report.assignment.task.reference}/",
        "/plans/inbox/",
        "/plans/documents/",
        f"/plans/documents/{SourceDocument.objects.active().first().pk}/",
        "/projects/",
        f"/projects/{Project.objects.active().first().pk}/",
        f"/projects/approvals/{Approval.objects.active().first().pk}/",
        "/projects/board/",
        "/projects/figures/",
        "/projects/regions/",
        "/projects/rates/",
        "/directory/organisations/",
        f"/directory/organisations/{Organisation.objects.active().first().pk}/",
        "/directory/people/",
        "/directory/relations/",
        "/audit/",
        f"/audit/plans.task/{task.pk}/",
        f"/audit/directory.organisation/{Organisation.objects.active().first().pk}/",
        "/intake/",
    ]
    ran: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        context = browser.new_context(locale="en-GB")
        context.set_default_timeout(15_000)
        context.route(
            "**/*",
            lambda route: (
                route.continue_()
                if route.request.url.startswith(live_server.url)
                else route.abort()
            ),
        )
        page = context.new_page()
        page.on(
            "dialog", lambda dialog: (ran.append(f"{page.url}: {dialog.message}"), dialog.dismiss())
        )
        page.goto(f"{live_server.url}/login/")
        page.fill("#id_username", "admin")
        page.fill("#id_password", "planwatch-demo")
        page.click("button[type=submit]")
        page.wait_for_url(f"{live_server.url}/")
        for path in pages:
            response = page.goto(f"{live_server.url}{path}")
            assert response.status == 200, path
            page.wait_for_load_state("networkidle")
        page.goto(f"{live_server.url}/projects/map/")
        page.wait_for_selector("#map[data-ready]", state="attached")
        page.wait_for_selector("#map[data-regions]", state="attached")
        page.evaluate(OPEN_TOOLTIPS_AND_A_POPUP)
        page.wait_for_selector(".leaflet-popup-content .popup")
        page.wait_for_load_state("networkidle")
        tooltips = page.locator(".leaflet-tooltip").all_inner_texts()
        browser.close()

    assert ran == []
    # The region names are shown as text: the payload reads as typed.
    assert any(PAYLOADS[2] in text or PAYLOADS[0] in text for text in tooltips), tooltips[:3]
