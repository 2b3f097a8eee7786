"""Optimistic locking and the workflow's one write path, on a model made for the test."""

from datetime import date, timedelta

import pytest
from django.db import connection, models
from django.utils import timezone

from fazhi.audit.models import Action, Entry
from fazhi.core.models import ConcurrentEdit
from fazhi.core.workflow import Transition, TransitionNotAllowed, Workflow


class Case(Workflow):
    transitions = {
        "open": Transition("open", "立案", {"new"}, "open"),
        "close": Transition("close", "结案", {"open"}, "closed"),
    }
    # DO_NOTHING and no reverse accessor: deleting a unit elsewhere in the suite must
    # not look for this model's table, which exists only while its fixture runs.
    unit = models.ForeignKey(
        "org.Unit", on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    state = models.CharField(max_length=10, default="new", choices=[("new", "新"), ("open", "办理中"), ("closed", "已结")])
    opened_on = models.DateField(null=True)

    class Meta:
        app_label = "core"
        managed = False  # the fixture creates its table; migrations and serialization skip it

    def on_open(self, *, on, **kw):
        self.opened_on = on

    def last_event_date(self):
        return self.opened_on


@pytest.fixture
def case_table(db):
    with connection.schema_editor() as editor:
        editor.create_model(Case)
    yield
    with connection.schema_editor() as editor:
        editor.delete_model(Case)


@pytest.fixture
def case(case_table, unit_a1):
    from fazhi.audit.trail import track

    track(Case)
    return Case.objects.create(unit=unit_a1)


pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
TODAY = timezone.localdate()


def test_the_second_of_two_concurrent_editors_is_refused(case):
    first = Case.objects.get(pk=case.pk)
    second = Case.objects.get(pk=case.pk)
    first.opened_on = date(2024, 1, 2)
    first.save()
    second.opened_on = date(2024, 1, 3)
    with pytest.raises(ConcurrentEdit, match="已被其他人修改"):
        second.save()
    case.refresh_from_db()
    assert case.opened_on == date(2024, 1, 2) and case.version == 1


def test_a_move_from_a_stale_page_is_refused(case, liaison_a1):
    stale = case.version
    case.apply("open", by=liaison_a1, on=TODAY)
    fresh = Case.objects.get(pk=case.pk)
    with pytest.raises(ConcurrentEdit):
        fresh.apply("close", by=liaison_a1, on=TODAY, expected_version=stale)
    fresh.apply("close", by=liaison_a1, on=TODAY, expected_version=fresh.version)
    assert fresh.state == "closed"


def test_allowed_actions_follow_state_and_scope(case, liaison_a1, liaison_a2, leader):
    assert [t.action for t in case.allowed_actions(liaison_a1)] == ["open"]
    assert case.allowed_actions(liaison_a2) == []
    assert case.allowed_actions(leader) == []


def test_a_refused_move_changes_nothing(case, liaison_a1, liaison_a2):
    with pytest.raises(TransitionNotAllowed, match="不能执行“结案”"):
        case.apply("close", by=liaison_a1, on=TODAY)
    with pytest.raises(TransitionNotAllowed, match="无权"):
        case.apply("open", by=liaison_a2, on=TODAY)
    with pytest.raises(TransitionNotAllowed, match="晚于今天"):
        # Today's date read now, not at import: a run may cross midnight (Asia/Shanghai).
        case.apply("open", by=liaison_a1, on=timezone.localdate() + timedelta(days=1))
    case.refresh_from_db()
    assert case.state == "new" and case.opened_on is None


def test_a_move_may_not_predate_the_last_recorded_step(case, liaison_a1):
    case.apply("open", by=liaison_a1, on=TODAY)
    with pytest.raises(TransitionNotAllowed, match="早于"):
        case.apply("close", by=liaison_a1, on=TODAY - timedelta(days=1))
    assert case.state == "open"


def test_a_move_is_audited_as_a_transition(case, liaison_a1):
    case.apply("open", by=liaison_a1, on=TODAY, note="材料齐全")
    e = Entry.objects.for_object(case).latest("id")
    assert (e.action, e.verb, e.user, e.note) == (Action.TRANSITION, "open", liaison_a1, "材料齐全")
    assert ("state", "new", "open") in e.changes
