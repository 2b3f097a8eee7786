"""Who may reach each route of disclosure: its rows of the authorization matrix (fazhi/api/authz.py)."""

from __future__ import annotations

from typing import Any

from fazhi.api.authz import (
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
    from fazhi.disclosure.tests.helpers import received

    return received(ctx.owner, ctx.unit)


ROUTES = {
    **api_rows("request", REQ, "transition"),
    **api_rows("proactiveitem", auto_factory("disclosure.ProactiveItem")),
    "disclosure:list": reader(),  # disclosure/
    "disclosure:register": writer(),  # disclosure/new/
    "disclosure:detail": record_read(REQ),  # disclosure/<int:pk>/
    "disclosure:act": record_action(
        REQ, kwargs=first_action("fazhi.disclosure.rules.TRANSITIONS")
    ),  # disclosure/<int:pk>/act/<slug:action>/
    "disclosure:figures": reader(),  # disclosure/figures/
    "disclosure:report": reader(),  # disclosure/report/
    "disclosure:report_docx": reader(),  # disclosure/report.docx
    "disclosure:items": reader(),  # disclosure/items/
    "disclosure:item_new": writer(),  # disclosure/items/new/
    "disclosure:items_template": reader(),  # disclosure/items/template.xlsx
    "disclosure:items_import": writer(),  # disclosure/items/import/
    "disclosure:items_export": reader(),  # disclosure/items/export.xlsx
    "disclosure:template": reader(),  # disclosure/template.xlsx
    "disclosure:import": writer(),  # disclosure/import/
    "disclosure:export": reader(),  # disclosure/export.xlsx
}
