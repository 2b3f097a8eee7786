"""Factories for the assessment tests (and the authorization matrix's rows)."""

from __future__ import annotations

import itertools
from datetime import date
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from fazhi.assessment import loader, services
from fazhi.assessment.models import ScoreSheet, System

_seq = itertools.count(1)

SMALL = """\
system:
  code: {code}
  name: 测试指标体系
  year: 2021
areas:
  - number: "一"
    title: 依法行政制度体系完善
    points: 10
    items:
      - number: "1"
        title: 行政规范性文件监督管理
        points: 6
        rules:
          - number: "1.1"
            title: 报备率
            points: 4
            method: threshold
            indicator: normdoc_filed_rate
            full_at: 100
            zero_at: 80
          - number: "1.2"
            title: 审查建议渠道畅通
            points: 2
            method: manual
      - number: "2"
        title: 行政复议按期审结
        points: 4
        rules:
          - number: "2.1"
            title: 超期审结扣分
            points: 3
            method: deduction
            indicator: recon_overdue
            per: 1
          - number: "2.2"
            title: 复议决定书网上公开
            points: 1
            method: manual
            evidence: false
"""


def small_system(code: str | None = None) -> System:
    return loader.load_text(SMALL.format(code=code or f"test-{next(_seq)}"), file_name="test.yaml")


def sheet_for(
    unit: Any, coordinator: Any, *, year: int = 2022, system: System | None = None
) -> ScoreSheet:
    return services.create_sheet(
        system=system or small_system(), unit=unit, year=year, by=coordinator, on=date(2023, 2, 1)
    )


def attachment(
    name: str = "会议纪要.pdf", data: bytes = b"%PDF-1.4 evidence"
) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/pdf")


def scored_with_attachment(unit: Any, coordinator: Any) -> ScoreSheet:
    sheet = sheet_for(unit, coordinator)
    node = sheet.system.nodes.get(number="1.2")
    services.enter_manual(
        sheet, node, by=coordinator, points=2, note="查阅了公开渠道截图。", attachment=attachment()
    )
    return sheet
