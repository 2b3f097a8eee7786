"""Issue 11, 2c: xlsx import of mediation disputes, Fazhi against django-import-export.

    uv run python bench/xlsx_import.py                        # SQLite in a temp folder
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/fazhi_bench_import \\
        uv run python bench/xlsx_import.py [--rows 10000,50000,100000] [--tools fazhi,ie]

One ledger file per size, in the columns of the mediation template
(`fazhi.mediation.importing.DISPUTE_SHEET`: 调委会, 纠纷类型, 受理日期, 当事人, 当事人数,
涉及金额（元）, 调解结果, 结案日期). The same file is imported into the same model
(`mediation.Dispute`), the table emptied before each run, in the same database:

- **fazhi**: `core.xlsx.import_file` — every cell parsed, the row's `full_clean()`,
  the committee looked up within the importing user's writable scope, all or nothing;
- **ie**: django-import-export 4 `ModelResource` for the same model, configured as its
  documentation advises for large files (`use_bulk`, `skip_diff`, `batch_size`) and with
  the same validation (`clean_model_instances = True`: the model's `full_clean()`),
  `ForeignKeyWidget` for the committee by name, labels mapped to choice codes, in one
  transaction (`use_transactions`).

Each (tool, size) runs in a child process: the time is the import call's wall time, the
memory the child's peak resident set during the import (VmHWM, reset just before it
through /proc/self/clear_refs; Linux) minus its resident set just before the import
(Django, the models, the file's bytes already loaded). Freed memory that the process
keeps can hide growth from that figure, so `BENCH_TRACEMALLOC=1` also reports the peak
of Python's allocations during the import (tracemalloc; slower, so time it separately). A PostgreSQL database
given in DATABASE_URL must exist; it is migrated, and only its disputes are deleted.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
HEADERS = ["调委会", "纠纷类型", "受理日期", "当事人", "当事人数", "涉及金额（元）", "调解结果", "结案日期"]
COMMITTEES = [f"合成镇{i}人民调解委员会" for i in range(10)]


def setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fazhi.settings_test")
    sys.path.insert(0, ROOT)
    import django

    django.setup()


def write_ledger(path: str, rows: int) -> None:
    """A township ledger as a write-only workbook (constant memory)."""
    from openpyxl import Workbook

    kinds = ["邻里纠纷", "婚姻家庭", "合同纠纷", "损害赔偿", "劳动争议"]
    outcomes = ["达成口头协议"] * 6 + ["达成书面协议"] * 3 + ["调解不成", None]
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("矛盾纠纷")
    ws.append(HEADERS)
    for i in range(rows):
        received = date(2025, 1, 1) + timedelta(days=i % 330)
        outcome = outcomes[i % len(outcomes)]
        ws.append(
            [
                COMMITTEES[i % len(COMMITTEES)],
                kinds[i % len(kinds)],
                received,
                f"张{i}、李{i}",
                2,
                (i * 37) % 20000,
                outcome,
                received + timedelta(days=3) if outcome else None,
            ]
        )
    wb.save(path)


def prepare_database() -> None:
    """Migrate, and make the units, committees and the importing user (idempotent)."""
    from django.core.management import call_command

    from fazhi.mediation.models import Committee
    from fazhi.mediation.rules import Level
    from fazhi.org.models import Role, Unit, UnitKind, User

    call_command("migrate", verbosity=0)
    county, _ = Unit.objects.get_or_create(code="BENCH-C", defaults={"name": "基准县人民政府", "kind": UnitKind.COUNTY})
    for i, name in enumerate(COMMITTEES):
        town, _ = Unit.objects.get_or_create(
            code=f"BENCH-T{i}", defaults={"name": f"合成镇{i}人民政府", "kind": UnitKind.TOWNSHIP, "parent": county}
        )
        Committee.objects.get_or_create(name=name, defaults={"unit": town, "level": Level.TOWNSHIP})
    if not User.objects.filter(username="bench-import").exists():
        User.objects.create_user("bench-import", unit=county, role=Role.COORDINATOR)


def ie_resource():  # noqa: ANN201 - built lazily: import_export needs Django set up
    from import_export import fields, resources, widgets

    from fazhi.mediation.models import Committee, Dispute
    from fazhi.mediation.rules import Kind, Outcome

    class LabelWidget(widgets.Widget):
        def __init__(self, choices) -> None:  # noqa: ANN001
            self.codes = {str(label): value for value, label in choices}
            super().__init__()

        def clean(self, value, row=None, **kwargs):  # noqa: ANN001, ANN003, ANN201
            if value in (None, ""):
                return ""
            if value not in self.codes:
                raise ValueError(f"未知选项“{value}”")
            return self.codes[value]

    class DisputeResource(resources.ModelResource):
        committee = fields.Field("committee", "调委会", widgets.ForeignKeyWidget(Committee, field="name"))
        kind = fields.Field("kind", "纠纷类型", LabelWidget(Kind.choices))
        received_on = fields.Field("received_on", "受理日期", widgets.DateWidget())
        parties = fields.Field("parties", "当事人", widgets.CharWidget())
        party_count = fields.Field("party_count", "当事人数", widgets.IntegerWidget())
        amount = fields.Field("amount", "涉及金额（元）", widgets.DecimalWidget())
        outcome = fields.Field("outcome", "调解结果", LabelWidget(Outcome.choices))
        closed_on = fields.Field("closed_on", "结案日期", widgets.DateWidget())

        class Meta:
            model = Dispute
            fields = ("committee", "kind", "received_on", "parties", "party_count", "amount", "outcome", "closed_on")
            import_id_fields = ()
            use_bulk = True
            batch_size = 1000
            skip_diff = True
            clean_model_instances = True  # the model's full_clean(), like Fazhi's import
            use_transactions = True

        def get_instance(self, instance_loader, row):  # noqa: ANN001, ANN201 - every row is new
            return None

        def import_instance(self, instance, row, **kwargs):  # noqa: ANN001, ANN003, ANN201
            super().import_instance(instance, row, **kwargs)
            # What the model's own import does before validation: the unit is the
            # committee's, the state follows from the outcome.
            if instance.committee_id:
                instance.unit = instance.committee.unit
            instance.set_concluded(instance.outcome, instance.closed_on)

    return DisputeResource()


def _status(key: str) -> float:
    """A line of /proc/self/status in MB (VmRSS: now; VmHWM: peak since the last reset)."""
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith(key + ":"):
                return int(line.split()[1]) / 1024
    return 0.0


def child(tool: str, path: str) -> None:
    setup()
    from django.db import connection

    from fazhi.mediation.importing import DISPUTE_SHEET
    from fazhi.mediation.models import Dispute
    from fazhi.org.models import User

    with connection.cursor() as cur:
        if connection.vendor == "postgresql":
            cur.execute("TRUNCATE mediation_dispute CASCADE")
        else:
            Dispute.objects.all().delete()
    user = User.objects.get(username="bench-import")
    with open(path, "rb") as fh:
        data = fh.read()
    if tool == "ie":
        ie_resource()  # import the package before measuring
    with open("/proc/self/clear_refs", "w") as fh:
        fh.write("5")  # reset the peak (VmHWM) to the current resident set
    rss_before = _status("VmRSS")
    if os.environ.get("BENCH_TRACEMALLOC"):
        import tracemalloc

        tracemalloc.start()
    t0 = time.perf_counter()
    if tool == "fazhi":
        from fazhi.kit.xlsx import import_file

        result = import_file(DISPUTE_SHEET, data, user=user, filename="ledger.xlsx")
        errors, created = len(result.errors), result.created
        first = [f"第{e.row}行 {e.column}：{e.message}" for e in result.errors[:3]]
    else:
        import tablib

        dataset = tablib.Dataset().load(data, format="xlsx")
        result = ie_resource().import_data(dataset, dry_run=False, raise_errors=False)
        errors = len(result.base_errors) + len(result.invalid_rows) + len(result.row_errors())
        created = result.totals.get("new", 0)
        first = [str(r.error_dict)[:300] for r in result.invalid_rows[:3]] + [str(e.error)[:300] for _, errs in result.row_errors()[:3] for e in errs[:1]]
    seconds = time.perf_counter() - t0
    peak = _status("VmHWM")
    traced = 0.0
    if os.environ.get("BENCH_TRACEMALLOC"):
        import tracemalloc

        traced = tracemalloc.get_traced_memory()[1] / 1024 / 1024
    print(
        json.dumps(
            {
                "seconds": seconds,
                "created": created,
                "in_table": Dispute.objects.count(),
                "errors": errors,
                "first_errors": first,
                "rss_before_mb": rss_before,
                "peak_mb": peak,
                "import_mb": peak - rss_before,
                "traced_peak_mb": traced,
            }
        )
    )


def main() -> None:
    tmp = tempfile.mkdtemp(prefix="fazhi-bench-import-")
    try:
        run(tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def run(tmp: str) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", default="10000,50000,100000")
    parser.add_argument("--tools", default="fazhi,ie")
    parser.add_argument("--child", nargs=2, metavar=("TOOL", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    env = dict(os.environ)
    if not env.get("DATABASE_URL"):
        env["FAZHI_DATA_DIR"] = tmp  # SQLite in the temp folder, shared by the children
        os.environ["FAZHI_DATA_DIR"] = tmp
    setup()
    sys.path.insert(0, HERE)
    from _common import machine

    prepare_database()
    print(f"machine: {machine()}")
    print("command: uv run python bench/xlsx_import.py " + " ".join(sys.argv[1:]))
    print(f"{'rows':>8} {'tool':<6} {'seconds':>8} {'rows/s':>8} {'import MB':>10} {'peak MB':>8}  created/errors")
    summary: dict[int, dict[str, float]] = {}
    for n in [int(x) for x in args.rows.split(",")]:
        path = os.path.join(tmp, f"ledger-{n}.xlsx")
        write_ledger(path, n)
        for tool in args.tools.split(","):
            out = subprocess.run(  # noqa: S603 - this very script, our arguments
                [sys.executable, __file__, "--child", tool, path], env=env, capture_output=True, text=True, check=False
            )
            if out.returncode:
                print(out.stderr[-3000:])
                raise SystemExit(f"{tool} at {n} rows failed")
            r = json.loads(out.stdout.strip().splitlines()[-1])
            ok = r["created"] == n and r["in_table"] == n and not r["errors"]
            summary.setdefault(n, {})[tool] = r["seconds"]
            if r["traced_peak_mb"]:
                print(f"{n:>8,} {tool:<6} tracemalloc peak of the import: {r['traced_peak_mb']:.1f} MB")
            print(
                f"{n:>8,} {tool:<6} {r['seconds']:>8.1f} {n / r['seconds']:>8,.0f} {r['import_mb']:>10.0f} "
                f"{r['peak_mb']:>8.0f}  {r['created']:,}/{r['errors']}{'' if ok else '  NOT ALL IMPORTED ' + str(r['first_errors'])}"
            )
        os.remove(path)
    for n, t in summary.items():
        if "fazhi" in t and "ie" in t:
            print(f"{n:,} rows: Fazhi {t['ie'] / t['fazhi']:.1f}× faster than django-import-export (target ≥ 5×)")


if __name__ == "__main__":
    main()
