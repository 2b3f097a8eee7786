"""In a real browser: a unit name with markup stays text in the dashboard, the
Content-Security-Policy stops injected handlers and lets ECharts run, each role's menu
leads to no error page, and the idle logout warns, keeps the draft and comes back
(issue 17 point 1, issue 19 points 2 and 11)."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from django.test import Client

from fazhi.browser import browser, follow, login, page  # noqa: F401
from fazhi.core.middleware import CONTENT_SECURITY_POLICY
from fazhi.testing import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PAYLOAD = '<img src=x onerror="window.__xss=1">'  # fits short_name (50)
ENGLISH_ERRORS = re.compile(r"Not Found|Forbidden|Bad Request|Server Error|CSRF verification|Page not found")


def _csp_violations(page: Any) -> list[str]:  # noqa: F811
    seen: list[str] = []
    page.on("console", lambda m: seen.append(m.text) if "Content Security Policy" in m.text else None)
    return seen


def test_a_unit_renamed_to_markup_stays_text_in_the_leaders_dashboard(
    page, live_server, coordinator, leader, unit_a1, unit_a2  # noqa: F811
):
    api = Client()
    api.force_login(coordinator)
    url = f"/api/units/{unit_a1.pk}/"
    response = api.patch(
        url, data=json.dumps({"short_name": PAYLOAD}), content_type="application/json",
        HTTP_IF_MATCH=api.get(url)["ETag"],  # every API write carries the version read
    )
    assert response.status_code == 200, response.content

    violations = _csp_violations(page)
    login(page, live_server, "leader", PASSWORD)
    response = page.goto(f"{live_server.url}/indicators/dashboard/")
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    page.wait_for_selector("#chart-compare canvas")
    index = page.evaluate(
        """(payload) => {
            const data = JSON.parse(document.getElementById("dashboard-data").textContent);
            return data.compare.points.findIndex(p => p.unit === payload);
        }""",
        PAYLOAD,
    )
    assert index >= 0
    page.evaluate(
        """(i) => echarts.getInstanceByDom(document.getElementById("chart-compare"))
                   .dispatchAction({type: "showTip", seriesIndex: 0, dataIndex: i})""",
        index,
    )
    tip = page.wait_for_function(
        """() => [...document.querySelectorAll("#chart-compare div")]
                 .find(d => d.children.length === 0 && d.textContent.includes("onerror")
                            || d.textContent.startsWith("<img"))"""
    ).as_element()
    assert PAYLOAD in tip.text_content()  # shown as the text the coordinator typed
    assert page.locator('#chart-compare img[src="x"]').count() == 0
    assert page.evaluate("window.__xss") is None
    assert violations == []  # ECharts and our scripts run under the policy


def test_the_policy_stops_an_inline_handler_that_got_into_a_page(page, live_server, coordinator):  # noqa: F811
    violations = _csp_violations(page)
    login(page, live_server, "coordinator", PASSWORD)
    ran = page.evaluate(
        """(payload) => new Promise(done => {
            document.querySelector("main").insertAdjacentHTML("beforeend", payload);
            const img = document.querySelector('main img[src="x"]');
            img.addEventListener("error", () => setTimeout(() => done(window.__xss || 0), 0));
        })""",
        PAYLOAD,
    )
    assert ran == 0
    assert any("script-src" in v or "inline" in v for v in violations)


@pytest.mark.parametrize("persona", ["coordinator", "liaison_a1", "leader", "supervisor", "auditor", "admin_user"])
def test_each_roles_menu_leads_to_no_error_page(page, live_server, request, persona, unit_a1, unit_a2):  # noqa: F811
    user = request.getfixturevalue(persona)
    violations = _csp_violations(page)
    login(page, live_server, user.username, "Fz-admin-password-2024" if user.is_superuser else PASSWORD)
    assert "/login/" not in page.url
    links = page.eval_on_selector_all(
        "nav.sidenav a", "els => els.map(a => [a.textContent.trim(), a.getAttribute('href')])"
    )
    assert links, "no menu"
    problems = []
    for label, href in links:
        response = page.goto(f"{live_server.url}{href}")
        body = page.locator("body").inner_text()
        if response.status >= 400:
            problems.append(f"{label} {href}: {response.status}")
        elif ENGLISH_ERRORS.search(body):
            problems.append(f"{label} {href}: an English error page")
    assert not problems, f"{persona}:\n" + "\n".join(problems)
    assert violations == [], violations


def test_an_unknown_page_is_chinese_in_the_layout_with_a_way_back(page, live_server, leader):  # noqa: F811
    login(page, live_server, "leader", PASSWORD)
    response = page.goto(f"{live_server.url}/no-such-page/")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "页面不存在"
    assert page.locator("nav.sidenav").is_visible()
    follow(page, "text=返回工作台")
    assert page.title().startswith("工作台")


def test_the_idle_logout_warns_keeps_the_draft_and_comes_back(page, live_server, settings, liaison_a1):  # noqa: F811
    # A short session: the banner shows after half of it, the logout at its end.
    settings.SESSION_COOKIE_AGE = 8
    login(page, live_server, "liaison_a1", PASSWORD)
    page.goto(f"{live_server.url}/reconsideration/new/")
    page.fill("#id_applicant_name", "欧阳明远")
    page.fill("#id_act", "行政处罚决定书")

    banner = page.locator(".idle-banner")
    banner.wait_for(state="visible")
    assert "自动退出" in banner.inner_text()
    with page.expect_response(lambda r: r.url.endswith("/keepalive/")) as kept:
        banner.locator("button", has_text="继续").click()
    assert kept.value.status == 204
    assert page.locator("#id_applicant_name").input_value() == "欧阳明远"  # still on the form

    page.wait_for_url(re.compile(r"/login/\?idle=1&next="), timeout=30000)
    assert "自动退出" in page.locator("main").inner_text()
    assert "欧阳明远" not in page.evaluate("JSON.stringify(localStorage)")  # the draft stays in this tab
    assert "欧阳明远" in page.evaluate("JSON.stringify(sessionStorage)")
    settings.SESSION_COOKIE_AGE = 1800
    page.fill("#id_username", "liaison_a1")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/reconsideration/new/$"))
    assert page.locator("#id_applicant_name").input_value() == "欧阳明远"
    assert page.locator("#id_act").input_value() == "行政处罚决定书"
    assert "已恢复" in page.locator(".draft-note").inner_text()
    assert page.evaluate("Object.keys(sessionStorage).filter(k => k.startsWith('fazhi-draft:')).length") == 0
