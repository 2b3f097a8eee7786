"""Who may reach the annual report screens: rows of the authorization matrix (fazhi/api/authz.py)."""

from __future__ import annotations

from typing import Any

from fazhi.api.tests.authz_support import (
    Ctx,
    reader,
    record_action,
    record_read,
    record_write,
    writer,
)


def a1_report(ctx: Ctx) -> Any:
    """A draft annual report of A1, with one manual figure to delete."""
    from fazhi.reports import annual
    from fazhi.reports.models import ReportFigure

    report = annual.create_draft(ctx.unit, 2023)
    ReportFigure.objects.create(report=report, code="matrix_test", value="1", source="授权矩阵测试")
    return report


def _section(report: Any, ctx: Ctx) -> dict[str, Any]:
    return {"pk": report.pk, "section_pk": report.sections.first().pk}


def _figure(report: Any, ctx: Ctx) -> dict[str, Any]:
    return {"pk": report.pk, "figure_pk": report.manual_figures.first().pk}


ROUTES = {
    "reports:list": reader(),
    # POST only (the year comes from the list page's form); an empty year is refused with
    # a message and a redirect; the leader may not draft for the county (403).
    "reports:create": writer(methods=("POST",)),
    "reports:detail": record_read(a1_report),
    "reports:edit_header": record_write(a1_report),
    "reports:edit_section": record_write(a1_report, kwargs=_section),
    # The report's POST actions answer with a redirect to the report and a message.
    "reports:add_figure": record_action(a1_report, post=302),
    "reports:delete_figure": record_action(a1_report, kwargs=_figure, post=302),
    "reports:preview": record_read(a1_report),
    "reports:issue": record_action(a1_report, post=302),
    "reports:act": record_action(a1_report, kwargs=lambda r, ctx: {"pk": r.pk, "action": "submit"}, post=302),
    "reports:download": record_read(a1_report, kwargs=lambda r, ctx: {"pk": r.pk, "fmt": "docx"}),
}
