"""The synthetic province: volumes from DOMAIN.md, consistent states, computable
indicators, the same data for the same seed, and refusal to write into a used database."""

from __future__ import annotations

import io
import random
from datetime import date

import pytest
from django.core.management import CommandError, call_command
from django.db.models import F

from fazhi.org.models import Unit, UnitKind
from fazhi.synth.generate import ONCE, YEARLY, County, Ctx, Generator, SynthError, Workdays

TODAY = date(2025, 6, 30)
YEAR = 2024


@pytest.fixture
def province(db):
    gen = Generator(seed=7, start_year=YEAR, years=1, today=TODAY, out=io.StringIO())
    gen.run(1)
    return gen


def check_unit_tree(province):
    county = Unit.objects.get(kind=UnitKind.COUNTY)
    assert Unit.objects.filter(kind=UnitKind.PROVINCE).count() == 1
    assert 40 <= Unit.objects.filter(kind=UnitKind.DEPARTMENT).count() <= 80
    assert 10 <= Unit.objects.filter(kind=UnitKind.TOWNSHIP).count() <= 20
    assert 100 <= Unit.objects.filter(kind=UnitKind.VILLAGE).count() <= 500
    # Materialised paths are set as Unit.save() would set them: parent's path + own pk.
    for unit in Unit.objects.exclude(parent=None).select_related("parent")[:50]:
        assert unit.path == f"{unit.parent.path}{unit.pk:08d}."
    assert (
        Unit.objects.subtree_of(county).count() == Unit.objects.count() - 2
    )  # less province, city


def check_volumes(province):
    by_model = province.stats.by_model
    ranges = {
        "reconsideration.Application": (10, 100),
        "litigation.Lawsuit": (5, 60),
        "decisions.Decision": (2, 10),
        "normdocs.Document": (5, 30),
        "counsel.Opinion": (50, 150),
        "enforcement.Certificate": (300, 1000),
        "enforcement.Case": (5_000, 20_000),
        "disclosure.ProactiveItem": (2_000, 4_000),
        "disclosure.Request": (10, 50),
        "mediation.Dispute": (500, 2_500),
        "legalservices.AidApplication": (200, 500),
        "legalservices.Notarisation": (100, 500),
        "oversight.Suggestion": (60, 200),
        "publicity.Activity": (100, 300),
    }
    for label, (lo, hi) in ranges.items():
        assert lo <= by_model[label] <= hi, label
    from django.apps import apps

    for label, n in by_model.items():
        assert apps.get_model(label).objects.count() == n, label


def check_states(province):
    from fazhi.enforcement.models import Case
    from fazhi.legalservices.models import AidApplication
    from fazhi.litigation.models import Lawsuit
    from fazhi.mediation.models import Dispute
    from fazhi.reconsideration.models import Application
    from fazhi.reconsideration.rules import State

    closed = Application.objects.exclude(closed_on=None)
    assert closed.exists()
    assert not closed.filter(closed_on__lt=F("accepted_on")).exists()
    assert not closed.filter(accepted_on__lt=F("received_on")).exists()
    assert not closed.filter(outcome="").exists()
    assert not Application.objects.filter(closed_on=None, state=State.DECIDED).exists()
    assert not Application.objects.filter(state=State.REFUSED, refused_on=None).exists()
    assert not Lawsuit.objects.filter(closed_on__lt=F("received_on")).exists()
    assert not Lawsuit.objects.exclude(closed_on=None).filter(result="").exists()
    assert not Case.objects.filter(decided_on__lt=F("opened_on")).exists()
    assert not Case.objects.filter(state="published", published_on=None).exists()
    assert not Dispute.objects.filter(closed_on__lt=F("received_on")).exists()
    assert not Dispute.objects.exclude(state="received").filter(closed_on=None).exists()
    assert not AidApplication.objects.filter(closed_on__lt=F("received_on")).exists()
    # Nothing is dated after "today".
    assert not Application.objects.filter(closed_on__gt=TODAY).exists()
    assert not Case.objects.filter(published_on__gt=TODAY).exists()


def check_indicators(province):
    from fazhi.indicators.engine import compute

    county = Unit.objects.get(kind=UnitKind.COUNTY)
    values = compute(county, YEAR)
    assert values
    nonzero = [code for code, v in values.items() if v]
    assert len(nonzero) >= len(values) // 3, sorted(set(values) - set(nonzero))


def test_one_county_year_has_domain_volumes_consistent_states_and_indicators(province):
    # One generated county checked four ways: a run costs ~15 s on SQLite, so it is shared.
    check_unit_tree(province)
    check_volumes(province)
    check_states(province)
    check_indicators(province)


@pytest.mark.django_db
def test_the_same_seed_gives_the_same_records():
    def records(seed: int) -> list[tuple]:
        rng = random.Random(0)
        units = [
            Unit(pk=i, name=f"单位{i}", code=f"U{i}", kind=UnitKind.DEPARTMENT, path=f"{i:08d}.")
            for i in range(1, 60)
        ]
        for u in units[40:]:
            u.kind = UnitKind.TOWNSHIP
        county = County(
            0,
            "SY-000",
            "县",
            "县",
            units[0],
            units[0],
            units[1:40],
            units[40:50],
            units[50:],
            units[2:],
        )
        once: dict = {}
        out = []
        wd = Workdays(YEAR - 6, YEAR + 1)
        for name, maker in [*ONCE, *YEARLY]:
            ctx = Ctx(
                county=county,
                year=YEAR,
                rng=random.Random(f"{seed}:0:{YEAR}:{name}"),
                wd=wd,
                today=TODAY,
                once=once,
            )
            for obj in maker(ctx):
                out.append(
                    tuple(
                        f.value_from_object(obj)
                        for f in obj._meta.concrete_fields
                        if not f.is_relation
                    )
                )
        rng.shuffle(out)  # order-independent comparison below
        return sorted(out, key=repr)

    first, again, other = records(3), records(3), records(4)
    assert first == again
    assert first != other


@pytest.mark.django_db
def test_it_refuses_a_database_that_already_has_units():
    Unit.objects.create(name="某县人民政府", code="X", kind=UnitKind.COUNTY)
    with pytest.raises(SynthError, match="已有单位"):
        Generator(start_year=YEAR, today=TODAY, out=io.StringIO()).run(1)
    assert Unit.objects.count() == 1


@pytest.mark.django_db
def test_it_refuses_future_years():
    with pytest.raises(SynthError, match="未来"):
        Generator(start_year=TODAY.year, years=2, today=TODAY, out=io.StringIO()).run(1)


@pytest.mark.django_db
def test_the_command_reports_a_refusal_in_chinese():
    Unit.objects.create(name="某县人民政府", code="X", kind=UnitKind.COUNTY)
    with pytest.raises(CommandError, match="--append"):
        call_command("synth", "--counties", "1", stdout=io.StringIO(), stderr=io.StringIO())


@pytest.mark.django_db
def test_its_working_day_table_skips_the_national_day_holiday():
    wd = Workdays(2024, 2024)
    # 国务院办公厅 2024 holiday notice: 1–7 October off, 29 September and 12 October worked.
    assert wd.add(date(2024, 9, 30), 1) == date(2024, 10, 8)
    assert wd.is_workday(date(2024, 9, 29))
    assert wd.on_or_after(date(2024, 10, 1)) == date(2024, 10, 8)
    assert wd.add(date(2024, 10, 11), 1) == date(2024, 10, 12)
