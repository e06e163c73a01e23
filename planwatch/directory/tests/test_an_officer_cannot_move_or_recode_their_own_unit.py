"""A unit officer may correct their unit's names and description, not its place in the
structure: parent, kind and code stay the office's decision."""

import pytest
from django.core.exceptions import PermissionDenied

from planwatch.directory import actions
from planwatch.directory.models import Organisation


def _edit(client, unit, **changes):
    url = f"/directory/organisations/{unit.pk}/edit/"
    form = client.get(url).context["form"]
    data = {name: form[name].value() for name in form.fields}
    data = {k: "" if v is None else v for k, v in data.items()}
    return client.post(url, {**data, **changes})


def test_the_page_keeps_parent_kind_and_code_and_saves_the_name(client, officer, unit_a, unit_b):
    client.force_login(officer)

    response = _edit(
        client,
        unit_a,
        name_en="Unit A Bureau (renamed)",
        parent=unit_b.pk,
        kind="agency",
        code="stolen",
    )

    assert response.status_code == 302
    unit_a.refresh_from_db()
    assert unit_a.name_en == "Unit A Bureau (renamed)"
    assert (unit_a.parent_id, unit_a.kind, unit_a.code) == (None, "department", "unit-a")


@pytest.mark.parametrize(
    "change", [{"parent": "unit_b"}, {"kind": "agency"}, {"code": "stolen"}], ids=str
)
def test_the_action_refuses_an_officer_s_structural_change(officer, unit_a, unit_b, change):
    values = {k: (unit_b if v == "unit_b" else v) for k, v in change.items()}

    with pytest.raises(PermissionDenied):
        actions.do_update_organisation(officer, unit_a, unit_a.version, **values)
    stored = Organisation.objects.get(pk=unit_a.pk)
    assert (stored.parent_id, stored.kind, stored.code) == (None, "department", "unit-a")


def test_a_supervisor_moves_and_recodes_a_unit(client, supervisor, unit_a, unit_b):
    client.force_login(supervisor)

    response = _edit(client, unit_a, parent=unit_b.pk, kind="agency", code="unit-a2")

    assert response.status_code == 302
    unit_a.refresh_from_db()
    assert (unit_a.parent_id, unit_a.kind, unit_a.code) == (unit_b.pk, "agency", "unit-a2")
