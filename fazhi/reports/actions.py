"""The write paths of the report's workflow (views, commands and the demo call them)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from fazhi.audit.models import Action
from fazhi.audit.trail import record
from fazhi.core.workflow import TransitionNotAllowed
from fazhi.reports.models import AnnualReport, Status
from fazhi.reports.validation import validate


class IssueRefused(Exception):
    """The report did not pass the pre-issue check; `problems` says where, in Chinese."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("报告未通过校验，不能签发：" + "；".join(problems))


@transaction.atomic
def issue(report: AnnualReport, *, by: Any, today: date | None = None) -> AnnualReport:
    """签发: check, freeze the figures, mark issued and write the audit entry — or raise
    IssueRefused (nothing changed).

    The figures the report prints are copied into the report, so that later changes to
    the records cannot change an issued document. A draft not yet submitted (commands,
    demos: the signer drafted it) is submitted for review by the signer in the same step.
    """
    today = today or timezone.localdate()
    report = AnnualReport.objects.select_for_update().get(pk=report.pk)
    if report.is_issued:
        raise IssueRefused(["报告已签发"])
    try:
        if report.status == Status.DRAFT:
            report.apply("submit", by=by, on=today, note="签发人提交")
        report.apply("issue", by=by, on=today)
    except TransitionNotAllowed as exc:
        transaction.set_rollback(True)
        raise IssueRefused(exc.messages) from exc
    record(Action.ISSUE, obj=report, user=by, verb="签发年度报告", note=validate(report, today=today).deadline_text)
    return report
