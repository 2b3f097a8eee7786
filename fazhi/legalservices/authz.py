"""Who may reach each route of legalservices: its rows of the authorization matrix (fazhi/api/authz.py)."""

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


def AID(ctx: Ctx) -> Any:  # noqa: N802
    from fazhi.legalservices.tests.factories import make_aid

    return make_aid(ctx.unit, ctx.owner)


ROUTES = {
    **api_rows("aidapplication", AID, "transition"),
    **api_rows("notarisation", auto_factory("legalservices.Notarisation")),
    **api_rows("legalhelper", auto_factory("legalservices.LegalHelper")),
    **api_rows("servicevisit", auto_factory("legalservices.ServiceVisit")),
    "legalservices:aid_new": writer(),  # legalservices/aid/new/
    "legalservices:aid_detail": record_read(AID),  # legalservices/aid/<int:pk>/
    "legalservices:aid_act": record_action(
        AID, kwargs=first_action("fazhi.legalservices.rules.TRANSITIONS")
    ),  # legalservices/aid/<int:pk>/act/<slug:action>/
    "legalservices:figures": reader(),  # legalservices/figures/
    "legalservices:list": reader(),  # legalservices/
    "legalservices:list_xlsx:template": reader(),  # legalservices/xlsx/template.xlsx
    "legalservices:list_xlsx:import": writer(),  # legalservices/xlsx/import/
    "legalservices:list_xlsx:export": reader(),  # legalservices/xlsx/export.xlsx
    "legalservices:notarisations": reader(),  # legalservices/notarisations/
    "legalservices:notarisations_new": writer(),  # legalservices/notarisations/new/
    "legalservices:notarisations_edit": record_write(
        auto_factory("legalservices.Notarisation")
    ),  # legalservices/notarisations/<int:pk>/
    "legalservices:notarisations_xlsx:template": reader(),  # legalservices/notarisations/template.xlsx
    "legalservices:notarisations_xlsx:import": writer(),  # legalservices/notarisations/import/
    "legalservices:notarisations_xlsx:export": reader(),  # legalservices/notarisations/export.xlsx
    "legalservices:helpers": reader(),  # legalservices/helpers/
    "legalservices:helpers_new": writer(),  # legalservices/helpers/new/
    "legalservices:helpers_edit": record_write(
        auto_factory("legalservices.LegalHelper")
    ),  # legalservices/helpers/<int:pk>/
    "legalservices:helpers_xlsx:template": reader(),  # legalservices/helpers/template.xlsx
    "legalservices:helpers_xlsx:import": writer(),  # legalservices/helpers/import/
    "legalservices:helpers_xlsx:export": reader(),  # legalservices/helpers/export.xlsx
    "legalservices:visits": reader(),  # legalservices/visits/
    "legalservices:visits_new": writer(),  # legalservices/visits/new/
    "legalservices:visits_edit": record_write(
        auto_factory("legalservices.ServiceVisit")
    ),  # legalservices/visits/<int:pk>/
    "legalservices:visits_xlsx:template": reader(),  # legalservices/visits/template.xlsx
    "legalservices:visits_xlsx:import": writer(),  # legalservices/visits/import/
    "legalservices:visits_xlsx:export": reader(),  # legalservices/visits/export.xlsx
}
