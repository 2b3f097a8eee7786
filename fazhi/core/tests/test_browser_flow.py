"""One case end to end in a real browser (issue 10, point 9): log in, register a
reconsideration application through the form, accept it, decide it, watch the due list
follow, then draft the annual report and download its .docx."""

import io
import os
import zipfile
from pathlib import Path

import pytest
from django.utils import timezone

from fazhi.browser import browser, follow, login, page  # noqa: F401
from fazhi.reconsideration.models import Application
from fazhi.reconsideration.rules import ReviewOutcome, State
from fazhi.testing import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def due_rows_for(page, live_server, app):  # noqa: F811
    """The period names of the due list's open deadlines that link to this case."""
    page.goto(f"{live_server.url}/deadlines/?register=reconsideration")
    rows = page.locator(f'table.due-panel tr:has(a[href="/reconsideration/{app.pk}/"])')
    return sorted(
        rows.nth(i).locator("td").nth(2).inner_text().strip() for i in range(rows.count())
    )


def act(page, name, fields=None):  # noqa: F811
    """Open an action's panel on the detail page, fill its form and confirm it."""
    form = page.locator(f'form[action$="/act/{name}/"]')
    page.locator(f'details:has(form[action$="/act/{name}/"]) > summary').click()
    for field, value in (fields or {}).items():
        control = form.locator(f'[name="{name}-{field}"]')
        if control.evaluate("e => e.tagName") == "SELECT":
            control.select_option(value)
        else:
            control.fill(value)
    form.locator("button[type=submit]").click()
    page.wait_for_load_state("networkidle")


def test_a_coordinator_carries_a_case_from_registration_to_decision_and_drafts_the_report(
    page,  # noqa: F811
    live_server,
    coordinator,
    unit_a1,
    periods,
    tmp_path,
):
    today = timezone.localdate()
    login(page, live_server, "coordinator", PASSWORD)
    assert page.title().startswith("工作台")

    # Register through the form, as a clerk would.
    page.goto(f"{live_server.url}/reconsideration/new/")
    page.fill("#id_applicant_name", "欧阳明远")
    page.select_option("#id_applicant_kind", "person")
    page.select_option("#id_respondent", label=unit_a1.name)
    page.fill("#id_act", "行政处罚决定书（确市监罚〔2026〕1号）")
    page.select_option("#id_act_kind", "penalty")
    page.select_option("#id_channel", "in_person")
    # Filled explicitly: the zh-hans initial value ("2026/11/23") is not a valid
    # <input type="date"> value, so Chromium shows the field empty (reported).
    page.fill("#id_received_on", today.isoformat())
    follow(page, "form.stacked button:has-text('保存')")
    errors = page.locator(".errorlist").all_inner_texts()
    assert not errors, errors
    app = Application.objects.get()
    assert page.url.endswith(f"/reconsideration/{app.pk}/")
    assert app.state == State.RECEIVED and app.applicant_name == "欧阳明远"

    # 第30条: the five-working-day acceptance review is now on the due list.
    received_rows = due_rows_for(page, live_server, app)
    assert any("受理审查" in r for r in received_rows), received_rows

    page.goto(f"{live_server.url}/reconsideration/{app.pk}/")
    act(page, "accept", {"on": today.isoformat(), "procedure": "ordinary"})
    app.refresh_from_db()
    assert app.state == State.ACCEPTED
    accepted_rows = due_rows_for(page, live_server, app)
    # The acceptance review is met and the decision period (第62条) has started.
    assert any("复议决定" in r for r in accepted_rows), accepted_rows
    assert not set(received_rows) & set(accepted_rows)

    page.goto(f"{live_server.url}/reconsideration/{app.pk}/")
    act(page, "decide", {"on": today.isoformat(), "outcome": ReviewOutcome.UPHOLD})
    app.refresh_from_db()
    assert app.state == State.DECIDED
    decided_rows = due_rows_for(page, live_server, app)
    assert decided_rows == [], "作出决定后本案不应再有待办期限"

    # The pages render for a person: keep one screenshot of the case as decided.
    page.goto(f"{live_server.url}/reconsideration/{app.pk}/")
    assert "已决定" in page.content()
    shot = Path(os.environ.get("FAZHI_SCREENSHOT_DIR") or tmp_path) / "browser_flow_case.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000

    # Draft the annual report from the records and download the .docx.
    page.goto(f"{live_server.url}/reports/")
    page.fill('input[name="year"]', str(app.received_on.year))
    follow(page, "text=按记录生成初稿")
    assert "/reports/" in page.url and page.url.rstrip("/").split("/")[-1].isdigit()
    with page.expect_download() as info:
        page.click("text=下载 .docx")
    data = Path(info.value.path()).read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as docx:
        body = docx.read("word/document.xml").decode("utf-8")
    assert "法治政府建设" in body
    # Published output: the applicant's full name never appears in the report.
    assert "欧阳明远" not in body


def test_pages_load_their_stylesheet_and_script(page, live_server, coordinator):  # noqa: F811
    # Offline deployments serve these from fazhi/static (no CDN); an unstyled page with
    # no htmx still "works" for a test that reads text, so check the assets themselves.
    login(page, live_server, "coordinator", PASSWORD)
    for selector, attr in (('link[rel="stylesheet"]', "href"), ("script[src]", "src")):
        for url in page.locator(selector).evaluate_all(f"els => els.map(e => e.{attr})"):
            assert page.request.get(url).status == 200, f"静态资源无法加载：{url}"
    assert page.evaluate("typeof window.htmx") == "object"
