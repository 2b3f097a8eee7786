from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from fazhi.audit.trail import audit_context


def client_ip(request: HttpRequest) -> str | None:
    return request.META.get("REMOTE_ADDR") or None


class AuditContextMiddleware:
    """Every entry written while handling a request names its user and address."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        with audit_context(user=user, ip=client_ip(request)):
            return self.get_response(request)
