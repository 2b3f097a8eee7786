"""Supervision (督查督办), NPC deputies' suggestions and CPPCC proposals, as data.

The supervision workflow is the one seed 004 describes: 立项审批 (a meeting, document,
minutes or a leader's instruction; approval) → 责任分解 (lead unit, co-units, person,
deadline, milestones) → 督查催办 (phone, on-site, meeting, notice, circular) → 反馈报告 →
销号 (acceptance) → 立卷归档. A task's deadline is set by whoever assigns it, not by a
statute, so it is a date on the task; the reminder ladder below is local practice [M]
and data, to be adjusted to the county's 督查督办 rules.

Suggestions (代表法第51条, 2025; 2015 text 第42条) and proposals (政协提案工作条例, [M]) are
answered within 3 months of 交办, 6 with approval: rows `npc_reply` / `cppcc_reply` of
the deadlines app (statutes.md §8).
"""

from __future__ import annotations

from django.db import models

from fazhi.core.workflow import Transition, transition_table


class TaskState(models.TextChoices):
    PROPOSED = "proposed", "待审批"
    APPROVED = "approved", "已立项"
    ASSIGNED = "assigned", "办理中"
    REPORTED = "reported", "待销号"
    CLOSED = "closed", "已销号"
    ARCHIVED = "archived", "已归档"


class SourceKind(models.TextChoices):
    """Seed 004: 依据县委、县政府有关会议、文件、会议纪要或主要领导的指示或批示立项。"""

    MEETING = "meeting", "会议"
    DOCUMENT = "document", "文件"
    MINUTES = "minutes", "会议纪要"
    INSTRUCTION = "instruction", "领导指示、批示"


class Means(models.TextChoices):
    """Seed 004: 电话催办、现场督办、会议督办、下达催办通知、发督查通报。"""

    PHONE = "phone", "电话催办"
    ONSITE = "onsite", "现场督办"
    MEETING = "meeting", "会议督办"
    NOTICE = "notice", "下达催办通知"
    CIRCULAR = "circular", "发督查通报"


class UrgingKind(models.TextChoices):
    REMINDER = "reminder", "到期提醒"
    ESCALATION = "escalation", "逾期督办"
    MANUAL = "manual", "人工督办"


# The ladder the cron command walks [M: local practice, adjust here].
# Reminders: (step code, calendar days before the deadline, means).
REMINDERS: list[tuple[str, int, str]] = [("before_3", 3, Means.PHONE)]
# Escalations, mildest first: (step code, calendar days overdue, means).
ESCALATIONS: list[tuple[str, int, str]] = [
    ("overdue_1", 1, Means.NOTICE),
    ("overdue_7", 7, Means.ONSITE),
    ("overdue_15", 15, Means.MEETING),
    ("overdue_30", 30, Means.CIRCULAR),
]

# Milestones (阶段节点 of 责任分解) of a task in hand: a reminder before each and one
# 下达催办通知 when one is overdue [M: local practice]. Keyed per milestone and step.
MILESTONE_REMINDERS: list[tuple[str, int, str]] = [("before_3", 3, Means.PHONE)]
MILESTONE_ESCALATIONS: list[tuple[str, int, str]] = [("overdue_1", 1, Means.NOTICE)]

# Period codes of the deadlines app (rows added by migration 0003 of this app): the
# deadline is the date the office sets, due on exactly that day (length 0, counted back
# in working days, so it never moves), so the shared due list shows it red / yellow / green.
P_TASK = "supervision_task"
P_MILESTONE = "supervision_milestone"


T = Transition
TASK_TRANSITIONS: dict[str, Transition] = transition_table(
    T(
        "approve", "立项审批", {TaskState.PROPOSED}, TaskState.APPROVED, {"approved_by": "审批人"}
    ),
    T(
        "reject",
        "不予立项",
        {TaskState.PROPOSED},
        TaskState.CLOSED,
        {"reason": "理由"},
        style="danger",
    ),
    T(
        "assign",
        "责任分解",
        {TaskState.APPROVED},
        TaskState.ASSIGNED,
        {"responsible": "责任人", "due_on": "完成时限"},
    ),
    T("urge", "登记催办", {TaskState.ASSIGNED}, None, {"means": "催办方式"}),
    T(
        "feedback",
        "反馈进展",
        {TaskState.ASSIGNED},
        None,
        {"text": "进展情况", "attachment": "附件"},
    ),
    T(
        "report_done", "报告办结", {TaskState.ASSIGNED}, TaskState.REPORTED, {"text": "办理结果"}
    ),
    T(
        "return_task", "退回继续办理", {TaskState.REPORTED}, TaskState.ASSIGNED, {"reason": "理由"}
    ),
    T(
        "accept", "验收销号", {TaskState.REPORTED}, TaskState.CLOSED, {"accepted_by": "验收人"}
    ),
    T("archive", "立卷归档", {TaskState.CLOSED}, TaskState.ARCHIVED),
)
# Moves of the supervising office (督查机构); the rest may also be made by the lead unit.
OFFICE_ACTIONS = frozenset(
    {"approve", "reject", "assign", "urge", "return_task", "accept", "archive"}
)
OPEN_TASK_STATES = frozenset(
    {TaskState.PROPOSED, TaskState.APPROVED, TaskState.ASSIGNED, TaskState.REPORTED}
)
# Milestones are set at 责任分解 (after 立项) and may change while the task is in hand;
# they may be completed until the task is closed.
MILESTONE_EDIT_STATES = frozenset({TaskState.APPROVED, TaskState.ASSIGNED})
MILESTONE_DONE_STATES = frozenset({TaskState.APPROVED, TaskState.ASSIGNED, TaskState.REPORTED})


class SuggestionKind(models.TextChoices):
    NPC = "npc", "人大代表建议"
    CPPCC = "cppcc", "政协委员提案"


class SuggestionState(models.TextChoices):
    ASSIGNED = "assigned", "办理中"
    REPLIED = "replied", "已答复"
    EVALUATED = "evaluated", "已反馈"


class ReplyCategory(models.TextChoices):
    """statutes.md §8 [M]: the common A/B/C coding of answers."""

    A = "A", "A类（已解决或采纳）"
    B = "B", "B类（正在解决或列入计划）"
    C = "C", "C类（因条件限制暂不能解决或留作参考）"


class Satisfaction(models.TextChoices):
    SATISFIED = "satisfied", "满意"
    BASIC = "basic", "基本满意"
    DISSATISFIED = "dissatisfied", "不满意"


SATISFIED = frozenset({Satisfaction.SATISFIED, Satisfaction.BASIC})


class ContactMeans(models.TextChoices):
    MEETING = "meeting", "当面沟通（见面）"
    PHONE = "phone", "电话沟通"
    VISIT = "visit", "实地察看"
    LETTER = "letter", "书面沟通"


SUGGESTION_TRANSITIONS: dict[str, Transition] = transition_table(
    # 代表法第51条 (2025): the handling unit communicates with the deputy.
    T(
        "contact",
        "联系代表（委员）",
        {SuggestionState.ASSIGNED},
        None,
        {"contact_means": "沟通方式"},
    ),
    # 3 months → 6 with approval (代表法第51条; statutes.md §8).
    T(
        "extend",
        "延期答复（批准）",
        {SuggestionState.ASSIGNED},
        None,
        {"approved_by": "批准人", "reason": "延期理由"},
    ),
    T(
        "reply",
        "答复",
        {SuggestionState.ASSIGNED},
        SuggestionState.REPLIED,
        {"category": "答复类别"},
    ),
    T(
        "evaluate",
        "登记满意度",
        {SuggestionState.REPLIED},
        SuggestionState.EVALUATED,
        {"satisfaction": "代表（委员）意见"},
    ),
)

INPUT_KINDS: dict[str, str] = {
    "approved_by": "text",
    "reason": "text",
    "responsible": "text",
    "due_on": "date",
    "means": "choice:Means",
    "text": "textarea",
    "attachment": "file",
    "accepted_by": "text",
    "contact_means": "choice:ContactMeans",
    "category": "choice:ReplyCategory",
    "satisfaction": "choice:Satisfaction",
}

PERIOD = {SuggestionKind.NPC: "npc_reply", SuggestionKind.CPPCC: "cppcc_reply"}
