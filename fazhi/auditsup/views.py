"""Screens of the audit supervision register: audit projects (the front page), project
checks, settlement reviews and the figures. Plain records: list, form, xlsx, all through
`org.scope`."""

from __future__ import annotations

from decimal import Decimal

from fazhi.auditsup import indicators as audit_indicators
from fazhi.auditsup.forms import AuditProjectForm, ProjectCheckForm, SettlementReviewForm
from fazhi.auditsup.importing import CHECK_SHEET, PROJECT_SHEET, REVIEW_SHEET
from fazhi.kit.screens import Column, Screen, Section, figures_view

SECTION = Section(
    "auditsup",
    "审计监督",
    [
        ("审计项目", "list"),
        ("项目稽查", "checks"),
        ("结算审核", "settlements"),
        ("统计", "figures"),
    ],
)


def yuan(value: Decimal | None) -> str:
    return "—" if value is None else f"{value:,.2f}"


PROJECTS = Screen(
    key="list",
    form=AuditProjectForm,
    sheet=PROJECT_SHEET,
    year_field="year",
    columns=[
        Column("审计年度", lambda a: a.year),
        Column("审计项目", lambda a: a.title),
        Column("类型", lambda a: a.get_kind_display()),
        Column("被审计单位", lambda a: a.unit.name),
        Column("审计机关", lambda a: a.auditing_body),
        Column("进点日期", lambda a: a.started_on),
        Column("报告日期", lambda a: a.reported_on or "—"),
        Column("查出问题金额（元）", lambda a: yuan(a.problem_amount)),
        Column("已整改金额（元）", lambda a: yuan(a.rectified_amount)),
    ],
)
CHECKS = Screen(
    key="checks",
    form=ProjectCheckForm,
    sheet=CHECK_SHEET,
    date_field="checked_on",
    columns=[
        Column("稽查日期", lambda c: c.checked_on),
        Column("项目名称", lambda c: c.project),
        Column("项目单位", lambda c: c.unit.name),
        Column("稽查机关", lambda c: c.body),
        Column("发现问题", lambda c: c.issues),
    ],
)
SETTLEMENTS = Screen(
    key="settlements",
    form=SettlementReviewForm,
    sheet=REVIEW_SHEET,
    date_field="reviewed_on",
    columns=[
        Column("审定日期", lambda s: s.reviewed_on),
        Column("项目名称", lambda s: s.project),
        Column("建设单位", lambda s: s.unit.name),
        Column("送审金额（元）", lambda s: yuan(s.submitted_amount)),
        Column("审定金额（元）", lambda s: yuan(s.approved_amount)),
        Column("核减金额（元）", lambda s: yuan(s.amount_cut)),
        Column("审核机构", lambda s: s.reviewer),
    ],
    help="核减金额 = 送审金额 − 审定金额，由系统计算。",
)
SCREENS = [PROJECTS, CHECKS, SETTLEMENTS]

figures = figures_view(SECTION, [i.code for i in audit_indicators.INDICATORS])
