"""The battle map with no tile server: filter by industry, open a popup; thousands of markers
are drawn within two seconds."""

from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from planwatch.projects import demo
from planwatch.projects.generate import generate_projects

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
def page(settings):
    settings.MAP_TILE_URL = ""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
        context.set_default_timeout(15_000)
        # Offline: any request that leaves the test server fails.
        context.route(
            "**/*",
            lambda route: (
                route.abort()
                if "127.0.0.1" not in route.request.url and "localhost" not in route.request.url
                else route.continue_()
            ),
        )
        page = context.new_page()
        page.on("console", lambda message: print("console:", message.text))
        page.on("pageerror", lambda error: print("page error:", error))
        yield page
        browser.close()


# Zoom in on the first marker shown until it stands alone, and say where it is in map pixels.
ZOOM_TO_MARKER = """() => {
  const { map, cluster } = window.planwatchMap;
  map.setView(cluster.getLayers()[0].getLatLng(), 16, { animate: false });
}"""
MARKER_POSITION = """() => {
  const { map, cluster } = window.planwatchMap;
  const point = map.latLngToContainerPoint(cluster.getLayers()[0].getLatLng());
  return [point.x, point.y];
}"""


def sign_in(page, url: str) -> None:
    page.goto(f"{url}/login/")
    page.fill("#id_username", "supervisor")
    page.fill("#id_password", "planwatch-demo")
    page.click("button[type=submit]")
    page.wait_for_url(f"{url}/")


def screenshot(page, request, name: str) -> None:
    folder = ROOT / "test-results" / request.node.name
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / name), full_page=True)


@pytest.mark.browser
def test_the_battle_map_works_offline(live_server, demo_world, page, request):
    demo.load()
    sign_in(page, live_server.url)
    page.goto(f"{live_server.url}/projects/map/")
    page.wait_for_selector("#map[data-ready]", state="attached")
    total = int(page.get_attribute("#map", "data-drawn"))
    assert total >= 10
    page.wait_for_selector("#map[data-regions]", state="attached")
    assert int(page.get_attribute("#map", "data-regions")) >= 15  # the layout, no tiles needed

    page.select_option("#f-industry", "medicine")
    page.wait_for_function(f"document.querySelector('#map').dataset.drawn !== '{total}'")
    assert int(page.get_attribute("#map", "data-drawn")) == 3  # Yatai, heavy-ion, GeneScience
    assert "3 of" in page.inner_text("#map-status")

    page.wait_for_timeout(600)  # the map flies to the three markers
    screenshot(page, request, "filtered.png")
    page.evaluate(ZOOM_TO_MARKER)
    page.wait_for_timeout(600)
    x, y = page.evaluate(MARKER_POSITION)
    box = page.locator("#map").bounding_box()
    page.mouse.click(box["x"] + x, box["y"] + y)
    popup = page.locator(".leaflet-popup-content .popup")
    popup.wait_for()
    assert "Stage" in popup.inner_text() and "Responsible unit" in popup.inner_text()
    assert popup.locator("a").get_attribute("href").startswith("/projects/")
    screenshot(page, request, "map.png")


@pytest.mark.browser
def test_the_battle_map_draws_thousands_of_markers_within_two_seconds(
    live_server, demo_world, page, request
):
    demo.load()
    generate_projects(3000, seed=5)
    sign_in(page, live_server.url)
    page.goto(f"{live_server.url}/projects/map/")
    page.wait_for_selector("#map[data-ready]", state="attached", timeout=20_000)
    drawn = int(page.get_attribute("#map", "data-drawn"))
    ready_ms = int(page.get_attribute("#map", "data-ready"))
    print(f"battle map: {drawn} markers drawn {ready_ms} ms after the script started")
    assert drawn >= 3000
    assert ready_ms <= 2000
    screenshot(page, request, "map.png")
