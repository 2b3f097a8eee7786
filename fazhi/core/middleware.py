from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse


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
