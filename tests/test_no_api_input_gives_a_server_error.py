"""Property-based fuzzing of every API route: whatever a client sends in the body, the
query string or the path (NUL characters, lone surrogates, 100,000-character strings,
huge and negative numbers, malformed and extreme dates, explicit nulls, wrong types),
the answer is never a server error.

The routes and their parameters come from the OpenAPI schema, so a new route is fuzzed
without being listed here. Bounded: a fixed number of examples per route and role, and
derandomized, so that a run is repeatable and takes the same time.
"""

import json
from urllib.parse import quote, urlencode

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planwatch.api import api
from planwatch.lib.middleware import has_forbidden_character
from tests.test_permission_matrix import world  # noqa: F401  (a fixture)

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


def _values(schema: dict):
    """Values for one parameter or property: plausible for its type, and nasty."""
    schema = _resolve(schema)
    options = [_resolve(s) for s in schema.get("anyOf", [])] or [schema]
    kinds = {s.get("type") for s in options}
    formats = {s.get("format") for s in options}
    found = [st.none(), NASTY_TEXT]
    if "date" in formats or "date-time" in formats:
        found.append(NASTY_DATES)
    if kinds & {"integer", "number"}:
        found += [NASTY_INTEGERS, st.integers(), st.floats(allow_nan=True)]
    if "boolean" in kinds:
        found.append(st.booleans())
    if "array" in kinds:
        found.append(st.lists(ANY_JSON, max_size=4))
    if "object" in kinds:
        found.append(_body(schema) if schema.get("properties") else ANY_JSON)
    found.append(ANY_JSON)
    return st.one_of(*found)


def _body(schema: dict):
    schema = _resolve(schema)
    properties = schema.get("properties", {})
    required = set(schema.get("required", []))
    return st.fixed_dictionaries(
        {name: _values(p) for name, p in properties.items() if name in required},
        optional={name: _values(p) for name, p in properties.items() if name not in required},
    )


def _path_value(parameter: dict, records: dict):
    """A path parameter: a record that exists, or anything else."""
    schema = _resolve(parameter["schema"])
    existing = [records["loop"][records["unit_a"].pk]["task"].reference, str(records["unit_a"].pk)]
    if schema.get("type") == "integer":
        pks = [
            records["unit_a"].pk,
            records["project_a"].pk,
            records["loop"][records["unit_a"].pk]["report"].pk,
        ]
        return st.sampled_from(pks) | NASTY_INTEGERS
    return st.sampled_from(existing) | NASTY_TEXT.filter(lambda t: t and "/" not in t)


def _request(draw, method: str, path: str, operation: dict, records: dict):
    url = path
    query = {}
    for parameter in operation.get("parameters", []):
        if parameter["in"] == "path":
            value = draw(_path_value(parameter, records))
            url = url.replace(
                "{" + parameter["name"] + "}", quote(str(value), safe="", errors="surrogatepass")
            )
        elif parameter["in"] == "query" and draw(st.booleans()):
            value = draw(_values(parameter["schema"]))
            query[parameter["name"]] = "" if value is None else str(value)
    if query:
        url += "?" + urlencode(query, errors="surrogatepass")
    content = operation.get("requestBody", {}).get("content", {})
    if "application/json" in content:
        body = draw(_body(content["application/json"]["schema"]) | ANY_JSON)
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
