"""The dashboard's routes in the permission matrix (see planwatch/testing.py).

The objects come from matrix_loop's world (a plan, and a task led by each of units A and
B); the import rows name that plan.
"""

from planwatch.testing import Route, managers

IMPORT_ROW = {
    "reference": "MATRIX-IMPORT-1",
    "plan": "matrix-plan",
    "title_en": "Imported through the API",
    "lead_unit": "unit-a",
    "start_date": "2026-01-01",
    "deadline": "2026-12-31",
}

ROUTES: dict[str, Route] = {
    "dashboard:dashboard": Route(),
    "dashboard:tasks": Route(query="?status=overdue"),
    "dashboard:units": Route(),
    "dashboard:reports": Route(query=lambda w: f"?unit={w['unit'].pk}&on_time=1"),
    "dashboard:export": Route(kwargs=lambda w: {"table": "plans"}),
    "dashboard:import": Route(allowed=managers),
    "dashboard:import_template": Route(allowed=managers),
    "api-1:plan_figures": Route(),
    "api-1:unit_figures": Route(),
    "api-1:scoring_rule": Route(),
    "api-1:overdue": Route(),
    "api-1:waiting": Route(),
    "api-1:import_tasks": Route(allowed=managers, method="post", data={"rows": [IMPORT_ROW]}),
}
