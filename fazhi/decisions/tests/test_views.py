from datetime import date

import pytest

from fazhi.decisions.models import Catalogue, Decision


@pytest.fixture
def decision(unit_a1):
    cat = Catalogue.objects.create(unit=unit_a1, year=2022, published_on=date(2022, 2, 1))
    return Decision.objects.create(unit=unit_a1, catalogue=cat, year=2022, title="供热规划")


@pytest.mark.django_db
def test_the_timeline_shows_the_years_decisions(
    client_for, liaison_a1, decision, django_assert_max_num_queries
):
    c = client_for(liaison_a1)
    c.get("/")  # the session's first request does the sign-in bookkeeping
    with django_assert_max_num_queries(10):
        r = c.get("/decisions/timeline/?year=2022")
    assert r.status_code == 200 and "供热规划" in r.content.decode()


@pytest.mark.django_db
def test_the_list_timeline_and_detail_queries_do_not_grow_with_the_steps(
    client_for, liaison_a1, decision
):
    c = client_for(liaison_a1)
    c.get("/")
    decision.apply("open_comment", by=liaison_a1, on=date(2022, 3, 1), end_on=date(2022, 4, 1))
    urls = ["/decisions/?year=2022", "/decisions/timeline/?year=2022", f"/decisions/{decision.pk}/"]
    before = [_count(c, u) for u in urls]
    for i in range(4):
        d = Decision.objects.create(
            unit=decision.unit, catalogue=decision.catalogue, year=2022, title=f"规划{i}"
        )
        d.apply("risk", by=liaison_a1, on=date(2022, 3, 1), conclusion="低风险")
        d.apply("open_comment", by=liaison_a1, on=date(2022, 3, 1), end_on=date(2022, 4, 1))
    decision.apply("risk", by=liaison_a1, on=date(2022, 3, 2), conclusion="低风险")
    decision.apply("expert", by=liaison_a1, on=date(2022, 3, 3), form="论证会", received=5)
    assert [_count(c, u) for u in urls] == before


def _count(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.django_db
def test_an_outsider_gets_404_for_a1s_decision(client_for, liaison_a2, coordinator_b, decision):
    assert client_for(liaison_a2).get(f"/decisions/{decision.pk}/").status_code == 404
    assert client_for(coordinator_b).get(f"/decisions/{decision.pk}/").status_code == 404
    assert (
        "供热规划"
        not in client_for(liaison_a2).get("/decisions/timeline/?year=2022").content.decode()
    )


@pytest.mark.django_db
def test_a_leader_cannot_record_a_step(client_for, leader, decision):
    r = client_for(leader).post(
        f"/decisions/{decision.pk}/act/risk/",
        {"risk-on": "2022-04-01", "risk-conclusion": "低风险"},
    )
    assert r.status_code == 403
    assert not decision.steps.exists()


@pytest.mark.django_db
def test_a_step_out_of_order_is_refused_with_a_chinese_message(client_for, liaison_a1, decision):
    r = client_for(liaison_a1).post(
        f"/decisions/{decision.pk}/act/legality/",
        {"legality-on": "2022-04-01", "legality-conclusion": "合法"},
        follow=True,
    )
    assert "之前必须先完成" in r.content.decode()
    assert not decision.steps.exists()


@pytest.mark.django_db
def test_a_step_is_recorded_through_the_screen(client_for, liaison_a1, decision):
    r = client_for(liaison_a1).post(
        f"/decisions/{decision.pk}/act/risk/",
        {"risk-on": "2022-04-01", "risk-conclusion": "低风险"},
    )
    assert r.status_code == 302
    assert decision.steps.get().step == "risk"


@pytest.mark.django_db
def test_a_coordinator_registers_a_catalogue_and_a_decision(client_for, coordinator, county_a):
    c = client_for(coordinator)
    r = c.post(
        "/decisions/catalogues/new/",
        {"unit": county_a.pk, "year": 2022, "title": "2022年目录", "published_on": "2022-02-20"},
    )
    assert r.status_code == 302
    cat = Catalogue.objects.get()
    r = c.post(
        "/decisions/new/",
        {"unit": county_a.pk, "catalogue": cat.pk, "year": 2022, "title": "停车设施规划"},
    )
    assert r.status_code == 302
    assert Decision.objects.get().catalogue == cat


@pytest.mark.django_db
def test_a_decision_in_a_catalogue_of_another_year_is_refused_and_not_saved(
    client_for, coordinator, county_a
):
    cat = Catalogue.objects.create(unit=county_a, year=2021)
    r = client_for(coordinator).post(
        "/decisions/new/",
        {"unit": county_a.pk, "catalogue": cat.pk, "year": 2022, "title": "停车设施规划"},
    )
    assert r.status_code == 200 and "年度与目录年度不一致" in r.content.decode()
    assert not Decision.objects.exists()


@pytest.mark.django_db
def test_a_leader_cannot_register_a_decision(client_for, leader):
    assert client_for(leader).get("/decisions/new/").status_code == 403


@pytest.mark.django_db
def test_an_auditor_cannot_read_the_register(client_for, auditor):
    c = client_for(auditor)
    assert c.get("/decisions/").status_code == 403
    assert c.get("/decisions/timeline/").status_code == 403


@pytest.mark.django_db
def test_a_step_from_a_stale_page_is_refused_and_nothing_changes(client_for, liaison_a1, decision):
    stale = decision.version
    decision.apply("risk", by=liaison_a1, on=date(2022, 4, 1), conclusion="低风险")
    r = client_for(liaison_a1).post(
        f"/decisions/{decision.pk}/act/expert/",
        {"expert-on": "2022-04-02", "expert-form": "论证会", "expert-version": stale},
    )
    assert r.status_code == 400
    assert "已被其他人修改" in r.content.decode()
    assert list(decision.steps.values_list("step", flat=True)) == ["risk"]


@pytest.mark.django_db
def test_the_detail_page_shows_one_form_per_move_with_the_loaded_version(
    client_for, liaison_a1, decision
):
    page = client_for(liaison_a1).get(f"/decisions/{decision.pk}/").content.decode()
    assert f'action="/decisions/{decision.pk}/act/risk/"' in page
    assert 'name="risk-version"' in page and f'value="{decision.version}"' in page
