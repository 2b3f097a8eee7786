"""The template / import / export screens every register mounts with `xlsx_urls()`."""

from __future__ import annotations

import base64
import os
import secrets
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path
from django.utils import timezone

from fazhi.core.spreadsheets import xlsx_response
from fazhi.kit.xlsx import (
    ASK,
    KEEP,
    SKIP,
    ImportRefused,
    ImportResult,
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


# Uploads waiting for the user's answer about duplicate rows: kept on the server (never
# in the page or the session), named by a random token the user's session holds.
PENDING_DIR = "pending_imports"
PENDING_SECONDS = 24 * 3600


def _pending_dir() -> Path:
    folder = Path(settings.DATA_DIR) / PENDING_DIR
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def keep_pending(request: HttpRequest, data: bytes, filename: str) -> str:
    """Keep an upload until the user confirms or cancels; returns its token."""
    folder = _pending_dir()
    stale = time.time() - PENDING_SECONDS
    for old in folder.glob("*.xlsx"):
        if old.stat().st_mtime < stale:
            old.unlink(missing_ok=True)
    token = secrets.token_urlsafe(16)
    path = folder / f"{token}.xlsx"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    request.session[f"pending_import:{request.path}"] = {"token": token, "filename": filename}
    return token


def take_pending(request: HttpRequest, token: str) -> tuple[bytes, str] | None:
    """The upload this user's session kept under `token` for this page, removed."""
    kept = request.session.pop(f"pending_import:{request.path}", None)
    if not kept or not secrets.compare_digest(kept["token"], token):
        return None
    path = _pending_dir() / f"{kept['token']}.xlsx"
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    path.unlink(missing_ok=True)
    return data, kept["filename"]


def require_sheet_access(request: HttpRequest, *, write: bool = False) -> None:
    """A sheet's template and export for the roles that read records; its import (and
    the export for editing) for the roles that write them."""
    user: Any = request.user
    if write and not user.can_write_records:
        raise PermissionDenied("您的角色只能查看，不能导入。")
    if not user.can_read_records:
        raise PermissionDenied("您的角色不能查看台账。")


def xlsx_urls(
    sheet: Sheet,
    rows: Callable[[HttpRequest], QuerySet[Any]],
    *,
    list_url: str,
    applied_by: Callable[..., ImportResult] | None = None,
    noun: str = "记录",
) -> list[URLPattern]:
    """URLs `template.xlsx`, `import/` and `export.xlsx` for one register's sheet.

    `rows(request)` must return the records the user may see, already filtered the
    way the list screen filters them; the export writes exactly those.

    A sheet whose rows are changes applied in order by the register's own code
    (`applied_by(data, user=, filename=)`, e.g. the lists' adjustments) rather than
    records stored as they are has no duplicates question, no export for editing and no
    round trip (it is not in MOUNTED). `noun` counts the rows in the success message.
    """

    if applied_by is None:
        MOUNTED[f"{list_url}#{sheet.title}"] = (sheet, rows)
    require = require_sheet_access

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
        if request.method != "POST":
            return render(request, "core/import.html", context)
        token = request.POST.get("pending", "")
        if token:
            kept = take_pending(request, token)
            if kept is None:
                messages.warning(request, "待确认的导入已过期或已处理，请重新上传文件。")
                return redirect(request.path)
            if request.POST.get("answer") != "confirm":
                messages.info(request, "已取消导入，未写入任何记录。")
                return redirect(list_url)
            data, filename = kept
            mode = KEEP if request.POST.get("keep_duplicates") else SKIP
            form = UploadForm()
            context["form"] = form
        elif form.is_valid():
            upload = form.cleaned_data["file"]
            data, filename, mode = upload.read(), upload.name, ASK
        else:
            return render(request, "core/import.html", context)
        try:
            if applied_by is not None:
                result = applied_by(data, user=request.user, filename=filename)
            else:
                result = import_file(sheet, data, user=request.user, filename=filename, duplicates=mode)
        except ImportRefused as exc:
            form.add_error("file", str(exc))
            return render(request, "core/import.html", context)
        if result.needs_confirmation:
            context["pending"] = keep_pending(request, data, filename)
            context["result"] = result
            return render(request, "core/import.html", context)
        if result.ok:
            skipped = len(result.duplicate_rows) if mode == SKIP else 0
            messages.success(
                request, f"导入成功：共{result.created}条{noun}。" + (f"跳过重复{skipped}行。" if skipped else "")
            )
            return redirect(list_url)
        context["result"] = result
        context["errors_b64"] = base64.b64encode(errors_workbook(result)).decode("ascii")
        return render(request, "core/import.html", context)

    urls = [
        path("template.xlsx", download_template, name="template"),
        path("import/", import_view, name="import"),
        path("export.xlsx", export_view, name="export"),
    ]
    if applied_by is None:
        urls.append(path("export-full.xlsx", export_full_view, name="export_full"))
    return urls
