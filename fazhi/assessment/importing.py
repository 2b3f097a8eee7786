"""The xlsx sheet of manual scores: template, all-or-nothing import, export.

One row is one manual score: the system's code, the assessed unit, the year, the rule's
number, the points, the note and a link to the evidence (a file cannot travel in a cell;
attach files on the screen). The sheet must exist, be in scoring and be the importing
user's to assess; the rule must be a manual rule of that system.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Max, QuerySet

from fazhi.assessment.models import ManualScore, ScoreSheet, System
from fazhi.assessment.rules import Method, NodeKind
from fazhi.assessment.services import after_import, check_import_sheet
from fazhi.kit.xlsx import Column, Sheet, fields


def _system(raw: Any, context: dict[str, Any]) -> System:
    code = str(raw).strip()
    cache: dict[str, System | None] = context.setdefault("_systems", {})
    if code not in cache:
        cache[code] = System.objects.filter(code=code).first()
    system = cache[code]
    if system is None:
        raise ValidationError(f"指标体系代码“{code}”不存在。")
    return system


def prepare(instance: ManualScore, values: dict[str, Any], context: dict[str, Any]) -> None:
    system, unit, year, number = (values.get(k) for k in ("_system", "_unit", "_year", "_rule"))
    instance.entered_by = context["user"]
    if system is None or unit is None or year is None or not number:
        # The cells' own errors are reported already; an empty error skips the row's
        # model validation, which would only add "sheet/rule missing" to them.
        raise ValidationError({})
    sheet = (
        ScoreSheet.objects.filter(system=system, unit=unit, year=year)
        .select_related("assessor", "unit")
        .first()
    )
    if sheet is None:
        raise ValidationError(
            {"_unit": f"“{unit.name}”{year}年度没有按“{system.name}”的评分表，请先建表。"}
        )
    try:
        check_import_sheet(sheet, context["user"])
    except ValidationError as exc:
        raise ValidationError({"_unit": exc.messages}) from exc
    node = system.nodes.filter(number=str(number).strip()).first()
    if node is None:
        raise ValidationError({"_rule": f"指标体系中没有编号为“{number}”的规则。"})
    if node.kind != NodeKind.RULE or node.method != Method.MANUAL:
        raise ValidationError({"_rule": f"“{node}”不是人工评分规则。"})
    seen: dict[tuple[int, int], bool] = context.setdefault("_seen", {})
    if (sheet.pk, node.pk) in seen:
        raise ValidationError(
            {"_rule": f"规则{node.number}在本文件中对“{unit.name}”{year}年度已评过一次。"}
        )
    seen[(sheet.pk, node.pk)] = True
    instance.sheet = sheet
    instance.node = node


def _key(
    header: str, name: str, kind: str, example: Any, read: Callable[[Any], Any], **more: Any
) -> Column:
    """A required cell of the row's key: which sheet (system, unit, year) and which rule
    the score is for; `prepare` finds them, the export reads them back from the entry."""
    return Column(header, name, kind=kind, required=True, example=example, read=read, **more)


def _after(saved: list[Any], context: dict[str, Any]) -> None:
    after_import(saved)


SHEET = Sheet(
    model=ManualScore,
    title="人工评分",
    columns=[
        _key("指标体系代码", "_system", "custom", "shifan-2021", lambda m: m.sheet.system.code,
             parse=_system),
        _key("被考核单位", "_unit", "unit", "确山县司法局", lambda m: m.sheet.unit.name),
        _key("考核年度", "_year", "int", 2022, lambda m: m.sheet.year),
        _key("规则编号", "_rule", "text", "1.1", lambda m: m.node.number),
        Column("规则名称", "_title", importable=False, read=lambda m: m.node.title),
        *fields(ManualScore, points=2, note="查阅了审批系统2022年办件记录，未发现超时限办结。",
                link="https://example.gov.cn/evidence/1"),
        Column(
            "评分人",
            "_by",
            importable=False,
            personal="name",
            read=lambda m: (
                (m.entered_by.full_name or m.entered_by.username) if m.entered_by else ""
            ),
        ),
        Column(
            "评分时间",
            "_at",
            importable=False,
            read=lambda m: m.entered_at.strftime("%Y-%m-%d %H:%M"),
        ),
    ],
    prepare=prepare,
    after_save=_after,
    bulk=False,
    instructions=[
        "每行为一项人工评分规则的得分；自动评分项由系统根据台账计算，不能导入。",
        "须附证明材料的规则，请填写评分说明和材料链接（附件请在评分页面上传）。",
        "评分表须已建立、处于“评分中”状态，且您所在单位为其考核单位。",
    ],
)


def latest_scores(qs: QuerySet[ManualScore]) -> QuerySet[ManualScore]:
    """Only the entry that counts (the latest) for each sheet and rule."""
    ids = qs.values("sheet_id", "node_id").annotate(last=Max("id")).values("last")
    return qs.filter(pk__in=ids)
