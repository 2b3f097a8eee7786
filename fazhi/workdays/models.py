"""Administrators' holiday notices: a year's 放假安排 entered by hand.

A notice wins over the `chinesecalendar` package for its year (statutes.md §13.2:
keep a local override table so the system does not wait for a package release).
Saving or deleting one recomputes every open deadline it touches, in the same
transaction (`fazhi.workdays.signals.calendar_changed`).
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction

from fazhi.workdays.calendar import NoticeData
from fazhi.workdays.parsing import NoticeSyntaxError, parse_dates
from fazhi.workdays.signals import calendar_changed

MIN_YEAR = 2000
MAX_YEAR = 2100


class HolidayNotice(models.Model):
    # Reference data for the whole system: no unit scope.
    scope_field = ""

    year = models.PositiveSmallIntegerField("年度", unique=True)
    title = models.CharField(
        "通知标题", max_length=200, help_text="如：国务院办公厅关于2027年部分节假日安排的通知"
    )
    doc_number = models.CharField(
        "文号", max_length=100, blank=True, help_text="如：国办发明电〔2026〕7号"
    )
    published_on = models.DateField("发布日期", null=True, blank=True)
    rest_dates = models.TextField(
        "放假日期",
        help_text="每段一行或用分号分隔，可在前面写节日名称，如：元旦 2027-01-01；春节 2027-02-05~2027-02-11",
    )
    makeup_workdays = models.TextField(
        "调休上班日期", blank=True, help_text="如：2027-02-07；2027-02-20（应为周六或周日）"
    )
    note = models.TextField("备注", blank=True)
    # Changes on every save: get_calendar() compares these to know when to rebuild,
    # in this process and in every other one.
    revision = models.UUIDField(default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField("录入时间", auto_now_add=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = verbose_name_plural = "节假日安排通知"
        ordering = ["-year"]

    def __str__(self) -> str:
        return f"{self.year}年：{self.title}"

    # -- writes: recompute the open deadlines this notice touches ---------

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.parsed()  # never store a notice the calendar cannot read
        with transaction.atomic():
            old_year = (
                HolidayNotice.objects.filter(pk=self.pk).values_list("year", flat=True).first()
                if self.pk
                else None
            )
            self.revision = uuid.uuid4()
            super().save(*args, **kwargs)
            years = {self.year} | ({old_year} if old_year else set())
            calendar_changed.send(sender=HolidayNotice, years=frozenset(years))

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        with transaction.atomic():
            year = self.year
            result = super().delete(*args, **kwargs)
            calendar_changed.send(sender=HolidayNotice, years=frozenset({year}))
        return result

    # -- parsing and validation -------------------------------------------

    def parsed(self) -> NoticeData:
        """The notice as calendar data; raises ValidationError (Chinese, per field)."""
        errors: dict[str, list[str]] = {}
        rest: list[tuple[dt.date, str]] = []
        work: list[tuple[dt.date, str]] = []
        year = self.year or 0
        for fname, target in (("rest_dates", rest), ("makeup_workdays", work)):
            try:
                target.extend(parse_dates(getattr(self, fname), year))
            except NoticeSyntaxError as exc:
                errors.setdefault(fname, []).append(str(exc))
        if errors:
            raise ValidationError(errors)
        if not rest:
            errors.setdefault("rest_dates", []).append("请至少填写一个放假日期。")
        for fname, items in (("rest_dates", rest), ("makeup_workdays", work)):
            for d, _ in items:
                # A 元旦 stretch may start on 12-31 of the previous year (e.g. the
                # 2023 notice: 2022-12-31 to 2023-01-02), and a notice may name early
                # January of the next year; nothing further away belongs to it.
                if not (dt.date(year - 1, 12, 1) <= d <= dt.date(year + 1, 1, 31)):
                    errors.setdefault(fname, []).append(
                        f"日期 {d.isoformat()} 不属于 {year} 年的放假安排。"
                    )
        for d, _ in work:
            if d.weekday() < 5:
                errors.setdefault("makeup_workdays", []).append(
                    f"{d.isoformat()} 是周{'一二三四五'[d.weekday()]}，本来就是工作日；调休上班日应为周六或周日。"
                )
        both = sorted({d for d, _ in rest} & {d for d, _ in work})
        if both:
            errors.setdefault("makeup_workdays", []).append(
                "以下日期同时填在放假日期和调休上班日期中："
                + "、".join(d.isoformat() for d in both)
            )
        if errors:
            raise ValidationError(errors)
        return NoticeData(
            year=year,
            rest=dict(rest),
            work=frozenset(d for d, _ in work),
            title=self.title,
            doc_number=self.doc_number,
        )

    def clean(self) -> None:
        super().clean()
        if self.year is not None and not (MIN_YEAR <= self.year <= MAX_YEAR):
            raise ValidationError({"year": f"年度应在 {MIN_YEAR} 至 {MAX_YEAR} 之间。"})
        if self.published_on and self.year and self.published_on.year > self.year:
            raise ValidationError({"published_on": "发布日期不应晚于该年度。"})
        if self.year:
            self.parsed()
