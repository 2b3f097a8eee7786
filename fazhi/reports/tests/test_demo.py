"""The demo county's 2022 report (issue 8): generated from records, ready to issue, and
carrying every figure of seed 001 the registers cover, with the seed's value."""

from __future__ import annotations

import json
from collections import defaultdict
from decimal import Decimal
from importlib.util import find_spec
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings

from fazhi.core.management.commands.demo import build_county, create_users, demo_modules
from fazhi.indicators import catalogue as cat_module
from fazhi.reports import annual
from fazhi.reports import demo as reports_demo
from fazhi.reports.models import AnnualReport
from fazhi.reports.tests import fakes

pytestmark = pytest.mark.django_db


@pytest.fixture
def fake_catalogue(monkeypatch):
    return fakes.install(monkeypatch)


def demo_apps():
    return [
        (config.label, config)
        for config in apps.get_app_configs()
        if config.name.startswith("fazhi.") and find_spec(f"{config.name}.demo") is not None
    ]


GOLD = Path(settings.BASE_DIR).parent / "shared" / "analyzer" / "gold" / "001_42ba359424287cad.json"


def test_the_reports_demo_runs_last():
    modules = [m for _, m in demo_modules()]
    assert (
        reports_demo in modules
        and modules[-1] is reports_demo
        or getattr(modules[-1], "LOAD_LAST", False)
    )


def test_the_demo_report_never_carries_the_real_countys_document_number(fake_catalogue):
    ctx = build_county()
    create_users(ctx)
    reports_demo.load(ctx)
    report = AnnualReport.objects.get(unit=ctx.county, year=2022)
    # Not the seed's real number (确政文〔2023〕47号): demonstration data says it is one.
    assert report.doc_number == "演示文〔2023〕1号" and report.addressee == "驻马店市人民政府"


@pytest.mark.seeds
class TestAgainstSeed001:
    # The real catalogue: every register's declared indicators.
    def test_the_demo_report_carries_seed_001s_figures(self):
        if not GOLD.exists():
            pytest.fail(f"{GOLD} 缺失：shared/ 存在但没有金标准")
        ctx = build_county()
        create_users(ctx)
        for _, module in demo_modules():
            module.load(ctx)
        report = AnnualReport.objects.get(unit=ctx.county, year=2022)
        values = annual.effective_values(report)
        printed = annual.fill(report.sections.get(kind="measures").text, values)
        cat = cat_module.catalogue()
        stated = defaultdict(list)
        # "The registers built so far": those that declare the code and have a demo.
        built = {label for label, _ in demo_apps()}
        for f in json.loads(GOLD.read_text(encoding="utf-8"))["figures"]:
            if f["indicator"] in cat and cat[f["indicator"]].register in built:
                stated[f["indicator"]].append(f)
        wrong = []
        for code, figures in stated.items():
            ours = values.get(code)
            # A code the seed states for several scopes (县委 4 and 县政府 9 advisers) is
            # matched by any one of them or, the scopes lying inside the county, by their sum.
            total = sum(Decimal(str(f["value"])) for f in figures)
            ok = (len(figures) > 1 and ours is not None and Decimal(str(ours)) == total) or any(
                ours is not None
                and (
                    Decimal(str(ours)) >= Decimal(str(f["value"]))
                    if f["approx"]
                    else Decimal(str(ours)) == Decimal(str(f["value"]))
                )
                for f in figures
            )
            if not ok:
                wrong.append(f"{code}: 报告 {ours}，种子 {[f['value'] for f in figures]}")
            elif "{{" + code + "}}" not in report.sections.get(kind="measures").text:
                wrong.append(f"{code}: 未写入报告正文")
        assert not wrong, wrong
        assert "{{" not in printed
