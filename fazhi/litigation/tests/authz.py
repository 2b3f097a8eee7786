"""Who may reach each route of litigation: its rows of the authorization matrix (fazhi/api/authz.py)."""

from __future__ import annotations

from typing import Any

from fazhi.api.tests.authz_support import (
    Ctx,
    api_rows,
    first_action,
    reader,
    record_action,
    record_read,
    writer,
)


def SUIT(ctx: Ctx) -> Any:  # noqa: N802
    from fazhi.litigation.tests.factories import make_lawsuit

    return make_lawsuit(ctx.unit, by=ctx.owner)


ROUTES = {
    **api_rows("lawsuit", SUIT, "transition", disallow=("DELETE",)),
    "litigation:list": reader(),  # litigation/
    "litigation:create": writer(),  # litigation/new/
    "litigation:detail": record_read(SUIT),  # litigation/<int:pk>/
    # The empty form comes back with its errors (200), not a 400.
    "litigation:act": record_action(
        SUIT, kwargs=first_action("fazhi.litigation.rules.TRANSITIONS"), post=200
    ),  # litigation/<int:pk>/act/<slug:action>/
    "litigation:template": reader(),  # litigation/template.xlsx
    "litigation:import": writer(),  # litigation/import/
    "litigation:export": reader(),  # litigation/export.xlsx
    "litigation:export_full": writer(),  # the export for editing: full data
}
