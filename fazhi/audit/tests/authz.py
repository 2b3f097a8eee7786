"""Who may read the audit trail: its row of the authorization matrix (fazhi/api/authz.py)."""

from __future__ import annotations

from fazhi.api.tests.authz_support import audit

ROUTES = {
    "audit:list": audit(),
}
