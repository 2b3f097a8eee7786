import pytest

from fazhi.kit.api import etag_for
from fazhi.testing import make_person


@pytest.fixture
def person_a1(unit_a1):
    return make_person(unit_a1, "张三", phone="13812345678", id_number="11010519491231002X")


def test_the_api_lists_only_records_in_scope(client_for, liaison_a2, person_a1, unit_a2):
    make_person(unit_a2, "李四")
    data = client_for(liaison_a2).get("/api/people/").json()
    assert [p["name"] for p in data["results"]] == ["李四"]


def test_a_liaison_cannot_read_another_units_record_by_api(client_for, liaison_a2, person_a1):
    assert client_for(liaison_a2).get(f"/api/people/{person_a1.pk}/").status_code == 404


def test_a_liaison_cannot_change_another_units_record_by_api(client_for, liaison_a2, person_a1):
    c = client_for(liaison_a2)
    r = c.patch(f"/api/people/{person_a1.pk}/", {"position": "改"}, content_type="application/json")
    assert r.status_code == 404
    person_a1.refresh_from_db()
    assert person_a1.position == ""


def test_a_liaison_cannot_create_a_record_in_another_unit(client_for, liaison_a2, unit_a1):
    r = client_for(liaison_a2).post("/api/people/", {"unit": unit_a1.pk, "name": "某人"}, content_type="application/json")
    assert r.status_code == 403


def test_a_leader_may_read_but_not_write(client_for, leader, person_a1):
    c = client_for(leader)
    assert c.get(f"/api/people/{person_a1.pk}/").status_code == 200
    r = c.patch(f"/api/people/{person_a1.pk}/", {"position": "改"}, content_type="application/json")
    assert r.status_code == 403


def test_the_owner_may_change_its_record(client_for, liaison_a1, person_a1):
    r = client_for(liaison_a1).patch(
        f"/api/people/{person_a1.pk}/", {"position": "科员"}, content_type="application/json",
        HTTP_IF_MATCH=etag_for(person_a1),
    )
    assert r.status_code == 200
    person_a1.refresh_from_db()
    assert person_a1.position == "科员"


def test_personal_numbers_leave_the_api_masked(client_for, liaison_a1, person_a1):
    data = client_for(liaison_a1).get(f"/api/people/{person_a1.pk}/").json()
    assert "phone" not in data and "id_number" not in data
    assert data["phone_masked"] == "138****5678"
    assert data["id_number_masked"] == "110105**********2X"


def test_an_invalid_id_number_is_refused_in_chinese(client_for, liaison_a1, unit_a1):
    r = client_for(liaison_a1).post(
        "/api/people/", {"unit": unit_a1.pk, "name": "某人", "id_number": "110105194912310021"}, content_type="application/json"
    )
    assert r.status_code == 400
    assert "校验码" in str(r.json())


def test_anonymous_requests_are_refused(client, person_a1):
    assert client.get("/api/people/").status_code in (401, 403)
