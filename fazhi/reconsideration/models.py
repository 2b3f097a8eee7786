"""Administrative reconsideration: applications, their letters, and superior bodies' cases.

An `Application` belongs to its respondent (被申请人), a unit of the county; the county
government is the 复议机关 (`agency`, 第24条) whose 复议机构 moves the case on. Every
state change goes through `Application.apply()` (fazhi.core.workflow); the moves, who may
make them and the periods they start are data in `rules.py`.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any, ClassVar

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone

from fazhi.core.models import (
    DatedRecord,
    DetailPage,
    EventDates,
    MaskedApplicant,
    OpenStates,
    WorkflowQuerySet,
    phone_field,
    state_field,
    unit_link,
)
from fazhi.core.records import newest_first, record_meta
from fazhi.core.validators import future_message, is_future
from fazhi.core.workflow import Registered, ReservedMoves, TransitionNotAllowed, Workflow
from fazhi.deadlines import services as deadlines
from fazhi.org.models import Unit, UnitKind
from fazhi.org.scope import ScopedQuerySet, can_write_unit
from fazhi.org.validators import mask_name
from fazhi.reconsideration import rules
from fazhi.reconsideration.rules import (
    ActKind,
    ApplicantKind,
    Channel,
    LetterKind,
    PerformanceStatus,
    Procedure,
    ReviewOutcome,
    State,
    SuspensionGround,
    TerminationReason,
)

# Date fields of an application in the order the workflow fills them.
EVENT_DATES = (
    "received_on",
    "correction_requested_on",
    "correction_received_on",
    "accepted_on",
    "refused_on",
    "abandoned_on",
    "copy_sent_on",
    "copy_received_on",
    "reply_received_on",
    "suspended_on",
    "resumed_on",
    "extended_on",
    "closed_on",
    "performance_checked_on",
)


class ApplicationQuerySet(WorkflowQuerySet["Application"]):
    def closed(self) -> ApplicationQuerySet:
        return self.filter(state__in=rules.CLOSED_STATES)

    def in_year(self, year: int) -> ApplicationQuerySet:
        return self.filter(received_on__year=year)


class Application(
    DetailPage, EventDates, MaskedApplicant, OpenStates, Registered, ReservedMoves, Workflow
):
    """A 行政复议 application, from receipt to the performance of the decision."""

    detail_url = "reconsideration:detail"

    # Names of people: replaced in anything published (core.privacy).
    personal_name_fields = ("applicant_name",)

    transitions = rules.TRANSITIONS
    open_states = rules.OPEN_STATES
    event_dates = EVENT_DATES
    registrar_field = "respondent"
    registrar_refusal = "您无权为该单位登记行政复议申请。"

    search_fields = ("case_number", "applicant_name", "act")  # what the list's search box matches (core.search)
    case_number = models.CharField(
        "案号", max_length=50, blank=True, help_text="如 确政复〔2022〕12号"
    )
    agency = unit_link("复议机关", help_text="县级以上人民政府（行政复议法第24条）。默认为被申请人所在的县级政府。")
    respondent = unit_link("被申请人", related_name="reconsiderations")
    applicant_name = models.CharField("申请人", max_length=100)
    applicant_kind = models.CharField(
        "申请人类型", max_length=10, choices=ApplicantKind.choices, default=ApplicantKind.PERSON
    )
    applicant_phone = phone_field("申请人电话")
    act = models.CharField("申请复议的行政行为", max_length=300)
    act_kind = models.CharField(
        "行为类别", max_length=20, choices=ActKind.choices, default=ActKind.OTHER
    )
    channel = models.CharField(
        "申请方式", max_length=20, choices=Channel.choices, default=Channel.IN_PERSON
    )
    received_on = models.DateField("收到申请日期", db_index=True)

    state = state_field(State, State.RECEIVED, db_index=True)
    procedure = models.CharField("审理程序", max_length=20, choices=Procedure.choices, blank=True)

    correction_requested_on = models.DateField("通知补正日期", null=True, blank=True)
    correction_received_on = models.DateField("收到补正材料日期", null=True, blank=True)
    accepted_on = models.DateField("受理日期", null=True, blank=True, db_index=True)
    deemed_accepted = models.BooleanField("审查期满视为受理", default=False)
    refused_on = models.DateField("不予受理日期", null=True, blank=True)
    refusal_reason = models.CharField("不予受理理由", max_length=300, blank=True)
    abandoned_on = models.DateField("视为放弃日期", null=True, blank=True)
    copy_sent_on = models.DateField("发送副本日期", null=True, blank=True)
    copy_received_on = models.DateField("被申请人收到副本日期", null=True, blank=True)
    reply_received_on = models.DateField("收到答复日期", null=True, blank=True)
    reply_late = models.BooleanField("逾期答复", default=False, help_text="行政复议法第70条")
    hearing_on = models.DateField("听证日期", null=True, blank=True)
    suspended_on = models.DateField("中止日期", null=True, blank=True)
    suspension_ground = models.CharField(
        "中止原因", max_length=20, choices=SuspensionGround.choices, blank=True
    )
    suspended_from = models.CharField(
        max_length=20, choices=State.choices, blank=True, editable=False
    )
    resumed_on = models.DateField("恢复审理日期", null=True, blank=True)
    extended_on = models.DateField("延期日期", null=True, blank=True)
    extension_approved_by = models.CharField("延期批准人", max_length=50, blank=True)
    extension_reason = models.CharField("延期理由", max_length=300, blank=True)
    closed_on = models.DateField("审结日期", null=True, blank=True, db_index=True)
    outcome = models.CharField(
        "结案方式", max_length=30, choices=ReviewOutcome.choices, blank=True, db_index=True
    )
    termination_reason = models.CharField(
        "终止原因", max_length=20, choices=TerminationReason.choices, blank=True
    )
    closed_late = models.BooleanField("超期审结", default=False)
    handling_days = models.PositiveIntegerField(
        "办理天数", null=True, blank=True, help_text="受理至审结的日历天数"
    )
    performance_status = models.CharField(
        "履行情况", max_length=20, choices=PerformanceStatus.choices, blank=True
    )
    performance_checked_on = models.DateField("履行核查日期", null=True, blank=True)
    note = models.TextField("备注", blank=True)

    objects = ApplicationQuerySet.as_manager()
    scope_field = "respondent"

    Meta = newest_first(
        "行政复议申请", "received_on", indexes=[models.Index(fields=["state", "received_on"])]
    )

    def __str__(self) -> str:
        return (
            self.case_number
            or f"{mask_name(self.applicant_name)}申请复议（{self.received_on:%Y-%m-%d}）"
        )

    @property
    def period_law_date(self) -> date | None:
        """Every period of a case follows the law in force when it was received (第90条)."""
        return self.received_on

    @property
    def under_2023_law(self) -> bool:
        return self.received_on is None or self.received_on >= rules.LAW_2023_FROM

    # ------------------------------------------------------------ display

    @property
    def is_closed(self) -> bool:
        return self.state in rules.CLOSED_STATES

    # ------------------------------------------------------------ validation

    def clean(self) -> None:
        errors = self.future_date_errors()
        if self.accepted_on and self.received_on and self.accepted_on < self.received_on:
            errors["accepted_on"] = "受理日期不能早于收到申请日期。"
        if self.closed_on and self.accepted_on and self.closed_on < self.accepted_on:
            errors["closed_on"] = "审结日期不能早于受理日期。"
        if self.respondent_id and self.agency_id and self.respondent_id != self.agency_id:
            if not self.respondent.path.startswith(self.agency.path):
                errors["respondent"] = (
                    "被申请人应为复议机关所辖单位；上级机关受理的案件请登记为“上级受理案件”。"
                )
        if self.respondent_id and self.agency_id and self.respondent_id == self.agency_id:
            errors["respondent"] = (
                "复议机关不能是被申请人本身（以本级政府为被申请人的案件由上级受理）。"
            )
        if errors:
            raise ValidationError(errors)

    # ------------------------------------------------------------ permissions

    def action_available(self, action: str) -> bool:
        if action == "extend":
            return rules.can_extend(self.procedure, self.extended_on is not None)
        if action == "to_ordinary":
            return self.procedure == Procedure.SIMPLIFIED
        if action == "schedule_hearing":
            return self.procedure == Procedure.ORDINARY
        if action in ("deem_accepted", "abandon"):
            # Offered only once the period it depends on has run out (第30条第3款, 第31条第2款).
            code = rules.P_REVIEW if action == "deem_accepted" else rules.P_CORRECTION
            due = self._deadline(code)
            return bool(
                due is not None
                and due.is_open
                and due.paused_since is None
                and due.due_date < timezone.localdate()
            )
        if action == "letter_reply":
            return any(letter.replied_on is None for letter in self.letters.all())
        return True

    def reserved_unit(self, action: str) -> Any:
        """Jurisdiction beyond the respondent's unit: the agency's moves need the agency."""
        return self.agency if rules.SIDE.get(action) == rules.AGENCY else None

    def reserved_unit_name(self) -> str:
        return f"复议机关（{self.agency}）的工作人员"

    def apply(self, action: str, *, by: Any, on: date, note: str = "", **data: Any) -> None:
        # The user who moves the case is responsible for the agency's next step.
        self._actor = by
        super().apply(action, by=by, on=on, note=note, **data)

    # ------------------------------------------------------------ registration

    def check_registrar(self, by: Any) -> None:
        """The agency defaults to the respondent's county government (第24条); only its
        staff register applications."""
        if self.respondent_id and not self.agency_id:
            self.agency = default_agency(self.respondent)
        super().check_registrar(by)
        if self.agency_id and not can_write_unit(by, self.agency):
            raise ValidationError(
                {"agency": "只有复议机关（机构）的工作人员可以登记行政复议申请。"}
            )
        self._actor = by

    def on_register(self, by: Any) -> None:
        """A received application opens its acceptance review (第30条)."""
        self.open_review_deadline()

    def open_review_deadline(self, start: date | None = None, *, restart: bool = False) -> None:
        """The acceptance review (第30条) from receipt, or afresh from corrected materials."""
        title = "受理审查（补正后重新计算）" if restart else "受理审查"
        self._open_agency_deadline(
            rules.P_REVIEW, start or self.received_on, title, restart=restart
        )

    def _open_agency_deadline(self, period: str, start: date, title: str, **extra: Any) -> None:
        """A period the agency keeps: its unit's, with the staff member who made the move
        responsible, titled "<title>：<the application>"."""
        deadlines.open_deadline(
            self,
            period,
            start=start,
            title=f"{title}：{self}",
            unit=self.agency,
            responsible=self._responsible(),
            **extra,
        )

    def _responsible(self) -> Any:
        """The agency's staff member who made the last move, if a user (not a script)."""
        actor = getattr(self, "_actor", None)
        return actor if getattr(actor, "pk", None) and can_write_unit(actor, self.agency) else None

    # ------------------------------------------------------------ hooks (one per action)

    def _deadline(self, code: str) -> Any:
        return deadlines.deadlines_for(self).filter(period__code=code).order_by("-id").first()

    def on_request_correction(self, *, on: date, **_: Any) -> None:
        self.correction_requested_on = on
        # 第31条: the applicant's correction time does not count against the review.
        deadlines.pause_deadline(self, rules.P_REVIEW, start=on, reason="通知申请人补正")
        self._open_agency_deadline(rules.P_CORRECTION, on, "申请人补正")

    def on_receive_correction(self, *, on: date, **_: Any) -> None:
        self.correction_received_on = on
        deadlines.meet_deadline(self, rules.P_CORRECTION, on=on)
        if self.under_2023_law:
            # 第31条第3款 with 第30条: the 5 working days of review run afresh from the
            # receipt of the corrected materials.
            self.open_review_deadline(on, restart=True)
        else:
            # Old law (实施条例第29条): the correction time is not counted.
            deadlines.resume_deadline(self, rules.P_REVIEW, on=on)

    def on_extend_correction(
        self, *, on: date, length: Any = None, approved_by: str = "", reason: str = "", **_: Any
    ) -> str:
        # 第31条第2款: "有正当理由不能按期补正的，行政复议机构可以延长合理的补正期限".
        if not (approved_by or "").strip():
            raise TransitionNotAllowed(
                "延长补正期限须经行政复议机构批准，请填写批准人（第31条第2款）。"
            )
        if not (reason or "").strip():
            raise TransitionNotAllowed("请填写申请人不能按期补正的正当理由（第31条第2款）。")
        try:
            days = int(length)
        except (TypeError, ValueError) as exc:
            raise TransitionNotAllowed("延长工作日数：请填写正整数。") from exc
        try:
            deadlines.extend_deadline(
                self,
                rules.P_CORRECTION,
                on=on,
                length=days,
                approved_by=approved_by.strip(),
                reason=reason.strip(),
            )
        except ValidationError as exc:
            raise TransitionNotAllowed(exc.messages) from exc
        return self.state

    def on_abandon(self, *, on: date, **_: Any) -> None:
        due = self._deadline(rules.P_CORRECTION)
        if due is not None and due.due_date is not None and on <= due.due_date:
            raise TransitionNotAllowed(
                f"补正期限至{due.due_date:%Y-%m-%d}，期限届满前不能认定为放弃申请。"
            )
        self.abandoned_on = on
        deadlines.cancel_deadline(self, rules.P_CORRECTION, on=on, reason="逾期未补正，视为放弃")
        deadlines.cancel_deadline(self, rules.P_REVIEW, on=on, reason="逾期未补正，视为放弃")

    def _start_review(self, accepted_on: date, procedure: str | None) -> None:
        if procedure not in Procedure.values:
            raise TransitionNotAllowed("请选择审理程序（普通程序或简易程序）。")
        if procedure == Procedure.SIMPLIFIED and not self.under_2023_law:
            raise TransitionNotAllowed(
                f"本申请于 {self.received_on:%Y-%m-%d} 收到，适用修订前的行政复议法，没有简易程序"
                "（2023年修订的行政复议法自2024年1月1日起施行，第90条），请选择普通程序。"
            )
        self.procedure = procedure
        self.accepted_on = accepted_on
        url = self.get_absolute_url()
        self._open_agency_deadline(
            rules.COPY_PERIOD[procedure], accepted_on, "发送申请书副本", url=url
        )
        self._open_agency_deadline(
            rules.DECISION_PERIOD[procedure], accepted_on, "作出复议决定", url=url
        )

    def on_accept(self, *, on: date, procedure: str | None = None, **_: Any) -> None:
        deadlines.meet_deadline(self, rules.P_REVIEW, on=on)
        self._start_review(on, procedure)

    def on_deem_accepted(self, *, on: date, procedure: str | None = None, **_: Any) -> None:
        review = self._deadline(rules.P_REVIEW)
        due = getattr(review, "due_date", None)
        if due is None or on <= due:
            raise TransitionNotAllowed(
                "受理审查期限尚未届满，不能视为受理（行政复议法第30条第3款）。"
            )
        # 第30条第3款: accepted on the day the review period expired.
        self.deemed_accepted = True
        deadlines.cancel_deadline(
            self, rules.P_REVIEW, on=on, reason="审查期满未作决定，视为受理"
        )
        self._start_review(due, procedure)

    def on_refuse(self, *, on: date, reason: str = "", **_: Any) -> None:
        if not reason.strip():
            raise TransitionNotAllowed("请填写不予受理的理由（行政复议法第30条第2款）。")
        self.refused_on = on
        self.refusal_reason = reason.strip()
        self.outcome = ReviewOutcome.NOT_ACCEPTED
        deadlines.meet_deadline(self, rules.P_REVIEW, on=on)

    def on_send_copy(self, *, on: date, received_on: date | None = None, **_: Any) -> None:
        received = received_on or on
        if not isinstance(received, date) or received < on:
            raise TransitionNotAllowed("被申请人收到日期不能早于发送日期。")
        if is_future(received):
            raise TransitionNotAllowed(future_message(received, "被申请人收到日期"))
        self.copy_sent_on = on
        self.copy_received_on = received
        deadlines.meet_deadline(self, rules.COPY_PERIOD[self.procedure], on=on)
        # 第48条 / 第54条: the reply period runs from the respondent's receipt of the copy.
        deadlines.open_deadline(
            self,
            rules.REPLY_PERIOD[self.procedure],
            start=received,
            title=f"提交答复：{self}",
            unit=self.respondent,
        )

    def on_receive_reply(self, *, on: date, **_: Any) -> None:
        self.reply_received_on = on
        met = deadlines.meet_deadline(self, rules.REPLY_PERIOD[self.procedure], on=on)
        # 第70条: a late reply means the act is treated as having no evidence.
        self.reply_late = bool(met is not None and met.on_time is False)

    def on_schedule_hearing(self, *, on: date, hearing_on: date | None = None, **_: Any) -> str:
        if not isinstance(hearing_on, date):
            raise TransitionNotAllowed("请填写听证日期。")
        if hearing_on < on:
            raise TransitionNotAllowed("听证日期不能早于通知日期。")
        # 第51条: the parties are notified at least 5 working days before the hearing;
        # `on` is the day the notice went out.
        if deadlines.period_in_force(rules.P_HEARING_NOTICE, self.received_on) is None:
            # The old law set no notice period for hearings: nothing to check.
            self.hearing_on = hearing_on
            return self.state
        self._open_agency_deadline(rules.P_HEARING_NOTICE, hearing_on, "听证通知")
        met = deadlines.meet_deadline(self, rules.P_HEARING_NOTICE, on=on)
        if met is not None and met.on_time is False:
            raise TransitionNotAllowed(
                f"听证通知应不晚于{met.due_date:%Y-%m-%d}送达（听证日前5个工作日，行政复议法第51条），"
                "请另定听证日期。"
            )
        self.hearing_on = hearing_on
        return self.state

    def _to_ordinary(
        self, periods: Mapping[Any, str], on: date, start: date | None, title: str, unit: Unit,
        agency_step: bool = False,
    ) -> None:
        """The simplified procedure's period ends and the ordinary one's runs from `start`."""
        deadlines.cancel_deadline(self, periods[Procedure.SIMPLIFIED], on=on, reason="转为普通程序")
        deadlines.open_deadline(
            self, periods[Procedure.ORDINARY], start=start, title=title, unit=unit,  # type: ignore[arg-type]
            responsible=self._responsible() if agency_step else None,
        )

    def on_to_ordinary(self, *, on: date, approved_by: str = "", **_: Any) -> str:
        if not approved_by.strip():
            raise TransitionNotAllowed(
                "转为普通程序须经复议机构负责人批准，请填写批准人（第55条）。"
            )
        self._to_ordinary(
            rules.DECISION_PERIOD, on, self.accepted_on, f"作出复议决定：{self}", self.agency, True
        )
        if self.state == State.COPY_SENT:
            # The respondent now has the ordinary procedure's 10 working days (第48条).
            self._to_ordinary(
                rules.REPLY_PERIOD, on, self.copy_received_on, f"提交答复：{self}", self.respondent
            )
        if self.state == State.ACCEPTED:
            self._to_ordinary(
                rules.COPY_PERIOD, on, self.accepted_on, f"发送申请书副本：{self}", self.agency, True
            )
        self.procedure = Procedure.ORDINARY
        self.note = _append(self.note, f"{on:%Y-%m-%d} 经{approved_by.strip()}批准转为普通程序")
        return self.state

    def on_suspend(self, *, on: date, ground: str = "", **_: Any) -> None:
        if ground not in SuspensionGround.values:
            raise TransitionNotAllowed("请选择中止原因（行政复议法第39条）。")
        self.suspended_from = self.state
        self.suspended_on = on
        self.suspension_ground = ground
        self.resumed_on = None
        # 第39条: the decision period does not run while the case is suspended.
        deadlines.pause_deadline(
            self, rules.DECISION_PERIOD[self.procedure], start=on, reason="中止审理"
        )

    def on_resume(self, *, on: date, **_: Any) -> str:
        self.resumed_on = on
        deadlines.resume_deadline(self, rules.DECISION_PERIOD[self.procedure], on=on)
        back = self.suspended_from or State.ACCEPTED
        self.suspended_from = ""
        return back

    def on_extend(self, *, on: date, approved_by: str = "", reason: str = "", **_: Any) -> str:
        if not approved_by.strip():
            raise TransitionNotAllowed("延期须经复议机构负责人批准，请填写批准人（第62条第1款）。")
        self.extended_on = on
        self.extension_approved_by = approved_by.strip()
        self.extension_reason = reason.strip()
        deadlines.extend_deadline(
            self,
            rules.DECISION_PERIOD[self.procedure],
            on=on,
            reason=reason,
            approved_by=approved_by,
        )
        return self.state

    def _close(self, on: date, outcome: str) -> str:
        for code in (rules.COPY_PERIOD.get(self.procedure), rules.REPLY_PERIOD.get(self.procedure)):
            if code:
                deadlines.cancel_deadline(self, code, on=on, reason="案件已审结")
        if self.state == State.SUSPENDED:
            deadlines.resume_deadline(self, rules.DECISION_PERIOD[self.procedure], on=on)
        met = deadlines.meet_deadline(self, rules.DECISION_PERIOD[self.procedure], on=on)
        self.closed_late = bool(met is not None and met.on_time is False)
        self.closed_on = on
        self.outcome = outcome
        self.handling_days = (on - self.accepted_on).days if self.accepted_on else None
        self.suspended_from = ""
        if outcome in rules.DECISION_OUTCOMES | {ReviewOutcome.MEDIATED}:
            self.performance_status = PerformanceStatus.PENDING
        return rules.outcome_state(outcome)

    def on_decide(self, *, on: date, outcome: str = "", **_: Any) -> str:
        if outcome not in rules.DECISION_OUTCOMES:
            labels = "、".join(ReviewOutcome(o).label for o in sorted(rules.DECISION_OUTCOMES))
            raise TransitionNotAllowed(f"未知的复议决定类型“{outcome}”（可选：{labels}）。")
        return self._close(on, outcome)

    def on_mediate(self, *, on: date, **_: Any) -> str:
        return self._close(on, ReviewOutcome.MEDIATED)

    def on_settle(self, *, on: date, **_: Any) -> str:
        return self._close(on, ReviewOutcome.SETTLED_WITHDRAWN)

    def on_terminate(self, *, on: date, termination_reason: str = "", **_: Any) -> str:
        if termination_reason not in TerminationReason.values:
            raise TransitionNotAllowed("请选择终止原因（行政复议法第41条）。")
        self.termination_reason = termination_reason
        return self._close(on, ReviewOutcome.TERMINATED)

    def on_issue_letter(self, *, on: date, kind: str = "", recipient: Any = None, **_: Any) -> str:
        if kind not in LetterKind.values:
            raise TransitionNotAllowed("请选择文书类型（意见书或建议书）。")
        target = recipient if isinstance(recipient, Unit) else self.respondent
        if not target.path.startswith(self.agency.path):
            raise TransitionNotAllowed("意见书、建议书只能送达复议机关所辖单位。")
        self._pending_letter = Letter(application=self, kind=kind, recipient=target, issued_on=on)
        self._pending_letter.full_clean()
        return self.state

    def on_letter_reply(self, *, on: date, letter: Any = None, note: str = "", **_: Any) -> str:
        found = self.letters.filter(
            pk=getattr(letter, "pk", letter), replied_on__isnull=True
        ).first()
        if found is None:
            raise TransitionNotAllowed("请选择尚未回复的意见书或建议书。")
        if on < found.issued_on:
            raise TransitionNotAllowed("回复日期不能早于文书制发日期。")
        found.replied_on = on
        found.reply_note = note
        found.full_clean()
        found.save()
        deadlines.meet_deadline(found, rules.P_OPINION, on=on)
        return self.state

    def on_follow_up(self, *, on: date, status: str = "", **_: Any) -> str:
        if status not in PerformanceStatus.values or status == PerformanceStatus.PENDING:
            raise TransitionNotAllowed("请选择履行情况。")
        self.performance_status = status
        self.performance_checked_on = on
        return self.state

    def after_apply(self, action: str, *, on: date, by: Any) -> None:
        letter = getattr(self, "_pending_letter", None)
        if action == "issue_letter" and letter is not None:
            letter.save()
            # 第76条: the recipient reports within 60 days of receiving the letter.
            deadlines.open_deadline(
                letter,
                rules.P_OPINION,
                start=on,
                title=f"{letter.get_kind_display()}回复：{self}",
                unit=letter.recipient,
                url=self.get_absolute_url(),
            )
            self._pending_letter = None


def _append(text: str, line: str) -> str:
    return f"{text}\n{line}".strip()


def default_agency(respondent: Unit) -> Unit:
    """The county-level government above the respondent (第24条: it handles the cases)."""
    for unit in respondent.ancestors().order_by("-depth"):
        if unit.kind == UnitKind.COUNTY and unit.pk != respondent.pk:
            return unit
    return respondent.parent or respondent


class LetterQuerySet(ScopedQuerySet["Letter"]):
    def unanswered(self) -> LetterQuerySet:
        return self.filter(replied_on__isnull=True)


class Letter(DatedRecord):
    """A 行政复议意见书 (第76条) or 建议书 (实施条例 第57条) and the recipient's reply."""

    application = models.ForeignKey(
        Application, verbose_name="复议案件", on_delete=models.CASCADE, related_name="letters"
    )
    kind = models.CharField("文书类型", max_length=20, choices=LetterKind.choices)
    recipient = unit_link("送达单位")
    number = models.CharField("文号", max_length=50, blank=True)
    issued_on = models.DateField("制发日期")
    replied_on = models.DateField("回复日期", null=True, blank=True)
    reply_note = models.TextField("回复情况", blank=True)

    objects: ClassVar[Any] = LetterQuerySet.as_manager()
    event_dates = ("issued_on", "replied_on")
    scope_field = "recipient"

    Meta = record_meta("意见书/建议书", ordering=["issued_on", "id"])

    def __str__(self) -> str:
        return f"{self.get_kind_display()}（{self.issued_on:%Y-%m-%d}，{self.recipient}）"

    def get_absolute_url(self) -> str:
        return self.application.get_absolute_url()

    def record_errors(self) -> dict[str, str]:
        if self.replied_on and self.issued_on and self.replied_on < self.issued_on:
            return {"replied_on": "回复日期不能早于制发日期。"}
        return {}


class SuperiorCase(DatedRecord):
    """A case a superior body (e.g. the city government) handles against a unit here.

    The county does not run these cases, it is their respondent: the record keeps what
    the superior decided, so that "市政府受理以我县政府为被申请人的案件3件，全部维持"
    comes from records (indicator recon_superior_cases).
    """

    # Names of people: replaced in anything published (core.privacy).
    personal_name_fields = ("applicant_name",)

    search_fields = ("case_number", "applicant_name", "act")  # what the list's search box matches (core.search)
    respondent = unit_link("被申请人", related_name="superior_reconsiderations")
    superior_body = models.CharField("复议机关", max_length=100, help_text="如 驻马店市人民政府")
    case_number = models.CharField("案号", max_length=50, blank=True)
    applicant_name = models.CharField("申请人", max_length=100)
    act = models.CharField("申请复议的行政行为", max_length=300)
    accepted_on = models.DateField("受理日期", db_index=True)
    closed_on = models.DateField("审结日期", null=True, blank=True)
    outcome = models.CharField("结案方式", max_length=30, choices=ReviewOutcome.choices, blank=True)
    note = models.TextField("备注", blank=True)

    event_dates = ("accepted_on", "closed_on")
    scope_field = "respondent"

    Meta = newest_first("上级受理案件", "accepted_on")

    def __str__(self) -> str:
        return (
            self.case_number
            or f"{self.superior_body}受理 {mask_name(self.applicant_name)}申请（{self.accepted_on:%Y-%m-%d}）"
        )

    @property
    def masked_applicant(self) -> str:
        return mask_name(self.applicant_name)

    @property
    def is_corrected(self) -> bool:
        return self.outcome in rules.CORRECTIVE_OUTCOMES

    def record_errors(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        if self.closed_on and self.accepted_on and self.closed_on < self.accepted_on:
            errors["closed_on"] = "审结日期不能早于受理日期。"
        if self.closed_on and not self.outcome:
            errors["outcome"] = "已审结的案件请填写结案方式。"
        if self.outcome and not self.closed_on:
            errors["closed_on"] = "填写了结案方式的案件请填写审结日期。"
        if self.outcome == ReviewOutcome.NOT_ACCEPTED:
            errors["outcome"] = "上级受理案件的结案方式不能是“不予受理”。"
        return errors


# Q objects the indicators and the list filters share, so figures and lists agree.


def q_closed_in(start: date, end: date) -> Q:
    return Q(state__in=rules.CLOSED_STATES, closed_on__gte=start, closed_on__lte=end)


def q_carried_over(start: date) -> Q:
    """Accepted before `start` and still open on it (closed on or after it, or not yet)."""
    return Q(accepted_on__lt=start) & (Q(closed_on__isnull=True) | Q(closed_on__gte=start))
