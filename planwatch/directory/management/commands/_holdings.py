"""Shared printing for `planwatch who` and `planwatch posts`."""

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

from django.core.management.base import BaseCommand, CommandError, no_translations

from planwatch.directory.queries import Holding
from planwatch.lib.dates import BadDate, parse_iso_date


def parse_day(value: str):
    try:
        return parse_iso_date(value, "--on")
    except BadDate as error:
        raise CommandError(str(error), returncode=2) from None


def describe(holding: Holding) -> dict:
    span = holding.span
    return {
        "person": holding.person.name_en or holding.person.name_zh,
        "post": holding.post.title_en or holding.post.title_zh,
        "organisation": str(holding.post.organisation.name_en or holding.post.organisation.name_zh),
        "acting": holding.acting,
        "basis": holding.basis,
        "first_reported": span.first_seen.isoformat(),
        "last_reported": span.last_seen.isoformat(),
        "closed_by_successor_on": span.closed_by.isoformat() if span.closed_by else None,
    }


def render(holdings: list[Holding], as_json: bool, empty: str) -> str:
    rows = [describe(h) for h in holdings]
    if as_json:
        return json.dumps(rows, ensure_ascii=False, indent=2)
    if not rows:
        return empty
    lines = []
    for row in rows:
        acting = "acting " if row["acting"] else ""
        basis = "reported" if row["basis"] == "reported" else "presumed, after the last report"
        lines.append(
            f"{row['person']}: {acting}{row['post']}, {row['organisation']} "
            f"({basis}; evidence {row['first_reported']} to {row['last_reported']})"
        )
    return "\n".join(lines)


class HoldingsCommand(BaseCommand):
    """`--<option> NAME --on DATE [--json]`: resolve NAME, ask `query`, print the holdings."""

    option: str
    option_help: str
    resolve: Callable[[str], Any]
    query: Callable[[Any, dt.date], list[Holding]]
    empty: str  # formatted with the record and the day

    def add_arguments(self, parser) -> None:
        parser.add_argument(f"--{self.option}", required=True, help=self.option_help)
        parser.add_argument("--on", required=True, help="the date, YYYY-MM-DD")
        parser.add_argument("--json", action="store_true", help="print JSON")

    @no_translations  # the same output whatever language a caller left active
    def handle(self, *args, **options) -> None:
        day = parse_day(options["on"])
        try:
            record = self.resolve(options[self.option])
        except LookupError as error:
            raise CommandError(str(error), returncode=2) from None
        empty = self.empty.format(record=record, day=day)
        self.stdout.write(render(self.query(record, day), options["json"], empty))
