"""Who may reach the working-day calendar: its rows of the authorization matrix (fazhi/api/authz.py)."""

from __future__ import annotations

from fazhi.api.tests.authz_support import signed_in

# The calendar is the same for everybody and holds no record of any unit.
ROUTES = {
    "workdays:year": signed_in(),
    "workdays:year_of": signed_in(kwargs={"year": 2024}),
}
