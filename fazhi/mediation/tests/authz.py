"""Who may reach each route of mediation: its rows of the authorization matrix (fazhi/api/authz.py)."""

from __future__ import annotations

from typing import Any

from fazhi.api.tests.authz_support import (
    Ctx,
    api_rows,
    auto_factory,
    first_action,
    reader,
    record_action,
    record_read,
    record_write,
    screen_rows,
    writer,
)
from fazhi.mediation.views import SCREENS, SECTION


def DISPUTE(ctx: Ctx) -> Any:  # noqa: N802
    from fazhi.mediation.tests.factories import make_committee, make_dispute

    return make_dispute(make_committee(ctx.unit))


ROUTES = {
    # A dispute that has moved on may not be deleted (403); `auto` committees and
    # mediators fail the model's full validation (PATCH {} is 400).
    **api_rows("dispute", DISPUTE, "transition", delete=403),
    **api_rows("committee", auto_factory("mediation.Committee"), patch=400),
    **api_rows("mediator", auto_factory("mediation.Mediator"), patch=400),
    "mediation:list": reader(),  # mediation/
    "mediation:register": writer(),  # mediation/new/
    "mediation:detail": record_read(DISPUTE),  # mediation/<int:pk>/
    "mediation:edit": record_write(DISPUTE),  # mediation/<int:pk>/edit/
    "mediation:act": record_action(
        DISPUTE, kwargs=first_action("fazhi.mediation.rules.TRANSITIONS")
    ),  # mediation/<int:pk>/act/<slug:action>/
    "mediation:figures": reader(),  # mediation/figures/
    "mediation:template": reader(),  # mediation/template.xlsx
    "mediation:import": writer(),  # mediation/import/
    "mediation:export": reader(),  # mediation/export.xlsx
    "mediation:export_full": writer(),  # the export for editing: full data
    # committees/ and mediators/: list, new/, <int:pk>/ (and the committees' xlsx).
    **screen_rows(SECTION, SCREENS),
}
