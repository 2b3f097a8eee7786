"""The demo reproduces seed 001's 2022 figures for 确山县 (issue 7)."""

from __future__ import annotations

import pytest

from fazhi.core.management.commands.demo import build_county, create_users
from fazhi.indicators.engine import compute
from fazhi.legalservices import demo as legalservices_demo
from fazhi.mediation import demo as mediation_demo
from fazhi.publicity import demo as publicity_demo

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_county():
    ctx = build_county()
    create_users(ctx)
    mediation_demo.load(ctx)
    legalservices_demo.load(ctx)
    publicity_demo.load(ctx)
    return ctx


def test_the_demo_reproduces_seed_001_mediation_figures(demo_county):
    values = compute(
        demo_county.county,
        2022,
        [
            "mediation_cases",
            "mediation_success",
            "mediation_rate",
            "mediation_oral",
            "mediation_written",
        ],
    )
    assert values == {
        "mediation_cases": 1047,
        "mediation_success": 951,
        "mediation_rate": 91,
        "mediation_oral": 842,
        "mediation_written": 109,
    }


def test_the_demo_reproduces_seed_001_publicity_figures(demo_county):
    values = compute(
        demo_county.county,
        2022,
        ["publicity_events", "publicity_lectures", "publicity_materials", "study_sessions"],
    )
    assert values == {
        "publicity_events": 123,
        "publicity_lectures": 22,
        "publicity_materials": 45000,
        "study_sessions": 24,
    }


def test_the_demo_has_committees_at_every_level_and_plausible_services(demo_county):
    values = compute(
        demo_county.county,
        2022,
        [
            "mediation_committees",
            "mediators",
            "legal_aid_cases",
            "notary_cases",
            "legal_literates",
            "legal_literate_coverage",
            "legal_service_visits",
        ],
    )
    villages = len(demo_county.villages)
    assert values["mediation_committees"] == villages + len(demo_county.townships) + 3
    assert values["mediators"] >= 2 * values["mediation_committees"]
    assert 50 <= values["legal_aid_cases"] <= 500
    assert values["notary_cases"] == 186
    assert values["legal_literates"] >= 2 * (villages - 2)
    assert values["legal_literate_coverage"] == round((villages - 2) * 100 / villages)
    assert values["legal_service_visits"] > 500
