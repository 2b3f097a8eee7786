"""The xlsx sheet of a submission's figures (export only).

Upward files are imported only as the signed zip (`receive.py`): an xlsx import would
bypass the signature and the digests, so there is no xlsx template or import here.
"""

from __future__ import annotations

from fazhi.kit.xlsx import Column, Sheet
from fazhi.upward.models import ReportedFigure

SHEET = Sheet(
    model=ReportedFigure,
    title="上报指标",
    columns=[
        Column("报送单位", "unit", read=lambda f: f.unit.name, importable=False),
        Column("年度", "year", kind="int", importable=False),
        Column("指标代码", "code", importable=False),
        Column("指标名称", "name", importable=False),
        Column("计量单位", "measure", importable=False),
        Column("数值", "value", kind="decimal", importable=False),
        Column("定义", "definition", importable=False),
    ],
)
