"""Case-file review (案卷评查): scoring sheets, reviews and their deductions."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction

from fazhi.audit.trail import audit_context
from fazhi.core.models import DetailPage, ScopedRecord, optional_link, unit_link
from fazhi.core.records import newest_first, record_meta
from fazhi.core.validators import future_dates
from fazhi.enforcement import rules
from fazhi.enforcement.models.cases import Case
from fazhi.enforcement.models.leniency import PublishedRulesQuerySet
from fazhi.enforcement.rules import (
    CriterionTier,
    Grade,
)
from fazhi.org.models import Unit
from fazhi.org.scope import can_write_unit
from fazhi.org.validators import mask_name


class ReviewSheet(DetailPage, models.Model):
    """A scoring sheet (评查标准): veto items plus scored items summing to 100 points."""

    detail_url = "enforcement:sheet"

    unit = unit_link("制定单位")
    name = models.CharField("评查表名称", max_length=200)
    year = models.PositiveSmallIntegerField("年度")

    objects = PublishedRulesQuerySet.as_manager()

    Meta = record_meta("案卷评查表", ordering=["-year", "id"])

    def __str__(self) -> str:
        return self.name

    @staticmethod
    def _check(name: str, year: Any) -> dict[str, str]:
        errors = {}
        if not (name or "").strip():
            errors["name"] = "请填写评查表名称。"
        elif len(name.strip()) > 200:
            errors["name"] = "评查表名称不能超过200个字符。"
        if not isinstance(year, int) or not 2000 <= year <= 2100:
            errors["year"] = "请填写评查年度（2000—2100）。"
        return errors

    @staticmethod
    def _criteria(criteria: list[tuple[str, str, Any]]) -> list[Criterion]:
        """Validate (tier, text, points) rows: scored items carry positive points that sum
        to the full score (100); veto items carry none. Chinese errors naming the row."""
        items = []
        total = Decimal(0)
        for i, (tier, text, points) in enumerate(criteria, start=1):
            if not tier:
                raise ValidationError({"criteria": f"第{i}项：请选择类别。"})
            if tier not in CriterionTier.values:
                raise ValidationError({"criteria": f"第{i}项：类别“{tier}”不是可选值。"})
            if not str(text).strip():
                raise ValidationError({"criteria": f"第{i}项：评查内容不能为空。"})
            if len(str(text).strip()) > 300:
                raise ValidationError({"criteria": f"第{i}项：评查内容不能超过300个字符。"})
            try:
                pts = Decimal(str(points if points not in (None, "") else 0))
            except ArithmeticError as exc:
                raise ValidationError({"criteria": f"第{i}项“{text}”：分值应为数字。"}) from exc
            if tier == CriterionTier.VETO:
                pts = Decimal(0)
            elif not pts.is_finite() or pts <= 0:
                raise ValidationError({"criteria": f"第{i}项“{text}”：分值应大于0。"})
            elif pts != pts.quantize(Decimal("0.1")) or pts > rules.FULL_SCORE:
                raise ValidationError(
                    {"criteria": f"第{i}项“{text}”：分值应不超过100分，最多保留一位小数。"}
                )
            total += pts
            items.append(Criterion(tier=tier, text=str(text).strip(), points=pts, order=i))
        if not any(c.tier != CriterionTier.VETO for c in items):
            raise ValidationError({"criteria": "评查表至少应有一项计分项目。"})
        if total != rules.FULL_SCORE:
            raise ValidationError(
                {"criteria": f"计分项目分值合计为{total:g}分，应为{rules.FULL_SCORE:g}分。"}
            )
        return items

    @classmethod
    def create(
        cls, *, by: Any, unit: Unit, name: str, year: int, criteria: list[tuple[str, str, Any]]
    ) -> ReviewSheet:
        """criteria: (tier, text, points). Scored items must sum to 100; veto items carry 0."""
        if not can_write_unit(by, unit):
            raise ValidationError({"unit": "您无权为该单位制定评查表。"})
        errors = cls._check(name, year)
        if errors:
            raise ValidationError(errors)
        items = cls._criteria(criteria)
        with transaction.atomic(), audit_context(user=by, verb="create"):
            sheet = cls.objects.create(unit=unit, name=name.strip(), year=year)
            for c in items:
                c.sheet = sheet
            Criterion.objects.bulk_create(items)
        return sheet

    def revise(
        self, *, by: Any, name: str, year: int, criteria: list[tuple[str, str, Any]]
    ) -> None:
        """Change the sheet, all or nothing. Once files were scored with it, its criteria
        and points are fixed (the recorded scores rest on them): only name and year change."""
        if not can_write_unit(by, self.unit):
            raise ValidationError({"unit": "您无权修改该单位的评查表。"})
        errors = self._check(name, year)
        if errors:
            raise ValidationError(errors)
        items = self._criteria(criteria)
        old = [(c.tier, c.text, c.points) for c in self.criteria.all()]
        changed = [(c.tier, c.text, c.points) for c in items] != old
        used = self.reviews.count()
        if changed and used:
            raise ValidationError(
                {
                    "criteria": f"已有{used}份案卷按本评查表评查，评查项目和分值不能修改"
                    "（可修改名称和年度，或另建评查表）。"
                }
            )
        with transaction.atomic(), audit_context(user=by, verb="update"):
            self.name, self.year = name.strip(), year
            self.save()
            if changed:
                self.criteria.all().delete()
                for c in items:
                    c.sheet = self
                Criterion.objects.bulk_create(items)


class Criterion(models.Model):
    sheet = models.ForeignKey(
        ReviewSheet, verbose_name="评查表", on_delete=models.CASCADE, related_name="criteria"
    )
    tier = models.CharField("类别", max_length=20, choices=CriterionTier.choices)
    text = models.CharField("评查内容", max_length=300)
    points = models.DecimalField("分值", max_digits=5, decimal_places=1, default=Decimal(0))
    order = models.PositiveSmallIntegerField("序号", default=0)

    Meta = record_meta("评查项目", ordering=["sheet_id", "order"])

    def __str__(self) -> str:
        return f"{self.get_tier_display()}：{self.text}（{self.points:g}分）"


class FileReview(ScopedRecord):
    """The review of one case file (案卷评查): reviewers, deductions, score and grade."""

    search_fields = ("file_number",)  # what the list's search box matches (core.search)
    unit = unit_link("被评查单位", related_name="file_reviews")
    sheet = models.ForeignKey(
        ReviewSheet, verbose_name="评查表", on_delete=models.PROTECT, related_name="reviews"
    )
    case = optional_link(Case, "案件", on_delete=models.SET_NULL, related_name="file_reviews")
    file_number = models.CharField("案卷号", max_length=60)
    reviewed_on = models.DateField("评查日期", db_index=True)
    reviewers = models.CharField("评查人员", max_length=200, help_text="多人用顿号分隔")
    score = models.DecimalField("得分", max_digits=5, decimal_places=1)
    grade = models.CharField("等次", max_length=20, choices=Grade.choices)
    vetoed = models.BooleanField("触及否决项", default=False)
    findings = models.TextField("发现的问题", blank=True)


    Meta = newest_first("案卷评查", "reviewed_on")

    def __str__(self) -> str:
        return f"{self.file_number}：{self.score:g}分（{self.get_grade_display()}）"

    @classmethod
    def record(
        cls,
        *,
        by: Any,
        unit: Unit,
        sheet: ReviewSheet,
        file_number: str,
        reviewed_on: date,
        reviewers: str,
        deductions: dict[int, Any] | None = None,
        vetoes: list[int] | None = None,
        findings: str = "",
        case: Case | None = None,
    ) -> FileReview:
        """Score one file with the sheet and save it with its deductions, all or nothing."""
        if not can_write_unit(by, unit):
            raise ValidationError({"unit": "您无权登记该单位的案卷评查。"})
        criteria = {c.pk: c for c in sheet.criteria.all()}
        total, grade, parsed, veto_ids = cls.compute(criteria, deductions, vetoes)
        if case is not None and case.unit_id != unit.pk:
            raise ValidationError({"case": "所选案件不属于被评查单位。"})
        review = cls(
            unit=unit,
            sheet=sheet,
            case=case,
            file_number=file_number,
            reviewed_on=reviewed_on,
            reviewers=reviewers,
            score=total,
            grade=grade,
            vetoed=bool(veto_ids),
            findings=findings,
        )
        review.full_clean()
        with transaction.atomic(), audit_context(user=by, verb="record"):
            review.save()
            Deduction.objects.bulk_create(review.deduction_rows(criteria, parsed, veto_ids))
        return review

    @staticmethod
    def compute(
        criteria: dict[int, Criterion],
        deductions: dict[int, Any] | None,
        vetoes: list[int] | None,
    ) -> tuple[Decimal, str, dict[int, Decimal], list[int]]:
        """(score, grade, deductions, veto ids) of one file scored with a sheet's criteria
        ({pk: Criterion}); ValidationError (Chinese, naming the item) on bad input."""
        weights = {pk: c.points for pk, c in criteria.items() if c.tier != CriterionTier.VETO}
        veto_ids = [int(v) for v in (vetoes or [])]
        for v in veto_ids:
            if v not in criteria or criteria[v].tier != CriterionTier.VETO:
                raise ValidationError({"vetoes": "所选否决项不属于本评查表。"})
        try:
            parsed = {
                int(k): Decimal(str(v))
                for k, v in (deductions or {}).items()
                if v not in (None, "", 0)
            }
            total, grade = rules.score(
                weights, parsed, veto_ids, labels={pk: c.text for pk, c in criteria.items()}
            )
        except (ArithmeticError, ValueError) as exc:
            raise ValidationError(
                {
                    "deductions": str(exc)
                    if isinstance(exc, rules.ScoringError)
                    else "扣分应为数字。"
                }
            ) from exc
        return total, grade, parsed, veto_ids

    def deduction_rows(
        self, criteria: dict[int, Criterion], parsed: dict[int, Decimal], veto_ids: list[int]
    ) -> list[Deduction]:
        """The Deduction rows of this (saved) review: each capped at its item's points."""
        return [
            Deduction(review=self, criterion=criteria[k], points=min(v, criteria[k].points))
            for k, v in parsed.items()
        ] + [
            Deduction(review=self, criterion=criteria[v], points=Decimal(0), veto=True)
            for v in veto_ids
        ]

    def clean(self) -> None:
        errors = future_dates(self, ("reviewed_on",))
        if not self.reviewers.strip():
            errors["reviewers"] = "请填写评查人员。"
        if not self.file_number.strip():
            errors["file_number"] = "请填写案卷号。"
        if errors:
            raise ValidationError(errors)

    @property
    def masked_reviewers(self) -> str:
        return "、".join(
            mask_name(n.strip())
            for n in self.reviewers.replace(",", "、").replace("，", "、").split("、")
            if n.strip()
        )


class Deduction(models.Model):
    review = models.ForeignKey(
        FileReview, verbose_name="评查", on_delete=models.CASCADE, related_name="deductions"
    )
    criterion = models.ForeignKey(
        Criterion, verbose_name="评查项目", on_delete=models.PROTECT, related_name="+"
    )
    points = models.DecimalField("扣分", max_digits=5, decimal_places=1, default=Decimal(0))
    veto = models.BooleanField("触及否决项", default=False)

    Meta = record_meta("扣分")

    def __str__(self) -> str:
        return f"{self.criterion.text}：{'否决' if self.veto else f'扣{self.points:g}分'}"
