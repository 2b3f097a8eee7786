"""The one write path for issuing a report (views, commands and the demo call it)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from fazhi.audit.models import Action
from fazhi.audit.trail import audit_context, record
from fazhi.reports import annual
from fazhi.reports.models import AnnualReport, Status
from fazhi.reports.validation import validate


class IssueRefused(Exception):
    """The report did not pass validation; `problems` says where, in Chinese."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("报告未通过校验，不能印发：" + "；".join(problems))


def _jsonable(value: Any) -> Any:
    return None if value is None else str(value)


@transaction.atomic
def issue(report: AnnualReport, *, by: Any, today: date | None = None) -> AnnualReport:
    """Validate, freeze the figures, mark issued and write the audit entry — or raise IssueRefused.

    The figures the report prints are copied into the report, so that later changes to
    the records cannot change an issued document.
    """
    report = AnnualReport.objects.select_for_update().get(pk=report.pk)
    if report.is_issued:
        raise IssueRefused(["报告已印发"])
    result = validate(report, today=today)
    if not result.ok:
        raise IssueRefused(result.messages())
    values = annual.effective_values(report)
    report.figures = {code: _jsonable(v) for code, v in values.items()}
    report.status = Status.ISSUED
    report.issued_at = timezone.now()
    report.issued_by = by if getattr(by, "is_authenticated", False) else None
    with audit_context(user=by, verb="印发年度报告"):
        report.save(_issuing=True)
        record(Action.ISSUE, obj=report, user=by, verb="印发年度报告", note=result.deadline_text)
    return report
