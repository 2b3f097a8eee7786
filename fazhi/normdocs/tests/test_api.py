"""The normative-documents API: scoped like the screens; moves only through apply()."""

from __future__ import annotations

import json
from datetime import date

import pytest

from fazhi.kit.api import etag_for
from fazhi.normdocs.models import Cleanup, CleanupResult, Document, Issuer, ReviewItem
from fazhi.normdocs.tests.test_rules import published
from fazhi.testing import version_of

pytestmark = pytest.mark.django_db


def _post(client, url: str, data: dict, **headers):
    return client.post(url, json.dumps(data), content_type="application/json", **headers)


@pytest.fixture
def doc(unit_a1):
    return Document.objects.create(unit=unit_a1, title="租赁办法", drafted_on=date(2022, 1, 1))


def test_outsiders_get_404_and_the_leader_403(client_for, liaison_a2, coordinator_b, leader, doc):
    url = f"/api/normdocs/{doc.pk}/transition/"
    body = {"version": version_of(doc), "action": "submit_review", "on": "2022-01-05"}
    for user in (liaison_a2, coordinator_b):
        assert client_for(user).get(f"/api/normdocs/{doc.pk}/").status_code == 404
        assert _post(client_for(user), url, body).status_code == 404
    assert _post(client_for(leader), url, body).status_code == 403
    doc.refresh_from_db()
    assert doc.state == "draft"


def test_a_document_moves_through_review_with_its_deadline(client_for, liaison_a1, doc):
    c = client_for(liaison_a1)
    url = f"/api/normdocs/{doc.pk}/transition/"
    assert _post(c, url, {"version": version_of(doc), "action": "submit_review", "on": "2022-01-05"}).status_code == 200
    r = _post(c, url, {"version": version_of(doc), "action": "review", "on": "2022-01-10", "opinion": "同意"})
    assert r.status_code == 200, r.content
    assert r.json()["state"] == "reviewed" and r.json()["review_opinion"] == "pass"


def test_the_workflow_fields_cannot_be_written_directly(client_for, liaison_a1, doc):
    r = client_for(liaison_a1).patch(
        f"/api/normdocs/{doc.pk}/",
        json.dumps({"state": "in_force", "filed_on": "2022-01-01", "title": "新名称", "version": doc.version}),
        content_type="application/json",
    )
    assert r.status_code == 200
    doc.refresh_from_db()
    assert (doc.state, doc.filed_on, doc.title) == ("draft", None, "新名称")


def test_a_bad_date_is_refused_in_chinese_and_changes_nothing(client_for, liaison_a1, doc):
    r = _post(
        client_for(liaison_a1),
        f"/api/normdocs/{doc.pk}/transition/",
        {"version": version_of(doc), "action": "submit_review", "on": "明天"},
    )
    assert r.status_code == 400 and "有效的日期" in "".join(r.json()["on"])
    doc.refresh_from_db()
    assert doc.state == "draft" and doc.review_received_on is None


def test_a_contract_review_is_registered_but_a_document_review_is_not(
    client_for, liaison_a1, unit_a1
):
    c = client_for(liaison_a1)
    base = {"unit": unit_a1.pk, "title": "供暖特许经营协议", "received_on": "2022-03-01"}
    r = _post(c, "/api/normdoc-reviews/", {**base, "kind": "contract"})
    assert r.status_code == 201, r.content
    r = _post(c, "/api/normdoc-reviews/", {**base, "kind": "normdoc"})
    assert r.status_code == 400
    assert ReviewItem.objects.count() == 1


def test_a_cleanup_outcome_is_recorded_and_applied(client_for, coordinator, county_a):
    doc = published(county_a, coordinator, published_on=date(2020, 5, 6))
    cleanup = Cleanup.objects.create(
        unit=county_a, title="2022年清理", cutoff=date(2022, 3, 31), started_on=date(2022, 4, 1)
    )
    c = client_for(coordinator)
    url = f"/api/normdoc-cleanups/{cleanup.pk}/decide/"
    r = _post(c, url, {"document": doc.pk, "outcome": "废止", "on": "2022-05-01"}, HTTP_IF_MATCH=etag_for(cleanup))
    assert r.status_code == 200, r.content
    doc.refresh_from_db()
    assert doc.state == "repealed"
    # A second outcome for the same document is refused and changes nothing.
    r = _post(c, url, {"document": doc.pk, "outcome": "修改", "on": "2022-05-02"}, HTTP_IF_MATCH=etag_for(cleanup))
    assert r.status_code == 400
    assert CleanupResult.objects.count() == 1


def test_a_cleanup_outcome_for_another_countys_document_is_refused(
    client_for, coordinator, coordinator_b, county_a, county_b
):
    theirs = published(county_b, coordinator_b, published_on=date(2020, 5, 6))
    cleanup = Cleanup.objects.create(
        unit=county_a, title="清理", cutoff=date(2022, 3, 31), started_on=date(2022, 4, 1)
    )
    r = _post(
        client_for(coordinator),
        f"/api/normdoc-cleanups/{cleanup.pk}/decide/",
        {"document": theirs.pk, "outcome": "repeal", "on": "2022-05-01"},
        HTTP_IF_MATCH=etag_for(cleanup),
    )
    assert r.status_code == 400
    theirs.refresh_from_db()
    assert theirs.state == "in_force"


def test_the_issuer_list_is_scoped(client_for, coordinator, coordinator_b, county_a):
    Issuer.objects.create(unit=county_a, listed_on=date(2014, 1, 1))
    assert len(client_for(coordinator).get("/api/normdoc-issuers/").json()) >= 1
    rows = client_for(coordinator_b).get("/api/normdoc-issuers/").json()
    assert rows.get("results", rows) == []


def test_a_move_from_a_stale_version_is_refused_and_changes_nothing(client_for, liaison_a1, doc):
    c = client_for(liaison_a1)
    url = f"/api/normdocs/{doc.pk}/transition/"
    stale = doc.version
    assert _post(c, url, {"version": version_of(doc), "action": "submit_review", "on": "2022-01-05"}).status_code == 200
    r = _post(c, url, {"action": "review", "on": "2022-01-10", "opinion": "同意", "version": stale})
    assert r.status_code == 409
    assert "已被其他人修改" in "".join(r.json()["detail"])
    doc.refresh_from_db()
    assert doc.state == "reviewing" and doc.reviewed_on is None
