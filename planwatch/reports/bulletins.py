"""What a bulletin says: every section computed from the facts as of the period's last day,
as plain JSON values, so that the issued bulletin can be kept unchanged and shown, printed
or exported later exactly as it was.

Status as of a day comes from the cached status dates (plans' TaskFigures) through
plans.queries.status_condition, the same rule as the dashboard; unit scores use
plans.scoring with the penalties the apps register (plans.extensions).
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet, Sum

from planwatch.directory.models import Organisation
from planwatch.plans.extensions import unit_penalties
from planwatch.plans.models import MajorIssue, Plan, ProgressReport, ReportingFigures, TaskFigures
from planwatch.plans.queries import status_condition
from planwatch.plans.scoring import UnitCounts, penalised, ranks, rate, unit_score
from planwatch.plans.status import Status
from planwatch.projects.models import Project
from planwatch.reports.models import Bulletin, Card, Notice, NoticeKind

LISTED = 50
COMMENDED_SCORE = 90
MOST_COMMENDED = 10


def period_bounds(kind: str, day: dt.date) -> tuple[dt.date, dt.date]:
    """The week (Monday to Sunday), month or quarter that holds `day`."""
    if kind == Bulletin.Period.WEEK:
        start = day - dt.timedelta(days=day.weekday())
        return start, start + dt.timedelta(days=6)
    if kind == Bulletin.Period.MONTH:
        start = day.replace(day=1)
    elif kind == Bulletin.Period.QUARTER:
        start = dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    else:
        raise ValueError(kind)
    months = 1 if kind == Bulletin.Period.MONTH else 3
    index = start.year * 12 + start.month - 1 + months
    return start, dt.date(index // 12, index % 12 + 1, 1) - dt.timedelta(days=1)


def previous_period(kind: str, day: dt.date) -> tuple[dt.date, dt.date]:
    """The whole period before the one that holds `day` (the scheduled job's period)."""
    start, _end = period_bounds(kind, day)
    return period_bounds(kind, start - dt.timedelta(days=1))


@dataclass(frozen=True)
class Scope:
    plan: Plan | None = None
    unit: Organisation | None = None

    def figures(self) -> QuerySet[TaskFigures]:
        figures = TaskFigures.objects.all()
        if self.plan is not None:
            figures = figures.filter(plan=self.plan)
        if self.unit is not None:
            figures = figures.filter(lead_unit=self.unit)
        return figures

    def narrow(self, queryset: QuerySet, task: str = "task", unit: str = "unit") -> QuerySet:
        if self.plan is not None:
            queryset = queryset.filter(**{f"{task}__plan": self.plan})
        if self.unit is not None:
            queryset = queryset.filter(**{unit: self.unit})
        return queryset


def _names(en: str, zh: str) -> dict[str, str]:
    return {"en": en or zh, "zh": zh or en}


def _counts(figures: QuerySet[TaskFigures], as_of: dt.date, key: str | None) -> dict:
    def count(*statuses: Status) -> Count:
        condition = Q()
        for status in statuses:
            condition |= status_condition(status, as_of)
        return Count("fixed_status", filter=condition)

    aggregates = {
        "total": Count("fixed_status"),
        "finished": count(Status.COMPLETED, Status.CLOSED),
        "overdue": count(Status.OVERDUE),
        "at_risk": count(Status.AT_RISK),
        "due": Count(
            "fixed_status", filter=Q(fixed_status=Status.CLOSED.value) | Q(deadline__lt=as_of)
        ),
        "on_time": Count("fixed_status", filter=Q(closed_on_time=True)),
    }
    if key is None:
        return figures.order_by().aggregate(**aggregates)
    rows = figures.order_by().values(key).annotate(**aggregates)
    return {row[key]: row for row in rows}


def _rates(row: dict) -> dict:
    return {
        "completion": rate(row["finished"], row["total"]),
        "on_time_rate": rate(row["on_time"], row["due"]),
    }


def _task_rows(figures: QuerySet[TaskFigures], as_of: dt.date) -> list[dict]:
    rows = figures.select_related("task", "lead_unit").order_by("deadline", "task_id")[:LISTED]
    return [
        {
            "reference": f.task.reference,
            "title": _names(f.task.title_en, f.task.title_zh),
            "unit": _names(f.lead_unit.name_en, f.lead_unit.name_zh) if f.lead_unit else None,
            "deadline": f.deadline.isoformat() if f.deadline else None,
            "days": (as_of - f.deadline).days if f.deadline else None,
            "progress": f.progress,
        }
        for f in rows
    ]


def _units(scope: Scope, as_of: dt.date) -> list[dict]:
    """Lead units with their counts, score and rank, best first (as the dashboard's rule)."""
    figures = scope.figures().filter(lead_unit__isnull=False)
    counts = _counts(figures, as_of, "lead_unit_id")
    reporting = ReportingFigures.objects.all()
    if scope.plan is not None:
        reporting = reporting.filter(plan=scope.plan)
    if scope.unit is not None:
        reporting = reporting.filter(unit=scope.unit)
    made = {
        row["unit_id"]: (row["n"], row["ok"])
        for row in reporting.order_by()
        .values("unit_id")
        .annotate(n=Sum("reports"), ok=Sum("on_time"))
    }
    penalties = unit_penalties(as_of)
    units = Organisation.objects.only("pk", "name_en", "name_zh").in_bulk(
        list(counts.keys() | made.keys())
    )
    rows = []
    for pk, unit in units.items():
        row = counts.get(pk, {})
        reports, on_time = made.get(pk, (0, 0))
        unit_counts = UnitCounts(
            tasks_led=row.get("total", 0),
            finished=row.get("finished", 0),
            overdue=row.get("overdue", 0),
            reports=reports,
            reports_on_time=on_time,
        )
        points, why = penalties.get(pk, (0, ""))
        rows.append(
            {
                "id": pk,
                "name": _names(unit.name_en, unit.name_zh),
                "tasks_led": unit_counts.tasks_led,
                "finished": unit_counts.finished,
                "overdue": unit_counts.overdue,
                "reports": reports,
                "reports_on_time": on_time,
                "penalty": points,
                "penalty_reason": why,
                "score": penalised(unit_score(unit_counts), points),
            }
        )
    for row, rank in zip(rows, ranks([r["score"] for r in rows]), strict=True):
        row["rank"] = rank
    rows.sort(key=lambda r: (r["rank"] is None, r["rank"] or 0, r["name"]["zh"]))
    return rows


def _notices(scope: Scope, start: dt.date, end: dt.date) -> dict:
    notices = Notice.objects.active().filter(issued_on__range=(start, end))
    if scope.plan is not None:
        notices = notices.filter(plan=scope.plan)
    if scope.unit is not None:
        notices = notices.filter(unit=scope.unit)
    by_kind = {kind: [0, 0] for kind in NoticeKind.values}
    for kind, state, n in (
        notices.order_by()
        .values_list("kind", "state")
        .annotate(n=Count("pk"))
        .values_list("kind", "state", "n")
    ):
        by_kind[kind][0] += n
        if state == Notice.State.ANSWERED:
            by_kind[kind][1] += n
    listed = notices.select_related("unit").order_by("issued_on", "pk")[:LISTED]
    return {
        "issued": sum(v[0] for v in by_kind.values()),
        "answered": sum(v[1] for v in by_kind.values()),
        "by_kind": by_kind,
        "list": [
            {
                "reference": n.reference,
                "kind": n.kind,
                "unit": _names(n.unit.name_en, n.unit.name_zh),
                "issued_on": n.issued_on.isoformat(),
                "state": n.state,
            }
            for n in listed
        ],
    }


def _cards(scope: Scope, start: dt.date, end: dt.date) -> dict:
    cards = Card.objects.active()
    if scope.plan is not None:
        cards = cards.filter(plan=scope.plan)
    if scope.unit is not None:
        cards = cards.filter(unit=scope.unit)
    issued = dict(
        cards.filter(issued_on__range=(start, end))
        .order_by()
        .values_list("colour")
        .annotate(n=Count("pk"))
        .values_list("colour", "n")
    )
    live_cards = cards.filter(issued_on__lte=end).filter(
        Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gt=end)
    )
    live = dict(
        live_cards.order_by()
        .values_list("colour")
        .annotate(n=Count("pk"))
        .values_list("colour", "n")
    )
    listed = live_cards.select_related("unit", "task").order_by("-issued_on", "pk")[:LISTED]
    return {
        "issued": {colour: issued.get(colour, 0) for colour in Card.Colour.values},
        "live": {colour: live.get(colour, 0) for colour in Card.Colour.values},
        "list": [
            {
                "colour": c.colour,
                "unit": _names(c.unit.name_en, c.unit.name_zh),
                "unit_id": c.unit_id,
                "task": c.task.reference if c.task_id else "",
                "reason": c.reason,
                "issued_on": c.issued_on.isoformat(),
            }
            for c in listed
        ],
    }


def _issues(scope: Scope, start: dt.date, end: dt.date) -> dict:
    issues = scope.narrow(MajorIssue.objects.active(), unit="assignment__unit")
    raised = issues.filter(raised_at__date__range=(start, end))
    resolved = issues.filter(resolved_at__date__range=(start, end))
    still_open = issues.filter(raised_at__date__lte=end).filter(
        Q(resolved_at__isnull=True) | Q(resolved_at__date__gt=end)
    )
    listed = (
        (raised | resolved)
        .select_related("task", "assignment__unit")
        .order_by("raised_at", "pk")[:LISTED]
    )
    return {
        "raised": raised.count(),
        "resolved": resolved.count(),
        "open": still_open.count(),
        "list": [
            {
                "task": i.task.reference,
                "unit": _names(i.assignment.unit.name_en, i.assignment.unit.name_zh),
                "description": i.description[:500],
                "raised_on": i.raised_at.date().isoformat(),
                "resolved_on": i.resolved_at.date().isoformat() if i.resolved_at else None,
                "resolution": i.resolution[:500],
            }
            for i in listed
        ],
    }


def _projects(scope: Scope, end: dt.date) -> dict:
    """Projects whose next stage is past its planned date (as the projects' late stages)."""
    slipped = (
        Project.objects.active()
        .filter(next_milestone_due__lt=end)
        .exclude(side_status__in=("dormant", "lost"))
    )
    if scope.unit is not None:
        slipped = slipped.filter(lead_unit=scope.unit)
    if scope.plan is not None:
        slipped = slipped.filter(tasks__plan=scope.plan).distinct()
    listed = slipped.select_related("lead_unit").order_by("next_milestone_due", "pk")[:LISTED]
    return {
        "slipped": slipped.count(),
        "list": [
            {
                "code": p.code,
                "name": _names(p.name_en, p.name_zh),
                "unit": _names(p.lead_unit.name_en, p.lead_unit.name_zh),
                "due": p.next_milestone_due.isoformat(),
                "days": (end - p.next_milestone_due).days,
            }
            for p in listed
        ],
    }


def _verdicts(units: list[dict], cards: dict, notices: dict) -> tuple[list, list]:
    """Commended: units that lead tasks, none overdue, no live card, score at least 90.
    Criticised: units with a live red card, or named by a criticism notice in the period."""
    carded = defaultdict(int)
    for card in cards["list"]:
        if card["colour"] == Card.Colour.RED:
            carded[card["unit_id"]] += 1
    with_cards = {card["unit_id"] for card in cards["list"]}
    commended = [
        {"id": u["id"], "name": u["name"], "score": u["score"]}
        for u in units
        if u["tasks_led"]
        and not u["overdue"]
        and u["id"] not in with_cards
        and (u["score"] or 0) >= COMMENDED_SCORE
    ][:MOST_COMMENDED]
    named = defaultdict(list)
    for notice in notices["list"]:
        if notice["kind"] == NoticeKind.CRITICISM:
            named[notice["unit"]["zh"]].append(notice["reference"])
    criticised = []
    by_id = {u["id"]: u for u in units}
    for unit_id, n in sorted(carded.items()):
        unit = by_id.get(unit_id)
        name = (
            unit["name"]
            if unit
            else next(c["unit"] for c in cards["list"] if c["unit_id"] == unit_id)
        )
        criticised.append({"name": name, "red_cards": n, "notices": named.pop(name["zh"], [])})
    for zh, references in sorted(named.items()):
        unit = next(n["unit"] for n in notices["list"] if n["unit"]["zh"] == zh)
        criticised.append({"name": unit, "red_cards": 0, "notices": references})
    return commended, criticised


def what_changed(before: dict | None, now: dict) -> dict:
    """Since the previous bulletin: tasks newly overdue, tasks no longer overdue, and units
    that moved up or down the ranking. Pure: two contents in, one section out."""
    if not before:
        return {"previous": None}
    old, new = set(before["overdue"]["refs"]), set(now["overdue"]["refs"])
    old_rank = {u["id"]: u["rank"] for u in before["units"] if u["rank"] is not None}
    moved = []
    for unit in now["units"]:
        was = old_rank.get(unit["id"])
        if was is not None and unit["rank"] is not None and was != unit["rank"]:
            moved.append({"name": unit["name"], "from": was, "to": unit["rank"]})
    up = sorted((m for m in moved if m["to"] < m["from"]), key=lambda m: m["to"] - m["from"])
    down = sorted((m for m in moved if m["to"] > m["from"]), key=lambda m: m["from"] - m["to"])
    return {
        "previous": before.get("reference"),
        "new_overdue": sorted(new - old)[:LISTED],
        "new_overdue_count": len(new - old),
        "no_longer_overdue": sorted(old - new)[:LISTED],
        "no_longer_overdue_count": len(old - new),
        "moved_up": up[:LISTED],
        "moved_down": down[:LISTED],
        "overdue_before": before["headline"]["overdue"],
    }


def build(scope: Scope, start: dt.date, end: dt.date, previous: dict | None) -> dict:
    """Every section of a bulletin for the period, as of its last day."""
    figures = scope.figures()
    headline = _counts(figures, end, None)
    headline.update(_rates(headline))
    reports = scope.narrow(
        ProgressReport.objects.active(), task="assignment__task", unit="assignment__unit"
    ).filter(submitted_at__date__range=(start, end))
    headline["reports"] = reports.count()
    headline["closed_in_period"] = figures.filter(task__closed_at__date__range=(start, end)).count()
    plans = _counts(figures, end, "plan_id")
    plan_rows = []
    for plan in Plan.objects.filter(pk__in=plans.keys()).order_by("code"):
        row = plans[plan.pk]
        plan_rows.append(
            {"code": plan.code, "title": _names(plan.title_en, plan.title_zh), **row, **_rates(row)}
        )
    overdue = figures.filter(status_condition(Status.OVERDUE, end))
    at_risk = figures.filter(status_condition(Status.AT_RISK, end))
    units = _units(scope, end)
    notices = _notices(scope, start, end)
    cards = _cards(scope, start, end)
    commended, criticised = _verdicts(units, cards, notices)
    content = {
        "as_of": end.isoformat(),
        "headline": headline,
        "plans": plan_rows,
        "units": units,
        "overdue": {
            "count": headline["overdue"],
            "top": _task_rows(overdue, end),
            "refs": sorted(overdue.values_list("task__reference", flat=True)),
        },
        "at_risk": {"count": headline["at_risk"], "top": _task_rows(at_risk, end)},
        "notices": notices,
        "cards": cards,
        "issues": _issues(scope, start, end),
        "projects": _projects(scope, end),
        "commended": commended,
        "criticised": criticised,
    }
    content["changes"] = what_changed(previous, content)
    return content
