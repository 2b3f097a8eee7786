"""Public legal services: legal aid (法律援助), notarisation (公证), village legal helpers
(法律明白人) and visits to the public legal service platforms.

Legal aid applications have a workflow with statutory periods (法律援助法 第43条) and go
through `AidApplication.apply()` (see `rules.TRANSITIONS`); the others are plain records.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models

from fazhi.core.models import (
    DatedRecord,
    DetailPage,
    EventDates,
    InPost,
    OpenStates,
    WorkflowQuerySet,
    index_on,
    phone_field,
    state_field,
    unit_link,
)
from fazhi.core.records import dated_meta, newest_first
from fazhi.core.workflow import Registered, TransitionNotAllowed, Workflow
from fazhi.deadlines import services as deadlines
from fazhi.legalservices import rules
from fazhi.legalservices.rules import (
    Channel,
    Claim,
    Decision,
    MatterKind,
    NotaryKind,
    Result,
    ServiceKind,
    State,
)
from fazhi.org.models import UnitKind
from fazhi.org.validators import mask_name, validate_id_number


class AidApplicationQuerySet(WorkflowQuerySet["AidApplication"]):
    def green_channel(self) -> AidApplicationQuerySet:
        return self.filter(green_channel=True)


class AidApplication(DetailPage, EventDates, OpenStates, Registered, Workflow):
    detail_url = "legalservices:aid_detail"

    # Names of people: replaced in anything published (core.privacy).
    personal_name_fields = ("applicant_name",)

    transitions = rules.TRANSITIONS
    open_states = frozenset({State.RECEIVED, State.APPROVED, State.ASSIGNED})
    event_dates = ("received_on", "decided_on", "assigned_on", "closed_on")
    registrar_refusal = "您无权为该单位登记法律援助申请。"

    search_fields = ("number", "applicant_name")  # what the list's search box matches (core.search)
    unit = unit_link("法律援助机构所在单位")
    number = models.CharField("申请编号", max_length=50, blank=True)
    applicant_name = models.CharField("申请人", max_length=50)
    applicant_phone = phone_field()
    applicant_id_number = models.CharField(
        "公民身份号码", max_length=18, blank=True, validators=[validate_id_number]
    )
    received_on = models.DateField(
        "收到申请日期", help_text="审查期限自次日起算（法律援助法第43条）"
    )
    matter_kind = models.CharField("案件类别", max_length=20, choices=MatterKind.choices)
    claim = models.CharField("援助事项", max_length=30, choices=Claim.choices)
    migrant_worker = models.BooleanField("农民工（进城务工人员）", default=False)
    green_channel = models.BooleanField(
        "绿色通道",
        default=False,
        editable=False,
        help_text="法律援助法第42条，免予核查经济困难状况",
    )
    provided_first = models.BooleanField(
        "先行提供法律援助", default=False, help_text="法律援助法第44条"
    )
    summary = models.TextField("案情摘要", blank=True)
    state = state_field(State, State.RECEIVED, editable=False)
    decision = models.CharField(
        "审查决定", max_length=20, choices=Decision.choices, blank=True, editable=False
    )
    decided_on = models.DateField("决定日期", null=True, blank=True, editable=False)
    decision_on_time = models.BooleanField("按期决定", null=True, editable=False)
    refusal_reason = models.CharField("不予援助理由", max_length=300, blank=True, editable=False)
    assigned_on = models.DateField("指派日期", null=True, blank=True, editable=False)
    lawyer = models.CharField("承办人", max_length=100, blank=True, editable=False)
    closed_on = models.DateField("结案日期", null=True, blank=True, editable=False)
    result = models.CharField(
        "办理结果", max_length=20, choices=Result.choices, blank=True, editable=False
    )
    withdrawn_on = models.DateField("撤回日期", null=True, blank=True, editable=False)
    created_at = models.DateTimeField("登记时间", auto_now_add=True)

    objects = AidApplicationQuerySet.as_manager()

    Meta = newest_first(
        "法律援助申请",
        "received_on",
        indexes=index_on(["unit", "received_on"], ["decided_on"], ["state"]),
    )

    def __str__(self) -> str:
        return f"{self.number or '法律援助申请'}（{mask_name(self.applicant_name)}，{self.get_claim_display()}）"

    @property
    def applicant_masked(self) -> str:
        return mask_name(self.applicant_name)

    def clean(self) -> None:
        self.green_channel = rules.green_channel(self.migrant_worker, self.claim)
        self.applicant_id_number = (self.applicant_id_number or "").strip().upper()
        errors = self.future_date_errors()
        if self.decided_on and self.received_on and self.decided_on < self.received_on:
            errors["decided_on"] = "决定日期不能早于收到申请日期。"
        if errors:
            raise ValidationError(errors)

    # ------------------------------------------------------------ workflow hooks

    def _decide(self, decision: str, on: date) -> None:
        self.decision = decision
        self.decided_on = on

    def on_approve(self, *, on: date, **_: Any) -> None:
        self._decide(Decision.APPROVED, on)

    def on_refuse(self, *, on: date, reason: str = "", **_: Any) -> None:
        # 第43条: a refusal is written and gives its reasons.
        if not (reason or "").strip():
            raise TransitionNotAllowed({"reason": "不予法律援助应当书面说明理由，请填写理由。"})
        self._decide(Decision.REFUSED, on)
        self.refusal_reason = reason.strip()

    def on_withdraw(self, *, on: date, **_: Any) -> None:
        self.withdrawn_on = on

    def on_assign(self, *, on: date, lawyer: str = "", **_: Any) -> None:
        if not (lawyer or "").strip():
            raise TransitionNotAllowed({"lawyer": "请填写承办律师或法律援助人员。"})
        self.assigned_on = on
        self.lawyer = lawyer.strip()

    def on_close(self, *, on: date, result: str = "", **_: Any) -> None:
        if result not in Result.values:
            raise TransitionNotAllowed({"result": "请选择办理结果。"})
        self.closed_on = on
        self.result = result

    def after_apply(self, action: str, *, on: date, by: Any) -> None:
        if action in ("approve", "refuse"):
            met = deadlines.meet_deadline(self, rules.PERIOD_DECISION, on=on)
            on_time = getattr(met, "on_time", None)
            if on_time is not None and on_time != self.decision_on_time:
                type(self).objects.filter(pk=self.pk).update(decision_on_time=on_time)
                self.decision_on_time = on_time
            if action == "approve":
                deadlines.open_deadline(
                    self,
                    rules.PERIOD_ASSIGNMENT,
                    start=on,
                    title=f"{self} 指派承办人",
                )
        elif action == "withdraw":
            deadlines.cancel_deadline(self, rules.PERIOD_DECISION, on=on, reason="申请人撤回申请")
        elif action == "assign":
            deadlines.meet_deadline(self, rules.PERIOD_ASSIGNMENT, on=on)

    def open_deadlines(self) -> None:
        """Start the review period (法律援助法 第43条: 7 days) on the deadlines calendar."""
        deadlines.open_deadline(
            self,
            rules.PERIOD_DECISION,
            start=self.received_on,
            title=f"{self} 审查决定",
        )

    def register(self, *, by: Any) -> None:  # type: ignore[override]
        """Save this new application (built by a form or an import row) and start its
        review period; raises ValidationError and writes nothing on bad input."""
        self.save_registered(by)


class Notarisation(DatedRecord):
    # Names of people: replaced in anything published (core.privacy).
    personal_name_fields = ("applicant_name",)

    search_fields = ("number", "applicant_name")  # what the list's search box matches (core.search)
    unit = unit_link("公证机构所在单位")
    number = models.CharField(
        "公证书编号", max_length=60, blank=True, help_text="如（2023）豫确证字第123号"
    )
    kind = models.CharField("公证事项", max_length=30, choices=NotaryKind.choices)
    applicant_name = models.CharField("申请人", max_length=100)
    foreign = models.BooleanField("涉外", default=False)
    issued_on = models.DateField("出证日期")
    fee_waived = models.BooleanField("减免费用", default=False)

    event_dates = ("issued_on",)

    Meta = dated_meta("公证", "issued_on")

    def __str__(self) -> str:
        return f"{self.number or '公证'} {self.get_kind_display()}"

    @property
    def applicant_masked(self) -> str:
        return mask_name(self.applicant_name)


class LegalHelper(InPost):
    """A 法律明白人: a villager trained to explain the law, registered to a village."""

    unit = unit_link("所在村（社区）", related_name="legal_helpers")
    name = models.CharField("姓名", max_length=50)
    phone = phone_field()
    occupation = models.CharField(
        "身份", max_length=50, blank=True, help_text="如：村干部、网格员、人民调解员、党员"
    )
    trained_on = models.DateField("培训日期", null=True, blank=True)
    appointed_on = models.DateField("确定日期", null=True, blank=True)
    left_on = models.DateField("退出日期", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "法律明白人"
        ordering = ["unit__path", "name"]
        indexes = [models.Index(fields=["unit", "appointed_on"])]

    def record_errors(self) -> dict[str, str]:
        errors = super().record_errors()
        if self.unit_id and self.unit.kind != UnitKind.VILLAGE:
            errors["unit"] = f"法律明白人应登记到村（社区），“{self.unit.name}”不是村（社区）。"
        return errors


class ServiceVisit(DatedRecord):
    """People served by a public legal service platform on one day (人次)."""

    search_fields = ("topic",)  # what the list's search box matches (core.search)
    unit = unit_link("服务平台所在单位")
    visited_on = models.DateField("服务日期")
    channel = models.CharField("服务平台", max_length=20, choices=Channel.choices)
    kind = models.CharField("服务类别", max_length=20, choices=ServiceKind.choices)
    people = models.PositiveIntegerField("服务人次", default=1)
    topic = models.CharField("事由", max_length=200, blank=True)

    event_dates = ("visited_on",)

    Meta = dated_meta("公共法律服务", "visited_on")

    def __str__(self) -> str:
        return f"{self.visited_on:%Y-%m-%d} {self.get_channel_display()} {self.get_kind_display()} {self.people}人次"

    def record_errors(self) -> dict[str, str]:
        if self.people is not None and self.people < 1:
            return {"people": "服务人次至少为1。"}
        return {}
