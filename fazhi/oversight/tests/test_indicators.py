"""Every rate of suggestions and proposals, and the supervision counts."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.indicators.engine import compute, records
from fazhi.oversight.rules import SuggestionKind
from fazhi.oversight.tests.test_models import assigned, assigned_suggestion

pytestmark = pytest.mark.django_db
D = date


@pytest.mark.parametrize(
    ("kind", "prefix", "base"),
    [
        (SuggestionKind.NPC, "npc", "npc_suggestions"),
        (SuggestionKind.CPPCC, "cppcc", "cppcc_proposals"),
    ],
)
def test_completion_contact_and_satisfaction_rates(
    coordinator, county_a, unit_a1, kind, prefix, base, django_assert_max_num_queries
):
    items = [assigned_suggestion(coordinator, county_a, unit_a1, kind) for _ in range(4)]
    for s in items[:3]:
        s.apply("contact", by=coordinator, on=D(2023, 4, 1), contact_means="meeting")
    for s in items[:2]:
        s.apply("reply", by=coordinator, on=D(2023, 6, 1), category="A")
    items[0].apply("evaluate", by=coordinator, on=D(2023, 6, 10), satisfaction="satisfied")
    items[1].apply("evaluate", by=coordinator, on=D(2023, 6, 10), satisfaction="dissatisfied")
    codes = [
        base,
        f"{prefix}_replied",
        f"{prefix}_completion_rate",
        f"{prefix}_contact_rate",
        f"{prefix}_satisfaction_rate",
        f"{prefix}_replied_on_time",
    ]
    with django_assert_max_num_queries(3):
        v = compute(county_a, 2023, codes)
    assert v[base] == 4 and v[f"{prefix}_replied"] == 2 and v[f"{prefix}_replied_on_time"] == 2
    assert v[f"{prefix}_completion_rate"] == 50
    assert v[f"{prefix}_contact_rate"] == 75
    assert v[f"{prefix}_satisfaction_rate"] == 50
    assert set(records(f"{prefix}_replied", county_a, 2023)) == set(items[:2])


def test_a_reply_after_the_year_end_does_not_count_for_that_year(coordinator, county_a, unit_a1):
    s = assigned_suggestion(coordinator, county_a, unit_a1, on=D(2023, 11, 20))
    s.apply("reply", by=coordinator, on=D(2024, 1, 10), category="B")
    assert compute(county_a, 2023, ["npc_completion_rate"])["npc_completion_rate"] == 0


def test_supervision_tasks_and_overdue(coordinator, county_a, unit_a1):
    late = assigned(coordinator, county_a, unit_a1, due_on=D(2023, 4, 28))
    on_time = assigned(coordinator, county_a, unit_a1, due_on=D(2023, 4, 28))
    on_time.apply("report_done", by=coordinator, on=D(2023, 4, 27), text="完成")
    reported_late = assigned(coordinator, county_a, unit_a1, due_on=D(2023, 4, 28))
    reported_late.apply("report_done", by=coordinator, on=D(2023, 5, 3), text="完成")
    v = compute(county_a, 2023, ["supervision_tasks", "supervision_overdue"])
    assert v == {"supervision_tasks": 3, "supervision_overdue": 2}
    assert set(records("supervision_overdue", county_a, 2023)) == {late, reported_late}
