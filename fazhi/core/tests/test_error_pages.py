"""Error answers are Chinese, inside the site's layout, with a way back (issue 17 point 14, issue 19 point 2)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.http import HttpRequest, HttpResponse
from django.test import Client, override_settings
from django.urls import path
from rest_framework.views import APIView

from fazhi.urls import *  # noqa: F403 - the test URLconf below is the site plus one failing view
from fazhi.urls import urlpatterns as site_urlpatterns

ENGLISH = ("Not Found", "Forbidden", "Bad Request", "Server Error", "CSRF verification failed", "not found")


def _boom(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("boom: internal detail that must not reach the user")


urlpatterns = [path("boom/", _boom), *site_urlpatterns]


def _page(response: Any) -> str:
    text = response.content.decode()
    for word in ENGLISH:
        assert word not in text, word
    return text


@pytest.mark.django_db
def test_an_unknown_url_is_a_chinese_page_in_the_layout_with_a_way_back(client_for: Any, coordinator: Any) -> None:
    response = client_for(coordinator).get("/no-such-page/", HTTP_REFERER="http://testserver/reconsideration/")
    assert response.status_code == 404
    text = _page(response)
    assert "页面不存在" in text
    assert 'class="sidenav"' in text  # the site's menu, so the user is not stranded
    assert 'href="http://testserver/reconsideration/"' in text and "返回上一页" in text
    assert "返回工作台" in text


@pytest.mark.django_db
def test_an_unknown_url_for_an_anonymous_user_offers_the_sign_in_page() -> None:
    response = Client().get("/no-such-page/", HTTP_REFERER="https://elsewhere.example/")
    assert response.status_code == 404
    text = _page(response)
    assert "页面不存在" in text and 'href="/login/"' in text
    assert "elsewhere.example" not in text  # no way "back" to another site


@pytest.mark.django_db
def test_a_refusal_is_a_chinese_page_that_says_why(client_for: Any, auditor: Any) -> None:
    response = client_for(auditor).get("/reconsideration/")
    assert response.status_code == 403
    text = _page(response)
    assert "无权访问" in text and "您的角色不能查看业务记录" in text
    assert 'class="sidenav"' in text


@pytest.mark.django_db
def test_a_csrf_failure_is_a_chinese_page_that_says_nothing_was_submitted(coordinator: Any) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(coordinator)
    response = client.post("/switch-unit/", {"unit": "1"})
    assert response.status_code == 403
    text = _page(response)
    assert "安全校验未通过" in text and "没有提交" in text


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__)
def test_a_server_error_is_a_chinese_page_that_hides_the_detail(coordinator: Any) -> None:
    client = Client(raise_request_exception=False)
    client.force_login(coordinator)
    response = client.get("/boom/")
    assert response.status_code == 500
    text = _page(response)
    assert "系统出错" in text and "boom" not in text
    assert 'class="sidenav"' in text


def test_a_server_error_while_the_layout_fails_too_still_answers_a_chinese_page(rf: Any, monkeypatch: Any) -> None:
    from django.contrib.auth.models import AnonymousUser

    from fazhi.core import context_processors, errors

    def broken(request: Any) -> Any:
        raise RuntimeError("database unavailable")

    monkeypatch.setattr(context_processors, "focus_unit", broken)
    monkeypatch.setattr(context_processors, "can_switch", broken)
    request = rf.get("/anything/")
    request.user = type("U", (AnonymousUser,), {"is_authenticated": True})()
    response = errors.server_error(request)
    assert response.status_code == 500
    text = response.content.decode()
    assert "系统出错" in text and "返回工作台" in text and "database" not in text


@pytest.mark.django_db
def test_the_api_answers_an_unknown_route_and_record_in_chinese_json_whatever_the_browser_language(
    client_for: Any, coordinator: Any
) -> None:
    client = client_for(coordinator)
    for url in ("/api/no-such-route/", "/api/units/999999999/"):
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
        assert response.status_code == 404, url
        detail = json.loads(response.content)["detail"]
        assert "Not found" not in detail and any("\u4e00" <= c <= "\u9fff" for c in detail), detail


@pytest.mark.django_db
def test_the_api_says_throttling_in_chinese_whatever_the_browser_language(
    client_for: Any, coordinator: Any, monkeypatch: Any
) -> None:
    class Refuse:
        def allow_request(self, request: Any, view: Any) -> bool:
            return False

        def wait(self) -> float:
            return 30

    monkeypatch.setattr(APIView, "get_throttles", lambda self: [Refuse()])
    response = client_for(coordinator).get("/api/units/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.status_code == 429
    detail = json.loads(response.content)["detail"]
    assert "限流" in detail and "30" in detail and "throttled" not in detail
