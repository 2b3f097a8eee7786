"""The search box of the register lists (issue 19, point 4): core.search."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.test import RequestFactory

import fazhi.urls  # noqa: F401 - mounting the URLs fills MOUNTED
from fazhi.kit.search import MAX_QUERY, search, search_fields, search_label, search_text
from fazhi.kit.xlsx_views import MOUNTED
from fazhi.reconsideration.models import Application
from fazhi.reconsideration.tests.helpers import received

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_cases(coordinator, unit_a1, unit_a2):
    received(coordinator, unit_a1, applicant_name="张三丰", case_number="确政复〔2023〕7号", act="行政处罚决定")
    received(coordinator, unit_a2, applicant_name="李四光", case_number="确政复〔2023〕8号", act="不予登记决定")


def test_a_search_matches_case_number_applicant_and_act(two_cases):
    qs = Application.objects.all()
    assert [a.applicant_name for a in search(qs, "〔2023〕7")] == ["张三丰"]
    assert [a.applicant_name for a in search(qs, "四光")] == ["李四光"]
    assert [a.applicant_name for a in search(qs, "登记")] == ["李四光"]
    assert search(qs, "").count() == 2


def test_every_word_of_a_search_must_match(two_cases):
    qs = Application.objects.all()
    assert [a.applicant_name for a in search(qs, "确政复 张三")] == ["张三丰"]
    assert not search(qs, "张三 不予").exists()


def test_the_search_text_is_trimmed_and_bounded():
    request = RequestFactory().get("/", {"q": "  张三 \t 丰 " + "x" * 100})
    assert search_text(request).startswith("张三 丰 x")
    assert len(search_text(request)) == MAX_QUERY


def test_the_list_finds_by_name_and_shows_the_box_with_chinese_hint(client_for, coordinator, two_cases):
    page = client_for(coordinator).get("/reconsideration/", {"q": "张三丰"}).content.decode()
    assert "〔2023〕7号" in page and "〔2023〕8号" not in page
    assert 'name="q"' in page and "案号、申请人、申请复议的行政行为" in page


def test_a_search_by_another_units_user_returns_nothing_of_it(
    client_for, coordinator, coordinator_b, liaison_a2, two_cases
):
    for outsider in (coordinator_b, liaison_a2):
        page = client_for(outsider).get("/reconsideration/", {"q": "〔2023〕7"}).content.decode()
        assert "〔2023〕7号" not in page
        export = client_for(outsider).get("/reconsideration/export.xlsx", {"q": "〔2023〕7"})
        assert "张".encode() not in export.content
    page = client_for(coordinator).get("/reconsideration/", {"q": "〔2023〕7"}).content.decode()
    assert "〔2023〕7号" in page


def test_every_register_list_has_the_search_box(client_for, coordinator):
    c = client_for(coordinator)
    for key in MOUNTED:
        url = key.split("#")[0]
        response = c.get(url, {"q": "不存在的案号"})
        assert response.status_code == 200, url
        if search_fields(MOUNTED[key][0].model):
            assert 'name="q"' in response.content.decode(), url


def test_every_declared_search_field_is_a_field_with_a_chinese_name():
    for model in apps.get_models():
        if search_fields(model):
            label = search_label(model)
            assert label and label.isascii() is False, model
            assert search(model.objects.all(), "x").query is not None


def test_the_common_filters_narrow_by_unit_period_state_and_overdue(client_for, coordinator, unit_a1, unit_a2):
    from datetime import date

    from fazhi.reconsideration.tests.helpers import accepted

    received(coordinator, unit_a1, case_number="确政复〔2023〕7号", on=date(2023, 3, 1))
    accepted(coordinator, unit_a2, case_number="确政复〔2023〕8号", received_on=date(2023, 6, 1), on=date(2023, 6, 2))
    c = client_for(coordinator)

    def shown(**params):
        page = c.get("/reconsideration/", params).content.decode()
        return {n for n in ("7号", "8号") if f"〔2023〕{n}" in page}

    assert shown(unit=unit_a2.pk) == {"8号"}
    assert shown(**{"from": "2023-05-01"}) == {"8号"}
    assert shown(to="2023-05-01") == {"7号"}
    assert shown(state="accepted") == {"8号"}
    assert shown(overdue="1") == {"7号", "8号"}  # both reviews ran out long ago
    assert shown(unit="999999") == {"7号", "8号"}  # an unknown unit narrows nothing


def test_a_unit_outside_the_scope_shows_nothing_of_it(client_for, liaison_a2, coordinator, unit_a1):
    received(coordinator, unit_a1, case_number="确政复〔2023〕7号")
    page = client_for(liaison_a2).get("/reconsideration/", {"unit": unit_a1.pk}).content.decode()
    assert "〔2023〕7号" not in page


def test_a_screen_list_gets_the_common_filters_too(client_for, coordinator):
    page = client_for(coordinator).get("/publicity/").content.decode()
    assert 'name="from"' in page and 'name="to"' in page and 'name="unit"' in page


def test_a_two_character_word_finds_what_contains_it_through_the_bigram_index(two_cases, coordinator, unit_a1):
    from django.db import connection

    from fazhi.kit.search import has_bigram_indexes

    received(coordinator, unit_a1, applicant_name="王伟", act="工伤认定决定", case_number="确政复〔2024〕1号")
    qs = Application.objects.all()
    # On PostgreSQL the migration built the bigram indexes and a 2-character word is asked
    # of them; on SQLite it is a LIKE. Either way: exactly the rows that contain the word.
    assert has_bigram_indexes(Application, "default") == (connection.vendor == "postgresql")
    for word in ("王伟", "三丰", "工伤", "〔2", "7号", "政复"):
        expected = {a.pk for a in qs if any(word.upper() in str(getattr(a, f)).upper() for f in search_fields(Application))}
        assert {a.pk for a in search(qs, word)} == expected, word
    assert not search(qs, "王五").exists()
    assert [a.applicant_name for a in search(qs, "王伟 工伤")] == ["王伟"]
    sql = str(search(qs, "王伟").query)
    assert ("fazhi_bigrams" in sql) == (connection.vendor == "postgresql")


def test_a_list_without_its_own_state_filter_gets_one_from_the_search_box(client_for, coordinator, two_cases):
    certificates = client_for(coordinator).get("/enforcement/officers/").content.decode()
    assert certificates.count('name="state"') == 1  # enforcement.Certificate has a state
    own = client_for(coordinator).get("/reconsideration/").content.decode()
    assert own.count('name="state"') == 1  # its own filter, not a second one
