"""The xlsx sheet of the litigation register: template, import and export.

Import registers new lawsuits (state 待答辩) and starts each defence period; it is all or
nothing (`core.xlsx.import_file`). Later steps (defence, hearings, judgment) are made on
the screens or through the API, which go through `Lawsuit.apply()`.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError

from fazhi.kit.xlsx import Column, Sheet, exports, fields, model_column, open_deadlines, starting_in
from fazhi.litigation import rules
from fazhi.litigation.models import Lawsuit
from fazhi.litigation.rules import State
from fazhi.org.scope import visible_to
from fazhi.reconsideration.models import Application


def _parse_case_number(raw: Any, context: dict[str, Any]) -> str:
    number = str(rules.parse_case_number(str(raw)))
    seen: set[str] = context.setdefault("_case_numbers", set())
    if number in seen:
        raise ValidationError(f"案号“{number}”在本文件中重复。")
    seen.add(number)
    return number


def _parse_previous(raw: Any, context: dict[str, Any]) -> Lawsuit:
    number = str(rules.parse_case_number(str(raw)))
    found = (
        visible_to(context["user"], Lawsuit.objects.all(), write=True)
        .filter(case_number=number)
        .first()
    )
    if found is None:
        raise ValidationError(f"前审案件“{number}”不存在或不在您的管辖范围内。")
    return found


def _parse_reconsideration(raw: Any, context: dict[str, Any]) -> Any:
    number = str(raw).strip()
    found = visible_to(context["user"], Application.objects.filter(case_number=number)).first()
    if found is None:
        raise ValidationError(f"复议案件“{number}”不存在或不在您的管辖范围内。")
    return found


def _linked_case(title: str, field: str, parse: Any, help: str) -> Column:
    """A column naming a registered case the lawsuit links to (`field`) by its case number."""

    def read(suit: Lawsuit) -> str:
        linked = getattr(suit, field) if getattr(suit, f"{field}_id") else None
        return linked.case_number if linked is not None else ""

    return Column(title, field, kind="custom", parse=parse, read=read, help=help)


def _hearing_summary(suit: Lawsuit) -> str:
    rows = list(suit.hearings.all())
    held = [h for h in rows if h.held]
    appeared = sum(1 for h in held if h.counts_as_appearance)
    return f"开庭{len(held)}次，负责人出庭{appeared}次" if held else ""


SHEET = Sheet(
    model=Lawsuit,
    title="行政应诉案件",
    natural_key=("case_number",),
    columns=[
        *fields(Lawsuit, unit="确山县司法局", court="确山县人民法院"),
        Column(
            "案号",
            "case_number",
            kind="custom",
            required=True,
            parse=_parse_case_number,
            example="（2023）豫1725行初12号",
            help="如（2023）豫1725行初12号；半角括号也可，系统自动规范",
        ),
        *fields(Lawsuit, cause="行政赔偿", act_challenged="确政赔〔2022〕3号不予赔偿决定"),
        model_column(
            Lawsuit,
            "plaintiff_name",
            "苏某某",
            read=lambda s: s.plaintiff_masked,
            help="自然人姓名在导出和列表中脱敏显示",
        ),
        model_column(Lawsuit, "filed_on", "2023-03-01"),
        model_column(
            Lawsuit, "received_on", "2023-03-06", help="答辩期15日自次日起算（行政诉讼法第67条）"
        ),
        _linked_case("前审案号", "previous", _parse_previous, "二审、再审案件填写原审案号（须已登记）"),
        _linked_case(
            "关联复议案号",
            "reconsideration",
            _parse_reconsideration,
            "经复议后起诉的，填写复议案号（须已在行政复议中登记）",
        ),
        model_column(Lawsuit, "note"),
        # Export only: the workflow's results.
        *exports(Lawsuit, "instance", "state", "defended_on"),
        Column("庭审情况", "hearings", importable=False, read=_hearing_summary),
        *exports(Lawsuit, "outcome", "result", "closed_on"),
    ],
    prepare=starting_in(State.RECEIVED),
    after_save=open_deadlines,
    bulk=False,  # row by row, so each new case is audited and gets its deadline
    instructions=[
        "每行登记一件行政应诉案件（本机关为被告）；导入后状态为“待答辩”，并自动开始答辩期计算。",
        "答辩、开庭、裁判结果请在案件页面逐项登记。",
    ],
)
