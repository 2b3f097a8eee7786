"""The lists API: items read only, every change an adjustment, scoped like the screens."""

from __future__ import annotations

import pytest

from fazhi.lists.models import ListItem
from fazhi.lists.tests.factories import make_item

pytestmark = pytest.mark.django_db


def test_an_item_is_added_amended_and_removed_by_adjustments(client_for, liaison_a1, unit_a1):
    client = client_for(liaison_a1)
    response = client.post(
        "/api/lists/adjustments/",
        {
            "action": "add",
            "adjusted_on": "2022-03-01",
            "reason": "新增",
            "document_number": "d1",
            "unit": unit_a1.pk,
            "list_kind": "permit",
            "code": "XK-1",
            "name": "许可",
            "legal_basis": "《行政许可法》",
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    item = ListItem.objects.get(code="XK-1")
    response = client.post(
        "/api/lists/adjustments/",
        {
            "action": "amend",
            "item": item.pk,
            "adjusted_on": "2022-04-01",
            "reason": "r",
            "document_number": "d2",
            "name": "许可（改）",
            "version": 1,
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["before"]["name"] == "许可"
    response = client.post(
        "/api/lists/adjustments/",
        {
            "action": "remove",
            "item": item.pk,
            "adjusted_on": "2022-03-15",
            "reason": "r",
            "document_number": "d3",
        },
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "早于该事项上一次调整" in response.json()["adjusted_on"][0]
    rows = client.get("/api/lists/items/").json()
    assert [r["name"] for r in rows.get("results", rows)] == ["许可（改）"]


def test_items_are_not_written_directly(client_for, liaison_a1, unit_a1):
    item = make_item(liaison_a1, unit_a1)
    client = client_for(liaison_a1)
    response = client.patch(
        f"/api/lists/items/{item.pk}/", {"name": "x"}, content_type="application/json"
    )
    assert response.status_code == 405
    assert client.delete(f"/api/lists/items/{item.pk}/").status_code == 405
    assert client.post("/api/lists/items/", {}, content_type="application/json").status_code == 405
    adj = item.adjustments.get()
    assert client.delete(f"/api/lists/adjustments/{adj.pk}/").status_code == 405
    item.refresh_from_db()
    assert item.name == "事项QZ-001"


def test_outsiders_see_nothing_and_leaders_cannot_write(
    client_for, liaison_a1, liaison_a2, leader, unit_a1
):
    item = make_item(liaison_a1, unit_a1)
    outsider = client_for(liaison_a2)
    assert outsider.get(f"/api/lists/items/{item.pk}/").status_code == 404
    response = outsider.post(
        "/api/lists/adjustments/",
        {
            "action": "remove",
            "item": item.pk,
            "adjusted_on": "2022-03-15",
            "reason": "r",
            "document_number": "d",
        },
        content_type="application/json",
    )
    assert response.status_code == 400 and "无权查看" in response.json()["item"][0]
    response = client_for(leader).post(
        "/api/lists/adjustments/",
        {"action": "remove", "item": item.pk, "adjusted_on": "2022-03-15"},
        content_type="application/json",
    )
    assert response.status_code == 403
    item.refresh_from_db()
    assert item.in_force_until is None
