"""Demo: the 2021 示范 indicator system and a scored 2022 assessment of 确山县.

Runs after the registers (`LOAD_LAST`), so the automatic scores come from the demo
records (报备率, 出庭应诉率, 复议超期, …). The county's 依法治县办 (the coordinator)
scores every department; the city's coordinator (or the administrator, standing in for
the city's office) scores the county government itself. Every manual rule gets a score
with a note and a link, a few with an attached file; most department sheets are
confirmed, one is left submitted and one in scoring so the workflow shows, and the
ranking has them all.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile

from fazhi.assessment import loader, services
from fazhi.assessment.rules import Method
from fazhi.core.demo import DemoContext

LOAD_LAST = True
YEAR = 2022
CREATED = date(2023, 1, 9)
STEPS = (Decimal("0"), Decimal("0"), Decimal("0.5"), Decimal("0.5"), Decimal("1"))
NOTES = {
    Decimal("0"): "查阅{unit}报送的{title}相关材料，符合评分标准，不扣分。",
    Decimal("0.5"): "查阅{unit}报送的材料，{title}存在个别不规范之处，扣0.5分。",
    Decimal("1"): "现场核查发现{unit}{title}落实不到位，扣1分，已反馈整改。",
}


def load(ctx: DemoContext) -> None:
    system = loader.load_path(loader.shipped())
    coordinator = ctx.users["coordinator"]
    # The city's coordinator scores the county (the administrator where the demo has none).
    city_office = ctx.users.get("city") or ctx.users["admin"]
    manual_rules = list(system.rules().filter(method=Method.MANUAL).order_by("sort_order"))
    sheets = []
    for unit in ctx.departments:
        sheets.append(
            services.create_sheet(system=system, unit=unit, year=YEAR, by=coordinator, on=CREATED)
        )
    county_sheet = services.create_sheet(
        system=system, unit=ctx.county, year=YEAR, by=city_office, on=CREATED
    )
    for i, sheet in enumerate([*sheets, county_sheet]):
        assessor = city_office if sheet is county_sheet else coordinator
        entries = []
        for j, node in enumerate(manual_rules):
            off = min(ctx.rng.choice(STEPS), node.points)
            attach = None
            if j == 0 and i % 5 == 0:
                attach = SimpleUploadedFile(
                    f"{sheet.unit.short_name or sheet.unit.name}{node.number}核查记录.pdf",
                    f"%PDF-1.4 {sheet.unit.name} {node.number} 核查记录".encode(),
                    content_type="application/pdf",
                )
            entries.append(
                services.ManualEntry(
                    node=node,
                    points=node.points - off,
                    note=NOTES[off].format(unit=sheet.unit.name, title=node.title[:30]),
                    link=f"https://oa.queshan.example/kaohe/{YEAR}/{sheet.unit.code}/{node.number}",
                    attachment=attach,
                )
            )
        services.enter_manual_many(sheet, entries, by=assessor)
    # Most department sheets confirmed; the last two still in hand.
    for k, sheet in enumerate(sheets):
        if k == len(sheets) - 1:
            continue  # 评分中
        sheet.apply(
            "submit",
            by=coordinator,
            on=CREATED + timedelta(days=20),
            note="评分完成，提交县考核委员会确认。",
        )
        if k == len(sheets) - 2:
            continue  # 待确认
        sheet.apply(
            "confirm", by=coordinator, on=CREATED + timedelta(days=30), note="县考核委员会审定。"
        )
    county_sheet.apply("submit", by=city_office, on=CREATED + timedelta(days=25))
    county_sheet.apply(
        "confirm", by=city_office, on=CREATED + timedelta(days=35), note="市考核委员会审定。"
    )
