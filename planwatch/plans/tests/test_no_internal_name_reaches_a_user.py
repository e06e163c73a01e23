"""Refusals are sentences in the reader's language naming the field by its label, never a
constraint's, a model field's or a query parameter's internal name."""

from django.urls import reverse

from planwatch.plans.models import Task
from planwatch.plans.tests.loop import make_plan, make_task, submit

INTERNAL = ("task_deadline_after_start", "review_comment", "deadline_from", "Constraint")


def page_text(response) -> str:
    return response.content.decode()


def test_a_deadline_before_the_start_is_refused_in_words(client, supervisor):
    plan = make_plan()
    client.force_login(supervisor)
    response = client.post(
        reverse("plans:task_new"),
        {
            "plan": plan.pk,
            "reference": "T-9",
            "kind": "task",
            "title_en": "Road",
            "start_date": "2026-07-01",
            "deadline": "2026-03-01",
            "weight": "1",
        },
    )
    text = page_text(response)
    assert "The deadline cannot be before the start date." in text
    assert not any(name in text for name in INTERNAL)
    assert not Task.objects.filter(reference="T-9").exists()


def test_returning_a_report_without_a_comment_names_the_field_by_its_label(
    client, unit_a, officer, supervisor
):
    task = make_task(make_plan(), unit_a, "T-1")
    report = submit(officer, task, 40)
    client.force_login(supervisor)
    response = client.post(
        reverse("plans:report_review", args=[report.pk]),
        {"version": report.version, "decision": "return", "comment": ""},
        follow=True,
    )
    text = page_text(response)
    assert "Review comment: Say what the unit should change." in text
    assert not any(name in text for name in INTERNAL)


def test_bad_dashboard_filters_are_named_by_their_labels(client, supervisor):
    client.force_login(supervisor)
    response = client.get(
        reverse("dashboard:dashboard"), {"deadline_from": "2018-13-45", "unit": "abc"}
    )
    text = page_text(response)
    assert "Deadline from: “2018-13-45” is not a date" in text
    assert "Unit: “abc” is not one of the units listed." in text
    assert "deadline_from:" not in text and "unit: &#x27;abc&#x27;" not in text

    with_chinese = client.get(
        reverse("dashboard:dashboard"),
        {"deadline_from": "2018-13-45"},
        HTTP_ACCEPT_LANGUAGE="zh-hans",
    )
    assert "不是日期" in page_text(with_chinese)
