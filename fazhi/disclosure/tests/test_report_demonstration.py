"""Demonstration data says it is one on the 政府信息公开 annual report too (issue 21, point 6)."""

from __future__ import annotations

import pytest

from fazhi.disclosure import report as annual
from fazhi.documents.demonstration import DEMO_MARK

pytestmark = pytest.mark.django_db


def test_a_demonstration_report_carries_the_mark_and_no_real_document_number(settings, county_a):
    settings.DEMO = True
    doc = annual.document(annual.build(county_a, 2023))
    assert doc.number.startswith("演示文〔2024〕") and doc.watermark == DEMO_MARK
    settings.DEMO = False
    doc = annual.document(annual.build(county_a, 2023))
    assert "演示" not in doc.number and doc.watermark == ""
