"""Who may reach each route of enforcement: its rows of the authorization matrix (fazhi/api/authz.py)."""

from __future__ import annotations

import itertools
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


def CASE(ctx: Ctx) -> Any:  # noqa: N802
    from fazhi.enforcement.tests.helpers import case

    return case(ctx.owner, ctx.unit)


_numbers = itertools.count(1)


def CERT(ctx: Ctx) -> Any:  # noqa: N802
    from fazhi.enforcement.tests.helpers import certificate

    # Certificate numbers are unique: each row of the matrix gets its own card.
    return certificate(ctx.owner, ctx.unit, f"豫M{next(_numbers):08d}")


def SHEET(ctx: Ctx) -> Any:  # noqa: N802
    from fazhi.enforcement.tests.helpers import sheet

    return sheet(ctx.owner, ctx.unit)


def LENIENCY(ctx: Ctx) -> Any:  # noqa: N802
    """A1's published leniency list with one item, made as the screen makes it."""
    from datetime import date

    from fazhi.enforcement.models import LeniencyList
    from fazhi.enforcement.rules import LeniencyKind

    return LeniencyList.save_with_items(
        by=ctx.owner,
        instance=LeniencyList(
            unit=ctx.unit,
            kind=LeniencyKind.FIRST,
            title="首违不罚清单",
            published_on=date(2024, 3, 1),
        ),
        items=[{"violation": "未按规定公示", "legal_basis": "第33条", "conditions": "首次违法"}],
    )


def PUB(ctx: Ctx) -> Any:  # noqa: N802
    """A1's yearly enforcement data publication; its URL names the unit and the year."""
    from fazhi.enforcement.models import DataPublication

    return DataPublication.objects.create(unit=ctx.unit, year=2024)


def _publication(pub: Any, ctx: Ctx) -> dict[str, Any]:
    return {"unit_pk": pub.unit_id, "year": pub.year}


ROUTES = {
    # The viewsets offer GET and POST only: records change through transitions.
    **api_rows("case", CASE, "transition", disallow=("PATCH", "DELETE")),
    **api_rows("certificate", CERT, "transition", disallow=("PATCH", "DELETE")),
    # Publications: read, and published through transition/ (no create, change or delete).
    **api_rows("datapublication", PUB, "transition", disallow=("PATCH", "DELETE"), create=405),
    **api_rows(
        "supervisionletter",
        auto_factory("enforcement.SupervisionLetter"),
        "transition",
        disallow=("PATCH", "DELETE"),
    ),
    "enforcement:list": reader(),  # enforcement/
    "enforcement:case_new": writer(),  # enforcement/cases/new/
    "enforcement:case": record_read(CASE),  # enforcement/cases/<int:pk>/
    "enforcement:case_act": record_action(
        CASE, kwargs=first_action("fazhi.enforcement.rules.CASE_TRANSITIONS"), post=400
    ),  # enforcement/cases/<int:pk>/act/<slug:action>/
    "enforcement:officers": reader(),  # enforcement/officers/
    "enforcement:certificate_new": writer(),  # enforcement/officers/new/
    "enforcement:certificate": record_read(CERT),  # enforcement/certificates/<int:pk>/
    "enforcement:certificate_act": record_action(
        CERT, kwargs=first_action("fazhi.enforcement.rules.CERT_TRANSITIONS"), post=400
    ),  # enforcement/certificates/<int:pk>/act/<slug:action>/
    "enforcement:reviews": reader(),  # enforcement/reviews/
    "enforcement:review_new": record_write(
        SHEET, kwargs=lambda r, ctx: {"sheet_pk": r.pk}
    ),  # enforcement/reviews/new/<int:sheet_pk>/
    "enforcement:sheets": reader(),  # enforcement/reviews/sheets/
    "enforcement:sheet_new": writer(),  # enforcement/reviews/sheets/new/
    "enforcement:sheet": record_read(SHEET),  # enforcement/reviews/sheets/<int:pk>/
    "enforcement:sheet_edit": record_write(SHEET),  # enforcement/reviews/sheets/<int:pk>/edit/
    "enforcement:reviews-xlsx:template": reader(),  # enforcement/reviews/xlsx/template.xlsx
    "enforcement:reviews-xlsx:import": writer(),  # enforcement/reviews/xlsx/import/
    "enforcement:reviews-xlsx:export": reader(),  # enforcement/reviews/xlsx/export.xlsx
    "enforcement:reviews-xlsx:export_full": writer(),  # the export for editing: full data
    "enforcement:letters": reader(),  # enforcement/letters/
    "enforcement:letter_new": writer(),  # enforcement/letters/new/
    "enforcement:letter": record_read(
        auto_factory("enforcement.SupervisionLetter")
    ),  # enforcement/letters/<int:pk>/
    "enforcement:letter_act": record_action(
        auto_factory("enforcement.SupervisionLetter"),
        kwargs=first_action("fazhi.enforcement.rules.LETTER_TRANSITIONS"),
        post=400,
    ),  # enforcement/letters/<int:pk>/act/<slug:action>/
    "enforcement:letters-xlsx:template": reader(),  # enforcement/letters/xlsx/template.xlsx
    "enforcement:letters-xlsx:import": writer(),  # enforcement/letters/xlsx/import/
    "enforcement:letters-xlsx:export": reader(),  # enforcement/letters/xlsx/export.xlsx
    "enforcement:letters-xlsx:export_full": writer(),  # the export for editing: full data
    "enforcement:leniency": reader(),  # enforcement/leniency/
    "enforcement:leniency_new": writer(),  # enforcement/leniency/new/
    "enforcement:leniency_list": record_read(LENIENCY),  # enforcement/leniency/<int:pk>/
    "enforcement:leniency_edit": record_write(LENIENCY),  # enforcement/leniency/<int:pk>/edit/
    "enforcement:figures": reader(),  # enforcement/figures/
    "enforcement:publications": reader(),  # enforcement/publication/
    "enforcement:publication": record_read(
        PUB, kwargs=_publication
    ),  # enforcement/publication/<int:unit_pk>/<int:year>/
    "enforcement:publication_xlsx": record_read(
        PUB, kwargs=_publication
    ),  # enforcement/publication/<int:unit_pk>/<int:year>/data.xlsx
    "enforcement:publication_docx": record_read(
        PUB, kwargs=_publication
    ),  # enforcement/publication/<int:unit_pk>/<int:year>/document.docx
    "enforcement:template": reader(),  # enforcement/template.xlsx
    "enforcement:import": writer(),  # enforcement/import/
    "enforcement:export": reader(),  # enforcement/export.xlsx
    "enforcement:export_full": writer(),  # the export for editing: full data
    "enforcement:officers-xlsx:template": reader(),  # enforcement/officers/xlsx/template.xlsx
    "enforcement:officers-xlsx:import": writer(),  # enforcement/officers/xlsx/import/
    "enforcement:officers-xlsx:export": reader(),  # enforcement/officers/xlsx/export.xlsx
    "enforcement:officers-xlsx:export_full": writer(),  # the export for editing: full data
}
