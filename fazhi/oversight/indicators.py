"""Oversight indicators: supervision tasks, NPC suggestions, CPPCC proposals.

Codes of the shared INDICATORS.md: supervision_tasks, supervision_overdue,
npc_suggestions, cppcc_proposals, npc_completion_rate, cppcc_completion_rate.
Helper codes added here (statutes.md §8 "common indicators"): supervision_closed,
supervision_urgings, {npc,cppcc}_replied, _replied_on_time, _contacted, _contact_rate,
_satisfied, _satisfaction_rate. Suggestion figures follow one cohort: those assigned
(交办) in the period, and what had happened to them by its end.
"""

from __future__ import annotations

from django.db.models import F, Q

from fazhi.indicators.catalogue import Period, counts, rates
from fazhi.indicators.q import within
from fazhi.oversight.rules import SATISFIED, SuggestionKind, TaskState

TASK = "oversight.Task"
URGING = "oversight.Urging"
SUGGESTION = "oversight.Suggestion"


def tasks(p: Period) -> Q:
    return within("approved_on", p)


def tasks_closed(p: Period) -> Q:
    return Q(state__in=[TaskState.CLOSED, TaskState.ARCHIVED], rejected=False) & within("closed_on", p)


def tasks_overdue(p: Period) -> Q:
    # Due in the period and not reported done by the deadline (or not at all).
    return within("due_on", p) & (Q(reported_on__isnull=True) | Q(reported_on__gt=F("due_on")))


def urgings(p: Period) -> Q:
    return within("sent_on", p)


def _assigned(kind: str):  # noqa: ANN202 - returns a Where
    return lambda p: Q(kind=kind) & within("assigned_on", p)


def _replied(kind: str):  # noqa: ANN202
    return lambda p: _assigned(kind)(p) & Q(replied_on__lte=p.end)


def _on_time(kind: str):  # noqa: ANN202
    return lambda p: _replied(kind)(p) & Q(replied_on_time=True)


def _contacted(kind: str):  # noqa: ANN202
    return lambda p: _assigned(kind)(p) & Q(contacted_on__lte=p.end)


def _satisfied(kind: str):  # noqa: ANN202
    return lambda p: (
        _replied(kind)(p) & Q(satisfaction__in=list(SATISFIED), evaluated_on__lte=p.end)
    )


def _suggestion_indicators(
    kind: str, prefix: str, noun: str, base_code: str, base_name: str, who: str
) -> list:
    return [
        *counts(SUGGESTION, [
            (base_code, base_name, "件", _assigned(kind), f"期间内交办本级及所属单位办理的{noun}件数（按交办日期计）。"),
            (f"{prefix}_replied", f"{noun}已答复", "件", _replied(kind), f"期间内交办的{noun}中，至期末已答复{who}的件数。"),
            (f"{prefix}_replied_on_time", f"{noun}按期答复", "件", _on_time(kind), f"期间内交办的{noun}中，在答复期限内（交办之日起3个月，经批准延期的6个月）答复的件数。"),
        ]),
        *rates([
            (f"{prefix}_completion_rate", f"{noun[-2:]}办结率", f"{prefix}_replied", base_code, f"至期末已答复的件数 ÷ 期间内交办的{noun}件数 × 100%。"),
        ]),
        *counts(SUGGESTION, [
            (f"{prefix}_contacted", f"{noun}已沟通", "件", _contacted(kind), f"期间内交办的{noun}中，至期末承办单位已与{who}联系沟通的件数。"),
        ]),
        *rates([
            (f"{prefix}_contact_rate", f"{noun[-2:]}见面（沟通）率", f"{prefix}_contacted", base_code, f"已与{who}联系沟通的件数 ÷ 期间内交办的{noun}件数 × 100%。"),
        ]),
        *counts(SUGGESTION, [
            (f"{prefix}_satisfied", f"{noun}满意和基本满意", "件", _satisfied(kind), f"期间内交办并已答复的{noun}中，{who}反馈满意或基本满意的件数。"),
        ]),
        *rates([
            (f"{prefix}_satisfaction_rate", f"{noun[-2:]}满意率", f"{prefix}_satisfied", f"{prefix}_replied", f"{who}反馈满意和基本满意的件数 ÷ 已答复的件数 × 100%（未反馈的计入分母）。"),
        ]),
    ]


INDICATORS = [
    *counts(TASK, [
        # code, name, unit, which records, definition
        ("supervision_tasks", "督查督办事项", "项", tasks, "期间内经审批立项的督查督办事项数（按立项日期计）。"),
        ("supervision_closed", "督办事项销号", "项", tasks_closed, "期间内验收销号的督办事项数（按销号日期计，含已归档）。"),
        ("supervision_overdue", "逾期督办事项", "项", tasks_overdue, "完成时限在期间内、且未在时限内报告办结的督办事项数（含至今未报告办结的）。"),
    ]),
    *counts(URGING, [
        ("supervision_urgings", "督查催办", "次", urgings, "期间内登记的催办、提醒和逾期督办次数（电话、现场、会议、通知、通报）。"),
    ]),
    *_suggestion_indicators(
        SuggestionKind.NPC, "npc", "人大代表建议", "npc_suggestions", "人大代表建议", "代表"
    ),
    *_suggestion_indicators(
        SuggestionKind.CPPCC, "cppcc", "政协委员提案", "cppcc_proposals", "政协委员提案", "委员"
    ),
]
