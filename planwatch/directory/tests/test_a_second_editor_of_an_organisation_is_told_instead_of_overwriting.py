import pytest

from planwatch.directory import actions
from planwatch.directory.models import Organisation
from planwatch.lib.models import StaleRecord


@pytest.fixture
def ndrc(supervisor) -> Organisation:
    return actions.do_create_organisation(supervisor, name_en="NDRC", kind="department")


def form_data(page, **changes) -> dict:
    """What the browser sends back: the form as loaded, hidden version included, plus edits."""
    form = page.context["form"]
    data = {name: form[name].value() for name in form.fields}
    data = {k: "" if v is None else v for k, v in data.items()}
    return {**data, **changes}


def test_the_second_save_is_refused_and_the_first_kept(client, supervisor, users, ndrc):
    other = users[("administrator", "a")]
    url = f"/directory/organisations/{ndrc.pk}/edit/"
    client.force_login(supervisor)
    first_page = client.get(url)
    client.force_login(other)
    second_page = client.get(url)
    assert form_data(first_page)["version"] == form_data(second_page)["version"] == 1

    client.force_login(supervisor)
    saved = client.post(
        url, form_data(first_page, name_en="National Development and Reform Commission")
    )
    assert saved.status_code == 302
    client.force_login(other)
    refused = client.post(url, form_data(second_page, name_en="NDRC of China"))

    assert refused.status_code == 200
    assert "Someone else saved this organisation" in refused.content.decode()
    ndrc.refresh_from_db()
    assert ndrc.name_en == "National Development and Reform Commission"
    assert ndrc.version == 2


def test_the_action_refuses_a_stale_version(supervisor, ndrc):
    actions.do_update_organisation(supervisor, ndrc, 1, name_en="NDRC (new)")

    with pytest.raises(StaleRecord):
        actions.do_update_organisation(
            supervisor, Organisation.objects.get(pk=ndrc.pk), 1, name_en="NDRC (lost)"
        )
    assert Organisation.objects.get(pk=ndrc.pk).name_en == "NDRC (new)"
