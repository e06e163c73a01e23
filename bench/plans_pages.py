"""Benchmark of the supervision pages: p50/p95 (ms) and queries per page.

Run against a database built by `planwatch generate` (e.g. 2,000 units, 200,000 tasks,
2,000,000 reports), in-process with Django's test client, as the generated supervisor and
a generated unit officer:

    PLANWATCH_DEBUG=1 python bench/plans_pages.py --database-url sqlite:////tmp/bench.sqlite3
    PLANWATCH_DEBUG=1 python bench/plans_pages.py --database-url postgres://postgres@127.0.0.1:5432/planwatch_bench

Without --database-url it uses PLANWATCH_DATABASE_URL.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=os.environ.get("PLANWATCH_DATABASE_URL"))
    parser.add_argument("--runs", type=int, default=30, help="timed runs per page (default 30)")
    args = parser.parse_args()
    if not args.database_url:
        parser.error("give --database-url or set PLANWATCH_DATABASE_URL")
    os.environ["PLANWATCH_DATABASE_URL"] = args.database_url
    os.environ.setdefault("PLANWATCH_DEBUG", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "planwatch.settings")

    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from planwatch.accounts.models import User
    from planwatch.plans.models import Plan, Task

    supervisor = User.objects.get(username="gen-supervisor")
    plan = Plan.objects.filter(code__startswith="gen-plan-").order_by("pk").first()
    officer = User.objects.filter(username__startswith="gen-officer-").order_by("pk").first()
    task = Task.objects.filter(lead_unit_id=officer.unit_id).order_by("pk").first()
    list_query = f"?plan={plan.code}&status=overdue&page=2"
    pages = [
        ("dashboard", "/dashboard/"),
        ("dashboard, filtered", f"/dashboard/?plan={plan.code}&status=at_risk"),
        ("task list (loop), filtered", f"/plans/{list_query}"),
        ("task list (loop), unfiltered", "/plans/?page=3"),
        ("task list (dashboard)", f"/dashboard/tasks/{list_query}"),
        ("task page", f"/plans/tasks/{task.reference}/"),
        ("unit ranking", "/dashboard/units/"),
    ]
    print(f"database: {connection.vendor}, {Task.objects.count()} tasks")
    print(f"{'page':32} {'user':10} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8}")
    for user, label in ((supervisor, "supervisor"), (officer, "officer")):
        # No setup_test_environment(): its template instrumentation keeps every rendered
        # context alive, so the heap grew by 2,000 unit rows a dashboard and full garbage
        # collections of 60-280 ms landed in the p95 (measured); a server has none of it.
        client = Client(SERVER_NAME="localhost")
        client.force_login(user)
        for name, url in pages:
            response = client.get(url)
            if response.status_code != 200:
                print(f"{name:32} {label:10} status {response.status_code}")
                continue
            times = []
            for _ in range(args.runs):
                with CaptureQueriesContext(connection) as queries:
                    started = time.perf_counter()
                    client.get(url)
                    times.append((time.perf_counter() - started) * 1000)
            times.sort()
            p50 = statistics.median(times)
            p95 = times[min(len(times) - 1, round(0.95 * len(times)) - 1)]
            print(f"{name:32} {label:10} {p50:8.1f} {p95:8.1f} {len(queries):8d}")


if __name__ == "__main__":
    main()
