"""A database too busy to answer in time is a 503 "请稍后重试", never a 500.

On SQLite a writer that waits longer than the busy timeout for another's write lock
gets "database is locked"; on PostgreSQL a lock or statement timeout, a deadlock or a
serialization failure ends the statement. None of them is a fault of the request: the
user is asked to try again in a moment. Django turns every exception into a response
inside each middleware, so the exception is noted on the request as it is handled
(`got_request_exception`) and the outermost middleware swaps the 500 for the 503,
whether the view, the session save or another middleware met the lock.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from django.core.signals import got_request_exception
from django.db import OperationalError
from django.db.utils import InternalError
from django.http import HttpRequest, HttpResponse, JsonResponse

MESSAGE = "系统繁忙，请稍后重试。"
RETRY_AFTER_SECONDS = 5
# PostgreSQL: lock_not_available, deadlock_detected, serialization_failure, query_canceled
# (lock_timeout / statement_timeout).
_PG_BUSY = {"55P03", "40P01", "40001", "57014"}
_SQLITE_BUSY = ("database is locked", "database table is locked", "database schema is locked")


def is_busy(exc: BaseException | None) -> bool:
    if not isinstance(exc, (OperationalError, InternalError)):
        return False
    cause = exc.__cause__
    code = getattr(cause, "sqlstate", None) or getattr(cause, "pgcode", None)
    if code in _PG_BUSY:
        return True
    return any(text in str(exc) for text in _SQLITE_BUSY)


def busy_response(request: HttpRequest) -> HttpResponse:
    response: HttpResponse
    if request.path.startswith("/api/") or "application/json" in request.headers.get("Accept", ""):
        response = JsonResponse({"detail": MESSAGE}, status=503, json_dumps_params={"ensure_ascii": False})
    else:
        # A page of its own: the site's templates read the database, which is busy.
        response = HttpResponse(
            '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>系统繁忙</title></head>'
            f"<body><h1>系统繁忙</h1><p>{MESSAGE}</p><p>其他用户正在写入大量数据（如导入），"
            f"请等待几秒后刷新本页。</p></body></html>",
            status=503,
            content_type="text/html; charset=utf-8",
        )
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def _note(sender: Any, request: HttpRequest | None = None, **kwargs: Any) -> None:
    if request is not None and is_busy(sys.exc_info()[1]):
        request.fazhi_db_busy = True  # type: ignore[attr-defined]


got_request_exception.connect(_note, dispatch_uid="fazhi.core.busy")


class DatabaseBusyMiddleware:
    """Outermost but for security headers: a 500 caused by a busy database becomes a 503."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code >= 500 and getattr(request, "fazhi_db_busy", False):
            return busy_response(request)
        return response
