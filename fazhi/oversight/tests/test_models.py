"""Supervision tasks through seed 004's workflow, and suggestions / proposals."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from fazhi.core.workflow import TransitionNotAllowed
from fazhi.deadlines.models import Status
from fazhi.deadlines.services import deadlines_for
from fazhi.oversight.models import ArchiveFile, Suggestion, Task
from fazhi.oversight.rules import (
    Means,
    SourceKind,
    SuggestionKind,
    SuggestionState,
    TaskState,
    UrgingKind,
)

pytestmark = pytest.mark.django_db
D = date
DUE = D(2023, 4, 28)
ASSIGNED_ON = D(2023, 3, 20)


def proposed(by, office, unit, **extra):
    fields = {
        "title": "城区背街小巷路灯整改",
        "source_kind": SourceKind.INSTRUCTION,
        "source_ref": "县长批示（2023年第12期）",
        "proposed_on": D(2023, 3, 1),
        **extra,
    }
    return Task.propose(by=by, office=office, unit=unit, **fields)


def assigned(by, office, unit, due_on=DUE):
    task = proposed(by, office, unit)
    task.apply("approve", by=by, on=D(2023, 3, 2), approved_by="县长")
    task.apply("assign", by=by, on=D(2023, 3, 3), responsible="王局长", due_on=due_on)
    return task


def test_a_task_goes_from_proposal_to_archive_with_its_full_history(
    coordinator, county_a, unit_a1, unit_a2
):
    task = proposed(coordinator, county_a, unit_a1, co_units=[unit_a2])
    assert task.state == TaskState.PROPOSED
    task.apply("approve", by=coordinator, on=D(2023, 3, 2), approved_by="县长")
    assert task.state == TaskState.APPROVED
    task.apply(
        "assign", by=coordinator, on=D(2023, 3, 3), responsible="王局长", due_on=D(2023, 4, 28)
    )
    task.milestones.create(title="完成摸底", due_on=D(2023, 3, 20))
    task.apply("urge", by=coordinator, on=D(2023, 3, 25), means=Means.PHONE, note="电话询问进度")
    task.apply("feedback", by=coordinator, on=D(2023, 4, 1), text="已完成摸底，正在施工")
    task.apply("report_done", by=coordinator, on=D(2023, 4, 25), text="整改完成")
    assert task.state == TaskState.REPORTED
    task.apply("return_task", by=coordinator, on=D(2023, 4, 26), reason="两处未完成")
    assert task.state == TaskState.ASSIGNED and task.reported_on is None
    task.apply("report_done", by=coordinator, on=D(2023, 4, 27), text="全部整改完成")
    task.apply("accept", by=coordinator, on=D(2023, 4, 28), accepted_by="督查室主任")
    assert task.state == TaskState.CLOSED
    task.apply("archive", by=coordinator, on=D(2023, 5, 5))
    assert task.state == TaskState.ARCHIVED
    archive = ArchiveFile.objects.get(task=task)
    contents = archive.contents
    assert contents["事项"]["配合单位"] == [unit_a2.name]
    assert [m["节点"] for m in contents["时间节点"]] == ["完成摸底"]
    assert len(contents["进展反馈"]) == 3
    assert contents["催办记录"][0]["方式"] == "电话催办"
    verbs = [e["动作"] for e in contents["办理记录"]]
    for verb in ("approve", "assign", "urge", "report_done", "return_task", "accept", "archive"):
        assert verb in verbs
    assert task.urgings.get().kind == UrgingKind.MANUAL


def test_the_lead_unit_reports_but_only_the_office_approves_and_accepts(
    coordinator, liaison_a1, county_a, unit_a1
):
    task = proposed(coordinator, county_a, unit_a1)
    assert task.allowed_actions(liaison_a1) == []
    with pytest.raises(TransitionNotAllowed, match="确山县人民政府"):
        task.apply("approve", by=liaison_a1, on=D(2023, 3, 2), approved_by="我")
    task.apply("approve", by=coordinator, on=D(2023, 3, 2), approved_by="县长")
    task.apply(
        "assign", by=coordinator, on=D(2023, 3, 3), responsible="王局长", due_on=D(2023, 4, 28)
    )
    assert {t.action for t in task.allowed_actions(liaison_a1)} == {"feedback", "report_done"}
    task.apply("report_done", by=liaison_a1, on=D(2023, 4, 20), text="已完成")
    with pytest.raises(TransitionNotAllowed):
        task.apply("accept", by=liaison_a1, on=D(2023, 4, 21), accepted_by="我")


def test_a_task_may_be_refused_at_approval_and_then_cannot_be_archived(
    coordinator, county_a, unit_a1
):
    task = proposed(coordinator, county_a, unit_a1)
    task.apply("reject", by=coordinator, on=D(2023, 3, 2), reason="不属于督办范围")
    assert task.state == TaskState.CLOSED and task.rejected
    with pytest.raises(TransitionNotAllowed):
        task.apply("archive", by=coordinator, on=D(2023, 3, 3))


@pytest.mark.parametrize(
    ("action", "data", "message"),
    [
        ("approve", {"approved_by": ""}, "审批人"),
        ("assign", {"responsible": "", "due_on": D(2023, 4, 1)}, "责任人"),
        ("assign", {"responsible": "王", "due_on": None}, "完成时限"),
        ("assign", {"responsible": "王", "due_on": D(2023, 2, 1)}, "完成时限"),
    ],
)
def test_it_refuses_bad_input_and_changes_nothing(
    coordinator, county_a, unit_a1, action, data, message
):
    task = proposed(coordinator, county_a, unit_a1)
    if action == "assign":
        task.apply("approve", by=coordinator, on=D(2023, 3, 2), approved_by="县长")
    before = Task.objects.get(pk=task.pk)
    with pytest.raises(TransitionNotAllowed, match=message):
        task.apply(action, by=coordinator, on=D(2023, 3, 3), **data)
    after = Task.objects.get(pk=task.pk)
    assert (after.state, after.version, after.due_on) == (
        before.state,
        before.version,
        before.due_on,
    )


def test_it_refuses_an_urging_without_a_means(coordinator, county_a, unit_a1):
    task = assigned(coordinator, county_a, unit_a1)
    with pytest.raises(TransitionNotAllowed, match="催办方式"):
        task.apply("urge", by=coordinator, on=D(2023, 3, 10), means="email")
    assert task.urgings.count() == 0


def test_a_lead_unit_outside_the_office_is_refused(coordinator, county_a, county_b):
    with pytest.raises(ValidationError):
        proposed(coordinator, county_a, county_b)
    assert Task.objects.count() == 0


def assigned_suggestion(by, office, unit, kind=SuggestionKind.NPC, on=ASSIGNED_ON):
    return Suggestion.assign(
        by=by,
        kind=kind,
        title="关于改善城区停车秩序的建议",
        proposer_name="李四海",
        office=office,
        unit=unit,
        assigned_on=on,
    )


@pytest.mark.parametrize("kind", [SuggestionKind.NPC, SuggestionKind.CPPCC])
def test_a_suggestion_is_due_three_months_after_assignment(coordinator, county_a, unit_a1, kind):
    s = assigned_suggestion(coordinator, county_a, unit_a1, kind)
    d = deadlines_for(s).get()
    assert d.due_date == D(2023, 6, 20)
    s.apply("contact", by=coordinator, on=D(2023, 4, 1), contact_means="meeting")
    s.apply("reply", by=coordinator, on=D(2023, 6, 20), category="A")
    assert s.state == SuggestionState.REPLIED and s.replied_on_time is True
    s.apply("evaluate", by=coordinator, on=D(2023, 7, 1), satisfaction="basic")
    assert s.state == SuggestionState.EVALUATED
    assert deadlines_for(s).get().status == Status.MET


def test_an_approved_extension_gives_six_months_and_a_late_reply_is_marked(
    coordinator, county_a, unit_a1
):
    s = assigned_suggestion(coordinator, county_a, unit_a1)
    s.apply(
        "extend", by=coordinator, on=D(2023, 6, 1), approved_by="常务副县长", reason="涉及多部门"
    )
    assert deadlines_for(s).get().due_date == D(2023, 9, 20)
    s.apply("reply", by=coordinator, on=D(2023, 9, 25), category="B")
    assert s.replied_on_time is False


def test_a_liaison_replies_for_the_unit_but_may_not_extend(
    coordinator, liaison_a1, county_a, unit_a1
):
    s = assigned_suggestion(coordinator, county_a, unit_a1)
    assert "extend" not in {t.action for t in s.allowed_actions(liaison_a1)}
    with pytest.raises(TransitionNotAllowed):
        s.apply("extend", by=liaison_a1, on=D(2023, 6, 1), approved_by="我")
    s.apply("reply", by=liaison_a1, on=D(2023, 6, 1), category="A")


@pytest.mark.parametrize(
    ("action", "data"), [("reply", {"category": "D"}), ("contact", {"contact_means": ""})]
)
def test_it_refuses_bad_suggestion_input_and_changes_nothing(
    coordinator, county_a, unit_a1, action, data
):
    s = assigned_suggestion(coordinator, county_a, unit_a1)
    with pytest.raises(TransitionNotAllowed):
        s.apply(action, by=coordinator, on=D(2023, 4, 1), **data)
    s.refresh_from_db()
    assert s.state == SuggestionState.ASSIGNED and s.replied_on is None and s.contacted_on is None


@pytest.mark.parametrize("kind", [SuggestionKind.NPC, SuggestionKind.CPPCC])
def test_an_extension_runs_to_six_months_from_assignment_not_three_after_the_rolled_end(
    coordinator, county_a, unit_a1, kind
):
    # 代表法 第51条 (提案 rules alike): "自交办之日起6个月内". Assigned 2024-08-31: 3 months
    # end 11-30 (Saturday) → 12-02; the extended limit is 2025-02-28, not 2025-03-03.
    s = assigned_suggestion(coordinator, county_a, unit_a1, kind, on=D(2024, 8, 31))
    assert deadlines_for(s).get().due_date == D(2024, 12, 2)
    s.apply("extend", by=coordinator, on=D(2024, 11, 1), approved_by="常务副县长", reason="复杂")
    assert deadlines_for(s).get().due_date == D(2025, 2, 28)
