"""A bounded, schema-driven fuzz run of the REST API: no request may make the server fail.

schemathesis is not a dependency; this is the same idea in small. The OpenAPI schema
drf-spectacular serves at `/api/schema/` is generated once per process, and for every
operation requests are made from it with a `random.Random` seeded by the operation
itself (so a failure reproduces, whatever the order or the xdist worker): well-shaped
bodies, boundary and wrong-typed values, missing fields, huge strings, odd unicode,
negative and huge ids. They go through the Django test client as county A's
coordinator, against one record of A1 of the register (its authz row's factory), and
for the record routes also as the liaison of A2, to whom the record does not exist.
The assertions are the ones a fuzzer can make: never a 5xx, and nothing but 404 for the
outsider, whatever the method.

One test per router registration, so xdist spreads them; the cost is bounded by
`PER_OPERATION`.
"""

from __future__ import annotations

import functools
import json
import random
import re
from typing import Any

import pytest
from django.test import Client

from fazhi.api.tests import authz_support as authz
from fazhi.api.tests import matrix
from fazhi.api.urls import router
from fazhi.kit.api import etag_for

SEED = 20240601
PER_OPERATION = 5  # requests per operation: bounded, so the run stays short
ODD = [
    "",
    " ",
    "\x00",
    "𠮷野家",
    "‮右到左",
    "'; DROP TABLE x; --",
    "=1+1",
    "<script>alert(1)</script>",
    "张" * 5000,
    "0",
    "-1",
    "9" * 40,
    "2024-02-30",
    "1e309",
    "null",
]
ODD_IDS = ["0", "-1", "9223372036854775808", "abc", "%00", "１２"]


def deref(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    seen = 0
    while isinstance(node, dict) and "$ref" in node and seen < 20:
        target: Any = schema
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part]
        node = target
        seen += 1
    if "allOf" in node:
        merged: dict[str, Any] = {}
        for sub in node["allOf"]:
            merged.update(deref(schema, sub))
        return merged
    if "oneOf" in node or "anyOf" in node:
        return deref(schema, (node.get("oneOf") or node.get("anyOf"))[0])
    return node


def value(schema: dict[str, Any], node: dict[str, Any], rnd: random.Random, depth: int = 0) -> Any:
    """A value for `node`: mostly well-shaped, sometimes a boundary or the wrong type."""
    node = deref(schema, node)
    if rnd.random() < 0.25:
        return rnd.choice([*ODD, None, -1, 2**63, 1.5, True, [], {}, [1, "a"]])
    if "enum" in node and node["enum"]:
        return rnd.choice([*node["enum"], "不存在的选项"])
    kind = node.get("type")
    fmt = node.get("format", "")
    if kind == "integer":
        return rnd.choice([0, 1, -1, 2024, 2**31, 2**63 - 1, rnd.randint(-10, 10)])
    if kind == "number":
        return rnd.choice([0, 0.5, -1e9, 1e30, 3.14])
    if kind == "boolean":
        return rnd.choice([True, False])
    if kind == "array":
        if depth > 2:
            return []
        return [
            value(schema, node.get("items", {}), rnd, depth + 1) for _ in range(rnd.randint(0, 3))
        ]
    if kind == "object" or "properties" in node:
        if depth > 2:
            return {}
        return body(schema, node, rnd, depth + 1)
    if fmt == "date":
        return rnd.choice(["2024-03-01", "1900-01-01", "9999-12-31", "2024-02-30", "昨天"])
    if fmt == "date-time":
        return rnd.choice(["2024-03-01T08:00:00+08:00", "2024-03-01T08:00:00", "not a time"])
    if fmt == "decimal" or kind == "string" and node.get("pattern", "").startswith("^-?\\d"):
        return rnd.choice(["0", "1.5", "-1", "1e400", "NaN"])
    length = node.get("maxLength")
    if length and rnd.random() < 0.5:
        return "字" * rnd.choice([length, length + 1])
    return rnd.choice(["测试", "张三丰", "豫A0000001", *ODD])


def body(
    schema: dict[str, Any], node: dict[str, Any], rnd: random.Random, depth: int = 0
) -> dict[str, Any]:
    node = deref(schema, node)
    out: dict[str, Any] = {}
    for name, prop in node.get("properties", {}).items():
        if deref(schema, prop).get("readOnly"):
            continue
        if rnd.random() < 0.15:  # a missing field, required or not
            continue
        out[name] = value(schema, prop, rnd, depth)
    if rnd.random() < 0.1:
        out["不存在的字段"] = "x"
    return out


METHOD_ORDER = ("get", "post", "put", "patch", "delete")  # deletions last


def operations(schema: dict[str, Any], prefix: str) -> list[tuple[str, str, dict[str, Any]]]:
    """The operations of one router registration, `/api/<prefix>/...`, deletions last."""
    ops = []
    for path, item in sorted(schema.get("paths", {}).items()):
        if not path.startswith(f"/api/{prefix}/"):
            continue
        rest = path.removeprefix(f"/api/{prefix}/")
        if rest and not rest.startswith("{"):
            continue  # another registration whose prefix extends this one
        for method in METHOD_ORDER:
            if method in item:
                ops.append((path, method.upper(), item[method]))
    return sorted(ops, key=lambda o: METHOD_ORDER.index(o[1].lower()))


def request_body_schema(op: dict[str, Any]) -> dict[str, Any]:
    content = op.get("requestBody", {}).get("content", {})
    return content.get("application/json", {}).get("schema", {})


@functools.cache
def api_schema() -> dict[str, Any]:
    """The OpenAPI document `/api/schema/` serves (`test_the_schema_is_served_...` checks)."""
    from drf_spectacular.generators import SchemaGenerator

    return json.loads(json.dumps(SchemaGenerator().get_schema(request=None, public=True)))


REGISTRATIONS = sorted((prefix, basename) for prefix, _viewset, basename in router.registry)
ROWS = matrix.collect_rows()


@pytest.fixture
def fuzz_ctx(coordinator: Any, liaison_a1: Any, unit_a1: Any, unit_a2: Any, county_a: Any) -> Any:
    return authz.Ctx(
        unit=unit_a1, county=county_a, other_unit=unit_a2, owner=liaison_a1, coordinator=coordinator
    )


def _request(
    client: Client,
    schema: dict[str, Any],
    method: str,
    url: str,
    op: dict[str, Any],
    rnd: Any,
    well_formed: bool = False,
    record: Any = None,
) -> Any:
    """One generated request; `well_formed`: the body is always a JSON object; a write to
    `record` carries its current version (issue 17 item 8), so the body is validated."""
    fresh = type(record)._default_manager.filter(pk=record.pk).first() if record is not None else None
    headers = {"HTTP_IF_MATCH": etag_for(fresh)} if fresh is not None else {}
    params = {
        p["name"]: value(schema, p.get("schema", {}), rnd)
        for p in op.get("parameters", [])
        if p.get("in") == "query" and rnd.random() < 0.5
    }
    if method == "GET":
        return client.get(
            url, {k: json.dumps(v) if not isinstance(v, str) else v for k, v in params.items()}
        )
    if method == "DELETE":
        return client.delete(url, **headers)
    body_schema = request_body_schema(op)
    data: Any = body(schema, body_schema, rnd) if body_schema else {}
    if rnd.random() < 0.1 and not well_formed:
        data = rnd.choice([[], "x", None, 1])
    raw = json.dumps(data) if well_formed or rnd.random() > 0.05 else "{not json"
    return client.generic(method, url, data=raw, content_type="application/json", **headers)


@pytest.mark.django_db
def test_the_schema_is_served_to_a_signed_in_user_and_lists_every_registration(
    client_for: Any, leader: Any
) -> None:
    response = client_for(leader).get(
        "/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json"
    )
    assert response.status_code == 200
    served = json.loads(response.content)
    assert served["paths"].keys() == api_schema()["paths"].keys()
    for prefix, _basename in REGISTRATIONS:
        assert operations(served, prefix), f"/api/{prefix}/ is not in the schema"


@pytest.mark.django_db
def test_the_schema_and_the_api_are_refused_to_anonymous_users(client: Client) -> None:
    assert client.get("/api/schema/").status_code == 403
    assert client.get("/api/").status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize("prefix,basename", REGISTRATIONS, ids=[b for _, b in REGISTRATIONS])
def test_no_generated_request_makes_the_api_fail(
    prefix: str, basename: str, fuzz_ctx: authz.Ctx, liaison_a2: Any
) -> None:
    schema = api_schema()
    ops = operations(schema, prefix)
    assert ops, f"the OpenAPI schema lists no operation for /api/{prefix}/"
    row = ROWS.get(f"{basename}-detail")
    has_record = row is not None and row.factory is not None
    record = row.factory(fuzz_ctx) if has_record else None
    real_id = str(record.pk) if record is not None else "1"
    client = Client(raise_request_exception=False)
    client.force_login(fuzz_ctx.coordinator)
    outsider = Client(raise_request_exception=False)
    outsider.force_login(liaison_a2)
    failures = []
    for path, method, op in ops:
        rnd = random.Random(f"{SEED}:{method}:{path}")
        for i in range(PER_OPERATION):
            # The first request uses the real record's id; the others odd ids half the time.
            pk = real_id if i == 0 or rnd.random() < 0.5 else rnd.choice(ODD_IDS)
            url = re.sub(r"\{[^}]+\}", pk, path)
            response = _request(client, schema, method, url, op, rnd, record=record if pk == real_id else None)
            if response.status_code >= 500:
                failures.append(
                    f"{method} {url} (seed {SEED}, request {i}) -> {response.status_code}"
                )
        if "{" in path and has_record:
            url = re.sub(r"\{[^}]+\}", real_id, path)
            rnd = random.Random(f"{SEED}:outsider:{method}:{path}")
            # A well-formed body: a malformed one is 400 for any id, before the lookup.
            response = _request(outsider, schema, method, url, op, rnd, well_formed=True, record=record)
            if response.status_code != 404:
                failures.append(f"{method} {url} as liaison_a2 -> {response.status_code}, want 404")
    assert not failures, "\n".join(failures)
