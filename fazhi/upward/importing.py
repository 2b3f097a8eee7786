"""The xlsx sheet of a submission's figures (export only).

Upward files are imported only as the signed zip (`receive.py`): an xlsx import would
bypass the signature and the digests, so there is no xlsx template or import here.
"""

from __future__ import annotations

from fazhi.kit.xlsx import Column, Sheet, exports
from fazhi.upward.models import ReportedFigure

SHEET = Sheet(
    model=ReportedFigure,
    title="上报指标",
    columns=[
        Column("报送单位", "unit", read=lambda f: f.unit.name, importable=False),
        *exports(ReportedFigure, "year", "code", "name", "measure", "value", "definition"),
    ],
)
