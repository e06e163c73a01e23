"""Small builders for the projects' tests."""

import datetime as dt
from decimal import Decimal

from planwatch.projects import actions
from planwatch.projects.models import Industry, Project


def make_project(unit, code: str = "p-1", **fields) -> Project:
    values = {
        "code": code,
        "name_en": f"Project {code}",
        "industry": Industry.objects.get(code="medicine"),
        "lead_unit": unit,
        "amounts_as_of": dt.date(2022, 1, 1),
        "total_planned": Decimal("250000000"),
        "latitude": Decimal("43.95"),
        "longitude": Decimal("125.55"),
    }
    values.update(fields)
    return actions.do_create_project(None, "test", **values)
