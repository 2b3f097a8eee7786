"""What users read is Chinese (issue 19, point 5): no ASCII colon after form labels, no
indicator codes on the figures pages, people's names (not login names) in 办理记录."""

import pytest
from django.urls import reverse

from fazhi.reconsideration.tests.helpers import received

pytestmark = pytest.mark.django_db


def test_form_labels_end_with_a_full_width_colon(client_for, coordinator, unit_a1):
    html = client_for(coordinator).get(reverse("reconsideration:register")).content.decode()
    assert "申请人：</label>" in html
    assert "申请人:</label>" not in html


def test_the_history_names_the_person_not_the_login(client_for, coordinator, unit_a1):
    coordinator.full_name = "李文博"
    coordinator.save()
    app = received(coordinator, unit_a1)
    html = client_for(coordinator).get(app.get_absolute_url()).content.decode()
    history = html[html.index("办理记录") :]
    assert "李文博" in history
    assert f"<td>{coordinator.username}</td>" not in history


@pytest.mark.parametrize("url", ["reconsideration:figures", "oversight:figures", "disclosure:figures"])
def test_figures_pages_show_indicator_names_not_codes(client_for, coordinator, url):
    html = client_for(coordinator).get(reverse(url)).content.decode()
    assert "<code>" not in html and "_received" not in html


def test_the_analyzer_shows_figure_names_not_codes():
    from django.template.loader import render_to_string

    figures = [
        {"label": "收到行政复议申请", "indicator": "recon_received", "value": 51, "is_other": False},
        {"label": "其他：村", "indicator": "other:村", "value": 108, "is_other": True},
    ]
    r = {"index": 0, "analysis": {"name": "报告", "unit": "", "year": ""}, "figures": figures, "relations": []}
    html = render_to_string("analyzer/_report.html", {"r": r})
    assert "收到行政复议申请" in html and "其他：村" in html
    assert "recon_received" not in html and "other:" not in html


def test_no_indicator_definition_names_an_environment_variable():
    from fazhi.indicators.catalogue import catalogue

    for ind in catalogue().values():
        assert "FAZHI_" not in ind.definition, ind.code
