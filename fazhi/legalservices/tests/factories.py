from __future__ import annotations

from datetime import date
from typing import Any

from fazhi.legalservices.models import AidApplication
from fazhi.legalservices.rules import Claim, MatterKind
from fazhi.org.models import Unit


def make_aid(
    unit: Unit, by: Any, received_on: date = date(2022, 3, 1), **extra: Any
) -> AidApplication:
    app = AidApplication(
        unit=unit,
        applicant_name=extra.pop("applicant_name", "张三丰"),
        received_on=received_on,
        matter_kind=extra.pop("matter_kind", MatterKind.CIVIL),
        claim=extra.pop("claim", Claim.WAGES),
        **extra,
    )
    app.register(by=by)
    return app
