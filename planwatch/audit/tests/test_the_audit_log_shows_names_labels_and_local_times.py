from django.urls import reverse
from django.utils import translation

from planwatch.audit.actions import record_event
from planwatch.audit.display import readable_changes
from planwatch.directory.actions import do_add_alias
from planwatch.plans import actions
from planwatch.plans.tests.loop import make_plan, make_task
from planwatch.testing import make_unit


def test_a_changed_lead_unit_is_shown_by_label_and_name(client, unit_a, supervisor):
    task = make_task(make_plan(), None, "T-1")
    new_area = make_unit("Changchun New Area", "new-area")
    actions.do_update_task(supervisor, task, task.version, lead_unit=new_area)
    client.force_login(supervisor)
    page = client.get(reverse("audit:history", args=["plans.task", task.pk])).content.decode()
    assert "Lead unit" in page and "Changchun New Area" in page
    assert "lead_unit" not in page


def test_times_are_local_and_internal_fields_are_hidden(unit_a, supervisor):
    task = make_task(make_plan(), unit_a, "T-1")
    event = record_event(
        supervisor,
        "changed",
        task,
        {"closed_at": [None, "2025-04-02T17:05:00+00:00"], "deadline": [None, "2025-12-31"]},
    )
    assert readable_changes(event) == [
        ("Closed", "—", "2025-04-03 01:05"),
        ("Deadline", "—", "2025-12-31"),
    ]
    alias = do_add_alias(supervisor, unit_a, "Bureau A", "en", "official")
    created = type(event).objects.get(
        content_type__model="alias", object_id=str(alias.pk), action="created"
    )
    assert "key" in created.changes
    labels = [label for label, _old, _new in readable_changes(created)]
    assert "Key" not in labels and "Alias" in labels


def test_labels_follow_the_reader_s_language(unit_a, supervisor):
    task = make_task(make_plan(), unit_a, "T-1")
    event = record_event(supervisor, "changed", task, {"deadline": [None, "2025-12-31"]})
    with translation.override("zh-hans"):
        ((label, _old, _new),) = readable_changes(event)
    assert label == "截止日期"
