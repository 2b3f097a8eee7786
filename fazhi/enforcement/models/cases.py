"""Enforcement cases under the three systems (三项制度)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from fazhi.core.models import (
    DetailPage,
    MaskedApplicant,
    optional_link,
    state_field,
    unit_link,
)
from fazhi.core.validators import future_dates
from fazhi.core.workflow import Registered, TransitionNotAllowed, Workflow
from fazhi.deadlines import services
from fazhi.enforcement import rules
from fazhi.enforcement.models.leniency import LeniencyItem
from fazhi.enforcement.rules import (
    CaseKind,
    CaseState,
    PartyKind,
)
from fazhi.org.scope import ScopedQuerySet


class CaseQuerySet(ScopedQuerySet["Case"]):
    def decided_in(self, start: date, end: date) -> CaseQuerySet:
        return self.filter(decided_on__gte=start, decided_on__lte=end)

    def three_system_gaps(self) -> CaseQuerySet:
        """Decided cases with a gap: unpublished or late, or without full records."""
        return self.filter(decided_on__isnull=False).filter(
            Q(published_late=True)
            | Q(full_record=False)
            | Q(publication_due__isnull=False, published_on__isnull=True)
        )


CASE_DATES = ("opened_on", "legal_review_on", "decided_on", "published_on")


class Case(DetailPage, MaskedApplicant, Registered, Workflow):
    """An enforcement case (行政处罚, 许可, 强制, 检查, 征收, 其他) under the three systems."""

    detail_url = "enforcement:case"
    registrar_refusal = "您无权为该单位登记执法案件。"

    transitions = rules.CASE_TRANSITIONS

    search_fields = (
        "number",
        "party_name",
        "matter",
    )  # what the list's search box matches (core.search)
    unit = unit_link("执法单位", related_name="enforcement_cases")
    number = models.CharField("案号（文号）", max_length=60, blank=True)
    kind = models.CharField("执法类别", max_length=20, choices=CaseKind.choices)
    personal_name_fields = ("party_name",)  # anonymised in anything published (core/privacy.py)
    party_name = models.CharField("当事人", max_length=100)
    party_kind = models.CharField(
        "当事人类型", max_length=10, choices=PartyKind.choices, default=PartyKind.PERSON
    )
    matter = models.CharField("案由（事项）", max_length=300)
    opened_on = models.DateField("立案（受理）日期")
    state = state_field(CaseState, CaseState.OPEN, db_index=True)
    is_major = models.BooleanField(
        "重大执法决定", default=False, help_text="须经法制审核（行政处罚法第58条）"
    )
    legal_review_on = models.DateField("法制审核日期", null=True, blank=True)
    legal_review_passed = models.BooleanField("法制审核通过", null=True, blank=True)
    legal_reviewer = models.CharField("法制审核人员", max_length=50, blank=True)
    full_record = models.BooleanField("全过程记录完整", default=False, help_text="行政处罚法第47条")
    decided_on = models.DateField("决定（办结）日期", null=True, blank=True)
    no_penalty = models.BooleanField("不予处罚", default=False)
    leniency_item = optional_link(LeniencyItem, "适用清单事项", related_name="cases")
    publication_due = models.DateField("公示期限", null=True, blank=True, editable=False)
    published_on = models.DateField("公示日期", null=True, blank=True)
    published_late = models.BooleanField("逾期公示", default=False)
    note = models.TextField("备注", blank=True)

    objects = CaseQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "行政执法案件"
        ordering = ["-opened_on", "-id"]
        indexes = [
            # Covers every column the enforcement indicators read, so one county's
            # annual figures are an index-only scan of its units' year (issue 11, 2b).
            models.Index(
                fields=["unit", "decided_on"],
                include=[
                    "kind",
                    "leniency_item",
                    "no_penalty",
                    "is_major",
                    "legal_review_passed",
                    "published_late",
                    "published_on",
                ],
                name="enforcement_case_figures",
            ),
            models.Index(fields=["kind", "decided_on"]),
            models.Index(fields=["decided_on"]),
        ]

    def __str__(self) -> str:
        return (
            self.number
            or f"{self.get_kind_display()}：{self.masked_party}（{self.opened_on:%Y-%m-%d}）"
        )

    # The party is the case's applicant for masking: 张某某 when a person (PartyKind.PERSON).
    PERSON_KIND = PartyKind.PERSON
    masked_name_field = "party_name"
    masked_kind_field = "party_kind"
    masked_party = MaskedApplicant.masked_applicant

    def last_event_date(self) -> date | None:
        found = [d for d in (getattr(self, n) for n in CASE_DATES) if d is not None]
        return max(found) if found else None

    def action_available(self, action: str) -> bool:
        if action == "publish":
            return rules.publication_period(self.kind) is not None
        return True

    # ------------------------------------------------------------ validation

    def clean(self) -> None:
        errors = future_dates(self, CASE_DATES)
        if self.decided_on and self.opened_on and self.decided_on < self.opened_on:
            errors["decided_on"] = "决定日期不能早于立案日期。"
        if self.legal_review_on and self.opened_on and self.legal_review_on < self.opened_on:
            errors["legal_review_on"] = "法制审核日期不能早于立案日期。"
        if self.published_on and not self.decided_on:
            errors["published_on"] = "尚未作出决定的案件不能登记公示日期。"
        elif self.published_on and self.decided_on and self.published_on < self.decided_on:
            errors["published_on"] = "公示日期不能早于决定日期。"
        if self.published_on and self.kind and rules.publication_period(self.kind) is None:
            errors["published_on"] = (
                f"{self.get_kind_display()}不作为执法决定公示，请不要填写公示日期。"
            )
        if self.legal_review_on and self.legal_review_passed is None:
            errors["legal_review_passed"] = "请填写法制审核结论。"
        if self.decided_on and self.is_major:
            # 行政处罚法 第58条 / 118号: no major decision without a passed legal review first.
            if not self.legal_review_on or self.legal_review_passed is not True:
                errors["is_major"] = (
                    "重大执法决定须经法制审核且审核通过后才能作出（行政处罚法第58条）。"
                )
            elif self.legal_review_on > self.decided_on:
                errors["legal_review_on"] = "法制审核须在作出重大执法决定之前完成。"
        if self.no_penalty and self.kind != CaseKind.PENALTY:
            errors["no_penalty"] = "只有行政处罚案件可以登记“不予处罚”。"
        item = self.leniency_item if self.leniency_item_id else None
        if item is not None:
            if self.kind != CaseKind.PENALTY or not self.no_penalty:
                errors["leniency_item"] = "适用包容审慎清单的应为决定不予处罚的行政处罚案件。"
            elif self.unit_id and not self.unit.path.startswith(item.unit.path):
                errors["leniency_item"] = "所选清单事项不是本单位（或上级）公布的清单。"
            elif self.decided_on and item.leniency_list.published_on > self.decided_on:
                errors["leniency_item"] = (
                    f"清单{item.leniency_list.published_on:%Y-%m-%d}才公布，晚于决定日期。"
                )
        if errors:
            raise ValidationError(errors)

    # ------------------------------------------------------------ registration

    @classmethod
    def register(cls, *, by: Any, verb: str = "register", **fields: Any) -> Case:
        """Open a case (立案): it starts open, whatever later dates it was given; a penalty
        case starts its 90-day decision period (第60条)."""
        later = dict.fromkeys(("decided_on", "published_on", "legal_review_on"))
        case: Case = super().register(by=by, verb=verb, **(fields | later))
        return case

    def open_deadlines(self) -> None:
        """The periods running for the case's current state (register, import)."""
        if self.state == CaseState.OPEN and self.kind == CaseKind.PENALTY:
            services.open_deadline(
                self,
                rules.P_PENALTY_DECISION,
                start=self.opened_on,
                title=f"作出处罚决定：{self}",
            )
        code = rules.publication_period(self.kind)
        if self.state == CaseState.DECIDED and code:
            assert self.decided_on is not None, "a decided case has its decision date"
            d = services.open_deadline(
                self,
                code,
                start=self.decided_on,
                title=f"公示执法决定：{self}",
            )
            if self.publication_due != d.due_date:
                self.publication_due = d.due_date
                type(self).objects.filter(pk=self.pk).update(publication_due=d.due_date)

    def prepare_history(self, due: services.DueDates | None = None) -> None:
        """For bulk import of past cases: the state follows the dates, and the
        publication due date and lateness come from the deadlines app's arithmetic and
        period rows, exactly as `apply()` would have found them. An import passes one
        `DueDates` for all its rows (one calendar and period lookup)."""
        if self.published_on:
            self.state = CaseState.PUBLISHED
        elif self.decided_on:
            self.state = CaseState.DECIDED
        else:
            self.state = CaseState.OPEN
        self.publication_due = None
        self.published_late = False
        code = rules.publication_period(self.kind) if self.kind else None
        if self.decided_on and code:
            self.publication_due = (due or services.DueDates())(code, self.decided_on)
            self.published_late = bool(
                self.published_on and self.published_on > self.publication_due
            )

    # ------------------------------------------------------------ hooks

    def on_legal_review(
        self, *, on: date, passed: Any = None, reviewer: str = "", **_: Any
    ) -> None:
        if passed not in (True, False):
            raise TransitionNotAllowed("请选择法制审核结论（通过或不通过）。")
        if not (reviewer or "").strip():
            raise TransitionNotAllowed("请填写法制审核人员。")
        self.legal_review_on = on
        self.legal_review_passed = passed
        self.legal_reviewer = reviewer.strip()

    def on_decide(
        self,
        *,
        on: date,
        no_penalty: Any = False,
        leniency_item: Any = None,
        full_record: Any = False,
        **_: Any,
    ) -> None:
        if self.is_major and (self.legal_review_on is None or self.legal_review_passed is not True):
            raise TransitionNotAllowed(
                "重大执法决定须经法制审核且审核通过后才能作出（行政处罚法第58条）。"
            )
        self.decided_on = on
        self.no_penalty = bool(no_penalty)
        self.leniency_item = leniency_item if isinstance(leniency_item, LeniencyItem) else None
        self.full_record = bool(full_record)
        services.meet_deadline(self, rules.P_PENALTY_DECISION, on=on)

    def on_publish(self, *, on: date, **_: Any) -> None:
        code = rules.publication_period(self.kind)
        met = services.meet_deadline(self, code, on=on) if code else None
        self.published_on = on
        self.published_late = bool(met is not None and met.on_time is False)

    def after_apply(self, action: str, *, on: date, by: Any) -> None:
        if action == "decide":
            self.open_deadlines()
