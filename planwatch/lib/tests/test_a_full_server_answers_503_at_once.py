"""The overload guard: past its in-flight slots, or for a request that already waited
too long in the server's queue, the answer is a quick 503 with Retry-After."""

import json
import threading
import time

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from planwatch.lib.guards import OverloadGuardMiddleware, queued_at


@pytest.fixture
def guard(settings):
    settings.OVERLOAD_MAX_IN_FLIGHT = 2
    settings.OVERLOAD_MAX_WAITING = 1
    settings.OVERLOAD_MAX_WAIT_SECONDS = 0.2
    settings.OVERLOAD_RETRY_AFTER_SECONDS = 5
    release = threading.Event()

    def slow_view(request):
        release.wait(10)
        return HttpResponse("done")

    middleware = OverloadGuardMiddleware(slow_view)
    yield middleware, release
    release.set()


def fill(middleware, count: int) -> list[threading.Thread]:
    threads = [
        threading.Thread(target=middleware, args=(RequestFactory().get("/plans/"),))
        for _ in range(count)
    ]
    for thread in threads:
        thread.start()
    time.sleep(0.1)
    return threads


def test_past_its_slots_a_request_gets_503_with_retry_after(guard):
    middleware, release = guard
    busy = fill(middleware, 2)
    response = middleware(RequestFactory().get("/plans/"))
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "The server is busy" in response.content.decode()
    assert "服务器" in response.content.decode()
    release.set()
    for thread in busy:
        thread.join()


def test_a_request_in_the_waiting_room_is_served_when_a_slot_frees(guard, settings):
    settings.OVERLOAD_MAX_WAIT_SECONDS = 30
    middleware, release = guard
    middleware = OverloadGuardMiddleware(middleware.get_response)
    busy = fill(middleware, 2)
    answers = []
    waiter = threading.Thread(
        target=lambda: answers.append(middleware(RequestFactory().get("/plans/")))
    )
    waiter.start()
    time.sleep(0.1)
    room_full = middleware(RequestFactory().get("/plans/"))
    assert room_full.status_code == 503, "past slots and waiting room: refused, not queued"
    assert answers == [], "the waiter is still waiting"
    release.set()
    waiter.join()
    assert answers[0].status_code == 200
    for thread in busy:
        thread.join()


def test_within_its_slots_requests_are_served(guard):
    middleware, release = guard
    busy = fill(middleware, 1)
    release.set()
    assert middleware(RequestFactory().get("/plans/")).status_code == 200
    for thread in busy:
        thread.join()


def test_the_api_gets_json(guard):
    middleware, release = guard
    busy = fill(middleware, 2)
    response = middleware(RequestFactory().get("/api/plans/tasks"))
    assert response.status_code == 503
    assert "busy" in json.loads(response.content)["detail"]
    release.set()
    for thread in busy:
        thread.join()


def test_a_request_that_waited_too_long_in_the_queue_is_refused_unserved(guard):
    middleware, release = guard
    release.set()
    stale = RequestFactory().get("/plans/", HTTP_X_PLANWATCH_QUEUED_AT=f"{time.time() - 0.5}")
    assert middleware(stale).status_code == 503
    fresh = RequestFactory().get("/plans/", HTTP_X_PLANWATCH_QUEUED_AT=f"{time.time() - 0.05}")
    assert middleware(fresh).status_code == 200


def test_the_health_check_answers_even_when_full(guard):
    middleware, release = guard
    busy = fill(middleware, 2)
    release.set()
    assert middleware(RequestFactory().get("/healthz")).status_code == 200
    for thread in busy:
        thread.join()


@pytest.mark.parametrize(
    ("header", "value", "expected"),
    [
        ("HTTP_X_REQUEST_START", "t=1700000000.250", 1700000000.25),
        ("HTTP_X_REQUEST_START", "1700000000250", 1700000000.25),
        ("HTTP_X_REQUEST_START", "1700000000250000", 1700000000.25),
        ("HTTP_X_PLANWATCH_QUEUED_AT", "1700000000.25", 1700000000.25),
    ],
)
def test_queue_stamps_are_read_in_every_form(header, value, expected):
    assert queued_at({header: value}) == pytest.approx(expected)


@pytest.mark.parametrize("value", ["soon", "", "inf", "-inf", "nan", "1e400", "t="])
def test_an_unreadable_stamp_is_ignored(value):
    assert queued_at({"HTTP_X_REQUEST_START": value}) is None
    assert queued_at({}) is None


def test_the_earlier_of_two_stamps_counts():
    meta = {"HTTP_X_REQUEST_START": "t=100.0", "HTTP_X_PLANWATCH_QUEUED_AT": "105.0"}
    assert queued_at(meta) == 100.0
