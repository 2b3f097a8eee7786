"""The xlsx sheet of the reconsideration register: template, import and export.

Import registers new applications (state 待审查) and opens each one's acceptance
review (第30条), all or nothing. Later steps are made on the screens or through the
API, so that every move goes through `apply()`. Export adds the workflow columns and
masks applicants' names.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError

from fazhi.kit.xlsx import Sheet, exports, fields, model_column
from fazhi.org.scope import can_write_unit
from fazhi.reconsideration.models import Application, default_agency
from fazhi.reconsideration.rules import State


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
        model_column(Application, "case_number", "确政复〔2024〕1号"),
        model_column(Application, "applicant_name", "张三", read=lambda a: a.masked_applicant),
        model_column(Application, "applicant_kind", "自然人"),
        model_column(Application, "applicant_phone", "13800000000", personal="phone"),
        *fields(Application, respondent="确山县市场监督管理局",
                act="确市监罚〔2024〕3号行政处罚决定", act_kind="行政处罚", channel="当面递交",
                received_on="2024-01-31", note=""),
        # Export only: the workflow's progress.
        *exports(Application, "state", "procedure", "accepted_on", "closed_on", "outcome",
                 "closed_late"),
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
