"""The workflow-register declaration: its rows go through the scope and the declared
filters (a value that is not a choice is ignored), and its URLs carry the declared names."""

from types import SimpleNamespace

import pytest
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory

from fazhi.kit.registers import Filter, WorkflowScreen, flag_filter, id_filter
from fazhi.org.models import Person
from fazhi.testing import make_person

pytestmark = pytest.mark.django_db


def _screen(**extra):
    return WorkflowScreen(
        app="people",
        model=Person,
        title="人员",
        filters=(
            id_filter("unit", "unit_id"),
            Filter("name", lambda qs, v: qs.filter(name=v), lambda v: v in {"张三", "李四"}),
            flag_filter("zhang", lambda qs: qs.filter(name__startswith="张")),
        ),
        **extra,
    )


def _get(user, **params):
    request = RequestFactory().get("/", params)
    request.user = user
    request.session = {}  # type: ignore[assignment]  # a dict stands in for the session
    return request


def test_rows_are_scoped_and_narrowed_by_the_declared_filters(
    coordinator, liaison_a1, unit_a1, unit_a2, county_b
):
    zhang, li = make_person(unit_a1, "张三"), make_person(unit_a2, "李四")
    outside = make_person(county_b, "张五")
    screen = _screen()
    assert set(screen.rows(_get(coordinator))) == {zhang, li}
    assert set(screen.rows(_get(liaison_a1))) == {zhang}
    assert list(screen.rows(_get(coordinator, name="李四"))) == [li]
    assert list(screen.rows(_get(coordinator, zhang="1"))) == [zhang]
    # Values that are not one of the filter's choices are ignored, never an error.
    assert set(screen.rows(_get(coordinator, name="王五", zhang="yes", unit="x"))) == {zhang, li}
    assert outside not in screen.rows(_get(coordinator, unit=str(county_b.pk)))


def test_rows_refuse_a_role_that_reads_no_register(auditor):
    with pytest.raises(PermissionDenied):
        _screen().rows(_get(auditor))


def test_templates_follow_the_app_unless_named():
    assert _screen().list_template == "people/list.html"
    assert _screen().htmx_template == ""
    assert _screen(htmx=True).htmx_template == "people/_list.html"
    assert _screen(list_template="people/other.html").list_template == "people/other.html"


def test_urls_carry_the_declared_names_under_the_prefix():
    screen = _screen(
        prefix="people/",
        names={"list": "people", "detail": "person", "act": "person_act"},
        detail_template="people/detail.html",
        action_form=lambda t, r, u: None,
        indicators=(SimpleNamespace(code="x"),),
    )
    assert [(str(u.pattern), u.name) for u in screen.urls()] == [
        ("people/", "people"),
        ("people/<int:pk>/", "person"),
        ("people/<int:pk>/act/<slug:action>/", "person_act"),
        ("people/figures/", "figures"),
    ]
