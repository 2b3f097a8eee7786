"""Adjustments: the only way an item changes, with a complete history."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from fazhi.lists.models import ListAdjustment, ListItem
from fazhi.lists.rules import Action, ListKind, PowerType
from fazhi.lists.services import apply_adjustment
from fazhi.lists.tests.factories import adjust, make_item

pytestmark = pytest.mark.django_db


def test_adding_an_item_records_the_item_and_its_first_version(liaison_a1, unit_a1):
    item = make_item(liaison_a1, unit_a1, action="add", on=date(2022, 3, 1))
    adj = item.adjustments.get()
    assert adj.action == Action.ADD and adj.before is None
    assert adj.after["code"] == "QZ-001" and adj.after["unit"] == unit_a1.pk
    assert adj.reason == "新增" and adj.document_number == "确政办〔2022〕1号"
    assert item.in_force_from == date(2022, 3, 1) and item.in_force_until is None
    assert adj.recorded_by == liaison_a1


def test_amending_changes_the_item_and_keeps_before_and_after(liaison_a1, unit_a1):
    item = make_item(liaison_a1, unit_a1)
    adj = adjust(
        "amend", item, liaison_a1, date(2022, 5, 1), name="新名称", basis_articles="第二条"
    )
    item.refresh_from_db()
    assert item.name == "新名称" and item.version == 2
    assert adj.before["name"] == "事项QZ-001" and adj.after["name"] == "新名称"
    assert ("事项名称", "事项QZ-001", "新名称") in adj.changes()
    first = item.adjustments.get(action=Action.ESTABLISH)
    assert first.superseded_on == date(2022, 5, 1)


def test_removing_ends_the_item_and_keeps_its_history(liaison_a1, unit_a1):
    item = make_item(liaison_a1, unit_a1)
    adj = adjust("remove", item, liaison_a1, date(2022, 9, 30))
    item.refresh_from_db()
    assert item.in_force_until == date(2022, 9, 30)
    assert adj.after is None and adj.before["code"] == "QZ-001"
    assert item.adjustments.count() == 2


def test_the_state_on_any_day_comes_from_the_history(liaison_a1, unit_a1, unit_a2, coordinator):
    item = make_item(liaison_a1, unit_a1, on=date(2021, 6, 30))
    adjust("amend", item, liaison_a1, date(2022, 5, 1), name="改名后")
    adjust("amend", item, coordinator, date(2022, 8, 1), unit=unit_a2)
    adjust("remove", item, coordinator, date(2022, 10, 1))
    assert item.state_on(date(2021, 6, 29)) is None
    assert item.state_on(date(2021, 6, 30))["name"] == "事项QZ-001"
    assert item.state_on(date(2022, 4, 30))["name"] == "事项QZ-001"
    assert item.state_on(date(2022, 5, 1))["name"] == "改名后"
    assert item.state_on(date(2022, 7, 31))["unit"] == unit_a1.pk
    assert item.state_on(date(2022, 8, 1))["unit_name"] == unit_a2.name
    assert item.state_on(date(2022, 9, 30)) is not None
    assert item.state_on(date(2022, 10, 1)) is None
    in_force = ListAdjustment.objects.in_force
    assert in_force(date(2022, 7, 31)).get().unit == unit_a1
    assert in_force(date(2022, 8, 1)).get().unit == unit_a2
    assert not in_force(date(2022, 10, 1)).exists()


def test_a_removed_item_cannot_be_adjusted_again(liaison_a1, unit_a1):
    item = make_item(liaison_a1, unit_a1)
    adjust("remove", item, liaison_a1, date(2022, 9, 30))
    with pytest.raises(ValidationError, match="已于2022-09-30取消"):
        adjust("amend", item, liaison_a1, date(2022, 10, 1), name="x")
    with pytest.raises(ValidationError, match="已于2022-09-30取消"):
        adjust("remove", item, liaison_a1, date(2022, 10, 1))


def test_adjustments_must_come_in_date_order(liaison_a1, unit_a1):
    item = make_item(liaison_a1, unit_a1)
    adjust("amend", item, liaison_a1, date(2022, 5, 1), name="五月")
    with pytest.raises(ValidationError) as exc:
        adjust("amend", item, liaison_a1, date(2022, 4, 30), name="四月")
    assert "早于该事项上一次调整（2022-05-01）" in exc.value.message_dict["adjusted_on"][0]
    item.refresh_from_db()
    assert item.name == "五月" and item.adjustments.count() == 2


def test_future_dates_are_refused(liaison_a1, unit_a1):
    tomorrow = timezone.localdate() + timedelta(days=1)
    with pytest.raises(ValidationError) as exc:
        make_item(liaison_a1, unit_a1, on=tomorrow)
    assert "晚于今天" in exc.value.message_dict["adjusted_on"][0]
    assert not ListItem.objects.exists()


def test_a_code_in_force_cannot_be_entered_twice_but_may_return_after_removal(liaison_a1, unit_a1):
    item = make_item(liaison_a1, unit_a1)
    with pytest.raises(ValidationError) as exc:
        make_item(liaison_a1, unit_a1, action="add", on=date(2022, 1, 5))
    assert "事项编码“QZ-001”" in exc.value.message_dict["code"][0]
    adjust("remove", item, liaison_a1, date(2022, 2, 1))
    again = make_item(liaison_a1, unit_a1, action="add", on=date(2022, 3, 1))
    assert again.pk != item.pk


def test_an_adjustment_needs_a_reason_and_a_document_number(liaison_a1, unit_a1):
    item = make_item(liaison_a1, unit_a1)
    with pytest.raises(ValidationError) as exc:
        apply_adjustment("remove", by=liaison_a1, on=date(2022, 1, 1), item=item)
    assert set(exc.value.message_dict) == {"reason", "document_number"}


def test_type_fields_must_fit_the_list(liaison_a1, unit_a1):
    with pytest.raises(ValidationError) as exc:
        make_item(liaison_a1, unit_a1, power_type="")
    assert "权力类型" in exc.value.message_dict["power_type"][0]
    with pytest.raises(ValidationError) as exc:
        make_item(liaison_a1, unit_a1, kind=ListKind.SERVICE, service_kind="")
    assert "服务类型" in exc.value.message_dict["service_kind"][0]
    with pytest.raises(ValidationError):
        make_item(liaison_a1, unit_a1, kind=ListKind.PERMIT, power_type=PowerType.PERMIT)
    assert not ListItem.objects.exists()


def test_an_amendment_that_changes_nothing_or_moves_list_is_refused(liaison_a1, unit_a1):
    item = make_item(liaison_a1, unit_a1)
    with pytest.raises(ValidationError, match="没有变更任何内容"):
        adjust("amend", item, liaison_a1, date(2022, 5, 1), name=item.name)
    with pytest.raises(ValidationError, match="不能变更事项所属清单"):
        adjust(
            "amend", item, liaison_a1, date(2022, 5, 1), list_kind=ListKind.PERMIT, power_type=""
        )
    assert item.adjustments.count() == 1


def test_a_failed_amendment_changes_nothing(liaison_a1, unit_a1):
    item = make_item(liaison_a1, unit_a1)
    make_item(liaison_a1, unit_a1, code="QZ-002")
    with pytest.raises(ValidationError):
        adjust("amend", item, liaison_a1, date(2022, 5, 1), code="QZ-002", name="冲突")
    item.refresh_from_db()
    assert item.code == "QZ-001" and item.name == "事项QZ-001" and item.version == 1
    first = item.adjustments.get()
    assert first.superseded_on is None


def test_units_outside_the_users_scope_are_refused(liaison_a1, liaison_a2, unit_a1, unit_a2):
    with pytest.raises(ValidationError, match="管辖范围以外"):
        make_item(liaison_a2, unit_a1)
    item = make_item(liaison_a1, unit_a1)
    with pytest.raises(ValidationError, match="无权调整"):
        adjust("remove", item, liaison_a2, date(2022, 5, 1))
    with pytest.raises(ValidationError, match="管辖范围以外"):
        adjust("amend", item, liaison_a1, date(2022, 5, 1), unit=unit_a2)
    item.refresh_from_db()
    assert item.unit == unit_a1 and item.in_force_until is None


def test_a_stale_version_is_refused(liaison_a1, unit_a1):
    item = make_item(liaison_a1, unit_a1)
    adjust("amend", item, liaison_a1, date(2022, 5, 1), name="先到")
    with pytest.raises(ValidationError, match="已被他人调整"):
        apply_adjustment(
            "amend",
            by=liaison_a1,
            on=date(2022, 6, 1),
            item=item,
            changes={"name": "后到"},
            reason="r",
            document_number="d",
            expected_version=1,
        )
