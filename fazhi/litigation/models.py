"""Administrative lawsuits where a unit of the jurisdiction is the defendant (行政应诉).

One `Lawsuit` per case number (an appeal is a new record pointing at the first
instance through `previous`); its hearings are `Hearing` rows. Every state change goes
through `Lawsuit.apply()` (see `rules.TRANSITIONS`).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from fazhi.core.models import (
    DetailPage,
    OpenStates,
    UniqueWithoutDisclosure,
    WorkflowQuerySet,
    index_on,
    optional_link,
    state_field,
    unit_link,
)
from fazhi.core.records import newest_first, record_meta
from fazhi.core.validators import as_bool, future_dates
from fazhi.core.workflow import Registered, TransitionNotAllowed, Workflow
from fazhi.deadlines import services as deadlines
from fazhi.litigation import rules
from fazhi.litigation.rules import Appellant, Excuse, Instance, LeaderRank, Outcome, Result, State
from fazhi.org.models import Person
from fazhi.org.scope import ScopedQuerySet
from fazhi.org.validators import mask_name, mask_parties


def _deadlines() -> Any:
    """The deadlines services (kept for litigation/views.py, which still imports it here)."""
    return deadlines


class LawsuitQuerySet(WorkflowQuerySet["Lawsuit"]):
    def active_in(self, start: date, end: date) -> LawsuitQuerySet:
        return self.filter(received_on__lte=end).filter(
            Q(closed_on__isnull=True) | Q(closed_on__gte=start)
        )


class Lawsuit(DetailPage, OpenStates, UniqueWithoutDisclosure, Registered, Workflow):
    detail_url = "litigation:detail"

    # Names of people: replaced in anything published (core.privacy).
    personal_name_fields = ("plaintiff_name",)

    transitions = rules.TRANSITIONS
    open_states = frozenset({State.RECEIVED, State.DEFENDED})
    registrar_refusal = "您无权为该单位登记行政应诉案件。"

    search_fields = ("case_number", "plaintiff_name", "cause", "act_challenged")  # what the list's search box matches (core.search)
    unit = unit_link("被告单位", related_name="lawsuits")
    court = models.CharField("受理法院", max_length=100)
    case_number = models.CharField(
        "案号", max_length=60, unique=True, help_text="如（2023）豫1725行初12号"
    )
    instance = models.CharField(
        "审级", max_length=20, choices=Instance.choices, default=Instance.FIRST, editable=False
    )
    cause = models.CharField("案由", max_length=200, help_text="如：行政赔偿、土地行政征收")
    act_challenged = models.CharField("被诉行政行为", max_length=300, blank=True)
    plaintiff_name = models.CharField("原告", max_length=100)
    filed_on = models.DateField("立案日期")
    received_on = models.DateField(
        "收到起诉状副本日期", help_text="答辩期自次日起算（行政诉讼法第67条）"
    )
    handler = optional_link(settings.AUTH_USER_MODEL, "承办人", on_delete=models.SET_NULL)
    previous = optional_link(
        "self", "前审案件", related_name="next_instances", help_text="上诉、再审案件对应的原审案件"
    )
    reconsideration = optional_link(
        "reconsideration.Application",
        "关联行政复议案件",
        on_delete=models.SET_NULL,
        related_name="lawsuits",
        help_text="经复议后起诉的（行政诉讼法第45条），选择原复议案件",
    )
    state = state_field(State, State.RECEIVED, editable=False)
    defended_on = models.DateField("提交答辩状日期", null=True, blank=True, editable=False)
    outcome = models.CharField(
        "裁判结果", max_length=30, choices=Outcome.choices, blank=True, editable=False
    )
    result = models.CharField(
        "胜败诉", max_length=20, choices=Result.choices, blank=True, editable=False
    )
    judgment_number = models.CharField("裁判文书号", max_length=60, blank=True, editable=False)
    closed_on = models.DateField("裁判日期", null=True, blank=True, editable=False)
    appealed_on = models.DateField("上诉日期", null=True, blank=True, editable=False)
    appellant = models.CharField(
        "上诉人", max_length=20, choices=Appellant.choices, blank=True, editable=False
    )
    note = models.TextField("备注", blank=True)
    created_at = models.DateTimeField("登记时间", auto_now_add=True)

    objects = LawsuitQuerySet.as_manager()

    Meta = newest_first(
        "行政应诉案件", "received_on", indexes=index_on(["state"], ["received_on"], ["closed_on"])
    )

    def __str__(self) -> str:
        return f"{self.case_number} {mask_name(self.plaintiff_name)}诉{self.unit.name if self.unit_id else ''}"

    # ------------------------------------------------------------ presentation

    @property
    def plaintiff_masked(self) -> str:
        """Natural persons as 张某某; organisations (names with 公司, 厂 …) are not personal data."""
        return mask_plaintiff(self.plaintiff_name)

    # ------------------------------------------------------------ validation

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.case_number:
            try:
                parsed = rules.parse_case_number(self.case_number)
            except ValidationError as exc:
                errors["case_number"] = exc.messages[0]
            else:
                self.case_number = str(parsed)
                self.instance = parsed.instance
                if self.filed_on and parsed.year != self.filed_on.year:
                    errors["case_number"] = (
                        f"案号年份（{parsed.year}）与立案日期{self.filed_on:%Y-%m-%d}的年份不一致。"
                    )
        errors.update(future_dates(self, ("filed_on", "received_on")))
        if self.filed_on and self.received_on and self.received_on < self.filed_on:
            errors["received_on"] = "收到起诉状副本日期不能早于立案日期。"
        if self.closed_on and self.filed_on and self.closed_on < self.filed_on:
            errors["closed_on"] = (
                f"裁判日期{self.closed_on:%Y-%m-%d}不能早于立案日期{self.filed_on:%Y-%m-%d}。"
            )
        if self.outcome and self.outcome not in Outcome.values:
            errors["outcome"] = f"未知的裁判结果：{self.outcome}"
        if self.reconsideration_id:
            recon = self.reconsideration
            # 行政诉讼法 第26条第2款: after 复议 the original agency, the 复议 agency, or both are sued.
            if self.unit_id and self.unit_id not in (recon.respondent_id, recon.agency_id):
                errors["reconsideration"] = (
                    "被告单位须为该复议案件的被申请人或复议机关（行政诉讼法第26条）。"
                )
            elif self.filed_on and self.filed_on < recon.received_on:
                errors["reconsideration"] = "立案日期不能早于该复议案件的收到申请日期。"
        if self.previous_id and self.previous_id == self.pk:
            errors["previous"] = "前审案件不能是本案。"
        if self.previous_id and self.unit_id and self.previous.unit_id != self.unit_id:
            errors["previous"] = "前审案件的被告单位须与本案相同。"
        if errors:
            raise ValidationError(errors)

    # ------------------------------------------------------------ workflow hooks

    _pending_hearing: Hearing | None = None

    def apply(self, action: str, **kwargs: Any) -> None:  # type: ignore[override]
        # A hearing row prepared by a refused move must never be saved by a later one.
        self._pending_hearing = None
        try:
            super().apply(action, **kwargs)
        finally:
            self._pending_hearing = None

    def last_event_date(self) -> date | None:
        dates = [
            d for d in (self.filed_on, self.received_on, self.defended_on, self.closed_on) if d
        ]
        return max(dates) if dates else None

    def action_available(self, action: str) -> bool:
        # Appeals lie from a first-instance decision (行政诉讼法 第85条).
        if action == "appeal":
            return self.instance == Instance.FIRST
        return True

    def on_defend(self, *, on: date, **_: Any) -> None:
        self.defended_on = on

    def on_schedule_hearing(
        self, *, on: date, hearing_on: date | None = None, appearance_required: Any = True, **_: Any
    ) -> str:
        if not isinstance(hearing_on, date):
            raise TransitionNotAllowed({"hearing_on": "请填写开庭日期。"})
        if hearing_on < on:
            raise TransitionNotAllowed(
                {"hearing_on": f"开庭日期{hearing_on:%Y-%m-%d}早于收到通知日期{on:%Y-%m-%d}。"}
            )
        self._pending_hearing = Hearing(
            lawsuit=self,
            unit_id=self.unit_id,
            instance=self.instance,
            scheduled_on=hearing_on,
            notice_received_on=on,
            appearance_required=as_bool(appearance_required, True),
        )
        return self.state

    def on_record_hearing(
        self,
        *,
        on: date,
        hearing: Hearing | int | None = None,
        appearance_required: Any = True,
        appeared: Any = False,
        person: Person | None = None,
        rank: str = "",
        identity_proof_ok: Any = True,
        spoke: Any = False,
        excuse: str = "",
        excuse_note: str = "",
        staff: str = "",
        **_: Any,
    ) -> str:
        row = self._hearing_for(hearing)
        if row.notice_received_on and on < row.notice_received_on:
            raise TransitionNotAllowed(
                {
                    "hearing": f"开庭日期{on:%Y-%m-%d}早于收到开庭通知日期{row.notice_received_on:%Y-%m-%d}。"
                }
            )
        if row.pk is None:
            row.appearance_required = as_bool(appearance_required, True)
        row.held = True
        row.held_on = on
        row.appeared = as_bool(appeared, False)
        row.person = person if row.appeared else None
        row.rank = rank if row.appeared else ""
        row.identity_proof_ok = as_bool(identity_proof_ok, True)
        row.spoke = as_bool(spoke, False) if row.appeared else False
        row.excuse = "" if row.appeared else (excuse or "")
        row.excuse_note = excuse_note or ""
        row.staff = staff or ""
        try:
            row.full_clean(exclude=["lawsuit"])
        except ValidationError as exc:
            raise TransitionNotAllowed(exc.message_dict) from exc
        self._pending_hearing = row
        return self.state

    def _hearing_for(self, hearing: Hearing | int | None) -> Hearing:
        if hearing in (None, ""):
            return Hearing(lawsuit=self, unit_id=self.unit_id, instance=self.instance)
        pk = hearing.pk if isinstance(hearing, Hearing) else hearing
        row = Hearing.objects.filter(lawsuit=self, pk=pk, held=False).first() if self.pk else None
        if row is None:
            raise TransitionNotAllowed({"hearing": "所选开庭通知不存在或已登记庭审情况。"})
        return row

    def on_conclude(
        self,
        *,
        on: date,
        outcome: str = "",
        judgment_number: str = "",
        appellant: str = "",
        **_: Any,
    ) -> None:
        if outcome not in Outcome.values:
            raise TransitionNotAllowed(
                {"outcome": f"未知的裁判结果：“{outcome}”。"}
                if outcome
                else {"outcome": "请选择裁判结果。"}
            )
        if outcome in rules.APPEAL_ONLY and self.instance != Instance.SECOND:
            raise TransitionNotAllowed({"outcome": f"“{Outcome(outcome).label}”只适用于二审案件。"})
        previous = self.previous if self.previous_id else None
        if self.instance == Instance.SECOND:
            # Who appealed decides what 驳回上诉 means (行政诉讼法 第89条第1款第1项).
            appellant = (previous.appellant if previous else "") or appellant or ""
            if appellant and appellant not in Appellant.values:
                raise TransitionNotAllowed({"appellant": f"未知的上诉人：“{appellant}”。"})
            if outcome == Outcome.APPEAL_DISMISSED and not appellant:
                raise TransitionNotAllowed(
                    {
                        "appellant": "判决驳回上诉的，请选择上诉人：行政机关上诉被驳回为败诉，原告上诉被驳回为胜诉。"
                    }
                )
            self.appellant = appellant
        self.outcome = outcome
        self.result = rules.result_of(outcome, self.appellant, previous.result if previous else "")
        self.judgment_number = (judgment_number or "").strip()
        self.closed_on = on

    def on_extend_trial(
        self, *, on: date, months: Any = None, approved_by: str = "", **_: Any
    ) -> str:
        # 第81条 (first instance) and 第88条 (appeal): extended with the 高院's approval.
        if not self.trial_period:
            raise TransitionNotAllowed("该审级没有法定审理期限，无需登记延长。")
        if not (approved_by or "").strip():
            raise TransitionNotAllowed(
                {"approved_by": "请填写批准延长的法院（行政诉讼法第81条）。"}
            )
        try:
            length = int(months)
        except (TypeError, ValueError) as exc:
            raise TransitionNotAllowed({"months": "延长月数：请填写正整数。"}) from exc
        try:
            deadlines.extend_deadline(
                self, self.trial_period, on=on, length=length, approved_by=approved_by.strip()
            )
        except ValidationError as exc:
            raise TransitionNotAllowed({"months": exc.messages}) from exc
        return self.state

    def on_appeal(self, *, on: date, appellant: str = "", **_: Any) -> None:
        if appellant not in Appellant.values:
            raise TransitionNotAllowed({"appellant": "请选择上诉人。"})
        self.appealed_on = on
        self.appellant = appellant

    def after_apply(self, action: str, *, on: date, by: Any) -> None:
        pending = getattr(self, "_pending_hearing", None)
        if pending is not None:
            pending.lawsuit = self
            pending.save()
            self._pending_hearing = None
            if action == "schedule_hearing":
                pending.check_notice()
        if action == "defend":
            deadlines.meet_deadline(self, rules.PERIOD_DEFENCE, on=on)
        elif action == "conclude":
            # A case decided before any defence was filed (e.g. 不予立案) no longer owes one.
            deadlines.cancel_deadline(self, rules.PERIOD_DEFENCE, on=on, reason="案件已审结")
            if self.trial_period:
                deadlines.meet_deadline(self, self.trial_period, on=on)

    @property
    def trial_period(self) -> str | None:
        """The court's trial period for this instance, if the law sets one."""
        return rules.PERIOD_TRIAL.get(str(self.instance))

    def open_deadlines(self) -> None:
        """Start the defence period (行政诉讼法 第67条) on the deadlines app's calendar."""
        deadlines.open_deadline(
            self,
            rules.PERIOD_DEFENCE,
            start=self.received_on,
            title=f"{self.case_number}提交答辩状（行政诉讼法第67条：收到起诉状副本之日起15日内）",
            responsible=self.handler,
        )
        if self.trial_period:
            basis = (
                "第81条：立案之日起六个月"
                if self.instance == "first"
                else "第88条：收到上诉状之日起三个月"
            )
            deadlines.open_deadline(
                self,
                self.trial_period,
                start=self.filed_on,
                title=f"{self.case_number}人民法院审结（行政诉讼法{basis}）",
                responsible=self.handler,
            )


# 张三、李四 → 张某某、李某某; a company plaintiff stays as written.
mask_plaintiff = mask_parties


class HearingQuerySet(ScopedQuerySet["Hearing"]):
    def held_in(self, start: date, end: date) -> HearingQuerySet:
        return self.filter(held=True, held_on__gte=start, held_on__lte=end)


class Hearing(models.Model):
    """One court session. SPC 2020 第1条: appearance is owed at every instance."""

    lawsuit = models.ForeignKey(
        Lawsuit, verbose_name="案件", on_delete=models.CASCADE, related_name="hearings"
    )
    # The defendant unit, copied from the lawsuit so that scope and indicators are one join.
    unit = unit_link("被告单位", editable=False)
    instance = models.CharField(
        "审级", max_length=20, choices=Instance.choices, default=Instance.FIRST
    )
    notice_received_on = models.DateField("收到开庭通知日期", null=True, blank=True)
    scheduled_on = models.DateField("通知开庭日期", null=True, blank=True)
    held = models.BooleanField("已开庭", default=False)
    held_on = models.DateField("开庭日期", null=True, blank=True)
    # SPC 2020 第7条: one attended session per instance satisfies the duty, so later
    # sessions of the same instance are normally "not required".
    appearance_required = models.BooleanField("要求负责人出庭", default=True)
    appeared = models.BooleanField("负责人出庭", default=False)
    person = optional_link(Person, "出庭负责人")
    position = models.CharField(
        "职务", max_length=100, blank=True, help_text="出庭时的职务（自动取自人员信息）"
    )
    rank = models.CharField("负责人类别", max_length=20, choices=LeaderRank.choices, blank=True)
    identity_proof_ok = models.BooleanField(
        "身份证明合格", default=True, help_text="不合格且未补正的，视为未出庭（第6条）"
    )
    spoke = models.BooleanField("出庭且出声", default=False)
    excuse = models.CharField("未出庭理由", max_length=20, choices=Excuse.choices, blank=True)
    excuse_note = models.CharField("理由说明", max_length=300, blank=True)
    staff = models.CharField("出庭工作人员", max_length=200, blank=True)
    counts_as_appearance = models.BooleanField("计为负责人出庭", default=False, editable=False)
    # Set by the deadlines app (period litig_appearance_notice, SPC 2020 第5条).
    notice_on_time = models.BooleanField("通知按期送达", null=True, blank=True, editable=False)

    objects = HearingQuerySet.as_manager()

    Meta = record_meta("开庭", ordering=["lawsuit", "held_on", "scheduled_on", "id"])

    def __str__(self) -> str:
        day = self.held_on or self.scheduled_on
        return (
            f"{self.lawsuit.case_number} {day:%Y-%m-%d}开庭"
            if day
            else f"{self.lawsuit.case_number} 开庭"
        )

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.lawsuit_id and not self.unit_id:
            self.unit_id = self.lawsuit.unit_id
        if self.person_id and not self.position:
            self.position = self.person.position
        self.counts_as_appearance = rules.counts_as_appearance(
            appeared=self.appeared, rank=self.rank, identity_proof_ok=self.identity_proof_ok
        )
        super().save(*args, **kwargs)

    @property
    def notice_short(self) -> bool:
        """The court's notice came later than SPC 2020 第5条's 3 days before the hearing."""
        return self.notice_on_time is False

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.held and self.held_on is None:
            errors["held_on"] = "已开庭的须填写开庭日期。"
        errors.update(future_dates(self, ("held_on", "notice_received_on")))
        if self.appeared:
            if self.person_id is None:
                errors["person"] = "负责人出庭的，须选择出庭负责人。"
            elif self.lawsuit_id and self.person.unit_id != self.lawsuit.unit_id:
                # SPC 2020 第2条: leaders of another (e.g. lower) agency do not count.
                errors["person"] = "出庭负责人须为被告单位的负责人（最高法2020年规定第2条）。"
            if not self.rank:
                errors["rank"] = "请选择负责人类别。"
        elif self.held and self.appearance_required and not self.excuse:
            errors["excuse"] = (
                "负责人未出庭的，须登记未出庭理由（最高法2020年规定第8条）；没有理由的选“无正当理由”。"
            )
        if errors:
            raise ValidationError(errors)

    def check_notice(self) -> None:
        """Was the notice served ≥ 3 days before the hearing (SPC 2020 第5条)?

        The deadlines app computes the latest lawful service day from the hearing date;
        the notice's receipt meets it at once, and its on_time answers the question.
        """
        if not (self.scheduled_on and self.notice_received_on):
            return
        deadlines.open_deadline(
            self,
            rules.PERIOD_APPEARANCE_NOTICE,
            start=self.scheduled_on,
            title=f"{self.lawsuit.case_number}出庭通知送达",
            url=self.lawsuit.get_absolute_url(),
        )
        met = deadlines.meet_deadline(self, rules.PERIOD_APPEARANCE_NOTICE, on=self.notice_received_on)
        if met is not None:
            self.notice_on_time = bool(met.on_time)
            Hearing.objects.filter(pk=self.pk).update(notice_on_time=self.notice_on_time)
