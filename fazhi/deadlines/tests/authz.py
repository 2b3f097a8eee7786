"""Who may reach the due list and deadlines: rows of the authorization matrix (fazhi/api/authz.py)."""

from __future__ import annotations

from typing import Any

from fazhi.api.tests.authz_support import Ctx, reader, record_read, signed_in


def a1_deadline(ctx: Ctx) -> Any:
    """A statutory deadline of A1: the defence period a lawsuit against A1 starts.

    (A reconsideration case's periods belong to the reconsideration agency, the county.)
    """
    from fazhi.deadlines.models import Deadline
    from fazhi.litigation.rules import PERIOD_DEFENCE
    from fazhi.litigation.tests.factories import make_lawsuit

    suit = make_lawsuit(ctx.unit, by=ctx.owner)
    return Deadline.objects.for_record(suit).get(unit=ctx.unit, period__code=PERIOD_DEFENCE)


ROUTES = {
    "deadlines:list": reader(),
    "deadlines:detail": record_read(a1_deadline),
    # The calculator and the table of statutory periods hold no record: law, not data.
    "deadlines:calculator": signed_in(),
    "deadlines:periods": signed_in(),
}
