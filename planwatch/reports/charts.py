"""SVG charts of the documents, drawn by lib/svg: the same markup serves pages and PDFs."""

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from planwatch.lib import svg
from planwatch.lib.models import pick_language

MOST_BARS = 20


def _name(names: dict) -> str:
    return pick_language(names.get("en", ""), names.get("zh", ""))


def plan_rates(plans: list[dict]) -> SafeString:
    """Completion and on-time rate of each plan, in percent."""
    bars = [
        (
            _name(plan["title"]),
            [round(100 * (plan["completion"] or 0)), round(100 * (plan["on_time_rate"] or 0))],
        )
        for plan in plans[:MOST_BARS]
    ]
    series = [
        svg.Series(_("completion"), svg.PALETTE[0]),
        svg.Series(_("on-time rate"), svg.PALETTE[2]),
    ]
    chart = svg.bar_chart(
        bars, series, title=_("Plans"), value_format=lambda v: f"{v:.0f}%", width=700
    )
    return mark_safe(chart)  # noqa: S308 - built by lib/svg, which escapes every text


def unit_scores(units: list[dict]) -> SafeString:
    """The scores of the first units of the ranking."""
    bars = [(_name(u["name"]), [u["score"] or 0]) for u in units[:MOST_BARS]]
    series = [svg.Series(_("score"), svg.PALETTE[0])]
    chart = svg.bar_chart(
        bars, series, title=_("Unit ranking"), value_format=lambda v: f"{v:.0f}", width=700
    )
    return mark_safe(chart)  # noqa: S308 - built by lib/svg, which escapes every text


def clause_completion(clauses: list[dict]) -> SafeString:
    bars = [
        (c["ordinal"] or "—", [round(100 * (c["completion"] or 0))]) for c in clauses[:MOST_BARS]
    ]
    series = [svg.Series(_("completion"), svg.PALETTE[0])]
    chart = svg.bar_chart(
        bars, series, title=_("Completion by clause"), value_format=lambda v: f"{v:.0f}%", width=700
    )
    return mark_safe(chart)  # noqa: S308 - built by lib/svg, which escapes every text


def indicators_achieved(indicators: list[dict]) -> SafeString:
    measured = [i for i in indicators if i["achieved"] is not None][:MOST_BARS]
    bars = [(i["name"], [round(100 * i["achieved"])]) for i in measured]
    series = [svg.Series(_("share of the way from baseline to target"), svg.PALETTE[2])]
    chart = svg.bar_chart(
        bars, series, title=_("Indicators"), value_format=lambda v: f"{v:.0f}%", width=700
    )
    return mark_safe(chart)  # noqa: S308 - built by lib/svg, which escapes every text
