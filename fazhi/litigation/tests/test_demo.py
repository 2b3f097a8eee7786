"""The demo reproduces seed 001's 2022 litigation figures for 确山县 (issue 3)."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings

from fazhi.core.management.commands.demo import build_county, create_users
from fazhi.indicators.engine import compute
from fazhi.litigation import demo
from fazhi.litigation.models import Hearing, Lawsuit
from fazhi.litigation.rules import State

SEED_SENTENCE = "办理行政诉讼案件58件，出庭应诉55次，机关负责人出庭应诉率95%"


@pytest.mark.django_db
def test_the_demo_reproduces_seed_001_litigation_figures() -> None:
    # One load for every check: the demo takes a few seconds.
    ctx = build_county()
    create_users(ctx)
    demo.load(ctx)
    values = compute(
        ctx.county,
        2022,
        [
            "litig_cases",
            "litig_hearings",
            "litig_appear_count",
            "litig_appear_rate",
            "litig_appear_required",
            "litig_closed",
            "litig_lost",
        ],
    )
    assert {
        k: values[k]
        for k in ("litig_cases", "litig_hearings", "litig_appear_count", "litig_appear_rate")
    } == {
        "litig_cases": 58,
        "litig_hearings": 58,
        "litig_appear_count": 55,
        "litig_appear_rate": 95,
    }
    assert values["litig_appear_required"] == 58
    # Plausible outcomes: some lost, most not; eight appeals; cases open now for the due list.
    assert 0 < values["litig_lost"] < values["litig_closed"] / 5
    assert Lawsuit.objects.filter(state=State.APPEALED).count() == 8
    assert Lawsuit.objects.filter(received_on__year=ctx.today.year).open().count() >= 4
    assert Hearing.objects.filter(held=False).exists()
    # 苏某某 v. the county government: the county head appeared in person.
    suit = Lawsuit.objects.get(plaintiff_name__startswith="苏", cause="行政赔偿", unit=ctx.county)
    hearing = suit.hearings.get()
    assert hearing.counts_as_appearance and hearing.person.position == "县长"
    assert suit.plaintiff_masked == "苏某某"


@pytest.mark.seeds
def test_the_figures_are_the_seed_reports_own_words() -> None:
    seed = Path(settings.BASE_DIR).parent / "shared" / "seeds" / "001_42ba359424287cad.txt"
    if not seed.exists():
        pytest.fail(f"{seed} 缺失：shared/ 存在但没有这份样本报告")
    assert SEED_SENTENCE in seed.read_text(encoding="utf-8")


def test_the_demo_tables_add_up() -> None:
    assert len(demo.FIRST_INSTANCE) == 50
    assert sum(appealed for _, appealed in demo.FIRST_INSTANCE) == len(demo.SECOND_INSTANCE) == 8
    assert len(demo.ABSENT) == 3
