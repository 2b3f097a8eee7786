"""The lists' indicators on hand-built histories."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.indicators.engine import compute, records
from fazhi.lists.rules import ListKind, ServiceKind
from fazhi.lists.tests.factories import adjust, make_item

pytestmark = pytest.mark.django_db

CODES = [
    "power_list_items",
    "permit_items",
    "service_items",
    "service_items_on_application",
    "service_items_public",
    "power_items_adjusted",
    "list_items_added",
    "list_items_amended",
    "list_items_removed",
    "list_adjustments",
]


@pytest.fixture
def history(coordinator, unit_a1, unit_a2, county_b, coordinator_b):
    # 2021: compiled lists of A1 (3 powers, 1 permit, 2 services) and A2 (1 power).
    p1 = make_item(coordinator, unit_a1, code="P1")
    p2 = make_item(coordinator, unit_a1, code="P2")
    p3 = make_item(coordinator, unit_a1, code="P3")
    make_item(coordinator, unit_a2, code="P9")
    make_item(coordinator, unit_a1, kind=ListKind.PERMIT, code="X1")
    make_item(coordinator, unit_a1, kind=ListKind.SERVICE, code="S1")
    make_item(
        coordinator, unit_a1, kind=ListKind.SERVICE, code="S2", service_kind=ServiceKind.PUBLIC
    )
    # 2022: one added, one amended twice, one moved A1 → A2, one removed.
    make_item(coordinator, unit_a1, code="P4", action="add", on=date(2022, 4, 1))
    adjust("amend", p1, coordinator, date(2022, 5, 1), name="一改")
    adjust("amend", p1, coordinator, date(2022, 6, 1), name="二改")
    adjust("amend", p2, coordinator, date(2022, 7, 1), unit=unit_a2)
    adjust("remove", p3, coordinator, date(2022, 12, 31))
    # 2023: removed again elsewhere; county B's list does not count for county A.
    adjust("remove", p1, coordinator, date(2023, 2, 1))
    make_item(coordinator_b, county_b, code="B1")


def test_items_in_force_at_year_end_for_the_county(history, county_a):
    v = compute(county_a, 2021, CODES)
    assert v["power_list_items"] == 4
    assert v["permit_items"] == 1
    assert (v["service_items"], v["service_items_on_application"], v["service_items_public"]) == (
        2,
        1,
        1,
    )
    assert v["list_adjustments"] == 0  # the compiled list is not an adjustment
    v = compute(county_a, 2022, CODES)
    # P3 was removed on 31 December: not in force at the year's end.
    assert v["power_list_items"] == 4  # P1, P2, P4, P9
    assert v["power_items_adjusted"] == 5
    assert (v["list_items_added"], v["list_items_amended"], v["list_items_removed"]) == (1, 3, 1)
    assert v["list_adjustments"] == 5
    v = compute(county_a, 2023, CODES)
    assert v["power_list_items"] == 3 and v["list_items_removed"] == 1


def test_an_item_counts_for_the_unit_that_held_it_that_year(history, unit_a1, unit_a2):
    assert compute(unit_a1, 2021, ["power_list_items"])["power_list_items"] == 3
    assert compute(unit_a2, 2021, ["power_list_items"])["power_list_items"] == 1
    # After P2 moved to A2 and P3 was removed: A1 holds P1 and P4, A2 holds P2 and P9.
    assert compute(unit_a1, 2022, ["power_list_items"])["power_list_items"] == 2
    assert compute(unit_a2, 2022, ["power_list_items"])["power_list_items"] == 2


def test_the_records_behind_a_count_are_the_versions_in_force(history, county_a):
    names = sorted(a.after["name"] for a in records("power_list_items", county_a, 2022))
    assert names == sorted(["二改", "事项P2", "事项P4", "事项P9"])
