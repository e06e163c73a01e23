"""Property-based fuzzing of every API route: whatever a client sends in the body, the
query string or the path (NUL characters, lone surrogates, 100,000-character strings,
huge and negative numbers, malformed and extreme dates, explicit nulls, wrong types),
the answer is never a server error.

The routes and their parameters come from the OpenAPI schema, so a new route is fuzzed
without being listed here. Bounded: a fixed number of examples per route and role, and
derandomized, so that a run is repeatable and takes the same time.
"""

import datetime as dt
import json
from urllib.parse import quote, urlencode

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planwatch.api import api
from planwatch.lib.middleware import has_forbidden_character
from planwatch.plans.models import ProgressReport, Task
from tests.test_permission_matrix import shared_world, world  # noqa: F401  (fixtures)

SCHEMA = api.get_openapi_schema()
COMPONENTS = SCHEMA.get("components", {}).get("schemas", {})
ROUTES = [
    (method.upper(), path, operation)
    for path, operations in SCHEMA["paths"].items()
    for method, operation in operations.items()
]
EXAMPLES = 25

NASTY_TEXT = st.sampled_from(
    [
        "",
        " ",
        "\x00",
        "a\x00b",
        "\ud800",
        "x\udfffy",
        "x" * 100_000,
        "名" * 5_000,
        "<img src=x onerror=alert(1)>",
        "' OR 1=1 --",
        "%00",
        "null",
        "-1",
        "9" * 20,
        "9999-12-31",
        "0001-01-01",
        "2024-02-30",
        "=1+1",
    ]
)
NASTY_INTEGERS = st.sampled_from(
    [0, -1, 1, 2**31, 2**63 - 1, 2**63, 10**20, -(10**20), 99999999999999999999]
)
NASTY_DATES = st.sampled_from(
    ["9999-12-31", "0001-01-01", "2024-02-30", "2024-13-01", "0000-00-00", "", "yesterday"]
) | st.dates().map(str)
ANY_JSON = st.recursive(
    st.none() | st.booleans() | NASTY_INTEGERS | st.floats() | NASTY_TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(NASTY_TEXT, inner, max_size=3),
    max_leaves=6,
)


def _resolve(schema: dict) -> dict:
    while "$ref" in schema:
        schema = COMPONENTS[schema["$ref"].rsplit("/", 1)[1]]
    return schema


def _plausible(records: dict) -> dict:
    """Valid values by parameter name, so that a body passes the first checks and the
    nasty value in another field reaches the action, the database and the status code."""
    mine = records["loop"][records["unit_a"].pk]
    units = st.sampled_from([records["unit_a"].pk, records["unit_b"].pk])
    days = st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31)).map(str)
    return {
        "plan": st.just(records["plan"].code),
        "reference": st.integers(1, 10**6).map(lambda n: f"FUZZ-{n}"),
        "kind": st.sampled_from(["task", "directive", "plan", "reply", "other", "department"]),
        "stage": st.sampled_from(["signed", "lead", "started"]),
        "lead_unit_id": units,
        "unit_id": units,
        "unit": units,
        "issuer_id": units,
        "parent_id": units,
        "version": st.builds(lambda: Task.objects.get(pk=mine["task"].pk).version)
        | st.builds(lambda: ProgressReport.objects.get(pk=mine["report"].pk).version),
        "start_date": days,
        "deadline": days,
        "period_start": days,
        "percent_complete": st.integers(0, 100),
        "approve": st.booleans(),
    }


def _kinds(schema: dict) -> tuple[set, set]:
    options = [_resolve(s) for s in _resolve(schema).get("anyOf", [])] or [_resolve(schema)]
    return {s.get("type") for s in options}, {s.get("format") for s in options}


def _nasty(schema: dict):
    """A bad value for one parameter or property, of its type or of any other."""
    kinds, formats = _kinds(schema)
    found = [st.none(), NASTY_TEXT, ANY_JSON]
    if formats & {"date", "date-time"}:
        found.append(NASTY_DATES)
    if kinds & {"integer", "number"}:
        found += [NASTY_INTEGERS, st.integers(), st.floats(allow_nan=True)]
    if "array" in kinds:
        found.append(st.lists(ANY_JSON, max_size=4))
    return st.one_of(*found)


def _good(name: str, schema: dict, plausible: dict):
    """A valid value, so that the one bad value of a request is the one that counts."""
    if name in plausible:
        return plausible[name]
    kinds, formats = _kinds(schema)
    if formats & {"date", "date-time"}:
        return st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31)).map(str)
    if "boolean" in kinds:
        return st.booleans()
    if kinds & {"integer", "number"}:
        return st.integers(1, 5)
    if "array" in kinds:
        return st.just([])
    if "object" in kinds:
        return st.just({})
    return st.sampled_from(["Fuzz", "名称 fuzz", "x"])


@st.composite
def _fields(draw, properties: dict, required: set, plausible: dict) -> dict:
    """Good values for the fields (the optional ones or not), and a nasty one in at most
    one of them: a single bad field reaches the code that must refuse it."""
    spoilt = draw(st.sampled_from([*properties, None]))
    values = {}
    for name, schema in properties.items():
        if name == spoilt:
            values[name] = draw(_nasty(schema))
        elif name in required or draw(st.booleans()):
            values[name] = draw(_good(name, schema, plausible))
    return values


def _body(schema: dict, plausible: dict):
    schema = _resolve(schema)
    properties = schema.get("properties", {})
    return _fields(properties, set(schema.get("required", [])), plausible)


def _path_value(parameter: dict, records: dict):
    """A path parameter: mostly a record that exists, or anything else."""
    schema = _resolve(parameter["schema"])
    mine = records["loop"][records["unit_a"].pk]
    if schema.get("type") == "integer":
        existing = st.sampled_from(
            [
                records["unit_a"].pk,
                records["project_a"].pk,
                mine["report"].pk,
                mine["assignment"].pk,
            ]
        )
        return st.one_of(existing, existing, NASTY_INTEGERS)
    existing = st.sampled_from([mine["task"].reference])
    return st.one_of(existing, existing, NASTY_TEXT.filter(lambda t: t and "/" not in t))


def _request(draw, method: str, path: str, operation: dict, records: dict):
    url = path
    query = {}
    plausible = _plausible(records)
    parameters = operation.get("parameters", [])
    for parameter in parameters:
        if parameter["in"] == "path":
            value = draw(_path_value(parameter, records))
            url = url.replace(
                "{" + parameter["name"] + "}", quote(str(value), safe="", errors="surrogatepass")
            )
    in_query = {p["name"]: p["schema"] for p in parameters if p["in"] == "query"}
    for name, value in draw(_fields(in_query, set(), plausible)).items():
        query[name] = "" if value is None else str(value)
    if query:
        url += "?" + urlencode(query, errors="surrogatepass")
    content = operation.get("requestBody", {}).get("content", {})
    if "application/json" in content:
        body = draw(
            st.one_of(*[_body(content["application/json"]["schema"], plausible)] * 4, ANY_JSON)
        )
        return url, {"data": json.dumps(body), "content_type": "application/json"}
    if "multipart/form-data" in content:
        name = draw(NASTY_TEXT.filter(lambda t: t and not has_forbidden_character(t))) + ".txt"
        upload = SimpleUploadedFile(name[-200:], b"Provincial news.\n", "text/plain")
        return url, {"data": {"file": upload}}
    return url, {}


@pytest.mark.parametrize("role", ["supervisor", "unit_officer"])
@pytest.mark.parametrize(
    ("method", "path", "operation"), ROUTES, ids=[f"{m} {p}" for m, p, _ in ROUTES]
)
def test_no_input_gives_a_server_error(client, world, role, method, path, operation):  # noqa: F811
    client.force_login(world["users"][(role, "a")])

    @settings(
        max_examples=EXAMPLES,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(st.data())
    def fuzz(data):
        url, request = _request(data.draw, method, path, operation, world)
        response = client.generic(method, url, **_as_generic(request))
        assert response.status_code < 500, (url, request, response.content[:500])

    fuzz()


def _as_generic(request: dict) -> dict:
    """The test client's generic() takes a raw body; encode a multipart upload as post() would."""
    if "content_type" in request:
        return {"data": request["data"], "content_type": request["content_type"]}
    if "data" in request:
        return {
            "data": encode_multipart(BOUNDARY, request["data"]),
            "content_type": MULTIPART_CONTENT,
        }
    return {}
