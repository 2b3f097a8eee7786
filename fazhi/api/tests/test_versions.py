"""Issue 17 item 8: no lost update through the API.

Every write to an existing record carries the version the client read: the record's
`version` in the body, or the `ETag` of its GET in `If-Match`. A stale one is refused
(409 for the body's version, 412 for If-Match), a missing one too (428), each with a
Chinese message, and nothing is changed.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from django.test import Client

from fazhi.reconsideration.models import Application
from fazhi.reconsideration.tests.helpers import received
from fazhi.testing import make_person

pytestmark = pytest.mark.django_db


def _send(c: Client, method: str, url: str, data: dict[str, Any] | None = None, **headers: Any) -> Any:
    return c.generic(method, url, data=json.dumps(data or {}), content_type="application/json", **headers)


def test_the_second_of_two_patches_with_the_same_version_is_refused(client_for: Any, coordinator: Any, unit_a1: Any) -> None:
    record = received(coordinator, unit_a1)
    url = f"/api/reconsideration/{record.pk}/"
    c = client_for(coordinator)
    loaded = c.get(url).json()["version"]
    first = _send(c, "PATCH", url, {"version": loaded, "act": "第一人的修改"})
    assert first.status_code == 200 and first.json()["version"] == loaded + 1
    second = _send(c, "PATCH", url, {"version": loaded, "act": "第二人的修改"})
    assert second.status_code == 409
    assert "已被其他人修改" in second.json()["detail"]
    assert Application.objects.get(pk=record.pk).act == "第一人的修改"


def test_a_write_without_the_version_is_refused_in_chinese(client_for: Any, coordinator: Any, unit_a1: Any) -> None:
    record = received(coordinator, unit_a1)
    r = _send(client_for(coordinator), "PATCH", f"/api/reconsideration/{record.pk}/", {"act": "无版本的修改"})
    assert r.status_code == 428 and "If-Match" in r.json()["detail"]
    assert Application.objects.get(pk=record.pk).act != "无版本的修改"


def test_if_match_carries_the_version_of_a_record_without_one(client_for: Any, coordinator: Any, unit_a1: Any) -> None:
    person = make_person(unit_a1, "李四")
    url = f"/api/people/{person.pk}/"
    c = client_for(coordinator)
    etag = c.get(url)["ETag"]
    first = _send(c, "PATCH", url, {"position": "科长"}, HTTP_IF_MATCH=etag)
    assert first.status_code == 200 and first["ETag"] != etag
    stale = _send(c, "PATCH", url, {"position": "副科长"}, HTTP_IF_MATCH=etag)
    assert stale.status_code == 412 and "已被其他人修改" in stale.json()["detail"]
    assert _send(c, "DELETE", url, HTTP_IF_MATCH=etag).status_code == 412
    assert _send(c, "DELETE", url).status_code == 428
    assert _send(c, "DELETE", url, HTTP_IF_MATCH=first["ETag"]).status_code == 204


def test_a_move_from_a_stale_version_is_a_conflict(client_for: Any, coordinator: Any, unit_a1: Any) -> None:
    record = received(coordinator, unit_a1)
    url = f"/api/reconsideration/{record.pk}/transition/"
    c = client_for(coordinator)
    action = c.get(f"/api/reconsideration/{record.pk}/").json()["allowed_actions"][0]
    body = {"action": action, "on": date.today().isoformat(), "version": record.version + 1}
    r = _send(c, "POST", url, body)
    assert r.status_code == 409 and "已被其他人修改" in r.json()["detail"]
    assert _send(c, "POST", url, {k: v for k, v in body.items() if k != "version"}).status_code == 428
