"""The annual report on law-based government (法治政府建设年度报告).

A `ReportTemplate` fixes which of the five kinds of section a government uses and in
what order (the seeds show several orders); an `AnnualReport` is one unit's report for
one year, made of `ReportSection`s whose staff-written narrative carries placeholders
(`{{recon_received}}`) that code fills from the indicator engine. `ReportFigure` holds a
figure staff enter by hand where no register feeds it yet, with its source.

A report is a draft until it is issued; an issued report is frozen (its figures are
copied into `figures`) and nothing about it may change afterwards.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone

from fazhi.core.models import Versioned, optional_link, unique
from fazhi.core.records import annual_meta, record_meta
from fazhi.core.workflow import TransitionNotAllowed, Workflow
from fazhi.deadlines.services import meet_deadline
from fazhi.org.scope import ScopedQuerySet
from fazhi.reports.outline import THEMES
from fazhi.reports.rules import FROZEN, PERIOD, TRANSITIONS, Status


class SectionKind(models.TextChoices):
    # The five kinds of section (DOMAIN.md; 《法治政府建设与责任落实督察工作规定》第25条 [M]).
    PRINCIPALS = "principals", "党政主要负责人履行推进法治建设第一责任人职责情况"
    MEASURES = "measures", "推进法治政府建设的主要举措和成效"
    SHORTCOMINGS = "shortcomings", "存在的不足和原因"
    PLANS = "plans", "下一年度推进法治政府建设的主要安排"
    OTHER = "other", "其他需要报告的情况"


# The order the 督察规定 lists them in as commonly cited; templates may reorder.
DEFAULT_ORDER = [
    SectionKind.MEASURES,
    SectionKind.SHORTCOMINGS,
    SectionKind.PRINCIPALS,
    SectionKind.PLANS,
    SectionKind.OTHER,
]

# Default headings; {year} is the reported year, {next_year} the one after.
DEFAULT_HEADINGS = {
    SectionKind.PRINCIPALS: "党政主要负责人履行推进法治建设第一责任人职责情况",
    SectionKind.MEASURES: "{year}年推进法治政府建设的主要举措和成效",
    SectionKind.SHORTCOMINGS: "存在的不足和原因",
    SectionKind.PLANS: "{next_year}年推进法治政府建设的主要安排",
    SectionKind.OTHER: "其他需要报告的情况",
}


class ReportIssued(ValidationError):
    """An attempt to change an issued report."""

    def __init__(self) -> None:
        super().__init__("报告已印发，不能再修改。如需更正，请另行起草。", code="issued")


def publication_deadline(year: int) -> date:
    """The last day to publish the report on `year`: before 1 April of the next year.

    《法治政府建设与责任落实督察工作规定》第25、26条 [M, statutes.md §6]: reported in the
    first quarter and published before 1 April.
    """
    return date(year + 1, 3, 31)


class ReportTemplate(models.Model):
    name = models.CharField("模板名称", max_length=100)
    unit = models.ForeignKey(
        "org.Unit",
        verbose_name="适用单位",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        help_text="留空表示所有单位都可使用。",
    )
    order = models.JSONField(
        "章节顺序", default=list, blank=True, help_text="五类章节代码的顺序；留空用默认顺序。"
    )
    headings = models.JSONField(
        "章节标题",
        default=dict,
        blank=True,
        help_text="章节代码 → 标题；可用 {year}（报告年度）与 {next_year}（下一年度）。",
    )
    themes = models.JSONField(
        "专题与句式",
        default=list,
        blank=True,
        help_text="初稿各部分的专题（小标题）和由记录生成的句子，格式见 fazhi/reports/outline.py；留空用默认大纲。",
    )

    Meta = record_meta("年度报告模板")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        kinds = list(self.order or [])
        unknown = [k for k in kinds if k not in SectionKind.values]
        if unknown:
            raise ValidationError({"order": f"未知章节代码：{'、'.join(map(str, unknown))}。"})
        if len(set(kinds)) != len(kinds):
            raise ValidationError({"order": "章节代码不能重复。"})
        bad = [k for k in (self.headings or {}) if k not in SectionKind.values]
        if bad:
            raise ValidationError({"headings": f"未知章节代码：{'、'.join(bad)}。"})
        if self.themes:
            # compose.py reads SectionKind from this module: imported here, not at the top.
            from fazhi.reports.compose import check_themes

            problems = check_themes(self.themes)
            if problems:
                raise ValidationError({"themes": problems})

    def outline(self) -> list[dict]:
        """The themes of the first draft: this template's, else the default outline."""
        return list(self.themes or THEMES)

    def kinds(self) -> list[str]:
        return [str(k) for k in (self.order or DEFAULT_ORDER)]

    def heading(self, kind: str, year: int) -> str:
        text = (self.headings or {}).get(kind) or DEFAULT_HEADINGS[SectionKind(kind)]
        return text.replace("{year}", str(year)).replace("{next_year}", str(year + 1))


def default_heading(kind: str, year: int) -> str:
    return ReportTemplate(name="").heading(kind, year)


class AnnualReportQuerySet(ScopedQuerySet["AnnualReport"]):
    def drafts(self) -> AnnualReportQuerySet:
        return self.filter(status=Status.DRAFT)


class AnnualReport(Workflow):
    transitions = TRANSITIONS
    state_field = "status"

    unit = models.ForeignKey("org.Unit", verbose_name="报告单位", on_delete=models.PROTECT)
    year = models.PositiveSmallIntegerField("报告年度")
    template = models.ForeignKey(
        ReportTemplate, verbose_name="模板", null=True, blank=True, on_delete=models.SET_NULL
    )
    title = models.CharField("标题", max_length=200)
    issuer_mark = models.CharField("发文机关标志", max_length=100, blank=True)
    doc_number = models.CharField(
        "发文字号", max_length=50, blank=True, help_text="如 确政文〔2023〕47号"
    )
    addressee = models.CharField("主送机关", max_length=200, blank=True)
    signature = models.CharField("署名（发文机关）", max_length=100, blank=True)
    dated = models.DateField("成文日期", null=True, blank=True)
    intro = models.TextField(
        "导语", blank=True, help_text="正文开头、各章节之前的段落；可插入 {{指标代码}}。"
    )
    copy_to = models.CharField("抄送", max_length=300, blank=True, help_text="多个机关用顿号分隔")
    printed_by = models.CharField("印发机关", max_length=100, blank=True)
    printed_on = models.DateField("印发日期", null=True, blank=True)
    status = models.CharField("状态", max_length=10, choices=Status.choices, default=Status.DRAFT)
    issued_at = models.DateTimeField("印发时间", null=True, blank=True)
    issued_by = optional_link(settings.AUTH_USER_MODEL, "印发人")
    figures = models.JSONField("印发时的数据", default=dict, blank=True)
    published_on = models.DateField("公开日期", null=True, blank=True)

    objects = AnnualReportQuerySet.as_manager()

    Meta = annual_meta("法治政府建设年度报告", "reports_one_per_unit_year")

    def __str__(self) -> str:
        return self.title or f"{self.unit}{self.year}年法治政府建设年度报告"

    def get_absolute_url(self) -> str:
        return reverse("reports:detail", args=[self.pk])

    @property
    def is_issued(self) -> bool:
        return self.status in FROZEN

    # --- workflow hooks (rules.TRANSITIONS; called by Workflow.apply) ---

    def on_issue(self, *, on: date, by: Any, note: str = "") -> None:
        # annual.py and validation.py import this module: imported here, not at the top.
        from fazhi.reports import annual
        from fazhi.reports.validation import validate

        result = validate(self, today=on)
        if not result.ok:
            raise TransitionNotAllowed(result.messages())
        values = annual.effective_values(self)
        self.figures = {code: None if v is None else str(v) for code, v in values.items()}
        self.issued_at = timezone.now()
        self.issued_by = by if getattr(by, "is_authenticated", False) else None
        self._unfreezing = True

    def on_publish(self, *, on: date, by: Any, note: str = "") -> None:
        self.published_on = on
        self._unfreezing = True

    def after_apply(self, action: str, *, on: date, by: Any) -> None:
        self._unfreezing = False
        if action == "publish":
            meet_deadline(self, PERIOD, on=on)

    @property
    def deadline(self) -> date:
        return publication_deadline(self.year)

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None and not getattr(self, "_unfreezing", False):
            stored = (
                AnnualReport.objects.filter(pk=self.pk).values_list("status", flat=True).first()
            )
            if stored in FROZEN:
                raise ReportIssued()
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        if self.is_issued:
            raise ReportIssued()
        return super().delete(*args, **kwargs)


class DraftPart(models.Model):
    """A row of a report (a section, a figure entered by hand): written or deleted only
    while its report (`report_id`) is a draft."""

    report_id: int | None

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        self._ensure_draft()
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        self._ensure_draft()
        return super().delete(*args, **kwargs)

    def _ensure_draft(self) -> None:
        if (
            self.report_id
            and AnnualReport.objects.filter(pk=self.report_id, status__in=FROZEN).exists()
        ):
            raise ReportIssued()


class ReportSection(DraftPart, Versioned):
    """One part of the report; two people editing it cannot overwrite each other
    (`Versioned`), and every saved text is kept (`SectionRevision`)."""

    report = models.ForeignKey(AnnualReport, on_delete=models.CASCADE, related_name="sections")
    kind = models.CharField("章节类别", max_length=20, choices=SectionKind.choices)
    position = models.PositiveSmallIntegerField("顺序", default=0)
    heading = models.CharField("标题", max_length=200)
    text = models.TextField(
        "正文",
        blank=True,
        help_text="每段一行；以“（一）”开头的行为二级标题。可插入 {{指标代码}}，由系统按中文格式填入数值。",
    )

    scope_field = "report__unit"

    Meta = record_meta("报告章节", ordering=["report", "position", "pk"])

    def __str__(self) -> str:
        return self.heading


class SectionRevision(models.Model):
    """A section's text as one person saved it: who changed what, and when."""

    section = models.ForeignKey(ReportSection, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField("版本号")
    heading = models.CharField("标题", max_length=200)
    text = models.TextField("正文", blank=True)
    changed_by = optional_link(settings.AUTH_USER_MODEL, "修改人")
    changed_at = models.DateTimeField("修改时间", default=timezone.now)
    note = models.CharField("说明", max_length=100, blank=True)

    scope_field = "section__report__unit"

    class Meta:
        verbose_name = verbose_name_plural = "报告章节版本"
        ordering = ["section", "-number"]
        constraints = [
            unique("section", "number", name="reports_one_revision_number")
        ]

    def __str__(self) -> str:
        return f"{self.section.heading} 第{self.number}版"

    @property
    def who(self) -> str:
        user = self.changed_by
        return (getattr(user, "full_name", "") or user.username) if user is not None else "系统"


class ReportFigure(DraftPart):
    """A figure entered by hand for a code no register computes yet (or corrects one)."""

    report = models.ForeignKey(
        AnnualReport, on_delete=models.CASCADE, related_name="manual_figures"
    )
    code = models.CharField("指标代码", max_length=60)
    value = models.DecimalField("数值", max_digits=14, decimal_places=2)
    source = models.CharField(
        "数据来源", max_length=200, help_text="如：县法院2022年行政案件统计表"
    )

    scope_field = "report__unit"

    class Meta:
        verbose_name = verbose_name_plural = "手工填报数据"
        constraints = [
            unique("report", "code", name="reports_one_figure_per_code")
        ]

    def __str__(self) -> str:
        return f"{self.code} = {self.value}"
