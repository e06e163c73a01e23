"""Every page, the API's docs included, works with nothing but the server: a request to any
other host fails the test. The docs render their operations from vendored Swagger UI."""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import sync_playwright

from planwatch.plans import demo as plans_demo
from planwatch.plans.models import Task
from planwatch.projects import demo as projects_demo

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PAGES = [
    "/",
    "/dashboard/",
    "/dashboard/units/",
    "/plans/",
    "/plans/plans/",
    "/plans/inbox/",
    "/plans/documents/",
    "/projects/",
    "/projects/map/",
    "/directory/organisations/",
    "/intake/",
    "/api/docs",
]


@pytest.fixture
def browser_context(settings):
    settings.MAP_TILE_URL = ""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
        context.set_default_timeout(20_000)
        yield context
        browser.close()


@pytest.mark.browser
def test_no_page_loads_anything_from_another_host(live_server, demo_world, browser_context):
    plans_demo.load()
    projects_demo.load()
    server = urlsplit(live_server.url).netloc
    elsewhere: list[str] = []

    def only_the_server(route):
        if urlsplit(route.request.url).netloc == server:
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort()

    browser_context.route("**/*", only_the_server)
    page = browser_context.new_page()
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", "supervisor")
    page.fill("#id_password", "planwatch-demo")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")

    task = Task.objects.filter(parent__isnull=False).order_by("reference").first()
    for path in [*PAGES, f"/plans/tasks/{task.reference}/"]:
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == 200, path
        page.wait_for_load_state("networkidle")

    page.goto(f"{live_server.url}/api/docs")
    page.wait_for_selector(".opblock", timeout=20_000)
    assert page.locator(".opblock").count() > 10
    assert elsewhere == []
