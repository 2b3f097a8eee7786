"""The due list runs a bounded number of queries: the same for 3 deadlines as for
several pages of them (issue 11, point 3)."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from fazhi.deadlines.services import open_deadline
from fazhi.deadlines.views import PAGE_SIZE
from fazhi.testing import make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def frozen(time_machine):
    time_machine.move_to(dt.datetime(2024, 10, 9, 9, tzinfo=dt.UTC), tick=False)


def _open(unit, n, responsible):
    for i in range(n):
        p = make_person(unit, f"甲{i}")
        open_deadline(
            p,
            "recon_decision_ordinary",
            start=dt.date(2024, 9, 20),
            title=f"复议决定{i}",
            responsible=responsible,
        )


def _queries(client, **params):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(reverse("deadlines:list"), params)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_the_due_list_takes_as_many_queries_for_three_deadlines_as_for_pages_of_them(
    client_for, coordinator, liaison_a1, unit_a1, unit_a2, frozen, django_assert_max_num_queries
):
    c = client_for(coordinator)
    _open(unit_a1, 3, liaison_a1)
    few = _queries(c)
    _open(unit_a2, PAGE_SIZE * 2, coordinator)
    assert _queries(c) == few
    assert _queries(c, page=2) == few
    with django_assert_max_num_queries(few):
        c.get(reverse("deadlines:list"), {"light": "green", "register": "org"})
