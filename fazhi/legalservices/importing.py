"""The xlsx sheets of the legal services register.

Legal aid: each row registers a newly received application (state 待审查) and starts
its 7-day review period (法律援助法 第43条); decisions are made on the screens or the
API, through `apply()`. Notarisations, legal helpers and service visits are plain
records, imported in bulk, all or nothing.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError

from fazhi.kit.xlsx import Column, Sheet, choice_column, open_deadlines, unit_column
from fazhi.legalservices.models import AidApplication, LegalHelper, Notarisation, ServiceVisit
from fazhi.legalservices.rules import (
    Channel,
    Claim,
    Decision,
    MatterKind,
    NotaryKind,
    ServiceKind,
    State,
)
from fazhi.org.models import UnitKind


def _prepare_aid(instance: Any, values: dict[str, Any], context: dict[str, Any]) -> None:
    instance.state = State.RECEIVED


AID_SHEET = Sheet(
    model=AidApplication,
    title="法律援助申请",
    natural_key=("unit", "number"),
    columns=[
        unit_column("法律援助机构所在单位", "确山县司法局"),
        Column("申请编号", "number", example="确法援〔2024〕12号"),
        Column(
            "申请人",
            "applicant_name",
            required=True,
            example="张三",
            read=lambda a: a.applicant_masked,
        ),
        Column("联系电话", "applicant_phone", personal="phone", example="13800000000"),
        Column("公民身份号码", "applicant_id_number", personal="id_number"),
        Column("收到申请日期", "received_on", kind="date", required=True, example="2024-03-01"),
        choice_column("案件类别", "matter_kind", MatterKind.choices, "民事"),
        choice_column("援助事项", "claim", Claim.choices, "追索劳动报酬"),
        Column("农民工", "migrant_worker", kind="bool", example="是"),
        Column("先行提供法律援助", "provided_first", kind="bool", example="否"),
        Column("案情摘要", "summary"),
        Column("绿色通道", "green_channel", kind="bool", importable=False),
        Column("状态", "state", kind="choice", choices=State.choices, importable=False),
        Column("审查决定", "decision", kind="choice", choices=Decision.choices, importable=False),
        Column("决定日期", "decided_on", kind="date", importable=False),
        Column("按期决定", "decision_on_time", kind="bool", importable=False),
        Column("指派日期", "assigned_on", kind="date", importable=False),
        Column("结案日期", "closed_on", kind="date", importable=False),
    ],
    prepare=_prepare_aid,
    after_save=open_deadlines,
    bulk=False,
    instructions=[
        "每行登记一件新收到的法律援助申请，导入后状态为“待审查”，并开始计算7日审查期限（法律援助法第43条）。",
        "农民工请求支付劳动报酬或工伤赔偿的，自动进入绿色通道，免予核查经济困难状况（法律援助法第42条）。",
    ],
)

NOTARY_SHEET = Sheet(
    model=Notarisation,
    title="公证",
    natural_key=("unit", "number"),
    columns=[
        unit_column("公证机构所在单位", "确山县司法局"),
        Column("公证书编号", "number", example="（2024）豫确证字第123号"),
        choice_column("公证事项", "kind", NotaryKind.choices, "继承"),
        Column("申请人", "applicant_name", required=True, personal="name", example="张三"),
        Column("涉外", "foreign", kind="bool", example="否"),
        Column("出证日期", "issued_on", kind="date", required=True, example="2024-03-01"),
        Column("减免费用", "fee_waived", kind="bool", example="否"),
    ],
    bulk=True,
)


def _prepare_helper(instance: Any, values: dict[str, Any], context: dict[str, Any]) -> None:
    unit = values.get("unit")
    if unit is not None and unit.kind != UnitKind.VILLAGE:
        raise ValidationError(
            {"unit": f"“{unit.name}”不是村（社区），法律明白人应登记到村（社区）。"}
        )


HELPER_SHEET = Sheet(
    model=LegalHelper,
    title="法律明白人",
    natural_key=("unit", "name"),
    columns=[
        unit_column("所在村（社区）", "竹沟东村"),
        Column("姓名", "name", required=True, personal="name", example="张三"),
        Column("联系电话", "phone", personal="phone"),
        Column("身份", "occupation", example="网格员"),
        Column("培训日期", "trained_on", kind="date"),
        Column("确定日期", "appointed_on", kind="date", example="2023-05-10"),
        Column("退出日期", "left_on", kind="date"),
    ],
    prepare=_prepare_helper,
    bulk=True,
)

VISIT_SHEET = Sheet(
    model=ServiceVisit,
    title="公共法律服务",
    columns=[
        unit_column("服务平台所在单位", "确山县司法局"),
        Column("服务日期", "visited_on", kind="date", required=True, example="2024-03-01"),
        choice_column("服务平台", "channel", Channel.choices, "12348热线"),
        choice_column("服务类别", "kind", ServiceKind.choices, "法律咨询"),
        Column("服务人次", "people", kind="int", required=True, example=3),
        Column("事由", "topic"),
    ],
    bulk=True,
)

SHEET = AID_SHEET
