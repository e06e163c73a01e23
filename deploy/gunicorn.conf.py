"""gunicorn settings for Planwatch in production: `gunicorn -c deploy/gunicorn.conf.py`.

Sized for the reference machine (2 cores). Every value can be overridden with the usual
GUNICORN_CMD_ARGS or on the command line; the numbers below are the measured ones
(README, "Overload").

How a full server stays responsive:

- 2 processes x 8 threads. The application lets 4 requests per process work at once
  (PLANWATCH_MAX_IN_FLIGHT): on 2 cores more would only share the CPU and make every
  request slower. The other 4 threads answer the surplus with a quick 503.
- A request that waited more than 2 s since gunicorn accepted it (stamped by the
  worker class, read by planwatch.lib.guards) is answered 503 with Retry-After at once.
- At most 64 connections per process are taken in (worker_connections); past that the
  kernel's accept queue holds up to `backlog` more. Both bounded.
- A request that runs longer than `timeout` kills its worker (it is restarted), and
  PostgreSQL cancels any statement running longer than 30 s.
"""

import multiprocessing
import os

wsgi_app = "planwatch.wsgi:application"
bind = os.environ.get("PLANWATCH_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("PLANWATCH_WORKERS", min(multiprocessing.cpu_count(), 4)))
worker_class = "planwatch.lib.server.QueueStampingThreadWorker"
threads = 8
worker_connections = 64
backlog = 256
timeout = 60
graceful_timeout = 30
keepalive = 5
max_requests = 5000
max_requests_jitter = 500
accesslog = "-"
errorlog = "-"

os.environ.setdefault("PLANWATCH_MAX_IN_FLIGHT", "4")
os.environ.setdefault("PLANWATCH_MAX_QUEUE_WAIT_MS", "2000")
os.environ.setdefault("PLANWATCH_STATEMENT_TIMEOUT_MS", "30000")
