"""Open-load test of the everyday pages through gunicorn as deployed.

For each offered load (requests/s, sent on a fixed schedule whatever the answers, as
many users would), it reports answered/s, p50/p95/p99 of the answers, the 503s (with
their own p95: they must be quick), other errors and timeouts; then the saturation
(answered/s of a closed loop of 8 clients that send again as soon as answered).

Pages, alternately as the demo supervisor and the demo unit officer: the dashboard, the
task list, a task page, and the API's task and organisation lists.

Loopback only (127.0.0.1); it stops by itself: each load lasts --seconds, each request
waits at most --timeout, and gunicorn is stopped at the end.

    python bench/load_pages.py                  # the demo world in a fresh SQLite file
    python bench/load_pages.py --database-url postgres://postgres@127.0.0.1:5432/pw_load
    python bench/load_pages.py --baseline       # plain `gunicorn -w 2` (sync), guard off
"""

import argparse
import asyncio
import os
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
BIN = Path(sys.executable).parent
HOST = "127.0.0.1"


def environment(var_dir: Path, database_url: str, baseline: bool) -> dict[str, str]:
    # Server sizing may be tried from outside: PLANWATCH_WORKERS=4 python bench/...
    sizing = ("WORKERS", "THREADS", "MAX_IN_FLIGHT", "MAX_WAITING", "MAX_QUEUE_WAIT_MS")
    keep = {f"PLANWATCH_{name}" for name in sizing}
    env = {k: v for k, v in os.environ.items() if not k.startswith("PLANWATCH_") or k in keep}
    env.update(
        PLANWATCH_DEBUG="0",
        PLANWATCH_SECRET_KEY=secrets.token_urlsafe(64),
        PLANWATCH_VAR_DIR=str(var_dir),
        PLANWATCH_DATABASE_URL=database_url,
        PLANWATCH_ALLOWED_HOSTS=HOST,
        PLANWATCH_SSL_REDIRECT="0",
        PLANWATCH_SECURE_COOKIES="0",
        PLANWATCH_HSTS_SECONDS="0",
        PLANWATCH_LOG_LEVEL="ERROR",
    )
    if baseline:  # the guard as good as off: what the outside test measured
        env.update(PLANWATCH_MAX_IN_FLIGHT="100000", PLANWATCH_MAX_QUEUE_WAIT_MS="3600000")
    return env


def prepare(env: dict[str, str]) -> None:
    """Migrate, load the demo world when it is missing, collect static files."""
    run = lambda *args: subprocess.run(  # noqa: E731
        [str(BIN / "planwatch"), *args], env=env, check=True, capture_output=True
    )
    run("migrate", "--no-input")
    os.environ.update(env)
    os.environ["DJANGO_SETTINGS_MODULE"] = "planwatch.settings"
    import django

    django.setup()
    from planwatch.accounts.models import User

    if not User.objects.filter(username="supervisor").exists():
        run("demo")
    run("collectstatic", "--no-input")


def sessions_and_urls() -> list[tuple[str, str]]:
    """(path, session cookie) pairs: the everyday pages of the supervisor and an officer."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from planwatch.accounts.models import User
    from planwatch.plans.models import Task

    pairs = []
    for username in ("supervisor", "officer"):
        user = User.objects.get(username=username)
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        task = Task.objects.filter(lead_unit_id=user.unit_id).order_by("pk").first()
        task = task or Task.objects.order_by("pk").first()
        for path in (
            "/dashboard/",
            "/plans/",
            f"/plans/tasks/{task.reference}/",
            "/api/plans/tasks",
            "/api/directory/organisations",
        ):
            pairs.append((path, session.session_key))
    return pairs


async def fetch(port: int, path: str, cookie: str, timeout: float) -> tuple[str, float]:
    """(outcome, seconds): outcome is the status code, "timeout" or "error"."""
    loop = asyncio.get_running_loop()
    start = loop.time()
    writer = None
    try:
        async with asyncio.timeout(timeout):
            reader, writer = await asyncio.open_connection(HOST, port)
            writer.write(
                f"GET {path} HTTP/1.1\r\nHost: {HOST}\r\nCookie: sessionid={cookie}\r\n"
                "Connection: close\r\n\r\n".encode()
            )
            await writer.drain()
            status = (await reader.readline()).split()[1].decode()
            await reader.read()
        return status, loop.time() - start
    except TimeoutError:
        return "timeout", loop.time() - start
    except (OSError, IndexError, ValueError):
        return "error", loop.time() - start
    finally:
        if writer is not None:
            writer.close()


async def open_load(port, pairs, rate: float, seconds: float, timeout: float):
    loop = asyncio.get_running_loop()
    start = loop.time()
    tasks = []
    for i in range(int(rate * seconds)):
        await asyncio.sleep(max(0.0, start + i / rate - loop.time()))
        path, cookie = pairs[i % len(pairs)]
        tasks.append(asyncio.create_task(fetch(port, path, cookie, timeout)))
    results = await asyncio.gather(*tasks)
    return results, loop.time() - start


async def closed_loop(port, pairs, clients: int, seconds: float, timeout: float):
    loop = asyncio.get_running_loop()
    end = loop.time() + seconds
    results = []

    async def client(offset: int) -> None:
        i = offset
        while loop.time() < end:
            path, cookie = pairs[i % len(pairs)]
            results.append(await fetch(port, path, cookie, timeout))
            i += clients

    await asyncio.gather(*(client(n) for n in range(clients)))
    return results


def percentile(values: list[float], p: float) -> str:
    if not values:
        return "-"
    values = sorted(values)
    return f"{values[min(len(values) - 1, int(p / 100 * len(values)))] * 1000:.0f}"


def report(rate, results, elapsed) -> str:
    ok = [t for outcome, t in results if outcome[0] in "23"]
    busy = [t for outcome, t in results if outcome == "503"]
    timeouts = sum(1 for outcome, _ in results if outcome == "timeout")
    errors = len(results) - len(ok) - len(busy) - timeouts
    return (
        f"{rate:>8} {len(results):>6} {len(ok) / elapsed:>10.1f} {percentile(ok, 50):>6} "
        f"{percentile(ok, 95):>6} {percentile(ok, 99):>6} {len(busy):>6} "
        f"{percentile(busy, 95):>8} {errors:>6} {timeouts:>8}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", help="default: a fresh SQLite file with the demo world")
    parser.add_argument("--loads", default="20,50,100,200", help="offered requests/s")
    parser.add_argument("--seconds", type=float, default=20, help="length of each load")
    parser.add_argument("--timeout", type=float, default=10, help="a client's patience, s")
    parser.add_argument("--port", type=int, default=8799)
    parser.add_argument("--baseline", action="store_true", help="plain gunicorn -w 2, no guard")
    args = parser.parse_args()

    var_dir = Path(tempfile.mkdtemp(prefix="planwatch-load-"))
    database_url = args.database_url or f"sqlite:///{var_dir / 'planwatch.sqlite3'}"
    env = environment(var_dir, database_url, args.baseline)
    server = None
    try:
        prepare(env)
        pairs = sessions_and_urls()
        bind = f"{HOST}:{args.port}"
        if args.baseline:
            command = [str(BIN / "gunicorn"), "planwatch.wsgi:application", "-w", "2", "-b", bind]
        else:
            command = [str(BIN / "gunicorn"), "-c", str(ROOT / "deploy/gunicorn.conf.py")]
            command += ["-b", bind, "--access-logfile", "/dev/null"]
        server = subprocess.Popen(
            command, env=env, cwd=ROOT, start_new_session=True, stderr=subprocess.DEVNULL
        )
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://{bind}/healthz", timeout=2)
                break
            except OSError:
                time.sleep(0.3)
        asyncio.run(open_load(args.port, pairs, 5, 4, args.timeout))  # warm-up
        server_name = (
            "gunicorn -w 2 (sync), no guard" if args.baseline else "deploy/gunicorn.conf.py"
        )
        print(f"server: {server_name}; database: {database_url.split(':')[0]}")
        print(f"{len(pairs)} pages; {args.seconds:.0f} s a load; patience {args.timeout:.0f} s")
        print(
            f"{'offered':>8} {'sent':>6} {'answered/s':>10} {'p50':>6} {'p95':>6} {'p99':>6} "
            f"{'503':>6} {'503 p95':>8} {'errors':>6} {'timeouts':>8}   (ms)"
        )
        for rate in [float(r) for r in args.loads.split(",")]:
            results, elapsed = asyncio.run(
                open_load(args.port, pairs, rate, args.seconds, args.timeout)
            )
            print(report(int(rate), results, elapsed), flush=True)
            time.sleep(args.timeout / 2)  # let the last load's stragglers finish
        closed = asyncio.run(closed_loop(args.port, pairs, 8, args.seconds, args.timeout))
        ok = [t for outcome, t in closed if outcome[0] in "23"]
        print(
            f"saturation (closed loop, 8 clients): {len(ok) / args.seconds:.1f} answered/s, "
            f"p50 {percentile(ok, 50)} ms, {len(closed) - len(ok)} not answered 2xx"
        )
        mean = statistics.mean(ok) * 1000 if ok else 0
        print(f"mean answer time in the closed loop: {mean:.0f} ms")
    finally:
        if server is not None:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
        shutil.rmtree(var_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
