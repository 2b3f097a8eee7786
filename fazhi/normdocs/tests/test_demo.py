"""The normative-documents demo reproduces seed 001's 2022 figures and fills the due list."""

from __future__ import annotations

import pytest
from django.db import transaction

from fazhi.core.management.commands.demo import build_county, create_users
from fazhi.deadlines.models import Deadline
from fazhi.indicators.engine import compute
from fazhi.normdocs import demo as normdocs_demo
from fazhi.normdocs.models import Document
from fazhi.normdocs.rules import EXPIRY_PERIOD, FILING_PERIOD


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    # Built once for the module, rolled back at its end (the demo takes seconds).
    with django_db_blocker.unblock(), transaction.atomic():
        ctx = build_county()
        create_users(ctx)
        normdocs_demo.load(ctx)
        yield ctx
        transaction.set_rollback(True)


@pytest.mark.django_db
def test_the_demo_reproduces_seed_001s_2022_figures(demo, django_assert_max_num_queries):
    codes = [
        "normdoc_issued",
        "normdoc_reviewed",
        "normdoc_filed",
        "normdoc_filed_rate",
        "normdoc_filed_timely_rate",
        "normdoc_conform_rate",
        "normdoc_cleanup_modified",
        "normdoc_cleanup_repealed",
        "normdoc_cleanup_kept",
    ]
    with django_assert_max_num_queries(10):
        got = compute(demo.county, 2022, codes)
    # "制定行政规范性文件5件……审核政府其他各类文件、合同、议题65件……修改5件、废止或宣布失效36件"
    assert got == {
        "normdoc_issued": 5,
        "normdoc_reviewed": 65,
        "normdoc_filed": 5,
        "normdoc_filed_rate": 100,
        "normdoc_filed_timely_rate": 100,
        "normdoc_conform_rate": 100,
        "normdoc_cleanup_modified": 5,
        "normdoc_cleanup_repealed": 36,
        "normdoc_cleanup_kept": 6,
    }


@pytest.mark.django_db
def test_the_due_list_has_a_filing_overdue_one_awaiting_filing_and_one_close_to_expiry(demo):
    filing = Deadline.objects.open().filter(period__code=FILING_PERIOD)
    lights = {d.light(demo.today) for d in filing}
    assert "red" in lights and "green" in lights
    expiry = Deadline.objects.open().filter(period__code=EXPIRY_PERIOD, due_date__gte=demo.today)
    soon = expiry.order_by("due_date").first()
    assert soon is not None and (soon.due_date - demo.today).days <= 2
    assert "暂行" in soon.title


@pytest.mark.django_db
def test_no_document_in_force_has_outlived_its_validity(demo):
    assert not Document.objects.in_force().filter(valid_until__lt=demo.today).exists()
    assert (
        not Deadline.objects.open()
        .filter(period__code=EXPIRY_PERIOD, due_date__lt=demo.today)
        .exists()
    )
