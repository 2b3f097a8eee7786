"""The machinery of the authorization matrix: walk the URLs, collect the rows, expect.

Kept apart from the test module so that the fuzz test and future tests can reuse the
route walk; the rows themselves live in each app's `authz.py` (see `fazhi/api/authz.py`).
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver

from fazhi.api import authz

# Personas of fazhi/conftest.py, in the order they are tried: refusals first, so that a
# writer's successful POST cannot change what a later persona sees.
ANONYMOUS = "anonymous"
PERSONAS = (
    ANONYMOUS,
    "auditor",
    "liaison_a2",
    "coordinator_b",
    "leader",
    "supervisor",
    "liaison_a1",
    "coordinator",
    "admin_user",
)
INSIDE_WRITERS = frozenset({"liaison_a1", "coordinator", "admin_user"})
INSIDE_READONLY = frozenset({"leader", "supervisor"})
INSIDE_READERS = INSIDE_WRITERS | INSIDE_READONLY
OUTSIDE = frozenset({"liaison_a2", "coordinator_b"})  # A2's liaison and county B's coordinator
READERS = INSIDE_READERS | OUTSIDE
WRITERS = INSIDE_WRITERS | {"liaison_a2", "coordinator_b"}
AUDITORS = frozenset({"auditor", "coordinator", "coordinator_b", "admin_user"})

# Django's own staff-only area: not in the matrix, checked on its own.
EXCLUDED_NAMESPACES = frozenset({"admin"})


def walk(
    resolver: URLResolver | None = None, ns: str = "", prefix: str = ""
) -> Iterator[tuple[str, str]]:
    """(qualified name, pattern) of every named URL pattern, recursively."""
    resolver = resolver or get_resolver()
    for p in resolver.url_patterns:
        if isinstance(p, URLResolver):
            if p.namespace in EXCLUDED_NAMESPACES:
                continue
            inner = f"{ns}{p.namespace}:" if p.namespace else ns
            yield from walk(p, inner, prefix + str(p.pattern))
        elif isinstance(p, URLPattern):
            yield (
                f"{ns}{p.name}" if p.name else f"<unnamed {prefix}{p.pattern}>",
                prefix + str(p.pattern),
            )


def site_routes() -> dict[str, str]:
    routes: dict[str, str] = {}
    for name, pattern in walk():
        routes.setdefault(name, pattern)
    return routes


def collect_rows() -> dict[str, authz.Row]:
    """Every app's `authz.ROUTES`, merged; a name declared twice is an error."""
    rows: dict[str, authz.Row] = {}
    for config in apps.get_app_configs():
        if not config.name.startswith("fazhi.") or find_spec(f"{config.name}.authz") is None:
            continue
        for name, row in getattr(import_module(f"{config.name}.authz"), "ROUTES", {}).items():
            if name in rows:
                raise AssertionError(f"route {name!r} is declared twice in the authz matrix")
            rows[name] = row
    return rows


LOGIN = "login"  # a redirect to the sign-in page
API_REFUSED = frozenset({401, 403})
OK = frozenset({200})
NOT_FOUND = frozenset({404})
FORBIDDEN = frozenset({403})
HIDDEN = frozenset({403, 404})  # the auditor may get either: the record is not theirs to see
ACCEPTED = "accepted"  # the request reached the handler: anything but a refusal or a 5xx
REFUSED_UNCHANGED = "refused"  # 403, or a non-5xx answer that left the record unchanged


def expected(kind: str, persona: str, method: str, ok: int = 200) -> frozenset[int] | str:
    """What `persona` must get from a route of `kind` with `method`: the policy, once."""
    OK = frozenset({ok})  # noqa: N806 - the row's idea of success
    api = kind.startswith("api")
    if persona == ANONYMOUS:
        if kind == authz.PUBLIC:
            return OK
        return API_REFUSED if api else LOGIN
    if kind in {authz.PUBLIC, authz.SIGNED_IN, authz.API_PUBLIC_DOC}:
        return OK
    if kind == authz.AUDIT:
        return OK if persona in AUDITORS else FORBIDDEN
    if kind in {authz.READER, authz.API_READER} or (kind == authz.API_LIST and method == "GET"):
        return OK if persona in READERS else FORBIDDEN
    if kind == authz.WRITER:
        return OK if persona in WRITERS else FORBIDDEN
    if kind == authz.API_LIST:  # POST {}: writers reach validation, others are refused
        return ACCEPTED if persona in WRITERS else FORBIDDEN
    # One record of unit A1.
    if persona in OUTSIDE:
        return NOT_FOUND
    if persona == "auditor":
        return HIDDEN
    if method == "GET":
        if kind in {authz.RECORD_READ, authz.API_DETAIL}:
            return OK
        return OK if persona in INSIDE_WRITERS else FORBIDDEN  # RECORD_WRITE
    if persona in INSIDE_WRITERS:
        return ACCEPTED
    return FORBIDDEN if api else REFUSED_UNCHANGED


def methods(kind: str) -> tuple[str, ...]:
    return {
        authz.RECORD_ACTION: ("POST",),
        authz.API_LIST: ("GET", "POST"),
        authz.API_DETAIL: ("GET", "PATCH", "DELETE"),
        authz.API_ACTION: ("POST",),
    }.get(kind, ("GET",))
