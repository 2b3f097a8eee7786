"""The site's error answers: Chinese, inside the site's layout, with a way back.

Django calls these for 400, 403, 404 and 500 (`handler400` … in `fazhi/urls.py`) and for
a CSRF failure (`CSRF_FAILURE_VIEW`). Under /api/ they answer JSON (`{"detail": …}`), as
the REST framework does for the errors it handles itself.

A message the code raised in Chinese (`PermissionDenied("您的角色不能查看台账记录。")`,
`BadRequest(…)`) is shown; anything else (Django's and the libraries' English texts,
which may also name internals) is replaced by the status's own Chinese sentence.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.template import loader
from django.utils.http import url_has_allowed_host_and_scheme
from rest_framework import exceptions
from rest_framework.views import exception_handler

logger = logging.getLogger(__name__)

_CHINESE = re.compile(r"[\u4e00-\u9fff]")

TITLES = {
    400: "请求有误",
    403: "无权访问",
    404: "页面不存在",
    500: "系统出错",
}
MESSAGES = {
    400: "请求的参数无效，请返回后重新操作。",
    403: "您的账号没有打开此页面的权限。如确需使用，请联系本单位的统筹协调员。",
    404: "您要找的页面不存在，或记录不存在、不在您的管辖范围内。",
    500: "系统处理请求时出错，已记录在服务器日志中。请稍后重试；如仍出错，请联系系统管理员。",
}
CSRF_MESSAGE = "页面已过期或表单来源无法核实（安全校验未通过），您填写的内容没有提交。请返回上一页，刷新后重新提交。"


def chinese_message(exception: Any, status: int, fallback: str | None = None) -> str:
    """The exception's own message if it is Chinese, else the status's Chinese sentence."""
    text = ""
    if exception is not None:
        args = getattr(exception, "args", ())
        text = str(args[0]) if args and isinstance(args[0], str) else ""
        messages = getattr(exception, "messages", None)
        if not text and messages:
            text = "；".join(str(m) for m in messages)
    return text if text and _CHINESE.search(text) else (fallback or MESSAGES[status])


def _is_api(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


def _back(request: HttpRequest) -> str:
    """The page the user came from, if it is one of ours and not this one."""
    back = request.META.get("HTTP_REFERER", "")
    try:
        host, here = request.get_host(), request.build_absolute_uri()
    except Exception:  # noqa: BLE001 - a disallowed Host header is itself the error being shown
        return ""
    if back == here or not url_has_allowed_host_and_scheme(
        back, allowed_hosts={host}, require_https=request.is_secure()
    ):
        return ""
    return back


def error_response(request: HttpRequest, status: int, message: str, *, title: str | None = None) -> HttpResponse:
    if _is_api(request):
        return JsonResponse({"detail": message}, status=status, json_dumps_params={"ensure_ascii": False})
    context = {"status": status, "title": title or TITLES.get(status, "出错了"), "message": message, "back": _back(request)}
    try:
        body = loader.render_to_string("errors/error.html", context, request=request)
    except Exception:  # noqa: BLE001 - the layout itself failed (say, the database): answer without it
        logger.exception("error page rendered without the layout")
        body = loader.render_to_string("errors/plain.html", context)
    return HttpResponse(body, status=status)


def bad_request(request: HttpRequest, exception: Any = None) -> HttpResponse:
    return error_response(request, 400, chinese_message(exception, 400))


def permission_denied(request: HttpRequest, exception: Any = None) -> HttpResponse:
    return error_response(request, 403, chinese_message(exception, 403))


def page_not_found(request: HttpRequest, exception: Any = None) -> HttpResponse:
    return error_response(request, 404, chinese_message(exception, 404))


def server_error(request: HttpRequest) -> HttpResponse:
    # Never the exception's text. If the layout fails too (the database is what failed),
    # error_response answers with the plain page.
    return error_response(request, 500, MESSAGES[500])


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    logger.warning("CSRF failure on %s: %s", request.path, reason)
    return error_response(request, 403, CSRF_MESSAGE, title="安全校验未通过")


def api_exception_handler(exc: Exception, context: dict[str, Any]) -> Any:
    """The REST framework's handler, with Django's English 404/403 texts made Chinese.

    `get_object_or_404` raises `Http404("No Unit matches the given query.")`, which the
    framework passes on word for word (naming the model, too); its own messages are
    translated already (`LANGUAGES` holds Chinese only).
    """

    if isinstance(exc, Http404):
        exc = exceptions.NotFound(chinese_message(exc, 404, "记录不存在或无权查看。"))
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied(chinese_message(exc, 403))
    return exception_handler(exc, context)
