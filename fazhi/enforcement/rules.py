"""What the law and practice say about enforcement records, as data and pure functions.

Sources (shared/domain/statutes.md §7):

- 国办发〔2018〕118号 (三项制度): decisions published within 20 working days, 行政许可
  and 行政处罚 decisions within 7 working days; the yearly enforcement data by 31 January
  [M]; legal review (法制审核) before every major enforcement decision.
- 《行政处罚法》(2021): 第33条 (no penalty for minor / first / no-fault violations),
  第47条 (full-process records), 第58条 (法制审核 before a major penalty decision, no
  decision without it), 第60条 (decide within 90 days of 立案).
- Certificates and their annual review (审验) are provincial rules [M]: the training
  hours a holder needs and the grade bands of case-file review are settings, not
  constants (FAZHI_ENF_MIN_TRAINING_HOURS, FAZHI_ENF_GRADE_BANDS).

The periods themselves are rows of the deadlines app; this module only names them.
No queries and no views here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal

from django.conf import settings
from django.db import models

from fazhi.core.workflow import Transition

# ------------------------------------------------------------------ officers


class OfficerRole(models.TextChoices):
    OFFICER = "officer", "行政执法人员"
    SUPERVISOR = "supervisor", "行政执法监督人员"


class CertificateState(models.TextChoices):
    VALID = "valid", "有效"
    CANCELLED = "cancelled", "已注销"


class CancelReason(models.TextChoices):
    FAILED_REVIEW = "failed_review", "审验不合格"
    LEFT_POST = "left_post", "调离执法岗位"
    RETIRED = "retired", "退休、离职"
    DISCIPLINE = "discipline", "违法违纪"
    OTHER = "other", "其他"


def min_training_hours() -> int:
    """Yearly training hours a holder needs to pass the 审验 (statutes.md §7.3: 40–60
    common, one local rule 80) [M]; set FAZHI_ENF_MIN_TRAINING_HOURS to the province's."""
    value = getattr(settings, "FAZHI_ENF_MIN_TRAINING_HOURS", 40)
    if not isinstance(value, int) or value < 0:
        raise ValueError("FAZHI_ENF_MIN_TRAINING_HOURS must be a non-negative integer")
    return value


def renewal_window_days() -> int:
    """How many calendar days before expiry a certificate goes on the due list (the
    renewal reminder; the renewal period itself is the `enforcement_certificate_renewal`
    row of the deadlines app) [M]; FAZHI_ENF_RENEWAL_WINDOW_DAYS, default 90."""
    value = getattr(settings, "FAZHI_ENF_RENEWAL_WINDOW_DAYS", 90)
    if not isinstance(value, int) or value < 1:
        raise ValueError("FAZHI_ENF_RENEWAL_WINDOW_DAYS must be a positive integer")
    return value


CERT_TRANSITIONS: dict[str, Transition] = {
    # Annual review (审验): pass keeps the certificate valid for another year.
    "pass_review": Transition(
        "pass_review",
        "审验通过",
        {CertificateState.VALID},
        CertificateState.VALID,
        {"year": "审验年度", "training_hours": "年度培训学时"},
    ),
    # A failed review leads to withdrawal of the card (statutes.md §7.3): cancelled.
    "fail_review": Transition(
        "fail_review",
        "审验不通过（注销证件）",
        {CertificateState.VALID},
        CertificateState.CANCELLED,
        {"year": "审验年度", "training_hours": "年度培训学时", "reason": "不通过原因"},
        style="danger",
    ),
    # 换证 / 延续: a new validity period (and perhaps a new card number) for a valid
    # certificate; the new validity must extend the old one. A cancelled card is not
    # renewed: the holder applies for a new one (statutes.md §7.3 [M]).
    "renew": Transition(
        "renew",
        "换证（延续有效期）",
        {CertificateState.VALID},
        CertificateState.VALID,
        {"valid_until": "新的有效期至", "new_number": "新证件编号（换发新证时填写）"},
    ),
    "cancel": Transition(
        "cancel",
        "注销证件",
        {CertificateState.VALID},
        CertificateState.CANCELLED,
        {"cancel_reason": "注销原因"},
        style="danger",
    ),
}

# ------------------------------------------------------------------ cases


class CaseKind(models.TextChoices):
    PENALTY = "penalty", "行政处罚"
    PERMIT = "permit", "行政许可"
    COERCION = "coercion", "行政强制"
    INSPECTION = "inspection", "行政检查"
    LEVY = "levy", "行政征收"
    OTHER = "other", "其他"


class CaseState(models.TextChoices):
    OPEN = "open", "办理中"
    DECIDED = "decided", "已决定"
    PUBLISHED = "published", "已公示"


class PartyKind(models.TextChoices):
    PERSON = "person", "自然人"
    LEGAL = "legal", "法人或其他组织"


class LeniencyKind(models.TextChoices):
    """行政处罚法 第33条 (statutes.md §7.2)."""

    FIRST = "first", "首违不罚"  # 第33条第1款: 可以不予 (discretionary)
    MINOR = "minor", "轻微不罚"  # 第33条第1款: 不予 (mandatory)
    NO_FAULT = "no_fault", "无主观过错不罚"  # 第33条第2款 [M]


# 118号: 行政许可 and 行政处罚 decisions within 7 working days, the rest within 20.
P_PUBLICATION = "enforcement_publication"
P_PUBLICATION_PERMIT_PENALTY = "enforcement_publication_permit_penalty"
P_PENALTY_DECISION = "penalty_decision"  # 行政处罚法 第60条: 90 days from 立案
# Periods this app adds (migration 0002; [M], change the rows, not the code):
P_ANNUAL_DATA = "enforcement_annual_data"  # 118号: yearly data by 31 January
P_CERT_RENEWAL = "enforcement_certificate_renewal"  # renew 30 days before expiry
P_RECTIFICATION = "enforcement_rectification"  # supervision letter: 30 days

# Inspections are not "decisions" to publish [M: 118号 speaks of 执法决定]; every other
# kind publishes its decision.
PUBLISHED_KINDS = frozenset(
    {CaseKind.PENALTY, CaseKind.PERMIT, CaseKind.COERCION, CaseKind.LEVY, CaseKind.OTHER}
)


def publication_period(kind: str) -> str | None:
    """The period code for publishing a decision of this kind, None if not published."""
    if kind not in PUBLISHED_KINDS:
        return None
    if kind in (CaseKind.PENALTY, CaseKind.PERMIT):
        return P_PUBLICATION_PERMIT_PENALTY
    return P_PUBLICATION


CASE_TRANSITIONS: dict[str, Transition] = {
    # 行政处罚法 第58条: 法制审核 before a major decision; a failed review blocks it.
    "legal_review": Transition(
        "legal_review",
        "法制审核",
        {CaseState.OPEN},
        CaseState.OPEN,
        {"passed": "审核结论", "reviewer": "审核人员"},
    ),
    "decide": Transition(
        "decide",
        "作出决定（办结）",
        {CaseState.OPEN},
        CaseState.DECIDED,
        {
            "no_penalty": "不予处罚",
            "leniency_item": "适用包容审慎清单事项",
            "full_record": "全过程记录完整",
        },
    ),
    # 118号: publish within 7 / 20 working days of the decision.
    "publish": Transition("publish", "公示决定", {CaseState.DECIDED}, CaseState.PUBLISHED),
}

# ------------------------------------------------------------------ case-file review


class CriterionTier(models.TextChoices):
    VETO = "veto", "否决项（基本标准）"
    FORM = "form", "卷面"
    SUBSTANCE = "substance", "内容"


class Grade(models.TextChoices):
    EXCELLENT = "excellent", "优秀"
    GOOD = "good", "良好"
    PASS = "pass", "合格"
    FAIL = "fail", "不合格"


FULL_SCORE = Decimal(100)
# statutes.md §7.4 [M]: 优秀 ≥ 90, 良好 80–89, 合格 60–79, 不合格 < 60 or any veto item.
DEFAULT_GRADE_BANDS = ((90, Grade.EXCELLENT), (80, Grade.GOOD), (60, Grade.PASS))


def grade_bands() -> tuple[tuple[int, str], ...]:
    bands = getattr(settings, "FAZHI_ENF_GRADE_BANDS", DEFAULT_GRADE_BANDS)
    return tuple(sorted(((int(floor), str(g)) for floor, g in bands), reverse=True))


class ScoringError(ValueError):
    """Bad scoring input; the message is Chinese and names the criterion."""


def score(
    weights: Mapping[int, Decimal],
    deductions: Mapping[int, Decimal],
    vetoes: Iterable[int] = (),
    *,
    labels: Mapping[int, str] | None = None,
) -> tuple[Decimal, str]:
    """(score, grade) of one file.

    `weights`: points of each scored criterion (they sum to 100); `deductions`: points
    taken off per criterion, each capped at its weight so an item goes down to zero,
    never below (§7.4); `vetoes`: failed veto items — any makes the file 不合格 with 0.
    Raises ScoringError on a negative deduction or an unknown criterion.
    """
    names = labels or {}
    if list(vetoes):
        return Decimal(0), Grade.FAIL
    lost = Decimal(0)
    for key, points in deductions.items():
        if key not in weights:
            raise ScoringError(f"评查项目“{names.get(key, key)}”不是本评查表的计分项目。")
        points = Decimal(points)
        if points < 0:
            raise ScoringError(f"评查项目“{names.get(key, key)}”的扣分不能为负数。")
        lost += min(points, Decimal(weights[key]))
    total = max(FULL_SCORE - lost, Decimal(0))
    return total, grade_for(total)


def grade_for(total: Decimal) -> str:
    for floor, grade in grade_bands():
        if total >= floor:
            return grade
    return Grade.FAIL


# ------------------------------------------------------------------ supervision letters


class LetterState(models.TextChoices):
    ISSUED = "issued", "整改中"
    REPORTED = "reported", "已报告整改"
    CLOSED = "closed", "已销号"


LETTER_TRANSITIONS: dict[str, Transition] = {
    # statutes.md §7.5 [M]: the agency corrects and reports within the set period.
    "report": Transition(
        "report", "报告整改情况", {LetterState.ISSUED}, LetterState.REPORTED, {"report": "整改情况"}
    ),
    "verify": Transition(
        "verify", "核查销号", {LetterState.REPORTED}, LetterState.CLOSED, style="danger"
    ),
    "send_back": Transition(
        "send_back",
        "整改不到位，退回",
        {LetterState.REPORTED},
        LetterState.ISSUED,
        {"reason": "退回理由"},
    ),
}


# ------------------------------------------------------------------ yearly data publication


class PublicationState(models.TextChoices):
    PENDING = "pending", "待公开"
    PUBLISHED = "published", "已公开"


PUBLICATION_TRANSITIONS: dict[str, Transition] = {
    "publish": Transition(
        "publish",
        "公开年度数据",
        {PublicationState.PENDING},
        PublicationState.PUBLISHED,
        {"where": "公开网址或载体"},
    ),
}
