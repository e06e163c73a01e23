"""A unit's score and rank: pure rules over counts, so that the page can state them in words
and tests can check them with plain numbers."""

from dataclasses import dataclass

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

REPORTING_WEIGHT = 50
PUNCTUALITY_WEIGHT = 30
COMPLETION_WEIGHT = 20

RULE = _(
    "Score (0–100) = 50 × on-time reporting rate + 30 × share of led tasks not overdue "
    "+ 20 × completion rate, rounded to a whole number. Only the units a plan names are "
    "assessed (every lead unit when it names none). A unit with nothing to count — no led "
    "task or no report — is not assessed: it has no score and no rank. Units rank by "
    "score, highest first; equal scores share a rank."
)


@dataclass(frozen=True)
class UnitCounts:
    """What a unit's score rests on."""

    tasks_led: int
    finished: int
    overdue: int
    reports: int
    reports_on_time: int


def rate(part: int, whole: int) -> float | None:
    """part / whole, or None when there is nothing to count."""
    return part / whole if whole else None


def assessed(counts: UnitCounts) -> bool:
    """A unit has something to count: it leads a task and has made a report. Anything less
    would score a rate of nothing, which no rule can rank fairly against units that did."""
    return counts.tasks_led > 0 and counts.reports > 0


def unit_score(counts: UnitCounts) -> int | None:
    """The score of the scoring RULE; None for a unit that is not assessed."""
    if not assessed(counts):
        return None
    value = (
        REPORTING_WEIGHT * counts.reports_on_time / counts.reports
        + PUNCTUALITY_WEIGHT * (1 - counts.overdue / counts.tasks_led)
        + COMPLETION_WEIGHT * counts.finished / counts.tasks_led
    )
    return int(value + 0.5)


def ranks(scores: list[int | None]) -> list[int | None]:
    """Competition ranking ("1, 2, 2, 4"): highest score first; no score, no rank."""
    ordered = sorted((s for s in scores if s is not None), reverse=True)
    first: dict[int, int] = {}
    for position, score in enumerate(ordered, start=1):
        first.setdefault(score, position)
    return [None if s is None else first[s] for s in scores]


def penalised(score: int | None, points: int) -> int | None:
    """A score less the penalties other apps register (plans.extensions), never below 0."""
    return None if score is None else max(0, score - points)


def rule_text(penalty_rules: list[str]) -> str:
    """RULE, followed by the penalties registered by other apps."""
    if not penalty_rules:
        return str(RULE)
    extra = gettext("Then subtracted from the score, never below 0: %(rules)s.") % {
        "rules": "; ".join(rule.rstrip(".。") for rule in penalty_rules)
    }
    return f"{RULE} {extra}"
