"""The annual report screens: login, scope, outsiders' 404, edit, validate, issue, download."""

import io

import pytest
from django.urls import reverse
from docx import Document

from fazhi.audit.models import Action, Entry
from fazhi.reports import annual
from fazhi.reports.models import AnnualReport, ReportFigure, Status
from fazhi.reports.tests import fakes

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(staffed, county_a):
    return annual.create_draft(county_a, 2022)


@pytest.mark.parametrize("name", ["reports:list"])
def test_the_list_requires_login(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_the_detail_requires_login(client, report):
    assert client.get(reverse("reports:detail", args=[report.pk])).status_code == 302


def test_the_list_shows_reports_in_scope_only(report, coordinator, coordinator_b, client_for):
    assert "确山县人民政府" in client_for(coordinator).get(reverse("reports:list")).content.decode()
    assert (
        report.title.splitlines()[0]
        not in client_for(coordinator_b).get(reverse("reports:list")).content.decode()
    )


def test_a_coordinator_creates_a_first_draft_from_the_records(
    staffed, coordinator, county_a, client_for
):
    response = client_for(coordinator).post(reverse("reports:create"), {"year": "2022"})
    report = AnnualReport.objects.get(unit=county_a, year=2022)
    assert response.status_code == 302 and response["Location"] == report.get_absolute_url()
    assert report.sections.count() == 5


def test_creating_with_a_bad_year_says_so_in_chinese(staffed, coordinator, client_for):
    response = client_for(coordinator).post(
        reverse("reports:create"), {"year": "二〇二二"}, follow=True
    )
    assert "报告年度“二〇二二”无效" in response.content.decode()
    assert not AnnualReport.objects.exists()


def test_a_leader_may_read_but_not_create(staffed, leader, client_for):
    assert client_for(leader).post(reverse("reports:create"), {"year": "2022"}).status_code == 403


def test_the_detail_shows_figures_problems_and_the_deadline(report, coordinator, client_for):
    html = client_for(coordinator).get(reverse("reports:detail", args=[report.pk])).content.decode()
    assert 'data-code="people"' in html and ">4名</a>" in html and ">50%</a>" in html
    assert "2023年3月31日前" in html and "尚未填写" in html


def test_outsiders_get_404_everywhere(report, coordinator_b, liaison_a1, client_for):
    for user in (coordinator_b, liaison_a1):
        c = client_for(user)
        for name in ("detail", "preview", "edit_header"):
            assert c.get(reverse(f"reports:{name}", args=[report.pk])).status_code == 404
        assert c.get(reverse("reports:download", args=[report.pk, "docx"])).status_code == 404
        assert c.post(reverse("reports:issue", args=[report.pk])).status_code == 404


def test_editing_a_section_saves_its_text(report, coordinator, client_for):
    section = report.sections.get(kind="plans")
    url = reverse("reports:edit_section", args=[report.pk, section.pk])
    c = client_for(coordinator)
    assert "{{people}}" in c.get(url).content.decode()
    response = c.post(
        url,
        {
            "heading": section.heading,
            "position": section.position,
            "text": "继续推进，人员{{people}}。",
            "version": section.version,
        },
    )
    assert response.status_code == 302
    section.refresh_from_db()
    assert section.text == "继续推进，人员{{people}}。"
    latest = section.revisions.first()
    assert latest.number == 2 and latest.changed_by == coordinator and latest.text == section.text
    assert section.revisions.last().note == "按记录生成的初稿"


def test_two_people_editing_a_section_cannot_overwrite_each_other(report, coordinator, client_for):
    section = report.sections.get(kind="plans")
    url = reverse("reports:edit_section", args=[report.pk, section.pk])
    loaded = section.version
    first = {"heading": section.heading, "position": section.position, "version": loaded}
    c = client_for(coordinator)
    assert c.post(url, {**first, "text": "甲的修改。"}).status_code == 302
    response = c.post(url, {**first, "text": "乙的修改。"})
    assert response.status_code == 200 and "未保存：您编辑期间，统筹员已保存了" in response.content.decode()
    assert "乙的修改。" in response.content.decode()  # the second editor's text is not lost
    section.refresh_from_db()
    assert section.text == "甲的修改。" and section.revisions.count() == 2


def test_figures_show_where_they_come_from(report, coordinator, client_for):
    section = report.sections.get(kind="measures")
    section.text = "（一）队伍。人员{{people}}，负责人{{principals}}，另有临时人员7名。"
    section.save()
    ReportFigure.objects.create(report=report, code="principals", value=3, source="人事报表")
    html = client_for(coordinator).get(reverse("reports:detail", args=[report.pk])).content.decode()
    # A live field opens the records behind it.
    assert f'href="/indicators/records/people/?unit={report.unit.pk}&amp;year=2022"' in html
    # A figure entered by hand and one typed into the text are marked as such.
    assert "手工填报（来源：人事报表）" in html and "3名<sup>手填</sup>" in html
    assert '<mark class="typed-figure" title="手工输入的数字，未关联记录">7名</mark>' in html


def test_editing_the_header_refuses_a_stale_copy(report, coordinator, client_for):
    c = client_for(coordinator)
    data = {
        "title": "新标题",
        "issuer_mark": "确山县人民政府文件",
        "doc_number": "确政文〔2023〕47号",
        "addressee": "驻马店市人民政府",
        "signature": "确山县人民政府",
        "dated": "2023-03-01",
        "intro": "",
        "copy_to": "",
        "printed_by": "",
        "printed_on": "",
        "version": report.version,
    }
    assert c.post(reverse("reports:edit_header", args=[report.pk]), data).status_code == 302
    report.refresh_from_db()
    assert report.doc_number == "确政文〔2023〕47号"
    html = c.post(
        reverse("reports:edit_header", args=[report.pk]), data, follow=True
    ).content.decode()
    assert "已被其他人修改" in html


def test_a_hand_entered_figure_with_an_unknown_code_is_refused(report, coordinator, client_for):
    url = reverse("reports:add_figure", args=[report.pk])
    html = (
        client_for(coordinator)
        .post(url, {"code": "nope", "value": "3", "source": "x"}, follow=True)
        .content.decode()
    )
    assert "指标代码“nope”不在指标目录中" in html and not ReportFigure.objects.exists()


def test_a_wrong_hand_entered_rate_shows_up_in_the_validation(report, coordinator, client_for):
    c = client_for(coordinator)
    c.post(
        reverse("reports:add_figure", args=[report.pk]),
        {"code": "principal_rate", "value": "80", "source": "手工"},
    )
    html = c.get(reverse("reports:detail", args=[report.pk])).content.decode()
    assert "应为50%" in html


def test_issuing_refuses_an_invalid_report_and_accepts_a_valid_one(report, coordinator, client_for):
    c = client_for(coordinator)
    html = c.post(reverse("reports:issue", args=[report.pk]), follow=True).content.decode()
    assert "未能签发" in html
    report.refresh_from_db()
    assert report.status == Status.DRAFT
    fakes.answer_prompts(report)
    c.post(reverse("reports:issue", args=[report.pk]))
    report.refresh_from_db()
    assert report.status == Status.ISSUED
    assert Entry.objects.filter(action=Action.ISSUE).count() == 1


def test_the_report_goes_from_draft_through_review_to_issued_and_published(
    report, coordinator, client_for
):
    from fazhi.deadlines.models import Deadline

    deadline = Deadline.objects.for_record(report).get(period__code="annual_report")
    assert deadline.due_date.isoformat() == "2023-04-01" and deadline.met_on is None
    c = client_for(coordinator)
    act = lambda action, **data: c.post(  # noqa: E731
        reverse("reports:act", args=[report.pk, action]), {"version": report.version, **data}, follow=True
    )
    act("submit")
    report.refresh_from_db()
    assert report.status == Status.REVIEW
    act("send_back", note="请补充数据")
    report.refresh_from_db()
    assert report.status == Status.DRAFT
    stale = report.version
    act("submit")
    assert "未办理" in c.post(reverse("reports:act", args=[report.pk, "send_back"]), {"version": stale}, follow=True).content.decode()
    fakes.answer_prompts(report)
    c.post(reverse("reports:issue", args=[report.pk]))
    report.refresh_from_db()
    assert report.status == Status.ISSUED
    html = act("publish").content.decode()
    report.refresh_from_db()
    assert report.status == Status.PUBLISHED and report.published_on is not None and "已公开" in html
    deadline.refresh_from_db()
    assert deadline.met_on == report.published_on


def test_an_issued_report_cannot_be_edited_through_the_screens(report, coordinator, client_for):
    from fazhi.reports.actions import issue

    issue(fakes.answer_prompts(report), by=coordinator)
    c = client_for(coordinator)
    assert c.get(reverse("reports:edit_header", args=[report.pk])).status_code == 403
    section = report.sections.first()
    assert (
        c.post(
            reverse("reports:edit_section", args=[report.pk, section.pk]), {"text": "x"}
        ).status_code
        == 403
    )


def test_a_leader_reads_and_downloads_but_cannot_issue(report, leader, client_for):
    c = client_for(leader)
    assert c.get(reverse("reports:detail", args=[report.pk])).status_code == 200
    assert c.get(reverse("reports:download", args=[report.pk, "docx"])).status_code == 200
    assert c.post(reverse("reports:issue", args=[report.pk])).status_code == 403


def test_download_docx_is_a_gbt9704_document_with_names_anonymised(report, coordinator, client_for):
    s = report.sections.get(kind="principals")
    s.text = "县长张伟同志带头述法。"
    s.save()
    response = client_for(coordinator).get(reverse("reports:download", args=[report.pk, "docx"]))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    doc = Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "张某某同志" in text and "张伟" not in text and "人员4名" in text
    assert Entry.objects.filter(action=Action.EXPORT).exists()


def test_preview_is_html_with_the_figures(report, coordinator, client_for):
    response = client_for(coordinator).get(reverse("reports:preview", args=[report.pk]))
    assert response.status_code == 200 and "人员4名" in response.content.decode()


def test_an_unknown_download_format_is_404(report, coordinator, client_for):
    assert (
        client_for(coordinator)
        .get(reverse("reports:download", args=[report.pk, "odt"]))
        .status_code
        == 404
    )


def test_the_detail_query_count_is_bounded(
    report, coordinator, client_for, django_assert_max_num_queries
):
    c = client_for(coordinator)
    with django_assert_max_num_queries(15):
        assert c.get(reverse("reports:detail", args=[report.pk])).status_code == 200


def test_the_pdf_button_shows_only_where_the_server_can_convert(report, coordinator, client_for, monkeypatch):
    from fazhi.documents import convert

    pdf_url = reverse("reports:download", args=[report.pk, "pdf"])
    monkeypatch.setattr(convert, "find_soffice", lambda: None)
    page = client_for(coordinator).get(report.get_absolute_url()).content.decode()
    assert pdf_url not in page
    assert "未安装 LibreOffice" in page and "下载 .docx" in page
    monkeypatch.setattr(convert, "find_soffice", lambda: "/usr/bin/soffice")
    page = client_for(coordinator).get(report.get_absolute_url()).content.decode()
    assert pdf_url in page and "未安装 LibreOffice" not in page
