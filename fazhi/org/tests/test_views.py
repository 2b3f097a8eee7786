def test_units_page_shows_the_users_subtree(client_for, liaison_a1, unit_a1, unit_a2):
    html = client_for(liaison_a1).get("/org/units/").content.decode()
    assert "确山县司法局" in html
    assert "确山县市场监督管理局" not in html


def test_unit_detail_of_another_unit_is_404(client_for, liaison_a2, unit_a1):
    assert client_for(liaison_a2).get(f"/org/units/{unit_a1.pk}/").status_code == 404


def test_unit_detail_masks_people(client_for, coordinator, unit_a1):
    from fazhi.testing import make_person

    make_person(unit_a1, "张三丰", phone="13812345678")
    html = client_for(coordinator).get(f"/org/units/{unit_a1.pk}/").content.decode()
    assert "张某某" in html and "张三丰" not in html
    assert "138****5678" in html and "13812345678" not in html


def test_pages_require_login(client, unit_a1):
    r = client.get("/org/units/")
    assert r.status_code == 302 and "/login/" in r["Location"]
