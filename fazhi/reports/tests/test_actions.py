"""Issuing: validated, frozen, audited; an issued report cannot change."""

import pytest

from fazhi.audit.models import Action, Entry
from fazhi.reports import annual
from fazhi.reports.actions import IssueRefused, issue
from fazhi.reports.models import ReportFigure, ReportIssued, Status
from fazhi.reports.tests import fakes
from fazhi.testing import make_person

pytestmark = pytest.mark.django_db


def test_issuing_freezes_the_figures_and_writes_an_audit_entry(
    staffed, county_a, unit_a1, coordinator
):
    report = issue(fakes.ready_draft(county_a), by=coordinator)
    assert report.status == Status.ISSUED and report.issued_by == coordinator
    assert report.figures["people"] == "4"
    assert Entry.objects.filter(action=Action.ISSUE, object_pk=str(report.pk)).exists()
    make_person(unit_a1, "新人")  # later records do not change the issued document
    assert annual.effective_values(report)["people"] == 4
    body = annual.document_for(report).body
    assert "人员4名" in "".join(
        b.text + getattr(b, "run_in", "") for b in body if hasattr(b, "text")
    )


def test_a_report_that_fails_validation_is_not_issued(staffed, county_a, coordinator):
    report = annual.create_draft(county_a, 2022)
    with pytest.raises(IssueRefused) as exc:
        issue(report, by=coordinator)
    assert any("尚未填写" in p for p in exc.value.problems)
    report.refresh_from_db()
    assert report.status == Status.DRAFT
    assert not Entry.objects.filter(action=Action.ISSUE).exists()


def test_an_issued_report_its_sections_and_figures_are_immutable(staffed, county_a, coordinator):
    report = issue(fakes.ready_draft(county_a), by=coordinator)
    report.title = "改标题"
    with pytest.raises(ReportIssued):
        report.save()
    section = report.sections.first()
    section.text = "改正文"
    with pytest.raises(ReportIssued):
        section.save()
    with pytest.raises(ReportIssued):
        ReportFigure.objects.create(report=report, code="people", value=1, source="x")
    with pytest.raises(ReportIssued):
        report.delete()


def test_a_report_cannot_be_issued_twice(staffed, county_a, coordinator):
    report = issue(fakes.ready_draft(county_a), by=coordinator)
    with pytest.raises(IssueRefused):
        issue(report, by=coordinator)
