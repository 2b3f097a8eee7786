"""Milestones (阶段节点 of 责任分解): screens, API, rules, the due list and reminders."""

from __future__ import annotations

from datetime import date
from io import StringIO

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.management import call_command

from fazhi.deadlines.models import Status
from fazhi.deadlines.services import deadlines_for
from fazhi.kit.api import etag_for
from fazhi.oversight import rules
from fazhi.oversight.models import Milestone, Urging
from fazhi.oversight.rules import Means, UrgingKind
from fazhi.oversight.tests.test_models import assigned, proposed

pytestmark = pytest.mark.django_db
D = date


@pytest.fixture
def task(coordinator, county_a, unit_a1):
    # 立项 2023-03-02, 交办 2023-03-03, 完成时限 2023-04-28.
    return assigned(coordinator, county_a, unit_a1, due_on=D(2023, 4, 28))


def deadline(record, code):
    return deadlines_for(record).filter(period__code=code).order_by("-id").first()


# ---------------------------------------------------------------- rules


def test_a_milestone_opens_a_deadline_due_on_its_date_and_completing_it_meets_it(coordinator, task):
    m = Milestone.add(task, by=coordinator, title="完成摸底", due_on=D(2023, 4, 1))  # a Saturday
    d = deadline(m, rules.P_MILESTONE)
    assert (d.due_date, d.status, d.unit) == (D(2023, 4, 1), Status.OPEN, task.unit)
    m.complete(by=coordinator, on=D(2023, 4, 3))
    d.refresh_from_db()
    assert (d.status, d.on_time) == (Status.MET, False)
    assert Milestone.objects.get(pk=m.pk).done_on == D(2023, 4, 3)


def test_changing_a_milestone_moves_its_deadline(coordinator, task):
    m = Milestone.add(task, by=coordinator, title="完成摸底", due_on=D(2023, 4, 1))
    m.change(by=coordinator, title="完成全面摸底", due_on=D(2023, 4, 10))
    d = deadline(m, rules.P_MILESTONE)
    assert (d.due_date, d.status) == (D(2023, 4, 10), Status.OPEN)
    assert deadlines_for(m).count() == 1


@pytest.mark.parametrize(
    ("due_on", "message"),
    [
        (D(2023, 5, 5), "晚于督办事项的完成时限2023-04-28"),
        (D(2023, 3, 1), "早于立项日期2023-03-02"),
    ],
)
def test_a_milestone_outside_the_task_is_refused_and_nothing_is_written(
    coordinator, task, due_on, message
):
    with pytest.raises(ValidationError, match=message):
        Milestone.add(task, by=coordinator, title="完成摸底", due_on=due_on)
    assert Milestone.objects.count() == 0
    assert not deadlines_for(task).filter(period__code=rules.P_MILESTONE).exists()


def test_a_change_outside_the_task_is_refused_and_the_milestone_is_unchanged(coordinator, task):
    m = Milestone.add(task, by=coordinator, title="完成摸底", due_on=D(2023, 4, 1))
    with pytest.raises(ValidationError, match="晚于督办事项的完成时限"):
        m.change(by=coordinator, title="x", due_on=D(2023, 6, 1))
    fresh = Milestone.objects.get(pk=m.pk)
    assert (fresh.title, fresh.due_on) == ("完成摸底", D(2023, 4, 1))
    assert deadline(m, rules.P_MILESTONE).due_date == D(2023, 4, 1)


def test_a_completion_before_approval_or_in_the_future_is_refused(coordinator, task):
    m = Milestone.add(task, by=coordinator, title="完成摸底", due_on=D(2023, 4, 1))
    with pytest.raises(ValidationError, match="早于立项日期"):
        m.complete(by=coordinator, on=D(2023, 2, 1))
    with pytest.raises(ValidationError, match="晚于今天"):
        m.complete(by=coordinator, on=D(2999, 1, 1))
    assert Milestone.objects.get(pk=m.pk).done_on is None
    assert deadline(m, rules.P_MILESTONE).status == Status.OPEN


def test_milestones_need_an_approved_task_and_a_writer_of_its_unit(
    coordinator, liaison_a2, leader, county_a, unit_a1
):
    task = proposed(coordinator, county_a, unit_a1)
    with pytest.raises(ValidationError, match="待审批"):
        Milestone.add(task, by=coordinator, title="x", due_on=D(2023, 4, 1))
    task.apply("approve", by=coordinator, on=D(2023, 3, 2), approved_by="县长")
    for outsider in (liaison_a2, leader):
        with pytest.raises(ValidationError, match="无权"):
            Milestone.add(task, by=outsider, title="x", due_on=D(2023, 4, 1))
    # Before 责任分解 there is no 完成时限 yet: only 立项 bounds the date.
    Milestone.add(task, by=coordinator, title="制定方案", due_on=D(2023, 9, 1))
    assert task.milestones.count() == 1


def test_assigning_a_deadline_before_an_existing_milestone_is_refused(
    coordinator, county_a, unit_a1
):
    task = proposed(coordinator, county_a, unit_a1)
    task.apply("approve", by=coordinator, on=D(2023, 3, 2), approved_by="县长")
    Milestone.add(task, by=coordinator, title="制定方案", due_on=D(2023, 5, 10))
    with pytest.raises(ValidationError, match="时间节点“制定方案”"):
        task.apply(
            "assign", by=coordinator, on=D(2023, 3, 3), responsible="王局长", due_on=D(2023, 4, 28)
        )
    task.refresh_from_db()
    assert task.due_on is None and not deadlines_for(task).exists()


def test_the_task_deadline_is_on_the_due_list_from_assignment_to_the_report(coordinator, task):
    d = deadline(task, rules.P_TASK)
    assert (d.due_date, d.status, d.unit) == (D(2023, 4, 28), Status.OPEN, task.unit)
    task.apply("report_done", by=coordinator, on=D(2023, 4, 27), text="已完成")
    d.refresh_from_db()
    assert (d.status, d.on_time) == (Status.MET, True)
    # Returned: back in hand, so back on the due list with the same 完成时限.
    task.apply("return_task", by=coordinator, on=D(2023, 4, 28), reason="尚有两处未完成")
    reopened = deadline(task, rules.P_TASK)
    assert reopened.pk != d.pk and reopened.status == Status.OPEN
    assert reopened.due_date == D(2023, 4, 28)
    task.apply("report_done", by=coordinator, on=D(2023, 5, 4), text="全部完成")
    reopened.refresh_from_db()
    assert (reopened.status, reopened.on_time) == (Status.MET, False)


def test_acceptance_cancels_the_milestones_left_open(coordinator, task):
    m = Milestone.add(task, by=coordinator, title="完成整改", due_on=D(2023, 4, 20))
    task.apply("report_done", by=coordinator, on=D(2023, 4, 27), text="已完成")
    task.apply("accept", by=coordinator, on=D(2023, 4, 28), accepted_by="督查室主任")
    assert deadline(m, rules.P_MILESTONE).status == Status.CANCELLED
    with pytest.raises(ValidationError, match="已销号"):
        m.complete(by=coordinator, on=D(2023, 4, 28))


# ---------------------------------------------------------------- screens


def test_the_lead_unit_adds_changes_and_completes_milestones_on_the_task_page(
    client_for, liaison_a1, task
):
    c = client_for(liaison_a1)
    r = c.post(
        f"/oversight/{task.pk}/milestones/new/",
        {"milestone-title": "完成摸底", "milestone-due_on": "2023-04-01"},
    )
    assert r.status_code == 302
    m = task.milestones.get()
    page = c.get(f"/oversight/{task.pk}/").content.decode()
    assert "完成摸底" in page and f"/oversight/milestones/{m.pk}/edit/" in page
    assert c.get(f"/oversight/milestones/{m.pk}/edit/").status_code == 200
    r = c.post(
        f"/oversight/milestones/{m.pk}/edit/", {"title": "完成全面摸底", "due_on": "2023-04-10"}
    )
    assert r.status_code == 302
    r = c.post(f"/oversight/milestones/{m.pk}/done/", {f"m{m.pk}-done_on": "2023-04-07"})
    assert r.status_code == 302
    m.refresh_from_db()
    assert (m.title, m.due_on, m.done_on) == ("完成全面摸底", D(2023, 4, 10), D(2023, 4, 7))


def test_a_bad_milestone_is_refused_on_the_page_with_a_chinese_message(
    client_for, coordinator, task
):
    c = client_for(coordinator)
    r = c.post(
        f"/oversight/{task.pk}/milestones/new/",
        {"milestone-title": "完成摸底", "milestone-due_on": "2023-05-30"},
    )
    assert r.status_code == 400
    assert "晚于督办事项的完成时限2023-04-28" in r.content.decode()
    r = c.post(f"/oversight/{task.pk}/milestones/new/", {"milestone-title": "完成摸底"})
    assert r.status_code == 400
    assert task.milestones.count() == 0
    m = Milestone.add(task, by=coordinator, title="完成摸底", due_on=D(2023, 4, 1))
    r = c.post(f"/oversight/milestones/{m.pk}/edit/", {"title": "x", "due_on": "2023-02-01"})
    assert r.status_code == 400 and "早于立项日期" in r.content.decode()
    r = c.post(f"/oversight/milestones/{m.pk}/done/", {f"m{m.pk}-done_on": "2999-01-01"})
    assert r.status_code == 400 and "晚于今天" in r.content.decode()
    m.refresh_from_db()
    assert (m.title, m.due_on, m.done_on) == ("完成摸底", D(2023, 4, 1), None)


def test_a_leader_reads_milestones_but_may_not_write_them(client_for, coordinator, leader, task):
    m = Milestone.add(task, by=coordinator, title="完成摸底", due_on=D(2023, 4, 1))
    c = client_for(leader)
    page = c.get(f"/oversight/{task.pk}/").content.decode()
    assert "完成摸底" in page and "/edit/" not in page
    assert (
        c.post(
            f"/oversight/{task.pk}/milestones/new/",
            {"milestone-title": "x", "milestone-due_on": "2023-04-02"},
        ).status_code
        == 403
    )
    assert c.get(f"/oversight/milestones/{m.pk}/edit/").status_code == 403
    assert (
        c.post(
            f"/oversight/milestones/{m.pk}/done/", {f"m{m.pk}-done_on": "2023-04-01"}
        ).status_code
        == 403
    )
    assert task.milestones.count() == 1 and Milestone.objects.get(pk=m.pk).done_on is None


def test_outsiders_get_404_for_milestones(client_for, coordinator, liaison_a2, coordinator_b, task):
    m = Milestone.add(task, by=coordinator, title="完成摸底", due_on=D(2023, 4, 1))
    for user in (liaison_a2, coordinator_b):
        c = client_for(user)
        assert (
            c.post(
                f"/oversight/{task.pk}/milestones/new/",
                {"milestone-title": "x", "milestone-due_on": "2023-04-02"},
            ).status_code
            == 404
        )
        assert c.get(f"/oversight/milestones/{m.pk}/edit/").status_code == 404
        assert c.post(f"/oversight/milestones/{m.pk}/done/").status_code == 404
        assert c.get(f"/api/supervision-milestones/{m.pk}/").status_code == 404
    assert task.milestones.count() == 1


# ---------------------------------------------------------------- API


def test_the_api_creates_changes_and_completes_milestones(client_for, liaison_a1, task):
    c = client_for(liaison_a1)
    r = c.post(
        "/api/supervision-milestones/",
        {"task": task.pk, "title": "完成摸底", "due_on": "2023-04-01"},
        content_type="application/json",
    )
    assert r.status_code == 201, r.content
    pk = r.json()["id"]
    r = c.patch(
        f"/api/supervision-milestones/{pk}/",
        {"due_on": "2023-04-12"},
        content_type="application/json",
        HTTP_IF_MATCH=etag_for(Milestone.objects.get(pk=pk)),
    )
    assert r.status_code == 200 and r.json()["due_on"] == "2023-04-12"
    r = c.patch(
        f"/api/supervision-milestones/{pk}/",
        {"done_on": "2023-04-11"},
        content_type="application/json",
        HTTP_IF_MATCH=r["ETag"],  # the version the first change answered with
    )
    assert r.status_code == 200 and r.json()["done_on"] == "2023-04-11"
    listed = c.get(f"/api/supervision-milestones/?task={task.pk}").json()
    rows = listed["results"] if isinstance(listed, dict) else listed
    assert [row["title"] for row in rows] == ["完成摸底"]
    assert deadline(Milestone.objects.get(pk=pk), rules.P_MILESTONE).on_time is True


def test_the_api_refuses_bad_milestones_with_chinese_messages(
    client_for, coordinator, leader, coordinator_b, task
):
    c = client_for(coordinator)
    r = c.post(
        "/api/supervision-milestones/",
        {"task": task.pk, "title": "完成摸底", "due_on": "2023-06-01"},
        content_type="application/json",
    )
    assert r.status_code == 400 and "晚于督办事项的完成时限" in r.content.decode()
    body = {"task": task.pk, "title": "完成摸底", "due_on": "2023-04-01"}
    assert (
        client_for(leader)
        .post("/api/supervision-milestones/", body, content_type="application/json")
        .status_code
        == 403
    )
    # Another county's task does not exist for its coordinator.
    r = client_for(coordinator_b).post(
        "/api/supervision-milestones/", body, content_type="application/json"
    )
    assert r.status_code == 400 and "task" in r.json()
    assert Milestone.objects.count() == 0


def test_the_api_deletes_only_a_milestone_not_done_nor_urged(client_for, coordinator, task):
    keep = Milestone.add(task, by=coordinator, title="完成摸底", due_on=D(2023, 4, 20))
    Urging.objects.create(
        task=task,
        milestone=keep,
        kind=UrgingKind.REMINDER,
        step="before_3",
        means=Means.PHONE,
        sent_on=D(2023, 4, 17),
        unit=task.unit,
    )
    gone = Milestone.add(task, by=coordinator, title="录入错误", due_on=D(2023, 4, 21))
    c = client_for(coordinator)
    r = c.delete(f"/api/supervision-milestones/{keep.pk}/", HTTP_IF_MATCH=etag_for(keep))
    assert r.status_code == 400 and "催办记录" in r.content.decode()
    assert c.delete(f"/api/supervision-milestones/{gone.pk}/", HTTP_IF_MATCH=etag_for(gone)).status_code == 204
    assert list(task.milestones.values_list("title", flat=True)) == ["完成摸底"]


# ---------------------------------------------------------------- due list and reminders


def test_supervision_deadlines_are_on_the_shared_due_list_and_the_oversight_due_page(
    client_for, coordinator, liaison_a1, liaison_a2, task
):
    from fazhi.oversight.tests.test_models import assigned_suggestion

    Milestone.add(task, by=coordinator, title="完成摸底", due_on=D(2023, 4, 1))
    assigned_suggestion(coordinator, task.office, task.unit)
    c = client_for(liaison_a1)
    shared = c.get("/deadlines/?register=oversight").content.decode()
    for text in ("督办事项完成时限", "督办事项时间节点", "答复人大代表建议"):
        assert text in shared
    due = c.get("/oversight/due/").content.decode()
    for text in ("督办事项完成时限", "督办事项时间节点", "答复人大代表建议", "2023-04-28"):
        assert text in due
    assert "light-red" in due  # all of them are long past
    assert task.title not in client_for(liaison_a2).get("/oversight/due/").content.decode()
    home = c.get("/").content.decode()
    assert task.title[:10] in home


def run(day: date) -> str:
    out = StringIO()
    with time_machine.travel(day, tick=False):
        call_command("send_supervision_reminders", stdout=out)
    return out.getvalue()


def test_due_milestones_are_reminded_and_escalated_once_however_often_the_command_runs(
    coordinator, task
):
    m = Milestone.add(task, by=coordinator, title="完成摸底", due_on=D(2023, 4, 10))
    done = Milestone.add(task, by=coordinator, title="制定方案", due_on=D(2023, 4, 10))
    done.complete(by=coordinator, on=D(2023, 4, 6))
    run(D(2023, 4, 1))
    assert Urging.objects.count() == 0
    out = run(D(2023, 4, 7))
    run(D(2023, 4, 7))
    assert "时间节点“完成摸底”" in out
    run(D(2023, 4, 12))
    run(D(2023, 4, 12))
    run(D(2023, 4, 20))
    urgings = list(
        Urging.objects.filter(milestone=m).order_by("sent_on").values_list("kind", "means")
    )
    assert urgings == [
        (UrgingKind.REMINDER, Means.PHONE),
        (UrgingKind.ESCALATION, Means.NOTICE),
    ]
    assert not Urging.objects.filter(milestone=done).exists()
    # The task's own ladder runs beside the milestones' without colliding.
    run(D(2023, 4, 26))
    run(D(2023, 4, 26))
    assert Urging.objects.filter(milestone=None, kind=UrgingKind.REMINDER).count() == 1
    assert Urging.objects.count() == 3


# ---------------------------------------------------------------- archive


def test_the_archive_file_lists_documents_milestones_urgings_and_full_history(
    client_for, coordinator, liaison_a2, task
):
    m = Milestone.add(task, by=coordinator, title="完成摸底", due_on=D(2023, 4, 10))
    run(D(2023, 4, 8))
    m.complete(by=coordinator, on=D(2023, 4, 9))
    task.apply("feedback", by=coordinator, on=D(2023, 4, 10), text="已完成摸底")
    task.apply("report_done", by=coordinator, on=D(2023, 4, 27), text="整改完成")
    task.apply("accept", by=coordinator, on=D(2023, 4, 28), accepted_by="督查室主任")
    task.apply("archive", by=coordinator, on=D(2023, 5, 5))
    contents = task.archive.contents
    docs = [d["文件"] for d in contents["卷内文件目录"]]
    assert docs[0].startswith("立项依据：领导指示、批示")
    assert any(d.startswith("进展反馈") for d in docs) and any(
        d.startswith("办结报告") for d in docs
    )
    assert docs[-1].startswith("验收销号")
    assert contents["时间节点"] == [
        {"节点": "完成摸底", "时限": "2023-04-10", "完成": "2023-04-09"}
    ]
    assert contents["催办记录"][0]["时间节点"] == "完成摸底"
    verbs = {e["动作"] for e in contents["办理记录"]}
    assert {"milestone_add", "milestone_done", "send_supervision_reminders", "archive"} <= verbs
    c = client_for(coordinator)
    page = c.get(f"/oversight/{task.pk}/archive/").content.decode()
    assert task.archive.number in page and "卷内文件目录" in page and "完成摸底" in page
    assert client_for(liaison_a2).get(f"/oversight/{task.pk}/archive/").status_code == 404


def test_a_task_not_archived_has_no_archive_page(client_for, coordinator, task):
    assert client_for(coordinator).get(f"/oversight/{task.pk}/archive/").status_code == 404
