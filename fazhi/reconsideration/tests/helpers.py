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
    received_on: date | None = None,
) -> Application:
    app = accepted(
        by,
        respondent,
        on=accepted_on,
        procedure=procedure,
        received_on=received_on or min(accepted_on, date(2023, 3, 1)),
    )
    app.apply("send_copy", by=by, on=copy_on)
    app.apply("receive_reply", by=by, on=reply_on)
    return app


# The 2023 law (简易程序, hearing notices, working-day replies) governs applications
# received from 2024-01-01 (第90条): tests of its rules use these March 2024 days.
NEW_LAW = {"received_on": date(2024, 3, 6), "on": date(2024, 3, 7)}
NEW_LAW_REPLIED = {
    "received_on": date(2024, 3, 6),
    "accepted_on": date(2024, 3, 7),
    "copy_on": date(2024, 3, 8),
    "reply_on": date(2024, 3, 15),
}


def deadline(app: Any, code: str) -> Any:
    from fazhi.deadlines.services import deadlines_for

    return deadlines_for(app).filter(period__code=code).order_by("-id").first()
