"""Assessment (法治政府建设考核 · 示范创建): indicator systems as data and score sheets.

A `System` (考核指标体系) is loaded from a file (`loader.py`, `fazhi assessment_load`) as
a tree of `Node`s: areas (领域) → items (项目) → rules (评分规则), each with its points.
A rule is scored automatically from an indicator of the catalogue (a threshold or a
deduction, `scoring.py`) or by the assessor with evidence.

A `ScoreSheet` (考核评分表) scores one unit for one year against one system. It belongs to
the assessed unit (scope: its readers see it) and names the assessing unit (`assessor`,
by default the unit above): only the assessor's writers score, submit and confirm it.
Automatic scores (`AutoScore`) keep the indicator value they used and when it was
computed; manual scores (`ManualScore`) are kept as a history of entries, the latest
one counting, each with its note, link and/or attached file (`Evidence`).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from fazhi.assessment import rules
from fazhi.assessment.rules import AUTOMATIC, Method, NoData, NodeKind, State
from fazhi.assessment.scoring import ManualScoreInvalid, fmt, manual
from fazhi.core.models import (
    DetailPage,
    ScopedRecord,
    optional_link,
    state_field,
    unique,
    unit_link,
)
from fazhi.core.records import record_meta
from fazhi.core.workflow import TransitionNotAllowed, Workflow
from fazhi.org.scope import ScopedQuerySet, can_write_unit

POINTS = {"max_digits": 7, "decimal_places": 2}


class System(DetailPage, models.Model):
    detail_url = "assessment:system"
    code = models.SlugField("体系代码", max_length=60, unique=True)
    name = models.CharField("指标体系名称", max_length=200)
    year = models.PositiveSmallIntegerField("发布年度")
    version = models.CharField("版本", max_length=40, blank=True)
    source = models.TextField("来源", blank=True)
    note = models.TextField("说明", blank=True, help_text="来源差异、分值口径等，取自文件头。")
    total_points = models.DecimalField("总分", **POINTS, default=Decimal(0))
    file_name = models.CharField("载入文件", max_length=255, blank=True)
    file_sha256 = models.CharField("文件校验值", max_length=64, blank=True)
    loaded_at = models.DateTimeField("载入时间", auto_now=True)

    scope_field = ""  # reference data: not owned by a unit

    Meta = record_meta("考核指标体系", ordering=["-year", "code"])

    def __str__(self) -> str:
        return self.name

    def rules(self) -> models.QuerySet[Node]:
        return self.nodes.filter(kind=NodeKind.RULE)


class Node(models.Model):
    """One node of a system's tree. Areas and items only group; rules are scored."""

    system = models.ForeignKey(
        System, verbose_name="指标体系", on_delete=models.CASCADE, related_name="nodes"
    )
    parent = optional_link("self", "上级", on_delete=models.CASCADE, related_name="children")
    kind = models.CharField("层级", max_length=10, choices=NodeKind.choices)
    number = models.CharField("编号", max_length=30)
    title = models.CharField("名称", max_length=300)
    points = models.DecimalField("分值", **POINTS)
    sort_order = models.PositiveIntegerField("排序", default=0)
    line = models.PositiveIntegerField("文件行号", default=0)
    standard = models.TextField("评分标准", blank=True)
    # Rules only.
    method = models.CharField("评分方式", max_length=20, choices=Method.choices, blank=True)
    indicator = models.CharField("指标代码", max_length=60, blank=True)
    full_at = models.DecimalField("满分线", max_digits=12, decimal_places=4, null=True, blank=True)
    zero_at = models.DecimalField("零分线", max_digits=12, decimal_places=4, null=True, blank=True)
    higher_is_better = models.BooleanField("数值越高越好", default=True)
    per = models.DecimalField("每个扣分", max_digits=7, decimal_places=2, null=True, blank=True)
    no_data = models.CharField(
        "无数据时", max_length=10, choices=NoData.choices, default=NoData.FULL
    )
    evidence_required = models.BooleanField("须附证明材料", default=True)

    scope_field = ""

    class Meta:
        verbose_name = verbose_name_plural = "考核指标"
        ordering = ["system", "sort_order"]
        constraints = [unique("system", "number", name="assessment_node_number_unique")]

    def __str__(self) -> str:
        return f"{self.number} {self.title}"

    @property
    def is_rule(self) -> bool:
        return self.kind == NodeKind.RULE

    @property
    def is_automatic(self) -> bool:
        return self.method in AUTOMATIC

    def method_text(self) -> str:
        """The rule in one Chinese sentence, for screens and exports."""
        if self.method == Method.THRESHOLD:
            cmp_full, cmp_zero = ("≥", "≤") if self.higher_is_better else ("≤", "≥")
            return (
                f"指标 {self.indicator}：{cmp_full}{fmt(self.full_at)} 得满分，{cmp_zero}{fmt(self.zero_at)} 不得分，"
                f"其间按比例；{self.get_no_data_display()}"
            )
        if self.method == Method.DEDUCTION:
            return f"指标 {self.indicator}：每个扣{fmt(self.per)}分，扣完为止；{self.get_no_data_display()}"
        return "人工评分" + ("，须附证明材料" if self.evidence_required else "")


class ScoreSheetQuerySet(ScopedQuerySet["ScoreSheet"]):
    def for_year(self, year: int) -> ScoreSheetQuerySet:
        return self.filter(year=year)


class ScoreSheet(DetailPage, Workflow):
    detail_url = "assessment:detail"
    system = models.ForeignKey(
        System, verbose_name="指标体系", on_delete=models.PROTECT, related_name="sheets"
    )
    unit = unit_link("被考核单位")
    assessor = unit_link("考核单位", help_text="负责评分、确认的单位，默认为被考核单位的上级。")
    year = models.PositiveSmallIntegerField("考核年度")
    state = state_field(State, State.DRAFT)
    total = models.DecimalField("总分", **POINTS, default=Decimal(0))
    computed_at = models.DateTimeField("自动评分时间", null=True, blank=True)
    submitted_on = models.DateField("提交日期", null=True, blank=True)
    confirmed_on = models.DateField("确认日期", null=True, blank=True)
    note = models.TextField("考核评语", blank=True)
    created_on = models.DateField("建表日期")

    objects = ScoreSheetQuerySet.as_manager()
    transitions = rules.TRANSITIONS

    class Meta:
        verbose_name = verbose_name_plural = "考核评分表"
        ordering = ["-year", "assessor__path", "-total", "unit__sort_order", "unit__path"]
        constraints = [unique("system", "unit", "year", name="assessment_sheet_unique")]

    def __str__(self) -> str:
        return f"{self.unit.name} {self.year}年度考核评分表"

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.unit_id and self.assessor_id:
            if self.unit_id == self.assessor_id or not self.unit.path.startswith(
                self.assessor.path
            ):
                errors["assessor"] = "考核单位须为被考核单位的上级单位。"
        if self.year and not 1990 <= self.year <= 2100:
            errors["year"] = f"考核年度{self.year}无效。"
        if errors:
            raise ValidationError(errors)

    # -- who may do what

    def is_assessor(self, user: Any) -> bool:
        return can_write_unit(user, self.assessor)

    def check_assessor(self, user: Any) -> None:
        if not self.is_assessor(user):
            raise TransitionNotAllowed(
                f"考核评分须由考核单位（{self.assessor.name}）办理，被考核单位只能查看。"
            )

    def check_editable(self) -> None:
        if self.state not in rules.EDITABLE:
            raise TransitionNotAllowed(
                f"评分表当前状态为“{self.get_state_display()}”，不能修改评分；如需修改请先退回。"
            )

    @property
    def editable(self) -> bool:
        return self.state in rules.EDITABLE

    def allowed_actions(self, user: Any) -> list[Any]:
        return super().allowed_actions(user) if self.is_assessor(user) else []

    def apply(self, action: str, *, by: Any, on: date, note: str = "", **data: Any) -> None:
        if action in self.transitions:
            self.check_assessor(by)
        super().apply(action, by=by, on=on, note=note, **data)

    def last_event_date(self) -> date | None:
        found = [d for d in (self.created_on, self.submitted_on) if d is not None]
        return max(found) if found else None

    def on_submit(self, *, on: date, **_: Any) -> None:
        if self.missing_manual():
            names = "、".join(n.number for n in self.missing_manual()[:10])
            raise TransitionNotAllowed(f"尚有人工评分项未评分（{names}），不能提交。")
        self.submitted_on = on

    def on_send_back(self, *, on: date, **_: Any) -> None:
        self.submitted_on = None

    def on_confirm(self, *, on: date, **_: Any) -> None:
        self.confirmed_on = on

    def missing_manual(self) -> list[Node]:
        scored = set(self.manual_scores.values_list("node_id", flat=True))
        return [n for n in self.system.rules().filter(method=Method.MANUAL) if n.pk not in scored]


class AutoScore(models.Model):
    """The automatic score of one rule: the indicator value used and when."""

    sheet = models.ForeignKey(
        ScoreSheet, verbose_name="评分表", on_delete=models.CASCADE, related_name="auto_scores"
    )
    node = models.ForeignKey(
        Node, verbose_name="评分规则", on_delete=models.PROTECT, related_name="+"
    )
    value = models.DecimalField("指标值", max_digits=16, decimal_places=4, null=True, blank=True)
    points = models.DecimalField("得分", **POINTS)
    explanation = models.CharField("计分说明", max_length=300)
    computed_at = models.DateTimeField("计算时间")

    scope_field = "sheet__unit"

    class Meta:
        verbose_name = verbose_name_plural = "自动评分"
        constraints = [unique("sheet", "node", name="assessment_auto_unique")]

    def __str__(self) -> str:
        return f"{self.node.number}：{self.points}分"


class Evidence(models.Model):
    """An attached file, kept in the database so it travels with backups and cannot be
    swapped on disk behind the audit trail (which records its SHA-256)."""

    name = models.CharField("文件名", max_length=255)
    content_type = models.CharField("类型", max_length=100)
    size = models.PositiveIntegerField("大小")
    sha256 = models.CharField("校验值", max_length=64)
    data = models.BinaryField("内容")

    Meta = record_meta("证明材料")

    def __str__(self) -> str:
        return self.name


class ManualScore(ScopedRecord):
    """One entry of the assessor's score for a manual rule; the latest entry counts."""

    sheet = models.ForeignKey(
        ScoreSheet, verbose_name="评分表", on_delete=models.CASCADE, related_name="manual_scores"
    )
    node = models.ForeignKey(
        Node, verbose_name="评分规则", on_delete=models.PROTECT, related_name="+"
    )
    points = models.DecimalField("得分", **POINTS)
    note = models.TextField("评分说明", blank=True)
    link = models.URLField("材料链接", max_length=500, blank=True)
    evidence = optional_link(Evidence, "附件")
    evidence_sha256 = models.CharField("附件校验值", max_length=64, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="评分人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    entered_at = models.DateTimeField("评分时间", auto_now_add=True)

    scope_field = "sheet__unit"

    class Meta:
        verbose_name = verbose_name_plural = "人工评分"
        ordering = ["sheet", "node__sort_order", "-entered_at", "-id"]
        indexes = [models.Index(fields=["sheet", "node", "-id"])]

    def __str__(self) -> str:
        return f"{self.node.number}：{self.points}分"

    def clean(self) -> None:
        if not (self.sheet_id and self.node_id):
            return
        errors: dict[str, str] = {}
        if self.node.system_id != self.sheet.system_id:
            errors["node"] = f"规则{self.node.number}不属于本评分表的指标体系。"
        elif self.node.kind != NodeKind.RULE or self.node.method != Method.MANUAL:
            errors["node"] = f"“{self.node}”不是人工评分规则（自动评分项由系统计算）。"
        else:
            try:
                manual(
                    self.points,
                    self.node.points,
                    note=self.note,
                    link=self.link,
                    has_attachment=self.evidence_id is not None,
                    evidence_required=self.node.evidence_required,
                )
            except ManualScoreInvalid as exc:
                errors["points" if "得分" in str(exc) else "note"] = str(exc)
        if errors:
            raise ValidationError(errors)
