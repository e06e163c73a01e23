"""The header's language switcher offers Korean beside English and Chinese, each by its own
name, and choosing it turns the next page Korean."""

from django.urls import reverse


def test_the_switcher_lists_every_language_by_its_own_name(client, officer):
    client.force_login(officer)

    page = client.get(reverse("home")).content.decode()

    assert '<option value="en" selected>English</option>' in page
    assert '<option value="zh-hans">简体中文</option>' in page
    assert '<option value="ko">한국어</option>' in page


def test_choosing_korean_turns_the_next_page_korean(client, officer):
    client.force_login(officer)

    switched = client.post(reverse("set_language"), {"language": "ko", "next": "/"})
    page = client.get(reverse("home")).content.decode()

    assert switched.status_code == 302
    assert client.cookies["django_language"].value == "ko"
    assert '<html lang="ko">' in page
    assert '<option value="ko" selected>한국어</option>' in page
    assert "로그아웃" in page and "Sign out" not in page


def test_a_browser_asking_for_korean_gets_korean_before_signing_in(client):
    page = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="ko-KR,ko;q=0.9").content.decode()

    assert '<html lang="ko">' in page
    assert "로그인" in page
