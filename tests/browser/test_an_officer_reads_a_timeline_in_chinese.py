"""A unit officer signs in, switches to Chinese and reads Jing Junhai's timeline."""

from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from planwatch.directory.models import Person

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture
def page():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
        context.set_default_timeout(10_000)
        yield context.new_page()
        browser.close()


@pytest.mark.browser
def test_an_officer_reads_a_timeline_in_chinese(live_server, demo_world, page, request):
    jing = Person.objects.get(code="jing-junhai")

    page.goto(f"{live_server.url}/")
    assert page.url.startswith(f"{live_server.url}/login/")
    page.fill("#id_username", "officer")
    page.fill("#id_password", "planwatch-demo")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")

    with page.expect_navigation():
        page.select_option("#language-select", "zh-hans")
    assert page.get_attribute("html", "lang") == "zh-hans"

    page.goto(f"{live_server.url}/directory/people/{jing.pk}/")
    assert page.inner_text("h1") == "景俊海"
    items = page.locator("#timeline > li")
    assert items.count() == 2
    deputy, governor = items.nth(0).inner_text(), items.nth(1).inner_text()
    assert "副书记" in deputy and "中共吉林省委员会" in deputy
    assert "省长" in governor and "吉林省人民政府" in governor
    phases = items.nth(1).locator(".tag")
    assert phases.nth(0).get_attribute("class") == "tag acting"
    assert phases.nth(1).get_attribute("class") == "tag"
    assert "→" in governor
    acting_colour = "e => getComputedStyle(e).backgroundColor"
    assert phases.nth(0).evaluate(acting_colour) == "rgb(255, 241, 214)"  # the stylesheet loaded

    folder = ROOT / "test-results" / request.node.name
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / "timeline.png"), full_page=True)
