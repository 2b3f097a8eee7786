"""Legal publicity and study: activities, the 谁执法谁普法 responsibility list, study
sessions, online exam results per unit, and leaders' reports on their duty (述法).

Plain records without a workflow: each is entered when it happened.
"""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from fazhi.core.models import DatedRecord, ScopedRecord, optional_link, unique, unit_link
from fazhi.core.records import dated_meta
from fazhi.org.validators import mask_name
from fazhi.publicity.rules import Format, ReportForm, StudyKind, Target, exam_participation_rate


class Responsibility(ScopedRecord):
    """One line of a unit's 谁执法谁普法 responsibility list for a year."""

    search_fields = ("laws",)  # what the list's search box matches (core.search)
    unit = unit_link("责任单位")
    year = models.PositiveSmallIntegerField("年度")
    laws = models.CharField("普法内容（法律法规）", max_length=300)
    target = models.CharField("普法对象", max_length=20, choices=Target.choices)
    measures = models.CharField("普法措施", max_length=300, blank=True)
    planned_events = models.PositiveIntegerField("计划活动场次", default=1)


    class Meta:
        verbose_name = "普法责任清单事项"
        verbose_name_plural = "普法责任清单"
        ordering = ["-year", "unit__path", "id"]
        indexes = [models.Index(fields=["unit", "year"])]

    def __str__(self) -> str:
        return f"{self.year}年 {self.laws}（{self.get_target_display()}）"

    def clean(self) -> None:
        if self.year and not 2000 <= self.year <= 2100:
            raise ValidationError({"year": f"年度“{self.year}”无效。"})


class Activity(DatedRecord):
    search_fields = ("title",)  # what the list's search box matches (core.search)
    unit = unit_link("主办单位")
    title = models.CharField("活动名称", max_length=200)
    held_on = models.DateField("活动日期")
    format = models.CharField("活动形式", max_length=20, choices=Format.choices)
    target = models.CharField("普法对象", max_length=20, choices=Target.choices)
    place = models.CharField("地点", max_length=200, blank=True)
    audience = models.PositiveIntegerField("受教育群众（人次）", default=0)
    materials = models.PositiveIntegerField("发放资料（份、册）", default=0)
    responsibility = optional_link(
        Responsibility, "对应责任清单事项", on_delete=models.SET_NULL, related_name="activities"
    )

    event_dates = ("held_on",)

    Meta = dated_meta("普法活动", "held_on")

    def __str__(self) -> str:
        return f"{self.held_on:%Y-%m-%d} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("publicity:list")

    def record_errors(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        if self.responsibility_id and self.unit_id and self.responsibility.unit_id != self.unit_id:
            errors["responsibility"] = "责任清单事项不属于主办单位。"
        if (
            self.responsibility_id
            and self.held_on
            and self.responsibility.year != self.held_on.year
        ):
            errors["responsibility"] = "责任清单事项的年度与活动日期不一致。"
        return errors


class StudySession(DatedRecord):
    search_fields = ("topic", "speaker")  # what the list's search box matches (core.search)
    unit = unit_link("单位")
    held_on = models.DateField("学法日期")
    kind = models.CharField("学法形式", max_length=20, choices=StudyKind.choices)
    topic = models.CharField("学习内容", max_length=200)
    speaker = models.CharField("主讲人", max_length=100, blank=True)
    attendees = models.PositiveIntegerField("参学人数", default=0)
    hours = models.DecimalField("学时", max_digits=5, decimal_places=1, default=Decimal("1.0"))

    event_dates = ("held_on",)

    Meta = dated_meta("学法活动", "held_on")

    def __str__(self) -> str:
        return f"{self.held_on:%Y-%m-%d} {self.get_kind_display()}：{self.topic}"

    def record_errors(self) -> dict[str, str]:
        if self.hours is not None and not Decimal(0) < self.hours <= 24:
            return {"hours": "学时应大于0且不超过24。"}
        return {}


class ExamResult(ScopedRecord):
    """A unit's result in one online exam (国家工作人员学法用法考试): counts, not people."""

    search_fields = ("exam",)  # what the list's search box matches (core.search)
    unit = unit_link("单位")
    year = models.PositiveSmallIntegerField("年度")
    exam = models.CharField("考试名称", max_length=100, default="国家工作人员学法用法网上考试")
    expected = models.PositiveIntegerField("应参考人数")
    took = models.PositiveIntegerField("实际参考人数")
    passed = models.PositiveIntegerField("合格人数")
    average_score = models.DecimalField(
        "平均分", max_digits=5, decimal_places=1, null=True, blank=True
    )


    class Meta:
        verbose_name = verbose_name_plural = "学法考试"
        ordering = ["-year", "unit__path"]
        constraints = [unique("unit", "year", "exam", name="publicity_exam_unique")]

    def __str__(self) -> str:
        return f"{self.year}年 {self.exam}"

    @property
    def participation_rate(self) -> float | None:
        return exam_participation_rate(self.expected, self.took)

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.took is not None and self.expected is not None and self.took > self.expected:
            errors["took"] = "实际参考人数不能多于应参考人数。"
        if self.passed is not None and self.took is not None and self.passed > self.took:
            errors["passed"] = "合格人数不能多于实际参考人数。"
        if self.average_score is not None and not Decimal(0) <= self.average_score <= 100:
            errors["average_score"] = "平均分应在0到100之间。"
        if errors:
            raise ValidationError(errors)


class LawReport(DatedRecord):
    """A leader's report on their rule-of-law duty (领导干部述法)."""

    # Names of people: replaced in anything published (core.privacy).
    personal_name_fields = ("person_name",)

    search_fields = ("person_name",)  # what the list's search box matches (core.search)
    unit = unit_link("单位")
    reported_on = models.DateField("述法日期")
    person_name = models.CharField("述法人", max_length=50)
    position = models.CharField("职务", max_length=100)
    form = models.CharField("述法形式", max_length=20, choices=ReportForm.choices)
    rating = models.CharField(
        "评议结果", max_length=20, blank=True, help_text="如：好、较好、一般、差"
    )

    event_dates = ("reported_on",)

    Meta = dated_meta("领导干部述法", "reported_on")

    def __str__(self) -> str:
        return f"{self.reported_on:%Y-%m-%d} {mask_name(self.person_name)}（{self.position}）述法"
