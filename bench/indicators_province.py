"""Issue 11, 2a: the whole indicator catalogue for every county of the province for one
year, against one plain `SELECT count(*)` of every record table, in the same run.

    DATABASE_URL=postgres://… uv run python bench/indicators_province.py [--year YYYY] [--repeat N]

Target: ratio (catalogue time / full-scan time) ≤ 3. Three figures, each against the
scan of the same repetition: the catalogue from the records with nothing kept (the first
comparison of the day), then again with every county's figures kept
(fazhi/indicators/county_figures.py), then after records were written in ten counties (whose
kept figures that emptied, so they are computed from their records again).
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

    from fazhi.indicators.county_figures import max_age
    from fazhi.indicators.figcache import data_changed
    from fazhi.indicators.models import CountyFigures

    def timed(fn):
        t0 = time.perf_counter()
        fn()
        return time.perf_counter() - t0

    def scan() -> int:
        n = 0
        with connection.cursor() as cur:
            for t in tables:
                cur.execute(f'SELECT count(*) FROM "{t}"')  # noqa: S608 - table names from the app registry
                n += cur.fetchone()[0]
        return n

    rows = scan()
    changed = counties[:: max(1, len(counties) // 10)][:10]
    times: dict[str, list[float]] = {"scan": [], "cold": [], "warm": [], "changed": []}
    for _ in range(args.repeat):
        times["scan"].append(timed(scan))
        CountyFigures.objects.all().delete()  # nothing kept: every county from its records
        times["cold"].append(timed(lambda: compute_many(counties, year)))
        times["warm"].append(timed(lambda: compute_many(counties, year)))
        # Records written in ten counties since the last comparison: what a bulk writer
        # says (a save says the same through its signal), so their kept rows are outdated.
        for county in changed:
            data_changed(county)
        times["changed"].append(timed(lambda: compute_many(counties, year)))
    best = {k: min(v) for k, v in times.items()}
    print(f"rows in record tables: {rows:,}; kept county figures: FAZHI_FIGURES_ROLLUP_SECONDS={max_age()}")
    print(f"full scan (count(*) of {len(tables)} tables): best {best['scan'] * 1000:.0f} ms of {args.repeat}")
    labels = {
        "cold": "from the records (nothing kept)",
        "changed": f"after writes in {len(changed)} counties (their figures from the records)",
        "warm": "nothing written since the last comparison",
    }
    for key, label in labels.items():
        print(
            f"catalogue for {len(counties)} counties, {label}: best {best[key] * 1000:.0f} ms"
            f" — ratio {best[key] / best['scan']:.2f} (target ≤ 3)"
        )

if __name__ == "__main__":
    main()
