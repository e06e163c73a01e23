"""Benchmark of API access with a bearer token against the session, and of webhook
deliveries: what the token lookup and the per-token rate counter (a database row per
token and minute) cost a request, and how many deliveries a worker posts a second.

Run against a migrated database (it adds a user `bench-api` with a token, and a channel
to a receiver it starts on 127.0.0.1):

    PLANWATCH_DEBUG=1 python bench/api_tokens.py --database-url sqlite:////tmp/bench-api.sqlite3
    PLANWATCH_DEBUG=1 python bench/api_tokens.py --database-url postgres://postgres@127.0.0.1:5432/pw_api_bench
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def _percentiles(times: list[float]) -> tuple[float, float]:
    times = sorted(times)
    return statistics.median(times), times[min(len(times) - 1, round(0.95 * len(times)) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=os.environ.get("PLANWATCH_DATABASE_URL"))
    parser.add_argument("--runs", type=int, default=200, help="timed requests per case")
    parser.add_argument("--deliveries", type=int, default=200, help="webhook deliveries to post")
    args = parser.parse_args()
    if not args.database_url:
        parser.error("give --database-url or set PLANWATCH_DATABASE_URL")
    os.environ["PLANWATCH_DATABASE_URL"] = args.database_url
    os.environ.setdefault("PLANWATCH_DEBUG", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "planwatch.settings")

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from planwatch.accounts.actions_channels import send_to_channels
    from planwatch.accounts.models import Channel, Delivery, Role, User
    from planwatch.accounts.tasks import deliver
    from planwatch.accounts.tests.helpers_tokens import bearer, make_token
    from planwatch.accounts.tests.receiver import receiver

    call_command("migrate", verbosity=0)
    settings.API_TOKEN_RATE_LIMIT = 10**9
    Organisation = User._meta.get_field("unit").related_model
    unit, _ = Organisation.objects.get_or_create(code="bench-api", defaults={"name_en": "Bench"})
    user, _ = User.objects.get_or_create(
        username="bench-api", defaults={"role": Role.SUPERVISOR, "unit": unit}
    )
    _token, raw = make_token(user, name=f"bench {time.time()}")
    session = Client(SERVER_NAME="localhost")
    session.force_login(user)
    anonymous = Client(SERVER_NAME="localhost")
    print(f"database: {connection.vendor}; {args.runs} requests a case")
    print(f"{'request':38} {'auth':8} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8}")
    for name, url in (
        ("who am I", "/api/accounts/me"),
        ("organisations", "/api/directory/organisations"),
    ):
        for label, client, headers in (("session", session, {}), ("token", anonymous, bearer(raw))):
            assert client.get(url, headers=headers).status_code == 200
            times = []
            for _ in range(args.runs):
                with CaptureQueriesContext(connection) as queries:
                    started = time.perf_counter()
                    client.get(url, headers=headers)
                    times.append((time.perf_counter() - started) * 1000)
            p50, p95 = _percentiles(times)
            print(f"{name + ' ' + url:38} {label:8} {p50:8.2f} {p95:8.2f} {len(queries):8d}")

    with receiver() as robot:
        Channel.objects.filter(unit=unit).update(archived_at=django.utils.timezone.now())
        Channel.objects.create(
            unit=unit,
            kind="webhook",
            name="bench",
            url=f"{robot.url}/ok",
            secret="k",
            created_by=user,
        )
        stamp = time.time()
        queued = []
        started = time.perf_counter()
        for i in range(args.deliveries):
            queued += send_to_channels(
                [user.pk], kind="bench", key=f"bench:{stamp}:{i}", text=f"message {i}"
            )
        queueing = time.perf_counter() - started
        started = time.perf_counter()
        for delivery in queued:
            deliver.call(delivery.pk)
        posting = time.perf_counter() - started
        sent = Delivery.objects.filter(pk__in=[d.pk for d in queued], state="sent").count()
    print(
        f"webhook: {len(queued)} deliveries queued in {queueing * 1000:.0f} ms "
        f"({len(queued) / queueing:.0f}/s); posted in {posting * 1000:.0f} ms "
        f"({len(queued) / posting:.0f}/s, one worker); {sent} sent, {len(robot.received)} received"
    )


if __name__ == "__main__":
    main()
