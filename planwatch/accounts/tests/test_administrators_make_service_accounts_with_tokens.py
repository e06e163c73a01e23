import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from planwatch.accounts.actions_tokens import do_create_service_account, do_create_token
from planwatch.accounts.models import User
from planwatch.accounts.models_tokens import ServiceAccount
from planwatch.accounts.tests.helpers_tokens import bearer
from planwatch.plans.models import Task


def test_a_service_account_of_unit_b_reads_as_an_officer_of_unit_b(client, users, unit_b):
    admin = users[("administrator", "a")]
    client.force_login(admin)
    response = client.post(
        reverse("tokens:service_accounts"),
        {
            "username": "land-system",
            "name": "Land system",
            "unit": unit_b.pk,
            "role": "unit_officer",
        },
    )
    account = ServiceAccount.objects.get()
    assert response.status_code == 302
    assert not account.user.has_usable_password()
    token, raw = do_create_token(
        admin,
        user=account.user,
        name="nightly sync",
        scope="write",
        expires_on=timezone.localdate() + dt.timedelta(days=10),
    )
    client.logout()
    me = client.get(reverse("api-1:me"), headers=bearer(raw)).json()
    assert me["role"] == "unit_officer" and me["unit_id"] == unit_b.pk
    assert me["token"]["name"] == "nightly sync"
    assert Task.objects.count() == 0


def test_nobody_but_an_administrator_makes_service_accounts(users, unit_a):
    for role in ("supervisor", "unit_officer", "leader", "auditor"):
        with pytest.raises(PermissionDenied):
            do_create_service_account(
                users[(role, "a")], username=f"x-{role}", name="X", unit=unit_a, role="leader"
            )
    assert not User.objects.filter(username__startswith="x-").exists()


def test_an_administrator_makes_no_token_for_a_person(users):
    with pytest.raises(PermissionDenied):
        do_create_token(
            users[("administrator", "a")],
            user=users[("supervisor", "a")],
            name="impersonation",
            scope="write",
            expires_on=timezone.localdate() + dt.timedelta(days=10),
        )


def test_a_duplicate_username_is_refused_with_the_field_named(client, users, unit_a):
    client.force_login(users[("administrator", "a")])
    response = client.post(
        reverse("tokens:service_accounts"),
        {"username": "supervisor-unit-a", "name": "X", "unit": unit_a.pk, "role": "leader"},
    )
    assert response.status_code == 200
    assert (
        "<li>Username: A user with that username already exists.</li>" in response.content.decode()
    )
    assert not ServiceAccount.objects.exists()
