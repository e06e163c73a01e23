import pytest


@pytest.mark.parametrize(
    "path", ["/", "/directory/organisations/", "/directory/people/", "/audit/"]
)
def test_a_page_sends_an_anonymous_user_to_sign_in(client, db, path):
    response = client.get(path)

    assert response.status_code == 302
    assert response["Location"] == f"/login/?next={path}"


def test_the_api_answers_401_to_an_anonymous_user(client, db):
    assert client.get("/api/directory/organisations").status_code == 401


def test_the_sign_in_page_and_health_check_are_open(client, db):
    assert client.get("/login/").status_code == 200
    assert client.get("/healthz").status_code == 200
