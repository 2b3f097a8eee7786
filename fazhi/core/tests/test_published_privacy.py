"""Nothing published or exported carries a full name or ID number from the records
(issue 10, point 5; 个人信息保护法 第6条 最小必要, 政府信息公开条例 第15条).

Records with full names, ID and phone numbers go into several registers; then every
published output (the annual report as .docx and HTML, the enforcement data
publication as .docx and .xlsx) and every register's export is rendered and searched.
The annual report's text is written the way a careless drafter would: naming the
parties in full, so the test proves the publication step removes them.
"""

import io
import zipfile
from datetime import date

import pytest
from django.urls import URLResolver, get_resolver
from docx import Document
from openpyxl import load_workbook

from fazhi.enforcement import publication
from fazhi.enforcement.tests.helpers import case
from fazhi.legalservices.tests.factories import make_aid
from fazhi.litigation.tests.factories import make_lawsuit
from fazhi.reconsideration.tests.helpers import received
from fazhi.reports import annual
from fazhi.testing import make_person

pytestmark = pytest.mark.django_db

YEAR = 2025
ON = date(YEAR, 3, 3)


def id_number(body17: str) -> str:
    """A valid 公民身份号码: GB 11643-1999 check character after 17 digits."""
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    total = sum(int(d) * w for d, w in zip(body17, weights, strict=True))
    return body17 + "10X98765432"[total % 11]


STAFF_ID = id_number("41172519800101123")
AID_ID = id_number("41172519900215456")
STAFF_PHONE = "13912345678"
APPLICANT_PHONE = "13812345678"


@pytest.fixture
def records(coordinator, county_a, unit_a1):
    people = {
        "staff": make_person(unit_a1, "司马光耀", phone=STAFF_PHONE, id_number=STAFF_ID).name,
        "reconsideration": received(
            coordinator, unit_a1, on=ON, applicant_name="欧阳明远", applicant_phone=APPLICANT_PHONE
        ).applicant_name,
        "aid": make_aid(
            unit_a1,
            coordinator,
            received_on=ON,
            applicant_name="诸葛文彬",
            applicant_id_number=AID_ID,
        ).applicant_name,
        "enforcement": case(coordinator, unit_a1, opened_on=ON, party_name="上官婉清").party_name,
        "litigation": make_lawsuit(
            unit_a1, by=coordinator, year=YEAR, plaintiff_name="东方云海"
        ).plaintiff_name,
    }
    try:
        from fazhi.disclosure.tests.helpers import received as disclosure_received

        people["disclosure"] = disclosure_received(
            coordinator, unit_a1, on=ON, applicant_name="皇甫嘉禾"
        ).applicant_name
    except ImportError:  # pragma: no cover - the register is optional in a checkout
        pass
    return {
        "names": sorted(set(people.values())),
        "ids": [STAFF_ID, AID_ID],
        "phones": [STAFF_PHONE, APPLICANT_PHONE],
    }


def leaks(text: str, records: dict) -> list[str]:
    return [s for s in (*records["names"], *records["ids"], *records["phones"]) if s in text]


def docx_text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        parts.extend(cell.text for row in table.rows for cell in row.cells)
    for section in doc.sections:
        parts.extend(p.text for p in section.header.paragraphs)
        parts.extend(p.text for p in section.footer.paragraphs)
    with zipfile.ZipFile(io.BytesIO(data)) as z:  # anything python-docx does not walk
        parts.extend(
            z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith(".xml")
        )
    return "\n".join(parts)


def xlsx_text(data: bytes) -> str:
    wb = load_workbook(io.BytesIO(data), read_only=True)
    return "\n".join(
        str(v)
        for ws in wb.worksheets
        for row in ws.iter_rows(values_only=True)
        for v in row
        if v is not None
    )


def test_the_records_do_hold_the_full_names_and_numbers(records):
    # Guards the other tests: they would pass vacuously if the data were not there.
    assert len(records["names"]) >= 5 and all(len(n) >= 3 for n in records["names"])


def test_the_annual_report_publishes_no_full_name_id_or_phone_number(records, county_a):
    report = annual.create_draft(county_a, YEAR)
    section = report.sections.order_by("position", "pk").first()
    named = "、".join(records["names"])
    section.text += (
        f"\n全年办理的案件涉及{named}等当事人，其中申请人欧阳明远（电话{APPLICANT_PHONE}）、"
        f"诸葛文彬（公民身份号码{AID_ID}）；联系人司马光耀，身份证{STAFF_ID}，手机{STAFF_PHONE}。"
    )
    section.save()
    # The unpublished draft does hold them, so the check below is not vacuous.
    assert leaks(
        docx_text(annual.render(annual.document_for(report, publish=False), "docx")), records
    )
    published = annual.document_for(report)
    assert leaks(docx_text(annual.render(published, "docx")), records) == []
    assert leaks(annual.render(published, "html").decode("utf-8"), records) == []


def test_the_enforcement_publication_names_no_party(records, county_a):
    data = publication.docx(county_a, YEAR, number="确政〔2026〕1号", dated=date(YEAR + 1, 1, 20))
    assert leaks(docx_text(data), records) == []
    assert leaks(xlsx_text(publication.workbook(county_a, YEAR)), records) == []


def export_urls(patterns=None, prefix: str = "") -> list[str]:
    """Every register's `export.xlsx` (the `xlsx_urls` views), nested includes too."""
    urls = []
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            urls.extend(export_urls(pattern.url_patterns, route))
        elif pattern.name == "export" and "<" not in route:
            urls.append("/" + route)
    return urls


def test_no_register_export_carries_a_full_name_id_or_phone_number(
    records, client_for, coordinator
):
    client = client_for(coordinator)
    urls = export_urls()
    assert len(urls) >= 5
    seen = []
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        text = xlsx_text(response.content)
        assert leaks(text, records) == [], url
        seen.append(text)
    # The records did reach the exports, masked: the check above is not vacuous.
    everything = "\n".join(seen)
    assert "欧阳某某" in everything and "诸葛某某" in everything
    assert AID_ID[:6] + "*" * 10 + AID_ID[-2:] in everything
