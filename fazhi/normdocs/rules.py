"""What the rules say about normative documents (行政规范性文件), as data.

Sources: 国办发〔2018〕37号 (registration, numbering, filing, cleanup) and 国办发〔2018〕115号
(legality review); see shared/domain/statutes.md §4. Values marked [M] there are local
practice: they are settings here (FAZHI_NORMDOC_*), with the common value as default.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from django.conf import settings
from django.db import models

from fazhi.core.workflow import Transition, transition_table


class State(models.TextChoices):
    DRAFT = "draft", "起草中"
    REVIEWING = "reviewing", "合法性审核中"
    REVIEWED = "reviewed", "已审核"
    ADOPTED = "adopted", "已审议通过"
    IN_FORCE = "in_force", "现行有效"
    AMENDED = "amended", "已修改（现行有效）"
    REPEALED = "repealed", "已废止"
    INVALID = "invalid", "已宣布失效"
    EXPIRED = "expired", "有效期届满失效"


IN_FORCE_STATES = (State.IN_FORCE, State.AMENDED)
ENDED_STATES = (State.REPEALED, State.INVALID, State.EXPIRED)


class ReviewKind(models.TextChoices):
    NORMDOC = "normdoc", "行政规范性文件"
    CONTRACT = "contract", "合同（行政协议）"
    AGENDA = "agenda", "会议议题"
    OTHER = "other", "其他文件"


class ReviewOpinion(models.TextChoices):
    # 115号: a draft that fails review may not be issued.
    PASS = "pass", "同意"
    AMEND = "amend", "修改后同意"
    FAIL = "fail", "不同意（不得印发）"


class CleanupOutcome(models.TextChoices):
    # The four outcomes of a cleanup (statutes.md §4 "Cleanup").
    KEEP = "keep", "继续有效（保留）"
    AMEND = "amend", "修改"
    REPEAL = "repeal", "废止"
    INVALID = "invalid", "宣布失效"


# The document action each cleanup outcome applies (keep changes nothing).
OUTCOME_ACTION: Mapping[str, str | None] = {
    CleanupOutcome.KEEP: None,
    CleanupOutcome.AMEND: "amend",
    CleanupOutcome.REPEAL: "repeal",
    CleanupOutcome.INVALID: "declare_invalid",
}

# Period codes for the deadlines app (values are data there; statutes.md Appendix A).
REVIEW_PERIOD = "normdoc_legality_review"  # 5–15 working days from a complete draft [M]
FILING_PERIOD = "normdoc_filing"  # 30 calendar days from publication (local rules) [M]
# The last day of the validity period (a row added by this app's migration 0002): on
# the due list from publication, so documents close to expiry are seen in time for the
# evaluation that decides revision, repeal or continued effect (statutes.md §4 有效期).
EXPIRY_PERIOD = "normdoc_expiry"


def validity_years(is_provisional: bool) -> int:
    """Common local practice [M]: valid ≤ 5 years; 暂行/试行 ≤ 2 years."""
    if is_provisional:
        return int(getattr(settings, "FAZHI_NORMDOC_PROVISIONAL_VALIDITY_YEARS", 2))
    return int(getattr(settings, "FAZHI_NORMDOC_VALIDITY_YEARS", 5))


def is_provisional_title(title: str) -> bool:
    return "暂行" in title or "试行" in title


def default_valid_until(effective_from: date, is_provisional: bool) -> date:
    """The last day of the validity period: N years from taking effect, less one day."""
    years = validity_years(is_provisional)
    try:
        anniversary = effective_from.replace(year=effective_from.year + years)
    except ValueError:  # 29 February
        anniversary = effective_from.replace(year=effective_from.year + years, day=28) + timedelta(
            days=1
        )
    return anniversary - timedelta(days=1)


TRANSITIONS: Mapping[str, Transition] = transition_table(
    Transition("submit_review", "送合法性审核", {State.DRAFT}, State.REVIEWING),
    Transition(
        "review",
        "出具审核意见",
        {State.REVIEWING},
        None,
        {"opinion": "审核意见", "detail": "审核意见要点"},
    ),
    Transition(
        "adopt", "审议通过", {State.REVIEWED}, State.ADOPTED, {"meeting": "审议会议"}
    ),
    Transition(
        "publish",
        "公布",
        {State.ADOPTED},
        State.IN_FORCE,
        {
            "doc_no": "发文字号",
            "register_no": "统一登记号",
            "effective_from": "施行日期",
            "valid_until": "有效期至",
        },
    ),
    Transition(
        "file", "报送备案", set(IN_FORCE_STATES), None, {"conform": "报备材料规范（无需补正）"}
    ),
    Transition(
        "amend",
        "修改",
        set(IN_FORCE_STATES),
        State.AMENDED,
        {"valid_until": "修改后有效期至（不填则不变）"},
    ),
    Transition("repeal", "废止", set(IN_FORCE_STATES), State.REPEALED, style="danger"),
    Transition(
        "declare_invalid", "宣布失效", set(IN_FORCE_STATES), State.INVALID, style="danger"
    ),
    Transition(
        "expire", "有效期届满失效", set(IN_FORCE_STATES), State.EXPIRED, style="danger"
    ),
)
