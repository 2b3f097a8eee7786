"""Demo deadlines that belong to units themselves (annual reports, publication).

Registers add the deadlines of their own records in their demo modules; these few
make the home page's 待办 / 临期 / 逾期 list show every light on a fresh demo.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from fazhi.deadlines.services import meet_deadline, open_deadline
from fazhi.workdays.services import get_calendar


def load(ctx: Any) -> None:
    today: dt.date = ctx.today
    cal = get_calendar()
    county = ctx.county
    # 法治政府建设年度报告: last year's (met on time once due) and this year's (running).
    for year in (today.year - 1, today.year):
        report = open_deadline(
            county,
            "annual_report",
            start=dt.date(year, 12, 31),
            title=f"{year}年度法治政府建设情况报告",
            unit=county,
        )
        if year < today.year and report.due_date < today:
            meet_deadline(county, "annual_report", on=report.due_date - dt.timedelta(days=3))
    # 政府信息公开工作年度报告 of each department (第49条: by 31 January).
    for i, dept in enumerate(ctx.departments):
        d = open_deadline(
            dept,
            "disclosure_report_department",
            start=dt.date(today.year - 1, 12, 31),
            title=f"{dept.name}{today.year - 1}年政府信息公开工作年度报告",
            unit=dept,
        )
        if d.due_date < today and i % 7 != 3:  # a few stay overdue, to show the red light
            meet_deadline(
                dept, "disclosure_report_department", on=d.due_date - dt.timedelta(days=i % 5)
            )
    # A penalty decision to publish within 7 working days, due in two working days (临期).
    market = ctx.units.get("确山县市场监督管理局")
    if market is not None:
        open_deadline(
            market,
            "enforcement_publication_permit_penalty",
            start=cal.add_workdays(today, -5),
            title="行政处罚决定公示（演示）",
            unit=market,
        )
