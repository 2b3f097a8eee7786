"""Demo: 确山县's 2022 annual report, the first draft written from the records every
register's demo created (so it runs last). Its figures are the engine's, so they carry
the values of seed 001 wherever a register's demo reproduces them; every section is
composed from the records (compose.py), none copied from the published report."""

from __future__ import annotations

from datetime import date

from fazhi.core.demo import DemoContext
from fazhi.reports import annual

LOAD_LAST = True

def load(ctx: DemoContext) -> None:
    report = annual.create_draft(ctx.county, ctx.year)
    # Addressed like the seed (to 驻马店市人民政府) but never under its document number
    # (确政文〔2023〕47号): the demo's number is first_draft's 演示文〔…〕1号 and every
    # page says it is demonstration data (annual.DEMO_MARK).
    report.doc_number = f"{annual.DEMO_PREFIX}〔{ctx.year + 1}〕1号"
    report.addressee = ctx.city.name
    report.dated = date(ctx.year + 1, 3, 20)
    report.copy_to = "县委依法治县办、县人大常委会"
    report.printed_by = "确山县人民政府办公室"
    report.printed_on = date(ctx.year + 1, 3, 20)
    report.save()
