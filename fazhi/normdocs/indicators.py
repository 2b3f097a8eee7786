"""Indicators fed by the normative-documents register (codes of shared/INDICATORS.md).

`normdoc_filed_timely` and `normdoc_filed_conform` are the numerators of the two filing
rates; the catalogue needs them as codes (to add to INDICATORS.md).
"""

from __future__ import annotations

from django.db.models import F, Q

from fazhi.indicators.catalogue import counts, rates
from fazhi.indicators.q import Where, dated, narrowed
from fazhi.normdocs.rules import CleanupOutcome

DOC = "normdocs.Document"


_issued = dated("published_on")
_filed = narrowed(_issued, filed_on__isnull=False)


def _outcome(*outcomes: str) -> Where:
    return dated("decided_on", outcome__in=outcomes)


INDICATORS = [
    *counts(DOC, [
        # code, name, unit, which records, definition
        ("normdoc_issued", "制定行政规范性文件", "件", _issued, "统计期内公布的行政规范性文件件数（按公布日期）。"),
    ]),
    *counts("normdocs.ReviewItem", [
        ("normdoc_reviewed", "合法性审核", "件", dated("reviewed_on"), "统计期内完成合法性审核的事项数，包括行政规范性文件、合同（行政协议）、会议议题和其他文件，"
            "按审核完成日期统计；重大行政决策的合法性审查另计（指标“决策合法性审查”）。"
            "确山县2022年报告“审核政府其他各类文件、合同、议题65件”中的“其他”是相对于9项重大行政决策而言，"
            "65件已含5件规范性文件。"),
    ]),
    *counts(DOC, [
        ("normdoc_filed", "报备", "件", _filed, "统计期内公布、已报送备案的行政规范性文件件数。"),
        ("normdoc_filed_timely", "按期报备", "件", narrowed(_filed, filing_due__isnull=False, filed_on__lte=F("filing_due")), "统计期内公布、在报备期限内（公布之日起30日，末日为节假日的顺延）报送备案的文件件数。"),
        ("normdoc_filed_conform", "规范报备", "件", narrowed(_filed, filing_conform=True), "统计期内公布、报备材料齐全规范、无需补正即被备案机关接收的文件件数。"),
    ]),
    *rates([
        # code, name, numerator, denominator, definition
        ("normdoc_filed_rate", "报备率", "normdoc_filed", "normdoc_issued", "报备率 = 已报备件数÷ 统计期内公布的文件件数× 100%。"),
        ("normdoc_filed_timely_rate", "报备及时率", "normdoc_filed_timely", "normdoc_filed", "报备及时率 = 在报备期限内报备的件数 ÷ 已报备件数 × 100%。"),
        ("normdoc_conform_rate", "报备规范率", "normdoc_filed_conform", "normdoc_filed", "报备规范率 = 报备材料规范、无需补正的件数 ÷ 已报备件数 × 100%。"),
    ]),
    *counts("normdocs.CleanupResult", [
        ("normdoc_cleanup_kept", "清理保留", "件", _outcome(CleanupOutcome.KEEP), "统计期内清理结论为“继续有效（保留）”的文件件数（按结论日期）。"),
        ("normdoc_cleanup_modified", "清理修改", "件", _outcome(CleanupOutcome.AMEND), "统计期内清理结论为“修改”的文件件数。"),
        ("normdoc_cleanup_repealed", "清理废止、宣布失效", "件", _outcome(CleanupOutcome.REPEAL, CleanupOutcome.INVALID), "统计期内清理结论为“废止”或“宣布失效”的文件件数。"),
    ]),
    *counts("normdocs.Issuer", [
        ("normdoc_issuers", "制定主体", "个", lambda p: (Q(listed_on__lte=p.end) & (Q(delisted_on__isnull=True) | Q(delisted_on__gt=p.end))), "统计期末在行政规范性文件制定主体清单内的单位数。"),
    ]),
]
