"""Who may reach each route of indicators: its rows of the authorization matrix (fazhi/api/authz.py)."""

from __future__ import annotations

from fazhi.api.authz import reader

# The auditor reads no register; the indicator screens answer them 404 (no unit in focus).
_AUDITOR = {"expect": {"auditor": 404}, "note": "the auditor has no unit in focus: 404"}

ROUTES = {
    "indicators:overview": reader(**_AUDITOR),  # indicators/
    "indicators:records": reader(
        kwargs={"code": "recon_received"}, **_AUDITOR
    ),  # indicators/records/<slug:code>/
    "indicators:compare": reader(**_AUDITOR),  # indicators/compare/
    "indicators:trends": reader(**_AUDITOR),  # indicators/trends/
    "indicators:dashboard": reader(**_AUDITOR),  # indicators/dashboard/
}
