"""The xlsx sheets of the enforcement register: cases (the volume register) and
certificates. Template, import (all or nothing) and export, with personal data masked.

Cases: each row is a case as it stands; the state follows from its dates
(`Case.prepare_history`), validated by the model's own `clean()` — a major decision
without a passed legal review is refused like on the screens. Rows are bulk-created
(5,000–20,000 a county-year); cases still open or decided but unpublished get their
deadlines afterwards.

Certificates: each row names the holder (a `Person` of the unit, found by name and
ID number or created) and the certificate; they are bulk-created valid, and the ones
expiring within 90 days go on the due list.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError

from fazhi.core.xlsx import Column, Sheet
from fazhi.enforcement.models import Case, Certificate, open_renewal_deadlines
from fazhi.enforcement.rules import CaseKind, CaseState, CertificateState, OfficerRole, PartyKind
from fazhi.org.models import Person
from fazhi.org.validators import mask_name


def _prepare_case(instance: Any, values: dict[str, Any], context: dict[str, Any]) -> None:
    from fazhi.workdays.services import get_calendar

    case: Case = instance
    if "_calendar" not in context:
        context["_calendar"] = get_calendar()
    case.prepare_history(context["_calendar"])


def _after_cases(instances: list[Any], context: dict[str, Any]) -> None:
    for case in instances:
        if case.state == CaseState.DECIDED or (
            case.state == CaseState.OPEN and case.kind == CaseKind.PENALTY
        ):
            case.open_deadlines()


CASE_SHEET = Sheet(
    model=Case,
    title="行政执法案件",
    columns=[
        Column("执法单位", "unit", kind="unit", required=True, example="确山县市场监督管理局"),
        Column("案号（文号）", "number", example="确市监罚〔2024〕12号"),
        Column(
            "执法类别",
            "kind",
            kind="choice",
            choices=CaseKind.choices,
            required=True,
            example="行政处罚",
        ),
        Column(
            "当事人", "party_name", required=True, example="张三", read=lambda c: c.masked_party
        ),
        Column(
            "当事人类型", "party_kind", kind="choice", choices=PartyKind.choices, example="自然人"
        ),
        Column("案由（事项）", "matter", required=True, example="销售过期食品"),
        Column("立案（受理）日期", "opened_on", kind="date", required=True, example="2024-01-08"),
        Column("重大执法决定", "is_major", kind="bool", example="否"),
        Column("法制审核日期", "legal_review_on", kind="date"),
        Column("法制审核通过", "legal_review_passed", kind="bool"),
        Column("法制审核人员", "legal_reviewer", personal="name"),
        Column("全过程记录完整", "full_record", kind="bool", example="是"),
        Column("决定（办结）日期", "decided_on", kind="date", example="2024-02-20"),
        Column("不予处罚", "no_penalty", kind="bool", example="否"),
        Column("公示日期", "published_on", kind="date", example="2024-02-23"),
        Column("备注", "note"),
        Column("状态", "state", kind="choice", choices=CaseState.choices, importable=False),
        Column("公示期限", "publication_due", kind="date", importable=False),
        Column("逾期公示", "published_late", kind="bool", importable=False),
    ],
    prepare=_prepare_case,
    after_save=_after_cases,
    bulk=True,
    instructions=[
        "每行登记一件行政执法案件；状态由日期确定：未填决定日期为“办理中”，填了决定日期为“已决定”，填了公示日期为“已公示”。",
        "公示期限由系统按国办发〔2018〕118号计算：行政许可、行政处罚7个工作日，其他执法决定20个工作日；行政检查不公示。",
        "重大执法决定须填写法制审核日期且审核通过，审核日期不得晚于决定日期（行政处罚法第58条），否则整表不导入。",
    ],
)


def _prepare_certificate(instance: Any, values: dict[str, Any], context: dict[str, Any]) -> None:
    cert: Certificate = instance
    cert.state = CertificateState.VALID
    name = (values.get("person_name") or "").strip()
    if not name or not cert.unit_id:
        return  # the missing cell is already reported
    id_number = (values.get("person_id_number") or "").strip().upper()
    people = Person.objects.filter(unit=cert.unit, name=name)
    if id_number:
        people = people.filter(id_number=id_number)
    person = people.first()
    if person is None:
        person = Person(unit=cert.unit, name=name, id_number=id_number, position="行政执法人员")
        try:
            person.full_clean()
        except ValidationError as exc:
            raise ValidationError(
                {"person": [m for ms in exc.message_dict.values() for m in ms]}
            ) from exc
        person.save()
    cert.person = person


def _after_certificates(instances: list[Any], context: dict[str, Any]) -> None:
    open_renewal_deadlines(instances, within_days=90)


CERTIFICATE_SHEET = Sheet(
    model=Certificate,
    title="行政执法证件",
    columns=[
        Column("执法单位", "unit", kind="unit", required=True, example="确山县市场监督管理局"),
        Column(
            "姓名",
            "person_name",
            required=True,
            example="张三",
            read=lambda c: mask_name(c.person.name),
        ),
        Column(
            "公民身份号码",
            "person_id_number",
            personal="id_number",
            read=lambda c: c.person.id_number,
        ),
        Column(
            "人员类别", "role", kind="choice", choices=OfficerRole.choices, example="行政执法人员"
        ),
        Column("证件编号", "number", required=True, example="豫A1234567"),
        Column("执法领域", "field", required=True, example="市场监管"),
        Column("发证机关", "issuing_authority", required=True, example="河南省人民政府"),
        Column("发证日期", "issued_on", kind="date", required=True, example="2021-06-01"),
        Column("有效期至", "valid_until", kind="date", required=True, example="2026-05-31"),
        Column("状态", "state", kind="choice", choices=CertificateState.choices, importable=False),
        Column("注销日期", "cancelled_on", kind="date", importable=False),
    ],
    prepare=_prepare_certificate,
    after_save=_after_certificates,
    bulk=True,
    instructions=[
        "每行登记一张有效的行政执法证件或执法监督证件；持证人按姓名（和公民身份号码）在本单位人员中查找，找不到的新建。",
        "年度审验、注销请在证件页面办理；有效期在90日内届满的证件导入后列入到期提醒。",
    ],
)
