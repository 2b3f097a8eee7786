"""The yearly enforcement data publication: what is published is read from the records."""

from __future__ import annotations

import io
from datetime import date

import pytest
from openpyxl import load_workbook

from fazhi.documents.demonstration import DEMO_MARK
from fazhi.enforcement import publication
from fazhi.indicators import engine
from fazhi.indicators.catalogue import catalogue
from fazhi.indicators.display import label
from fazhi.indicators.models import CountyFigures

pytestmark = pytest.mark.django_db


def test_the_published_workbook_reads_the_records_not_the_kept_figures(settings, county_a):
    settings.FAZHI_FIGURES_ROLLUP_SECONDS = 600  # counties' figures are kept (county_figures.py)
    engine.compute(county_a, 2024, publication.CODES)
    assert CountyFigures.objects.exists()
    # Kept figures that no longer match the records (as after a write without signals).
    CountyFigures.objects.update(figures={"enforcement_cases": 7})
    assert engine.compute(county_a, 2024, ["enforcement_cases"])["enforcement_cases"] == 7
    sheet = load_workbook(io.BytesIO(publication.workbook(county_a, 2024))).active
    by_name = {row[0]: row[2] for row in sheet.iter_rows(min_row=3, values_only=True)}
    assert by_name[label(catalogue()["enforcement_cases"])] == 0


def test_a_demonstration_publication_carries_the_mark(settings, county_a):
    settings.DEMO = True
    doc = publication.document(county_a, 2024, number="演示文〔2025〕2号", dated=date(2025, 1, 20))
    assert doc.watermark == DEMO_MARK
    settings.DEMO = False
    assert publication.document(county_a, 2024, number="x〔2025〕2号", dated=date(2025, 1, 20)).watermark == ""
