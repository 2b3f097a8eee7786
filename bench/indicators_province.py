"""Issue 11, 2a: the whole indicator catalogue for every county of the province for one
year, against one plain `SELECT count(*)` of every record table, in the same run.

    DATABASE_URL=postgres://… uv run python bench/indicators_province.py [--year YYYY] [--repeat N]

Target: ratio (catalogue time / full-scan time) ≤ 3.
"""

from __future__ import annotations

import argparse
import time

from _common import command, machine, setup

REGISTER_APPS = (
    "org",
    "reconsideration",
    "litigation",
    "enforcement",
    "decisions",
    "normdocs",
    "counsel",
    "mediation",
    "legalservices",
    "publicity",
    "disclosure",
    "oversight",
)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--year", type=int, default=None)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    setup()
    from django.apps import apps
    from django.db import connection

    from fazhi.indicators.catalogue import catalogue
    from fazhi.indicators.engine import compute_many
    from fazhi.org.models import Unit, UnitKind

    counties = list(Unit.objects.filter(kind=UnitKind.COUNTY).order_by("path"))
    year = (
        args.year or max(apps.get_model("enforcement.Case").objects.dates("opened_on", "year")).year
    )
    tables = [
        m._meta.db_table
        for app in REGISTER_APPS
        for m in apps.get_app_config(app).get_models()
        if not m._meta.proxy
    ]
    print(f"machine: {machine()}")
    print(f"command: {command()}")
    print(
        f"counties: {len(counties)}, year: {year}, indicators: {len(catalogue())}, record tables: {len(tables)}"
    )

    scan_times, cat_times, rows = [], [], 0
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        rows = 0
        with connection.cursor() as cur:
            for t in tables:
                cur.execute(f'SELECT count(*) FROM "{t}"')  # noqa: S608 - table names from the app registry
                rows += cur.fetchone()[0]
        scan_times.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        result = compute_many(counties, year)
        cat_times.append(time.perf_counter() - t0)
    scan, cat = min(scan_times), min(cat_times)
    print(f"rows in record tables: {rows:,}")
    print(
        f"full scan (count(*) of {len(tables)} tables): best {scan * 1000:.0f} ms of {args.repeat}"
    )
    print(f"catalogue for {len(result)} counties: best {cat * 1000:.0f} ms of {args.repeat}")
    print(f"ratio: {cat / scan:.2f} (target ≤ 3)")


if __name__ == "__main__":
    main()
