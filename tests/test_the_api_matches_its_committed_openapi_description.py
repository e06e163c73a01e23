"""The API cannot change unnoticed: its OpenAPI description is committed in
planwatch/openapi.json, and any difference (a route, a field, a type) fails here until
the file is regenerated and the change reviewed with it."""

import json
from pathlib import Path

from ninja.responses import NinjaJSONEncoder

from planwatch.api import api

SNAPSHOT = Path(__file__).resolve().parents[1] / "planwatch" / "openapi.json"
REGENERATE = "make openapi"


def _paths_that_differ(current: dict, committed: dict) -> list[str]:
    found = []
    for section in ("paths", "components"):
        now, then = current.get(section, {}), committed.get(section, {})
        if section == "components":
            now, then = now.get("schemas", {}), then.get("schemas", {})
        found += [
            f"{section}: {key}"
            for key in sorted(now.keys() | then.keys())
            if now.get(key) != then.get(key)
        ]
    return found


def test_the_api_matches_the_committed_openapi_description():
    current = json.loads(json.dumps(api.get_openapi_schema(), cls=NinjaJSONEncoder))
    committed = json.loads(SNAPSHOT.read_text(encoding="utf-8"))

    assert current == committed, (
        f"The API differs from {SNAPSHOT.name} in {_paths_that_differ(current, committed)}. "
        f"If the change is meant, run `{REGENERATE}` and commit planwatch/openapi.json."
    )
