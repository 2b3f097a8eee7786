"""Factories for the enforcement tests: records made through the real paths."""

from __future__ import annotations

from datetime import date
from typing import Any

from fazhi.enforcement.models import Case, Certificate, ReviewSheet
from fazhi.enforcement.rules import CaseKind, CriterionTier, OfficerRole
from fazhi.org.models import Unit, User
from fazhi.testing import make_person


def certificate(
    by: User,
    unit: Unit,
    number: str = "豫A0000001",
    *,
    name: str = "张三丰",
    issued_on: date = date(2021, 6, 1),
    valid_until: date = date(2026, 5, 31),
    role: str = OfficerRole.OFFICER,
) -> Certificate:
    person = make_person(unit, name)
    return Certificate.register(
        by=by,
        person=person,
        role=role,
        number=number,
        field="市场监管",
        issuing_authority="河南省人民政府",
        issued_on=issued_on,
        valid_until=valid_until,
    )


def case(
    by: User,
    unit: Unit,
    *,
    kind: str = CaseKind.PENALTY,
    opened_on: date = date(2024, 9, 2),
    **extra: Any,
) -> Case:
    fields: dict[str, Any] = {
        "kind": kind,
        "party_name": "李四光",
        "matter": "销售过期食品",
        "opened_on": opened_on,
        **extra,
    }
    return Case.register(by=by, unit=unit, **fields)


def sheet(by: User, unit: Unit) -> ReviewSheet:
    return ReviewSheet.create(
        by=by,
        unit=unit,
        name="2022年度行政处罚案卷评查标准",
        year=2022,
        criteria=[
            (CriterionTier.VETO, "执法人员不足2人", 0),
            (CriterionTier.VETO, "证据不足、事实不清", 0),
            (CriterionTier.FORM, "卷面：统一文书、一案一卷、目录页码", 20),
            (CriterionTier.SUBSTANCE, "主体合法、事实清楚、证据确凿", 30),
            (CriterionTier.SUBSTANCE, "适用法律正确、程序合法", 30),
            (CriterionTier.SUBSTANCE, "裁量适当、文书说理", 20),
        ],
    )


def deadline(record: Any, code: str) -> Any:
    from fazhi.deadlines.services import deadlines_for

    return deadlines_for(record).filter(period__code=code).order_by("-id").first()
