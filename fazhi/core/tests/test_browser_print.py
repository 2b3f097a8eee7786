"""Printing (issue 19, point 8): lists and record pages print on A4 without the site's
chrome; the due list prints as a 督办 sheet."""

import pytest

from fazhi.browser import browser, login, page  # noqa: F401
from fazhi.reconsideration.tests.helpers import received
from fazhi.testing import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

HIDDEN = "(sel) => [...document.querySelectorAll(sel)].every(e => getComputedStyle(e).display === 'none')"


def test_a_list_and_a_record_print_without_menus_buttons_or_filters(page, live_server, periods, coordinator, unit_a1):  # noqa: F811
    app = received(coordinator, unit_a1)
    login(page, live_server, "coordinator", PASSWORD)
    for path in ("/reconsideration/", app.get_absolute_url()):
        page.goto(f"{live_server.url}{path}")
        page.emulate_media(media="print")
        for selector in ("nav.sidenav", "header.topbar", ".toolbar", "form"):
            assert page.evaluate(HIDDEN, selector), (path, selector)
        assert page.locator(".print-meta").is_visible()
        assert "确山县" in page.locator(".print-meta").inner_text()
        pdf = page.pdf(format="A4", prefer_css_page_size=True)
        assert pdf.startswith(b"%PDF")
        page.emulate_media(media="screen")
        assert not page.locator(".print-meta").is_visible()


def test_the_due_list_prints_as_a_supervision_sheet(page, live_server, periods, coordinator, unit_a1):  # noqa: F811
    received(coordinator, unit_a1)
    login(page, live_server, "coordinator", PASSWORD)
    page.goto(f"{live_server.url}/deadlines/")
    page.emulate_media(media="print")
    title = page.evaluate("() => getComputedStyle(document.querySelector('main.content'), '::before').content")
    assert "督办单" in title
    sign = page.evaluate("() => getComputedStyle(document.querySelector('main.content'), '::after').content")
    assert "签收" in sign


A4_POINTS = (595.3, 841.9)  # 210 × 297 mm
FITS = """() => [...document.querySelectorAll("main table.data")]
    .every(t => t.getBoundingClientRect().right <= document.querySelector("main").getBoundingClientRect().right + 1)"""


def _pages(pdf: bytes) -> list[tuple[float, float]]:
    import io

    from pdfminer.pdfpage import PDFPage

    return [(float(p.mediabox[2] - p.mediabox[0]), float(p.mediabox[3] - p.mediabox[1])) for p in PDFPage.get_pages(io.BytesIO(pdf))]


def test_a_list_and_a_record_print_on_a4_pages_with_the_tables_inside(page, live_server, periods, coordinator, unit_a1):  # noqa: F811
    app = received(coordinator, unit_a1, applicant_name="欧阳" + "明远" * 20, act="行政处罚决定书" * 12)
    login(page, live_server, "coordinator", PASSWORD)
    for path in ("/reconsideration/", app.get_absolute_url()):
        page.goto(f"{live_server.url}{path}")
        page.emulate_media(media="print")
        page.set_viewport_size({"width": 680, "height": 1000})  # A4 less the margins: 180 mm at 96 dpi
        assert page.evaluate(FITS), path
        pages = _pages(page.pdf(prefer_css_page_size=True))  # the size the stylesheet's @page asks for
        assert 1 <= len(pages) <= 3, (path, len(pages))
        for width, height in pages:
            assert abs(width - A4_POINTS[0]) < 1 and abs(height - A4_POINTS[1]) < 1, (path, width, height)
        page.set_viewport_size({"width": 1366, "height": 900})
        page.emulate_media(media="screen")
