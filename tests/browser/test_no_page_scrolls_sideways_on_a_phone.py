"""At 390 px wide no page is wider than the screen, even with a word of thousands of
characters in a task; the time board scrolls inside its own box, its text at full size."""

import pytest
from playwright.sync_api import sync_playwright

from planwatch.plans import actions
from planwatch.plans import demo as plans_demo
from planwatch.plans.models import Plan, Task
from planwatch.projects import demo as projects_demo

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WIDTH = 390
LONG_WORD = "Changchun" * 2000  # 18,000 characters without a space
PAGES = [
    "/",
    "/dashboard/",
    "/dashboard/units/",
    "/plans/",
    "/plans/inbox/",
    "/plans/documents/",
    "/projects/",
    "/projects/board/",
    "/projects/figures/",
    "/directory/organisations/",
]
PAGE_WIDTH = "() => document.documentElement.scrollWidth"
# The outermost elements that stick out on the right, to say what is too wide.
TOO_WIDE = """(width) => [...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > width + 1)
  .filter(e => !e.parentElement || e.parentElement.getBoundingClientRect().right <= width + 1)
  .slice(0, 4)
  .map(e => Math.round(e.getBoundingClientRect().right) + ' ' + e.outerHTML.slice(0, 90))"""


@pytest.fixture
def page(settings):
    settings.MAP_TILE_URL = ""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        context = browser.new_context(viewport={"width": WIDTH, "height": 844}, locale="en-GB")
        context.set_default_timeout(20_000)
        yield context.new_page()
        browser.close()


@pytest.mark.browser
def test_no_page_scrolls_sideways_on_a_phone(live_server, demo_world, page):
    plans_demo.load()
    projects_demo.load()
    task = actions.do_create_task(
        None,
        plan=Plan.objects.first(),
        reference="LONG-1",
        title_en=LONG_WORD[:500],
        description=LONG_WORD,
        start_date=Task.objects.first().start_date,
    )
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", "supervisor")
    page.fill("#id_password", "planwatch-demo")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")

    widths = {}
    for path in [*PAGES, f"/plans/tasks/{task.reference}/", "/plans/?q=LONG"]:
        page.goto(f"{live_server.url}{path}")
        width = page.evaluate(PAGE_WIDTH)
        if width > WIDTH:
            widths[path] = (width, page.evaluate(TOO_WIDE, WIDTH))
    assert widths == {}, widths

    page.goto(f"{live_server.url}/projects/board/")
    size = page.evaluate(
        "() => parseFloat(getComputedStyle(document.querySelector('svg.gantt text')).fontSize)"
        " * document.querySelector('svg.gantt').getBoundingClientRect().width"
        " / document.querySelector('svg.gantt').viewBox.baseVal.width"
    )
    assert size >= 10, f"the time board's text is drawn {size:.1f} px high"
