from datetime import date

import pytest

from fazhi.core.workflow import TransitionNotAllowed
from fazhi.indicators.engine import compute
from fazhi.normdocs.models import Cleanup, CleanupResult, Document, Issuer
from fazhi.normdocs.rules import State, default_valid_until


def published(unit, by, *, published_on, title="城区房屋租赁管理办法", n=1):
    Issuer.objects.get_or_create(unit=unit, listed_on=date(2010, 1, 1))
    doc = Document.objects.create(unit=unit, title=title, drafted_on=date(2015, 1, 1))
    doc.apply("submit_review", by=by, on=date(2015, 1, 2))
    doc.apply("review", by=by, on=date(2015, 1, 3), opinion="同意")
    doc.apply("adopt", by=by, on=date(2015, 1, 4))
    doc.apply(
        "publish",
        by=by,
        on=published_on,
        doc_no=f"确政〔{published_on.year}〕{n}号",
        register_no=f"R-{n}",
    )
    return doc


def test_a_document_is_valid_five_years_and_a_provisional_one_two():
    assert default_valid_until(date(2022, 3, 1), False) == date(2027, 2, 28)
    assert default_valid_until(date(2022, 3, 1), True) == date(2024, 2, 29)
    assert default_valid_until(date(2024, 2, 29), False) == date(2029, 2, 28)


@pytest.mark.django_db
def test_the_filing_deadline_is_30_days_and_moves_past_the_national_day_holiday(
    county_a, coordinator
):
    # Published 2022-09-01: day 30 is 2022-10-01, inside the National Day holiday (1–7 Oct),
    # so the period ends on the next working day, Saturday 2022-10-08 (a make-up working day).
    doc = published(county_a, coordinator, published_on=date(2022, 9, 1))
    assert doc.filing_due == date(2022, 10, 8)


@pytest.mark.django_db
def test_the_filing_deadline_on_an_ordinary_working_day_is_day_30(county_a, coordinator):
    doc = published(county_a, coordinator, published_on=date(2022, 3, 2))
    assert doc.filing_due == date(2022, 4, 1)


@pytest.mark.django_db
def test_filing_on_the_last_day_is_timely_and_a_day_later_is_not(county_a, coordinator):
    on_time = published(county_a, coordinator, published_on=date(2022, 9, 1), n=1)
    late = published(county_a, coordinator, published_on=date(2022, 9, 1), n=2, title="另一办法")
    on_time.apply("file", by=coordinator, on=date(2022, 10, 8), conform="是")
    late.apply("file", by=coordinator, on=date(2022, 10, 9), conform="否")
    assert on_time.filed_on_time is True and late.filed_on_time is False
    got = compute(
        county_a,
        2022,
        [
            "normdoc_issued",
            "normdoc_filed",
            "normdoc_filed_rate",
            "normdoc_filed_timely_rate",
            "normdoc_conform_rate",
        ],
    )
    assert got == {
        "normdoc_issued": 2,
        "normdoc_filed": 2,
        "normdoc_filed_rate": 100,
        "normdoc_filed_timely_rate": 50,
        "normdoc_conform_rate": 50,
    }


@pytest.mark.django_db
def test_the_filing_rate_counts_unfiled_documents_against_it(county_a, coordinator):
    published(county_a, coordinator, published_on=date(2022, 5, 5), n=1).apply(
        "file", by=coordinator, on=date(2022, 5, 6)
    )
    published(county_a, coordinator, published_on=date(2022, 5, 5), n=2, title="二")
    published(county_a, coordinator, published_on=date(2022, 5, 5), n=3, title="三")
    assert compute(county_a, 2022, ["normdoc_filed_rate"])["normdoc_filed_rate"] == 33


@pytest.mark.django_db
def test_it_refuses_to_publish_for_a_body_not_on_the_issuer_list(unit_a1, liaison_a1):
    doc = Document.objects.create(unit=unit_a1, title="办法", drafted_on=date(2022, 1, 1))
    doc.apply("submit_review", by=liaison_a1, on=date(2022, 1, 2))
    doc.apply("review", by=liaison_a1, on=date(2022, 1, 3), opinion="同意")
    doc.apply("adopt", by=liaison_a1, on=date(2022, 1, 4))
    with pytest.raises(TransitionNotAllowed, match="制定主体清单"):
        doc.apply(
            "publish",
            by=liaison_a1,
            on=date(2022, 1, 5),
            doc_no="确司〔2022〕1号",
            register_no="R1",
        )
    doc.refresh_from_db()
    assert doc.state == State.ADOPTED and doc.published_on is None


@pytest.mark.django_db
def test_a_failed_review_sends_the_draft_back_and_it_cannot_be_adopted(county_a, coordinator):
    doc = Document.objects.create(unit=county_a, title="办法", drafted_on=date(2022, 1, 1))
    doc.apply("submit_review", by=coordinator, on=date(2022, 1, 2))
    doc.apply("review", by=coordinator, on=date(2022, 1, 3), opinion="不同意（不得印发）")
    assert doc.state == State.DRAFT
    with pytest.raises(TransitionNotAllowed):
        doc.apply("adopt", by=coordinator, on=date(2022, 1, 4))


@pytest.mark.django_db
def test_a_review_opinion_is_taken_by_label_or_code_and_refused_otherwise(county_a, coordinator):
    doc = Document.objects.create(unit=county_a, title="办法", drafted_on=date(2022, 1, 1))
    doc.apply("submit_review", by=coordinator, on=date(2022, 1, 2))
    with pytest.raises(TransitionNotAllowed) as refused:
        doc.apply("review", by=coordinator, on=date(2022, 1, 3), opinion="基本同意")
    assert refused.value.messages == [
        "请选择审核意见（可选：同意、修改后同意、不同意（不得印发））。"
    ]
    doc.refresh_from_db()
    assert doc.state == State.REVIEWING and doc.review_opinion == ""
    doc.apply("review", by=coordinator, on=date(2022, 1, 3), opinion="amend")
    assert doc.review_opinion == "amend"


@pytest.mark.django_db
def test_it_refuses_a_validity_longer_than_five_years(county_a, coordinator):
    Issuer.objects.create(unit=county_a, listed_on=date(2010, 1, 1))
    doc = Document.objects.create(unit=county_a, title="办法", drafted_on=date(2022, 1, 1))
    doc.apply("submit_review", by=coordinator, on=date(2022, 1, 2))
    doc.apply("review", by=coordinator, on=date(2022, 1, 3), opinion="同意")
    doc.apply("adopt", by=coordinator, on=date(2022, 1, 4))
    with pytest.raises(TransitionNotAllowed, match="有效期不得超过5年"):
        doc.apply(
            "publish",
            by=coordinator,
            on=date(2022, 1, 5),
            doc_no="1号",
            register_no="R",
            valid_until=date(2028, 1, 5),
        )


@pytest.mark.django_db
def test_a_document_expires_only_after_its_validity_and_shows_on_the_expiring_list(
    county_a, coordinator
):
    doc = published(county_a, coordinator, published_on=date(2015, 3, 1))
    assert doc.valid_until == date(2020, 2, 29)
    assert list(Document.objects.expiring(on=date(2019, 9, 1), until=date(2020, 3, 1))) == [doc]
    assert not Document.objects.expiring(on=date(2019, 1, 1), until=date(2019, 8, 31)).exists()
    with pytest.raises(TransitionNotAllowed, match="尚未届满"):
        doc.apply("expire", by=coordinator, on=date(2020, 2, 29))
    doc.apply("expire", by=coordinator, on=date(2020, 3, 1))
    assert doc.state == State.EXPIRED


@pytest.mark.django_db
def test_cleanup_outcomes_change_the_documents_and_are_counted(county_a, coordinator):
    docs = [
        published(county_a, coordinator, published_on=date(2016, 5, 5), n=i, title=f"办法{i}")
        for i in range(4)
    ]
    cleanup = Cleanup.objects.create(
        unit=county_a, title="2022年清理", cutoff=date(2022, 3, 31), started_on=date(2022, 4, 1)
    )
    for doc, outcome in zip(docs, ["keep", "amend", "repeal", "invalid"], strict=True):
        cleanup.decide(doc, outcome, by=coordinator, on=date(2022, 6, 1))
    states = [Document.objects.get(pk=d.pk).state for d in docs]
    assert states == [State.IN_FORCE, State.AMENDED, State.REPEALED, State.INVALID]
    got = compute(
        county_a,
        2022,
        ["normdoc_cleanup_kept", "normdoc_cleanup_modified", "normdoc_cleanup_repealed"],
    )
    assert got == {
        "normdoc_cleanup_kept": 1,
        "normdoc_cleanup_modified": 1,
        "normdoc_cleanup_repealed": 2,
    }


@pytest.mark.django_db
def test_cleanup_refuses_a_repealed_document_or_one_issued_after_the_cutoff_and_changes_nothing(
    county_a, coordinator
):
    late = published(county_a, coordinator, published_on=date(2022, 5, 5), n=1)
    cleanup = Cleanup.objects.create(
        unit=county_a, title="清理", cutoff=date(2022, 3, 31), started_on=date(2022, 4, 1)
    )
    with pytest.raises(TransitionNotAllowed, match="不在清理范围内"):
        cleanup.decide(late, "repeal", by=coordinator, on=date(2022, 6, 1))
    old = published(county_a, coordinator, published_on=date(2016, 5, 5), n=2, title="旧")
    cleanup.decide(old, "repeal", by=coordinator, on=date(2022, 6, 1))
    with pytest.raises(TransitionNotAllowed):
        cleanup.decide(old, "amend", by=coordinator, on=date(2022, 6, 2))
    assert CleanupResult.objects.count() == 1
    assert Document.objects.get(pk=late.pk).state == State.IN_FORCE


@pytest.mark.django_db
def test_the_issuer_list_counts_bodies_listed_at_the_period_end(county_a, unit_a1, unit_a2):
    Issuer.objects.create(unit=county_a, listed_on=date(2020, 1, 1))
    Issuer.objects.create(unit=unit_a1, listed_on=date(2020, 1, 1), delisted_on=date(2022, 6, 1))
    Issuer.objects.create(unit=unit_a2, listed_on=date(2023, 1, 1))
    assert compute(county_a, 2022, ["normdoc_issuers"])["normdoc_issuers"] == 1
