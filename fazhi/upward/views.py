"""Screens: the submissions a unit received (or sent), exporting the unit's file, importing
files, a submission with its figures and history, and the registered public keys."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_POST

from fazhi.audit.models import Action, Entry
from fazhi.audit.trail import record
from fazhi.core.focus import focus_unit
from fazhi.core.spreadsheets import xlsx_response
from fazhi.indicators.catalogue import catalogue
from fazhi.indicators.display import display
from fazhi.kit import xlsx
from fazhi.org.models import Role
from fazhi.org.scope import (
    can_write_unit,
    get_for_user_or_404,
    require_record_reader,
    visible_to,
)
from fazhi.upward import export as exporting
from fazhi.upward.fileformat import Refused
from fazhi.upward.forms import ExportForm, TrustedKeyForm, UploadForm
from fazhi.upward.importing import SHEET
from fazhi.upward.models import ImportedUnit, SigningKey, Submission, TrustedKey
from fazhi.upward.receive import may_import, receive

ZIP = "application/zip"


def _is_coordinator(user: Any) -> bool:
    return bool(user.is_superuser or user.role == Role.COORDINATOR)


def _receiver(request: HttpRequest) -> Any:
    return request.user.unit if request.user.unit_id else focus_unit(request)


@login_required
def submission_list(request: HttpRequest) -> HttpResponse:
    require_record_reader(request.user)
    qs = Submission.objects.visible_to(request.user).select_related("unit", "receiver", "imported_by")
    year = request.GET.get("year", "")
    if year.isdigit():
        qs = qs.filter(year=int(year))
    if request.GET.get("all") != "1":
        qs = qs.filter(current=True)
    page = Paginator(qs.defer("content", "manifest"), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "upward/list.html",
        {
            "page": page,
            "year": year,
            "show_all": request.GET.get("all") == "1",
            "can_import": _is_coordinator(request.user) and request.user.can_write_records,
            "imported_units": set(
                ImportedUnit.objects.visible_to(request.user).values_list("unit_id", flat=True)
            ),
        },
    )


@login_required
def export_view(request: HttpRequest) -> HttpResponse:
    require_record_reader(request.user)
    user = request.user
    allowed = _is_coordinator(user) and user.can_write_records
    form = ExportForm(request.POST or None, user=user)
    if request.method == "POST":
        if not allowed:
            raise PermissionDenied("只有本单位的统筹协调员可以导出上报文件。")
        if form.is_valid():
            unit, year = form.cleaned_data["unit"], form.cleaned_data["year"]
            if not can_write_unit(user, unit):
                raise PermissionDenied("只能导出本单位的上报文件。")
            try:
                data = exporting.export_year(unit, year, by=user)
            except exporting.ExportRefused as exc:
                form.add_error(None, str(exc))
            else:
                response = HttpResponse(data, content_type=ZIP)
                response["Content-Disposition"] = content_disposition_header(True, exporting.file_name(unit, year))
                return response
    key = None
    if user.unit_id:
        key = SigningKey.objects.filter(unit_id=user.unit_id).first()
    return render(request, "upward/export.html", {"form": form, "allowed": allowed, "key": key})


@login_required
def import_view(request: HttpRequest) -> HttpResponse:
    if not request.user.can_write_records:
        raise PermissionDenied("您的角色只能查看，不能导入。")
    receiver = _receiver(request)
    form = UploadForm(request.POST or None, request.FILES or None)
    results: list[dict[str, Any]] = []
    if request.method == "POST":
        if receiver is None or not may_import(request.user, receiver):
            raise PermissionDenied("只有接收单位的统筹协调员可以导入上报文件。")
        if form.is_valid():
            for f in form.cleaned_data["files"]:
                name = getattr(f, "name", "") or "上报文件"
                try:
                    outcome = receive(f.read(), into=receiver, by=request.user, file_name=name)
                except Refused as exc:
                    results.append({"name": name, "ok": False, "message": str(exc)})
                except IntegrityError:
                    results.append({"name": name, "ok": False, "message": "同时有另一次导入写入了同一单位和年度，请重试。"})
                else:
                    results.append(
                        {"name": name, "ok": True, "message": outcome.summary, "url": outcome.submission.get_absolute_url()}
                    )
    return render(
        request,
        "upward/import.html",
        {"form": form, "receiver": receiver, "results": results, "allowed": receiver is not None and may_import(request.user, receiver)},
    )


@login_required
def submission_detail(request: HttpRequest, pk: int) -> HttpResponse:
    require_record_reader(request.user)
    submission = get_for_user_or_404(Submission.objects.select_related("unit", "receiver", "imported_by"), pk, request.user)
    cat = catalogue()
    rows = []
    for f in submission.figures.all():
        ind = cat.get(f.code)
        value: Any = f.value
        if value is not None and ind is not None and ind.decimals == 0 and ind.kind != "rate":
            value = int(value)
        shown = display(ind, value) if ind is not None else ("—" if f.value is None else f"{f.value.normalize()}{f.measure}")
        rows.append({"f": f, "shown": shown})
    history = (
        Submission.objects.visible_to(request.user)
        .filter(unit=submission.unit, year=submission.year)
        .defer("content")
        .select_related("imported_by")
        .order_by("-imported_at")
    )
    missing = [code for code in cat if code not in {r["f"].code for r in rows}]
    return render(
        request,
        "upward/detail.html",
        {
            "s": submission,
            "rows": rows,
            "history": history,
            "missing": missing,
            "entries": Entry.objects.for_object(submission).order_by("id")[:50],
            "sender": submission.manifest.get("sender", {}),
            "report": submission.manifest.get("report", {}),
        },
    )


@login_required
def download(request: HttpRequest, pk: int) -> HttpResponse:
    require_record_reader(request.user)
    submission = get_for_user_or_404(Submission.objects.select_related("unit"), pk, request.user)
    record(Action.EXPORT, obj=submission, user=request.user, verb="下载上报文件")
    response = HttpResponse(bytes(submission.content), content_type=ZIP)
    name = submission.file_name or exporting.file_name(submission.unit, submission.year)
    response["Content-Disposition"] = content_disposition_header(True, name)
    return response


@login_required
def figures_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    require_record_reader(request.user)
    submission = get_for_user_or_404(Submission.objects.select_related("unit"), pk, request.user)
    data = xlsx.export(SHEET, submission.figures.select_related("unit"), user=request.user)
    return xlsx_response(data, f"{submission.unit.display_name}{submission.year}年度上报指标.xlsx")


@login_required
def keys(request: HttpRequest) -> HttpResponse:
    require_record_reader(request.user)
    user = request.user
    unit = _receiver(request)
    can_add = bool(unit is not None and _is_coordinator(user) and can_write_unit(user, unit))
    form = TrustedKeyForm(request.POST or None)
    if request.method == "POST":
        if not can_add:
            raise PermissionDenied("只有统筹协调员可以登记报送单位的公钥。")
        if form.is_valid():
            key = form.save(commit=False)
            key.unit = unit
            key.fingerprint = form.fingerprint
            key.registered_by = user
            try:
                with transaction.atomic():
                    key.save()
            except IntegrityError:
                form.add_error("public_key", "该公钥已为此单位登记。")
            else:
                messages.success(request, f"已登记{key.name}的公钥（指纹 {key.fingerprint}）。")
                return redirect("upward:keys")
    return render(
        request,
        "upward/keys.html",
        {
            "form": form,
            "can_add": can_add,
            "trusted": visible_to(user, TrustedKey.objects.select_related("unit", "registered_by")),
            "own": SigningKey.objects.filter(unit_id=user.unit_id).first() if user.unit_id else None,
            "unit": unit,
        },
    )


@login_required
@require_POST
def revoke_key(request: HttpRequest, pk: int) -> HttpResponse:
    require_record_reader(request.user)
    key = get_for_user_or_404(TrustedKey, pk, request.user, write=True)
    if not _is_coordinator(request.user):
        messages.error(request, "只有统筹协调员可以停用公钥，未作更改。")
        return redirect("upward:keys")
    key.active = False
    key.save(update_fields=["active"])
    messages.success(request, f"已停用{key.name}的公钥（指纹 {key.fingerprint}），此后用该密钥签名的文件不再接受。")
    return redirect("upward:keys")
