"""People's mediation (人民调解): committees, mediators and the disputes they mediate.

A `Dispute` is the register's record: received by a committee, mediated, and closed by
one of the outcomes of `rules.Outcome`; an agreement is then followed up (回访) for
performance. Every state change goes through `Dispute.apply()` (see `rules.TRANSITIONS`).
Mediation is the largest register by volume, so disputes carry their committee's unit
(one join for scope and indicators) and an index on (unit, received_on).
"""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from fazhi.core.models import (
    DatedRecord,
    DetailPage,
    EventDates,
    InPost,
    InPostQuerySet,
    OpenStates,
    WorkflowQuerySet,
    index_on,
    optional_link,
    phone_field,
    state_field,
    unit_link,
)
from fazhi.core.records import newest_first, record_meta
from fazhi.core.validators import as_bool, future_dates
from fazhi.core.workflow import Registered, TransitionNotAllowed, Workflow
from fazhi.deadlines import services as deadlines
from fazhi.mediation import rules
from fazhi.mediation.rules import Kind, Level, Outcome, State
from fazhi.org.models import UnitKind
from fazhi.org.scope import can_write_unit
from fazhi.org.validators import mask_parties

OUTCOMES = frozenset(Outcome.values)


class CommitteeQuerySet(InPostQuerySet["Committee"]):
    in_post_fields = ("established_on", "dissolved_on")


class Committee(DetailPage, DatedRecord):
    detail_url = "mediation:committees_edit"
    search_fields = ("name",)  # what the list's search box matches (core.search)
    unit = unit_link("所在单位", related_name="mediation_committees")
    name = models.CharField("调委会名称", max_length=100)
    level = models.CharField("类别", max_length=20, choices=Level.choices)
    field = models.CharField(
        "行业领域",
        max_length=50,
        blank=True,
        help_text="行业性、专业性调委会填写，如：交通事故、医疗纠纷",
    )
    established_on = models.DateField("成立日期", null=True, blank=True)
    dissolved_on = models.DateField("撤销日期", null=True, blank=True)
    phone = phone_field()

    objects: ClassVar[Any] = CommitteeQuerySet.as_manager()
    event_dates = ("established_on",)

    class Meta:
        verbose_name = verbose_name_plural = "人民调解委员会"
        ordering = ["unit__path", "name"]
        indexes = [models.Index(fields=["unit", "level"])]

    def __str__(self) -> str:
        return self.name

    def record_errors(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        kind = self.unit.kind if self.unit_id else None
        # 人民调解法 第8条: a village (residents') committee sits in its village or community;
        # 第34条: a township or street sets up its own.
        if self.level == Level.VILLAGE and kind and kind != UnitKind.VILLAGE:
            errors["level"] = "村（社区）人民调解委员会的所在单位应为村（社区）。"
        if self.level == Level.TOWNSHIP and kind and kind != UnitKind.TOWNSHIP:
            errors["level"] = "乡镇（街道）人民调解委员会的所在单位应为乡镇（街道）。"
        if self.level == Level.INDUSTRY and not self.field:
            errors["field"] = "行业性、专业性调委会请填写行业领域。"
        if self.established_on and self.dissolved_on and self.dissolved_on < self.established_on:
            errors["dissolved_on"] = "撤销日期不能早于成立日期。"
        return errors


class Mediator(InPost):
    committee = models.ForeignKey(
        Committee, verbose_name="调委会", on_delete=models.PROTECT, related_name="mediators"
    )
    # The committee's unit, copied so scope and indicators are one join.
    unit = unit_link("所在单位", editable=False)
    name = models.CharField("姓名", max_length=50)
    phone = phone_field()
    full_time = models.BooleanField("专职调解员", default=False)
    appointed_on = models.DateField("聘任日期", null=True, blank=True)
    left_on = models.DateField("离任日期", null=True, blank=True)

    Meta = record_meta("人民调解员", ordering=["committee", "name"])

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.committee_id and not self.unit_id:
            self.unit_id = self.committee.unit_id
        super().save(*args, **kwargs)

    def clean(self) -> None:
        if self.committee_id:
            self.unit_id = self.committee.unit_id
        super().clean()


class DisputeQuerySet(WorkflowQuerySet["Dispute"]):
    def received_in(self, start: date, end: date) -> DisputeQuerySet:
        return self.filter(received_on__gte=start, received_on__lte=end)

    def successful(self) -> DisputeQuerySet:
        return self.filter(outcome__in=rules.SUCCESS_OUTCOMES)


class Dispute(DetailPage, EventDates, OpenStates, Registered, Workflow):
    detail_url = "mediation:detail"
    transitions = rules.TRANSITIONS
    once_moves = {"record_confirmation": "confirmation_applied_on"}
    open_states = frozenset({State.RECEIVED})
    # The dates a move may not predate (the clean() below checks them as it needs).
    event_dates = ("received_on", "closed_on", "confirmation_applied_on", "followed_up_on")

    search_fields = ("number", "parties")  # what the list's search box matches (core.search)
    unit = unit_link("所在单位", editable=False)
    committee = models.ForeignKey(
        Committee, verbose_name="调委会", on_delete=models.PROTECT, related_name="disputes"
    )
    number = models.CharField("卷宗编号", max_length=50, blank=True)
    kind = models.CharField("纠纷类型", max_length=20, choices=Kind.choices)
    received_on = models.DateField("受理日期")
    parties = models.CharField(
        "当事人", max_length=200, help_text="多个当事人用“、”分隔；列表和导出中遮盖"
    )
    party_count = models.PositiveSmallIntegerField("当事人数", default=2)
    amount = models.DecimalField(
        "涉及金额（元）", max_digits=14, decimal_places=2, null=True, blank=True
    )
    summary = models.TextField("纠纷简要情况", blank=True)
    mediator = optional_link(Mediator, "调解员", on_delete=models.SET_NULL, related_name="disputes")
    state = state_field(State, State.RECEIVED, editable=False)
    outcome = models.CharField(
        "调解结果", max_length=20, choices=Outcome.choices, blank=True, editable=False
    )
    closed_on = models.DateField("结案日期", null=True, blank=True, editable=False)
    agreement = models.TextField("协议内容", blank=True, editable=False)
    referred_to = models.CharField("移交单位", max_length=100, blank=True, editable=False)
    confirmation_planned = models.BooleanField("拟申请司法确认", default=False, editable=False)
    confirmation_applied_on = models.DateField(
        "申请司法确认日期", null=True, blank=True, editable=False
    )
    followed_up_on = models.DateField("回访日期", null=True, blank=True, editable=False)
    note = models.TextField("备注", blank=True)
    created_at = models.DateTimeField("登记时间", auto_now_add=True)

    objects = DisputeQuerySet.as_manager()

    Meta = newest_first(
        "矛盾纠纷",
        "received_on",
        indexes=index_on(
            ["unit", "received_on"], ["received_on", "id"], ["committee", "received_on"], ["state"]
        ),
    )

    def __str__(self) -> str:
        return f"{self.number or '纠纷'} {self.get_kind_display()}（{self.parties_masked}）"

    @property
    def parties_masked(self) -> str:
        return mask_parties(self.parties)

    @property
    def is_success(self) -> bool:
        return rules.is_success(self.outcome)

    # ------------------------------------------------------------ validation

    def clean_fields(self, exclude: Any = None) -> None:
        # A foreign key whose object is already loaded needs no existence query: an
        # import validates tens of thousands of rows against a few committees.
        exclude = set(exclude or ())
        for f in ("committee", "unit", "mediator"):
            cached = self._state.fields_cache.get(f)
            if cached is not None and cached.pk == getattr(self, f"{f}_id"):
                exclude.add(f)
        super().clean_fields(exclude=exclude)

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.committee_id:
            self.unit_id = self.committee.unit_id
            self.unit = self.committee.unit
            if (
                self.received_on
                and self.committee.established_on
                and self.received_on < self.committee.established_on
            ):
                errors["received_on"] = (
                    f"受理日期早于调委会成立日期{self.committee.established_on:%Y-%m-%d}。"
                )
        if (
            self.mediator_id
            and self.committee_id
            and self.mediator.committee_id != self.committee_id
        ):
            errors["mediator"] = "调解员不属于该调委会。"
        today = timezone.localdate()  # once a row: an import cleans a hundred thousand
        errors.update(future_dates(self, ("received_on",), today))
        if self.amount is not None and self.amount < 0:
            errors["amount"] = "涉及金额不能为负数。"
        if self.outcome and self.outcome not in OUTCOMES:
            errors["outcome"] = f"未知的调解结果：{self.outcome}"
        elif self.outcome:
            expected = rules.STATE_OF_OUTCOME[self.outcome]
            if self.state != expected and not (
                self.state in rules.AGREED and expected == State.SETTLED
            ):
                errors["outcome"] = (
                    f"调解结果“{self.get_outcome_display()}”与状态“{self.get_state_display()}”不符。"
                )
            if self.closed_on is None:
                errors["closed_on"] = "已有调解结果的纠纷须填写结案日期。"
        elif self.state != State.RECEIVED:
            errors["outcome"] = "请填写调解结果。"
        if self.closed_on:
            errors.update(future_dates(self, ("closed_on",), today))
            if self.received_on and self.closed_on < self.received_on:
                errors["closed_on"] = (
                    f"结案日期{self.closed_on:%Y-%m-%d}不能早于受理日期{self.received_on:%Y-%m-%d}。"
                )
        if errors:
            raise ValidationError(errors)

    # ------------------------------------------------------------ workflow hooks

    def _close(self, action: str, on: date) -> None:
        self.outcome = rules.OUTCOME_OF_ACTION[action]
        self.closed_on = on

    def on_agree_oral(self, *, on: date, agreement: str = "", **_: Any) -> None:
        self._close("agree_oral", on)
        self.agreement = (agreement or "").strip()

    def on_agree_written(
        self, *, on: date, agreement: str = "", confirmation_planned: Any = False, **_: Any
    ) -> None:
        self._close("agree_written", on)
        self.agreement = (agreement or "").strip()
        self.confirmation_planned = as_bool(confirmation_planned)

    def on_fail(self, *, on: date, reason: str = "", note: str = "", **_: Any) -> None:
        self._close("fail", on)
        self.agreement = ""
        if reason:
            self.note = f"{self.note}\n调解不成原因：{reason}".strip()

    def on_refer(self, *, on: date, referred_to: str = "", **_: Any) -> None:
        if not (referred_to or "").strip():
            raise TransitionNotAllowed({"referred_to": "请填写移交单位。"})
        self._close("refer", on)
        self.referred_to = referred_to.strip()

    def on_record_performed(self, *, on: date, **_: Any) -> None:
        self.followed_up_on = on

    def on_record_breached(self, *, on: date, reason: str = "", **_: Any) -> None:
        self.followed_up_on = on
        if reason:
            self.note = f"{self.note}\n未履行原因：{reason}".strip()

    def on_record_confirmation(self, *, on: date, **_: Any) -> str:
        self.confirmation_applied_on = on
        return self.state

    def after_apply(self, action: str, *, on: date, by: Any) -> None:
        if action == "agree_written" and self.confirmation_planned:
            deadlines.open_deadline(
                self,
                rules.PERIOD_JUDICIAL_CONFIRMATION,
                start=on,
                title=f"{self} 申请司法确认",
            )
        elif action == "record_confirmation":
            deadlines.meet_deadline(self, rules.PERIOD_JUDICIAL_CONFIRMATION, on=on)

    # ------------------------------------------------------------ registering

    def register(self, *, by: Any) -> None:  # type: ignore[override]
        """Save this new dispute (state 调解中, built by a form or an import row); raises
        ValidationError and writes nothing on bad input."""
        self.save_registered(by)

    def check_registrar(self, by: Any) -> None:
        if self.committee_id is None or not can_write_unit(by, self.committee.unit):
            raise ValidationError({"committee": "您无权为该调委会登记纠纷。"})

    def set_concluded(self, outcome: str, closed_on: date | None) -> None:
        """Register a dispute already concluded before it reaches Fazhi (an import of the
        monthly 台账, or the demo): its state follows from the outcome by `rules`, the same
        table `apply()` uses; `full_clean()` then checks the pair."""
        self.outcome = outcome
        self.closed_on = closed_on
        self.state = rules.STATE_OF_OUTCOME.get(outcome, State.RECEIVED)
