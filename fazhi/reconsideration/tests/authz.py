"""Who may reach each route of reconsideration: its rows of the authorization matrix (fazhi/api/authz.py)."""

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
    writer,
)


def APP(ctx: Ctx) -> Any:  # noqa: N802 - a factory, named like the record it makes
    from fazhi.reconsideration.tests.helpers import received

    return received(ctx.coordinator, ctx.unit)


ROUTES = {
    **api_rows("application", APP, "transition", disallow=("DELETE",)),
    # An `auto` superior case fails the serializer's full validation: PATCH {} is 400.
    **api_rows("superiorcase", auto_factory("reconsideration.SuperiorCase"), patch=400),
    "reconsideration:list": reader(),  # reconsideration/
    "reconsideration:register": writer(),  # reconsideration/new/
    "reconsideration:detail": record_read(APP),  # reconsideration/<int:pk>/
    "reconsideration:act": record_action(
        APP, kwargs=first_action("fazhi.reconsideration.rules.TRANSITIONS")
    ),  # reconsideration/<int:pk>/act/<slug:action>/
    "reconsideration:figures": reader(),  # reconsideration/figures/
    "reconsideration:superior": reader(),  # reconsideration/superior/
    "reconsideration:superior_new": writer(),  # reconsideration/superior/new/
    "reconsideration:superior_edit": record_write(
        auto_factory("reconsideration.SuperiorCase")
    ),  # reconsideration/superior/<int:pk>/
    "reconsideration:template": reader(),  # reconsideration/template.xlsx
    "reconsideration:import": writer(),  # reconsideration/import/
    "reconsideration:export": reader(),  # reconsideration/export.xlsx
    "reconsideration:export_full": writer(),  # the export for editing: full data
}
