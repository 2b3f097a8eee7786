"""The screens: case list and detail with its buttons, officers, reviews, letters,
leniency, figures and the yearly publication (table, xlsx, docx)."""

from __future__ import annotations

import io
from datetime import date

import pytest
from docx import Document
from openpyxl import load_workbook

from fazhi.enforcement.models import Case, DataPublication, FileReview, SupervisionLetter
from fazhi.enforcement.rules import CaseState, CriterionTier
from fazhi.enforcement.tests.helpers import case, certificate, sheet

pytestmark = pytest.mark.django_db


@pytest.fixture
def case_a1(coordinator, unit_a1):
    return case(coordinator, unit_a1, party_name="张三丰")


def test_the_case_list_masks_parties_filters_and_is_scoped(
    client_for, coordinator, liaison_a2, unit_a1, unit_a2, django_assert_max_num_queries
):
    case(coordinator, unit_a1, party_name="张三丰")
    for _ in range(30):
        case(coordinator, unit_a2, party_name="李四光", kind="permit")
    c = client_for(coordinator)
    with django_assert_max_num_queries(12):
        page = c.get("/enforcement/").content.decode()
    assert "张某某" in page and "李某某" in page and "张三丰" not in page
    assert "张某某" not in c.get("/enforcement/", {"kind": "permit"}).content.decode()
    assert "张某某" not in client_for(liaison_a2).get("/enforcement/").content.decode()
    assert "<html" not in c.get("/enforcement/", HTTP_HX_REQUEST="true").content.decode()


def test_registering_a_case_opens_it(client_for, coordinator, unit_a1):
    response = client_for(coordinator).post(
        "/enforcement/cases/new/",
        {
            "unit": unit_a1.pk,
            "kind": "penalty",
            "party_name": "王五",
            "party_kind": "person",
            "matter": "无证经营",
            "opened_on": "2024-03-01",
        },
    )
    c = Case.objects.get()
    assert response.status_code == 302 and c.state == CaseState.OPEN


def test_a_bad_case_form_is_refused_in_chinese(client_for, coordinator, unit_a1):
    response = client_for(coordinator).post(
        "/enforcement/cases/new/",
        {
            "unit": unit_a1.pk,
            "kind": "penalty",
            "party_name": "王五",
            "party_kind": "person",
            "matter": "x",
            "opened_on": "2999-03-01",
        },
    )
    assert response.status_code == 200 and "晚于今天" in response.content.decode()
    assert not Case.objects.exists()


def test_the_detail_shows_the_buttons_and_a_move_goes_through_apply(
    client_for, coordinator, case_a1
):
    c = client_for(coordinator)
    page = c.get(f"/enforcement/cases/{case_a1.pk}/").content.decode()
    assert (
        "作出决定（办结）" in page and "作出处罚决定" in page
    )  # the button and the running period
    response = c.post(
        f"/enforcement/cases/{case_a1.pk}/act/decide/",
        {"decide-on": "2024-09-20", "decide-full_record": "on"},
    )
    assert response.status_code == 302
    case_a1.refresh_from_db()
    assert case_a1.state == CaseState.DECIDED and case_a1.full_record


def test_a_refused_move_shows_why_and_changes_nothing(client_for, coordinator, unit_a1):
    major = case(coordinator, unit_a1, is_major=True)
    response = client_for(coordinator).post(
        f"/enforcement/cases/{major.pk}/act/decide/", {"decide-on": "2024-09-20"}
    )
    assert response.status_code == 400 and "法制审核" in response.content.decode()
    major.refresh_from_db()
    assert major.state == CaseState.OPEN


def test_outsiders_get_404_and_the_leader_403(
    client_for, liaison_a2, coordinator_b, leader, case_a1
):
    for user in (liaison_a2, coordinator_b):
        c = client_for(user)
        assert c.get(f"/enforcement/cases/{case_a1.pk}/").status_code == 404
        assert (
            c.post(
                f"/enforcement/cases/{case_a1.pk}/act/decide/", {"decide-on": "2024-09-20"}
            ).status_code
            == 404
        )
    lc = client_for(leader)
    assert lc.get(f"/enforcement/cases/{case_a1.pk}/").status_code == 200
    assert (
        lc.post(
            f"/enforcement/cases/{case_a1.pk}/act/decide/", {"decide-on": "2024-09-20"}
        ).status_code
        == 403
    )
    assert lc.post("/enforcement/cases/new/", {}).status_code == 403


def test_the_officers_screen_shows_who_may_not_enforce_and_certificates_act(
    client_for, coordinator, liaison_a2, unit_a1
):
    certificate(coordinator, unit_a1, "豫A1", name="张三丰", valid_until=date(2023, 12, 31))
    cert = certificate(coordinator, unit_a1, "豫A2", name="李四光", valid_until=date(2031, 1, 1))
    c = client_for(coordinator)
    page = c.get("/enforcement/officers/").content.decode()
    assert "张某某" in page and "张三丰" not in page
    response = c.post(
        f"/enforcement/certificates/{cert.pk}/act/pass_review/",
        {
            "pass_review-on": "2024-12-01",
            "pass_review-year": "2024",
            "pass_review-training_hours": "45",
        },
    )
    assert response.status_code == 302 and cert.reviews.count() == 1
    assert client_for(liaison_a2).get(f"/enforcement/certificates/{cert.pk}/").status_code == 404


def test_scoring_a_file_on_the_screen(client_for, coordinator, county_a, unit_a1, liaison_a2):
    s = sheet(coordinator, county_a)
    form = s.criteria.get(tier=CriterionTier.FORM)
    c = client_for(coordinator)
    assert "按“" in c.get("/enforcement/reviews/").content.decode()
    response = c.post(
        f"/enforcement/reviews/new/{s.pk}/",
        {
            "unit": unit_a1.pk,
            "file_number": "F-1",
            "reviewed_on": "2022-11-01",
            "reviewers": "张三、李四",
            f"deduct_{form.pk}": "5",
        },
    )
    assert response.status_code == 302
    assert FileReview.objects.get().score == 95
    assert "张某某、李某某" in c.get("/enforcement/reviews/").content.decode()
    assert "F-1" not in client_for(liaison_a2).get("/enforcement/reviews/").content.decode()


def test_a_letter_is_issued_and_reported_on_the_screens(
    client_for, coordinator, liaison_a2, unit_a1, unit_a2
):
    c = client_for(coordinator)
    response = c.post(
        "/enforcement/letters/new/",
        {
            "issuer": unit_a1.pk,
            "recipient": unit_a2.pk,
            "number": "确司执监〔2024〕1号",
            "issued_on": "2024-11-01",
            "problems": "未按期公示",
        },
    )
    letter = SupervisionLetter.objects.get()
    assert response.status_code == 302
    r = client_for(liaison_a2).post(
        f"/enforcement/letters/{letter.pk}/act/report/",
        {"report-on": "2024-11-20", "report-report": "已整改"},
    )
    assert r.status_code == 302
    letter.refresh_from_db()
    assert letter.reported_on == date(2024, 11, 20) and not letter.reported_late


def test_figures_and_leniency_pages_render(client_for, coordinator, case_a1):
    c = client_for(coordinator)
    page = c.get("/enforcement/figures/", {"year": "2024"}).content.decode()
    # Indicators by their Chinese names; the codes stay in the API and exports.
    assert "持证行政执法人员" in page and "enforcers_certified" not in page
    assert c.get("/enforcement/leniency/").status_code == 200


def test_the_yearly_publication_as_table_workbook_and_document(
    client_for, coordinator, liaison_a2, unit_a1, case_a1
):
    case_a1.apply("decide", by=coordinator, on=date(2024, 9, 20), full_record=True)
    c = client_for(coordinator)
    base = f"/enforcement/publication/{unit_a1.pk}/2024/"
    assert "行政执法案件" in c.get(base).content.decode()
    assert unit_a1.name in c.get("/enforcement/publication/", {"year": "2024"}).content.decode()
    assert c.post(base).status_code == 302
    assert DataPublication.objects.get().due_on == date(2025, 1, 31)
    book = load_workbook(io.BytesIO(c.get(base + "data.xlsx").content)).active
    assert ["行政执法案件", "件", 1] in [list(r[:3]) for r in book.values]
    doc = Document(io.BytesIO(c.get(base + "document.docx").content))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "2024年度行政执法数据公开" in text.replace("\n", "") and "办结行政执法案件1件" in text
    assert client_for(liaison_a2).get(base).status_code == 404


def test_a_move_made_on_a_stale_page_is_refused(client_for, coordinator, case_a1):
    c = client_for(coordinator)
    page = c.get(f"/enforcement/cases/{case_a1.pk}/").content.decode()
    assert f'name="legal_review-version" value="{case_a1.version}"' in page
    c.post(
        f"/enforcement/cases/{case_a1.pk}/act/legal_review/",
        {
            "legal_review-on": "2024-09-10",
            "legal_review-passed": "1",
            "legal_review-reviewer": "王五",
            "legal_review-version": case_a1.version,
        },
    )
    # Someone else moved the case meanwhile: the page loaded before is stale.
    response = c.post(
        f"/enforcement/cases/{case_a1.pk}/act/decide/",
        {"decide-on": "2024-09-20", "decide-version": case_a1.version},
    )
    assert response.status_code == 400
    case_a1.refresh_from_db()
    assert case_a1.state == CaseState.OPEN and case_a1.decided_on is None
