"""Hostile query parameters on every screen answer 400 in Chinese, never 500 (issue 17, point 11).

Each screen of the authorization matrix (`fazhi/<app>/authz.py`) is opened once as the
superuser and once as county A's coordinator while the test records which query
parameters the view reads; then each parameter it read is sent alone with each hostile
value. So a parameter a screen starts reading tomorrow is fuzzed without editing this
test.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.db import transaction
from django.http import QueryDict
from django.test import Client
from django.urls import reverse

from fazhi.api.tests import authz_support as authz
from fazhi.api.tests import matrix

ROWS = matrix.collect_rows()
SCREEN_KINDS = {authz.PUBLIC, authz.SIGNED_IN, authz.READER, authz.WRITER, authz.AUDIT, authz.RECORD_READ, authz.RECORD_WRITE}
HOSTILE = ("0", "-1", "99999999999", "99999999999999999999", "abc", "２０２２", "\x00")
CHINESE = re.compile(r"[\u4e00-\u9fff]")


def _screens() -> list[str]:
    return sorted(
        name
        for name, row in ROWS.items()
        if row.kind in SCREEN_KINDS and "GET" in matrix.methods(row) and row.status == 200
    )


class _Reads:
    """Records the names a view reads from request.GET."""

    def __init__(self, monkeypatch: Any) -> None:
        self.names: set[str] = set()
        reads = self.names
        for method in ("get", "__getitem__", "getlist", "__contains__"):
            original = getattr(QueryDict, method)

            def spy(qd: QueryDict, key: Any, *args: Any, _original: Any = original, **kwargs: Any) -> Any:
                if isinstance(key, str):
                    reads.add(key)
                return _original(qd, key, *args, **kwargs)

            monkeypatch.setattr(QueryDict, method, spy)


def _fuzz(client: Client, name: str, row: authz.Row, ctx: authz.Ctx, monkeypatch: Any) -> list[str]:
    failures: list[str] = []
    with transaction.atomic():
        record = row.factory(ctx) if row.factory else None
        url = reverse(name, kwargs=row.url_kwargs(record, ctx))
        with monkeypatch.context() as patch:
            reads = _Reads(patch)
            client.get(url, row.data)
        names = sorted(reads.names - {"next"})  # `next` only ever redirects inside the site
        for param in names:
            for value in HOSTILE:
                with transaction.atomic():
                    try:
                        response = client.get(url, {**row.data, param: value})
                    except Exception as exc:  # noqa: BLE001 - a raised exception is a 500
                        failures.append(f"{url}?{param}={value!r}: raised {type(exc).__name__}: {exc}")
                        transaction.set_rollback(True)
                        continue
                    if response.status_code >= 500:
                        failures.append(f"{url}?{param}={value!r}: {response.status_code}")
                    elif response.status_code == 400:
                        text = response.content.decode()
                        if not CHINESE.search(text) or "Bad Request" in text:
                            failures.append(f"{url}?{param}={value!r}: 400 without a Chinese message")
                    transaction.set_rollback(True)
        transaction.set_rollback(True)
    return failures


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["admin_user", "coordinator"])
def test_no_query_parameter_makes_a_screen_fail(
    persona: str, request: Any, monkeypatch: Any, unit_a1: Any, unit_a2: Any, county_a: Any, liaison_a1: Any, coordinator: Any
) -> None:
    client = Client(raise_request_exception=True)
    client.force_login(request.getfixturevalue(persona))
    ctx = authz.Ctx(unit=unit_a1, county=county_a, other_unit=unit_a2, owner=liaison_a1, coordinator=coordinator)
    failures: list[str] = []
    for name in _screens():
        failures += _fuzz(client, name, ROWS[name], ctx, monkeypatch)
    assert not failures, f"{len(failures)} failures:\n" + "\n".join(failures[:80])


@pytest.mark.django_db
def test_a_year_of_zero_or_out_of_range_and_a_huge_unit_answer_400_in_chinese(coordinator: Any) -> None:
    client = Client()
    client.force_login(coordinator)
    for query in ({"year": "0"}, {"year": "99999999999"}, {"unit": "99999999999999999999"}):
        response = client.get(reverse("deadlines:list") if "unit" in query else reverse("reconsideration:list"), query)
        assert response.status_code == 400, query
        text = response.content.decode()
        assert "参数" in text and "Bad Request" not in text


@pytest.mark.django_db
def test_a_nul_character_in_a_search_answers_400_on_every_database(coordinator: Any) -> None:
    # SQLite searches for it and finds nothing; PostgreSQL refuses the string (a 500).
    client = Client()
    client.force_login(coordinator)
    response = client.get(reverse("litigation:list"), {"q": "案\x00号"})
    assert response.status_code == 400
    assert "控制字符" in response.content.decode()
