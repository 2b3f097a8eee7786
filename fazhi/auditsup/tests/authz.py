"""Who may reach each route of auditsup: its rows of the authorization matrix (fazhi/api/authz.py)."""

from __future__ import annotations

from decimal import Decimal

from fazhi.api.tests.authz_support import api_rows, auto_factory, reader, record_write, writer

REVIEW = auto_factory(
    "auditsup.SettlementReview",
    submitted_amount=Decimal("100.00"),
    approved_amount=Decimal("90.00"),
)

ROUTES = {
    **api_rows("auditproject", auto_factory("auditsup.AuditProject")),
    **api_rows("projectcheck", auto_factory("auditsup.ProjectCheck")),
    **api_rows("settlementreview", REVIEW),
    "auditsup:figures": reader(),  # auditsup/figures/
    "auditsup:list": reader(),  # auditsup/
    "auditsup:list_new": writer(),  # auditsup/new/
    "auditsup:list_edit": record_write(auto_factory("auditsup.AuditProject")),  # auditsup/<int:pk>/
    "auditsup:list_xlsx:template": reader(),  # auditsup/xlsx/template.xlsx
    "auditsup:list_xlsx:import": writer(),  # auditsup/xlsx/import/
    "auditsup:list_xlsx:export": reader(),  # auditsup/xlsx/export.xlsx
    "auditsup:list_xlsx:export_full": writer(),  # the export for editing: full data
    "auditsup:checks": reader(),  # auditsup/checks/
    "auditsup:checks_new": writer(),  # auditsup/checks/new/
    "auditsup:checks_edit": record_write(
        auto_factory("auditsup.ProjectCheck")
    ),  # auditsup/checks/<int:pk>/
    "auditsup:checks_xlsx:template": reader(),  # auditsup/checks/template.xlsx
    "auditsup:checks_xlsx:import": writer(),  # auditsup/checks/import/
    "auditsup:checks_xlsx:export": reader(),  # auditsup/checks/export.xlsx
    "auditsup:checks_xlsx:export_full": writer(),  # the export for editing: full data
    "auditsup:settlements": reader(),  # auditsup/settlements/
    "auditsup:settlements_new": writer(),  # auditsup/settlements/new/
    "auditsup:settlements_edit": record_write(REVIEW),  # auditsup/settlements/<int:pk>/
    "auditsup:settlements_xlsx:template": reader(),  # auditsup/settlements/template.xlsx
    "auditsup:settlements_xlsx:import": writer(),  # auditsup/settlements/import/
    "auditsup:settlements_xlsx:export": reader(),  # auditsup/settlements/export.xlsx
    "auditsup:settlements_xlsx:export_full": writer(),  # the export for editing: full data
}
