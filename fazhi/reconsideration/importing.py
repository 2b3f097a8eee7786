"""The xlsx sheet of the reconsideration register: template, import and export.

Import registers new applications (state 待审查) and opens each one's acceptance
review (第30条), all or nothing. Later steps are made on the screens or through the
API, so that every move goes through `apply()`. Export adds the workflow columns and
masks applicants' names.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError

from fazhi.kit.xlsx import Column, Sheet
from fazhi.org.scope import can_write_unit
from fazhi.reconsideration.models import Application, default_agency
from fazhi.reconsideration.rules import (
    ActKind,
    ApplicantKind,
    Channel,
    Procedure,
    ReviewOutcome,
    State,
)


def _prepare(instance: Any, values: dict[str, Any], context: dict[str, Any]) -> None:
    app: Application = instance
    app.state = State.RECEIVED
    if app.respondent_id:
        app.agency = default_agency(app.respondent)
        if not can_write_unit(context["user"], app.agency):
            raise ValidationError(
                {"respondent": "只有复议机关（机构）的工作人员可以登记行政复议申请。"}
            )


def _after_save(instances: list[Any], context: dict[str, Any]) -> None:
    for app in instances:
        app._actor = context["user"]  # the importing clerk handles the acceptance review
        app.open_review_deadline()


SHEET = Sheet(
    model=Application,
    title="行政复议申请",
    natural_key=("case_number",),
    columns=[
        Column("案号", "case_number", example="确政复〔2024〕1号"),
        Column(
            "申请人",
            "applicant_name",
            required=True,
            example="张三",
            read=lambda a: a.masked_applicant,
        ),
        Column(
            "申请人类型",
            "applicant_kind",
            kind="choice",
            choices=ApplicantKind.choices,
            example="自然人",
        ),
        Column("申请人电话", "applicant_phone", personal="phone", example="13800000000"),
        Column(
            "被申请人", "respondent", kind="unit", required=True, example="确山县市场监督管理局"
        ),
        Column(
            "申请复议的行政行为", "act", required=True, example="确市监罚〔2024〕3号行政处罚决定"
        ),
        Column("行为类别", "act_kind", kind="choice", choices=ActKind.choices, example="行政处罚"),
        Column("申请方式", "channel", kind="choice", choices=Channel.choices, example="当面递交"),
        Column("收到申请日期", "received_on", kind="date", required=True, example="2024-01-31"),
        Column("备注", "note"),
        # Export only: the workflow's progress.
        Column("状态", "state", kind="choice", choices=State.choices, importable=False),
        Column("审理程序", "procedure", kind="choice", choices=Procedure.choices, importable=False),
        Column("受理日期", "accepted_on", kind="date", importable=False),
        Column("审结日期", "closed_on", kind="date", importable=False),
        Column(
            "结案方式", "outcome", kind="choice", choices=ReviewOutcome.choices, importable=False
        ),
        Column("超期审结", "closed_late", kind="bool", importable=False),
    ],
    prepare=_prepare,
    after_save=_after_save,
    bulk=False,
    instructions=[
        "每行登记一件新收到的行政复议申请，导入后状态为“待审查”，并自动开始5个工作日的受理审查期限（行政复议法第30条）。",
        "受理、补正、决定等后续环节请在案件页面逐步办理。",
        "被申请人须为本县（区）所辖单位；以县政府为被申请人的案件由上级受理，请在“上级受理案件”中登记。",
    ],
)
