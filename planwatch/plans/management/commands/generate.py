"""`planwatch generate`: a large synthetic dataset for load tests and benchmarks.

Rows go in with bulk_create in batches and write no audit events or history: this is
synthetic load data, not anybody's work, and per-row events would make 2,000,000
reports take hours instead of minutes.
"""

import datetime as dt
import random
import time
from collections.abc import Iterator
from decimal import Decimal
from importlib import import_module
from importlib.util import find_spec
from types import ModuleType

from django.apps import apps
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, transaction
from django.utils import timezone

from planwatch.accounts.models import Role, User
from planwatch.directory.models import Organisation
from planwatch.plans import figures
from planwatch.plans.models import (
    Assignment,
    ExtensionRequest,
    MajorIssue,
    Plan,
    ProgressReport,
    Task,
)

BATCH = 5000
PASSWORD = "planwatch-bench"
PREFIX = "gen"


def month_start(day: dt.date, back: int = 0) -> dt.date:
    """The first day of the month `back` months before `day`'s month."""
    index = day.year * 12 + day.month - 1 - back
    return dt.date(index // 12, index % 12 + 1, 1)


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, min(day.day, 28))


def extensions() -> list[ModuleType]:
    """Later apps' generators: a `generate` module with OPTION, HELP and generate(count, seed).

    This keeps the layers: plans does not import the apps built on top of it, yet
    `planwatch generate --projects N` fills them too.
    """
    found = []
    for config in apps.get_app_configs():
        name = f"{config.name}.generate"
        if config.name.startswith("planwatch.") and find_spec(name) is not None:
            module = import_module(name)
            if hasattr(module, "OPTION"):
                found.append(module)
    return found


def batched(items: Iterator, size: int = BATCH) -> Iterator[list]:
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


class Command(BaseCommand):
    help = (
        "Build a synthetic dataset (synthetic load data for benchmarks: no audit events, "
        "no history rows): units, plans, a task tree, lead and co assignments, reports in "
        "every state over months, extensions, major issues and closures. Accounts: "
        f"{PREFIX}-supervisor and {PREFIX}-officer-<n>, password {PASSWORD!r}."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--units", required=True, help="number of units, at least 1")
        parser.add_argument("--tasks", required=True, help="number of tasks, at least 1")
        parser.add_argument("--reports", required=True, help="number of reports, at least 1")
        parser.add_argument("--plans", default="10", help="number of plans (default 10)")
        parser.add_argument("--seed", default="1", help="random seed (default 1)")
        for module in extensions():
            parser.add_argument(f"--{module.OPTION}", default="0", help=module.HELP)

    def _number(self, options: dict, name: str, minimum: int = 1) -> int:
        try:
            number = int(str(options[name]))
            if number < minimum:
                raise ValueError
            return number
        except ValueError:
            raise CommandError(
                f"--{name}: {options[name]!r} is not a whole number of at least {minimum}.",
                returncode=2,
            ) from None

    def handle(self, *args, **options) -> None:
        units, tasks, reports, plans, seed = (
            self._number(options, name) for name in ("units", "tasks", "reports", "plans", "seed")
        )
        if plans > tasks:
            raise CommandError("--plans: cannot exceed --tasks.", returncode=2)
        extra = [(m, self._number(options, m.OPTION, minimum=0)) for m in extensions()]
        if Organisation.objects.filter(code__startswith=f"{PREFIX}-unit-").exists():
            raise CommandError(
                "This database already holds generated data; use a fresh database.", returncode=2
            )
        generator = Generator(random.Random(seed), timezone.localdate(), self.stdout.write)
        started = time.monotonic()
        with transaction.atomic():
            generator.run(units, tasks, reports, plans)
            for module, count in extra:
                if count:
                    made = module.generate(count, seed)
                    self.stdout.write(f"{made} {module.OPTION} generated.")
        self.stdout.write(f"Done in {time.monotonic() - started:.1f} s.")


class Generator:
    """Writes the rows; `today` anchors every date so that a seed gives the same shape."""

    def __init__(self, rng: random.Random, today: dt.date, say) -> None:
        self.rng = rng
        self.today = today
        self.say = say
        self.now = timezone.now()
        self.started = time.monotonic()

    def _step(self, what: str) -> None:
        self.say(f"{time.monotonic() - self.started:7.1f} s  {what}")

    def run(self, units: int, tasks: int, reports: int, plans: int) -> None:
        unit_ids = self.units(units)
        supervisor = self.users(unit_ids)
        plan_ids = self.plans(plans)
        task_rows = self.tasks(tasks, plan_ids, unit_ids)
        assignment_rows = self.assignments(task_rows, unit_ids)
        self.reports(reports, assignment_rows, supervisor)
        self.extensions_issues_closures(task_rows, assignment_rows, supervisor)
        with connection.cursor() as cursor:
            # Fresh statistics, or PostgreSQL plans the rebuild's per-assignment subqueries
            # as if the tables were empty (measured: minutes instead of seconds).
            cursor.execute("ANALYZE")
        figures.rebuild(lambda text: self._step(f"figures: {text}"))

    def units(self, count: int) -> list[int]:
        rows = (
            Organisation(
                code=f"{PREFIX}-unit-{n:05d}",
                name_en=f"Synthetic Bureau {n}",
                name_zh=f"合成局{n}",
                kind=Organisation.Kind.DEPARTMENT,
            )
            for n in range(1, count + 1)
        )
        for batch in batched(rows):
            Organisation.objects.bulk_create(batch)
        self._step(f"{count} units")
        return list(
            Organisation.objects.filter(code__startswith=f"{PREFIX}-unit-")
            .order_by("code")
            .values_list("pk", flat=True)
        )

    def users(self, unit_ids: list[int]) -> User:
        password = make_password(PASSWORD)
        supervisor = User.objects.create(
            username=f"{PREFIX}-supervisor", password=password, role=Role.SUPERVISOR
        )
        officers = (
            User(
                username=f"{PREFIX}-officer-{n}",
                password=password,
                role=Role.UNIT_OFFICER,
                unit_id=unit_id,
                email=f"officer{n}@example.org",
            )
            for n, unit_id in enumerate(unit_ids, start=1)
        )
        for batch in batched(officers):
            User.objects.bulk_create(batch)
        self._step(f"{len(unit_ids) + 1} users")
        return supervisor

    def plans(self, count: int) -> list[int]:
        rows = [
            Plan(
                code=f"{PREFIX}-plan-{n}",
                title_en=f"Synthetic plan {n}",
                title_zh=f"合成规划{n}",
                report_due_day=5,
            )
            for n in range(1, count + 1)
        ]
        Plan.objects.bulk_create(rows)
        return [p.pk for p in Plan.objects.filter(code__startswith=f"{PREFIX}-plan-")]

    def _task(self, n: int, plan_id: int, parent: Task | None, kind: str, unit_ids: list[int]):
        rng = self.rng
        if parent is not None:
            start = parent.start_date + dt.timedelta(days=rng.randint(0, 60))
        else:
            start = self.today - dt.timedelta(days=rng.randint(60, 720))
        deadline = start + dt.timedelta(days=rng.randint(90, 900))
        return Task(
            plan_id=plan_id,
            parent=parent,
            reference=f"G-{n:07d}",
            kind=kind,
            title_en=f"Synthetic {kind} {n}",
            title_zh=f"合成任务{n}",
            lead_unit_id=rng.choice(unit_ids),
            start_date=start,
            deadline=deadline,
            original_deadline=deadline,
            weight=Decimal(rng.choice([1, 1, 1, 2, 3])),
        )

    def tasks(self, count: int, plan_ids: list[int], unit_ids: list[int]) -> list[Task]:
        """A three-level tree per plan: goals (2%), tasks (28%) and sub-tasks (70%)."""
        goals = max(len(plan_ids), count // 50)
        middle = max(0, min(count - goals, count * 28 // 100))
        leaves = count - goals - middle
        made: list[Task] = []
        level: list[Task] = []
        for n in range(goals):
            level.append(self._task(n + 1, plan_ids[n % len(plan_ids)], None, "goal", unit_ids))
        for batch in batched(iter(level)):
            made.extend(Task.objects.bulk_create(batch))
        for size, parents, kind in ((middle, made[:goals], "task"), (leaves, None, "task")):
            parents = parents or made[goals:] or made
            offset = len(made)
            rows = (
                self._task(offset + n + 1, p.plan_id, p, kind, unit_ids)
                for n in range(size)
                for p in [parents[self.rng.randrange(len(parents))]]
            )
            for batch in batched(rows):
                made.extend(Task.objects.bulk_create(batch))
        self._step(f"{len(made)} tasks")
        return made

    def assignments(self, tasks: list[Task], unit_ids: list[int]) -> list[Assignment]:
        """A lead assignment per task, and one or two co-units on a third of them."""

        def rows() -> Iterator[Assignment]:
            for task in tasks:
                yield Assignment(
                    task_id=task.pk,
                    unit_id=task.lead_unit_id,
                    role=Assignment.Role.LEAD,
                    acknowledged_at=self.now if self.rng.random() < 0.9 else None,
                )
                if len(unit_ids) > 2 and self.rng.random() < 0.33:
                    others = {self.rng.choice(unit_ids) for _ in range(self.rng.randint(1, 2))}
                    for unit_id in others - {task.lead_unit_id}:
                        yield Assignment(task_id=task.pk, unit_id=unit_id, role="co")

        made: list[Assignment] = []
        for batch in batched(rows()):
            made.extend(Assignment.objects.bulk_create(batch))
        self._step(f"{len(made)} assignments")
        return made

    def reports(self, count: int, assignments: list[Assignment], reviewer: User) -> None:
        """Monthly reports, most recent period last; older ones approved, the latest in any
        state; some submitted late."""
        starts = {}
        share, extra = divmod(count, len(assignments))
        last_month = month_start(self.today, 1)
        rng = self.rng

        def rows() -> Iterator[ProgressReport]:
            for index, assignment in enumerate(assignments):
                n = share + (1 if index < extra else 0)
                start = starts.setdefault(assignment.task_id, rng.randint(0, 40))
                for i in range(n):
                    period = month_start(last_month, n - 1 - i)
                    latest = i == n - 1
                    state = "approved"
                    if latest:
                        state = rng.choices(
                            ["approved", "submitted", "returned"], weights=[60, 30, 10]
                        )[0]
                    elif rng.random() < 0.03:
                        state = "returned"
                    due = add_months(period, 1).replace(day=5)
                    late = rng.random() < 0.15
                    shift = rng.randint(1, 20) if late else -rng.randint(0, 4)
                    day = due + dt.timedelta(days=shift)
                    submitted = timezone.make_aware(dt.datetime.combine(day, dt.time(10)))
                    yield ProgressReport(
                        assignment_id=assignment.pk,
                        period_start=period,
                        percent_complete=min(100, start + (i + 1) * rng.randint(5, 15)),
                        narrative="Synthetic progress.",
                        state=state,
                        submitted_at=submitted,
                        reviewed_at=None if state == "submitted" else submitted,
                        reviewed_by_id=None if state == "submitted" else reviewer.pk,
                        review_comment="Please add evidence." if state == "returned" else "",
                    )

        written = 0
        for batch in batched(rows()):
            ProgressReport.objects.bulk_create(batch)
            written += len(batch)
            if written % 200_000 < BATCH:
                self._step(f"{written} reports")
        self._step(f"{written} reports")

    def extensions_issues_closures(
        self, tasks: list[Task], assignments: list[Assignment], supervisor: User
    ) -> None:
        """Pending and decided extension requests (2% each), major issues (1%, half resolved)
        and closures of a tenth of the tasks past their deadline."""
        rng = self.rng
        lead = {a.task_id: a for a in assignments if a.role == Assignment.Role.LEAD}
        extensions, issues, closed = [], [], []
        for task in tasks:
            roll = rng.random()
            if roll < 0.04:
                state = "pending" if roll < 0.02 else rng.choice(["approved", "refused"])
                extensions.append(
                    ExtensionRequest(
                        task_id=task.pk,
                        requested_by_id=supervisor.pk,
                        requested_at=self.now,
                        requested_deadline=task.deadline + dt.timedelta(days=90),
                        reason="Synthetic delay.",
                        state=state,
                        decided_by_id=None if state == "pending" else supervisor.pk,
                        decided_at=None if state == "pending" else self.now,
                    )
                )
            elif roll < 0.05:
                issues.append(
                    MajorIssue(
                        task_id=task.pk,
                        assignment_id=lead[task.pk].pk,
                        description="Synthetic blocker.",
                        raised_by_id=supervisor.pk,
                        raised_at=self.now,
                        resolved_at=self.now if rng.random() < 0.5 else None,
                    )
                )
            elif task.deadline < self.today and rng.random() < 0.1:
                shift = rng.randint(-30, -1) if rng.random() < 0.7 else rng.randint(1, 60)
                day = task.deadline + dt.timedelta(days=shift)
                task.closed_at = timezone.make_aware(dt.datetime.combine(day, dt.time(16)))
                task.closed_by_id = supervisor.pk
                closed.append(task)
        for batch in batched(iter(extensions)):
            ExtensionRequest.objects.bulk_create(batch)
        for batch in batched(iter(issues)):
            MajorIssue.objects.bulk_create(batch)
        Task.objects.bulk_update(closed, ["closed_at", "closed_by"], batch_size=1000)
        self._step(
            f"{len(extensions)} extension requests, {len(issues)} major issues, "
            f"{len(closed)} closures"
        )
