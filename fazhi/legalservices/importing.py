"""The xlsx sheets of the legal services register.

Legal aid: each row registers a newly received application (state 待审查) and starts
its 7-day review period (法律援助法 第43条); decisions are made on the screens or the
API, through `apply()`. Notarisations, legal helpers and service visits are plain
records, imported in bulk, all or nothing.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError

from fazhi.kit.xlsx import Sheet, exports, fields, model_column, open_deadlines, starting_in
from fazhi.legalservices.models import AidApplication, LegalHelper, Notarisation, ServiceVisit
from fazhi.legalservices.rules import State
from fazhi.org.models import UnitKind

AID_SHEET = Sheet(
    model=AidApplication,
    title="法律援助申请",
    natural_key=("unit", "number"),
    columns=[
        *fields(AidApplication, unit="确山县司法局", number="确法援〔2024〕12号"),
        model_column(AidApplication, "applicant_name", "张三", personal="name"),
        model_column(AidApplication, "applicant_phone", "13800000000", personal="phone"),
        model_column(AidApplication, "applicant_id_number", personal="id_number"),
        *fields(AidApplication, received_on="2024-03-01", matter_kind="民事", claim="追索劳动报酬"),
        model_column(AidApplication, "migrant_worker", "是", header="农民工"),
        *fields(AidApplication, provided_first="否", summary=""),
        *exports(AidApplication, "green_channel", "state", "decision", "decided_on",
                 "decision_on_time", "assigned_on", "closed_on"),
    ],
    prepare=starting_in(State.RECEIVED),
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
        *fields(Notarisation, unit="确山县司法局", number="（2024）豫确证字第123号", kind="继承"),
        model_column(Notarisation, "applicant_name", "张三", personal="name"),
        *fields(Notarisation, foreign="否", issued_on="2024-03-01", fee_waived="否"),
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
        model_column(LegalHelper, "unit", "竹沟东村"),
        model_column(LegalHelper, "name", "张三", personal="name"),
        model_column(LegalHelper, "phone", personal="phone"),
        *fields(LegalHelper, occupation="网格员", trained_on="", appointed_on="2023-05-10",
                left_on=""),
    ],
    prepare=_prepare_helper,
    bulk=True,
)

VISIT_SHEET = Sheet(
    model=ServiceVisit,
    title="公共法律服务",
    columns=[
        *fields(ServiceVisit, unit="确山县司法局", visited_on="2024-03-01", channel="12348热线",
                kind="法律咨询"),
        model_column(ServiceVisit, "people", 3, required=True),
        model_column(ServiceVisit, "topic"),
    ],
    bulk=True,
)

SHEET = AID_SHEET
