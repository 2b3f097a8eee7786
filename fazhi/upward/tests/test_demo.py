"""The demo: 驻马店市 has imported 泌阳县's 2022 file (made on "its own server", none of
its records here) next to 确山县's local records, and its figures add them up."""

from __future__ import annotations

import pytest
from django.db import transaction

from fazhi.core.management.commands.demo import build_county, create_users
from fazhi.indicators.engine import compute, compute_many
from fazhi.reconsideration import demo as recon_demo
from fazhi.reconsideration.models import Application
from fazhi.upward import demo
from fazhi.upward.models import ImportedUnit, Submission

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def ctx(django_db_setup, django_db_blocker):
    """Built once for the module (the synth county takes a while), rolled back after."""
    with django_db_blocker.unblock(), transaction.atomic():
        context = build_county()
        create_users(context)
        recon_demo.load(context)  # 确山县's own records, for the roll-up
        demo.load(context)
        yield context
        transaction.set_rollback(True)


def test_the_city_imported_biyangs_file_and_none_of_its_records_are_here(ctx):
    submission = Submission.objects.get()
    biyang = submission.unit
    assert biyang.name == "泌阳县人民政府" and biyang.parent == ctx.city
    assert ImportedUnit.objects.filter(unit=biyang).exists()
    assert submission.current and submission.receiver == ctx.city
    assert submission.imported_by == ctx.users["city"]
    assert not biyang.children.exists()
    assert not Application.objects.filter(respondent__path__startswith=biyang.path).exists()
    assert submission.report_included, submission.manifest["report"]


def test_the_citys_figures_are_queshans_records_plus_biyangs_file(ctx):
    submission = Submission.objects.get()
    reported = {f.code: f.value for f in submission.figures.all()}
    codes = ["recon_received", "recon_accepted", "recon_closed", "recon_correction_rate", "litig_cases"]
    city = compute(ctx.city, 2022, codes)
    side = compute_many([ctx.county, submission.unit], 2022, codes)
    for code in ("recon_received", "recon_accepted", "recon_closed", "litig_cases"):
        assert reported[code] > 0 or code == "litig_cases"
        assert city[code] == side[ctx.county.pk][code] + side[submission.unit.pk][code], code
        assert side[submission.unit.pk][code] == reported[code], code
    assert city["recon_received"] > side[ctx.county.pk]["recon_received"]
