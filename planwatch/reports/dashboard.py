"""What the supervision documents add to the dashboard: live cards and notices waiting for
an answer, and card penalties on the unit scores.

Registered with planwatch.plans.extensions from ReportsConfig.ready(), so that plans (a
lower layer) shows them without importing reports.
"""

import datetime as dt

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from planwatch.reports.models import Card, Notice
from planwatch.reports.queries import cards_visible_to, live_cards_by_unit, notices_visible_to

YELLOW_POINTS = 2
RED_POINTS = 5
MOST_POINTS = 20
PENALTY_RULE = gettext_lazy(
    "Cards: minus 2 points per yellow card and 5 per red card not withdrawn, at most 20."
)
SHOWN = 10


def cards_panel(user, filters, today: dt.date) -> tuple[str, dict] | None:
    """Live cards, newest first, and the count of notices waiting for an answer (3 queries)."""
    cards = cards_visible_to(user).filter(withdrawn_on__isnull=True)
    unit = getattr(filters, "unit", None)
    if unit:
        cards = cards.filter(unit_id=unit)
    shown = list(cards.select_related("unit", "task").order_by("-issued_on", "-pk")[:SHOWN])
    waiting = notices_visible_to(user).filter(state=Notice.State.ISSUED)
    if unit:
        waiting = waiting.filter(unit_id=unit)
    waiting_count = waiting.count()
    if not shown and not waiting_count:
        return None
    return "reports/_dashboard_cards.html", {
        "cards": shown,
        "count": cards.count() if len(shown) == SHOWN else len(shown),
        "waiting": waiting_count,
    }


def card_penalty(today: dt.date) -> dict[int, tuple[int, str]]:
    """Points off each unit's score for its live cards (see PENALTY_RULE)."""
    penalties = {}
    for unit_id, counts in live_cards_by_unit().items():
        points = min(
            MOST_POINTS,
            YELLOW_POINTS * counts[Card.Colour.YELLOW] + RED_POINTS * counts[Card.Colour.RED],
        )
        penalties[unit_id] = (
            points,
            _("%(red)d red and %(yellow)d yellow cards")
            % {"red": counts[Card.Colour.RED], "yellow": counts[Card.Colour.YELLOW]},
        )
    return penalties
