"""Who may reach the site's own routes: its rows of the authorization matrix (fazhi/api/authz.py)."""

from __future__ import annotations

from fazhi.api.authz import public, signed_in

ROUTES = {
    "home": signed_in(),
    # Switching the unit a coordinator or leader works in; others are told they may not,
    # so the GET of the form itself is open to every signed-in user.
    "switch_unit": signed_in(),
    "login": public(),
    # Django 5 logs out on POST only; a GET answers 405 to everyone (tested as public below).
    "logout": public(),
}
