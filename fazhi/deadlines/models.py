"""Statutory periods as data, and the deadlines any register's records open.

A `Period` is a row of statutes.md Appendix A (loaded by migration 0002); a
`Deadline` ties one period to one record of any register through a generic relation,
stores its computed due date (so lists filter and sort in SQL), and keeps its pauses
and extensions as child rows. Registers use `fazhi.deadlines.services`, not these
models directly.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse

from fazhi.deadlines import arithmetic as ar
from fazhi.org.scope import ScopedQuerySet
from fazhi.workdays.calendar import WorkCalendar
from fazhi.workdays.services import get_calendar


class Mode(models.TextChoices):
    DAYS = ar.DAYS, "日（自然日）"
    WORKDAYS = ar.WORKDAYS, "工作日"
    MONTHS = ar.MONTHS, "月"
    YEARS = ar.YEARS, "年"
    HOURS = ar.HOURS, "小时"
    DATE = ar.DATE, "固定日期"


class ExtensionMode(models.TextChoices):
    DAYS = ar.DAYS, "日（自然日）"
    WORKDAYS = ar.WORKDAYS, "工作日"
    MONTHS = ar.MONTHS, "月"


class Direction(models.TextChoices):
    AFTER = ar.AFTER, "起算事件之后"
    BEFORE = ar.BEFORE, "事件之前（如开庭、听证前）"


class Confidence(models.TextChoices):
    CONFIRMED = "C", "C：已核对法条原文"
    MEMORY = "M", "M：默认值，待按本地规定核对"


class PeriodQuerySet(models.QuerySet["Period"]):
    def in_force(self, on: dt.date) -> PeriodQuerySet:
        """The versions in force on `on` (no start date: in force since before any record)."""
        return self.filter(
            Q(effective_from__isnull=True) | Q(effective_from__lte=on),
            Q(effective_until__isnull=True) | Q(effective_until__gte=on),
        )


class Period(models.Model):
    """One statutory period in one law version: law, article, start event, length, how to count.

    A code has one row per law version; `effective_from`/`effective_until` say when
    each applies (a case takes the version in force on its law date, e.g. the day a
    行政复议 application was received, 行政复议法 第90条).
    """

    scope_field = ""  # reference data for the whole system

    code = models.SlugField("代码", max_length=64, db_index=True)
    law_version = models.CharField("法律版本", max_length=100, blank=True)
    effective_from = models.DateField("施行日期", null=True, blank=True)
    effective_until = models.DateField(
        "失效日期", null=True, blank=True, help_text="该版本适用的最后一日；空白为现行有效"
    )
    name = models.CharField("名称", max_length=100)
    law = models.CharField("法律依据", max_length=200)
    article = models.CharField("条款", max_length=100, blank=True)
    start_event = models.CharField("起算事件", max_length=100)
    length = models.PositiveIntegerField(
        "期限长度", help_text="固定日期方式下为起算日所在年度之后的年数（通常为 1）"
    )
    mode = models.CharField("计算方式", max_length=10, choices=Mode.choices)
    fixed_month_day = models.CharField(
        "固定日期（月-日）", max_length=5, blank=True, help_text="如 03-31，仅用于固定日期方式"
    )
    direction = models.CharField(
        "方向", max_length=10, choices=Direction.choices, default=Direction.AFTER
    )
    first_day_counts = models.BooleanField(
        "起算日当日计入", default=False, help_text="民事诉讼法第85条：一般不计入"
    )
    extension_length = models.PositiveIntegerField("可延长期限", null=True, blank=True)
    extension_mode = models.CharField(
        "延长计算方式", max_length=10, choices=ExtensionMode.choices, blank=True
    )
    extension_from_start = models.BooleanField(
        "延长后自起算日计算",
        default=False,
        help_text="如代表法“自交办之日起6个月内”：可延长期限为自起算日起的总长度，而不是在原期限届满后接续",
    )
    max_extensions = models.PositiveSmallIntegerField("最多延长次数", default=0)
    pauses_on = models.CharField("暂停（不计入）情形", max_length=300, blank=True)
    confidence = models.CharField(
        "可信度", max_length=1, choices=Confidence.choices, default=Confidence.CONFIRMED
    )
    source = models.CharField("来源", max_length=300, blank=True)
    notes = models.TextField("说明", blank=True)
    active = models.BooleanField("启用", default=True)

    objects = PeriodQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "法定期限"
        ordering = ["code", "effective_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["code", "effective_from"], name="period_one_version_per_start"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name}（{self.basis}）"

    @property
    def basis(self) -> str:
        return f"{self.law}{self.article if self.article not in ('', '—') else ''}"

    @property
    def extendable(self) -> bool:
        return self.max_extensions > 0

    @property
    def effective_label(self) -> str:
        """e.g. "2024-01-01 起（现行有效）", "1999-10-01 至 2023-12-31"."""
        frm = f"{self.effective_from.isoformat()} " if self.effective_from else ""
        if self.effective_until:
            return f"{frm}至 {self.effective_until.isoformat()}"
        return f"{frm}起（现行有效）" if frm else "现行有效"

    def as_dict(self) -> dict[str, object]:
        """The row as `fazhi periods --json` lists it."""
        return {
            "code": self.code,
            "name": self.name,
            "law": self.law,
            "article": self.article,
            "length": self.length,
            "unit": self.mode,
            "start": self.start_event,
            "extendable": self.extendable,
            "effective_from": self.effective_from.isoformat() if self.effective_from else None,
            "effective_until": self.effective_until.isoformat() if self.effective_until else None,
            "law_version": self.law_version,
            "direction": self.direction,
            "extension_length": self.extension_length,
            "extension_unit": (self.extension_mode or self.mode) if self.extendable else None,
            "extension_from_start": self.extension_from_start,
            "confidence": self.confidence,
        }

    def in_force_on(self, on: dt.date) -> bool:
        return (self.effective_from is None or self.effective_from <= on) and (
            self.effective_until is None or on <= self.effective_until
        )

    @property
    def length_label(self) -> str:
        if self.mode == ar.DATE:
            return (
                f"次年 {self.fixed_month_day} 前"
                if self.length == 1
                else f"第 {self.length} 年 {self.fixed_month_day} 前"
            )
        text = f"{self.length} {ar.MODE_LABELS[self.mode]}"
        if self.direction == ar.BEFORE:
            text = f"{self.start_event}前 {text}"
        ext_mode = ar.MODE_LABELS[self.extension_mode or self.mode]
        if self.extension_length and self.extension_from_start:
            text += f"（可延长至自{self.start_event}起 {self.extension_length} {ext_mode}）"
        elif self.extension_length:
            text += f"（可延长 {self.extension_length} {ext_mode}）"
        elif self.max_extensions:
            text += "（经批准可延长，法律未规定上限）"
        return text

    def clean(self) -> None:
        super().clean()
        errors: dict[str, str] = {}
        if self.mode == ar.DATE:
            try:
                ar._validate(
                    dt.date(2000, 1, 1),
                    self.length,
                    self.mode,
                    self.direction,
                    self.fixed_month_day,
                )
            except ar.PeriodError as exc:
                errors["fixed_month_day"] = str(exc)
        elif self.fixed_month_day:
            errors["fixed_month_day"] = "只有固定日期方式才填写固定日期。"
        if self.extension_length and self.max_extensions == 0:
            errors["max_extensions"] = "填写了可延长期限时，最多延长次数应至少为 1。"
        if self.extension_from_start and not self.extension_length:
            errors["extension_length"] = "延长后自起算日计算时，请填写自起算日起的总期限。"
        if (
            self.extension_from_start
            and self.extension_length
            and (self.extension_mode or self.mode) == self.mode
            and self.extension_length <= self.length
        ):
            errors["extension_length"] = "延长后自起算日起的总期限应长于原期限。"
        if (
            self.effective_from
            and self.effective_until
            and self.effective_until < self.effective_from
        ):
            errors["effective_until"] = "失效日期不能早于施行日期。"
        if self.extension_length and self.mode == ar.DATE and not self.extension_mode:
            errors["extension_mode"] = "固定日期期限延长时请选择延长计算方式。"
        if self.direction == ar.BEFORE and (self.max_extensions or self.mode == ar.DATE):
            errors["direction"] = "事件之前的期限不能延长，也不能是固定日期。"
        if errors:
            raise ValidationError(errors)


class Status(models.TextChoices):
    OPEN = "open", "进行中"
    MET = "met", "已完成"
    CANCELLED = "cancelled", "已取消"


LIGHT_LABELS = {"red": "逾期", "yellow": "临期", "green": "正常"}


def state_word(deadline: Deadline, light: str) -> str:
    """One word for a deadline's state, the same on every screen: an open deadline is
    named by its light (逾期 / 临期 / 正常), a paused one 暂停中, a met one by whether it
    was met in time (按期完成 / 逾期完成), a cancelled one 已取消."""
    if deadline.is_open:
        return "暂停中" if deadline.paused_since is not None else LIGHT_LABELS[light]
    if deadline.status == Status.MET:
        return "逾期完成" if light == "red" else "按期完成"
    return deadline.get_status_display()


def soon_until(today: dt.date, calendar: WorkCalendar) -> dt.date:
    """The last due date that counts as 临期 today: N working days ahead (settings)."""
    return calendar.add_workdays(today, settings.FAZHI_DUE_SOON_WORKDAYS)


class DeadlineQuerySet(ScopedQuerySet["Deadline"]):
    def open(self) -> DeadlineQuerySet:
        return self.filter(status=Status.OPEN)

    def running(self) -> DeadlineQuerySet:
        """Open and not paused: the clock is running."""
        return self.open().filter(paused_since__isnull=True)

    def overdue(self, today: dt.date) -> DeadlineQuerySet:
        return self.running().filter(due_date__lt=today)

    def due_soon(self, today: dt.date, calendar: WorkCalendar | None = None) -> DeadlineQuerySet:
        """Due today or within settings.FAZHI_DUE_SOON_WORKDAYS working days."""

        until = soon_until(today, calendar or get_calendar())
        return self.running().filter(due_date__gte=today, due_date__lte=until)

    def not_urgent(self, today: dt.date, calendar: WorkCalendar | None = None) -> DeadlineQuerySet:
        until = soon_until(today, calendar or get_calendar())
        return self.open().filter(Q(due_date__gt=until) | Q(paused_since__isnull=False))

    def for_record(self, record: models.Model) -> DeadlineQuerySet:
        ct = ContentType.objects.get_for_model(record, for_concrete_model=False)
        return self.filter(content_type=ct, object_id=str(record.pk))

    def touching_years(self, years: set[int] | frozenset[int]) -> DeadlineQuerySet:
        """Deadlines whose counting window (a month's margin either side) meets these years."""
        q = Q()
        for y in years:
            lo, hi = dt.date(y - 1, 12, 1), dt.date(y + 1, 1, 31)
            # [min(start, due), max(start, due)] overlaps [lo, hi] (backward periods too).
            q |= (Q(start_date__lte=hi) | Q(due_date__lte=hi)) & (
                Q(start_date__gte=lo) | Q(due_date__gte=lo)
            )
        return self.filter(q) if years else self.none()


class Deadline(models.Model):
    """One statutory period running for one record of any register."""

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, verbose_name="记录类型")
    object_id = models.CharField("记录编号", max_length=64)
    record = GenericForeignKey("content_type", "object_id")
    unit = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, related_name="deadlines", verbose_name="单位"
    )
    period = models.ForeignKey(
        Period, on_delete=models.PROTECT, related_name="deadlines", verbose_name="法定期限"
    )
    title = models.CharField("事项", max_length=200)
    url = models.CharField("记录链接", max_length=300, blank=True)
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="deadlines",
        verbose_name="责任人",
    )
    start_date = models.DateField("起算日")
    law_date = models.DateField(
        "法律适用日",
        null=True,
        blank=True,
        help_text="按该日有效的法律版本确定期限（如复议申请的收到日期）",
    )
    due_date = models.DateField("届满日", db_index=True)
    provisional = models.BooleanField(
        "暂定", default=False, help_text="期间涉及尚未发布放假安排的年度"
    )
    status = models.CharField("状态", max_length=10, choices=Status.choices, default=Status.OPEN)
    paused_since = models.DateField("暂停自", null=True, blank=True)
    met_on = models.DateField("完成日", null=True, blank=True)
    on_time = models.BooleanField("按期", null=True, blank=True)
    cancelled_on = models.DateField("取消日", null=True, blank=True)
    cancel_reason = models.CharField("取消原因", max_length=200, blank=True)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    objects = DeadlineQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "期限"
        ordering = ["due_date", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "period"],
                condition=Q(status="open"),
                name="deadline_one_open_per_record_period",
            )
        ]
        indexes = [
            models.Index(fields=["status", "due_date"]),
            models.Index(fields=["content_type", "object_id"]),
        ]

    def __str__(self) -> str:
        return f"{self.title} · {self.period.name}"

    def get_absolute_url(self) -> str:
        return reverse("deadlines:detail", args=[self.pk])

    # -- arithmetic -------------------------------------------------------

    def compute(self, calendar: WorkCalendar | None = None) -> ar.DueResult:
        p = self.period
        pauses = (
            [ar.Pause(x.start, x.resumed_on, x.reason) for x in self.pauses.all()]
            if self.pk
            else []
        )
        extensions = (
            [
                ar.Extension(
                    x.length, x.mode, x.on, x.reason, x.approved_by, p.extension_from_start
                )
                for x in self.extensions.all()
            ]
            if self.pk
            else []
        )
        return ar.compute_due(
            self.start_date,
            p.length,
            p.mode,
            calendar or get_calendar(),
            pauses=pauses,
            extensions=extensions,
            first_day_counts=p.first_day_counts,
            direction=p.direction,
            fixed_month_day=p.fixed_month_day,
            start_event=p.start_event,
            law=p.law,
            article=p.article if p.article != "—" else "",
            period_name=p.name,
            law_version=self.version_note(),
        )

    def version_note(self) -> str:
        """Which law version the period comes from, and why, for the explanation."""
        p = self.period
        if not p.law_version:
            return ""
        note = f"适用版本：{p.law_version}"
        law_date = self.law_date or self.start_date
        if p.effective_until is not None:
            note += (
                f"。本案法律适用日 {law_date.isoformat()} 在该版本有效期内（至 {p.effective_until.isoformat()}），"
                "按当时有效的规定计算，新版本的期限不适用于此前收到的案件"
            )
        elif p.effective_from is not None and law_date < p.effective_from:
            note += (
                f"，自 {p.effective_from.isoformat()} 起施行；本案法律适用日 {law_date.isoformat()} 早于该日，"
                "系统未收录更早的版本，按该版本计算，请核对当时的规定"
            )
        elif p.effective_from is not None:
            note += (
                f"，自 {p.effective_from.isoformat()} 起适用；本案法律适用日 {law_date.isoformat()}"
            )
        return note + "。"

    def recompute(self, calendar: WorkCalendar | None = None) -> bool:
        """Refresh due date, provisional flag and pause state; True when anything changed."""
        result = self.compute(calendar)
        open_pause = (
            next((x for x in self.pauses.all() if x.resumed_on is None), None) if self.pk else None
        )
        new = (result.due, result.provisional, open_pause.start if open_pause else None)
        changed = new != (self.due_date, self.provisional, self.paused_since)
        self.due_date, self.provisional, self.paused_since = new
        return changed

    def explain(self, calendar: WorkCalendar | None = None) -> ar.Explanation:
        return self.compute(calendar).explanation

    # -- state ------------------------------------------------------------

    @property
    def is_open(self) -> bool:
        return self.status == Status.OPEN

    def light(
        self, today: dt.date, calendar: WorkCalendar | None = None, *, until: dt.date | None = None
    ) -> str:
        """ "red" (overdue), "yellow" (due within N working days) or "green".

        A closed deadline is "green" when met on time, "red" when met late; a paused
        one is "green" while its clock is stopped.
        """
        if not self.is_open:
            return "red" if self.on_time is False else "green"
        if self.paused_since is not None:
            return "green"
        if self.due_date < today:
            return "red"
        if until is None:
            from fazhi.workdays.services import get_calendar

            until = soon_until(today, calendar or get_calendar())
        return "yellow" if self.due_date <= until else "green"

    def days_left(self, today: dt.date) -> int:
        return (self.due_date - today).days


class DeadlinePause(models.Model):
    """The clock stopped from `start`; it runs again on `resumed_on` (start…resumed_on-1 uncounted)."""

    scope_field = "deadline__unit"

    deadline = models.ForeignKey(
        Deadline, on_delete=models.CASCADE, related_name="pauses", verbose_name="期限"
    )
    start = models.DateField("暂停开始日")
    resumed_on = models.DateField("恢复计算日", null=True, blank=True)
    reason = models.CharField("原因", max_length=200, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "期限暂停"
        ordering = ["start", "id"]

    def __str__(self) -> str:
        end = self.resumed_on.isoformat() if self.resumed_on else "未恢复"
        return f"暂停 {self.start.isoformat()} ~ {end}"


class DeadlineExtension(models.Model):
    """An approved extension; the count runs on from the end of the period before it."""

    scope_field = "deadline__unit"

    deadline = models.ForeignKey(
        Deadline, on_delete=models.CASCADE, related_name="extensions", verbose_name="期限"
    )
    on = models.DateField("批准日")
    length = models.PositiveIntegerField("延长期限")
    mode = models.CharField("计算方式", max_length=10, choices=ExtensionMode.choices)
    reason = models.CharField("理由", max_length=200, blank=True)
    approved_by = models.CharField("批准人", max_length=100, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "期限延长"
        ordering = ["on", "id"]

    def __str__(self) -> str:
        return f"延长 {self.length} {ar.MODE_LABELS.get(self.mode, self.mode)}"
