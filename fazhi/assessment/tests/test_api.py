"""The API: sheets scoped like the screens, manual scoring, recompute and moves."""

from __future__ import annotations

import json
from decimal import Decimal as D

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from fazhi.assessment.models import ManualScore, ScoreSheet
from fazhi.assessment.tests.helpers import sheet_for, small_system

pytestmark = pytest.mark.django_db
BASE = "/api/assessment-sheets/"


def api(user):
    c = APIClient()
    c.force_authenticate(user)
    return c


@pytest.fixture
def sheet(coordinator, unit_a1):
    return sheet_for(unit_a1, coordinator)


def test_the_sheet_lists_each_score_with_its_value_and_the_records_behind_it(
    sheet, liaison_a1, unit_a1
):
    data = api(liaison_a1).get(f"{BASE}{sheet.pk}/").json()
    rule = next(s for s in data["scores"] if s["number"] == "2.1")
    assert rule["method"] == "deduction" and rule["value"] == "0.0000" and rule["points"] == "3.00"
    assert (
        rule["records"][0]["url"]
        == f"/indicators/records/recon_overdue/?unit={unit_a1.pk}&year=2022"
    )
    assert data["allowed_actions"] == []


def test_outsiders_do_not_see_the_sheet(sheet, liaison_a2, coordinator_b):
    for user in (liaison_a2, coordinator_b):
        assert api(user).get(f"{BASE}{sheet.pk}/").status_code == 404
        assert _items(api(user).get(BASE).json()) == []


def _v(pk):
    """The version an API write must carry (issue 17 item 8)."""
    return ScoreSheet.objects.get(pk=pk).version


def _items(data):
    return data["results"] if isinstance(data, dict) and "results" in data else data


def test_the_assessor_scores_a_manual_rule_and_the_total_follows(sheet, coordinator):
    r = api(coordinator).post(
        f"{BASE}{sheet.pk}/score/",
        {"rule": "1.2", "points": "1.5", "note": "查阅了材料。", "link": "https://a.example/1", "version": _v(sheet.pk)},
        format="json",
    )
    assert r.status_code == 200, r.content
    # 4 (no documents issued: no data, full points) + 1.5 + 3 (no overdue cases)
    assert r.json()["total"] == "8.50"
    assert ManualScore.objects.get().points == D("1.50")


def test_a_score_without_evidence_or_by_the_assessed_unit_is_refused(
    sheet, coordinator, liaison_a1, leader
):
    r = api(coordinator).post(
        f"{BASE}{sheet.pk}/score/", {"rule": "1.2", "points": "1", "version": _v(sheet.pk)}, format="json"
    )
    assert r.status_code == 400 and "评分说明" in json.dumps(r.json(), ensure_ascii=False)
    r = api(liaison_a1).post(
        f"{BASE}{sheet.pk}/score/", {"rule": "2.2", "points": "1", "version": _v(sheet.pk)}, format="json"
    )
    assert r.status_code == 400 and "须由考核单位" in json.dumps(r.json(), ensure_ascii=False)
    assert (
        api(leader)
        .post(f"{BASE}{sheet.pk}/score/", {"rule": "2.2", "points": "1", "version": _v(sheet.pk)}, format="json")
        .status_code
        == 403
    )
    r = api(coordinator).post(
        f"{BASE}{sheet.pk}/score/", {"rule": "1.1", "points": "1", "version": _v(sheet.pk)}, format="json"
    )
    assert r.status_code == 400 and "不是本指标体系的人工评分规则" in json.dumps(
        r.json(), ensure_ascii=False
    )
    assert not ManualScore.objects.exists()


def test_a_sheet_is_created_recomputed_and_moved_through_the_api(coordinator, unit_a2):
    system = small_system()
    c = api(coordinator)
    r = c.post(BASE, {"system": system.pk, "unit": unit_a2.pk, "year": 2022}, format="json")
    assert r.status_code == 201, r.content
    pk = r.json()["id"]
    assert r.json()["assessor_name"] == "确山县人民政府"
    assert c.post(f"{BASE}{pk}/recompute/", {"version": _v(pk)}, format="json").status_code == 200
    c.post(
        f"{BASE}{pk}/score/",
        {"rule": "1.2", "points": "2", "note": "核查。", "link": "https://a.example", "version": _v(pk)},
        format="json",
    )
    c.post(f"{BASE}{pk}/score/", {"rule": "2.2", "points": "1", "version": _v(pk)}, format="json")
    version = ScoreSheet.objects.get(pk=pk).version
    r = c.post(
        f"{BASE}{pk}/transition/",
        {"action": "submit", "on": str(timezone.localdate()), "version": version},
        format="json",
    )
    assert r.status_code == 200, r.content
    assert r.json()["state"] == "submitted"
    assert c.delete(f"{BASE}{pk}/", HTTP_IF_MATCH=f'"{_v(pk)}"').status_code == 400  # only a draft may be deleted


def test_a_liaison_cannot_create_or_edit_their_own_sheet(sheet, liaison_a1, unit_a1):
    c = api(liaison_a1)
    r = c.post(BASE, {"system": sheet.system.pk, "unit": unit_a1.pk, "year": 2021}, format="json")
    assert r.status_code == 400 and "须由考核单位" in json.dumps(r.json(), ensure_ascii=False)
    assert c.patch(f"{BASE}{sheet.pk}/", {"note": "自评很好", "version": _v(sheet.pk)}, format="json").status_code == 400
    assert ScoreSheet.objects.get(pk=sheet.pk).note == ""
