"""A gunicorn worker that stamps each request with the time it was queued, so that the
overload guard (planwatch.lib.guards) can refuse work that has waited too long.

gunicorn's threaded worker hands an accepted connection to its thread pool; while
every thread is busy the connection waits in the pool's queue, where the application
cannot see it. The stamp makes that wait visible.
"""

import time

from gunicorn.workers.gthread import ThreadWorker

HEADER = "X-PLANWATCH-QUEUED-AT"


class QueueStampingThreadWorker(ThreadWorker):
    def enqueue_req(self, conn):
        conn.planwatch_queued_at = time.time()
        super().enqueue_req(conn)

    def handle_request(self, req, conn):
        # A client's own copy of the header is dropped: only the worker's counts.
        req.headers = [(n, v) for n, v in req.headers if n != HEADER]
        stamp = getattr(conn, "planwatch_queued_at", None)
        if stamp is not None:
            req.headers.append((HEADER, f"{stamp:.6f}"))
        return super().handle_request(req, conn)
