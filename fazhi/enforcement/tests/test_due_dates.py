"""Due dates of records registered after the fact come from the deadlines services, on
the period rows as an administrator left them (no copy kept for the process's life)."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.deadlines.models import Period
from fazhi.deadlines.services import DueDates, due_date
from fazhi.enforcement.models import Case, SupervisionLetter
from fazhi.enforcement.rules import (
    P_PUBLICATION_PERMIT_PENALTY,
    P_RECTIFICATION,
    CaseKind,
    LetterState,
)

pytestmark = pytest.mark.django_db


def _past_case(unit):
    return Case(
        unit=unit,
        kind=CaseKind.PENALTY,
        party_name="李四",
        matter="x",
        opened_on=date(2024, 9, 2),
        decided_on=date(2024, 9, 27),
        published_on=date(2024, 10, 14),
    )


def test_an_administrators_change_to_a_period_row_is_seen_without_a_restart(unit_a1):
    first = _past_case(unit_a1)
    first.prepare_history()
    assert (first.publication_due, first.published_late) == (date(2024, 10, 12), True)

    # The administrator lengthens the period in the deadlines admin (7 → 10 working days).
    period = Period.objects.get(code=P_PUBLICATION_PERMIT_PENALTY)
    period.length = 10
    period.save()

    again = _past_case(unit_a1)
    again.prepare_history()
    assert (again.publication_due, again.published_late) == (date(2024, 10, 16), False)


def test_an_imported_letters_lateness_follows_the_changed_rectification_period(unit_a1, unit_a2):
    def letter() -> SupervisionLetter:
        return SupervisionLetter(
            issuer=unit_a1,
            recipient=unit_a2,
            number="监督〔2024〕1号",
            issued_on=date(2024, 3, 1),
            problems="x",
            reported_on=date(2024, 4, 10),
            report="已整改",
        )

    before = letter()
    before.prepare_history()
    assert (before.state, before.reported_late) == (LetterState.REPORTED, True)

    Period.objects.filter(code=P_RECTIFICATION).update(length=60)
    after = letter()
    after.prepare_history()
    assert after.reported_late is False


def test_one_import_reads_the_calendar_and_each_period_row_once(unit_a1, django_assert_num_queries):
    due = DueDates()
    first = due(P_RECTIFICATION, date(2024, 3, 1))
    with django_assert_num_queries(0):
        second = due(P_RECTIFICATION, date(2024, 5, 2))
    assert (first, second) == (
        due_date(P_RECTIFICATION, date(2024, 3, 1)),
        due_date(P_RECTIFICATION, date(2024, 5, 2)),
    )
