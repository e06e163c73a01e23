"""In zh-hans, an officer reports, a supervisor returns the report, the officer resubmits
it (filled in from the returned one), the supervisor approves it and closes the task: no
page and no notification on the way shows an English sentence. Names and codes are the
only English allowed."""

import datetime as dt
import re

import pytest
from playwright.sync_api import sync_playwright

from planwatch.accounts.models import User
from planwatch.directory.models import Organisation
from planwatch.plans import actions
from planwatch.plans.models import Task

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Two Latin words in a row make an English phrase; single words (PDF, Office) do not.
PHRASE = re.compile(r"[A-Za-z][A-Za-z'’-]+(?:[ ,]+[A-Za-z][A-Za-z'’-]+)+")
REFERENCE = "ZH-LOOP-1"


def allowed_names() -> list[str]:
    """Names and codes, which stay as they are written."""
    names = ["Planwatch", "English", REFERENCE, "site-photo.txt", "acceptance.txt"]
    for user in User.objects.all():
        names += [user.get_full_name(), user.username]
    for unit in Organisation.objects.filter(name_zh=""):
        names.append(unit.name_en)
    return sorted({n for n in names if n}, key=len, reverse=True)


def english_in(text: str, allowed: list[str]) -> list[str]:
    for name in allowed:
        text = text.replace(name, " ")
    return PHRASE.findall(text)


@pytest.fixture
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.mark.browser
def test_the_loop_speaks_only_chinese_to_a_chinese_reader(
    live_server, demo_world, browser, tmp_path
):
    officer = User.objects.get(username="officer")
    plan = actions.do_create_plan(None, code="zh-loop", title_en="Loop", title_zh="闭环计划")
    task = actions.do_create_task(
        None,
        plan=plan,
        reference=REFERENCE,
        title_en="Open the border trade zone",
        title_zh="开放边境贸易区",
        lead_unit=officer.unit,
        start_date=dt.date(2025, 1, 1),
        deadline=dt.date(2040, 12, 31),
    )
    assignment = task.assignments.get()
    photo = tmp_path / "site-photo.txt"
    photo.write_text("现场照片\n", encoding="utf-8")
    allowed = allowed_names()
    seen: dict[str, list[str]] = {}

    def check(page, where: str) -> None:
        found = english_in(page.inner_text("body"), allowed)
        if found:
            seen[where] = found

    def sign_in(username: str):
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
        context.set_default_timeout(20_000)
        page = context.new_page()
        page.goto(f"{live_server.url}/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", "planwatch-demo")
        page.click("button[type=submit]")
        page.wait_for_url(f"{live_server.url}/")
        if page.get_attribute("html", "lang") != "zh-hans":
            with page.expect_navigation():
                page.select_option("#language-select", "zh-hans")
        assert page.get_attribute("html", "lang") == "zh-hans"
        return page

    task_url = f"{live_server.url}/plans/tasks/{REFERENCE}/"
    report_url = f"{live_server.url}/plans/assignments/{assignment.pk}/report/"

    officer_page = sign_in("officer")
    officer_page.goto(report_url)
    check(officer_page, "report form")
    officer_page.fill("#id_percent_complete", "100")
    officer_page.fill("#id_narrative", "口岸已开通，完成验收。")
    officer_page.set_input_files("#id_evidence", str(photo))
    officer_page.click("form.card button[type=submit]")
    officer_page.wait_for_url(task_url)
    check(officer_page, "task page after reporting")

    supervisor_page = sign_in("supervisor")
    supervisor_page.goto(f"{live_server.url}/plans/inbox/")
    check(supervisor_page, "supervisor's inbox")
    supervisor_page.goto(task_url)
    report = assignment.reports.get()
    supervisor_page.select_option(f"#decision-{report.pk}", "return")
    supervisor_page.fill(f"#comment-{report.pk}", "请补充验收单编号。")
    supervisor_page.click(f"form[action$='/reports/{report.pk}/review/'] button")
    supervisor_page.wait_for_url(task_url)
    check(supervisor_page, "task page after returning")

    officer_page.goto(f"{live_server.url}/plans/inbox/")
    check(officer_page, "officer's inbox")
    officer_page.goto(report_url)
    check(officer_page, "resubmission form")
    assert officer_page.input_value("#id_narrative") == "口岸已开通，完成验收。"
    officer_page.fill("#id_narrative", "口岸已开通，完成验收，验收单编号 2025-118。")
    officer_page.click("form.card button[type=submit]")
    officer_page.wait_for_url(task_url)

    supervisor_page.goto(task_url)
    second = assignment.reports.get(state="submitted")
    supervisor_page.select_option(f"#decision-{second.pk}", "approve")
    supervisor_page.click(f"form[action$='/reports/{second.pk}/review/'] button")
    supervisor_page.wait_for_url(task_url)
    check(supervisor_page, "task page after approving")
    supervisor_page.fill("#id_note", "已到现场核实验收单。")
    supervisor_page.check("#id_confirm")
    supervisor_page.click(f"form[action$='/tasks/{REFERENCE}/close/'] button")
    supervisor_page.wait_for_url(task_url)
    check(supervisor_page, "task page after closing")
    assert Task.objects.get(pk=task.pk).closed_at is not None
    assert supervisor_page.locator(".messages .error").count() == 0

    officer_page.goto(f"{live_server.url}/plans/inbox/?show=all")
    check(officer_page, "officer's inbox at the end")
    assert officer_page.locator("li.unread, li").count() > 0
    assert seen == {}, seen
