"""Indicators fed by legal aid, notarisation, legal helpers and service visits.

Legal aid cases count in the period of the decision to give aid (法律援助法 第43条), the
figure reports state as 受理法律援助案件; applications refused or withdrawn are not cases.
Legal helpers and their coverage are counted at the period's end.
"""

from __future__ import annotations

from django.db.models import Count, Q

from fazhi.core.validators import active_on
from fazhi.indicators.catalogue import Period, counts, rates, totals
from fazhi.indicators.q import dated, narrowed
from fazhi.legalservices import rules
from fazhi.legalservices.models import LegalHelper
from fazhi.legalservices.rules import Decision
from fazhi.org.models import UnitKind

AID = "legalservices.AidApplication"


decided = dated("decided_on")


def approved(p: Period) -> Q:
    return decided(p) & Q(decision=Decision.APPROVED)


def villages(p: Period) -> Q:
    return Q(kind=UnitKind.VILLAGE, active=True)


def covered_villages(p: Period, minimum: int | None = None) -> Q:
    """Villages with at least N legal helpers in post at the period's end (N: setting)."""
    n = minimum or rules.helpers_per_village_minimum()
    covered = (
        LegalHelper.objects.filter(active_on(p.end, "appointed_on", "left_on"))
        .values("unit")
        .annotate(n=Count("pk"))
        .filter(n__gte=n)
        .values_list("unit", flat=True)
    )
    return villages(p) & Q(pk__in=covered)


INDICATORS = [
    *counts(AID, [
        # code, name, unit, which records, definition
        ("legal_aid_applications", "法律援助申请", "件", dated("received_on"), "期内收到的法律援助申请件数，按收到申请日期计。"),
        ("legal_aid_cases", "法律援助案件", "件", approved, "期内决定给予法律援助的案件件数，按决定日期计（不含不予援助、撤回的申请）。"),
        ("legal_aid_migrant_workers", "农民工法律援助案件", "件", narrowed(approved, migrant_worker=True), "法律援助案件中申请人为农民工（进城务工人员）的件数。"),
        ("legal_aid_green_channel", "农民工绿色通道案件", "件", narrowed(approved, green_channel=True), "法律援助案件中农民工请求支付劳动报酬或工伤赔偿、免予核查经济困难状况的件数（法律援助法第42条）。"),
        ("legal_aid_decided", "法律援助审查决定", "件", decided, "期内作出审查决定（给予或不予法律援助）的申请件数。"),
        ("legal_aid_decided_on_time", "按期作出审查决定", "件", narrowed(decided, decision_on_time=True), "期内作出的审查决定中，在收到申请之日起7日内作出的件数（法律援助法第43条）。"),
    ]),
    *rates([
        # code, name, numerator, denominator, definition
        ("legal_aid_decision_timely_rate", "审查决定及时率", "legal_aid_decided_on_time", "legal_aid_decided", "按期作出的审查决定件数 ÷ 期内作出审查决定的件数 × 100%。"),
    ]),
    *counts("legalservices.Notarisation", [
        ("notary_cases", "公证", "件", dated("issued_on"), "期内出具公证书的公证事项件数，按出证日期计。"),
    ]),
    *totals("legalservices.ServiceVisit", [
        # code, name, unit, summed field, which records, definition
        ("legal_service_visits", "公共法律服务", "人次", "people", dated("visited_on"), "期内各级公共法律服务中心（站、室）、12348热线和网络平台服务的人次之和。"),
    ]),
    *counts("legalservices.LegalHelper", [
        ("legal_literates", "法律明白人", "名", lambda p: active_on(p.end, "appointed_on", "left_on"), "期末在册的法律明白人人数。"),
    ]),
    *counts("org.Unit", [
        ("villages", "村（社区）", "个", villages, "在用的村（社区）个数。"),
        ("legal_literate_villages", "配备法律明白人的村（社区）", "个", covered_villages, "期末在册法律明白人不少于N名的村（社区）个数（N由系统管理员在部署设置中确定，默认1）。"),
    ]),
    *rates([
        ("legal_literate_coverage", "法律明白人覆盖率", "legal_literate_villages", "villages", "法律明白人不少于N名的村（社区）个数 ÷ 村（社区）总数 × 100%。"),
    ]),
]
