"""Shared bits of the bench scripts: Django setup, the machine line, percentiles."""

from __future__ import annotations

import os
import platform
import sys


def setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fazhi.settings")
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    import django

    django.setup()


def machine() -> str:
    from django.db import connection

    mem = ""
    try:
        with open("/proc/meminfo") as fh:
            mem = f"{int(fh.readline().split()[1]) / 1024 / 1024:.0f} GiB"
    except OSError:
        pass
    with connection.cursor() as cur:
        if connection.vendor == "postgresql":
            cur.execute("select version()")
            db = cur.fetchone()[0].split(" on ")[0]
        else:
            db = f"{connection.vendor} {connection.Database.sqlite_version}"
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return f"{platform.node()}: {os.cpu_count()} CPU, {mem}, Python {platform.python_version()}, {db}; load average {load}"


def percentile(values: list[float], p: float) -> float:
    xs = sorted(values)
    k = min(len(xs) - 1, max(0, round(p / 100 * (len(xs) - 1))))
    return xs[k]


def command() -> str:
    return " ".join(["uv run python", *sys.argv])
