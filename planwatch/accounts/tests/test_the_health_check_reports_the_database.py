from unittest import mock

from django.db import DatabaseError
from django.db.backends.utils import CursorWrapper


def test_the_health_check_answers_200_when_the_database_answers(client, db):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_the_health_check_answers_503_when_the_database_does_not(client, db):
    with mock.patch.object(CursorWrapper, "execute", side_effect=DatabaseError("gone")):
        response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "unreachable"}
