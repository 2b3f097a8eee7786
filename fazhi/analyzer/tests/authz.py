"""Who may reach the analyzer: its rows of the authorization matrix (fazhi/api/authz.py).

The analyzer reads other governments' published reports and keeps them in the user's
session only: no record of any unit, so any signed-in user may use it.
"""

from __future__ import annotations

from fazhi.api.tests.authz_support import signed_in

ROUTES = {
    "analyzer:upload": signed_in(),
    # The n-th report of this session: a fresh session has none, so 404 for everyone.
    "analyzer:report": signed_in(kwargs={"index": 0}, status=404),
    # What these show is the session's reports: with none yet, back to the upload page.
    "analyzer:results": signed_in(status=302),
    "analyzer:compare": signed_in(status=302),
    "analyzer:compare_xlsx": signed_in(status=302),
}
