"""Printing (issue 19, point 8): lists and record pages print on A4 without the site's
chrome; the due list prints as a 督办 sheet."""

import pytest

from fazhi.browser import browser, login, page  # noqa: F401
from fazhi.core.tests.test_browser_flow import periods  # noqa: F401 - the statutory periods, put back
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
