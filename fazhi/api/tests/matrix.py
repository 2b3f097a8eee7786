"""The machinery of the authorization matrix: walk the URLs, collect the rows, expect.

Kept apart from the test module so that the fuzz test and future tests can reuse the
route walk; the rows themselves live in each app's `tests/authz.py` (see `authz_support.py`).
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver

from fazhi.api.tests import authz_support as authz

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


def collect_rows_by_app() -> dict[str, dict[str, authz.Row]]:
    """Every app's `tests/authz.py` `ROUTES`, by app label; a name declared twice is an error."""
    by_app: dict[str, dict[str, authz.Row]] = {}
    seen: dict[str, str] = {}
    for config in apps.get_app_configs():
        if not config.name.startswith("fazhi.") or find_spec(f"{config.name}.tests") is None:
            continue
        if find_spec(f"{config.name}.tests.authz") is None:
            continue
        rows = getattr(import_module(f"{config.name}.tests.authz"), "ROUTES", {})
        for name in rows:
            if name in seen:
                raise AssertionError(
                    f"route {name!r} is declared twice in the authz matrix "
                    f"({seen[name]} and {config.label})"
                )
            seen[name] = config.label
        by_app[config.label] = dict(rows)
    return by_app


def collect_rows() -> dict[str, authz.Row]:
    """Every app's `authz.ROUTES`, merged."""
    return {name: row for rows in collect_rows_by_app().values() for name, row in rows.items()}


def missing_routes(site: dict[str, str], rows: dict[str, authz.Row]) -> list[str]:
    """The routes of `site` ({name: pattern}) that have no row: each one fails the matrix."""
    return sorted(f"{name}  ({pattern})" for name, pattern in site.items() if name not in rows)


def stale_rows(site: dict[str, str], rows: dict[str, authz.Row]) -> list[str]:
    """The rows that name no route of `site`."""
    return sorted(set(rows) - set(site))


LOGIN = "login"  # a redirect to the sign-in page

# What an allowed writer gets from a route's empty write when the row does not say
# (`post=`): an API create fails validation (400), a PATCH changes nothing (200), a
# transition without an action is refused (400); a screen's record action refuses the
# empty form with its messages (400); a screen's create or switch redirects back with a
# message (302). DELETE is the row's `delete` (204 by default).
WRITE_DEFAULTS = {
    (authz.API_LIST, "POST"): 400,
    (authz.API_DETAIL, "PATCH"): 200,
    (authz.API_ACTION, "POST"): 400,
    (authz.WRITER, "POST"): 302,
    (authz.RECORD_ACTION, "POST"): 400,
    (authz.SIGNED_IN, "POST"): 302,
}


def expected(row: authz.Row, persona: str, method: str) -> int | str:
    """What `persona` gets from `method` on the route of `row`: the policy, once.

    An int is the exact status; `LOGIN` a redirect to the sign-in page.
    """
    for key in ((method, persona), persona):
        if key in row.expect:
            return row.expect[key]
    kind = row.kind
    api = kind.startswith("api")
    if persona == ANONYMOUS:
        if kind == authz.PUBLIC:
            return row.status
        # The API authenticates by session first, which sends no challenge: 403, not 401.
        return 403 if api else LOGIN

    def write() -> int:
        if method in row.disallow:
            return 405
        if method == "DELETE":
            return row.delete
        if row.post is not None:
            return row.post
        try:
            return WRITE_DEFAULTS[(kind, method)]
        except KeyError:
            raise AssertionError(
                f"a {kind} row with {method} must say what a writer gets (post=)"
            ) from None

    if kind in {authz.PUBLIC, authz.SIGNED_IN, authz.API_PUBLIC_DOC}:
        return row.status if method == "GET" else write()
    if kind == authz.AUDIT:
        return row.status if persona in AUDITORS else 403
    if kind in {authz.READER, authz.API_READER}:
        return row.status if persona in READERS else 403
    if kind in {authz.WRITER, authz.API_LIST}:
        if method == "GET":
            allowed = READERS if kind == authz.API_LIST else WRITERS
            return row.status if persona in allowed else 403
        return write() if persona in WRITERS else 403
    # One record of unit A1: outside its unit it does not exist (404). The auditor reads
    # no register: the role is refused before the record is looked up (403), on the
    # screens (`org.scope.get_for_user_or_404`) as on the API.
    if persona in OUTSIDE:
        return 404
    if persona == "auditor":
        return 403
    if method == "GET":
        if kind in {authz.RECORD_READ, authz.API_DETAIL}:
            return row.status
        return row.status if persona in INSIDE_WRITERS else 403  # RECORD_WRITE
    return write() if persona in INSIDE_WRITERS else 403


def methods(row: authz.Row) -> tuple[str, ...]:
    if row.methods is not None:
        return row.methods
    return {
        authz.RECORD_ACTION: ("POST",),
        authz.API_LIST: ("GET", "POST"),
        authz.API_DETAIL: ("GET", "PATCH", "DELETE"),
        authz.API_ACTION: ("POST",),
    }.get(row.kind, ("GET",))
