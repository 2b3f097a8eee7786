"""What an assessment is, as data: node kinds, rule methods, the sheet's workflow.

No queries, no views. The scoring arithmetic is in `scoring.py`.
"""

from __future__ import annotations

from django.db import models

from fazhi.core.workflow import Transition, transition_table


class NodeKind(models.TextChoices):
    AREA = "area", "领域（一级指标）"
    ITEM = "item", "项目（二级指标）"
    RULE = "rule", "评分规则（三级指标）"


class Method(models.TextChoices):
    MANUAL = "manual", "人工评分"
    THRESHOLD = "threshold", "自动评分·达标线"
    DEDUCTION = "deduction", "自动评分·按数扣分"


AUTOMATIC = frozenset({Method.THRESHOLD, Method.DEDUCTION})


class NoData(models.TextChoices):
    FULL = "full", "无数据计满分"
    ZERO = "zero", "无数据不得分"


class State(models.TextChoices):
    DRAFT = "draft", "评分中"
    SUBMITTED = "submitted", "待确认"
    CONFIRMED = "confirmed", "已确认"


# Every move is the assessing unit's (the county's 依法治县办 for its departments and
# townships, the city's for its counties); the assessed unit reads its sheet.
TRANSITIONS = transition_table(
    Transition("submit", "提交确认", {State.DRAFT}, State.SUBMITTED),
    Transition(
        "send_back", "退回修改", {State.SUBMITTED}, State.DRAFT, style="danger"
    ),
    Transition("confirm", "确认考核结果", {State.SUBMITTED}, State.CONFIRMED),
)

# Scores may change only while the sheet is being scored.
EDITABLE = frozenset({State.DRAFT})

# Evidence files: what an assessor may attach to a manual score.
EVIDENCE_MAX_BYTES = 10 * 1024 * 1024
EVIDENCE_EXTENSIONS = (".pdf", ".jpg", ".jpeg", ".png", ".docx", ".xlsx", ".ofd", ".zip")
