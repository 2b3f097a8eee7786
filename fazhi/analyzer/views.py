"""The upload page (several reports at once), one result page per report, and the
comparison page (table, ECharts charts, xlsx).

Uploaded texts are kept in the user's session only (not in the database): the
analyzer reads other governments' published reports, it keeps no records.
"""

from __future__ import annotations

import io
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from fazhi.kit.search import search_text
from fazhi.org.models import Unit

from .compare import (
    against_fazhi,
    chart_data,
    comparison_rows,
    inconsistency_rows,
    report_label,
    write_xlsx,
)
from .lexicon import label
from .reading import MAX_BYTES, ReadError, read_bytes
from .report import Analysis, analyze_text

SESSION_KEY = "analyzer_reports"
# A city's counties or a province's in one batch.
MAX_FILES = 100
# Texts kept in the session, in characters (a report is 5,000–30,000).
MAX_SESSION_CHARS = 3_000_000


def _stored(request: HttpRequest) -> list[dict[str, str]]:
    return list(request.session.get(SESSION_KEY, []))


def _analyses(request: HttpRequest) -> list[Analysis]:
    return [analyze_text(r["text"], r["name"]) for r in _stored(request)]


@login_required
def upload(request: HttpRequest) -> HttpResponse:
    errors: list[str] = []
    if request.method == "POST":
        files = request.FILES.getlist("files")
        if not files:
            errors.append("请选择至少一个报告文件。")
        elif len(files) > MAX_FILES:
            errors.append(f"一次最多上传 {MAX_FILES} 个文件。")
        else:
            stored: list[dict[str, Any]] = []
            for f in files:
                if f.size and f.size > MAX_BYTES:
                    errors.append(f"文件“{f.name}”过大，上限为 {MAX_BYTES // 1024 // 1024} MB。")
                    continue
                try:
                    text = read_bytes(f.read(), f.name or "未命名文件")
                except ReadError as e:
                    errors.append(str(e))
                    continue
                stored.append({"name": f.name, "text": text})
            if sum(len(r["text"]) for r in stored) > MAX_SESSION_CHARS:
                errors.append("上传的报告文字总量过大，请分批检查。")
                stored = []
            if stored:
                request.session[SESSION_KEY] = stored
                for error in errors:
                    messages.warning(request, error)
                return redirect("analyzer:results")
    return render(request, "analyzer/upload.html", {"errors": errors, "max_files": MAX_FILES})


def _figure_rows(a: Analysis) -> list[dict[str, Any]]:
    rows = []
    for f in a.figures:
        d = f.as_dict()
        d["label"] = label(f.indicator)
        d["is_other"] = f.is_other
        rows.append(d)
    return rows


def _report_context(a: Analysis, index: int) -> dict[str, Any]:
    return {
        "index": index,
        "analysis": a,
        "label": report_label(a),
        "figures": _figure_rows(a),
        "relations": [r.as_dict(a.figures) for r in a.relations],
        "unchecked": [r.as_dict(a.figures) for r in a.unchecked],
        "structure": a.structure.as_dict(),
    }


@login_required
@require_GET
def results(request: HttpRequest) -> HttpResponse:
    analyses = _analyses(request)
    if not analyses:
        return redirect("analyzer:upload")
    reports = [_report_context(a, i) for i, a in enumerate(analyses)]
    q = search_text(request)
    shown = [r for r in reports if _matches(r, q)]
    return render(
        request, "analyzer/results.html",
        {"reports": shown, "several": len(reports) > 1, "q": q, "total": len(reports)},
    )


def _matches(report: dict[str, Any], q: str) -> bool:
    """The search box: every word in the report's name or unit, or in a figure's
    indicator or quoted sentence."""
    a = report["analysis"]
    texts = [a.name, str(a.unit or "")] + [f"{f['label']} {f['quote']}" for f in report["figures"]]
    blob = "\n".join(texts).upper()
    return all(word.upper() in blob for word in q.split())


@login_required
@require_GET
def report(request: HttpRequest, index: int) -> HttpResponse:
    analyses = _analyses(request)
    if index >= len(analyses):
        raise Http404("没有这份报告，请重新上传。")
    a = analyses[index]
    ctx: dict[str, Any] = {"analysis": a, "report_ctx": _report_context(a, index)}
    unit_name = request.GET.get("unit", "").strip()
    year_raw = request.GET.get("year", "").strip()
    ctx.update(unit_name=unit_name, year=year_raw or (a.year or ""))
    if unit_name:
        try:
            year = int(year_raw) if year_raw else None
            ctx["own_rows"] = against_fazhi(a, unit_name, year, user=request.user)
        except ValueError:
            ctx["own_error"] = (
                "年度须为四位数字，例如 2023。"
                if year_raw
                else "无法从报告中识别年度，请填写年度。"
            )
        except (Unit.DoesNotExist, Unit.MultipleObjectsReturned) as e:  # Chinese messages
            ctx["own_error"] = str(e)
    return render(request, "analyzer/report.html", ctx)


@login_required
@require_GET
def compare(request: HttpRequest) -> HttpResponse:
    analyses = _analyses(request)
    if not analyses:
        return redirect("analyzer:upload")
    return render(
        request,
        "analyzer/compare.html",
        {
            "labels": [report_label(a) for a in analyses],
            "rows": [
                {**r, "cells": list(zip(r["values"], r["outliers"], strict=True))}
                for r in comparison_rows(analyses)
            ],
            "inconsistencies": inconsistency_rows(analyses),
            "chart": chart_data(analyses),
        },
    )


@login_required
@require_GET
def compare_xlsx(request: HttpRequest) -> HttpResponse:
    analyses = _analyses(request)
    if not analyses:
        return redirect("analyzer:upload")
    buf = io.BytesIO()
    write_xlsx(analyses, buf)
    response = HttpResponse(
        buf.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = (
        "attachment; filename*=UTF-8''%E6%8A%A5%E5%91%8A%E5%AF%B9%E6%AF%94.xlsx"
    )
    return response
