"""The demo county reproduces seed 001's 2022 disclosure figures from its records."""

from __future__ import annotations

import pytest

from fazhi.core.management.commands.demo import build_county, create_users
from fazhi.disclosure import demo
from fazhi.disclosure import report as annual
from fazhi.disclosure.models import ReportFiling
from fazhi.indicators.engine import compute

pytestmark = pytest.mark.django_db


def test_the_demo_reproduces_the_seeds_2022_figures_and_a_valid_annual_report():
    ctx = build_county()
    create_users(ctx)
    demo.load(ctx)
    # The 2022 reports are published on time (第49条); this year's are open.
    published = ReportFiling.objects.filter(year=2022)
    assert published.count() == 2
    assert all(f.state == "published" and f.published_on_time for f in published)
    county_2022 = published.get(unit=ctx.county)
    assert county_2022.figures["新收申请"] == 11 and county_2022.figures["主动公开"] == 2754
    assert ReportFiling.objects.filter(year=ctx.today.year, state="due").count() == 2
    values = compute(ctx.county, 2022, ["disclosure_proactive", "disclosure_requests"])
    # 001: 2022 年县政府门户网站主动公开信息 2754 条；受理信息公开依申请案件 11 件。
    assert values["disclosure_proactive"] == 2754
    assert values["disclosure_requests"] == 11
    rep = annual.build(ctx.county, 2022)
    assert annual.validate(rep) == []
    assert rep.section3.row(annual.ROW_NEW)[6] == 11
    assert rep.section3.row(annual.ROW_FORWARD)[6] == 1
    assert annual.render_docx(rep)[:2] == b"PK"
