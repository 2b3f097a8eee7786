"""Who may reach each route of assessment: its rows of the authorization matrix (fazhi/api/authz.py).

A sheet of unit A1 is assessed by county A: its coordinator scores it; A1's liaison
reads it, and a write they attempt is refused with a Chinese message (400, nothing
changed) — the same answer a workflow move gets when it is not the user's to make.
"""

from __future__ import annotations

from typing import Any

from fazhi.api.tests.authz_support import (
    Ctx,
    api_action,
    api_detail,
    api_rows,
    first_action,
    reader,
    record_action,
    record_read,
    writer,
)


def SYSTEM(ctx: Ctx) -> Any:  # noqa: N802 - a factory, named like the record it makes
    from fazhi.assessment.tests.helpers import small_system

    return small_system()


def SHEET(ctx: Ctx) -> Any:  # noqa: N802
    from fazhi.assessment.tests.helpers import sheet_for

    return sheet_for(ctx.unit, ctx.coordinator)


def SCORED(ctx: Ctx) -> Any:  # noqa: N802 - a sheet with a manual score and its attachment
    from fazhi.assessment.tests.helpers import scored_with_attachment

    return scored_with_attachment(ctx.unit, ctx.coordinator)


def _rule(record: Any, ctx: Ctx) -> dict[str, Any]:
    node = record.system.rules().filter(method="manual").order_by("sort_order").first()
    return {"pk": record.pk, "node": node.pk}


def _evidence(record: Any, ctx: Ctx) -> dict[str, Any]:
    entry = record.manual_scores.filter(evidence__isnull=False).first()
    return {"pk": record.pk, "score": entry.pk}


# The assessed unit's liaison (liaison_a1) may write unit A1's records but is not its
# assessor: the assessment's writes refuse them with a Chinese message (400, unchanged).
NOT_ASSESSOR = (
    "liaison_a1 is A1's writer but not its assessor (county A): refused with 400, nothing changed"
)


def _api_rows() -> dict[str, Any]:
    rows = api_rows("scoresheet", SHEET, "score", "transition")
    rows["scoresheet-detail"] = api_detail(
        SHEET,
        expect={("PATCH", "liaison_a1"): 400, ("DELETE", "liaison_a1"): 400},
        note=NOT_ASSESSOR,
    )
    # An empty POST recomputes (200) for the assessor.
    rows["scoresheet-recompute"] = api_action(
        SHEET, post=200, expect={"liaison_a1": 400}, note=NOT_ASSESSOR
    )
    return rows


ROUTES = {
    **_api_rows(),
    "assessment:list": reader(),  # assessment/
    "assessment:new": writer(),  # assessment/new/
    "assessment:detail": record_read(SHEET),  # assessment/<int:pk>/
    # An empty POST: the move's form is invalid (no date), the page comes back with 400.
    "assessment:act": record_action(
        SHEET, kwargs=first_action("fazhi.assessment.rules.TRANSITIONS"), post=400
    ),  # assessment/<int:pk>/act/<slug:action>/
    "assessment:recompute": record_action(
        SHEET, post=302, expect={"liaison_a1": 400}, note=NOT_ASSESSOR
    ),  # assessment/<int:pk>/recompute/
    "assessment:sheet_export": record_read(SHEET),  # assessment/<int:pk>/export.xlsx
    "assessment:rule": record_read(SHEET, kwargs=_rule),  # assessment/<int:pk>/rules/<int:node>/
    # An empty POST: no points, the rule's page comes back with 400.
    "assessment:score": record_action(
        SHEET, kwargs=_rule, post=400
    ),  # assessment/<int:pk>/rules/<int:node>/score/
    "assessment:evidence": record_read(
        SCORED, kwargs=_evidence
    ),  # assessment/<int:pk>/evidence/<int:score>/
    "assessment:ranking": reader(),  # assessment/ranking/
    "assessment:ranking_export": reader(),  # assessment/ranking/export.xlsx
    "assessment:systems": reader(),  # assessment/systems/
    "assessment:system": reader(factory=SYSTEM),  # assessment/systems/<int:pk>/
    "assessment:template": reader(),  # assessment/template.xlsx
    "assessment:import": writer(),  # assessment/import/
    "assessment:export": reader(),  # assessment/export.xlsx
    "assessment:export_full": writer(),  # the export for editing: full data
}
