"""Benchmark of the supervision documents: a monthly bulletin and the largest plan's
evaluation report (figures, PDF, DOCX, XLSX) with the process's peak memory; with --daily,
the daily ladder and card rules first.

Run against a database built by `planwatch generate` (e.g. 2,000 units, 200,000 tasks,
2,000,000 reports):

    PLANWATCH_DEBUG=1 python bench/reports_documents.py --database-url postgres://postgres@127.0.0.1:5432/planwatch_bench

Everything it writes (proposals, cards, the bulletin) is rolled back at the end. Without
--database-url it uses PLANWATCH_DATABASE_URL.
"""

import argparse
import datetime as dt
import os
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=os.environ.get("PLANWATCH_DATABASE_URL"))
    parser.add_argument("--date", help="the day to run for, YYYY-MM-DD (default today)")
    parser.add_argument("--language", default="zh-hans")
    parser.add_argument(
        "--daily",
        action="store_true",
        help="time the daily ladder and card rules first (their first run on a generated "
        "database proposes a notice and a card for every overdue task: slow, see README)",
    )
    args = parser.parse_args()
    if not args.database_url:
        parser.error("give --database-url or set PLANWATCH_DATABASE_URL")
    os.environ["PLANWATCH_DATABASE_URL"] = args.database_url
    os.environ.setdefault("PLANWATCH_DEBUG", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "planwatch.settings")

    import django

    django.setup()
    from django.db import connection, transaction
    from django.db.models import Count
    from django.utils import timezone, translation

    from planwatch.accounts.models import User
    from planwatch.plans.models import Plan, ProgressReport, Task
    from planwatch.reports import actions, documents
    from planwatch.reports.bulletins import previous_period
    from planwatch.reports.cards import apply_card_rules
    from planwatch.reports.ladder import propose_notices

    translation.activate(args.language)
    today = dt.date.fromisoformat(args.date) if args.date else timezone.localdate()
    supervisor = User.objects.get(username="gen-supervisor")
    print(
        f"database: {connection.vendor}, {Task.objects.count()} tasks, "
        f"{ProgressReport.objects.count()} reports; day {today}"
    )
    print(f"{'step':34} {'seconds':>8} {'size':>10} {'peak MB':>8}")

    def timed(label: str, work):
        started = time.perf_counter()
        result = work()
        seconds = time.perf_counter() - started
        size = f"{len(result) / 1024:.0f} KB" if isinstance(result, bytes) else ""
        print(f"{label:34} {seconds:8.2f} {size:>10} {_peak_mb():8.0f}", flush=True)
        return result

    with transaction.atomic():
        if args.daily:
            proposed = timed("ladder: propose notices", lambda: propose_notices(today))
            cards = timed("card rules", lambda: apply_card_rules(today))
            print(f"  {proposed.notices} notices proposed, {cards.issued} cards issued")
        start, end = previous_period("month", today)
        bulletin = timed(
            "monthly bulletin: figures",
            lambda: actions.do_generate_bulletin(supervisor, "month", start, end, today),
        )
        timed("monthly bulletin: PDF", lambda: documents.bulletin_pdf(bulletin))
        timed("monthly bulletin: DOCX", lambda: documents.bulletin_docx(bulletin))
        timed("monthly bulletin: XLSX", lambda: documents.bulletin_xlsx(bulletin))
        plan = Plan.objects.annotate(n=Count("tasks")).order_by("-n", "pk").first()
        print(f"  evaluation of {plan.code}: {plan.n} tasks")
        report = timed(
            "evaluation: figures",
            lambda: actions.do_evaluate_plan(supervisor, plan, end, today),
        )
        timed("evaluation: PDF", lambda: documents.evaluation_pdf(report))
        timed("evaluation: DOCX", lambda: documents.evaluation_docx(report))
        timed("evaluation: XLSX", lambda: documents.evaluation_xlsx(report))
        transaction.set_rollback(True)


if __name__ == "__main__":
    main()
