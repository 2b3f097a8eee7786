"""In a real browser, on the demo county: each role's home, every menu link and three
pages (a list, a record, a form where the role has them) show no English word outside
proper names, no ASCII colon after Chinese words ("案号:") and no error behind a menu
link (issue 19, "done when" and point 5)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from fazhi.audit.trail import audit_context
from fazhi.browser import browser, login, page  # noqa: F401
from fazhi.core.management.commands.demo import DEMO_USERS, build_county, create_users, demo_modules
from fazhi.org.models import User
from fazhi.testing import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

ADMIN_PASSWORD = "Fz-admin-password-2024"  # noqa: S105 - a superuser's password is longer

# A token of ASCII letters is English to a Chinese reader unless it is data or a name:
# tokens with a digit or a hyphen are numbers and codes (case numbers, 〔2022〕, QS-SFJ),
# all-capital ones are codes and abbreviations (unit codes QS, SFJ; PDF, IP), but not
# names joined by underscores (an environment variable, FAZHI_BACKUP_KEY). Besides
# those, only the names of file formats the page offers and of keys and products.
ALLOWED = {
    "Excel", "xlsx", "docx", "pdf", "txt", "html", "htm", "csv", "zip",  # file formats
    "GB/T",  # the standard of official documents (GB/T 9704)
    "App", "Ctrl",  # 验证器App; a key's name
}
TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_/-]*")
ASCII_COLON = re.compile(r"[\u4e00-\u9fff]+:(?!//)")
KEY = re.compile(r"[A-Za-z0-9+/=]{20,}")  # keys and digests (Base64, hex) are data


def english_words(text: str) -> list[str]:
    return sorted({
        t for t in TOKEN.findall(KEY.sub(" ", text))
        if re.search("[A-Za-z]", t) and not re.search(r"[0-9-]", t) and not (t.isupper() and "_" not in t) and t not in ALLOWED
    })


# The text a user reads: the page's visible text, the title, the placeholders and
# the options of every select (innerText leaves closed selects' options out).
VISIBLE_TEXT = """() => [
    document.title,
    document.body.innerText,
    ...[...document.querySelectorAll("input[placeholder], textarea[placeholder]")].map(e => e.placeholder),
    ...[...document.querySelectorAll("select option")].map(o => o.textContent),
    ...[...document.querySelectorAll("input[type=submit], button")].map(b => b.value || b.textContent),
].join("\\n")"""


@pytest.fixture
def demo_county(periods: None) -> None:
    with audit_context(note="演示数据"):
        ctx = build_county()
        create_users(ctx)
        for _, module in demo_modules():
            module.load(ctx)
    for user in User.objects.all():
        user.set_password(ADMIN_PASSWORD if user.is_superuser else PASSWORD)
        user.save()


def _walk(page: Any, base: str) -> list[str]:  # noqa: F811
    """Every problem on the role's home, menu links and three pages."""
    problems: list[str] = []

    def visit(href: str, what: str) -> None:
        response = page.goto(f"{base}{href}")
        if response is None or response.status >= 400:
            problems.append(f"{what} {href}: {response.status if response else '无响应'}")
            return
        text = page.evaluate(VISIBLE_TEXT)
        words = english_words(text)
        if words:
            problems.append(f"{what} {href}: {' '.join(words)}")
        colons = sorted(set(ASCII_COLON.findall(text)))
        if colons:  # "案号:" — Chinese text takes the full-width colon "案号："
            problems.append(f"{what} {href}: {' '.join(colons)}")

    visit("/", "首页")
    links = page.eval_on_selector_all("nav.sidenav a", "els => els.map(a => [a.textContent.trim(), a.getAttribute('href')])")
    assert links, "no menu"
    detail = form = ""
    for label, href in links:
        if href.startswith("/admin/"):
            continue  # Django's own admin: its English is Django's, outside Fazhi's screens
        visit(href, label)
        if not detail:
            detail = page.evaluate(r"""() => ([...document.querySelectorAll("main table a[href]")]
                .map(a => a.getAttribute("href")).find(h => /\/\d+\/$/.test(h)) || "")""")
        if not form:
            form = page.evaluate("""() => ([...document.querySelectorAll("main a[href$='/new/']")]
                .map(a => a.getAttribute("href"))[0] || "")""")
    if detail:
        visit(detail, "记录")
    if form:
        visit(form, "表单")
    return problems


def test_each_roles_pages_are_chinese_and_no_menu_link_is_refused(page, live_server, demo_county):  # noqa: F811
    problems = []
    for username in [u[0] for u in DEMO_USERS] + ["admin"]:
        user = User.objects.get(username=username)
        page.context.clear_cookies()
        login(page, live_server, username, ADMIN_PASSWORD if user.is_superuser else PASSWORD)
        assert "/login/" not in page.url, username
        problems += [f"{username} {p}" for p in _walk(page, live_server.url)]
    assert not problems, "\n".join(problems)
