"""Factories for the reconsideration tests: records made through the real paths."""

from __future__ import annotations

from datetime import date
from typing import Any

from fazhi.org.models import Unit, User
from fazhi.reconsideration.models import Application
from fazhi.reconsideration.rules import Procedure


def received(by: User, respondent: Unit, on: date = date(2023, 3, 1), **extra: Any) -> Application:
    fields: dict[str, Any] = {
        "applicant_name": "张三丰",
        "act": "行政处罚决定",
        "received_on": on,
        **extra,
    }
    return Application.register(by=by, respondent=respondent, **fields)


def accepted(
    by: User,
    respondent: Unit,
    on: date = date(2023, 3, 2),
    procedure: str = Procedure.ORDINARY,
    received_on: date = date(2023, 3, 1),
    **extra: Any,
) -> Application:
    app = received(by, respondent, received_on, **extra)
    app.apply("accept", by=by, on=on, procedure=procedure)
    return app


def replied(
    by: User,
    respondent: Unit,
    *,
    accepted_on: date = date(2023, 3, 2),
    copy_on: date = date(2023, 3, 3),
    reply_on: date = date(2023, 3, 10),
    procedure: str = Procedure.ORDINARY,
) -> Application:
    app = accepted(
        by,
        respondent,
        on=accepted_on,
        procedure=procedure,
        received_on=min(accepted_on, date(2023, 3, 1)),
    )
    app.apply("send_copy", by=by, on=copy_on)
    app.apply("receive_reply", by=by, on=reply_on)
    return app


def deadline(app: Any, code: str) -> Any:
    from fazhi.deadlines.services import deadlines_for

    return deadlines_for(app).filter(period__code=code).order_by("-id").first()
