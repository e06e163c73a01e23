"""Benchmark: the battle map's data endpoint and the figures page at 20,000 projects.

    PLANWATCH_DEBUG=1 PLANWATCH_DATABASE_URL=sqlite:///var/bench-projects.sqlite3 \
        python bench/projects_map.py [--projects 20000] [--runs 40]

Migrates the database, tops it up to N generated projects, then times requests through
Django's test client as a supervisor (who sees every project). Prints p50 and p95.
Targets: map data p95 <= 300 ms, figures page p95 <= 200 ms.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "planwatch.settings")
os.environ.setdefault("PLANWATCH_ALLOWED_HOSTS", "testserver,localhost")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from planwatch.accounts.models import User  # noqa: E402
from planwatch.projects.generate import generate_projects  # noqa: E402
from planwatch.projects.models import Project  # noqa: E402


def timed(client: Client, url: str, runs: int) -> tuple[list[float], int]:
    client.get(url)  # warm caches and connections
    times, size = [], 0
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.status_code
        size = len(response.content)
    return times, size


def p95(times: list[float]) -> float:
    return statistics.quantiles(times, n=20)[-1]


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
    for label, url, target in (
        ("map data (page route)", "/projects/map/data.json", 300),
        ("map data (API)", "/api/projects/map", 300),
        ("figures page", "/projects/figures/", 200),
    ):
        times, size = timed(client, url, args.runs)
        print(
            f"{label:<24} p50 {statistics.median(times):6.1f} ms  p95 {p95(times):6.1f} ms  "
            f"target p95 <= {target} ms  ({size / 1024:.0f} kB)"
        )


if __name__ == "__main__":
    main()
