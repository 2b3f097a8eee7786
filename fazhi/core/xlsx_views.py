"""The template / import / export screens every register mounts with `xlsx_urls()`."""

from __future__ import annotations

import base64
from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path
from django.utils import timezone
from django.utils.http import content_disposition_header

from fazhi.core.xlsx import (
    XLSX_CONTENT_TYPE,
    ImportRefused,
    Sheet,
    errors_workbook,
    export,
    export_for_editing,
    import_file,
    template,
)
from fazhi.org.scope import visible_to

# Every sheet a register mounts, by its list URL: (sheet, rows(request)). The round-trip
# tests walk it, so a new register's sheet is tested without being listed by hand.
MOUNTED: dict[str, tuple[Sheet, Callable[[HttpRequest], QuerySet[Any]]]] = {}


class UploadForm(forms.Form):
    file = forms.FileField(label="选择 .xlsx 文件")


def xlsx_response(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def xlsx_urls(
    sheet: Sheet,
    rows: Callable[[HttpRequest], QuerySet[Any]],
    *,
    list_url: str,
) -> list[URLPattern]:
    """URLs `template.xlsx`, `import/` and `export.xlsx` for one register's sheet.

    `rows(request)` must return the records the user may see, already filtered the
    way the list screen filters them; the export writes exactly those.
    """

    MOUNTED[f"{list_url}#{sheet.title}"] = (sheet, rows)

    def require(request: HttpRequest, *, write: bool) -> None:
        user: Any = request.user
        if write and not user.can_write_records:
            raise PermissionDenied("您的角色只能查看，不能导入。")
        if not user.can_read_records:
            raise PermissionDenied("您的角色不能查看台账。")

    @login_required
    def download_template(request: HttpRequest) -> HttpResponse:
        require(request, write=False)
        return xlsx_response(template(sheet), f"{sheet.title}导入模板.xlsx")

    @login_required
    def export_view(request: HttpRequest) -> HttpResponse:
        require(request, write=False)
        stamp = timezone.localdate().strftime("%Y%m%d")
        return xlsx_response(export(sheet, rows(request).iterator(chunk_size=2000), user=request.user), f"{sheet.title}_{stamp}.xlsx")

    @login_required
    def export_full_view(request: HttpRequest) -> HttpResponse:
        # Full data only to writers, and only of the units they may write.
        require(request, write=True)
        qs = visible_to(request.user, rows(request), write=True)
        stamp = timezone.localdate().strftime("%Y%m%d")
        data = export_for_editing(sheet, qs.iterator(chunk_size=2000), user=request.user)
        return xlsx_response(data, f"{sheet.title}_完整数据_{stamp}.xlsx")

    @login_required
    def import_view(request: HttpRequest) -> HttpResponse:
        require(request, write=True)
        form = UploadForm(request.POST or None, request.FILES or None)
        context: dict[str, Any] = {"form": form, "sheet": sheet, "list_url": list_url}
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                result = import_file(sheet, upload.read(), user=request.user, filename=upload.name)
            except ImportRefused as exc:
                form.add_error("file", str(exc))
            else:
                if result.ok:
                    messages.success(request, f"导入成功：共{result.created}条记录。")
                    return redirect(list_url)
                context["result"] = result
                context["errors_b64"] = base64.b64encode(errors_workbook(result)).decode("ascii")
        return render(request, "core/import.html", context)

    return [
        path("template.xlsx", download_template, name="template"),
        path("import/", import_view, name="import"),
        path("export.xlsx", export_view, name="export"),
        path("export-full.xlsx", export_full_view, name="export_full"),
    ]
