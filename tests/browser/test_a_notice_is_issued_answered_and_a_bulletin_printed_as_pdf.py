"""A supervisor issues a supervision notice, the unit answers it with evidence, the
supervisor generates the month's bulletin and downloads its PDF; the PDF, turned into
PNG pages by pdftoppm, carries the Chinese text. Screenshots and pages are kept under
test-results/ (not committed)."""

import datetime as dt
import subprocess
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import sync_playwright

from planwatch.plans import actions as plan_actions
from planwatch.reports.models import NoticeSeries
from planwatch.testing import PASSWORD, make_unit, make_user

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
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


def _signed_in(browser, live_server, username: str):
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="zh-CN", accept_downloads=True
    )
    context.set_default_timeout(20_000)
    page = context.new_page()
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")
    with page.expect_navigation():
        page.select_option("#language-select", "zh-hans")
    return page


@pytest.mark.browser
def test_a_notice_is_issued_answered_and_a_bulletin_printed_as_pdf(
    live_server, browser, request, transactional_db
):
    folder = ROOT / "test-results" / request.node.name
    folder.mkdir(parents=True, exist_ok=True)
    today = timezone.localdate()
    # A transactional test that ran before may have flushed the migration's series.
    for kind, number_format in (
        ("supervision", "督字〔{year}〕第{number}号"),
        ("bulletin", "督查通报〔{year}〕第{number}期"),
    ):
        NoticeSeries.objects.get_or_create(
            kind=kind, plan=None, defaults={"number_format": number_format}
        )
    unit = make_unit("Logistics Bureau", "logistics")
    unit.name_zh = "物流局"
    unit.save()
    make_user("supervisor", unit, "chief")
    officer = make_user("unit_officer", unit, "clerk")
    plan = plan_actions.do_create_plan(None, code="zone", title_zh="示范区建设方案")
    plan_actions.do_create_task(
        None,
        plan=plan,
        reference="ZONE-1",
        title_zh="建设国际物流园",
        start_date=today - dt.timedelta(days=400),
        deadline=today - dt.timedelta(days=40),
        lead_unit=unit,
    )

    chief = _signed_in(browser, live_server, "chief")
    chief.goto(f"{live_server.url}/reports/notices/new/")
    chief.select_option("select[name=unit]", str(unit.pk))
    chief.select_option("select[name=kind]", "supervision")
    chief.fill("input[name=tasks]", "ZONE-1")
    chief.fill("textarea[name=required_response]", "请说明延误原因及整改措施。")
    chief.click("main form button[type=submit]")
    chief.wait_for_selector(".doc .number")
    number = f"督字〔{today.year}〕第1号"
    assert chief.inner_text(".doc .number") == number
    chief.screenshot(path=str(folder / "1-notice-issued.png"), full_page=True)

    clerk = _signed_in(browser, live_server, officer.username)
    clerk.goto(f"{live_server.url}/reports/")
    clerk.click(f"text={number}")
    clerk.fill("textarea[name=text]", "合同已签署，三月一日复工。")
    evidence = folder / "contract.txt"
    evidence.write_text("合同已签署", encoding="utf-8")
    clerk.set_input_files("input[name=files]", str(evidence))
    clerk.click("text=提交反馈")
    clerk.wait_for_selector("#answer")
    assert "合同已签署" in clerk.inner_text("#answer")
    assert clerk.inner_text(".state") == "已反馈"
    clerk.screenshot(path=str(folder / "2-notice-answered.png"), full_page=True)

    chief.goto(f"{live_server.url}/reports/bulletins/new/")
    chief.select_option("select[name=period]", "month")
    last_month = today.replace(day=1) - dt.timedelta(days=1)
    chief.fill("input[name=day]", last_month.isoformat())
    chief.click("main form button[type=submit]")
    chief.wait_for_selector(".doc h1")
    assert "督查通报" in chief.inner_text(".doc h1")
    chief.screenshot(path=str(folder / "3-bulletin.png"), full_page=True)

    with chief.expect_download() as download:
        chief.click("text=PDF")
    pdf = folder / "bulletin.pdf"
    download.value.save_as(pdf)
    subprocess.run(["pdftoppm", "-r", "70", "-png", str(pdf), str(folder / "bulletin")], check=True)
    pages = sorted(folder.glob("bulletin-*.png"))
    assert pages and all(p.stat().st_size > 10_000 for p in pages)
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    for expected in ("督查办公室", "督查通报", "一、总体情况", "十、与上期相比的变化", "物流局"):
        assert expected in text
