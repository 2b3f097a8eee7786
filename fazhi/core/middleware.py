from __future__ import annotations

import re
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from fazhi.core.errors import error_response


class BrowserCompatMiddleware:
    """Headers for the browsers government offices use.

    360's dual-engine browser reads the `renderer` meta tag (set in base.html); IE-mode
    engines honour X-UA-Compatible. Both steer them to their modern engine.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.setdefault("X-UA-Compatible", "IE=edge")
        return response


# Our own origin only: every script, style sheet, font and image is served by us
# (static/vendor/ holds htmx and ECharts), so nothing else may load, and no inline script
# or event handler may run — an injected `<img onerror=…>` stays inert. Style attributes
# stay allowed (`style-src-attr`): ECharts positions its tooltips and the templates size
# charts with them; a `<style>` element still has to come from us. docs/deployment.md
# repeats this header in the sample nginx configuration.
CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "style-src-attr 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)


class ContentSecurityPolicyMiddleware:
    """Sends the Content-Security-Policy on every answer (issue 17, point 1)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        return response


_INTEGER = re.compile(r"[+-]?[0-9]+")
# Query parameters that name a year, with their Chinese names (the screens' filters).
YEAR_PARAMETERS = {"year": "年度", "from": "起始年度", "to": "截止年度"}
FIRST_YEAR, LAST_YEAR = 1900, 2100
# Free text a user types: any digits are fine there.
TEXT_PARAMETERS = frozenset({"q", "next", "number"})
LARGEST_ID = 2**63 - 1  # a database's largest integer key (bigint)


def query_parameter_error(name: str, value: str) -> str | None:
    """Why a query parameter cannot be used, in Chinese; None if the screen may read it.

    Judged here: a NUL character (no database string can hold it), a year outside
    FIRST_YEAR–LAST_YEAR (no date can hold year 0 or year 99999999999) and a number no
    database key can hold. Everything else is for the screen to judge.
    """
    if "\x00" in value or "\x00" in name:
        # PostgreSQL refuses a NUL character in any string (a server error, not a miss).
        return f"查询参数“{name.replace(chr(0), '')}”含有不允许的控制字符（NUL）。"
    if name in TEXT_PARAMETERS or not _INTEGER.fullmatch(value.strip()):
        return None
    number = int(value)
    if name in YEAR_PARAMETERS:
        if not FIRST_YEAR <= number <= LAST_YEAR:
            return f"查询参数“{YEAR_PARAMETERS[name]}”（{name}={value.strip()[:20]}）无效：须为{FIRST_YEAR}至{LAST_YEAR}之间的年份。"
    elif abs(number) > LARGEST_ID:
        return f"查询参数“{name}”的值超出范围（{value.strip()[:20]}…），请从页面上的选项中选择。"
    return None


class QueryParameterMiddleware:
    """Answers 400 in Chinese for a query parameter no screen can use (issue 17, point 11).

    `?year=0` or `?unit=99999999999999999999` reached the database or `date()` and
    answered 500; here they are refused for every screen and API route at once, before
    any view parses them.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        for name, values in request.GET.lists():
            for value in values:
                problem = query_parameter_error(name, value)
                if problem:
                    return error_response(request, 400, problem)
        return self.get_response(request)
