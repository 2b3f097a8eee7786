"""The screens: export button (coordinator, audited), upload (the receiving unit's
coordinator), list and detail scoped like every register, key registration."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from fazhi.audit.models import Action, Entry
from fazhi.org.models import Role
from fazhi.testing import make_user
from fazhi.upward.models import Submission, TrustedKey
from fazhi.upward.receive import receive
from fazhi.upward.tests.conftest import BIYANG_USCC, compressed_span, send_from_elsewhere, trust

pytestmark = pytest.mark.usefixtures("small_catalogue")


@pytest.fixture
def city_coordinator(coded):
    return make_user("city_coord", coded["city"], Role.COORDINATOR)


@pytest.fixture
def imported(coded):
    sent = send_from_elsewhere(coded["city"])
    trust(coded["city"], sent)
    return receive(sent.data, into=coded["city"]).submission


def test_the_county_coordinator_exports_the_countys_file_and_the_export_is_audited(coded, coordinator, client_for):
    response = client_for(coordinator).post(reverse("upward:send"), {"unit": coded["county_a"].pk, "year": 2022})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response.content[:2] == b"PK"
    assert Entry.objects.filter(action=Action.EXPORT, verb="导出上报文件").count() == 1


def test_a_liaison_or_leader_may_not_export(coded, liaison_a1, leader, client_for):
    for user in (liaison_a1, leader):
        response = client_for(user).post(reverse("upward:send"), {"unit": coded["county_a"].pk, "year": 2022})
        assert response.status_code == 403
    assert not Entry.objects.filter(action=Action.EXPORT).exists()


def test_a_coordinator_cannot_export_another_unit(coded, coordinator_b, client_for):
    response = client_for(coordinator_b).post(reverse("upward:send"), {"unit": coded["county_a"].pk, "year": 2022})
    assert response.status_code == 200
    assert "只能导出本单位" in response.content.decode()
    assert not Entry.objects.filter(action=Action.EXPORT).exists()


def test_a_unit_without_its_code_gets_a_clear_message(county_a, coordinator, client_for):
    response = client_for(coordinator).post(reverse("upward:send"), {"unit": county_a.pk, "year": 2022})
    assert "未填写统一社会信用代码" in response.content.decode()


def test_the_city_coordinator_uploads_files_and_sees_each_result(coded, city_coordinator, client_for):
    good = send_from_elsewhere(coded["city"])
    trust(coded["city"], good)
    files = [
        SimpleUploadedFile("泌阳县2022.zip", good.data, content_type="application/zip"),
        SimpleUploadedFile("坏文件.zip", b"not a zip", content_type="application/zip"),
    ]
    response = client_for(city_coordinator).post(reverse("upward:import"), {"files": files})
    text = response.content.decode()
    assert response.status_code == 200
    assert "已导入泌阳县人民政府2022年度上报文件" in text
    assert "不是 zip 压缩包" in text
    assert Submission.objects.count() == 1


def test_a_liaison_may_not_import(coded, liaison_a1, client_for):
    good = send_from_elsewhere(coded["city"])
    trust(coded["city"], good)
    response = client_for(liaison_a1).post(
        reverse("upward:import"), {"files": [SimpleUploadedFile("a.zip", good.data)]}
    )
    assert response.status_code == 403
    assert not Submission.objects.exists()


def test_a_county_coordinator_importing_a_sibling_countys_file_is_refused(coded, coordinator, client_for):
    good = send_from_elsewhere(coded["city"])
    TrustedKey.objects.create(
        unit=coded["county_a"], uscc=BIYANG_USCC, name="泌阳县", public_key=good.public_key, fingerprint=good.fingerprint
    )
    response = client_for(coordinator).post(reverse("upward:import"), {"files": [SimpleUploadedFile("a.zip", good.data)]})
    assert "不是接收单位" in response.content.decode()
    assert not Submission.objects.exists()


def test_the_list_and_detail_are_scoped(imported, city_coordinator, coordinator_b, coordinator, supervisor, client_for):
    assert "泌阳县人民政府" in client_for(city_coordinator).get(reverse("upward:list")).content.decode()
    assert "泌阳县人民政府" in client_for(supervisor).get(reverse("upward:list")).content.decode()
    assert "泌阳县人民政府" not in client_for(coordinator).get(reverse("upward:list")).content.decode()
    url = reverse("upward:detail", args=[imported.pk])
    assert client_for(city_coordinator).get(url).status_code == 200
    assert client_for(coordinator).get(url).status_code == 404
    assert client_for(coordinator_b).get(url).status_code == 404
    assert client_for(coordinator).get(reverse("upward:download", args=[imported.pk])).status_code == 404


def test_the_detail_shows_the_figures_and_the_file_downloads_as_imported(imported, city_coordinator, client_for):
    client = client_for(city_coordinator)
    text = client.get(reverse("upward:detail", args=[imported.pk])).content.decode()
    assert "负责人占比" in text and "25.0%" in text
    response = client.get(reverse("upward:download", args=[imported.pk]))
    assert response.content == bytes(imported.content)
    assert Entry.objects.filter(action=Action.EXPORT, verb="下载上报文件").count() == 1


def test_the_citys_indicator_screens_include_the_imported_county(imported, coded, city_coordinator, client_for):
    client = client_for(city_coordinator)
    response = client.get(reverse("indicators:compare"), {"unit": coded["city"].pk, "year": 2022, "code": "people"})
    assert response.status_code == 200
    rows = {r["unit"].name: r["cells"][0]["value"] for r in response.context["rows"]}
    assert rows["泌阳县人民政府"] == 4


def test_the_city_coordinator_registers_and_revokes_a_key(coded, city_coordinator, liaison_a1, client_for):
    good = send_from_elsewhere(coded["city"])
    client = client_for(city_coordinator)
    response = client.post(
        reverse("upward:keys"), {"uscc": BIYANG_USCC, "name": "泌阳县人民政府", "public_key": good.public_key, "note": ""}
    )
    assert response.status_code == 302
    key = TrustedKey.objects.get()
    assert key.unit == coded["city"] and key.fingerprint == good.fingerprint
    bad = client.post(reverse("upward:keys"), {"uscc": BIYANG_USCC, "name": "x", "public_key": "not-base64!", "note": ""})
    assert "Base64" in bad.content.decode()
    assert client_for(liaison_a1).post(
        reverse("upward:keys"), {"uscc": BIYANG_USCC, "name": "x", "public_key": good.public_key}
    ).status_code == 403
    client.post(reverse("upward:revoke_key", args=[key.pk]))
    key.refresh_from_db()
    assert not key.active


def test_an_auditor_gets_403_on_the_screens(auditor, client_for):
    for name in ("upward:list", "upward:send", "upward:keys", "upward:import"):
        assert client_for(auditor).get(reverse(name)).status_code == 403


def test_the_records_behind_a_citys_figure_say_which_county_was_imported(imported, coded, city_coordinator, client_for):
    response = client_for(city_coordinator).get(
        reverse("indicators:records", args=["people"]), {"unit": coded["city"].pk, "year": 2022}
    )
    text = response.content.decode()
    assert "人员：4名" in text
    assert "泌阳县人民政府的数据来自其上报文件" in text


def test_the_figures_export_as_a_workbook(imported, city_coordinator, coordinator, client_for):
    import io

    from openpyxl import load_workbook

    url = reverse("upward:figures_xlsx", args=[imported.pk])
    response = client_for(city_coordinator).get(url)
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[0][:4] == ("报送单位", "年度", "指标代码", "指标名称")
    assert ("泌阳县人民政府", 2022, "people", "人员", "名", 4, "人员数") in rows
    assert client_for(coordinator).get(url).status_code == 404


def test_the_api_lists_the_submissions_in_scope_read_only(imported, city_coordinator, coordinator, client_for):
    client = client_for(city_coordinator)
    rows = client.get("/api/upward-submissions/", {"year": 2022, "current": "1"}).json()
    rows = rows.get("results", rows) if isinstance(rows, dict) else rows
    assert [r["unit_name"] for r in rows] == ["泌阳县人民政府"]
    people = next(f for f in rows[0]["figures"] if f["code"] == "people")
    assert people["raw"] == 4
    assert client.post("/api/upward-submissions/", {}, content_type="application/json").status_code == 405
    assert client.delete(f"/api/upward-submissions/{imported.pk}/").status_code == 405
    assert client_for(coordinator).get(f"/api/upward-submissions/{imported.pk}/").status_code == 404


def test_a_damaged_upload_is_a_refusal_on_the_page_not_a_server_error(coded, city_coordinator, client_for):
    good = send_from_elsewhere(coded["city"])
    trust(coded["city"], good)
    begin, _end = compressed_span(good.data, "figures.json")
    broken = bytearray(good.data)
    broken[begin + 5] ^= 0xFF  # a bad USB stick: one byte of the deflate stream
    response = client_for(city_coordinator).post(
        reverse("upward:import"), {"files": [SimpleUploadedFile("坏U盘.zip", bytes(broken))]}
    )
    assert response.status_code == 200
    assert "无法解压" in response.content.decode()
    assert not Submission.objects.exists()
    assert Entry.objects.filter(verb="拒绝导入上报文件", user=city_coordinator).count() == 1
