"""Audit supervision (审计监督) of government bodies and government-invested projects.

- 审计法 (2021年修正) 第18—19、22—23条: the audit office audits budget execution and
  final accounts of the government's departments, and the budget execution and final
  accounts (竣工决算) of government-invested construction projects; 第26条: 经济责任审计
  of the leaders of those departments.
- 政府投资条例 and local rules: the settlement (结算) of a government-invested project
  is reviewed before payment (结算审核, by the audit office or the 财政投资评审中心); the
  amount cut (核减) is the submitted amount minus the approved amount. Seed 003:
  "对县域内2个政府投资项目及时实施竣工决算审计，开展项目稽查2次，政府性投资项目结算
  审核157个，核减工程价款6500多万元".

No queries and no views here.
"""

from __future__ import annotations

from decimal import Decimal

from django.db import models


class AuditKind(models.TextChoices):
    BUDGET = "budget", "预算执行审计"
    ECONOMIC_RESPONSIBILITY = "economic_responsibility", "经济责任审计"
    FINAL_ACCOUNT = "final_account", "政府投资项目竣工决算审计"
    SPECIAL = "special", "专项审计（审计调查）"
    OTHER = "other", "其他审计"


# Kinds counted as projects_final_account_audited (seed 003: 竣工决算审计).
FINAL_ACCOUNT_KINDS: frozenset[str] = frozenset({AuditKind.FINAL_ACCOUNT})


def amount_cut(submitted: Decimal, approved: Decimal) -> Decimal:
    """核减金额 = 送审金额 − 审定金额."""
    return submitted - approved


def amount_errors(submitted: Decimal | None, approved: Decimal | None) -> dict[str, str]:
    """What is wrong with a settlement's amounts (empty when right)."""
    errors: dict[str, str] = {}
    if submitted is not None and submitted < 0:
        errors["submitted_amount"] = "送审金额不能为负数。"
    if approved is not None and approved < 0:
        errors["approved_amount"] = "审定金额不能为负数。"
    if not errors and submitted is not None and approved is not None and approved > submitted:
        errors["approved_amount"] = (
            f"审定金额（{approved}元）大于送审金额（{submitted}元）：结算审核只能核减，"
            "审增的请核对后按送审金额登记并在说明中注明。"
        )
    return errors
