"""What a plan's evaluation report says, as of a date, as plain JSON values: completion by
clause and by unit, indicators (baseline → target → actual), projects' investment, delays
with the reasons units gave, major issues and how they were resolved, a narrative built
only from these figures (in English and Chinese), a comparison with the previous
evaluation, and an annex of every task.

Status as of the date is the dashboard's rule over the cached status dates.
"""

import datetime as dt
from decimal import Decimal

from django.db.models import Count, OuterRef, Q, Subquery, Sum
from django.utils import translation
from django.utils.translation import gettext as _

from planwatch.directory.models import Organisation
from planwatch.plans.models import (
    Clause,
    Indicator,
    IndicatorActual,
    MajorIssue,
    Plan,
    ProgressReport,
    TaskFigures,
)
from planwatch.plans.queries import status_condition
from planwatch.plans.queries_dashboard import status_expression
from planwatch.plans.scoring import rate
from planwatch.plans.status import Status
from planwatch.projects.models import Project

LISTED = 100


def _names(en: str, zh: str) -> dict[str, str]:
    return {"en": en or zh, "zh": zh or en}


def _counts(figures, as_of: dt.date, key: str) -> dict:
    finished = status_condition(Status.COMPLETED, as_of) | status_condition(Status.CLOSED, as_of)
    rows = (
        figures.order_by()
        .values(key)
        .annotate(
            total=Count("fixed_status"),
            finished=Count("fixed_status", filter=finished),
            overdue=Count("fixed_status", filter=status_condition(Status.OVERDUE, as_of)),
        )
    )
    return {row[key]: row for row in rows}


def _clauses(figures, as_of: dt.date) -> list[dict]:
    counts = _counts(figures, as_of, "task__source_clause_id")
    clauses = Clause.objects.in_bulk([pk for pk in counts if pk is not None])
    rows = []
    for pk, row in counts.items():
        clause = clauses.get(pk)
        rows.append(
            {
                "ordinal": clause.ordinal if clause else "",
                "position": clause.position if clause else 10**6,
                "text": clause.text[:300] if clause else "",
                "total": row["total"],
                "finished": row["finished"],
                "overdue": row["overdue"],
                "completion": rate(row["finished"], row["total"]),
            }
        )
    return sorted(rows, key=lambda r: r["position"])


def _units(figures, as_of: dt.date) -> list[dict]:
    counts = _counts(figures.filter(lead_unit__isnull=False), as_of, "lead_unit_id")
    units = Organisation.objects.only("name_en", "name_zh").in_bulk(list(counts))
    rows = [
        {
            "name": _names(units[pk].name_en, units[pk].name_zh),
            **{k: row[k] for k in ("total", "finished", "overdue")},
            "completion": rate(row["finished"], row["total"]),
        }
        for pk, row in counts.items()
    ]
    return sorted(rows, key=lambda r: (-(r["completion"] or 0), r["name"]["zh"]))


def _indicators(plan: Plan, as_of: dt.date) -> list[dict]:
    latest = (
        IndicatorActual.objects.filter(
            indicator=OuterRef("pk"),
            report__state=ProgressReport.State.APPROVED,
            report__period_start__lte=as_of,
            report__archived_at__isnull=True,
        )
        .order_by("-report__period_start", "-report__submitted_at")
        .values("value")[:1]
    )
    rows = []
    indicators = (
        Indicator.objects.active()
        .filter(task__plan=plan, task__archived_at__isnull=True)
        .annotate(actual=Subquery(latest))
        .select_related("task")
        .order_by("task__reference", "name")
    )
    for indicator in indicators:
        baseline = indicator.baseline or Decimal(0)
        span = indicator.target - baseline
        achieved = None
        if indicator.actual is not None and span:
            achieved = float((indicator.actual - baseline) / span)
        rows.append(
            {
                "task": indicator.task.reference,
                "name": indicator.name,
                "unit_of_measure": indicator.unit_of_measure,
                "baseline": None if indicator.baseline is None else str(indicator.baseline),
                "target": str(indicator.target),
                "actual": None if indicator.actual is None else str(indicator.actual),
                "achieved": achieved,
            }
        )
    return rows


def _projects(plan: Plan) -> dict:
    projects = Project.objects.active().filter(tasks__plan=plan).distinct()
    by_currency = (
        Project.objects.filter(pk__in=projects.values("pk"))
        .order_by()
        .values("currency")
        .annotate(planned=Sum("total_planned"), completed=Sum("total_completed"), n=Count("pk"))
    )
    return {
        "count": projects.count(),
        "by_currency": [
            {
                "currency": row["currency"],
                "projects": row["n"],
                "planned": str(row["planned"] or 0),
                "completed": str(row["completed"] or 0),
                "share": rate(float(row["completed"] or 0), float(row["planned"] or 0)),
            }
            for row in by_currency
        ],
    }


def _delays(figures, as_of: dt.date) -> list[dict]:
    """Overdue tasks, longest first, with the blockers of their latest report."""
    blockers = (
        ProgressReport.objects.filter(
            assignment__task_id=OuterRef("task_id"),
            archived_at__isnull=True,
            submitted_at__date__lte=as_of,
        )
        .exclude(blockers="")
        .order_by("-period_start", "-submitted_at")
        .values("blockers")[:1]
    )
    rows = (
        figures.filter(status_condition(Status.OVERDUE, as_of))
        .annotate(reason=Subquery(blockers))
        .select_related("task", "lead_unit")
        .order_by("deadline", "task_id")[:LISTED]
    )
    return [
        {
            "reference": f.task.reference,
            "title": _names(f.task.title_en, f.task.title_zh),
            "unit": _names(f.lead_unit.name_en, f.lead_unit.name_zh) if f.lead_unit else None,
            "deadline": f.deadline.isoformat(),
            "days": (as_of - f.deadline).days,
            "reason": (f.reason or "")[:500],
        }
        for f in rows
    ]


def _issues(plan: Plan, as_of: dt.date) -> dict:
    issues = MajorIssue.objects.active().filter(task__plan=plan, raised_at__date__lte=as_of)
    resolved = Q(resolved_at__isnull=False, resolved_at__date__lte=as_of)
    listed = issues.select_related("task").order_by("-raised_at", "pk")[:LISTED]
    return {
        "raised": issues.count(),
        "resolved": issues.filter(resolved).count(),
        "list": [
            {
                "task": i.task.reference,
                "description": i.description[:500],
                "raised_on": i.raised_at.date().isoformat(),
                "resolved_on": i.resolved_at.date().isoformat()
                if i.resolved_at and i.resolved_at.date() <= as_of
                else None,
                "resolution": i.resolution[:500] if i.resolved_at else "",
            }
            for i in listed
        ],
    }


def _annex(figures, as_of: dt.date) -> list[list]:
    """Every task: reference, title (zh), lead unit (zh), deadline, status, progress."""
    rows = (
        figures.annotate(status=status_expression(as_of))
        .order_by("task__reference")
        .values_list(
            "task__reference",
            "task__title_zh",
            "task__title_en",
            "lead_unit__name_zh",
            "lead_unit__name_en",
            "deadline",
            "status",
            "progress",
        )
    )
    return [
        [
            ref,
            title_zh or title_en,
            unit_zh or unit_en or "",
            deadline and deadline.isoformat(),
            status,
            progress,
        ]
        for ref, title_zh, title_en, unit_zh, unit_en, deadline, status, progress in rows
    ]


def _percent(value) -> str:
    return "—" if value is None else f"{round(100 * value)}%"


def narrative(content: dict, previous: dict | None) -> list[str]:
    """Sentences in the active language, each built from the figures above, nothing else."""
    h = content["headline"]
    lines = [
        _(
            "As of %(date)s, %(finished)s of the plan's %(total)s tasks are finished "
            "(%(completion)s) and %(overdue)s are overdue."
        )
        % {**h, "date": content["as_of"], "completion": _percent(h["completion"])}
    ]
    clauses = [c for c in content["clauses"] if c["ordinal"] and c["total"]]
    if len(clauses) > 1:
        low = min(clauses, key=lambda c: (c["completion"] or 0, c["position"]))
        high = max(clauses, key=lambda c: (c["completion"] or 0, -c["position"]))
        lines.append(
            _(
                "By clause, completion is highest under %(high)s (%(high_rate)s) and lowest "
                "under %(low)s (%(low_rate)s)."
            )
            % {
                "high": high["ordinal"],
                "high_rate": _percent(high["completion"]),
                "low": low["ordinal"],
                "low_rate": _percent(low["completion"]),
            }
        )
    measured = [i for i in content["indicators"] if i["achieved"] is not None]
    if content["indicators"]:
        reached = sum(1 for i in measured if i["achieved"] >= 1)
        lines.append(
            _(
                "Of %(n)s indicators, %(measured)s have an approved actual value and "
                "%(reached)s have reached their target."
            )
            % {"n": len(content["indicators"]), "measured": len(measured), "reached": reached}
        )
    if content["delays"]:
        lines.append(
            _("The longest delay is %(ref)s, %(days)s days past its deadline.")
            % {"ref": content["delays"][0]["reference"], "days": content["delays"][0]["days"]}
        )
    issues = content["issues"]
    if issues["raised"]:
        lines.append(
            _("%(raised)s major issues were raised; %(resolved)s of them are resolved.") % issues
        )
    if previous:
        before = previous["headline"]
        lines.append(
            _(
                "Since the previous evaluation (as of %(date)s), completion went from "
                "%(before)s to %(now)s and overdue tasks from %(overdue_before)s to "
                "%(overdue_now)s."
            )
            % {
                "date": previous["as_of"],
                "before": _percent(before["completion"]),
                "now": _percent(h["completion"]),
                "overdue_before": before["overdue"],
                "overdue_now": h["overdue"],
            }
        )
    return lines


def build(plan: Plan, as_of: dt.date, previous: dict | None) -> dict:
    figures = TaskFigures.objects.filter(plan=plan, task__archived_at__isnull=True)
    total = _counts(figures, as_of, "plan_id").get(
        plan.pk, {"total": 0, "finished": 0, "overdue": 0}
    )
    headline = {k: total[k] for k in ("total", "finished", "overdue")}
    headline["completion"] = rate(headline["finished"], headline["total"])
    content = {
        "as_of": as_of.isoformat(),
        "plan": {"code": plan.code, "title": _names(plan.title_en, plan.title_zh)},
        "document": plan.document.title if plan.document_id else "",
        "headline": headline,
        "clauses": _clauses(figures, as_of),
        "units": _units(figures, as_of),
        "indicators": _indicators(plan, as_of),
        "projects": _projects(plan),
        "delays": _delays(figures, as_of),
        "issues": _issues(plan, as_of),
        "annex": _annex(figures, as_of),
    }
    content["narrative"] = {}
    for language in ("en", "zh-hans"):
        with translation.override(language):
            content["narrative"][language[:2]] = narrative(content, previous)
    if previous:
        content["previous"] = {
            "as_of": previous["as_of"],
            "completion": previous["headline"]["completion"],
            "overdue": previous["headline"]["overdue"],
        }
    return content
