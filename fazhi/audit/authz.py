"""Who may read the audit trail: its row of the authorization matrix (fazhi/api/authz.py)."""

from __future__ import annotations

from fazhi.api.authz import audit

ROUTES = {
    "audit:list": audit(),
}
