"""The main navigation: one entry per register, shown when its URLs exist and the
user's role may open it (the role table: fazhi/org/README.md)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.urls import NoReverseMatch, reverse

# What an entry needs of the user's role (org.models.User): nothing, reading records, or
# reading the audit trail. A link the role may not open is not shown (issue 19 point 2).
RECORDS = "records"
AUDIT = "audit"
NEEDS = {
    None: lambda user: True,
    RECORDS: lambda user: user.can_read_records,
    AUDIT: lambda user: user.can_read_audit,
}


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    group: str
    needs: str | None = RECORDS


NAV: tuple[NavItem, ...] = (
    NavItem("首页", "home", "工作台", needs=None),
    NavItem("期限预警", "deadlines:list", "工作台"),
    NavItem("期限计算器", "deadlines:calculator", "工作台", needs=None),
    NavItem("行政复议", "reconsideration:list", "复议应诉"),
    NavItem("行政应诉", "litigation:list", "复议应诉"),
    NavItem("重大行政决策", "decisions:list", "依法决策"),
    NavItem("规范性文件", "normdocs:list", "依法决策"),
    NavItem("法律顾问", "counsel:list", "依法决策"),
    NavItem("权责清单", "lists:list", "依法决策"),
    NavItem("行政执法", "enforcement:list", "执法监督"),
    NavItem("政务公开", "disclosure:list", "执法监督"),
    NavItem("督查督办", "oversight:list", "执法监督"),
    NavItem("审计监督", "auditsup:list", "执法监督"),
    NavItem("人民调解", "mediation:list", "法治社会"),
    NavItem("法律服务", "legalservices:list", "法治社会"),
    NavItem("普法学法", "publicity:list", "法治社会"),
    NavItem("指标", "indicators:overview", "统计报告"),
    NavItem("驾驶舱", "indicators:dashboard", "统计报告"),
    NavItem("年度报告", "reports:list", "统计报告"),
    NavItem("报告体检", "analyzer:upload", "统计报告", needs=None),
    NavItem("逐级上报", "upward:list", "统计报告"),
    NavItem("法治考核", "assessment:list", "统计报告"),
    NavItem("单位与人员", "org:units", "系统"),
    NavItem("审计日志", "audit:list", "系统", needs=AUDIT),
)


def resolved_nav(user: Any) -> list[dict[str, str]]:
    """The entries `user` may open, with their URLs."""
    items = []
    for item in NAV:
        if not NEEDS[item.needs](user):
            continue
        try:
            url = reverse(item.url_name)
        except NoReverseMatch:
            continue
        items.append({"label": item.label, "url": url, "group": item.group, "name": item.url_name})
    return items
