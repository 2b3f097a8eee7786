"""Who may reach each route of indicators: its rows of the authorization matrix (fazhi/api/authz.py)."""

from __future__ import annotations

from fazhi.api.tests.authz_support import reader

ROUTES = {
    "indicators:overview": reader(),  # indicators/
    "indicators:records": reader(
        kwargs={"code": "recon_received"}
    ),  # indicators/records/<slug:code>/
    "indicators:compare": reader(),  # indicators/compare/
    "indicators:trends": reader(),  # indicators/trends/
    "indicators:dashboard": reader(),  # indicators/dashboard/
}
