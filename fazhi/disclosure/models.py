"""Government information disclosure: proactively disclosed items and requests.

A `Request` belongs to the agency that must answer it (`unit`). Every state change goes
through `Request.apply()` (fazhi.core.workflow); the moves and the periods they start are
data in `rules.py`. The reply period is a row of the deadlines app (`disclosure_reply`,
第33条第2款: 20 working days, +20 once); nothing here computes a statutory date.
"""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone

from fazhi.audit.trail import audit_context
from fazhi.core.models import (
    DetailPage,
    EventDates,
    MaskedApplicant,
    OpenStates,
    WorkflowQuerySet,
    optional_link,
    phone_field,
    state_field,
    unit_link,
)
from fazhi.core.records import annual_meta, dated_meta
from fazhi.core.validators import future_dates
from fazhi.core.workflow import Registered, TransitionNotAllowed, Workflow
from fazhi.deadlines import services as deadlines
from fazhi.disclosure import rules
from fazhi.disclosure.rules import (
    ApplicantKind,
    Channel,
    FilingState,
    ProactiveCategory,
    ReplyType,
    State,
)
from fazhi.org.models import Unit
from fazhi.org.scope import ScopedQuerySet

EVENT_DATES = (
    "received_on",
    "correction_requested_on",
    "correction_received_on",
    "consulted_on",
    "consultation_done_on",
    "extended_on",
    "replied_on",
)


class ProactiveItemQuerySet(ScopedQuerySet["ProactiveItem"]):
    def in_year(self, year: int) -> ProactiveItemQuerySet:
        return self.filter(published_on__year=year)


class ProactiveItem(models.Model):
    """One item disclosed on the unit's own initiative (第19–26条), e.g. on the portal."""

    search_fields = ("title",)  # what the list's search box matches (core.search)
    unit = unit_link("公开单位")
    category = models.CharField(
        "类别", max_length=20, choices=ProactiveCategory.choices, db_index=True
    )
    title = models.CharField("标题", max_length=300)
    published_on = models.DateField("公开日期", db_index=True)
    formed_on = models.DateField(
        "信息形成或变更日期",
        null=True,
        blank=True,
        help_text="第26条：自形成或变更之日起20个工作日内公开",
    )
    channel = models.CharField("公开渠道", max_length=50, blank=True, default="政府门户网站")
    url = models.CharField("链接", max_length=300, blank=True)

    objects = ProactiveItemQuerySet.as_manager()

    Meta = dated_meta("主动公开信息", "published_on")

    def __str__(self) -> str:
        return self.title

    def save(self, *args: Any, **kwargs: Any) -> None:
        with transaction.atomic():
            super().save(*args, **kwargs)
            # The unit now has records for the year: its annual report falls due (第49条).
            ReportFiling.ensure_for([(self.unit, self.published_on)])

    def clean(self) -> None:
        errors = future_dates(self, ("published_on",))
        if self.formed_on and self.published_on and self.formed_on > self.published_on:
            errors["formed_on"] = "信息形成日期不能晚于公开日期。"
        if errors:
            raise ValidationError(errors)


class Request(DetailPage, EventDates, MaskedApplicant, OpenStates, Registered, Workflow):
    """A request for government information (依申请公开), from receipt to the reply."""

    detail_url = "disclosure:detail"

    transitions = rules.TRANSITIONS
    # 第30条: the applicant is told once what to correct (一次性告知); one extension.
    once_moves = {"request_correction": "correction_requested_on", "extend": "extended_on"}
    open_states = frozenset(State.values) - {State.DONE}
    event_dates = EVENT_DATES
    registrar_refusal = "您无权为该单位登记政府信息公开申请。"

    search_fields = ("number", "applicant_name", "content")  # what the list's search box matches (core.search)
    number = models.CharField("编号", max_length=50, blank=True, help_text="如 确政公开〔2022〕3号")
    unit = unit_link("答复机关", related_name="disclosure_requests")
    personal_name_fields = ("applicant_name",)  # anonymised in anything published (core/privacy.py)
    applicant_name = models.CharField("申请人", max_length=100)
    applicant_kind = models.CharField(
        "申请人类型", max_length=20, choices=ApplicantKind.choices, default=ApplicantKind.PERSON
    )
    applicant_phone = phone_field("申请人电话")
    content = models.CharField("申请公开的内容", max_length=500)
    channel = models.CharField(
        "申请方式", max_length=20, choices=Channel.choices, default=Channel.ONLINE
    )
    received_on = models.DateField("收到申请日期", db_index=True, help_text="第31条确定的收到日期")

    state = state_field(State, State.RECEIVED, db_index=True)
    correction_requested_on = models.DateField("告知补正日期", null=True, blank=True)
    correction_notice_late = models.BooleanField(
        "补正告知超期", default=False, help_text="第30条：7个工作日内"
    )
    correction_received_on = models.DateField("收到补正日期", null=True, blank=True)
    consulted_on = models.DateField("征求意见日期", null=True, blank=True)
    consultation_subject = models.CharField("征求意见事项", max_length=300, blank=True)
    consultation_done_on = models.DateField("收到意见日期", null=True, blank=True)
    extended_on = models.DateField("延期日期", null=True, blank=True)
    extension_approved_by = models.CharField("延期批准人", max_length=50, blank=True)
    extension_reason = models.CharField("延期理由", max_length=300, blank=True)
    replied_on = models.DateField("答复日期", null=True, blank=True, db_index=True)
    reply_type = models.CharField(
        "答复类型", max_length=30, choices=ReplyType.choices, blank=True, db_index=True
    )
    replied_on_time = models.BooleanField("按期答复", null=True, blank=True)
    reconsideration = optional_link(
        "reconsideration.Application",
        "引发的行政复议",
        on_delete=models.SET_NULL,
        related_name="disclosure_requests",
    )
    lawsuit = optional_link(
        "litigation.Lawsuit",
        "引发的行政诉讼",
        on_delete=models.SET_NULL,
        related_name="disclosure_requests",
    )
    note = models.TextField("备注", blank=True)

    objects: ClassVar[Any] = WorkflowQuerySet["Request"].as_manager()

    Meta = dated_meta("政府信息公开申请", "received_on")

    def __str__(self) -> str:
        return self.number or f"{self.masked_applicant}申请公开（{self.received_on:%Y-%m-%d}）"

    def clean(self) -> None:
        errors = self.future_date_errors()
        if self.replied_on and self.received_on and self.replied_on < self.received_on:
            errors["replied_on"] = "答复日期不能早于收到申请日期。"
        if self.state == State.DONE and not self.reply_type:
            errors["reply_type"] = "已办结的申请须有答复类型。"
        if errors:
            raise ValidationError(errors)

    # ------------------------------------------------------------ registration

    def on_register(self, by: Any) -> None:
        """A received request starts its reply period (第33条第2款), and its unit's annual
        report falls due (第49条)."""
        self.open_reply_deadline(self.received_on)
        ReportFiling.ensure_for([(self.unit, self.received_on)])

    def open_reply_deadline(self, start: date) -> None:
        deadlines.open_deadline(self, rules.P_REPLY, start=start, title=f"答复信息公开申请：{self}")

    def reply_deadline(self) -> Any:
        return deadlines.deadlines_for(self).filter(period__code=rules.P_REPLY).order_by("-id").first()

    # ------------------------------------------------------------ hooks

    def on_request_correction(self, *, on: date, **_: Any) -> None:
        # 第30条: the notice is due within 7 working days of receipt; record whether it was.
        deadlines.open_deadline(
            self,
            rules.P_CORRECTION_NOTICE,
            start=self.received_on,
            title=f"告知补正：{self}",
        )
        met = deadlines.meet_deadline(self, rules.P_CORRECTION_NOTICE, on=on)
        self.correction_notice_late = bool(met is not None and met.on_time is False)
        self.correction_requested_on = on
        # 第30条: the reply period runs again from the receipt of the completed request.
        deadlines.cancel_deadline(
            self, rules.P_REPLY, on=on, reason="告知补正，答复期限自收到补正申请之日起重新计算"
        )

    def on_receive_correction(self, *, on: date, **_: Any) -> None:
        self.correction_received_on = on
        self.open_reply_deadline(on)

    def on_abandon(self, *, on: date, **_: Any) -> None:
        # 第30条: no correction within the period set, without good reason → abandoned.
        self.replied_on = on
        self.reply_type = ReplyType.NO_CORRECTION
        self.replied_on_time = None

    def on_consult(self, *, on: date, reason: str = "", **_: Any) -> None:
        # 第33条第3款: consulting a third party or another agency does not count.
        deadlines.pause_deadline(self, rules.P_REPLY, start=on, reason="征求第三方或其他机关意见")
        deadlines.open_deadline(self, rules.P_THIRD_PARTY, start=on, title=f"第三方提出意见：{self}")
        self.consulted_on = on
        self.consultation_subject = reason.strip()
        self.consultation_done_on = None

    def on_consultation_done(self, *, on: date, **_: Any) -> None:
        deadlines.meet_deadline(self, rules.P_THIRD_PARTY, on=on)
        deadlines.resume_deadline(self, rules.P_REPLY, on=on)
        self.consultation_done_on = on

    def on_extend(self, *, on: date, approved_by: str = "", reason: str = "", **_: Any) -> str:
        if not approved_by.strip():
            raise TransitionNotAllowed(
                "延长答复期限须经政府信息公开工作机构负责人同意，请填写批准人（第33条第2款）。"
            )
        deadlines.extend_deadline(
            self, rules.P_REPLY, on=on, reason=reason, approved_by=approved_by
        )
        self.extended_on = on
        self.extension_approved_by = approved_by.strip()
        self.extension_reason = reason.strip()
        return self.state

    def on_reply(self, *, on: date, reply_type: str = "", **_: Any) -> None:
        if reply_type not in ReplyType.values or reply_type == ReplyType.NO_CORRECTION:
            raise TransitionNotAllowed("请选择答复类型（政府信息公开条例第36–39条）。")
        if self.state == State.CONSULTING:
            deadlines.resume_deadline(self, rules.P_REPLY, on=on)
        deadlines.cancel_deadline(self, rules.P_THIRD_PARTY, on=on, reason="已作出答复")
        met = deadlines.meet_deadline(self, rules.P_REPLY, on=on)
        self.replied_on = on
        self.reply_type = reply_type
        self.replied_on_time = None if met is None else bool(met.on_time)

    def on_link_case(
        self, *, on: date, reconsideration: Any = None, lawsuit: Any = None, **_: Any
    ) -> str:
        if reconsideration is None and lawsuit is None:
            raise TransitionNotAllowed("请选择引发的行政复议或行政诉讼案件。")
        if reconsideration is not None:
            self.reconsideration = reconsideration
        if lawsuit is not None:
            self.lawsuit = lawsuit
        return self.state


# ---------------------------------------------------------------- the annual report


class ReportFiling(DetailPage, Registered, Workflow):
    """One unit's 政府信息公开工作年度报告 for one year: due by 31 January (部门) or
    31 March (本级政府) of the next year (第49条), met when it is published.

    Opened by `ensure_for()` as soon as the unit has a disclosure record (a request
    received or an item published) in the year — for the unit itself and for the
    government whose whole report counts it — or by hand for a unit without records
    (`open_for`). The deadline is a row of the deadlines app, so it is on the due list.
    """

    detail_url = "disclosure:filing"
    registrar_refusal = "您无权为该单位登记年度报告。"

    transitions = rules.FILING_TRANSITIONS

    unit = unit_link("报告单位")
    year = models.PositiveSmallIntegerField("报告年度")
    state = state_field(FilingState, FilingState.DUE)
    published_on = models.DateField("公布日期", null=True, blank=True)
    published_on_time = models.BooleanField("按期公布", null=True, blank=True)
    number = models.CharField("文号", max_length=100, blank=True)
    url = models.CharField("公布网址", max_length=300, blank=True)
    # Parts 五 and 六 of the report (条例 第50条), written when it is published; the
    # report downloaded afterwards prints them as published.
    problems_text = models.TextField("存在的主要问题及改进情况", blank=True)
    other_text = models.TextField("其他需要报告的事项", blank=True)
    figures = models.JSONField(
        "公布时的主要数据", default=dict, blank=True, help_text="公布时按记录生成的报告数据"
    )

    objects: ClassVar[Any] = ScopedQuerySet["ReportFiling"].as_manager()

    Meta = annual_meta("政府信息公开工作年度报告", "disclosure_one_report_per_year")

    def __str__(self) -> str:
        return f"{self.unit.name}{self.year}年政府信息公开工作年度报告"

    @property
    def period_code(self) -> str:
        if self.unit.kind in rules.GOVERNMENT_KINDS:
            return rules.P_REPORT_GOVERNMENT
        return rules.P_REPORT_DEPARTMENT

    def last_event_date(self) -> date | None:
        return self.published_on

    def clean(self) -> None:
        errors: dict[str, str] = {}
        this_year = timezone.localdate().year
        if self.year and not 2008 <= self.year <= this_year:
            errors["year"] = f"报告年度应在2008年至{this_year}年之间。"
        if self.unit_id and self.unit.kind in rules.NO_REPORT_KINDS:
            errors["unit"] = "村（社区）不是行政机关，不单独编制政府信息公开工作年度报告。"
        if errors:
            raise ValidationError(errors)

    # ------------------------------------------------------------ opening

    @staticmethod
    def reporting_units(unit: Unit) -> list[Unit]:
        """The units whose report counts a record of `unit`: itself (unless a village)
        and the nearest 县级以上 government above it (the whole government's report)."""
        out = [] if unit.kind in rules.NO_REPORT_KINDS else [unit]
        if unit.kind not in rules.GOVERNMENT_KINDS:
            government = (
                unit.ancestors()
                .filter(kind__in=list(rules.GOVERNMENT_KINDS))
                .order_by("-path")
                .first()
            )
            if government is not None:
                out.append(government)
        return out

    @classmethod
    def ensure_for(cls, records: Any) -> list[ReportFiling]:
        """Open the report due for each (unit, date) of `records`; the new ones only.

        Idempotent: a unit and year already open (or published) is left as it is.
        """
        pairs: dict[tuple[int, int], Unit] = {}
        for unit, day in records:
            pairs.setdefault((unit.pk, day.year), unit)
        wanted: set[tuple[int, int]] = set()
        units: dict[int, Unit] = {}
        reporting: dict[int, list[Unit]] = {}
        for (unit_id, year), unit in pairs.items():
            if unit_id not in reporting:
                reporting[unit_id] = cls.reporting_units(unit)
            for u in reporting[unit_id]:
                wanted.add((u.pk, year))
                units[u.pk] = u
        if not wanted:
            return []
        existing = set(
            cls.objects.filter(
                unit_id__in={u for u, _ in wanted}, year__in={y for _, y in wanted}
            ).values_list("unit_id", "year")
        )
        made = []
        with transaction.atomic(), audit_context(verb="open_report"):
            for unit_id, year in sorted(wanted - existing):
                filing = cls.objects.create(unit=units[unit_id], year=year)
                filing.open_deadlines()
                made.append(filing)
        return made

    @classmethod
    def open_for(cls, *, by: Any, unit: Unit, year: int) -> ReportFiling:
        """Open a unit's report by hand (a unit with no records must report too)."""
        filing: ReportFiling = cls.register(by=by, verb="open_report", unit=unit, year=year)
        return filing

    def open_deadlines(self) -> None:
        # A fixed-date period: by 31 January / 31 March of the year after `start`'s year.
        deadlines.open_deadline(
            self,
            self.period_code,
            start=date(self.year, 12, 31),
            title=f"公布{self}"[:200],
        )

    # ------------------------------------------------------------ hooks

    def on_publish(
        self,
        *,
        on: date,
        number: str = "",
        url: str = "",
        problems: str = "",
        other: str = "",
        **_: Any,
    ) -> None:
        # Imported here: the report module imports these models (a real cycle).
        from fazhi.disclosure import report as annual

        if on.year <= self.year:
            raise TransitionNotAllowed(
                f"{self.year}年度尚未结束，公布日期应在{self.year + 1}年1月1日以后。"
            )
        rep = annual.build(self.unit, self.year)
        wrong = annual.validate(rep)
        if wrong:
            raise TransitionNotAllowed("年度报告表格校验未通过，不能公布：" + "；".join(wrong))
        t3 = rep.section3
        self.figures = {
            "主动公开": rep.proactive_total,
            "新收申请": t3.row(annual.ROW_NEW)[6],
            "上年结转": t3.row(annual.ROW_CARRIED)[6],
            "办理结果总计": t3.row(annual.ROW_TOTAL)[6],
            "结转下年度": t3.row(annual.ROW_FORWARD)[6],
            "行政复议": rep.section4.rows[0][1][4],
            "行政诉讼": rep.section4.rows[0][1][9] + rep.section4.rows[0][1][14],
        }
        met = deadlines.meet_deadline(self, self.period_code, on=on)
        self.published_on = on
        self.published_on_time = None if met is None else bool(met.on_time)
        self.number = number.strip()
        self.url = url.strip()
        self.problems_text = (problems or "").strip()
        self.other_text = (other or "").strip()
