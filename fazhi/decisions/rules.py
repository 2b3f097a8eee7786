"""What the law says about major administrative decisions, as data and pure functions.

Source: 《重大行政决策程序暂行条例》(国务院令第713号, in force 2019-09-01); see
shared/domain/statutes.md §3. No queries and no views here.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from django.db import models

from fazhi.core.workflow import Transition, transition_table


class State(models.TextChoices):
    DRAFTING = "drafting", "决策草案拟订中"
    DECIDED = "decided", "已集体讨论决定"
    PUBLISHED = "published", "已公布"
    IMPLEMENTING = "implementing", "实施中"
    EVALUATED = "evaluated", "已后评估"


class Step(models.TextChoices):
    PARTICIPATION = "participation", "公众参与"  # 第14–18条
    EXPERT = "expert", "专家论证"  # 第19–21条
    RISK = "risk", "风险评估"  # 第22–24条
    LEGALITY = "legality", "合法性审查"  # 第25–28条
    COLLECTIVE = "collective", "集体讨论决定"  # 第29–31条
    PUBLICATION = "publication", "决策公布"  # 第32条
    IMPLEMENTATION = "implementation", "决策执行"  # 第34–35条
    EVALUATION = "evaluation", "决策后评估"  # 第36条


# The order the law imposes: a step may be recorded only when every step it requires
# has been recorded (done, or "not applicable" with a reason).
# - The legality review checks "whether the statutory procedures were followed"
#   (第27条), so participation, expert consultation and risk assessment come first.
# - Collective discussion needs the legality-review opinion among its materials and the
#   review is mandatory before it (第25条, 第30条).
# - Publication follows the decision (第32条); implementation follows publication
#   (第34条); the post-decision evaluation follows implementation (第36条).
REQUIRES: Mapping[str, tuple[str, ...]] = {
    Step.PARTICIPATION: (),
    Step.EXPERT: (),
    Step.RISK: (),
    Step.LEGALITY: (Step.PARTICIPATION, Step.EXPERT, Step.RISK),
    Step.COLLECTIVE: (Step.LEGALITY,),
    Step.PUBLICATION: (Step.COLLECTIVE,),
    Step.IMPLEMENTATION: (Step.PUBLICATION,),
    Step.EVALUATION: (Step.IMPLEMENTATION,),
}

# Steps that can never be "not applicable": the legality review (第25条: "未经合法性审查
# 或者经审查不合法的，不得提交决策机关讨论") and the collective decision (第30条).
# Implementation is what a decision is for. The others depend on the matter: participation
# except for matters not to be disclosed (第14条), expert consultation for specialised
# matters (第19条), risk assessment where stability or safety may be harmed (第22条),
# publication except secret matters (第32条), evaluation is optional ("可以", 第36条).
MANDATORY: frozenset[str] = frozenset({Step.LEGALITY, Step.COLLECTIVE, Step.IMPLEMENTATION})

# The state a decision reaches once a step is recorded (done or not applicable).
STATE_AFTER: Mapping[str, str] = {
    Step.COLLECTIVE: State.DECIDED,
    Step.PUBLICATION: State.PUBLISHED,
    Step.IMPLEMENTATION: State.IMPLEMENTING,
    Step.EVALUATION: State.EVALUATED,
}

# 第15条: the public comment period is normally not less than 30 (calendar) days; a
# shorter one needs the reason stated when comments are invited.
COMMENT_PERIOD_MIN_DAYS = 30
COMMENT_PERIOD_CODE = "decision_public_comment"


class ExpertForm(models.TextChoices):
    # 第20条: 论证会、书面咨询、委托咨询论证.
    MEETING = "meeting", "论证会"
    WRITTEN = "written", "书面咨询"
    COMMISSIONED = "commissioned", "委托咨询论证"


class RiskLevel(models.TextChoices):
    LOW = "low", "低风险"
    MEDIUM = "medium", "中风险"
    HIGH = "high", "高风险"


class ReviewOpinion(models.TextChoices):
    LAWFUL = "lawful", "合法"
    LAWFUL_AFTER_CHANGES = "amend", "修改后合法"
    UNLAWFUL = "unlawful", "不合法"


class Meeting(models.TextChoices):
    # 第30条: 常务会议或者全体会议.
    EXECUTIVE = "executive", "政府常务会议"
    PLENARY = "plenary", "政府全体会议"


OPEN_STATES = (State.DRAFTING, State.DECIDED, State.PUBLISHED, State.IMPLEMENTING)

STEP_INPUTS: Mapping[str, Mapping[str, str]] = {
    Step.PARTICIPATION: {
        "start_on": "征求意见开始日期",
        "end_on": "征求意见截止日期",
        "received": "收到意见（条）",
        "adopted": "采纳意见（条）",
        "handling": "意见处理情况",
        "shortened_reason": "缩短征求意见期限的理由",
    },
    Step.EXPERT: {"form": "论证方式", "received": "参加专家（人）", "detail": "专家意见及采纳情况"},
    Step.RISK: {"conclusion": "风险等级", "detail": "评估结论"},
    Step.LEGALITY: {"conclusion": "审查意见", "detail": "审查意见书要点"},
    Step.COLLECTIVE: {"meeting_kind": "会议类型", "meeting": "会议名称（如第X次常务会议）"},
    Step.PUBLICATION: {"detail": "公布渠道（公报、网站、报刊）"},
    Step.IMPLEMENTATION: {"detail": "执行单位及情况"},
    Step.EVALUATION: {"detail": "评估主体及结论"},
}

TRANSITIONS: Mapping[str, Transition] = transition_table(
    *(
        Transition(step.value, f"登记{step.label}", set(OPEN_STATES), None, STEP_INPUTS[step])
        for step in Step
    ),
    # 第15条: the draft is published for comments; the comment period (≥ 30 days) runs
    # on the due list until comments may close, then `participation` records the result.
    Transition(
        "open_comment",
        "公开征求意见",
        {State.DRAFTING},
        None,
        {
            "start_on": "征求意见开始日期（草案公布日）",
            "end_on": "征求意见截止日期",
            "channel": "征求意见渠道（网站、新媒体、报刊）",
            "shortened_reason": "缩短征求意见期限的理由",
        },
    ),
    Transition(
        "not_applicable",
        "登记不适用环节",
        set(OPEN_STATES),
        None,
        {"step": "环节", "reason": "不适用理由"},
    ),
)


def missing_before(step: str, recorded: set[str]) -> list[str]:
    """The steps the law requires before `step` that are not yet recorded, in order."""
    return [s for s in REQUIRES[step] if s not in recorded]


def step_error(step: str, recorded: set[str]) -> str | None:
    """Why `step` cannot be recorded now (Chinese), or None when it can."""
    if step not in REQUIRES:
        return f"未知决策环节：{step}"
    if step in recorded:
        return f"“{Step(step).label}”已经登记，不能重复登记。"
    missing = missing_before(step, recorded)
    if missing:
        names = "、".join(Step(s).label for s in missing)
        return f"“{Step(step).label}”之前必须先完成（或登记不适用）：{names}。"
    return None


def comment_period_error(start: date | None, end: date | None, shortened_reason: str) -> str | None:
    """第15条: the comment period may not close before 30 days unless a reason is stated."""
    if start is None or end is None:
        return "请填写征求意见的开始和截止日期。"
    if end < start:
        return "征求意见截止日期早于开始日期。"
    if (end - start).days < COMMENT_PERIOD_MIN_DAYS and not shortened_reason.strip():
        return (
            f"征求意见期限为{(end - start).days}日，少于《重大行政决策程序暂行条例》第十五条规定的"
            f"{COMMENT_PERIOD_MIN_DAYS}日；确需缩短的，请填写缩短理由。"
        )
    return None
