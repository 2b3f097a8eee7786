"""Disclosure figures: proactive items, requests, on-time replies and their rate."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.disclosure.models import ProactiveItem
from fazhi.disclosure.rules import ReplyType
from fazhi.disclosure.tests.helpers import received
from fazhi.indicators.engine import compute

pytestmark = pytest.mark.django_db
D = date


def test_the_figures_count_the_records_of_the_year(
    coordinator, county_a, unit_a1, unit_a2, django_assert_max_num_queries
):
    ProactiveItem.objects.create(
        unit=unit_a1, category="policy", title="a", published_on=D(2024, 3, 1)
    )
    ProactiveItem.objects.create(
        unit=unit_a2, category="news", title="b", published_on=D(2024, 3, 1)
    )
    ProactiveItem.objects.create(
        unit=unit_a2, category="news", title="c", published_on=D(2023, 3, 1)
    )
    a = received(coordinator, unit_a1, D(2024, 9, 20))
    a.apply("reply", by=coordinator, on=D(2024, 10, 23), reply_type=ReplyType.DISCLOSED)
    b = received(coordinator, unit_a2, D(2024, 9, 20))
    b.apply("reply", by=coordinator, on=D(2024, 10, 24), reply_type=ReplyType.NOT_HELD)
    c = received(coordinator, unit_a2, D(2024, 9, 20))
    c.apply("request_correction", by=coordinator, on=D(2024, 9, 23))
    c.apply("abandon", by=coordinator, on=D(2024, 11, 1))
    codes = [
        "disclosure_proactive",
        "disclosure_requests",
        "disclosure_replied",
        "disclosure_replied_on_time",
        "disclosure_on_time_rate",
    ]
    with django_assert_max_num_queries(3):
        v = compute(county_a, 2024, codes)
    assert v == {
        "disclosure_proactive": 2,
        "disclosure_requests": 3,
        "disclosure_replied": 2,
        "disclosure_replied_on_time": 1,
        "disclosure_on_time_rate": 50,
    }
    assert compute(unit_a1, 2024, ["disclosure_proactive"])["disclosure_proactive"] == 1
