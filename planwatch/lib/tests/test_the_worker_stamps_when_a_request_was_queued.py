"""gunicorn's threaded worker, as deployed, tells the application when each request was
queued; a client cannot set that time itself."""

import time
from types import SimpleNamespace

from gunicorn.workers.gthread import ThreadWorker

from planwatch.lib.server import HEADER, QueueStampingThreadWorker


def test_the_queue_time_replaces_any_the_client_sent(monkeypatch):
    seen = {}
    monkeypatch.setattr(ThreadWorker, "enqueue_req", lambda self, conn: None)
    monkeypatch.setattr(
        ThreadWorker, "handle_request", lambda self, req, conn: seen.update(headers=req.headers)
    )
    worker = object.__new__(QueueStampingThreadWorker)
    conn = SimpleNamespace()
    before = time.time()
    worker.enqueue_req(conn)
    request = SimpleNamespace(headers=[("HOST", "x"), (HEADER, "1.0")])
    worker.handle_request(request, conn)

    stamps = [float(v) for name, v in seen["headers"] if name == HEADER]
    assert len(stamps) == 1
    assert before <= stamps[0] <= time.time()
    assert ("HOST", "x") in seen["headers"]
