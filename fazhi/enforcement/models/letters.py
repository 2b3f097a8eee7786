"""Supervision letters (行政执法监督意见书) and their rectification."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models

from fazhi.core.models import DetailPage, optional_link, state_field, unit_link
from fazhi.core.records import newest_first
from fazhi.core.validators import future_dates
from fazhi.core.workflow import Registered, TransitionNotAllowed, Workflow
from fazhi.deadlines import services
from fazhi.enforcement import rules
from fazhi.enforcement.models.reviews import FileReview
from fazhi.enforcement.rules import (
    LetterState,
)
from fazhi.org.scope import ScopedQuerySet, can_write_unit


class SupervisionLetterQuerySet(ScopedQuerySet["SupervisionLetter"]):
    def open(self) -> SupervisionLetterQuerySet:
        return self.exclude(state=LetterState.CLOSED)


class SupervisionLetter(DetailPage, Registered, Workflow):
    """A 行政执法监督意见书 to an enforcement unit, its rectification and follow-up (§7.5)."""

    detail_url = "enforcement:letter"
    registrar_field = "issuer"
    registrar_refusal = "只有制发机关的工作人员可以登记监督意见书。"

    transitions = rules.LETTER_TRANSITIONS

    search_fields = ("number",)  # what the list's search box matches (core.search)
    issuer = unit_link("制发机关", help_text="司法行政部门（执法监督机构）")
    recipient = unit_link("送达单位", related_name="supervision_letters")
    number = models.CharField("文号", max_length=60)
    issued_on = models.DateField("制发日期", db_index=True)
    problems = models.TextField("发现的问题及整改要求")
    file_review = optional_link(
        FileReview, "源自案卷评查", on_delete=models.SET_NULL, related_name="letters"
    )
    state = state_field(LetterState, LetterState.ISSUED, db_index=True)
    reported_on = models.DateField("报告整改日期", null=True, blank=True)
    report = models.TextField("整改情况", blank=True)
    reported_late = models.BooleanField("逾期报告", default=False)
    closed_on = models.DateField("销号日期", null=True, blank=True)

    objects = SupervisionLetterQuerySet.as_manager()
    scope_field = "recipient"

    Meta = newest_first("行政执法监督意见书", "issued_on")

    def __str__(self) -> str:
        return f"{self.number}（{self.recipient}）"

    def clean(self) -> None:
        errors = future_dates(self, ("issued_on", "reported_on", "closed_on"))
        if self.issuer_id and self.recipient_id:
            # The 司法局 supervises the units of its own government (its parent's subtree).
            base = self.issuer.parent or self.issuer
            if not self.recipient.path.startswith(base.path):
                errors["recipient"] = "送达单位须为制发机关所在政府的执法单位。"
        if self.reported_on and self.issued_on and self.reported_on < self.issued_on:
            errors["reported_on"] = "报告整改日期不能早于制发日期。"
        if self.reported_on and not (self.report or "").strip():
            errors["report"] = "已报告整改的，请填写整改情况。"
        if self.closed_on and not self.reported_on:
            errors["closed_on"] = "尚未报告整改的意见书不能销号。"
        elif self.closed_on and self.reported_on and self.closed_on < self.reported_on:
            errors["closed_on"] = "销号日期不能早于报告整改日期。"
        if errors:
            raise ValidationError(errors)

    def prepare_history(self, due: services.DueDates | None = None) -> None:
        """For the xlsx import of letters as they stand: the state follows the dates, and
        whether the report was late comes from the rectification period row
        (`enforcement_rectification`) by the deadlines app's arithmetic."""
        if self.closed_on:
            self.state = LetterState.CLOSED
        elif self.reported_on:
            self.state = LetterState.REPORTED
        else:
            self.state = LetterState.ISSUED
        self.reported_late = bool(
            self.reported_on
            and self.issued_on
            and self.reported_on
            > (due or services.DueDates())(rules.P_RECTIFICATION, self.issued_on)
        )

    def open_deadlines(self) -> None:
        """An imported letter still being rectified gets its running period."""
        if self.state == LetterState.ISSUED:
            self._open_rectification(self.issued_on, "监督意见书整改报告")

    def _open_rectification(self, start: date, what: str) -> None:
        """The rectification period (`enforcement_rectification`) runs from `start`."""
        services.open_deadline(self, rules.P_RECTIFICATION, start=start, title=f"{what}：{self}")

    def last_event_date(self) -> date | None:
        found = [d for d in (self.issued_on, self.reported_on, self.closed_on) if d is not None]
        return max(found) if found else None

    def may(self, user: Any, action: str) -> bool:
        """Verifying and sending back are the issuer's; reporting is the recipient's (or the issuer's)."""
        if action in ("verify", "send_back"):
            return can_write_unit(user, self.issuer)
        return True

    def allowed_actions(self, user: Any) -> list[Any]:
        return [t for t in super().allowed_actions(user) if self.may(user, t.action)]

    def apply(self, action: str, *, by: Any, on: date, note: str = "", **data: Any) -> None:
        if action in self.transitions and not self.may(by, action):
            raise TransitionNotAllowed(
                f"“{self.transitions[action].label}”须由制发机关（{self.issuer}）办理。"
            )
        super().apply(action, by=by, on=on, note=note, **data)

    @classmethod
    def issue(cls, *, by: Any, **fields: Any) -> SupervisionLetter:
        letter: SupervisionLetter = cls.register(by=by, verb="issue", **fields)
        return letter

    def on_report(self, *, on: date, report: str = "", **_: Any) -> None:
        if not (report or "").strip():
            raise TransitionNotAllowed("请填写整改情况。")
        self.reported_on = on
        self.report = report.strip()
        met = services.meet_deadline(self, rules.P_RECTIFICATION, on=on)
        self.reported_late = bool(met is not None and met.on_time is False)

    def on_verify(self, *, on: date, **_: Any) -> None:
        self.closed_on = on

    def on_send_back(self, *, on: date, reason: str = "", **_: Any) -> None:
        if not (reason or "").strip():
            raise TransitionNotAllowed("请填写退回理由。")
        # Rectification goes on: the period runs again from the day it was sent back.
        self.report = f"{self.report}\n{on:%Y-%m-%d} 退回：{reason.strip()}".strip()
        self._open_rectification(on, "监督意见书整改报告（退回）")
