"""Who may reach each route of enforcement: its rows of the authorization matrix (fazhi/api/authz.py)."""

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


def CASE(ctx: Ctx) -> Any:  # noqa: N802
    from fazhi.enforcement.tests.helpers import case

    return case(ctx.owner, ctx.unit)


def CERT(ctx: Ctx) -> Any:  # noqa: N802
    from fazhi.enforcement.tests.helpers import certificate

    return certificate(ctx.owner, ctx.unit)


def SHEET(ctx: Ctx) -> Any:  # noqa: N802
    from fazhi.enforcement.tests.helpers import sheet

    return sheet(ctx.owner, ctx.unit)


def PUB(ctx: Ctx) -> Any:  # noqa: N802
    """A1's yearly enforcement data publication; its URL names the unit and the year."""
    from fazhi.enforcement.models import DataPublication

    return DataPublication.objects.create(unit=ctx.unit, year=2024)


def _publication(pub: Any, ctx: Ctx) -> dict[str, Any]:
    return {"unit_pk": pub.unit_id, "year": pub.year}


ROUTES = {
    **api_rows("case", CASE, "transition"),
    **api_rows("certificate", CERT, "transition"),
    **api_rows("supervisionletter", auto_factory("enforcement.SupervisionLetter"), "transition"),
    "enforcement:list": reader(),  # enforcement/
    "enforcement:case_new": writer(),  # enforcement/cases/new/
    "enforcement:case": record_read(CASE),  # enforcement/cases/<int:pk>/
    "enforcement:case_act": record_action(
        CASE, kwargs=first_action("fazhi.enforcement.rules.CASE_TRANSITIONS")
    ),  # enforcement/cases/<int:pk>/act/<slug:action>/
    "enforcement:officers": reader(),  # enforcement/officers/
    "enforcement:certificate_new": writer(),  # enforcement/officers/new/
    "enforcement:certificate": record_read(CERT),  # enforcement/certificates/<int:pk>/
    "enforcement:certificate_act": record_action(
        CERT, kwargs=first_action("fazhi.enforcement.rules.CERT_TRANSITIONS")
    ),  # enforcement/certificates/<int:pk>/act/<slug:action>/
    "enforcement:reviews": reader(),  # enforcement/reviews/
    "enforcement:review_new": record_write(
        SHEET, kwargs=lambda r, ctx: {"sheet_pk": r.pk}
    ),  # enforcement/reviews/new/<int:sheet_pk>/
    "enforcement:letters": reader(),  # enforcement/letters/
    "enforcement:letter_new": writer(),  # enforcement/letters/new/
    "enforcement:letter": record_read(
        auto_factory("enforcement.SupervisionLetter")
    ),  # enforcement/letters/<int:pk>/
    "enforcement:letter_act": record_action(
        auto_factory("enforcement.SupervisionLetter"),
        kwargs=first_action("fazhi.enforcement.rules.LETTER_TRANSITIONS"),
    ),  # enforcement/letters/<int:pk>/act/<slug:action>/
    "enforcement:leniency": reader(),  # enforcement/leniency/
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
    "enforcement:officers-xlsx:template": reader(),  # enforcement/officers/xlsx/template.xlsx
    "enforcement:officers-xlsx:import": writer(),  # enforcement/officers/xlsx/import/
    "enforcement:officers-xlsx:export": reader(),  # enforcement/officers/xlsx/export.xlsx
}
