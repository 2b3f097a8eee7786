"""Demo: a second county, 泌阳县, reports its 2022 year to 驻马店市 as if from its own server.

泌阳县 is generated (the synth generator, one county, one year, its enforcement cases
thinned to one in ten for speed) in a savepoint under the
city, its annual report drafted and issued, and its upward file exported through the
real export path (signed with its own key); then the savepoint is rolled back, so none
of its records stay in this database. The city coordinator then registers 泌阳县's
public key and imports the file through the real import path: the city's dashboards
show 确山县 from its records and 泌阳县 from the file.

The unified social credit codes given to the demo governments are synthetic (area code
of the real place, made-up organisation code, valid GB 32100 check character).
"""

from __future__ import annotations

import io
import random
from datetime import date
from typing import Any

from django.db import transaction

from fazhi.audit.trail import audit_context
from fazhi.core.demo import DemoContext
from fazhi.enforcement.models import Case
from fazhi.org.models import Unit, UnitKind
from fazhi.org.validators import uscc_check_char
from fazhi.reports import annual
from fazhi.reports.actions import IssueRefused, issue
from fazhi.synth import generate as synth
from fazhi.upward.export import export_year, file_name
from fazhi.upward.models import SigningKey, TrustedKey
from fazhi.upward.receive import receive

LOAD_LAST = True  # after the registers and the annual report

BIYANG = ("泌阳县人民政府", "BY", "泌阳县")
# Area codes (GB/T 2260) of the real places; the rest of each code is made up.
AREAS = {"province": "410000", "city": "411700", "queshan": "411725", "biyang": "411726"}


def demo_uscc(area: str, n: int) -> str:
    first = f"11{area}{n:09d}"
    return first + uscc_check_char(first)


class _Rollback(Exception):
    """Leaves the savepoint: 泌阳县's records were on its own server, not here."""


def _give_codes(ctx: DemoContext) -> None:
    province = ctx.city.parent
    for unit, area in ((province, AREAS["province"]), (ctx.city, AREAS["city"]), (ctx.county, AREAS["queshan"])):
        if unit is not None and not unit.uscc:
            unit.uscc = demo_uscc(area, 1)
            unit.save()


def _generate_county(ctx: DemoContext) -> Unit:
    """泌阳县 and its 2022 records, made by the synth generator's makers."""

    gen = synth.Generator(seed=726, start_year=ctx.year, years=1, out=io.StringIO(), today=ctx.today, use_copy=False)
    gen.wd = synth.Workdays(ctx.year - 6, ctx.year + 1)
    province = ctx.city.parent
    county = gen._county(0, province, {0: ctx.city}, random.Random("biyang:units"))
    unit = county.unit
    unit.name, unit.code, unit.short_name = BIYANG
    unit.uscc = demo_uscc(AREAS["biyang"], 1)
    unit.save()
    once: dict[str, list[Any]] = {}
    for name, maker in synth.ONCE:
        gen._write(maker(gen._ctx(county, ctx.year, name, once)))
    for name, maker in synth.YEARLY:
        made = maker(gen._ctx(county, ctx.year, name, once))
        gen._write(_thinned(made) if name == "enforcement" else made)
    return unit


ENFORCEMENT_SAMPLE = 10  # keep one enforcement case in ten: `fazhi demo` must stay fast


def _thinned(objs: Any) -> Any:
    """The synth county's enforcement cases (5,000–20,000, most of its rows), one in ten:
    writing them all would double the demo's time. Cases are independent records."""

    n = 0
    for obj in objs:
        if isinstance(obj, Case):
            n += 1
            if n % ENFORCEMENT_SAMPLE:
                continue
        yield obj


def _issue_report(county: Unit, ctx: DemoContext) -> None:
    """泌阳县's 2022 report, drafted from its figures and issued (frozen)."""


    report = annual.create_draft(county, ctx.year)
    # Demonstration data: never a real county's document number (annual.DEMO_PREFIX).
    report.doc_number = f"{annual.DEMO_PREFIX}〔{ctx.year + 1}〕12号"
    report.addressee = ctx.city.name
    report.dated = report.printed_on = date(ctx.year + 1, 3, 25)
    report.printed_by = "泌阳县人民政府办公室"
    report.save()
    try:
        issue(report, by=ctx.users.get("admin"), today=date(ctx.year + 1, 3, 25))
    except IssueRefused:
        pass  # the file then says the report is not issued; the demo still shows the figures


def export_from_elsewhere(ctx: DemoContext) -> tuple[bytes, SigningKey]:
    box: list[tuple[bytes, SigningKey]] = []
    try:
        with transaction.atomic(), audit_context(suppressed=True):
            county = _generate_county(ctx)
            _issue_report(county, ctx)
            key = SigningKey.for_unit(county)
            data = export_year(county, ctx.year)
            box.append((data, SigningKey(unit=None, private_key="", public_key=key.public_key, fingerprint=key.fingerprint)))
            raise _Rollback
    except _Rollback:
        pass
    return box[0]


def load(ctx: DemoContext) -> None:
    _give_codes(ctx)
    data, key = export_from_elsewhere(ctx)
    assert not Unit.objects.filter(code=BIYANG[1]).exists()  # noqa: S101 - rolled back
    city_user = ctx.users.get("city") or ctx.users.get("admin")
    with audit_context(user=city_user):
        TrustedKey.objects.create(
            unit=ctx.city, uscc=demo_uscc(AREAS["biyang"], 1), name=BIYANG[0], public_key=key.public_key,
            fingerprint=key.fingerprint, note="演示：公钥由泌阳县司法局书面送达", registered_by=city_user,
        )
        receive(data, into=ctx.city, by=city_user, file_name=file_name(Unit(name=BIYANG[0], short_name=BIYANG[2]), ctx.year))
    # The county's own key, so that its coordinator can export 确山县's file at once.
    SigningKey.for_unit(ctx.county)
    assert Unit.objects.get(code=BIYANG[1]).kind == UnitKind.COUNTY  # noqa: S101
