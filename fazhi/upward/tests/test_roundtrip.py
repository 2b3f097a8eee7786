"""Export a county-year on "its own server", import it into its city: the figures are
equal, the city's figures are local + imported counties, rates are recomputed."""

from __future__ import annotations

from decimal import Decimal

import pytest

from fazhi.audit.models import Action, Entry
from fazhi.indicators import engine
from fazhi.org.models import Unit
from fazhi.testing import make_person, make_unit
from fazhi.upward.models import ImportedUnit, ReportedFigure, Submission
from fazhi.upward.receive import receive
from fazhi.upward.tests.conftest import (
    BIYANG_USCC,
    send_existing_from_elsewhere,
    send_from_elsewhere,
    trust,
)

pytestmark = pytest.mark.usefixtures("small_catalogue")


@pytest.fixture
def local_county(coded, unit_a1, unit_a2):
    # 确山县 keeps its records here: 3 people in A1 (2 principals), 2 in A2 (none).
    make_person(unit_a1, "甲", is_principal=True)
    make_person(unit_a1, "乙", is_principal=True)
    make_person(unit_a1, "丙")
    make_person(unit_a2, "丁")
    make_person(unit_a2, "戊")
    return coded["county_a"]


def test_an_exported_county_year_imported_into_its_city_has_the_same_figures(coded, local_county, coordinator):
    city = coded["city"]
    sent = send_from_elsewhere(city)
    assert not Unit.objects.filter(uscc=BIYANG_USCC).exists()  # nothing of it stayed here
    trust(city, sent)
    outcome = receive(sent.data, into=city)
    county = outcome.submission.unit
    assert county.uscc == BIYANG_USCC and county.parent_id == city.pk
    assert engine.compute(county, 2022) == sent.values
    assert {f.code: f.value for f in outcome.submission.figures.all()}["people"] == 4


def test_the_citys_figure_is_the_sum_over_local_and_imported_counties_and_rates_are_recomputed(coded, local_county):
    city = coded["city"]
    before = engine.compute(city, 2022)
    local = engine.compute(local_county, 2022)
    assert before["people"] == local["people"] == 5
    sent = send_from_elsewhere(city, people=4, principals=1)
    trust(city, sent)
    receive(sent.data, into=city)
    after = engine.compute(city, 2022)
    for code in ("people", "principals", "staff", "people_again", "id_total"):
        assert after[code] == local[code] + sent.values[code], code
    # 2/5 and 1/4: the city's rate is 3/9 = 33.3%, not the mean of 40% and 25%.
    assert after["principal_rate"] == Decimal("33.3")
    assert after["id_max"] == max(local["id_max"], sent.values["id_max"])
    # The mean pools every record: (sum of A's ids + sum of B's ids) / 9.
    raw_b = ReportedFigure.objects.get(code="id_avg").raw
    local_ids = sum(p for p in local_county.subtree().values_list("people__id", flat=True) if p)
    assert after["id_avg"] == ((Decimal(local_ids) + Decimal(raw_b["total"])) / 9).quantize(Decimal("0.1"))


def test_the_counties_side_by_side_show_the_imported_one(coded, local_county):
    city = coded["city"]
    sent = send_from_elsewhere(city)
    trust(city, sent)
    county_b = receive(sent.data, into=city).submission.unit
    values = engine.compute_many([local_county, county_b], 2022, ["people", "principal_rate"])
    assert values[local_county.pk] == {"people": 5, "principal_rate": Decimal("40.0")}
    assert values[county_b.pk] == {"people": 4, "principal_rate": Decimal("25.0")}


def test_local_records_of_an_imported_county_are_left_out_so_nothing_counts_twice(coded, local_county, county_b):
    city = coded["city"]
    county_b.uscc = BIYANG_USCC
    county_b.save()
    stray = make_unit("泌阳县某局", parent=county_b)
    make_person(stray, "本地旧记录")
    sent = send_existing_from_elsewhere(county_b)
    trust(city, sent)
    receive(sent.data, into=city)
    assert engine.compute(county_b, 2022)["people"] == sent.values["people"]
    assert engine.compute(city, 2022)["people"] == 5 + sent.values["people"]
    # The drill-down lists the local records only: the imported county's are not here.
    assert not engine.records("people", city, 2022).filter(unit=stray).exists()
    assert engine.records("people", city, 2022).count() == 5


def test_the_import_creates_the_missing_county_flagged_as_reported_from_elsewhere(coded):
    city = coded["city"]
    sent = send_from_elsewhere(city)
    trust(city, sent)
    outcome = receive(sent.data, into=city)
    assert [u.name for u in outcome.created_units] == ["泌阳县人民政府"]
    assert ImportedUnit.objects.get().unit == outcome.submission.unit
    entry = Entry.objects.filter(action=Action.IMPORT).get()
    assert entry.object_pk == str(outcome.submission.pk)
    assert outcome.submission.sha256 in entry.note


def test_a_newer_file_replaces_the_current_one_and_the_old_one_stays_as_history(coded):
    city = coded["city"]
    first = send_from_elsewhere(city, people=4)
    trust(city, first)
    old = receive(first.data, into=city).submission
    # The county corrects its records and sends again, signed with the same key.
    second = send_existing_from_elsewhere(old.unit, people=6, same_key_as=first)
    new = receive(second.data, into=city).submission
    old.refresh_from_db()
    assert not old.current and new.current and new.replaces == old
    assert engine.compute(new.unit, 2022)["people"] == 6
    assert ReportedFigure.objects.filter(submission=old, code="people").get().value == 4
    assert Submission.objects.filter(unit=new.unit, year=2022).count() == 2
