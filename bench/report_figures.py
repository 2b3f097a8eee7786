"""Issue 11, 2b: one county's annual report figures, repeated: p50/p95.

    DATABASE_URL=postgres://… uv run python bench/report_figures.py [--year YYYY] [--repeat N]

The figures of the annual report are the indicator catalogue for the county's subtree
(`compute(county, year, from_records=True)`, which `fazhi/reports/annual.py` fills its
placeholders from).
Target: p95 ≤ 300 ms. Measured twice: from the records, as the annual report computes
them (`from_records=True`), then as a county's screens get them, with the kept county
figures of fazhi/indicators/county_figures.py.
"""

from __future__ import annotations

import argparse
import time

from _common import command, machine, percentile, setup


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--year", type=int, default=None)
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    setup()
    from django.apps import apps

    from fazhi.indicators.engine import compute
    from fazhi.org.models import Unit, UnitKind

    counties = list(Unit.objects.filter(kind=UnitKind.COUNTY).order_by("path"))
    year = (
        args.year or max(apps.get_model("enforcement.Case").objects.dates("opened_on", "year")).year
    )
    print(f"machine: {machine()}")
    print(f"command: {command()}")
    print(f"counties in database: {len(counties)}, year: {year}, repeats: {args.repeat}")
    def run(label: str, **kwargs: bool) -> None:
        times = []
        for i in range(args.repeat):
            county = counties[i % len(counties)]  # a different county each time: no warm cache of one
            t0 = time.perf_counter()
            compute(county, year, **kwargs)
            times.append((time.perf_counter() - t0) * 1000)
        print(
            f"{label}: p50 {percentile(times, 50):.0f} ms, p95 {percentile(times, 95):.0f} ms,"
            f" max {max(times):.0f} ms (target p95 ≤ 300 ms)"
        )

    run("from the records, as the annual report reads them (from_records=True)", from_records=True)
    run("a county's screens, with kept county figures (county_figures.py; the first call of each county fills them)")

if __name__ == "__main__":
    main()
