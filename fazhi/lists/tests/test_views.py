"""The lists' screens: filters, detail with history, adjustment forms, scope."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.lists.models import ListItem
from fazhi.lists.rules import ListKind
from fazhi.lists.tests.factories import adjust, make_item

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/lists/",
        "/lists/?kind=power&status=all&q=QZ",
        "/lists/?on=2022-01-01",
        "/lists/new/",
        "/lists/adjustments/?year=2022",
        "/lists/figures/?year=2022",
        "/lists/xlsx/template.xlsx",
        "/lists/xlsx/export.xlsx",
        "/lists/adjustments/xlsx/template.xlsx",
        "/lists/adjustments/xlsx/export.xlsx",
    ],
)
def test_every_screen_opens(client_for, coordinator, unit_a1, url):
    make_item(coordinator, unit_a1)
    assert client_for(coordinator).get(url).status_code == 200


def test_the_list_filters_by_kind_status_and_day(
    client_for, coordinator, unit_a1, django_assert_max_num_queries
):
    make_item(coordinator, unit_a1, code="QZ-001")
    make_item(coordinator, unit_a1, kind=ListKind.PERMIT, code="XK-001")
    gone = make_item(coordinator, unit_a1, code="QZ-002")
    adjust("remove", gone, coordinator, date(2022, 6, 1))
    client = client_for(coordinator)
    with django_assert_max_num_queries(10):
        page = client.get("/lists/?kind=power").content.decode()
    assert "QZ-001" in page and "XK-001" not in page and "QZ-002" not in page
    page = client.get("/lists/?status=removed").content.decode()
    assert "QZ-002" in page and "QZ-001" not in page
    page = client.get("/lists/?on=2022-05-31").content.decode()
    assert "QZ-002" in page


def test_an_item_is_added_through_the_form_as_an_adjustment(client_for, liaison_a1, unit_a1):
    response = client_for(liaison_a1).post(
        "/lists/new/",
        {
            "action": "add",
            "list_kind": "service",
            "unit": unit_a1.pk,
            "code": "FW-001",
            "name": "法律援助申请",
            "service_kind": "on_application",
            "legal_basis": "《法律援助法》",
            "adjusted_on": "2022-07-01",
            "reason": "新增服务事项",
            "document_number": "确政办〔2022〕20号",
        },
    )
    item = ListItem.objects.get(code="FW-001")
    assert response.status_code == 302 and response["Location"] == item.get_absolute_url()
    assert item.adjustments.get().action == "add"


def test_a_bad_new_item_is_refused_in_chinese(client_for, liaison_a1, unit_a1):
    response = client_for(liaison_a1).post(
        "/lists/new/",
        {
            "action": "add",
            "list_kind": "power",
            "unit": unit_a1.pk,
            "code": "QZ-9",
            "name": "x",
            "legal_basis": "《律师法》",
            "adjusted_on": "2099-01-01",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "晚于今天" in page and "请填写调整原因" in page and "权责清单事项须填写权力类型" in page
    assert not ListItem.objects.exists()


def test_amend_and_remove_through_the_forms(client_for, liaison_a1, unit_a1):
    item = make_item(liaison_a1, unit_a1)
    client = client_for(liaison_a1)
    form = {
        "unit": unit_a1.pk,
        "code": item.code,
        "name": "改名后",
        "power_type": item.power_type,
        "legal_basis": item.legal_basis,
        "adjusted_on": "2022-05-01",
        "reason": "法律修订",
        "document_number": "确政办〔2022〕41号",
        "version": 1,
    }
    assert client.post(f"/lists/{item.pk}/amend/", form).status_code == 302
    # The same page posted again carries a stale version.
    response = client.post(f"/lists/{item.pk}/amend/", {**form, "name": "又改"})
    assert "已被他人调整" in response.content.decode()
    removal = {"adjusted_on": "2022-09-30", "reason": "取消", "document_number": "d", "version": 2}
    assert client.post(f"/lists/{item.pk}/remove/", removal).status_code == 302
    item.refresh_from_db()
    assert item.name == "改名后" and item.in_force_until == date(2022, 9, 30)
    page = client.get(f"/lists/{item.pk}/?on=2022-06-01").content.decode()
    assert "事项QZ-001 → 改名后" in page.replace("事项名称：", "")
    assert "退出清单" in page and "改名后" in page


def test_outsiders_get_404_and_leaders_403(
    client_for, liaison_a1, liaison_a2, coordinator_b, leader, unit_a1
):
    item = make_item(liaison_a1, unit_a1)
    for outsider in (liaison_a2, coordinator_b):
        client = client_for(outsider)
        assert client.get(f"/lists/{item.pk}/").status_code == 404
        assert client.get(f"/lists/{item.pk}/amend/").status_code == 404
        assert "QZ-001" not in client.get("/lists/").content.decode()
    client = client_for(leader)
    assert client.get(f"/lists/{item.pk}/").status_code == 200
    assert client.get(f"/lists/{item.pk}/amend/").status_code == 403
    assert (
        client.post(f"/lists/{item.pk}/remove/", {"adjusted_on": "2022-01-01"}).status_code == 403
    )
    assert client.get("/lists/new/").status_code == 403
    item.refresh_from_db()
    assert item.in_force_until is None
