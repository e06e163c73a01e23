"""Several servers (here: threads, each with its own database connection) share one count
per token: the limit holds exactly, however the requests interleave."""

import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from planwatch.accounts.models_tokens import TokenWindow
from planwatch.accounts.tests.helpers_tokens import bearer, make_token, start_of_a_minute


@pytest.mark.django_db(transaction=True)
def test_twelve_requests_at_once_against_a_limit_of_eight(database_on_disk, settings, officer):
    settings.API_TOKEN_RATE_LIMIT = 8
    _token, raw = make_token(officer)
    url = reverse("api-1:me")
    start_of_a_minute()
    barrier = threading.Barrier(12)
    statuses: list[int] = []

    def call():
        try:
            barrier.wait()
            statuses.append(Client().get(url, headers=bearer(raw)).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=call) for _ in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(statuses) == [200] * 8 + [429] * 4
    assert sum(TokenWindow.objects.values_list("count", flat=True)) == 12
