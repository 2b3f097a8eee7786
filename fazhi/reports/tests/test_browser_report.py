"""The annual report in a real browser (issue 21): edit a section, drill down from a
figure, try to issue with a wrong figure (refused), issue."""

import pytest

from fazhi.browser import browser, follow, login, page  # noqa: F401
from fazhi.reports import annual
from fazhi.reports.models import AnnualReport, Status
from fazhi.reports.tests import fakes
from fazhi.testing import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_coordinator_edits_checks_and_issues_the_report(
    page,  # noqa: F811
    live_server,
    coordinator,
    staffed,
    county_a,
    periods,  # noqa: F811
):
    report = fakes.answer_prompts(annual.create_draft(county_a, 2022, by=coordinator))
    login(page, live_server, "coordinator", PASSWORD)
    detail = f"{live_server.url}/reports/{report.pk}/"

    # Edit a section: the live field stays a field, the saved text becomes a revision.
    page.goto(detail)
    measures = report.sections.get(kind="measures")
    follow(page, f'a[href="/reports/{report.pk}/sections/{measures.pk}/"]')
    text = page.input_value("#id_text")
    assert "{{people}}" in text
    page.fill("#id_text", text.replace("人员合计", "在编在岗人员合计"))
    follow(page, "form.stacked button[type=submit]")
    assert page.url == detail
    assert "在编在岗人员合计" in page.locator(".report-section[data-kind=measures]").inner_text()
    assert page.locator("details.revisions").first.inner_text().startswith("版本记录（2）")

    # Drill down from a figure to the records it counts.
    follow(page, '.report-section a.live-figure[data-code="people"]')
    assert "/indicators/records/people/" in page.url
    assert page.locator("table.data tbody tr").count() == 4  # county A's four people

    # A wrong figure entered by hand: the check refuses to issue and says where.
    page.goto(detail)
    page.select_option('select[name="code"]', "people")
    page.fill('input[name="value"]', "5")
    page.fill('input[name="source"]', "人事报表")
    follow(page, 'form[action$="/figures/"] button[type=submit]')
    assert "5名手填" in page.locator(".report-section[data-kind=measures]").inner_text()
    follow(page, 'button[data-action="submit"]')
    follow(page, 'button[data-action="issue"]')
    problems = page.locator("#problems").inner_text()
    assert "未能签发" in page.locator("ul.messages").inner_text()
    assert "手工填报为5名（来源：人事报表），与记录4名不符" in problems
    report.refresh_from_db()
    assert report.status == Status.REVIEW

    # Remove the wrong figure, and issue.
    follow(page, 'form[action*="/figures/"][action$="/delete/"] button')
    follow(page, 'button[data-action="issue"]')
    assert "报告已签发" in page.locator("ul.messages").inner_text()
    assert page.locator("#status").inner_text() == "已签发"
    assert AnnualReport.objects.get(pk=report.pk).is_issued
