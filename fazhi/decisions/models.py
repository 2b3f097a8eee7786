"""Major administrative decisions: the yearly catalogue and each decision's statutory steps."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from typing import Any, ClassVar

from django.core.exceptions import ValidationError
from django.db import models

from fazhi.core.models import (
    DetailPage,
    ScopedRecord,
    optional_link,
    state_field,
    unique,
    unit_link,
)
from fazhi.core.records import annual_meta, record_meta
from fazhi.core.workflow import TransitionNotAllowed, Workflow, choice_input
from fazhi.deadlines import services
from fazhi.decisions import rules
from fazhi.decisions.rules import State, Step
from fazhi.org.models import Unit
from fazhi.org.scope import ScopedQuerySet


class Catalogue(ScopedRecord):
    """年度重大行政决策事项目录 (第3条第3款), with the date it was published."""

    unit = unit_link("决策机关")
    year = models.PositiveSmallIntegerField("年度")
    title = models.CharField("目录名称", max_length=200, blank=True)
    published_on = models.DateField("公布日期", null=True, blank=True)
    url = models.URLField("公布网址", blank=True)


    Meta = annual_meta("重大行政决策事项目录", "decisions_one_catalogue_per_year")

    def __str__(self) -> str:
        return self.title or f"{self.unit}{self.year}年度重大行政决策事项目录"

    def clean(self) -> None:
        if self.year and not 2000 <= self.year <= 2100:
            raise ValidationError({"year": "年度不正确。"})
        if self.published_on and self.year and self.published_on.year > self.year:
            raise ValidationError({"published_on": "目录应在该年度内公布。"})


class DecisionQuerySet(ScopedQuerySet["Decision"]):
    def of_year(self, year: int) -> DecisionQuerySet:
        return self.filter(year=year)


class Decision(DetailPage, Workflow):
    """One major administrative decision and where it stands in the statutory steps."""

    detail_url = "decisions:detail"

    search_fields = ("title",)  # what the list's search box matches (core.search)
    unit = unit_link("决策机关")
    catalogue = optional_link(Catalogue, "所属目录", related_name="decisions")
    year = models.PositiveSmallIntegerField("年度")
    title = models.CharField("决策事项", max_length=200)
    lead_unit = optional_link(Unit, "承办单位")
    basis = models.TextField("决策依据", blank=True)
    state = state_field(State, State.DRAFTING)
    # 第14–15条: set by `open_comment`; the participation step then records the outcome.
    comment_start_on = models.DateField("征求意见开始日期", null=True, blank=True, editable=False)
    comment_end_on = models.DateField("征求意见截止日期", null=True, blank=True, editable=False)
    comment_channel = models.CharField("征求意见渠道", max_length=100, blank=True, editable=False)

    transitions: ClassVar = rules.TRANSITIONS
    objects = DecisionQuerySet.as_manager()

    Meta = record_meta("重大行政决策", ordering=["-year", "pk"])

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if (
            self.lead_unit_id
            and self.unit_id
            and not self.lead_unit.path.startswith(self.unit.path)
        ):
            raise ValidationError({"lead_unit": "承办单位应为决策机关本身或其所属单位。"})
        if self.catalogue_id and self.catalogue is not None:
            if self.catalogue.year != self.year:
                raise ValidationError({"catalogue": "决策事项的年度与目录年度不一致。"})
            if self.catalogue.unit_id != self.unit_id:
                raise ValidationError({"catalogue": "决策机关与目录的决策机关不一致。"})

    # ------------------------------------------------------------------ steps

    def recorded_steps(self) -> dict[str, DecisionStep]:
        if self.pk is None:
            return {}
        return {s.step: s for s in self.steps.all()}

    def allowed_actions(self, user: Any) -> list[Any]:
        """The buttons: only the steps whose prerequisites are recorded (apply() explains the rest)."""
        recorded = set(self.recorded_steps())
        return [
            t
            for t in super().allowed_actions(user)
            if t.action not in rules.REQUIRES or rules.step_error(t.action, recorded) is None
        ]

    def action_available(self, action: str) -> bool:
        if action == "open_comment":
            # Once only, and not after the participation step is recorded.
            return self.comment_start_on is None and Step.PARTICIPATION not in self.recorded_steps()
        return True

    def _check_step(self, step: str, on: date, recorded: dict[str, DecisionStep]) -> None:
        error = rules.step_error(step, set(recorded))
        if error:
            raise TransitionNotAllowed(error)
        for before in rules.REQUIRES[step]:
            prior = recorded[before]
            if prior.on and on < prior.on:
                raise TransitionNotAllowed(
                    f"“{Step(step).label}”的日期{on:%Y-%m-%d}早于“{Step(before).label}”的日期{prior.on:%Y-%m-%d}。"
                )

    def _next_state(self, step: str) -> str:
        return rules.STATE_AFTER.get(step, self.state)

    def _record(self, step: str, *, on: date, by: Any, note: str = "", **data: Any) -> str:
        recorded = self.recorded_steps()
        self._check_step(step, on, recorded)
        row = DecisionStep(
            decision=self, step=step, on=on, recorded_by=by if getattr(by, "pk", None) else None
        )
        text = lambda k: str(data.get(k) or "").strip()  # noqa: E731
        if step == Step.PARTICIPATION:
            start, end = data.get("start_on"), data.get("end_on")
            if self.comment_start_on is not None:
                # The period opened by `open_comment` is the one being closed.
                start = start or self.comment_start_on
                end = end or self.comment_end_on
                if start != self.comment_start_on:
                    raise TransitionNotAllowed(
                        f"征求意见开始日期与公开征求意见时登记的{self.comment_start_on:%Y-%m-%d}不一致。"
                    )
            error = rules.comment_period_error(start, end, text("shortened_reason"))
            if error:
                raise TransitionNotAllowed(error)
            if end and on < end:
                raise TransitionNotAllowed(
                    "公众参与环节应在征求意见期满后登记（登记日期不得早于截止日期）。"
                )
            row.start_on, row.end_on = start, end
            row.received = _count(data.get("received"), "收到意见")
            row.adopted = _count(data.get("adopted"), "采纳意见")
            if row.adopted > row.received:
                raise TransitionNotAllowed("采纳意见条数不能多于收到意见条数。")
            if row.received and not text("handling"):
                raise TransitionNotAllowed("收到公众意见的，应登记意见处理情况（第十八条）。")
            row.detail = text("handling")
            row.reason = text("shortened_reason")
        elif step == Step.EXPERT:
            row.conclusion = choice_input(data.get("form"), rules.ExpertForm, "论证方式")
            row.received = _count(data.get("received"), "参加专家")
            row.detail = text("detail")
        elif step == Step.RISK:
            row.conclusion = choice_input(data.get("conclusion"), rules.RiskLevel, "风险等级")
            row.detail = text("detail")
        elif step == Step.LEGALITY:
            row.conclusion = choice_input(data.get("conclusion"), rules.ReviewOpinion, "审查意见")
            row.detail = text("detail")
        elif step == Step.COLLECTIVE:
            legality = recorded[Step.LEGALITY]
            if legality.conclusion == rules.ReviewOpinion.UNLAWFUL:
                # 第28条: 经审查不合法的，不得提交决策机关讨论.
                raise TransitionNotAllowed("合法性审查意见为“不合法”，不得提交集体讨论。")
            row.conclusion = choice_input(data.get("meeting_kind"), rules.Meeting, "会议类型")
            row.meeting = text("meeting")
            if not row.meeting:
                raise TransitionNotAllowed("请填写会议名称（如县政府第X次常务会议）。")
        else:
            row.detail = text("detail")
        row.full_clean(exclude=["decision"])
        row.save()
        return self._next_state(step)

    def on_open_comment(
        self,
        *,
        on: date,
        by: Any,
        note: str = "",
        start_on: date | None = None,
        end_on: date | None = None,
        channel: str = "",
        shortened_reason: str = "",
        **_: Any,
    ) -> str:
        start = start_on or on
        if not isinstance(start, date) or not isinstance(end_on, date):
            raise TransitionNotAllowed("请填写征求意见的开始和截止日期。")
        if start > on:
            raise TransitionNotAllowed("征求意见开始日期晚于办理日期。")
        error = rules.comment_period_error(start, end_on, str(shortened_reason or ""))
        if error:
            raise TransitionNotAllowed(error)
        self.comment_start_on, self.comment_end_on = start, end_on
        self.comment_channel = str(channel or "").strip()[:100]
        return self.state

    def after_apply(self, action: str, *, on: date, by: Any) -> None:
        if action == "open_comment":
            # The due date (earliest day comments may close) is the deadlines app's.
            services.open_deadline(
                self,
                rules.COMMENT_PERIOD_CODE,
                start=self.comment_start_on,
                title=f"征求公众意见：{self.title}",
            )
        elif action in (Step.PARTICIPATION, "not_applicable"):
            # A minimum period: nothing is "met" late, so the open period is closed with
            # the outcome as its reason rather than judged on time or late.
            services.cancel_deadline(
                self,
                rules.COMMENT_PERIOD_CODE,
                on=on,
                reason="征求意见结束，已登记公众参与情况"
                if action == Step.PARTICIPATION
                else "公众参与登记为不适用",
            )

    def on_not_applicable(
        self, *, on: date, by: Any, note: str = "", step: str = "", reason: str = "", **_: Any
    ) -> str:
        step = str(step or "")
        if step not in rules.REQUIRES:
            raise TransitionNotAllowed(f"未知决策环节：{step or '（未填写）'}")
        if step in rules.MANDATORY:
            raise TransitionNotAllowed(f"“{Step(step).label}”是法定必经程序，不能登记为不适用。")
        if not str(reason or "").strip():
            raise TransitionNotAllowed(f"登记“{Step(step).label}”不适用，须填写理由。")
        if step == Step.PARTICIPATION and self.comment_start_on is not None:
            raise TransitionNotAllowed("已公开征求意见，请登记公众参与情况，不能登记为不适用。")
        recorded = self.recorded_steps()
        self._check_step(step, on, recorded)
        DecisionStep.objects.create(
            decision=self,
            step=step,
            on=on,
            applicable=False,
            reason=str(reason).strip(),
            recorded_by=by if getattr(by, "pk", None) else None,
        )
        return self._next_state(step)

    def move_hook(self, action: str) -> Callable[..., str | None] | None:
        """Each statutory step is a move of its own (`rules.TRANSITIONS` has one per
        `Step`), and `_record()` records them all."""
        if action in Step.values:
            return partial(self._record, action)
        return super().move_hook(action)

    def timeline(self) -> list[tuple[str, str, DecisionStep | None]]:
        """Each statutory step in order with its record (or None)."""
        recorded = self.recorded_steps()
        return [(s.value, s.label, recorded.get(s.value)) for s in Step]


def _count(raw: Any, label: str) -> int:
    if raw in (None, ""):
        return 0
    try:
        value = int(raw)
    except (TypeError, ValueError) as exc:
        raise TransitionNotAllowed(f"{label}应为整数。") from exc
    if value < 0:
        raise TransitionNotAllowed(f"{label}不能为负数。")
    return value


class DecisionStep(ScopedRecord):
    """One statutory step of a decision, done on a date or not applicable for a reason."""

    decision = models.ForeignKey(
        Decision, verbose_name="决策事项", on_delete=models.CASCADE, related_name="steps"
    )
    step = models.CharField("环节", max_length=20, choices=Step.choices)
    applicable = models.BooleanField("适用", default=True)
    on = models.DateField("完成日期")
    reason = models.TextField("不适用或缩短期限的理由", blank=True)
    start_on = models.DateField("开始日期", null=True, blank=True)
    end_on = models.DateField("截止日期", null=True, blank=True)
    received = models.PositiveIntegerField("数量", default=0)  # comments received / experts
    adopted = models.PositiveIntegerField("采纳", default=0)
    conclusion = models.CharField("结论", max_length=20, blank=True)
    meeting = models.CharField("会议", max_length=100, blank=True)
    detail = models.TextField("情况说明", blank=True)
    recorded_by = optional_link("org.User", "登记人", on_delete=models.SET_NULL)

    scope_field = "decision__unit"

    class Meta:
        verbose_name = "决策环节"
        verbose_name_plural = verbose_name
        ordering = ["decision", "on", "pk"]
        constraints = [unique("decision", "step", name="decisions_step_once")]

    def __str__(self) -> str:
        return f"{self.decision}：{self.get_step_display()}"

    @property
    def conclusion_label(self) -> str:
        for choices in (rules.ExpertForm, rules.RiskLevel, rules.ReviewOpinion, rules.Meeting):
            if self.conclusion in choices.values:
                return str(choices(self.conclusion).label)
        return self.conclusion
