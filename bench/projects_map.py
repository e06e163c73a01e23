"""Benchmark: the battle map's data endpoint and the figures page at 20,000 projects.

    PLANWATCH_DEBUG=1 PLANWATCH_DATABASE_URL=sqlite:///var/bench-projects.sqlite3 \
        python bench/projects_map.py [--projects 20000] [--runs 40]

Migrates the database, tops it up to N generated projects, then times requests through
Django's test client as a supervisor (who sees every project). Prints p50 and p95 per
endpoint, the queries one request makes, and the load average around each measurement:
on a shared 2-core machine other processes move the figures more than the code does.

The figures are cached under a stamp of the data (queries.figures), so they are measured
twice: "cold" empties the cache before every request, as after any change to a project,
stage, approval or rate; "warm" is a repeated request with nothing changed. The map data
is not cached: every request reads the projects.
Targets: map data p95 <= 300 ms, figures page p95 <= 200 ms.
"""

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "planwatch.settings")
os.environ.setdefault("PLANWATCH_ALLOWED_HOSTS", "testserver,localhost")

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from planwatch.accounts.models import User  # noqa: E402
from planwatch.projects.generate import generate_projects  # noqa: E402
from planwatch.projects.models import Project  # noqa: E402


def timed(
    client: Client, url: str, runs: int, before: Callable[[], None]
) -> tuple[list[float], int, int]:
    """Milliseconds per request, the response size and the queries of one request."""
    queries: list[str] = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    before()
    with connection.execute_wrapper(count):
        client.get(url)  # also warms connections and templates
    times, size = [], 0
    for _ in range(runs):
        before()
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.status_code
        size = len(response.content)
    return times, size, len(queries)


def p95(times: list[float]) -> float:
    return statistics.quantiles(times, n=20)[-1]


def load() -> str:
    return "/".join(f"{value:.2f}" for value in os.getloadavg())


def nothing() -> None:
    """Leave the cache as the previous request left it."""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--projects", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=40)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    missing = args.projects - Project.objects.active().count()
    if missing > 0:
        started = time.perf_counter()
        generate_projects(missing, seed=20)
        print(f"generated {missing} projects in {time.perf_counter() - started:.1f} s")
    user, _ = User.objects.get_or_create(
        username="bench-supervisor", defaults={"role": "supervisor"}
    )
    client = Client()
    client.force_login(user)
    print(f"database: {connection.vendor}; projects: {Project.objects.active().count()}")
    for label, url, target, before in (
        ("map data (page route)", "/projects/map/data.json", 300, nothing),
        ("map data (API)", "/api/projects/map", 300, nothing),
        ("figures page, cold", "/projects/figures/", 200, cache.clear),
        ("figures page, warm", "/projects/figures/", 200, nothing),
        ("figures API, cold", "/api/projects/figures", 200, cache.clear),
    ):
        load_before = load()
        times, size, queries = timed(client, url, args.runs, before)
        print(
            f"{label:<22} p50 {statistics.median(times):6.1f} ms  p95 {p95(times):6.1f} ms  "
            f"target p95 <= {target} ms  {queries:2d} queries  {size / 1024:4.0f} kB  "
            f"load {load_before} -> {load()}"
        )


if __name__ == "__main__":
    main()
