"""xlsx sheets of the audit supervision register (template, import, export)."""

from __future__ import annotations

from fazhi.auditsup.models import AuditProject, ProjectCheck, SettlementReview
from fazhi.auditsup.rules import AuditKind
from fazhi.kit.xlsx import Column, Sheet, choice_column, unit_column

PROJECT_SHEET = Sheet(
    model=AuditProject,
    title="审计项目",
    natural_key=("unit", "year", "title"),
    columns=[
        unit_column("被审计单位", "确山县教育局"),
        Column("审计机关", "auditing_body", example="确山县审计局"),
        Column("审计年度", "year", kind="int", required=True, example=2022),
        choice_column("审计类型", "kind", AuditKind.choices, "预算执行审计"),
        Column("审计项目名称", "title", required=True, example="2021年度预算执行情况审计"),
        Column("进点日期", "started_on", kind="date", required=True, example="2022-04-06"),
        Column("出具审计报告日期", "reported_on", kind="date", example="2022-06-20"),
        Column("主要问题", "findings"),
        Column("查出问题金额（元）", "problem_amount", kind="decimal", example=1200000),
        Column("已整改金额（元）", "rectified_amount", kind="decimal", example=1000000),
    ],
)

CHECK_SHEET = Sheet(
    model=ProjectCheck,
    title="项目稽查",
    natural_key=("unit", "project", "checked_on"),
    columns=[
        unit_column("项目单位", "确山县交通运输局"),
        Column("项目名称", "project", required=True, example="县道X032改建工程"),
        Column("稽查日期", "checked_on", kind="date", required=True, example="2022-08-10"),
        Column("稽查机关", "body", example="确山县审计局"),
        Column("发现问题（个）", "issues", kind="int", example=3),
        Column("稽查结论", "findings"),
    ],
)

REVIEW_SHEET = Sheet(
    model=SettlementReview,
    title="结算审核",
    natural_key=("unit", "project", "reviewed_on"),
    columns=[
        unit_column("建设单位", "确山县住房和城乡建设局"),
        Column("项目名称", "project", required=True, example="老旧小区改造工程（一期）"),
        Column("审定日期", "reviewed_on", kind="date", required=True, example="2022-09-15"),
        Column("审核机构", "reviewer", example="确山县审计局"),
        Column(
            "送审金额（元）", "submitted_amount", kind="decimal", required=True, example=5230000
        ),
        Column("审定金额（元）", "approved_amount", kind="decimal", required=True, example=4870000),
        Column("核减金额（元）", "amount_cut", kind="decimal", importable=False),
        Column("说明", "note"),
    ],
    instructions=["核减金额 = 送审金额 − 审定金额，由系统计算，不需填写。"],
)
