"""gunicorn settings for Planwatch in production: `gunicorn -c deploy/gunicorn.conf.py`.

Sized for the reference machine (2 cores). Every value can be overridden with the usual
GUNICORN_CMD_ARGS or on the command line; the numbers below are the measured ones
(README, "Overload").

How a full server stays responsive:

- 2 processes per core x 8 threads. The application lets 2 requests per process work at
  once (PLANWATCH_MAX_IN_FLIGHT): more would only share the CPU and make every request
  slower; 2 more may wait for one of them (PLANWATCH_MAX_WAITING, a bounded queue). The
  other 4 threads answer the surplus with a quick 503 and Retry-After. Several small
  processes rather than one with many threads: each has its own GIL, and the thread
  that accepts connections is not starved by busy request threads.
- A request that waited more than 1 s since gunicorn accepted it (stamped by the
  worker class, read by planwatch.lib.guards) is answered 503 at once, unserved.
- At most 64 connections per process are taken in (worker_connections); past that the
  kernel's accept queue holds up to `backlog` more. Both bounded.
- A request that runs longer than `timeout` kills its worker (it is restarted), and
  PostgreSQL cancels any statement running longer than 30 s.
"""

import multiprocessing
import os
import sys

wsgi_app = "planwatch.wsgi:application"
bind = os.environ.get("PLANWATCH_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("PLANWATCH_WORKERS", 2 * multiprocessing.cpu_count()))
worker_class = "planwatch.lib.server.QueueStampingThreadWorker"
threads = int(os.environ.get("PLANWATCH_THREADS", 8))
worker_connections = 64
backlog = 256
timeout = 60
graceful_timeout = 30
keepalive = 5
max_requests = 5000
max_requests_jitter = 500
accesslog = "-"
errorlog = "-"

os.environ.setdefault("PLANWATCH_MAX_IN_FLIGHT", "2")
os.environ.setdefault("PLANWATCH_MAX_WAITING", "2")
os.environ.setdefault("PLANWATCH_MAX_QUEUE_WAIT_MS", "1000")
os.environ.setdefault("PLANWATCH_STATEMENT_TIMEOUT_MS", "30000")


def post_fork(server, worker):
    # The thread that accepts connections competes for the GIL with the busy request
    # threads; a shorter switch interval keeps it accepting (and refusing) promptly.
    sys.setswitchinterval(0.001)
