"""Printing (issue 19, point 8), without a browser: every kind of page links the A4
print stylesheet, and the stylesheet hides the site's chrome and keeps tables on the
page. The browser prints a list and a record to PDF in test_browser_print.py."""

from __future__ import annotations

import re

import pytest
from django.contrib.staticfiles import finders

from fazhi.reconsideration.tests.helpers import received

pytestmark = pytest.mark.django_db

LINK = re.compile(r'<link rel="stylesheet" href="/static/fazhi/print\.css" media="print">')


def print_css() -> str:
    path = finders.find("fazhi/print.css")
    assert path, "fazhi/print.css is not among the static files"
    with open(path, encoding="utf-8") as f:
        return f.read()


def _rules(css: str) -> list[tuple[str, str]]:
    """(selectors, declarations) of each rule, comments removed."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    return [(sel.strip(), body) for sel, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css)]


@pytest.fixture
def record(coordinator, unit_a1):
    return received(coordinator, unit_a1)


@pytest.mark.parametrize(
    "kind, path",
    [
        ("home", "/"),
        ("register list", "/reconsideration/"),
        ("register form", "/reconsideration/new/"),
        ("kit screen list", "/publicity/"),
        ("due list", "/deadlines/"),
        ("figures", "/indicators/"),
        ("error page", "/no-such-page/"),
    ],
)
def test_each_kind_of_page_links_the_print_stylesheet(client_for, coordinator, record, kind, path):
    response = client_for(coordinator).get(path)
    assert response.status_code in (200, 404), (kind, response.status_code)
    assert LINK.search(response.content.decode()), kind


def test_a_record_page_links_the_print_stylesheet(client_for, coordinator, record):
    html = client_for(coordinator).get(record.get_absolute_url()).content.decode()
    assert LINK.search(html)
    assert 'class="print-meta"' in html  # unit, who printed and when, on paper only


def test_the_print_stylesheet_is_a4_and_hides_menus_buttons_and_filters():
    css = print_css()
    assert re.search(r"@page\s*\{[^}]*size:\s*A4", css)
    hidden = [sel for sel, body in _rules(css) if re.search(r"display:\s*none", body)]
    selectors = {s.strip() for group in hidden for s in group.split(",")}
    for chrome in ("header.topbar", "nav.sidenav", ".toolbar", "form", "button", ".pagination", ".tabs"):
        assert chrome in selectors, chrome


def test_the_print_stylesheet_keeps_tables_on_the_page():
    rules = dict(_rules(print_css()))
    table = rules["table.data"]
    assert "width: 100%" in table and "max-width: 100%" in table
    cells = rules["table.data th, table.data td"]
    assert "overflow-wrap: anywhere" in cells  # long numbers and codes wrap inside their column
    assert "display: table-header-group" in rules["table.data thead"]  # header on every page
    assert "break-inside: avoid" in rules["table.data tr"]
