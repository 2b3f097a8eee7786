"""Who may reach each route of mediation: its rows of the authorization matrix (fazhi/api/authz.py)."""

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
    record_write,
    writer,
)


def DISPUTE(ctx: Ctx) -> Any:  # noqa: N802
    from fazhi.mediation.tests.factories import make_committee, make_dispute

    return make_dispute(make_committee(ctx.unit))


ROUTES = {
    **api_rows("dispute", DISPUTE, "transition"),
    **api_rows("committee", auto_factory("mediation.Committee")),
    **api_rows("mediator", auto_factory("mediation.Mediator")),
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
    "mediation:committees": reader(),  # mediation/committees/
    "mediation:committees_new": writer(),  # mediation/committees/new/
    "mediation:committees_edit": record_write(
        auto_factory("mediation.Committee")
    ),  # mediation/committees/<int:pk>/
    "mediation:committees_xlsx:template": reader(),  # mediation/committees/template.xlsx
    "mediation:committees_xlsx:import": writer(),  # mediation/committees/import/
    "mediation:committees_xlsx:export": reader(),  # mediation/committees/export.xlsx
    "mediation:mediators": reader(),  # mediation/mediators/
    "mediation:mediators_new": writer(),  # mediation/mediators/new/
    "mediation:mediators_edit": record_write(
        auto_factory("mediation.Mediator")
    ),  # mediation/mediators/<int:pk>/
}
