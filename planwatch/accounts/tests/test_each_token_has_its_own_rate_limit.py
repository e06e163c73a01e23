from django.urls import reverse

from planwatch.accounts.models_tokens import TokenWindow
from planwatch.accounts.tests.helpers_tokens import bearer, make_token, start_of_a_minute


def test_the_request_beyond_the_limit_waits_and_another_token_goes_on(client, settings, officer):
    settings.API_TOKEN_RATE_LIMIT = 3
    _first, raw = make_token(officer)
    _second, other = make_token(officer, name="other")
    url = reverse("api-1:me")
    start_of_a_minute()
    assert [client.get(url, headers=bearer(raw)).status_code for _ in range(3)] == [200] * 3
    refused = client.get(url, headers=bearer(raw))
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert client.get(url, headers=bearer(other)).status_code == 200
    assert sorted(TokenWindow.objects.values_list("count", flat=True)) == [1, 4]


def test_sessions_are_not_counted(client, settings, officer):
    settings.API_TOKEN_RATE_LIMIT = 1
    client.force_login(officer)
    url = reverse("api-1:me")
    assert [client.get(url).status_code for _ in range(3)] == [200] * 3
    assert not TokenWindow.objects.exists()
