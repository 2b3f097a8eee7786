"""Who may reach each route of lists: its rows of the authorization matrix (fazhi/api/authz.py)."""

from __future__ import annotations

import itertools
from datetime import date
from typing import Any

from fazhi.api.tests.authz_support import Ctx, api_rows, reader, record_read, record_write, writer

_seq = itertools.count(1)


def item(ctx: Ctx) -> Any:
    """A permit-list item of unit A1, entered through the one write path."""
    from fazhi.lists.services import apply_adjustment

    adj = apply_adjustment(
        "establish",
        by=ctx.owner,
        on=date(2024, 3, 1),
        changes={
            "unit": ctx.unit,
            "list_kind": "permit",
            "code": f"AUTHZ-{next(_seq):03d}",
            "name": "律师事务所设立许可",
            "legal_basis": "《中华人民共和国律师法》",
        },
        document_number="确政办〔2024〕1号",
    )
    return adj.item


def adjustment(ctx: Ctx) -> Any:
    return item(ctx).adjustments.get()


ROUTES = {
    **api_rows("listitem", item, disallow=("PATCH", "DELETE"), create=405),
    **api_rows("listadjustment", adjustment, disallow=("PATCH", "DELETE")),
    "lists:list": reader(),  # lists/
    "lists:new": writer(),  # lists/new/
    "lists:detail": record_read(item),  # lists/<int:pk>/
    "lists:amend": record_write(item),  # lists/<int:pk>/amend/
    "lists:remove": record_write(item),  # lists/<int:pk>/remove/
    "lists:adjustments": reader(),  # lists/adjustments/
    "lists:figures": reader(),  # lists/figures/
    "lists:items_xlsx:template": reader(),  # lists/xlsx/template.xlsx
    "lists:items_xlsx:import": writer(),  # lists/xlsx/import/
    "lists:items_xlsx:export": reader(),  # lists/xlsx/export.xlsx
    "lists:items_xlsx:export_full": writer(),  # the export for editing: full data
    "lists:adjustments_xlsx:template": reader(),  # lists/adjustments/xlsx/template.xlsx
    "lists:adjustments_xlsx:import": writer(),  # lists/adjustments/xlsx/import/
    "lists:adjustments_xlsx:export": reader(),  # lists/adjustments/xlsx/export.xlsx
}
