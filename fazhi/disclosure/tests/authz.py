"""Who may reach each route of disclosure: its rows of the authorization matrix (fazhi/api/authz.py)."""

from __future__ import annotations

from datetime import date
from typing import Any

from fazhi.api.tests.authz_support import (
    Ctx,
    api_rows,
    auto_factory,
    first_action,
    reader,
    record_action,
    record_read,
    writer,
)


def REQ(ctx: Ctx) -> Any:  # noqa: N802
    return received(ctx.owner, ctx.unit)


def received(*args: Any) -> Any:
    from fazhi.disclosure.tests.helpers import received

    return received(*args)


def FILING(ctx: Ctx) -> Any:  # noqa: N802
    """Unit A1's 2023 report, opened by the request it received that year."""
    from fazhi.disclosure.models import ReportFiling

    req = received(ctx.owner, ctx.unit, date(2023, 5, 8))
    return ReportFiling.objects.get(unit=req.unit, year=2023)


ROUTES = {
    **api_rows("request", REQ, "transition", disallow=("DELETE",)),
    **api_rows("proactiveitem", auto_factory("disclosure.ProactiveItem")),
    # Filings: read, and published through transition/ (no create, change or delete).
    **api_rows("reportfiling", FILING, "transition", disallow=("PATCH", "DELETE"), create=405),
    "disclosure:list": reader(),  # disclosure/
    "disclosure:register": writer(),  # disclosure/new/
    "disclosure:detail": record_read(REQ),  # disclosure/<int:pk>/
    "disclosure:act": record_action(
        REQ, kwargs=first_action("fazhi.disclosure.rules.TRANSITIONS"), post=400
    ),  # disclosure/<int:pk>/act/<slug:action>/
    "disclosure:figures": reader(),  # disclosure/figures/
    "disclosure:report": reader(),  # disclosure/report/
    "disclosure:report_docx": reader(),  # disclosure/report.docx
    "disclosure:filings": reader(),  # disclosure/reports/
    "disclosure:filing_new": writer(),  # disclosure/reports/new/
    "disclosure:filing": record_read(FILING),  # disclosure/reports/<int:pk>/
    "disclosure:filing_act": record_action(
        FILING, kwargs=first_action("fazhi.disclosure.rules.FILING_TRANSITIONS"), post=400
    ),  # disclosure/reports/<int:pk>/act/<slug:action>/
    "disclosure:items": reader(),  # disclosure/items/
    "disclosure:item_new": writer(),  # disclosure/items/new/
    "disclosure:items_template": reader(),  # disclosure/items/template.xlsx
    "disclosure:items_import": writer(),  # disclosure/items/import/
    "disclosure:items_export": reader(),  # disclosure/items/export.xlsx
    "disclosure:items_export_full": writer(),  # the export for editing: full data
    "disclosure:template": reader(),  # disclosure/template.xlsx
    "disclosure:import": writer(),  # disclosure/import/
    "disclosure:export": reader(),  # disclosure/export.xlsx
    "disclosure:export_full": writer(),  # the export for editing: full data
}
