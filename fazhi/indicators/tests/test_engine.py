"""The engine on a hand-built catalogue over org.Person, so it is tested apart from
any register: counts, rates, parts, drill-down, and a query count that does not grow
with the number of units or indicators."""

from decimal import Decimal

import pytest
from django.db.models import Q

from fazhi.indicators import catalogue as cat_module
from fazhi.indicators import engine
from fazhi.indicators.catalogue import count, parts, rate
from fazhi.org.models import UnitKind
from fazhi.testing import make_person, make_unit

CATALOGUE = [
    count("people", "人员", "名", model="org.Person", where=lambda p: Q(), definition="人员数"),
    count("principals", "负责人", "名", model="org.Person", where=lambda p: Q(is_principal=True), definition="负责人数"),
    count("staff", "工作人员", "名", model="org.Person", where=lambda p: Q(is_principal=False), definition="非负责人"),
    parts("people_again", "合计", "名", of=("principals", "staff"), definition="负责人+工作人员"),
    rate("principal_rate", "负责人占比", numerator="principals", denominator="people", definition="负责人÷人员"),
    rate("principal_rate_1", "负责人占比（一位小数）", numerator="principals", denominator="people", definition="", decimals=1),
]


@pytest.fixture(autouse=True)
def fake_catalogue(monkeypatch):
    table = {i.code: i for i in CATALOGUE}
    monkeypatch.setattr(cat_module, "substitute", table)


def test_counts_cover_the_units_subtree(staffed, county_a, unit_a1):
    values = engine.compute(county_a, 2022)
    assert values["people"] == 4 and values["principals"] == 2 and values["staff"] == 2
    assert engine.compute(unit_a1, 2022)["people"] == 3


def test_rates_are_recomputed_from_their_counts_and_rounded_half_up(staffed, county_a, unit_a1):
    assert engine.compute(county_a, 2022)["principal_rate"] == 50
    # 2 of 3 = 66.666… → 67, and 66.7 with one decimal
    v = engine.compute(unit_a1, 2022)
    assert v["principal_rate"] == 67
    assert v["principal_rate_1"] == Decimal("66.7")


def test_a_rate_over_nothing_is_none(county_b, unit_a1):
    assert engine.compute(unit_a1, 2022)["principal_rate"] is None


def test_parts_add_up(staffed, county_a):
    v = engine.compute(county_a, 2022)
    assert v["people_again"] == v["principals"] + v["staff"]


def test_asking_for_a_rate_computes_what_it_needs_but_returns_what_was_asked(staffed, county_a):
    assert engine.compute(county_a, 2022, ["principal_rate"]) == {"principal_rate": 50}


def test_an_unknown_code_is_a_clear_error(county_a):
    with pytest.raises(KeyError, match="未知指标代码"):
        engine.compute(county_a, 2022, ["nope"])


def test_drill_down_returns_exactly_the_counted_records(staffed, county_a):
    rows = engine.records("principals", county_a, 2022)
    assert rows.count() == engine.compute(county_a, 2022)["principals"]
    assert set(rows.values_list("is_principal", flat=True)) == {True}
    assert engine.records("principal_rate", county_a, 2022).count() == 2


def test_many_units_side_by_side_take_one_query_for_the_tree_and_one_per_model(staffed, city, county_a, county_b, django_assert_num_queries):
    with django_assert_num_queries(2):
        values = engine.compute_many([county_a, county_b], 2022)
    assert values[county_a.pk]["people"] == 4 and values[county_b.pk]["people"] == 1
    assert values[county_b.pk]["principal_rate"] == 100


def test_the_query_count_does_not_grow_with_units(city, django_assert_num_queries):
    counties = [make_unit(f"县{i}", UnitKind.COUNTY, parent=city) for i in range(12)]
    for c in counties:
        make_person(c, "某")
    with django_assert_num_queries(2):
        values = engine.compute_many(counties, 2022)
    assert all(v["people"] == 1 for v in values.values())


def test_own_unit_only_counts_the_unit_itself_not_its_subtree(staffed, county_a, unit_a1, django_assert_num_queries):
    make_person(county_a, "县长", is_principal=True)
    assert engine.compute(county_a, 2022, ["people"])["people"] == 5
    assert engine.compute(county_a, 2022, ["people"], own=True)["people"] == 1
    with django_assert_num_queries(1):
        values = engine.compute_many([county_a, unit_a1], 2022, ["people", "principal_rate"], own=True)
    assert values[unit_a1.pk] == {"people": 3, "principal_rate": 67}
    assert list(engine.records("people", county_a, 2022, own=True).values_list("name", flat=True)) == ["县长"]


def test_average_and_longest_come_from_the_same_records_and_are_none_without_any(county_a, unit_a1, monkeypatch):
    from fazhi.indicators.catalogue import average, maximum

    table = {
        "avg_len": average("avg_len", "平均", "字", model="org.Person", field="id", where=lambda p: Q(unit__kind="department"), definition=""),
        "max_len": maximum("max_len", "最大", "字", model="org.Person", field="id", where=lambda p: Q(unit__kind="department"), definition=""),
    }
    monkeypatch.setattr(cat_module, "substitute", table)
    assert engine.compute(county_a, 2022) == {"avg_len": None, "max_len": None}
    ids = [make_person(unit_a1, "甲").pk, make_person(unit_a1, "乙").pk]
    v = engine.compute(county_a, 2022)
    assert v["max_len"] == max(ids)
    assert v["avg_len"] == (Decimal(sum(ids)) / 2).quantize(Decimal("0.1"))


def test_nested_units_side_by_side_each_get_their_whole_subtree(staffed, city, county_a, unit_a1, county_b, django_assert_num_queries):
    with django_assert_num_queries(2):
        values = engine.compute_many([city, county_a, unit_a1, county_b], 2022, ["people", "principals"])
    assert values[city.pk] == {"people": 5, "principals": 3}
    assert values[county_a.pk] == {"people": 4, "principals": 2}
    assert values[unit_a1.pk] == {"people": 3, "principals": 2}
    assert values[county_b.pk] == {"people": 1, "principals": 1}


def test_a_subtrees_average_is_over_its_records_not_an_average_of_its_units_averages(county_a, unit_a1, unit_a2, monkeypatch):
    from fazhi.indicators.catalogue import average, maximum

    table = {
        "avg_id": average("avg_id", "平均", "", model="org.Person", field="id", where=lambda p: Q(), definition=""),
        "max_id": maximum("max_id", "最大", "", model="org.Person", field="id", where=lambda p: Q(), definition=""),
    }
    monkeypatch.setattr(cat_module, "substitute", table)
    ids = [make_person(unit_a1, n).pk for n in "甲乙丙"] + [make_person(unit_a2, "丁").pk]
    v = engine.compute(county_a, 2022)
    assert v["avg_id"] == (Decimal(sum(ids)) / 4).quantize(Decimal("0.1"))
    assert v["max_id"] == max(ids)


def test_own_unit_figures_of_many_units_roll_up_to_their_subtrees_figures(staffed, city, county_a, unit_a1, unit_a2, county_b):
    units = [city, county_a, unit_a1, unit_a2, county_b]
    own = engine.compute_many(units, 2022, ["people"], own=True)
    assert sum(v["people"] for v in own.values()) == engine.compute(city, 2022)["people"] == 5


def test_a_subtrees_compiled_query_serves_another_subtree_with_that_subtrees_figures(staffed, county_a, county_b):
    engine._compiled.clear()
    assert engine.compute(county_a, 2022)["people"] == 4
    compiled = dict(engine._compiled)
    assert len(compiled) == 1
    assert engine.compute(county_b, 2022)["people"] == 1  # the same SQL, county B's path
    assert engine._compiled == compiled
    assert engine.compute(county_a, 2023)["people"] == 4  # another period: compiled anew
    assert len(engine._compiled) == 2


def test_many_subtrees_of_different_depths_each_get_their_own_figures(staffed, county_a, unit_a1, unit_a2, county_b):
    # Three roots, two path lengths: two hashed IN lists; then the same SQL for other units.
    engine._compiled.clear()
    many = engine.compute_many([unit_a1, unit_a2, county_b], 2022)
    assert [many[u.pk]["people"] for u in (unit_a1, unit_a2, county_b)] == [3, 1, 1]
    alone = {u.pk: engine.compute(u, 2022)["people"] for u in (unit_a1, unit_a2, county_b)}
    assert alone == {pk: v["people"] for pk, v in many.items()}
    again = engine.compute_many([unit_a2, unit_a1, county_a], 2022)
    assert [again[u.pk]["people"] for u in (unit_a2, unit_a1, county_a)] == [1, 3, 4]
