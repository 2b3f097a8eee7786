"""The indicator screens on a hand-built catalogue over org.Person (as test_engine
does): login, scope, outsiders' 404, drill-down, and bounded query counts."""

import json

import pytest
from django.urls import reverse

from fazhi.reports.tests.fakes import install
from fazhi.testing import make_person, make_unit


@pytest.fixture(autouse=True)
def fake_catalogue(monkeypatch):
    install(monkeypatch)


@pytest.fixture
def staffed(county_a, unit_a1, unit_a2, county_b):
    make_person(unit_a1, "张伟", is_principal=True)
    make_person(unit_a1, "李娜")
    make_person(unit_a2, "王芳")
    make_person(county_b, "赵敏", is_principal=True)


def url(name, *args, **params):
    base = reverse(f"indicators:{name}", args=args)
    return base + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["overview", "compare", "trends", "dashboard"])
def test_every_screen_requires_login(client, name):
    response = client.get(url(name))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_the_overview_shows_every_indicator_with_value_definition_and_link(
    staffed, coordinator, county_a, client_for
):
    response = client_for(coordinator).get(url("overview", year=2022))
    assert response.status_code == 200
    html = response.content.decode()
    assert "负责人占比" in html and "33%" in html  # 1 of 3, rounded half-up
    assert "负责人÷人员" in html and "分子" in html and "分母" in html and "四舍五入取整" in html
    assert "3名" in html  # people in county A's subtree
    assert url("records", "people", unit=county_a.pk, year=2022).replace("&", "&amp;") in html


def test_the_overview_rejects_a_bad_year_with_a_chinese_message(staffed, coordinator, client_for):
    response = client_for(coordinator).get(url("overview", year="20x2"), follow=True)
    assert response.status_code == 200
    assert "年度“20x2”无效" in response.content.decode()


def test_the_overview_answers_404_for_a_unit_outside_the_users_scope(
    staffed, liaison_a2, unit_a1, county_b, client_for
):
    c = client_for(liaison_a2)
    assert c.get(url("overview", unit=unit_a1.pk)).status_code == 404
    assert c.get(url("overview", unit=county_b.pk)).status_code == 404


def test_an_outsider_county_sees_only_its_own_figures(staffed, coordinator_b, client_for):
    response = client_for(coordinator_b).get(url("overview", year=2022))
    assert response.status_code == 200
    html = response.content.decode()
    assert "泌阳县人民政府" in html and "1名" in html and "3名" not in html


def test_the_overview_query_count_does_not_grow_with_units(
    staffed, coordinator, county_a, client_for, django_assert_max_num_queries
):
    c = client_for(coordinator)
    with django_assert_max_num_queries(12):
        c.get(url("overview", year=2022))
    for i in range(10):
        make_person(make_unit(f"部门{i}", parent=county_a), "某人")
    with django_assert_max_num_queries(12):
        assert c.get(url("overview", year=2022)).status_code == 200


def test_drill_down_lists_exactly_the_counted_records_with_names_masked(
    staffed, coordinator, county_a, client_for
):
    response = client_for(coordinator).get(
        url("records", "principals", unit=county_a.pk, year=2022)
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "张*" in html or "张某" in html
    assert "张伟" not in html and "李" not in html and "赵" not in html


def test_drill_down_of_a_rate_lists_its_numerator_and_links_its_denominator(
    staffed, coordinator, county_a, client_for
):
    html = (
        client_for(coordinator)
        .get(url("records", "principal_rate", unit=county_a.pk, year=2022))
        .content.decode()
    )
    assert "分母" in html and "/indicators/records/people/" in html


def test_drill_down_of_a_sum_of_parts_links_each_part(staffed, coordinator, county_a, client_for):
    html = (
        client_for(coordinator)
        .get(url("records", "people_again", unit=county_a.pk, year=2022))
        .content.decode()
    )
    assert "/indicators/records/principals/" in html and "/indicators/records/staff/" in html


def test_drill_down_is_404_for_an_unknown_code_or_an_outsider(
    staffed, coordinator, coordinator_b, county_a, client_for
):
    assert client_for(coordinator).get(url("records", "nope", unit=county_a.pk)).status_code == 404
    assert (
        client_for(coordinator_b).get(url("records", "people", unit=county_a.pk)).status_code == 404
    )


def test_drill_down_keeps_a_liaison_inside_their_own_unit(staffed, liaison_a1, unit_a1, client_for):
    html = (
        client_for(liaison_a1)
        .get(url("records", "people", unit=unit_a1.pk, year=2022))
        .content.decode()
    )
    assert "王" not in html  # unit A2's person


def test_units_side_by_side_lists_each_child_with_its_own_figures(
    staffed, coordinator, unit_a1, unit_a2, client_for
):
    response = client_for(coordinator).get(
        url("compare", year=2022) + "&code=people&code=principal_rate"
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "确山县司法局" in html and "确山县市场监督管理局" in html
    assert "2名" in html and "1名" in html and "50%" in html
    assert url("records", "people", unit=unit_a2.pk, year=2022).replace("&", "&amp;") in html


def test_units_side_by_side_query_count_does_not_grow_with_units(
    staffed, coordinator, county_a, client_for, django_assert_max_num_queries
):
    for i in range(15):
        make_person(make_unit(f"部门{i}", parent=county_a), "某人")
    c = client_for(coordinator)
    with django_assert_max_num_queries(12):
        assert c.get(url("compare", year=2022)).status_code == 200


def test_trends_show_one_column_per_year(staffed, coordinator, client_for):
    html = (
        client_for(coordinator)
        .get(url("trends") + "?from=2020&to=2022&code=people")
        .content.decode()
    )
    assert "2020年" in html and "2021年" in html and "2022年" in html


def test_trends_cap_the_number_of_years(staffed, coordinator, client_for):
    html = (
        client_for(coordinator)
        .get(url("trends") + "?from=1990&to=2022&code=people", follow=True)
        .content.decode()
    )
    assert "一次最多比较 15 个年度" in html and "1990年" not in html


def dashboard_data(response):
    html = response.content.decode()
    start = html.index('id="dashboard-data"')
    start = html.index(">", start) + 1
    return json.loads(html[start : html.index("</script>", start)])


def test_the_dashboard_embeds_chart_data_whose_every_element_links_to_its_records(
    staffed, coordinator, county_a, client_for
):
    response = client_for(coordinator).get(url("dashboard", year=2022, code="people"))
    assert response.status_code == 200
    assert "vendor/echarts/echarts.min.js" in response.content.decode()
    data = dashboard_data(response)
    bars = [b for g in data["glance"] for b in g["bars"] + g["rates"]]
    assert {b["code"] for b in bars} >= {"people", "principal_rate"}
    assert all(
        b["url"].startswith("/indicators/records/") for b in bars if b["code"] != "people_again"
    )
    assert [p["year"] for p in data["trend"]["points"]] == [2018, 2019, 2020, 2021, 2022]
    assert {p["unit"]: p["value"] for p in data["compare"]["points"]}["确山县司法局"] == 2
    assert all(p["url"] for p in data["compare"]["points"] + data["trend"]["points"])


def test_the_dashboard_query_count_does_not_grow_with_units(
    staffed, coordinator, county_a, client_for
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    c = client_for(coordinator)

    def queries():
        with CaptureQueriesContext(connection) as ctx:
            assert c.get(url("dashboard", year=2022)).status_code == 200
        return len(ctx)

    queries()  # warm up: the first request also builds per-process caches (calendar)
    before = queries()
    for i in range(15):
        make_person(make_unit(f"部门{i}", parent=county_a), "某人")
    assert queries() == before
    assert (
        before <= 30
    )  # session, focus, one query per model × (year + 5 trend years + units), deadlines


def test_the_dashboard_is_404_for_an_outsider(staffed, coordinator_b, county_a, client_for):
    assert client_for(coordinator_b).get(url("dashboard", unit=county_a.pk)).status_code == 404


def make_deadline(unit, due, title):
    from django.contrib.contenttypes.models import ContentType

    from fazhi.deadlines.models import Deadline, Period

    person = make_person(unit, "某人")
    return Deadline.objects.create(
        content_type=ContentType.objects.get_for_model(person),
        object_id=str(person.pk),
        unit=unit,
        period=Period.objects.first(),
        title=title,
        start_date=due.replace(day=1),
        due_date=due,
    )


@pytest.mark.django_db
def test_the_dashboard_lists_deadlines_due_and_overdue_in_scope(
    county_a, unit_a1, county_b, coordinator, client_for, time_machine
):
    from datetime import date

    time_machine.move_to("2024-06-12 09:00 +0800")
    make_deadline(unit_a1, date(2024, 6, 3), "复议决定逾期事项")
    make_deadline(unit_a1, date(2024, 6, 13), "临期答复事项")
    make_deadline(unit_a1, date(2024, 9, 30), "远期事项")
    make_deadline(county_b, date(2024, 6, 3), "外县逾期事项")
    response = client_for(coordinator).get(url("dashboard", year=2023))
    panel = dashboard_data(response)["deadlines"]
    assert panel["available"] and panel["overdue_count"] == 1 and panel["soon_count"] == 1
    assert [d["label"].split(" · ")[0] for d in panel["overdue"]] == ["复议决定逾期事项"]
    assert [d["label"].split(" · ")[0] for d in panel["soon"]] == ["临期答复事项"]
    assert all(d["url"].startswith("/deadlines/") for d in panel["overdue"] + panel["soon"])
    html = response.content.decode()
    assert "外县逾期事项" not in html and "远期事项" not in html


@pytest.mark.parametrize("name", ["overview", "dashboard"])
def test_the_chosen_year_is_remembered_for_the_next_visit(staffed, coordinator, client_for, name):
    c = client_for(coordinator)
    c.get(url(name, year=2021))
    response = c.get(url(name))
    assert response.context["year"] == 2021
    # The other screens open on it too, and a new choice replaces it.
    assert c.get(url("overview" if name == "dashboard" else "dashboard")).context["year"] == 2021
    c.get(url(name, year=2020))
    assert c.get(url(name)).context["year"] == 2020


def test_a_bad_year_is_not_remembered(staffed, coordinator, client_for):
    from fazhi.indicators.catalogue import default_year

    c = client_for(coordinator)
    c.get(url("overview", year="20x2"))
    assert c.get(url("overview")).context["year"] == default_year()


def test_drill_down_shows_unit_and_the_field_that_made_each_record_count(
    staffed, coordinator, county_a, client_for
):
    response = client_for(coordinator).get(url("records", "principals", unit=county_a.pk, year=2022))
    html = response.content.decode()
    # principals count where is_principal=True: that column, with the unit of each record.
    assert "<th>单位负责人</th>" in html and "<th>所在单位</th>" in html
    assert "<td>是</td>" in html and "确山县司法局" in html
    # The code is for the API and exports, not for the screen.
    assert "指标代码" not in html and "principals</dd>" not in html


def test_drill_down_exports_its_rows_as_xlsx_with_the_same_columns(
    staffed, coordinator, county_a, client_for
):
    import io

    from openpyxl import load_workbook

    response = client_for(coordinator).get(
        url("records", "principals", unit=county_a.pk, year=2022, format="xlsx")
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(io.BytesIO(response.content))
    rows = list(book.worksheets[0].values)
    assert "单位负责人" in rows[0] and "所在单位" in rows[0]
    assert len(rows) == 2  # the header and county A's one principal
    assert "张伟" not in str(rows)
    notes = list(book["说明"].values)
    assert ("指标代码", "principals") in notes


def test_a_statutory_tables_cells_are_computed_but_not_listed_on_the_overview_or_dashboard(
    staffed, coordinator, county_a, client_for, monkeypatch
):
    from django.db.models import Q

    from fazhi.indicators import catalogue as cat_module
    from fazhi.indicators.catalogue import cell, count
    from fazhi.reports.tests.fakes import CATALOGUE

    one = cell(
        count("people_cell", "表格单元人员", "名", model="org.Person", where=lambda p: Q(), definition="单元格", register="org"),
        "某法定报表",
    )
    monkeypatch.setattr(cat_module, "substitute", {i.code: i for i in [*CATALOGUE, one]})
    assert "people_cell" not in cat_module.listed() and "people" in cat_module.listed()
    c = client_for(coordinator)
    for name in ("overview", "dashboard"):
        html = c.get(url(name, year=2022)).content.decode()
        assert "负责人占比" in html and "表格单元人员" not in html, name
    assert c.get(url("records", "people_cell", unit=county_a.pk, year=2022)).status_code == 200
