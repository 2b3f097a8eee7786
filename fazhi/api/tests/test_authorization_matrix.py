"""Every URL of the site, tried as every persona, inside and outside the record's unit.

The rows are each app's `tests/authz.py` `ROUTES` (vocabulary in `authz_support.py`); the policy,
the exact status each persona must get, is `matrix.expected`. A route of the site
without a row fails the first test, so a new screen or API route cannot ship
unclassified.

For speed the routes are tried in slices of one app's rows: the personas and their
signed-in clients are made once per slice, and xdist spreads the slices (`-k <app>`
runs one app's). Each row, and each request, runs in a savepoint rolled back
afterwards: rows do not see each other's records, and one failing route does not hide
the others of its slice.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.conf import settings
from django.db import transaction
from django.forms.models import model_to_dict
from django.test import Client
from django.urls import URLResolver, path, reverse
from django.urls.resolvers import RegexPattern
from django.views.generic import View

from fazhi.api.tests import authz_support as authz
from fazhi.api.tests import matrix
from fazhi.kit.api import etag_for

BY_APP = matrix.collect_rows_by_app()
ROWS = {name: row for rows in BY_APP.values() for name, row in rows.items()}
SLICE = 8  # rows per test: small enough for xdist to spread, large enough to share setup
REFUSALS = frozenset({401, 403, 404, 405})


def _slices() -> list[tuple[str, tuple[str, ...]]]:
    out = []
    for app, rows in sorted(BY_APP.items()):
        names = sorted(rows)
        for i in range(0, len(names), SLICE):
            out.append((f"{app}-{i // SLICE + 1}", tuple(names[i : i + SLICE])))
    return out


SLICES = _slices()


def test_every_route_of_the_site_has_a_row_in_the_matrix() -> None:
    missing = matrix.missing_routes(matrix.site_routes(), ROWS)
    assert not missing, (
        "routes missing from the authz matrix (add them to the app's tests/authz.py):\n"
        + "\n".join(missing)
    )


def test_the_matrix_names_no_route_that_does_not_exist() -> None:
    stale = matrix.stale_rows(matrix.site_routes(), ROWS)
    assert not stale, f"authz rows for routes that no longer exist: {stale}"


def test_a_route_without_a_row_is_reported_missing_by_name_and_pattern() -> None:
    view = View.as_view()
    fake = URLResolver(
        RegexPattern(r"^/"),
        [path("home/", view, name="home"), path("secret/<int:pk>/", view, name="unlisted")],
    )
    site = dict(matrix.walk(fake))
    rows = {"home": authz.signed_in()}
    assert matrix.missing_routes(site, rows) == ["unlisted  (secret/<int:pk>/)"]
    assert matrix.missing_routes(site, {**rows, "unlisted": authz.signed_in()}) == []
    assert matrix.stale_rows(site, {**rows, "gone": authz.reader()}) == ["gone"]


def test_an_unnamed_route_is_reported_so_it_cannot_hide_from_the_matrix() -> None:
    fake = URLResolver(RegexPattern(r"^/"), [path("hidden/", View.as_view())])
    site = dict(matrix.walk(fake))
    assert matrix.missing_routes(site, {}) == ["<unnamed hidden/>  (hidden/)"]


def test_a_row_overriding_the_policy_must_say_why() -> None:
    with pytest.raises(ValueError, match="note"):
        authz.signed_in(expect={"leader": 403})
    with pytest.raises(ValueError, match="factory"):
        authz.Row(authz.RECORD_READ)


def test_the_policy_refuses_outsiders_every_method_on_a_record() -> None:
    row = authz.api_detail(lambda ctx: None, disallow=("DELETE",))
    for method in ("GET", "PATCH", "DELETE"):
        assert matrix.expected(row, "liaison_a2", method) == 404
        assert matrix.expected(row, "coordinator_b", method) == 404
        assert matrix.expected(row, matrix.ANONYMOUS, method) == 403
    assert matrix.expected(row, "liaison_a1", "DELETE") == 405
    assert matrix.expected(row, "leader", "DELETE") == 403
    assert matrix.expected(row, "liaison_a1", "PATCH") == 200


@pytest.fixture
def personas(
    coordinator: Any,
    liaison_a1: Any,
    liaison_a2: Any,
    leader: Any,
    auditor: Any,
    supervisor: Any,
    coordinator_b: Any,
    admin_user: Any,
    unit_a1: Any,
    unit_a2: Any,
    county_a: Any,
) -> tuple[dict[str, Client], authz.Ctx]:
    users = {
        "coordinator": coordinator,
        "liaison_a1": liaison_a1,
        "liaison_a2": liaison_a2,
        "leader": leader,
        "auditor": auditor,
        "supervisor": supervisor,
        "coordinator_b": coordinator_b,
        "admin_user": admin_user,
    }
    clients = {matrix.ANONYMOUS: Client()}
    for persona, user in users.items():
        clients[persona] = Client()
        clients[persona].force_login(user)
    ctx = authz.Ctx(
        unit=unit_a1, county=county_a, other_unit=unit_a2, owner=liaison_a1, coordinator=coordinator
    )
    return clients, ctx


def _snapshot(record: Any) -> dict[str, Any] | None:
    if record is None:
        return None
    fresh = type(record)._default_manager.filter(pk=record.pk).first()
    return None if fresh is None else model_to_dict(fresh)


def _send(client: Client, method: str, url: str, data: dict[str, Any], api: bool, record: Any = None) -> Any:
    if method == "GET":
        return client.get(url, data)
    if api:
        # Every API write carries the version the client read (issue 17 item 8).
        fresh = type(record)._default_manager.filter(pk=record.pk).first() if record is not None else None
        headers = {"HTTP_IF_MATCH": etag_for(fresh)} if fresh is not None else {}
        return client.generic(method, url, data=json.dumps(data), content_type="application/json", **headers)
    return client.post(url, data)


def _got(want: int | str, response: Any) -> bool:
    if want == matrix.LOGIN:
        return response.status_code == 302 and response["Location"].startswith(
            reverse(settings.LOGIN_URL)
        )
    return response.status_code == want


def check_row(name: str, row: authz.Row, clients: dict[str, Client], ctx: authz.Ctx) -> list[str]:
    """Every method of the route as every persona: the list of what differs from the policy.

    Each request runs in a savepoint rolled back afterwards, so every persona meets the
    record as the factory made it (the owner's DELETE does not leave the coordinator
    nothing to delete, a figure deleted once is there for the next writer).
    """
    record = row.factory(ctx) if row.factory else None
    url = reverse(name, kwargs=row.url_kwargs(record, ctx))
    api = row.kind.startswith("api")
    failures = []
    for method in matrix.methods(row):
        for persona in matrix.PERSONAS:
            want = matrix.expected(row, persona, method)
            with transaction.atomic():
                before = _snapshot(record)
                response = _send(clients[persona], method, url, row.data, api, record)
                if not _got(want, response):
                    where = response.get("Location", "")
                    failures.append(
                        f"{method} {url} as {persona}: got {response.status_code} {where}"
                        f" want {want}"
                    )
                elif (want == matrix.LOGIN or want in REFUSALS) and _snapshot(record) != before:
                    failures.append(f"{method} {url} as {persona}: refused but changed the record")
                transaction.set_rollback(True)
    return failures


@pytest.mark.django_db
@pytest.mark.parametrize("names", [names for _, names in SLICES], ids=[s for s, _ in SLICES])
def test_each_persona_gets_exactly_what_the_matrix_says(
    names: tuple[str, ...], personas: Any
) -> None:
    clients, ctx = personas
    failures = []
    for name in names:
        row = ROWS[name]
        try:
            with transaction.atomic():  # each row's records are gone before the next row
                lines = check_row(name, row, clients, ctx)
                transaction.set_rollback(True)
        except Exception as exc:  # one broken route must not hide the others of its slice
            lines = [f"raised {type(exc).__name__}: {exc}"]
        failures += [f"{name} ({row.kind}): {line}" for line in lines]
    assert not failures, "\n".join(failures)


@pytest.mark.django_db
def test_the_admin_site_sends_everyone_but_staff_to_its_login(personas: Any) -> None:
    clients, _ = personas
    url = reverse("admin:index")
    for persona in matrix.PERSONAS:
        response = clients[persona].get(url)
        if persona == "admin_user":
            assert response.status_code == 200
        else:
            assert response.status_code == 302, persona
            assert response["Location"].startswith(reverse("admin:login")), persona
