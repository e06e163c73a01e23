import pytest

from planwatch.testing import ROLES


@pytest.mark.parametrize("role", ROLES)
def test_the_admin_site_answers_administrators_only(client, users, role):
    user = users[(role, "a")]
    user.is_staff = True  # a staff flag alone must not open the admin site
    user.is_superuser = role == "administrator"  # as `planwatch demo` makes administrators
    user.save()
    client.force_login(user)

    response = client.get("/admin/accounts/user/")

    assert response.status_code == (200 if role == "administrator" else 403)


def test_anonymous_visitors_of_the_admin_site_are_sent_to_sign_in(client, db):
    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"] == "/login/?next=/admin/"
