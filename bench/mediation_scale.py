"""Mediation at province scale: the dispute list, the indicators and the xlsx import with
hundreds of thousands of disputes. Run (a throw-away database in a temp folder):

    uv run python bench/mediation_scale.py [disputes]          # SQLite, default 300000
    DATABASE_URL=postgres://… uv run python bench/mediation_scale.py 300000

Speed targets live here, never in the tests.

Measured 2026-11-23 on the shared development machine (load average ≈ 11), 300,000
disputes in 20 counties × 5 townships, user = coordinator of one county:

| step                                   | SQLite    | PostgreSQL |
|----------------------------------------|-----------|------------|
| list, first page                       | 151 ms    | 92 ms      |
| list, page 200 (OFFSET 9,950)          | 3,158 ms  | 109 ms     |
| list, 2022 + outcome filter            | 167 ms    | 48 ms      |
| indicators (8 codes), one county       | 456 ms    | 41 ms      |
| indicators, province                   | 999 ms    | 541 ms     |
| indicators, 20 counties side by side   | 1,673 ms  | 692 ms     |
| import 10,000-row ledger               | 26.7 s    | 9.8 s      |
| export one county's 2022 (~5,000 rows) | 17.0 s    | 13.3 s     |

Every list and indicator step takes a constant 3–8 queries. Import and export time is
mostly openpyxl (parse and write about 1 ms a row) and per-row `full_clean()`.
"""

from __future__ import annotations

import io
import os
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from decimal import Decimal

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fazhi.settings_test")
if not os.environ.get("DATABASE_URL"):
    os.environ["FAZHI_DATA_DIR"] = tempfile.mkdtemp(prefix="fazhi-bench-")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from openpyxl import Workbook  # noqa: E402

from fazhi.indicators.engine import compute, compute_many  # noqa: E402
from fazhi.kit.xlsx import import_file  # noqa: E402
from fazhi.mediation.importing import DISPUTE_SHEET  # noqa: E402
from fazhi.mediation.models import Committee, Dispute  # noqa: E402
from fazhi.mediation.rules import Kind, Level, Outcome  # noqa: E402
from fazhi.org.models import Role, Unit, UnitKind, User  # noqa: E402

CODES = [
    "mediation_committees",
    "mediators",
    "mediation_cases",
    "mediation_success",
    "mediation_rate",
    "mediation_oral",
    "mediation_written",
    "mediation_amount",
]


def timed(label: str, fn, repeats: int = 3):
    start = time.perf_counter()
    for _ in range(repeats):
        with CaptureQueriesContext(connection) as q:
            result = fn()
    each = (time.perf_counter() - start) / repeats
    print(f"{label:<48} {each * 1000:9.1f} ms  {len(q.captured_queries):3d} queries")
    return result


def build(n: int) -> tuple[Unit, list[Unit], User]:
    rng = random.Random(7)
    province = Unit.objects.create(name="省", code="P", kind=UnitKind.PROVINCE)
    counties, committees = [], []
    for c in range(20):
        county = Unit.objects.create(
            name=f"县{c}", code=f"C{c}", kind=UnitKind.COUNTY, parent=province
        )
        counties.append(county)
        for t in range(5):
            town = Unit.objects.create(
                name=f"县{c}镇{t}", code=f"C{c}T{t}", kind=UnitKind.TOWNSHIP, parent=county
            )
            committees.append(Committee(unit=town, name=f"{town.name}调委会", level=Level.TOWNSHIP))
    committees = Committee.objects.bulk_create(committees)
    outcomes = [Outcome.ORAL] * 8 + [Outcome.WRITTEN, Outcome.FAILED]
    batch = []
    for i in range(n):
        cm = committees[i % len(committees)]
        received = date(2021, 1, 1) + timedelta(days=rng.randint(0, 1000))
        d = Dispute(
            unit_id=cm.unit_id,
            committee=cm,
            kind=Kind.NEIGHBOUR,
            received_on=received,
            parties="张三、李四",
            amount=Decimal(rng.randint(0, 20000)),
        )
        d.set_concluded(rng.choice(outcomes), received + timedelta(days=3))
        batch.append(d)
        if len(batch) == 10000:
            Dispute.objects.bulk_create(batch)
            batch = []
    Dispute.objects.bulk_create(batch)
    # The client logs in with force_login: the account needs no usable password.
    user = User.objects.create_user("bench", unit=counties[0], role=Role.COORDINATOR)
    return province, counties, user


def ledger(rows: int, committee: str) -> bytes:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("矛盾纠纷")
    ws.append(["调委会", "纠纷类型", "受理日期", "当事人", "调解结果", "结案日期"])
    for i in range(rows):
        ws.append(
            [
                committee,
                "邻里纠纷",
                date(2022, 1, 1) + timedelta(days=i % 300),
                f"张{i}、李{i}",
                "达成口头协议",
                date(2022, 1, 2) + timedelta(days=i % 300),
            ]
        )
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300000
    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    province, counties, user = build(n)
    print(f"{connection.vendor}: built {n:,} disputes in {time.perf_counter() - start:.1f} s")
    client = Client(SERVER_NAME="localhost")
    client.force_login(user)
    client.get("/mediation/")  # warm up: URL modules, templates
    reset_queries()
    timed("list, first page (county)", lambda: client.get("/mediation/"))
    timed("list, page 200 (county)", lambda: client.get("/mediation/?page=200"))
    timed(
        "list, 2022, outcome failed (county)",
        lambda: client.get("/mediation/?year=2022&outcome=failed"),
    )
    timed("indicators, one county, 2022", lambda: compute(counties[0], 2022, CODES))
    timed("indicators, province, 2022", lambda: compute(province, 2022, CODES))
    timed("indicators, 20 counties side by side", lambda: compute_many(counties, 2022, CODES))
    data = ledger(10000, "县0镇0调委会")
    result = timed(
        "import 10,000-row ledger (all or nothing)",
        lambda: import_file(DISPUTE_SHEET, data, user=user),
        repeats=1,
    )
    print(f"  imported {result.created:,} rows, {len(result.errors)} errors")
    timed(
        "export, one county, 2022",
        lambda: client.get("/mediation/export.xlsx?year=2022"),
        repeats=1,
    )


if __name__ == "__main__":
    main()
