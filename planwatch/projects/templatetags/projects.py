"""Small helpers for project templates: a status light and money in its own currency."""

from decimal import Decimal

from django import template
from django.utils.html import format_html

from planwatch.lib.money import format_amount
from planwatch.projects.status import COLOURS, LABELS, Light

register = template.Library()


@register.simple_tag
def light_badge(light: Light) -> str:
    return format_html(
        '<span class="light" style="--c:{}"><span class="dot" aria-hidden="true"></span>{}</span>',
        COLOURS[light],
        LABELS[light],
    )


@register.filter
def money(amount: Decimal | None, currency: str) -> str:
    return "" if amount is None else format_amount(amount, currency)
