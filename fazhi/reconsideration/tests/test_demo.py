"""The demo county reproduces seed 001's 2022 reconsideration figures from its records."""

from __future__ import annotations

import pytest

from fazhi.core.management.commands.demo import build_county, create_users
from fazhi.indicators.engine import compute
from fazhi.reconsideration import demo
from fazhi.reconsideration.models import Application

pytestmark = pytest.mark.django_db


@pytest.fixture
def ctx():
    context = build_county()
    create_users(context)
    demo.load(context)
    return context


def test_the_demo_reproduces_the_seeds_2022_figures_and_leaves_open_cases(ctx):
    values = compute(
        ctx.county,
        2022,
        [
            "recon_received",
            "recon_accepted",
            "recon_closed",
            "recon_carried_over",
            "recon_superior_cases",
            "recon_overdue",
            "recon_corrected",
        ],
    )
    # 001: 收到复议申请51件，立案审理42件，已按期审结38件（含上期结转3件）；市政府受理…3件.
    assert values["recon_received"] == 51
    assert values["recon_accepted"] == 42
    assert values["recon_closed"] == 38
    assert values["recon_carried_over"] == 3
    assert values["recon_superior_cases"] == 3
    assert values["recon_overdue"] == 0  # 按期审结

    # 市政府受理…3件，已审结3件，全部维持.
    from fazhi.reconsideration.models import SuperiorCase

    assert list(SuperiorCase.objects.values_list("outcome", flat=True)) == ["uphold"] * 3

    # Open cases this year give the due list red, yellow and green lights.
    from fazhi.deadlines.services import deadlines_for

    lights = set()
    for app in Application.objects.open():
        for d in deadlines_for(app):
            if d.is_open:
                lights.add(d.light(ctx.today))
    assert {"red", "yellow", "green"} <= lights
