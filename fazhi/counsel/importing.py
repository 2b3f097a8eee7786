"""The xlsx sheet of the counsel register: advisers and public lawyers."""

from __future__ import annotations

from fazhi.counsel.models import Counsel
from fazhi.kit.xlsx import Sheet, fields, model_column

SHEET = Sheet(
    model=Counsel,
    title="法律顾问和公职律师",
    natural_key=("unit", "kind", "name", "start_on"),
    columns=[
        *fields(Counsel, unit="确山县人民政府", kind="法律顾问"),
        model_column(Counsel, "name", "王建平", personal="name"),
        *fields(Counsel, firm="河南天中律师事务所", licence_no=""),
        model_column(Counsel, "phone", personal="phone"),
        model_column(Counsel, "start_on", "2024-01-01", header="聘期开始"),
        model_column(Counsel, "end_on", "2024-12-31", header="聘期结束"),
    ],
)
