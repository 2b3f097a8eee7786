# WORK IN PROGRESS (issue 10, points 2 and 3): not collected by pytest (the file name
# does not start with test_). Its last run found no out-of-scope 200 and no 5xx, but
# several matrix rows and policy points are still open; see the session note. Rename
# to test_*.py once it is green.
"""A bounded, schema-driven fuzz run of the REST API: no request may make the server fail.

schemathesis is not a dependency; this is the same idea in small. The OpenAPI schema of
`/api/schema/` (drf-spectacular) is read, and for every operation requests are made from
it with a seeded `random.Random`: well-shaped bodies, boundary and wrong-typed values,
missing fields, huge strings, odd unicode, negative and huge ids. They go through the
Django test client as county A's coordinator, against one record of A1 per register.
The only assertion is the one a fuzzer can make: never a 5xx.
"""

from __future__ import annotations

import json
import random
import re
from typing import Any

import pytest
from django.test import Client

from fazhi.api import authz
from fazhi.api.tests import matrix

SEED = 20240601
PER_OPERATION = 6  # requests per operation: bounded, so the run stays short
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


def operations(schema: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    ops = []
    for path, item in sorted(schema.get("paths", {}).items()):
        for method, op in sorted(item.items()):
            if method in {"get", "post", "put", "patch", "delete"}:
                ops.append((path, method.upper(), op))
    return ops


def request_body_schema(op: dict[str, Any]) -> dict[str, Any]:
    content = op.get("requestBody", {}).get("content", {})
    return content.get("application/json", {}).get("schema", {})


@pytest.fixture
def personas_for_fuzz(
    coordinator: Any, liaison_a1: Any, unit_a1: Any, unit_a2: Any, county_a: Any
) -> Any:
    """One record of A1 for each register the API serves, so detail routes hit real rows."""
    ctx = authz.Ctx(
        unit=unit_a1, county=county_a, other_unit=unit_a2, owner=liaison_a1, coordinator=coordinator
    )
    ids: dict[str, str] = {}
    for name, row in matrix.collect_rows().items():
        if row.kind == authz.API_DETAIL and row.factory is not None:
            ids[name.removesuffix("-detail")] = str(row.factory(ctx).pk)
    return coordinator, ids


@pytest.mark.django_db
def test_no_generated_request_makes_the_api_fail(personas_for_fuzz: Any) -> None:
    coordinator, ids = personas_for_fuzz
    client = Client(raise_request_exception=False)
    client.force_login(coordinator)
    schema = json.loads(
        client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").content
    )
    rnd = random.Random(SEED)
    any_id = list(ids.values()) or ["1"]
    failures = []
    ops = operations(schema)
    assert ops, "the OpenAPI schema lists no operation"
    for path, method, op in ops:
        body_schema = request_body_schema(op)
        for i in range(PER_OPERATION):
            # The first request uses a real record's id; the others odd ids half the time.
            pk = rnd.choice(any_id) if i == 0 or rnd.random() < 0.5 else rnd.choice(ODD_IDS)
            url = re.sub(r"\{[^}]+\}", pk, path)
            params = {
                p["name"]: value(schema, p.get("schema", {}), rnd)
                for p in op.get("parameters", [])
                if p.get("in") == "query" and rnd.random() < 0.5
            }
            if method == "GET":
                response = client.get(
                    url,
                    {k: json.dumps(v) if not isinstance(v, str) else v for k, v in params.items()},
                )
            elif method == "DELETE":
                response = client.delete(url)
            else:
                data: Any = body(schema, body_schema, rnd) if body_schema else {}
                if rnd.random() < 0.1:
                    data = rnd.choice([[], "x", None, 1])
                raw = json.dumps(data) if rnd.random() > 0.05 else "{not json"
                response = client.generic(method, url, data=raw, content_type="application/json")
            if response.status_code >= 500:
                failures.append(f"{method} {url} -> {response.status_code}")
    assert not failures, "server errors:\n" + "\n".join(failures)
