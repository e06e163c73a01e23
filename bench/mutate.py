"""Mutation check of the rules that matter: how many small faults the tests notice.

Each mutant changes one operator or constant in one target module (`<` for `<=`, `and` for
`or`, `+` for `-`, a number plus one, `True` for `False`, a `not` dropped); the module's
tests run against it, and the mutant counts as killed when they fail. Prints, per module,
the share of mutants killed and every survivor (line, what changed), then the total.

The work happens in a copy of the project under a temporary folder (the source tree is
never touched), with a SQLite test database migrated once and reused by every run.

Run: PLANWATCH_DEBUG=1 python bench/mutate.py [--only status.py ...] [--timeout 600]
"""

import argparse
import ast
import copy
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MATRIX = "tests/test_permission_matrix.py"

# Each target module, and the tests that exercise it (fastest first: -x stops at a kill).
TARGETS: dict[str, list[str]] = {
    "planwatch/plans/status.py": [
        "planwatch/plans/tests/test_the_cached_status_dates_agree_with_status_py.py",
        "planwatch/plans/tests/test_the_task_list_filters_by_computed_status.py",
        "planwatch/plans/tests/test_an_approved_extension_keeps_the_original_deadline.py",
        "planwatch/plans/tests/test_closing_takes_the_lead_units_request_and_a_supervisors_check.py",
        "planwatch/plans/tests",
    ],
    "planwatch/plans/scoring.py": [
        "planwatch/plans/tests/test_units_are_scored_and_ranked_by_the_stated_rule.py",
        "planwatch/plans/tests/test_a_unit_that_only_reports_counts_its_task_rates_as_one.py",
        "planwatch/plans/tests/test_other_apps_add_dashboard_panels_and_unit_penalties.py",
    ],
    "planwatch/directory/tenures.py": [
        f"planwatch/directory/tests/test_{name}.py"
        for name in (
            "a_tenure_is_only_presumed_after_its_last_evidence",
            "a_newer_holder_closes_the_earlier_tenure",
            "nothing_is_claimed_before_the_first_evidence",
            "a_post_with_several_holders_keeps_them_all",
            "an_acting_governor_later_reported_in_full_is_one_tenure",
            "stated_start_and_end_dates_bound_a_tenure",
        )
    ]
    + ["planwatch/directory/tests"],
    "planwatch/directory/resolver.py": [
        f"planwatch/directory/tests/test_{name}.py"
        for name in (
            "any_spelling_of_a_name_finds_its_record",
            "a_name_shared_by_two_records_is_ambiguous",
            "a_post_is_found_by_any_of_its_names",
            "a_misspelt_name_finds_its_person",
            "every_name_of_the_zone_finds_one_organisation",
        )
    ]
    + ["planwatch/directory/tests", "planwatch/intake/tests"],
    "planwatch/accounts/rules.py": ["planwatch/accounts/tests", MATRIX],
    "planwatch/directory/rules.py": ["planwatch/directory/tests", MATRIX],
    "planwatch/plans/rules.py": ["planwatch/plans/tests", MATRIX],
    "planwatch/projects/rules.py": ["planwatch/projects/tests", MATRIX],
    "planwatch/intake/rules.py": ["planwatch/intake/tests", MATRIX],
}

SWAPS: dict[type, type] = {
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
    ast.Add: ast.Sub,
    ast.Sub: ast.Add,
    ast.Mult: ast.Div,
    ast.Div: ast.Mult,
    ast.FloorDiv: ast.Mult,
    ast.Mod: ast.FloorDiv,
    ast.And: ast.Or,
    ast.Or: ast.And,
    ast.BitOr: ast.BitAnd,
}


@dataclass
class Mutant:
    line: int
    change: str
    source: str


def _sites(tree: ast.Module) -> Iterator[tuple[ast.AST, str, object]]:
    """(node, attribute, replacement) for every single change the operators allow; docstrings
    and the arguments of gettext-like calls are left alone."""
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.ClassDef | ast.Module) and ast.get_docstring(
            node, clean=False
        ):
            skip.add(id(node.body[0].value))  # type: ignore[attr-defined]
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") in ("_", "gettext"):
            skip.update(id(a) for a in node.args)
        annotations = [getattr(node, "returns", None), getattr(node, "annotation", None)]
        for annotation in annotations:
            if annotation is not None:
                skip.update(id(n) for n in ast.walk(annotation))
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Compare):
            for i, op in enumerate(node.ops):
                if type(op) in SWAPS:
                    yield node, f"ops.{i}", SWAPS[type(op)]()
        elif isinstance(node, ast.BinOp | ast.BoolOp) and type(node.op) in SWAPS:
            yield node, "op", SWAPS[type(node.op)]()
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            yield node, "drop-not", None
        elif isinstance(node, ast.Constant):
            if isinstance(node.value, bool):
                yield node, "value", not node.value
            elif isinstance(node.value, int):
                yield node, "value", node.value + 1


def _short(code: str) -> str:
    return code if len(code) <= 70 else code[:67] + "..."


class _DropNot(ast.NodeTransformer):
    def __init__(self, target: ast.AST) -> None:
        self.target = target

    def visit_UnaryOp(self, node: ast.UnaryOp) -> ast.AST:
        self.generic_visit(node)
        return node.operand if node is self.target else node


def mutants(source: str) -> list[Mutant]:
    original = ast.parse(source)
    found = []
    count = sum(1 for _ in _sites(original))
    for index in range(count):
        tree = copy.deepcopy(original)
        node, attribute, replacement = list(_sites(tree))[index]
        before = ast.unparse(node)  # type: ignore[arg-type]
        if attribute == "drop-not":
            tree = _DropNot(node).visit(tree)
            after = ast.unparse(node.operand)  # type: ignore[attr-defined]
        else:
            if attribute.startswith("ops."):
                node.ops[int(attribute[4:])] = replacement  # type: ignore[attr-defined]
            else:
                setattr(node, attribute, replacement)
            after = ast.unparse(node)  # type: ignore[arg-type]
        line = getattr(node, "lineno", 0)
        found.append(Mutant(line, f"{_short(before)}  ->  {_short(after)}", ast.unparse(tree)))
    return found


def run_tests(workdir: Path, tests: list[str], timeout: int) -> bool:
    """True when the tests pass (the mutant survives)."""
    command = [sys.executable, "-m", "pytest", "-x", "-q", "--reuse-db", "-p", "no:xdist"]
    try:
        result = subprocess.run(
            command + tests, cwd=workdir, capture_output=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired:
        return False  # an endless loop is noticed too
    return result.returncode == 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--only", action="append", help="run the targets whose path ends with this (repeatable)"
    )
    parser.add_argument("--timeout", type=int, default=900, help="seconds per mutant run")
    parser.add_argument("--verbose", action="store_true", help="print each mutant's verdict")
    args = parser.parse_args()
    os.environ.setdefault("PLANWATCH_DEBUG", "1")
    os.environ.pop("PLANWATCH_DATABASE_URL", None)
    workdir = Path(tempfile.mkdtemp(prefix="planwatch-mutate-"))
    shutil.copytree(ROOT / "planwatch", workdir / "planwatch")
    shutil.copytree(ROOT / "tests", workdir / "tests")
    for name in ("conftest.py", "pyproject.toml", "manage.py"):
        shutil.copy(ROOT / name, workdir / name)
    with (workdir / "planwatch" / "settings.py").open("a", encoding="utf-8") as settings:
        test_db = workdir / "var" / "test.sqlite3"
        settings.write(f'\nDATABASES["default"]["TEST"] = {{"NAME": "{test_db}"}}\n')
    targets = {
        k: v for k, v in TARGETS.items() if not args.only or any(k.endswith(o) for o in args.only)
    }
    total = killed_total = 0
    try:
        for target, tests in targets.items():
            path = workdir / target
            original = path.read_text(encoding="utf-8")
            path.write_text(ast.unparse(ast.parse(original)), encoding="utf-8")
            if not run_tests(workdir, tests, args.timeout):
                print(f"{target}: the tests fail without any mutant; skipped", flush=True)
                path.write_text(original, encoding="utf-8")
                continue
            started, survivors, found = time.monotonic(), [], mutants(original)
            for number, mutant in enumerate(found, start=1):
                path.write_text(mutant.source, encoding="utf-8")
                survived = run_tests(workdir, tests, args.timeout)
                if survived:
                    survivors.append(mutant)
                if args.verbose:
                    verdict = "SURVIVED" if survived else "killed"
                    print(f"  {number}/{len(found)} line {mutant.line}: {verdict}", flush=True)
            path.write_text(original, encoding="utf-8")
            killed = len(found) - len(survivors)
            total, killed_total = total + len(found), killed_total + killed
            share = 100 * killed / len(found) if found else 100.0
            print(
                f"{target}: {killed}/{len(found)} mutants killed ({share:.0f} %), "
                f"{time.monotonic() - started:.0f} s",
                flush=True,
            )
            for mutant in survivors:
                print(f"  survived line {mutant.line}: {mutant.change}", flush=True)
        if total:
            print(f"total: {killed_total}/{total} killed ({100 * killed_total / total:.1f} %)")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
