"""The screens: scoping, scoring on the rule page, drill-down links, moves, exports,
the manual-score import and rankings."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal as D

import pytest
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from fazhi.assessment import services
from fazhi.assessment.models import ManualScore, ScoreSheet
from fazhi.assessment.tests.helpers import (
    attachment,
    scored_with_attachment,
    sheet_for,
    small_system,
)
from fazhi.normdocs.models import Document

pytestmark = pytest.mark.django_db


@pytest.fixture
def sheet(coordinator, unit_a1):
    Document.objects.create(
        unit=unit_a1, title="文件", drafted_on=date(2022, 1, 5), published_on=date(2022, 3, 1)
    )
    return sheet_for(unit_a1, coordinator)


def _rule_url(sheet, number, name="assessment:rule"):
    return reverse(name, args=[sheet.pk, sheet.system.nodes.get(number=number).pk])


def test_the_assessed_units_liaison_and_the_leader_read_the_sheet_outsiders_get_404(
    sheet, client_for, liaison_a1, leader, liaison_a2, coordinator_b, supervisor
):
    url = sheet.get_absolute_url()
    for user in (liaison_a1, leader, supervisor):
        response = client_for(user).get(url)
        assert response.status_code == 200
        assert "确山县司法局 2022年度考核评分表" in response.content.decode()
    for user in (liaison_a2, coordinator_b):
        assert client_for(user).get(url).status_code == 404
        assert client_for(user).get(_rule_url(sheet, "1.1")).status_code == 404


def test_the_sheet_links_each_automatic_score_to_the_records_behind_it(
    sheet, client_for, coordinator, unit_a1
):
    html = client_for(coordinator).get(sheet.get_absolute_url()).content.decode()
    records = reverse("indicators:records", args=["normdoc_issued"])
    assert f"{records}?unit={unit_a1.pk}&amp;year=2022" in html
    assert reverse("indicators:records", args=["normdoc_filed_rate"]) in html
    assert reverse("indicators:records", args=["recon_overdue"]) in html
    rule = client_for(coordinator).get(_rule_url(sheet, "1.1")).content.decode()
    assert "0%" in rule and "分母：制定行政规范性文件" in rule  # 0 of 1 filed


def test_the_coordinator_scores_a_manual_rule_with_an_attachment(sheet, client_for, coordinator):
    response = client_for(coordinator).post(
        _rule_url(sheet, "1.2", "assessment:score"),
        {
            "points": "1.5",
            "note": "查阅了公开渠道。",
            "attachment": attachment(),
            "version": sheet.version,
        },
    )
    assert response.status_code == 302
    entry = ManualScore.objects.get()
    assert entry.points == D("1.50") and entry.evidence.name == "会议纪要.pdf"
    download = client_for(coordinator).get(
        reverse("assessment:evidence", args=[sheet.pk, entry.pk])
    )
    assert download.status_code == 200 and download.content == b"%PDF-1.4 evidence"
    html = client_for(coordinator).get(sheet.get_absolute_url()).content.decode()
    assert "查阅了公开渠道。" in html


def test_a_manual_score_without_evidence_is_refused_on_the_form(sheet, client_for, coordinator):
    response = client_for(coordinator).post(
        _rule_url(sheet, "1.2", "assessment:score"),
        {"points": "2", "note": "", "version": sheet.version},
    )
    assert response.status_code == 400
    assert "须附评分依据" in response.content.decode()
    assert not ManualScore.objects.exists()


def test_the_assessed_units_liaison_cannot_score_and_the_leader_gets_403(
    sheet, client_for, liaison_a1, leader
):
    url = _rule_url(sheet, "2.2", "assessment:score")
    response = client_for(liaison_a1).post(url, {"points": "1", "version": sheet.version})
    assert response.status_code == 400
    assert "须由考核单位（确山县人民政府）办理" in response.content.decode()
    assert client_for(leader).post(url, {"points": "1"}).status_code == 403
    assert not ManualScore.objects.exists()
    assert (
        "考核评分须由考核单位"
        not in client_for(liaison_a1).get(sheet.get_absolute_url()).content.decode()
    )
    assert (
        "按台账重新计算"
        not in client_for(liaison_a1).get(sheet.get_absolute_url()).content.decode()
    )


def test_a_score_from_a_stale_page_is_refused(sheet, client_for, coordinator):
    stale = sheet.version
    services.enter_manual(sheet, sheet.system.nodes.get(number="2.2"), by=coordinator, points=D(1))
    response = client_for(coordinator).post(
        _rule_url(sheet, "2.2", "assessment:score"), {"points": "0", "version": stale}
    )
    assert response.status_code == 400 and "已被其他人修改" in response.content.decode()
    assert ManualScore.objects.count() == 1


def test_the_coordinator_submits_and_confirms_on_the_detail_page(sheet, client_for, coordinator):
    for number, pts in (("1.2", 2), ("2.2", 1)):
        services.enter_manual(
            sheet,
            sheet.system.nodes.get(number=number),
            by=coordinator,
            points=D(pts),
            note="核查。",
            link="https://a.example",
        )
    sheet.refresh_from_db()
    c = client_for(coordinator)
    r = c.post(
        reverse("assessment:act", args=[sheet.pk, "submit"]),
        {"submit-on": "2023-02-10", "submit-version": sheet.version},
    )
    assert r.status_code == 302
    sheet.refresh_from_db()
    r = c.post(
        reverse("assessment:act", args=[sheet.pk, "confirm"]),
        {"confirm-on": "2023-02-11", "confirm-version": sheet.version},
    )
    assert r.status_code == 302
    assert ScoreSheet.objects.get(pk=sheet.pk).state == "confirmed"


def test_recompute_on_the_screen_updates_the_automatic_scores(
    sheet, client_for, coordinator, unit_a1
):
    assert sheet.auto_scores.get(node__number="1.1").points == D("0.00")
    Document.objects.update(filed_on=date(2022, 3, 5))
    assert (
        client_for(coordinator).post(reverse("assessment:recompute", args=[sheet.pk])).status_code
        == 302
    )
    assert sheet.auto_scores.get(node__number="1.1").points == D("4.00")


def test_the_coordinator_creates_sheets_for_every_unit_under_the_county(
    client_for, coordinator, unit_a1, unit_a2
):
    system = small_system()
    r = client_for(coordinator).post(
        reverse("assessment:new"), {"system": system.pk, "year": 2022, "all_children": "on"}
    )
    assert r.status_code == 302
    assert set(ScoreSheet.objects.values_list("unit__name", flat=True)) == {
        "确山县司法局",
        "确山县市场监督管理局",
    }


def test_a_liaison_cannot_create_their_own_units_sheet(client_for, liaison_a1, unit_a1):
    system = small_system()
    r = client_for(liaison_a1).post(
        reverse("assessment:new"), {"system": system.pk, "year": 2022, "units": [unit_a1.pk]}
    )
    assert r.status_code == 400 and "须由考核单位" in r.content.decode()
    assert not ScoreSheet.objects.exists()


def test_the_sheet_export_has_every_node_with_its_score(sheet, client_for, coordinator):
    r = client_for(coordinator).get(reverse("assessment:sheet_export", args=[sheet.pk]))
    ws = load_workbook(io.BytesIO(r.content)).active
    rows = list(ws.iter_rows(values_only=True))
    by_number = {row[0]: row for row in rows[3:]}
    assert set(by_number) == {"一", "1", "1.1", "1.2", "2", "2.1", "2.2"}
    assert by_number["2.1"][6] == 3.0 and by_number["1.2"][6] is None


def _upload(
    client,
    rows,
    header=("指标体系代码", "被考核单位", "考核年度", "规则编号", "得分", "评分说明", "材料链接"),
):
    wb = Workbook()
    ws = wb.active
    ws.title = "人工评分"
    ws.append(list(header))
    for row in rows:
        ws.append(list(row))
    buf = io.BytesIO()
    wb.save(buf)
    buf.seek(0)
    buf.name = "scores.xlsx"
    return client.post(reverse("assessment:import"), {"file": buf})


def test_importing_manual_scores_writes_every_row_or_none(sheet, client_for, coordinator, unit_a2):
    code = sheet.system.code
    c = client_for(coordinator)
    bad = _upload(
        c,
        [
            (code, "确山县司法局", 2022, "1.2", 2, "查阅了材料。", "https://a.example/1"),
            (code, "确山县司法局", 2022, "2.2", 5, "", ""),  # above the rule's 1 point
            (code, "确山县司法局", 2022, "1.1", 4, "x", "https://a.example/2"),  # automatic rule
            (code, "确山县司法局", 2022, "9.9", 1, "", ""),
            (code, "确山县市场监督管理局", 2022, "2.2", 1, "", ""),  # no sheet
            (code, "不存在的局", 2022, "2.2", 1, "", ""),
        ],
    )
    html = bad.content.decode()
    assert bad.status_code == 200
    assert "超过本项分值1分" in html and "不是人工评分规则" in html and "没有编号为“9.9”" in html
    assert "请先建表" in html and "单位“不存在的局”不存在" in html
    assert "不能为 null" not in html
    assert not ManualScore.objects.exists()
    good = _upload(
        c,
        [
            (code, "确山县司法局", 2022, "1.2", 2, "查阅了材料。", "https://a.example/1"),
            (code, "确山县司法局", 2022, "2.2", 0.5, "", ""),
        ],
    )
    assert good.status_code == 302
    sheet.refresh_from_db()
    assert ManualScore.objects.count() == 2
    assert sheet.total == D("5.50")  # 0 + 2 + 3 + 0.5


def test_the_export_of_manual_scores_imports_back_to_the_same_scores(
    sheet, client_for, coordinator
):
    services.enter_manual(
        sheet,
        sheet.system.nodes.get(number="1.2"),
        by=coordinator,
        points=D("1.5"),
        note="核查。",
        link="https://a.example/1",
    )
    services.enter_manual(sheet, sheet.system.nodes.get(number="2.2"), by=coordinator, points=D(1))
    c = client_for(coordinator)
    exported = c.get(reverse("assessment:export"))
    ws = load_workbook(io.BytesIO(exported.content)).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][:4] == ("指标体系代码", "被考核单位", "考核年度", "规则编号")
    assert {(r[3], r[5]) for r in rows[1:]} == {("1.2", 1.5), ("2.2", 1)}
    before = sheet.total
    ManualScore.objects.all().delete()
    back = _upload(c, [r for r in rows[1:]], header=rows[0])
    assert back.status_code == 302
    sheet.refresh_from_db()
    assert sheet.total == before


def test_importing_into_a_sheet_of_another_county_is_refused(sheet, client_for, coordinator_b):
    r = _upload(
        client_for(coordinator_b), [(sheet.system.code, "确山县司法局", 2022, "2.2", 1, "", "")]
    )
    assert "不在您的管辖范围内" in r.content.decode()
    assert not ManualScore.objects.exists()


def test_the_ranking_screen_and_its_export_list_the_countys_units(
    coordinator, county_a, unit_a1, unit_a2, client_for
):
    system = small_system()
    a1 = sheet_for(unit_a1, coordinator, system=system)
    a2 = sheet_for(unit_a2, coordinator, system=system)
    ScoreSheet.objects.filter(pk=a1.pk).update(total=D("6"))
    ScoreSheet.objects.filter(pk=a2.pk).update(total=D("7.5"))
    c = client_for(coordinator)
    html = c.get(
        reverse("assessment:ranking"), {"unit": county_a.pk, "year": 2022}
    ).content.decode()
    table = html[html.index("<tbody>") :]
    assert table.index("确山县市场监督管理局") < table.index("确山县司法局")
    ws = load_workbook(
        io.BytesIO(
            c.get(reverse("assessment:ranking_export"), {"unit": county_a.pk, "year": 2022}).content
        )
    ).active
    assert [r[:3] for r in ws.iter_rows(min_row=3, values_only=True)] == [
        (1, "确山县市场监督管理局", 7.5),
        (2, "确山县司法局", 6.0),
    ]


def test_the_ranking_of_another_county_is_404_and_a_liaison_sees_no_ranking(
    sheet, client_for, coordinator_b, liaison_a1, county_a
):
    assert (
        client_for(coordinator_b)
        .get(reverse("assessment:ranking"), {"unit": county_a.pk})
        .status_code
        == 404
    )
    html = (
        client_for(liaison_a1).get(reverse("assessment:ranking"), {"year": 2022}).content.decode()
    )
    assert "没有可排名的考核评分表" in html


def test_the_systems_screens_show_the_tree(client_for, leader):
    system = small_system()
    html = client_for(leader).get(reverse("assessment:system", args=[system.pk])).content.decode()
    assert "1个领域、2个项目、4条评分规则（其中自动评分2条）" in html
    assert "报备率（normdoc_filed_rate）" in html
    assert system.name in client_for(leader).get(reverse("assessment:systems")).content.decode()


def test_the_list_filters_by_year_and_is_scoped(sheet, client_for, coordinator, liaison_a2):
    def rows(user, **query):  # the table alone (the htmx partial)
        return (
            client_for(user)
            .get(reverse("assessment:list"), query, HTTP_HX_REQUEST="true")
            .content.decode()
        )

    assert "确山县司法局" in rows(coordinator, year=2022)
    assert "确山县司法局" not in rows(coordinator, year=2021)
    assert "确山县司法局" not in rows(liaison_a2)
    assert "没有符合条件" in rows(liaison_a2)


def test_evidence_of_another_units_sheet_is_404(client_for, coordinator, unit_a1, liaison_a2):
    sheet = scored_with_attachment(unit_a1, coordinator)
    entry = sheet.manual_scores.get()
    assert (
        client_for(liaison_a2)
        .get(reverse("assessment:evidence", args=[sheet.pk, entry.pk]))
        .status_code
        == 404
    )


def test_the_list_and_the_ranking_take_a_bounded_number_of_queries(
    coordinator, county_a, client_for, django_assert_max_num_queries
):
    from fazhi.testing import make_unit

    system = small_system()
    for i in range(6):
        sheet_for(make_unit(f"部门{i}", parent=county_a), coordinator, system=system)
    c = client_for(coordinator)
    with django_assert_max_num_queries(14):
        assert c.get(reverse("assessment:list")).status_code == 200
    with django_assert_max_num_queries(14):
        assert c.get(reverse("assessment:ranking"), {"year": 2022}).status_code == 200


def test_the_list_searches_by_unit_or_indicator_system(sheet, client_for, coordinator):
    def rows(**query):
        return client_for(coordinator).get(reverse("assessment:list"), query, HTTP_HX_REQUEST="true").content.decode()

    assert "确山县司法局" in rows(q="司法局")
    assert "确山县司法局" in rows(q=sheet.system.name[:4])
    assert "确山县司法局" not in rows(q="不存在的单位")
    page = client_for(coordinator).get(reverse("assessment:list"), {"q": "司法局"}).content.decode()
    assert 'name="q" value="司法局"' in page
