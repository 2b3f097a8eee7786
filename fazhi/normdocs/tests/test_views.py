from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from fazhi.normdocs.models import Cleanup, CleanupResult, Document, ReviewItem
from fazhi.normdocs.tests.test_rules import published


@pytest.fixture
def doc(unit_a1):
    return Document.objects.create(unit=unit_a1, title="租赁办法", drafted_on=date(2022, 1, 1))


def _queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        r = client.get(url)
    assert r.status_code == 200
    return len(ctx.captured_queries)


def _add(unit, by, n):
    """n published documents, each with a cleanup outcome, a review item and an issuer."""
    cleanup = Cleanup.objects.create(
        unit=unit, title=f"清理{n}", cutoff=date(2022, 3, 31), started_on=date(2022, 4, 1)
    )
    for i in range(n):
        doc = published(unit, by, published_on=date(2020, 3, 2), n=n * 10 + i, title=f"办法{n}{i}")
        cleanup.decide(doc, "keep" if i % 2 else "amend", by=by, on=date(2022, 5, 1))
        ReviewItem.objects.create(
            unit=unit, kind="contract", title=f"合同{n}{i}", received_on=date(2022, 3, 1)
        )


@pytest.mark.django_db
def test_the_list_shows_a1s_documents_to_its_liaison(
    client_for, liaison_a1, doc, unit_a1, django_assert_max_num_queries
):
    _add(unit_a1, liaison_a1, 5)
    c = client_for(liaison_a1)
    c.get("/")  # the session's first request does the sign-in bookkeeping
    with django_assert_max_num_queries(12):
        r = c.get("/normdocs/")
    page = r.content.decode()
    assert "租赁办法" in page and "办法54" in page and "合同54" in page and "清理5" in page


@pytest.mark.django_db
def test_the_lists_queries_do_not_grow_with_its_rows(client_for, liaison_a1, unit_a1):
    c = client_for(liaison_a1)
    c.get("/")
    _add(unit_a1, liaison_a1, 1)
    few = _queries(c, "/normdocs/")
    _add(unit_a1, liaison_a1, 6)
    assert _queries(c, "/normdocs/") == few


@pytest.mark.django_db
def test_the_detail_shows_the_running_deadlines_and_cleanup_outcome(
    client_for, liaison_a1, unit_a1, django_assert_max_num_queries
):
    _add(unit_a1, liaison_a1, 1)
    doc = Document.objects.get(title="办法10")
    c = client_for(liaison_a1)
    c.get("/")  # the session's first request does the sign-in bookkeeping
    with django_assert_max_num_queries(14):
        page = c.get(f"/normdocs/{doc.pk}/").content.decode()
    assert "规范性文件有效期届满" in page and "规范性文件备案" in page
    assert "修改" in page and "清理1" in page


@pytest.mark.django_db
def test_an_outsider_gets_404(client_for, liaison_a2, coordinator_b, doc):
    assert client_for(liaison_a2).get(f"/normdocs/{doc.pk}/").status_code == 404
    assert client_for(coordinator_b).get(f"/normdocs/{doc.pk}/").status_code == 404
    assert "租赁办法" not in client_for(liaison_a2).get("/normdocs/").content.decode()


@pytest.mark.django_db
def test_a_leader_cannot_act(client_for, leader, doc):
    assert (
        client_for(leader)
        .post(f"/normdocs/{doc.pk}/act/submit_review/", {"submit_review-on": "2022-01-02"})
        .status_code
        == 403
    )


@pytest.mark.django_db
def test_a_future_date_is_refused_and_nothing_changes(client_for, liaison_a1, doc):
    r = client_for(liaison_a1).post(
        f"/normdocs/{doc.pk}/act/submit_review/", {"submit_review-on": "2999-01-02"}
    )
    assert r.status_code == 400
    assert "晚于今天" in r.content.decode()
    doc.refresh_from_db()
    assert doc.state == "draft" and doc.review_received_on is None


@pytest.mark.django_db
def test_a_liaison_registers_a_draft(client_for, liaison_a1, unit_a1):
    r = client_for(liaison_a1).post(
        "/normdocs/new/", {"unit": unit_a1.pk, "title": "执法公示办法", "drafted_on": "2022-05-01"}
    )
    assert r.status_code == 302
    assert Document.objects.get(title="执法公示办法").state == "draft"


@pytest.mark.django_db
def test_the_cleanup_screen_records_an_outcome_and_applies_it(
    client_for, coordinator, county_a, unit_a1
):
    doc = published(unit_a1, coordinator, published_on=date(2020, 3, 2))
    cleanup = Cleanup.objects.create(
        unit=county_a, title="2022年清理", cutoff=date(2022, 3, 31), started_on=date(2022, 4, 1)
    )
    c = client_for(coordinator)
    assert doc.title in c.get(f"/normdocs/cleanups/{cleanup.pk}/").content.decode()
    r = c.post(
        f"/normdocs/cleanups/{cleanup.pk}/",
        {"document": doc.pk, "outcome": "invalid", "on": "2022-06-01"},
    )
    assert r.status_code == 302
    doc.refresh_from_db()
    assert doc.state == "invalid"


@pytest.mark.django_db
def test_the_cleanup_screen_refuses_outsiders_and_the_leader(
    client_for, liaison_a2, coordinator_b, leader, county_a, coordinator
):
    doc = published(county_a, coordinator, published_on=date(2020, 3, 2))
    cleanup = Cleanup.objects.create(
        unit=county_a, title="清理", cutoff=date(2022, 3, 31), started_on=date(2022, 4, 1)
    )
    url = f"/normdocs/cleanups/{cleanup.pk}/"
    assert client_for(liaison_a2).get(url).status_code == 404
    assert client_for(coordinator_b).get(url).status_code == 404
    data = {"document": doc.pk, "outcome": "repeal", "on": "2022-06-01"}
    assert client_for(leader).post(url, data).status_code == 403
    doc.refresh_from_db()
    assert doc.state == "in_force" and not CleanupResult.objects.exists()


@pytest.mark.django_db
def test_an_auditor_cannot_read_the_register(client_for, auditor):
    assert client_for(auditor).get("/normdocs/").status_code == 403
