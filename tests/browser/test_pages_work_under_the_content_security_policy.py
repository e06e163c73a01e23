"""Under the strict Content-Security-Policy (no inline script, no eval) the pages still
work: the language switch submits on change (planwatch.js), the map draws, and the
browser reports no violation on the task list, map, dashboard or password pages."""

import pytest
from playwright.sync_api import sync_playwright

from planwatch.projects import demo

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run"]


@pytest.fixture
def browser_page(settings):
    settings.MAP_TILE_URL = ""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
        context.set_default_timeout(15_000)
        page = context.new_page()
        violations: list[str] = []
        page.on(
            "console",
            lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None,
        )
        page.on("pageerror", lambda error: violations.append(str(error)))
        yield page, violations
        browser.close()


@pytest.mark.browser
def test_pages_work_under_the_content_security_policy(live_server, demo_world, browser_page):
    page, violations = browser_page
    demo.load()
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", "supervisor")
    page.fill("#id_password", "planwatch-demo")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")
    response = page.goto(f"{live_server.url}/plans/")
    assert "script-src 'self'" in response.headers["content-security-policy"]

    page.select_option("#language-select", "zh-hans")
    page.wait_for_function("document.documentElement.lang === 'zh-hans'")

    page.goto(f"{live_server.url}/projects/map/")
    page.wait_for_selector("#map[data-ready]", state="attached")
    assert int(page.get_attribute("#map", "data-drawn")) >= 10

    page.goto(f"{live_server.url}/dashboard/")
    page.goto(f"{live_server.url}/account/password/")
    assert page.locator("#id_old_password").count() == 1
    assert violations == []
