"""The xlsx sheet of the counsel register: advisers and public lawyers."""

from __future__ import annotations

from fazhi.counsel.models import Counsel
from fazhi.counsel.rules import Kind
from fazhi.kit.xlsx import Column, Sheet, choice_column, unit_column

SHEET = Sheet(
    model=Counsel,
    title="法律顾问和公职律师",
    natural_key=("unit", "kind", "name", "start_on"),
    columns=[
        unit_column("聘任（所在）单位", "确山县人民政府"),
        choice_column("类别", "kind", Kind.choices, "法律顾问"),
        Column("姓名", "name", required=True, personal="name", example="王建平"),
        Column("律师事务所", "firm", example="河南天中律师事务所"),
        Column("执业证号", "licence_no"),
        Column("联系电话", "phone", personal="phone"),
        Column("聘期开始", "start_on", kind="date", required=True, example="2024-01-01"),
        Column("聘期结束", "end_on", kind="date", example="2024-12-31"),
    ],
)
