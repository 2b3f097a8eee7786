"""Who may reach each route of org: its rows of the authorization matrix (fazhi/api/authz.py)."""

from __future__ import annotations

from fazhi.api.tests.authz_support import (
    api_rows,
    auto_factory,
    public,
    reader,
    record_read,
    signed_in,
)

ROUTES = {
    **api_rows("unit", auto_factory("org.Unit")),
    **api_rows("person", auto_factory("org.Person")),
    "org:units": reader(),  # org/units/
    "org:unit_detail": record_read(lambda ctx: ctx.unit),  # org/units/<int:pk>/
    # One's own account: every signed-in user, whatever the role.
    "account:otp_setup": signed_in(),
    "account:otp_verify": signed_in(),
    "account:password_change": signed_in(),
    # The way back in past a lockout with password and second factor: before sign-in.
    "account:unlock": public(),
}
