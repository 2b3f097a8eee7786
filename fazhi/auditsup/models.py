"""Audit supervision: audit projects, project checks (项目稽查) and settlement reviews.

Plain records without a workflow, each entered when it happened. Amounts are in 元; the
indicators report them in 万元.
"""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models

from fazhi.auditsup.rules import AuditKind, amount_cut, amount_errors
from fazhi.core.models import DatedRecord, unit_link
from fazhi.core.records import dated_meta

MONEY = {"max_digits": 16, "decimal_places": 2}


class AuditProject(DatedRecord):
    """An audit of a unit (or of a project it owns) by an auditing body."""

    search_fields = ("title",)  # what the list's search box matches (core.search)
    unit = unit_link("被审计单位")
    auditing_body = models.CharField("审计机关", max_length=100, default="县审计局")
    year = models.PositiveSmallIntegerField("审计年度")
    kind = models.CharField("审计类型", max_length=30, choices=AuditKind.choices)
    title = models.CharField("审计项目名称", max_length=200)
    started_on = models.DateField("进点日期")
    reported_on = models.DateField("出具审计报告日期", null=True, blank=True)
    findings = models.TextField("主要问题", blank=True)
    problem_amount = models.DecimalField("查出问题金额（元）", default=Decimal(0), **MONEY)
    rectified_amount = models.DecimalField("已整改金额（元）", default=Decimal(0), **MONEY)

    event_dates = ("started_on", "reported_on")

    class Meta:
        verbose_name = verbose_name_plural = "审计项目"
        ordering = ["-year", "-started_on", "-id"]
        indexes = [models.Index(fields=["unit", "year"])]

    def __str__(self) -> str:
        return f"{self.year}年 {self.title}"

    def record_errors(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        if self.year and not 2000 <= self.year <= 2100:
            errors["year"] = f"审计年度“{self.year}”无效。"
        if self.started_on and self.reported_on and self.reported_on < self.started_on:
            errors["reported_on"] = "出具审计报告日期早于进点日期。"
        for name in ("problem_amount", "rectified_amount"):
            value = getattr(self, name)
            if value is not None and value < 0:
                errors[name] = "金额不能为负数。"
        if (
            "problem_amount" not in errors
            and "rectified_amount" not in errors
            and self.problem_amount is not None
            and self.rectified_amount is not None
            and self.rectified_amount > self.problem_amount
        ):
            errors["rectified_amount"] = "已整改金额不能大于查出问题金额。"
        return errors


class ProjectCheck(DatedRecord):
    """A check (稽查) of a government-invested project."""

    search_fields = ("project",)  # what the list's search box matches (core.search)
    unit = unit_link("项目单位")
    project = models.CharField("项目名称", max_length=200)
    checked_on = models.DateField("稽查日期")
    body = models.CharField("稽查机关", max_length=100, default="县审计局")
    issues = models.PositiveIntegerField("发现问题（个）", default=0)
    findings = models.TextField("稽查结论", blank=True)

    event_dates = ("checked_on",)

    Meta = dated_meta("项目稽查", "checked_on")

    def __str__(self) -> str:
        return f"{self.checked_on:%Y-%m-%d} {self.project}"


class SettlementReview(DatedRecord):
    """The review of one project's settlement: submitted, approved, and the cut."""

    search_fields = ("project",)  # what the list's search box matches (core.search)
    unit = unit_link("建设单位")
    project = models.CharField("项目名称", max_length=200)
    reviewed_on = models.DateField("审定日期")
    reviewer = models.CharField("审核机构", max_length=100, default="县审计局")
    submitted_amount = models.DecimalField("送审金额（元）", **MONEY)
    approved_amount = models.DecimalField("审定金额（元）", **MONEY)
    # 送审 − 审定, kept as a column so that the indicators sum it in SQL; never entered.
    amount_cut = models.DecimalField("核减金额（元）", editable=False, default=Decimal(0), **MONEY)
    note = models.CharField("说明", max_length=300, blank=True)

    event_dates = ("reviewed_on",)

    Meta = dated_meta("结算审核", "reviewed_on")

    def __str__(self) -> str:
        return f"{self.reviewed_on:%Y-%m-%d} {self.project}"

    def save(self, *args: object, **kwargs: object) -> None:
        errors = amount_errors(self.submitted_amount, self.approved_amount)
        if errors:  # the guard for writes that skipped full_clean()
            raise ValidationError(errors)
        self.compute_cut()
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def compute_cut(self) -> None:
        if self.submitted_amount is not None and self.approved_amount is not None:
            self.amount_cut = amount_cut(
                Decimal(self.submitted_amount), Decimal(self.approved_amount)
            )

    def record_errors(self) -> dict[str, str]:
        return amount_errors(self.submitted_amount, self.approved_amount)

    def clean(self) -> None:
        super().clean()
        self.compute_cut()
