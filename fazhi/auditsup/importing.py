"""xlsx sheets of the audit supervision register (template, import, export)."""

from __future__ import annotations

from fazhi.auditsup.models import AuditProject, ProjectCheck, SettlementReview
from fazhi.kit.xlsx import Sheet, exports, fields, model_column

PROJECT_SHEET = Sheet(
    model=AuditProject,
    title="审计项目",
    natural_key=("unit", "year", "title"),
    columns=[
        *fields(AuditProject, unit="确山县教育局", auditing_body="确山县审计局", year=2022,
                kind="预算执行审计", title="2021年度预算执行情况审计", started_on="2022-04-06",
                reported_on="2022-06-20", findings="", problem_amount=1200000,
                rectified_amount=1000000),
    ],
)

CHECK_SHEET = Sheet(
    model=ProjectCheck,
    title="项目稽查",
    natural_key=("unit", "project", "checked_on"),
    columns=[
        *fields(ProjectCheck, unit="确山县交通运输局", project="县道X032改建工程",
                checked_on="2022-08-10", body="确山县审计局", issues=3, findings=""),
    ],
)

REVIEW_SHEET = Sheet(
    model=SettlementReview,
    title="结算审核",
    natural_key=("unit", "project", "reviewed_on"),
    columns=[
        *fields(SettlementReview, unit="确山县住房和城乡建设局", project="老旧小区改造工程（一期）",
                reviewed_on="2022-09-15", reviewer="确山县审计局", submitted_amount=5230000,
                approved_amount=4870000),
        *exports(SettlementReview, "amount_cut"),
        model_column(SettlementReview, "note"),
    ],
    instructions=["核减金额 = 送审金额 − 审定金额，由系统计算，不需填写。"],
)
