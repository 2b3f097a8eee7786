"""Who may reach the due list and deadlines: rows of the authorization matrix (fazhi/api/authz.py)."""

from __future__ import annotations

from typing import Any

from fazhi.api.authz import Ctx, reader, record_read, signed_in


def a1_deadline(ctx: Ctx) -> Any:
    """A statutory deadline of A1: the one a registered reconsideration case starts."""
    from fazhi.deadlines.models import Deadline
    from fazhi.reconsideration.tests.helpers import received

    app = received(ctx.coordinator, ctx.unit)
    return Deadline.objects.filter(object_id=app.pk, unit=ctx.unit).first()


ROUTES = {
    "deadlines:list": reader(),
    "deadlines:detail": record_read(a1_deadline),
    # The calculator and the table of statutory periods hold no record: law, not data.
    "deadlines:calculator": signed_in(),
    "deadlines:periods": signed_in(),
}
