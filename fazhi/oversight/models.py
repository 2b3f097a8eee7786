"""Supervision tasks (督查督办) and NPC suggestions / CPPCC proposals.

A `Task` belongs to its lead unit (`unit`, 牵头单位: it sees and reports on the task);
the supervising office (`office`, e.g. the county government whose 督查室 runs it) makes
the office's moves. Every state change goes through `apply()`; reminders and
escalations are `Urging` rows written by the cron command `send_supervision_reminders`
(idempotent: one row per task and step) or by hand (`urge`).
"""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from fazhi.audit.trail import audit_context
from fazhi.core.models import (
    DatedRecord,
    DetailPage,
    EventDates,
    OpenStates,
    ScopedRecord,
    WorkflowQuerySet,
    optional_link,
    phone_field,
    save_pending,
    state_field,
    unit_link,
)
from fazhi.core.records import newest_first, record_meta
from fazhi.core.validators import future_dates, is_future
from fazhi.core.workflow import Registered, ReservedMoves, TransitionNotAllowed, Workflow
from fazhi.deadlines import services as deadlines
from fazhi.org.models import Unit
from fazhi.org.scope import can_write_unit
from fazhi.org.validators import mask_name
from fazhi.oversight import rules
from fazhi.oversight.rules import (
    ContactMeans,
    Means,
    ReplyCategory,
    Satisfaction,
    SourceKind,
    SuggestionKind,
    SuggestionState,
    TaskState,
    UrgingKind,
)

TASK_DATES = (
    "proposed_on",
    "approved_on",
    "assigned_on",
    "reported_on",
    "closed_on",
    "archived_on",
)


class OfficeMixin(ReservedMoves):
    """Moves reserved for the supervising (or assigning) office (`office_actions`).

    The name stays: migration 0001 names this class among the models' bases.
    """

    office_actions: frozenset[str] = frozenset()

    def reserved_unit(self, action: str) -> Any:
        return self.office if action in self.office_actions else None  # type: ignore[attr-defined]

    def reserved_unit_name(self) -> str:
        return str(self.office)  # type: ignore[attr-defined]


class TaskQuerySet(WorkflowQuerySet["Task"]):
    def overdue(self, today: date) -> TaskQuerySet:
        return self.filter(state=TaskState.ASSIGNED, due_on__lt=today)


class Task(DetailPage, OfficeMixin, EventDates, OpenStates, Registered, Workflow):
    """One 督查督办 item, from 立项 to 立卷归档 (seed 004)."""

    detail_url = "oversight:task"

    transitions = rules.TASK_TRANSITIONS
    open_states = rules.OPEN_TASK_STATES
    event_dates = TASK_DATES
    registrar_field = "office"
    registrar_refusal = "只有督查机构的工作人员可以提出督办事项。"
    office_actions = rules.OFFICE_ACTIONS

    search_fields = ("number", "title")  # what the list's search box matches (core.search)
    number = models.CharField(
        "督办编号", max_length=50, blank=True, help_text="如 确督〔2022〕15号"
    )
    title = models.CharField("督办事项", max_length=300)
    requirement = models.TextField("工作要求", blank=True)
    source_kind = models.CharField("立项依据", max_length=20, choices=SourceKind.choices)
    source_ref = models.CharField(
        "依据名称", max_length=300, help_text="会议、文件、纪要名称或批示内容"
    )
    office = unit_link("督查机构")
    unit = unit_link("牵头单位", related_name="supervision_tasks")
    co_units = models.ManyToManyField(Unit, verbose_name="配合单位", blank=True, related_name="+")
    responsible = models.CharField("责任人", max_length=50, blank=True)
    responsible_phone = phone_field("责任人电话")
    due_on = models.DateField("完成时限", null=True, blank=True, db_index=True)

    state = state_field(TaskState, TaskState.PROPOSED, db_index=True)
    proposed_on = models.DateField("提出日期")
    approved_on = models.DateField("立项日期", null=True, blank=True, db_index=True)
    approved_by = models.CharField("审批人", max_length=50, blank=True)
    assigned_on = models.DateField("交办日期", null=True, blank=True)
    reported_on = models.DateField("报告办结日期", null=True, blank=True)
    closed_on = models.DateField("销号日期", null=True, blank=True)
    accepted_by = models.CharField("验收人", max_length=50, blank=True)
    rejected = models.BooleanField("不予立项", default=False)
    archived_on = models.DateField("归档日期", null=True, blank=True)
    note = models.TextField("备注", blank=True)

    objects = TaskQuerySet.as_manager()

    Meta = newest_first("督查督办事项", "proposed_on")

    def __str__(self) -> str:
        return self.number or self.title[:40]

    def is_overdue(self, today: date) -> bool:
        return self.state == TaskState.ASSIGNED and self.due_on is not None and self.due_on < today

    def clean(self) -> None:
        errors = self.future_date_errors()
        if self.unit_id and self.office_id and not self.unit.path.startswith(self.office.path):
            errors["unit"] = "牵头单位应为督查机构所辖单位。"
        if self.due_on and self.assigned_on and self.due_on < self.assigned_on:
            errors["due_on"] = "完成时限不能早于交办日期。"
        if errors:
            raise ValidationError(errors)

    @classmethod
    def propose(cls, *, by: Any, co_units: Any = (), **fields: Any) -> Task:
        """Register a proposed task (立项申请). ValidationError, nothing written, on bad input."""
        with transaction.atomic():
            task: Task = cls.register(by=by, verb="propose", **fields)
            if co_units:
                task.co_units.set(co_units)
        return task

    def open_due_deadline(self) -> None:
        """Put the task's 完成时限 on the shared due list (deadlines app, period P_TASK)."""
        assert self.due_on is not None, "a task is assigned with its 完成时限"
        deadlines.open_deadline(
            self,
            rules.P_TASK,
            start=self.due_on,
            title=f"督办事项：{self.title}"[:200],
        )

    # ------------------------------------------------------------ hooks

    def on_approve(self, *, on: date, approved_by: str = "", **_: Any) -> None:
        if not approved_by.strip():
            raise TransitionNotAllowed("请填写审批人（立项须经审批）。")
        self.approved_on = on
        self.approved_by = approved_by.strip()

    def on_reject(self, *, on: date, reason: str = "", **_: Any) -> None:
        if not reason.strip():
            raise TransitionNotAllowed("请填写不予立项的理由。")
        self.rejected = True
        self.closed_on = on
        self.note = f"{self.note}\n{on:%Y-%m-%d} 不予立项：{reason.strip()}".strip()

    def on_assign(
        self, *, on: date, responsible: str = "", due_on: date | None = None, **_: Any
    ) -> None:
        if not responsible.strip():
            raise TransitionNotAllowed("请填写责任人。")
        if not isinstance(due_on, date):
            raise TransitionNotAllowed("请填写完成时限。")
        if due_on < on:
            raise TransitionNotAllowed("完成时限不能早于交办日期。")
        late = [m for m in self.milestones.all() if m.due_on > due_on]
        if late:
            raise TransitionNotAllowed(
                f"完成时限不能早于时间节点“{late[0].title}”的时限{late[0].due_on:%Y-%m-%d}。"
            )
        self.responsible = responsible.strip()
        self.due_on = due_on
        self.assigned_on = on
        self.open_due_deadline()

    def on_urge(self, *, on: date, means: str = "", note: str = "", **_: Any) -> str:
        if means not in Means.values:
            raise TransitionNotAllowed(
                "请选择催办方式（电话催办、现场督办、会议督办、下达催办通知、发督查通报）。"
            )
        self._pending_urging = Urging(
            task=self,
            kind=UrgingKind.MANUAL,
            means=means,
            sent_on=on,
            unit=self.unit,
            due_on=self.due_on,
            note=note,
        )
        return self.state

    def on_feedback(self, *, on: date, text: str = "", attachment: Any = None, **_: Any) -> str:
        if not text.strip():
            raise TransitionNotAllowed("请填写进展情况。")
        self._pending_progress = Progress(
            task=self, reported_on=on, text=text.strip(), attachment=attachment
        )
        return self.state

    def on_report_done(self, *, on: date, text: str = "", **_: Any) -> None:
        if not text.strip():
            raise TransitionNotAllowed("请填写办理结果。")
        self.reported_on = on
        self._pending_progress = Progress(task=self, reported_on=on, text=text.strip(), final=True)
        deadlines.meet_deadline(self, rules.P_TASK, on=on)

    def on_return_task(self, *, on: date, reason: str = "", **_: Any) -> None:
        if not reason.strip():
            raise TransitionNotAllowed("请填写退回理由。")
        self.reported_on = None
        self.note = f"{self.note}\n{on:%Y-%m-%d} 退回继续办理：{reason.strip()}".strip()
        # Back in hand: the deadline is on the due list again (red if it has passed).
        self.open_due_deadline()

    def on_accept(self, *, on: date, accepted_by: str = "", **_: Any) -> None:
        if not accepted_by.strip():
            raise TransitionNotAllowed("请填写验收人。")
        self.closed_on = on
        self.accepted_by = accepted_by.strip()
        for m in self.milestones.filter(done_on__isnull=True):
            deadlines.cancel_deadline(m, rules.P_MILESTONE, on=on, reason="督办事项已验收销号")

    def on_archive(self, *, on: date, **_: Any) -> None:
        if self.rejected:
            raise TransitionNotAllowed("不予立项的事项无需归档。")
        self.archived_on = on

    def after_apply(self, action: str, *, on: date, by: Any) -> None:
        save_pending(self, "_pending_urging", "_pending_progress")
        if action == "archive":
            # Imported here: the archive module writes ArchiveFile rows (a real cycle).
            from fazhi.oversight.archive import build_archive

            build_archive(self, on=on)


class Milestone(ScopedRecord):
    """A time node (阶段节点) of 责任分解: set, changed and completed by the lead unit or
    the office through `add()`, `change()` and `complete()`; each is on the due list."""

    task = models.ForeignKey(
        Task, verbose_name="督办事项", on_delete=models.CASCADE, related_name="milestones"
    )
    title = models.CharField("节点", max_length=200)
    due_on = models.DateField("节点时限")
    done_on = models.DateField("完成日期", null=True, blank=True)

    scope_field = "task__unit"

    Meta = record_meta("时间节点", ordering=["due_on", "id"])

    def __str__(self) -> str:
        return f"{self.title}（{self.due_on:%Y-%m-%d}）"

    def get_absolute_url(self) -> str:
        return reverse("oversight:task", args=[self.task_id]) + "#milestones"

    def clean(self) -> None:
        errors: dict[str, str] = {}
        task = self.task
        if not self.title.strip():
            errors["title"] = "请填写节点名称。"
        if task.approved_on is None:
            errors["due_on"] = "督办事项立项后才能设置时间节点。"
        elif self.due_on and self.due_on < task.approved_on:
            errors["due_on"] = (
                f"节点时限{self.due_on:%Y-%m-%d}早于立项日期{task.approved_on:%Y-%m-%d}。"
            )
        if self.due_on and task.due_on and self.due_on > task.due_on:
            errors["due_on"] = (
                f"节点时限{self.due_on:%Y-%m-%d}晚于督办事项的完成时限{task.due_on:%Y-%m-%d}。"
            )
        if is_future(self.done_on):
            errors.update(future_dates(self, ("done_on",)))
        elif self.done_on and task.approved_on and self.done_on < task.approved_on:
            errors["done_on"] = (
                f"完成日期{self.done_on:%Y-%m-%d}早于立项日期{task.approved_on:%Y-%m-%d}。"
            )
        if errors:
            raise ValidationError(errors)

    # ------------------------------------------------------------ writes

    @staticmethod
    def _check(task: Task, by: Any, states: frozenset[str], verb: str) -> None:
        if not can_write_unit(by, task.unit):
            raise ValidationError("您无权办理该督办事项的时间节点。")
        if task.state not in states:
            raise ValidationError(f"督办事项当前状态为“{task.get_state_display()}”，不能{verb}。")

    def _open_deadline(self) -> None:
        deadlines.open_deadline(
            self,
            rules.P_MILESTONE,
            start=self.due_on,
            title=f"督办节点：{self.task.title[:80]}·{self.title}"[:200],
            unit=self.task.unit,
        )

    @classmethod
    def add(cls, task: Task, *, by: Any, title: str, due_on: date) -> Milestone:
        """A new milestone of `task`; ValidationError (Chinese), nothing written, when refused."""
        cls._check(task, by, rules.MILESTONE_EDIT_STATES, "设置时间节点")
        m = cls(task=task, title=(title or "").strip(), due_on=due_on)
        m.full_clean()
        with transaction.atomic(), audit_context(user=by, verb="milestone_add"):
            m.save()
            m._open_deadline()
        return m

    def change(self, *, by: Any, title: str, due_on: date) -> None:
        self._check(self.task, by, rules.MILESTONE_EDIT_STATES, "修改时间节点")
        if self.done_on is not None:
            raise ValidationError("该节点已完成，不能修改。")
        before = (self.title, self.due_on)
        self.title, self.due_on = (title or "").strip(), due_on
        try:
            self.full_clean()
        except ValidationError:
            self.title, self.due_on = before
            raise
        with transaction.atomic(), audit_context(user=by, verb="milestone_change"):
            self.save()
            self._open_deadline()

    def complete(self, *, by: Any, on: date) -> None:
        self._check(self.task, by, rules.MILESTONE_DONE_STATES, "登记节点完成")
        if self.done_on is not None:
            raise ValidationError(f"该节点已于{self.done_on:%Y-%m-%d}完成。")
        if not isinstance(on, date):
            raise ValidationError({"done_on": "请填写完成日期。"})
        self.done_on = on
        try:
            self.full_clean()
        except ValidationError:
            self.done_on = None
            raise
        with transaction.atomic(), audit_context(user=by, verb="milestone_done"):
            self.save()
            deadlines.meet_deadline(self, rules.P_MILESTONE, on=on)

    def remove(self, *, by: Any) -> None:
        """Delete a milestone entered by mistake: not once done or urged (the record stays)."""
        self._check(self.task, by, rules.MILESTONE_EDIT_STATES, "删除时间节点")
        if self.done_on is not None:
            raise ValidationError("该节点已完成，不能删除。")
        if self.urgings.exists():
            raise ValidationError("该节点已有催办记录，不能删除。")
        with transaction.atomic(), audit_context(user=by, verb="milestone_remove"):
            deadlines.cancel_deadline(
                self, rules.P_MILESTONE, on=timezone.localdate(), reason="时间节点已删除"
            )
            self.delete()


class Progress(models.Model):
    """反馈报告: a progress report (or the final one) with an optional attachment."""

    task = models.ForeignKey(
        Task, verbose_name="督办事项", on_delete=models.CASCADE, related_name="progress"
    )
    reported_on = models.DateField("反馈日期")
    text = models.TextField("内容")
    attachment = models.FileField("附件", upload_to="oversight/%Y/", blank=True)
    final = models.BooleanField("办结报告", default=False)

    scope_field = "task__unit"

    Meta = record_meta("进展反馈", ordering=["reported_on", "id"])

    def __str__(self) -> str:
        return f"{self.reported_on:%Y-%m-%d} {self.text[:20]}"


class Urging(DatedRecord):
    """A reminder or escalation, recorded (seed 004: 督查催办). "Sent" = recorded and shown
    on the lead unit's due list; closed networks have no e-mail or SMS."""

    task = models.ForeignKey(
        Task, verbose_name="督办事项", on_delete=models.CASCADE, related_name="urgings"
    )
    kind = models.CharField("类别", max_length=20, choices=UrgingKind.choices)
    milestone = optional_link(Milestone, "时间节点", related_name="urgings")
    step = models.CharField(
        "催办节点", max_length=20, blank=True, help_text="自动催办的节点代码，每项每节点一次"
    )
    means = models.CharField("催办方式", max_length=20, choices=Means.choices)
    sent_on = models.DateField("催办日期")
    unit = unit_link("被催办单位")
    due_on = models.DateField("完成时限", null=True, blank=True)
    note = models.CharField("说明", max_length=300, blank=True)

    event_dates = ("sent_on",)

    class Meta:
        verbose_name = verbose_name_plural = "催办记录"
        ordering = ["-sent_on", "-id"]
        constraints = [
            # Idempotency of the cron command: one automatic urging per task and step.
            models.UniqueConstraint(
                fields=["task", "step"],
                condition=~Q(step="") & Q(milestone__isnull=True),
                name="oversight_urging_once_per_step",
            ),
            # … and one per milestone and step for the milestones' reminders.
            models.UniqueConstraint(
                fields=["milestone", "step"],
                condition=~Q(step="") & Q(milestone__isnull=False),
                name="oversight_urging_once_per_milestone_step",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_means_display()}（{self.sent_on:%Y-%m-%d}）"


class ArchiveFile(models.Model):
    """立卷归档: one file per task with its documents and full history, frozen at archiving."""

    task = models.OneToOneField(
        Task, verbose_name="督办事项", on_delete=models.PROTECT, related_name="archive"
    )
    number = models.CharField("卷号", max_length=50)
    archived_on = models.DateField("归档日期")
    contents = models.JSONField("卷内材料", default=dict)

    scope_field = "task__unit"

    Meta = record_meta("督办档案")

    def __str__(self) -> str:
        return self.number


# ---------------------------------------------------------------- suggestions and proposals


class Suggestion(DetailPage, OfficeMixin, EventDates, OpenStates, Registered, Workflow):
    """An NPC deputy's suggestion (建议) or a CPPCC member's proposal (提案) assigned here."""

    detail_url = "oversight:suggestion"

    transitions = rules.SUGGESTION_TRANSITIONS
    once_moves = {"extend": "extended_on"}
    open_states = frozenset({SuggestionState.ASSIGNED})
    registrar_field = "office"
    registrar_refusal = "只有交办机关的工作人员可以交办建议、提案。"
    event_dates = ("assigned_on", "contacted_on", "replied_on", "evaluated_on", "extended_on")
    office_actions = frozenset({"extend"})

    search_fields = ("number", "title", "proposer_name")  # what the list's search box matches (core.search)
    kind = models.CharField("类别", max_length=10, choices=SuggestionKind.choices, db_index=True)
    number = models.CharField("编号", max_length=50, blank=True, help_text="如 第15号建议")
    title = models.CharField("案由", max_length=300)
    personal_name_fields = ("proposer_name",)  # anonymised in anything published (core/privacy.py)
    proposer_name = models.CharField("代表（委员）", max_length=100)
    proposer_phone = phone_field()
    office = unit_link("交办机关")
    unit = unit_link("主办单位", related_name="suggestions")
    co_units = models.CharField("会办单位", max_length=300, blank=True)
    assigned_on = models.DateField("交办日期", db_index=True)

    state = state_field(SuggestionState, SuggestionState.ASSIGNED, db_index=True)
    contacted_on = models.DateField("联系日期", null=True, blank=True)
    contact_means = models.CharField(
        "沟通方式", max_length=20, choices=ContactMeans.choices, blank=True
    )
    extended_on = models.DateField("延期日期", null=True, blank=True)
    extension_approved_by = models.CharField("延期批准人", max_length=50, blank=True)
    replied_on = models.DateField("答复日期", null=True, blank=True)
    category = models.CharField("答复类别", max_length=2, choices=ReplyCategory.choices, blank=True)
    replied_on_time = models.BooleanField("按期答复", null=True, blank=True)
    evaluated_on = models.DateField("反馈日期", null=True, blank=True)
    satisfaction = models.CharField(
        "代表（委员）意见", max_length=20, choices=Satisfaction.choices, blank=True
    )
    note = models.TextField("备注", blank=True)

    objects: ClassVar[Any] = WorkflowQuerySet["Suggestion"].as_manager()

    Meta = newest_first("建议提案", "assigned_on")

    def __str__(self) -> str:
        return self.number or self.title[:40]

    @property
    def masked_proposer(self) -> str:
        return mask_name(self.proposer_name)

    def clean(self) -> None:
        errors = self.future_date_errors()
        if self.unit_id and self.office_id and not self.unit.path.startswith(self.office.path):
            errors["unit"] = "主办单位应为交办机关所辖单位。"
        if errors:
            raise ValidationError(errors)

    @property
    def period_code(self) -> str:
        return rules.PERIOD[self.kind]

    @classmethod
    def assign(cls, *, by: Any, **fields: Any) -> Suggestion:
        """Register an assigned suggestion and start its reply period (代表法第51条)."""
        suggestion: Suggestion = cls.register(by=by, verb="assign", **fields)
        return suggestion

    def on_register(self, by: Any) -> None:
        self.open_reply_deadline()

    def open_reply_deadline(self) -> None:
        deadlines.open_deadline(
            self,
            self.period_code,
            start=self.assigned_on,
            title=f"答复{self.get_kind_display()}：{self}",
        )

    def on_contact(self, *, on: date, contact_means: str = "", **_: Any) -> str:
        if contact_means not in ContactMeans.values:
            raise TransitionNotAllowed("请选择沟通方式。")
        self.contacted_on = on
        self.contact_means = contact_means
        return self.state

    def on_extend(self, *, on: date, approved_by: str = "", reason: str = "", **_: Any) -> str:
        if not approved_by.strip():
            raise TransitionNotAllowed("延期答复须经批准，请填写批准人。")
        deadlines.extend_deadline(
            self, self.period_code, on=on, reason=reason, approved_by=approved_by
        )
        self.extended_on = on
        self.extension_approved_by = approved_by.strip()
        return self.state

    def on_reply(self, *, on: date, category: str = "", **_: Any) -> None:
        if category not in ReplyCategory.values:
            raise TransitionNotAllowed("请选择答复类别（A、B、C类）。")
        met = deadlines.meet_deadline(self, self.period_code, on=on)
        self.replied_on = on
        self.category = category
        self.replied_on_time = None if met is None else bool(met.on_time)

    def on_evaluate(self, *, on: date, satisfaction: str = "", **_: Any) -> None:
        if satisfaction not in Satisfaction.values:
            raise TransitionNotAllowed("请选择代表（委员）的意见：满意、基本满意或不满意。")
        self.evaluated_on = on
        self.satisfaction = satisfaction
