"""The demo has the 2021 system and a scored 2022 assessment of 确山县 with a ranking."""

from __future__ import annotations

from decimal import Decimal

import pytest

from fazhi.assessment import demo, services
from fazhi.assessment.models import AutoScore, ManualScore, ScoreSheet
from fazhi.assessment.rules import Method
from fazhi.core.management.commands.demo import build_county, create_users
from fazhi.indicators.engine import compute
from fazhi.normdocs import demo as normdocs_demo

pytestmark = pytest.mark.django_db


def test_the_demo_scores_the_county_and_its_departments_and_ranks_them():
    ctx = build_county()
    create_users(ctx)
    normdocs_demo.load(ctx)
    demo.load(ctx)
    sheets = ScoreSheet.objects.filter(year=2022)
    assert sheets.count() == len(ctx.departments) + 1
    county = sheets.get(unit=ctx.county)
    assert county.assessor == ctx.city and county.state == "confirmed"
    assert set(sheets.values_list("state", flat=True)) == {"draft", "submitted", "confirmed"}
    # Every manual rule has a score with evidence, a few with an attached file.
    manual_rules = county.system.rules().filter(method=Method.MANUAL).count()
    assert ManualScore.objects.filter(sheet=county).count() == manual_rules
    assert not ManualScore.objects.filter(note="").exists()
    assert ManualScore.objects.filter(evidence__isnull=False).exists()
    # The automatic scores are the engine's figures for the county's records.
    rate = compute(ctx.county, 2022, ["normdoc_filed_rate"])["normdoc_filed_rate"]
    auto = AutoScore.objects.get(sheet=county, node__number="4.1")
    assert auto.value == (Decimal(rate) if rate is not None else None)
    # Totals are what the tree adds up to, and a ranking of the departments shows.
    for sheet in sheets:
        assert sheet.total == services.total_of(services.tree(sheet))
        assert Decimal(50) < sheet.total <= Decimal(100)
    ranked = services.ranking_for(ctx.county, 2022, county.system, user=ctx.users["coordinator"])
    assert len(ranked) == len(ctx.departments)
    assert ranked[0].rank == 1 and ranked[0].sheet.total >= ranked[-1].sheet.total
