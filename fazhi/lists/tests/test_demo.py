"""The demo county's lists: compiled lists, 2022 adjustments, figures that agree."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import transaction

from fazhi.core.management.commands.demo import build_county, create_users
from fazhi.indicators.engine import compute
from fazhi.lists import demo as lists_demo
from fazhi.lists.models import ListAdjustment, ListItem
from fazhi.lists.rules import Action, ListKind


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        ctx = build_county()
        create_users(ctx)
        lists_demo.load(ctx)
        yield ctx
        transaction.set_rollback(True)


@pytest.mark.django_db
def test_the_2022_figures_agree_with_the_compiled_lists_and_the_adjustments(demo):
    v2021 = compute(demo.county, 2021, ["power_list_items", "service_items"])
    v2022 = compute(
        demo.county,
        2022,
        [
            "power_list_items",
            "permit_items",
            "service_items",
            "service_items_on_application",
            "service_items_public",
            "power_items_adjusted",
            "list_items_added",
            "list_items_removed",
            "list_adjustments",
        ],
    )
    power_2022 = ListAdjustment.objects.filter(
        list_kind=ListKind.POWER, adjusted_on__year=2022
    ).exclude(action=Action.ESTABLISH)
    added = power_2022.filter(action=Action.ADD).count()
    removed = power_2022.filter(action=Action.REMOVE).count()
    assert added and removed
    assert v2022["power_list_items"] == v2021["power_list_items"] + added - removed
    assert (
        v2022["power_list_items"]
        == ListItem.objects.of_kind(ListKind.POWER).in_force(date(2022, 12, 31)).count()
    )
    assert v2022["power_items_adjusted"] == power_2022.count()
    assert v2022["service_items"] == (
        v2022["service_items_on_application"] + v2022["service_items_public"]
    )
    assert v2022["service_items"] == v2021["service_items"] + 1
    assert v2022["permit_items"] > 0 and v2022["list_adjustments"] > v2022["power_items_adjusted"]


@pytest.mark.django_db
def test_every_demo_item_is_valid_and_has_a_complete_history(demo):
    for item in ListItem.objects.select_related("unit"):
        item.full_clean()
        first = item.adjustments.order_by("adjusted_on", "id").first()
        assert first is not None and first.action in (Action.ESTABLISH, Action.ADD)
        assert first.document_number
    moved = ListAdjustment.objects.filter(action=Action.AMEND, unit__name="确山县城市管理局")
    assert moved.count() == 2
