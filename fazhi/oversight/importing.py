"""The xlsx sheet of suggestions and proposals: the 交办 list a county receives from the
人大常委会 / 政协 each year, imported all or nothing; each row starts its reply period."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError

from fazhi.kit.xlsx import Column, Sheet
from fazhi.org.scope import can_write_unit
from fazhi.oversight.models import Suggestion
from fazhi.oversight.rules import ReplyCategory, Satisfaction, SuggestionKind, SuggestionState


def _prepare(instance: Any, values: dict[str, Any], context: dict[str, Any]) -> None:
    instance.state = SuggestionState.ASSIGNED
    if instance.office_id and not can_write_unit(context["user"], instance.office):
        raise ValidationError({"office": "只有交办机关的工作人员可以交办建议、提案。"})


def _after_save(instances: list[Any], context: dict[str, Any]) -> None:
    for s in instances:
        s.open_reply_deadline()


SHEET = Sheet(
    model=Suggestion,
    title="建议提案",
    natural_key=("unit", "kind", "number", "title"),
    columns=[
        Column(
            "类别",
            "kind",
            kind="choice",
            choices=SuggestionKind.choices,
            required=True,
            example="人大代表建议",
        ),
        Column("编号", "number", example="第15号"),
        Column("案由", "title", required=True, example="关于改善城区停车秩序的建议"),
        Column("代表（委员）", "proposer_name", required=True, personal="name", example="李四"),
        Column("联系电话", "proposer_phone", personal="phone", example="13800000000"),
        Column("交办机关", "office", kind="unit", required=True, example="确山县人民政府"),
        Column("主办单位", "unit", kind="unit", required=True, example="确山县城市管理局"),
        Column("会办单位", "co_units", example="确山县公安局"),
        Column("交办日期", "assigned_on", kind="date", required=True, example="2024-03-20"),
        Column("状态", "state", kind="choice", choices=SuggestionState.choices, importable=False),
        Column("联系日期", "contacted_on", kind="date", importable=False),
        Column("答复日期", "replied_on", kind="date", importable=False),
        Column(
            "答复类别", "category", kind="choice", choices=ReplyCategory.choices, importable=False
        ),
        Column(
            "代表（委员）意见",
            "satisfaction",
            kind="choice",
            choices=Satisfaction.choices,
            importable=False,
        ),
    ],
    prepare=_prepare,
    after_save=_after_save,
    bulk=False,
    instructions=[
        "每行一件交办的人大代表建议或政协委员提案，导入后自动开始3个月的答复期限（代表法第51条）。",
        "联系代表、答复、满意度请在详情页面逐步办理。",
    ],
)
