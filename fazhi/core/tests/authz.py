"""Who may reach the site's own routes: its rows of the authorization matrix (fazhi/api/authz.py)."""

from __future__ import annotations

from fazhi.api.tests.authz_support import public, signed_in

ROUTES = {
    "home": signed_in(),
    # Switching the unit a coordinator or leader works in (POST only); others are told
    # they may not, so every signed-in user is redirected back with a message.
    "switch_unit": signed_in(methods=("POST",)),
    # "继续" on the idle-logout banner: 204 for any signed-in user.
    "keepalive": signed_in(status=204),
    "login": public(),
    # Django 5 logs out on POST only; a GET answers 405 to everyone. (The POST is not tried
    # here: it would sign the persona's shared client out; audit/tests/test_trail.py does.)
    "logout": public(status=405),
}
