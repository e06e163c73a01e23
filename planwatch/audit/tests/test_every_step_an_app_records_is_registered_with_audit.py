"""Every step name an app writes as an audit action is registered by that app (its
`steps.py`), so the catalogue translates it and the log can show it in Chinese."""

import ast
from pathlib import Path

from planwatch.audit.steps import registered

PACKAGE = Path(__file__).resolve().parents[2]
# The functions that write an audit event with a step name, and that name's position.
WRITERS = {"record_event": 1, "_step": 2}


def _names(node: ast.expr) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _names(node.body) + _names(node.orelse)
    return []


def recorded_steps() -> dict[str, str]:
    """{step name: where it is written} for every literal step name in the code."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name in WRITERS and len(node.args) > WRITERS[name]:
                for step in _names(node.args[WRITERS[name]]):
                    found[step] = f"{path.relative_to(PACKAGE)}:{node.lineno}"
    return found


def test_every_recorded_step_is_registered():
    steps = recorded_steps()
    assert {"assigned", "unassigned", "closed", "accepted"} <= steps.keys()
    missing = {step: where for step, where in steps.items() if step not in registered()}
    assert missing == {}, f"Register these in the owning app's steps.py: {missing}"
