"""{{ event|readable_changes }}: see planwatch/audit/display.py."""

from django import template

from planwatch.audit import display

register = template.Library()
register.filter("readable_changes", display.readable_changes)
