from django.urls import reverse

from planwatch.directory.models import Organisation
from planwatch.plans.tests.loop import make_plan, make_task


def test_the_dashboard_unit_filter_lists_units_with_work_in_the_reader_s_language(
    client, unit_a, supervisor
):
    unit_a.name_zh = "甲局"
    unit_a.save()
    Organisation.objects.create(name_en="State Council Office", kind="office", code="idle")
    make_task(make_plan(), unit_a, "T-1")
    client.force_login(supervisor)

    english = client.get(reverse("dashboard:dashboard")).context["unit_options"]
    assert "Unit A Bureau" in english and "State Council Office" not in english
    chinese = client.get(reverse("dashboard:dashboard"), HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert "甲局" in chinese.context["unit_options"]
    assert "Unit A Bureau" not in chinese.context["unit_options"]
