# WORK IN PROGRESS (issue 10, points 2 and 3): not collected by pytest (the file name
# does not start with test_). Its last run found no out-of-scope 200 and no 5xx, but
# several matrix rows and policy points are still open; see the session note. Rename
# to test_*.py once it is green.
"""Every URL of the site, tried as every persona, inside and outside the record's unit.

The rows are each app's `authz.ROUTES` (vocabulary in `fazhi/api/authz.py`); the policy,
what a persona of each kind must get, is `matrix.expected`. A route of the site without a
row fails the first test, so a new screen or API route cannot ship unclassified.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.conf import settings
from django.forms.models import model_to_dict
from django.test import Client
from django.urls import reverse

from fazhi.api import authz
from fazhi.api.tests import matrix

ROWS = matrix.collect_rows()


def test_every_route_of_the_site_has_a_row_in_the_matrix() -> None:
    site = matrix.site_routes()
    missing = sorted(f"{name}  ({pattern})" for name, pattern in site.items() if name not in ROWS)
    assert not missing, (
        "routes missing from the authz matrix (add them to the app's authz.py):\n"
        + "\n".join(missing)
    )


def test_the_matrix_names_no_route_that_does_not_exist() -> None:
    stale = sorted(set(ROWS) - set(matrix.site_routes()))
    assert not stale, f"authz rows for routes that no longer exist: {stale}"


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
) -> tuple[dict[str, Any], authz.Ctx]:
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
    ctx = authz.Ctx(
        unit=unit_a1, county=county_a, other_unit=unit_a2, owner=liaison_a1, coordinator=coordinator
    )
    return users, ctx


def _client(users: dict[str, Any], persona: str) -> Client:
    client = Client()
    if persona != matrix.ANONYMOUS:
        client.force_login(users[persona])
    return client


def _snapshot(record: Any) -> dict[str, Any] | None:
    if record is None:
        return None
    fresh = type(record)._default_manager.filter(pk=record.pk).first()
    return None if fresh is None else model_to_dict(fresh)


def _send(client: Client, method: str, url: str, data: dict[str, Any], api: bool) -> Any:
    if method == "GET":
        return client.get(url, data)
    if api:
        return client.generic(method, url, data=json.dumps(data), content_type="application/json")
    return client.post(url, data)


def _verdict(want: Any, response: Any, before: Any, record: Any) -> bool:
    status = response.status_code
    if want == matrix.LOGIN:
        return status == 302 and response["Location"].startswith(reverse(settings.LOGIN_URL))
    if want == matrix.ACCEPTED:
        return status < 500 and status not in {401, 403, 404, 405}
    if want == matrix.REFUSED_UNCHANGED:
        return status == 403 or (status < 500 and status != 405 and _snapshot(record) == before)
    return status in want


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(ROWS))
def test_each_persona_gets_what_the_matrix_says(name: str, personas: Any) -> None:
    users, ctx = personas
    row = ROWS[name]
    record = row.factory(ctx) if row.factory else None
    url = reverse(name, kwargs=row.url_kwargs(record, ctx))
    api = row.kind.startswith("api")
    failures = []
    for method in matrix.methods(row.kind):
        for persona in matrix.PERSONAS:
            want = matrix.expected(row.kind, persona, method, row.status)
            if method == "DELETE" and want in {matrix.ACCEPTED, matrix.OK}:
                continue  # deleting as the owner would end the test's record, not prove a refusal
            before = _snapshot(record)
            response = _send(_client(users, persona), method, url, row.data, api)
            if not _verdict(want, response, before, record):
                where = response.get("Location", "")
                failures.append(
                    f"{method} {url} as {persona}: got {response.status_code} {where}, want {want}"
                )
    assert not failures, f"{name} ({row.kind}):\n" + "\n".join(failures)


@pytest.mark.django_db
def test_the_admin_site_sends_everyone_but_staff_to_its_login(personas: Any) -> None:
    users, _ = personas
    url = reverse("admin:index")
    for persona in matrix.PERSONAS:
        response = _client(users, persona).get(url)
        if persona == "admin_user":
            assert response.status_code == 200
        else:
            assert response.status_code == 302, persona
            assert response["Location"].startswith(reverse("admin:login")), persona
