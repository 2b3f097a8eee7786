"""Screens for the annual report: list, first draft, edit, validate, preview, issue, download.

Thin: fetch through the scope, call `annual`, `validation` or `actions`, render.
Out-of-scope reports answer 404; read-only users (leaders) may look and download but
not change anything.
"""

from __future__ import annotations

from typing import TypeVar
from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import models, transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from fazhi.audit.models import Action
from fazhi.audit.trail import audit_context, record
from fazhi.core.focus import focus_unit
from fazhi.core.models import ConcurrentEdit
from fazhi.core.workflow import TransitionNotAllowed
from fazhi.documents import convert
from fazhi.indicators import catalogue as cat_module
from fazhi.indicators.catalogue import MAX_YEAR, MIN_YEAR, default_year
from fazhi.org.scope import can_write_unit, get_for_user_or_404, require_record_reader
from fazhi.reports import annual, live
from fazhi.reports.actions import IssueRefused, issue
from fazhi.reports.forms import FigureForm, HeaderForm, SectionForm
from fazhi.reports.models import (
    AnnualReport,
    ReportFigure,
    ReportIssued,
    ReportSection,
    SectionRevision,
)
from fazhi.reports.validation import validate

M = TypeVar("M", bound=models.Model)


def _report(request: HttpRequest, pk: int, *, write: bool = False) -> AnnualReport:
    report = get_for_user_or_404(
        AnnualReport.objects.select_related("unit"), pk, request.user, write=write
    )
    if write and report.is_issued:
        raise PermissionDenied("报告已印发，不能再修改。")
    return report


def _part(parts: models.Manager[M], pk: int, missing: str) -> M:
    """One of the report's own sections or figures by id; any other id is a 404."""
    part = parts.filter(pk=pk).first()
    if part is None:
        raise Http404(missing)
    return part


@login_required
def report_list(request: HttpRequest) -> HttpResponse:
    require_record_reader(request.user)
    unit = focus_unit(request)
    qs = AnnualReport.objects.visible_to(request.user).select_related("unit")
    if unit is not None:
        qs = qs.in_subtree(unit)
    page = Paginator(qs.order_by("-year", "unit__path"), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "reports/list.html",
        {
            "page": page,
            "unit": unit,
            "year": default_year(),
            "can_create": unit is not None and can_write_unit(request.user, unit),
        },
    )


@login_required
@require_POST
def create(request: HttpRequest) -> HttpResponse:
    unit = focus_unit(request)
    if unit is None or not can_write_unit(request.user, unit):
        raise PermissionDenied("您不能为该单位起草报告。")
    raw = request.POST.get("year", "").strip()
    if not raw.isdigit() or not MIN_YEAR <= int(raw) <= MAX_YEAR:
        messages.error(request, f"报告年度“{raw}”无效，应为 {MIN_YEAR}—{MAX_YEAR} 之间的四位数字。")
        return redirect("reports:list")
    year = int(raw)
    existing = AnnualReport.objects.filter(unit=unit, year=year).first()
    if existing is not None:
        messages.error(request, f"{unit.name}{year}年度的报告已存在，已为您打开。")
        return redirect(existing)
    with audit_context(user=request.user, verb="起草年度报告"):
        report = annual.create_draft(unit, year, by=request.user)
    messages.success(
        request, "已按记录生成初稿：请补写各部分正文（【请填写】处），校验通过后印发。"
    )
    return redirect(report)


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk)
    sections = annual.sections_of(report)
    figures = [] if report.is_issued else list(report.manual_figures.order_by("code"))
    values = annual.effective_values(report, figures)
    result = validate(report, sections, values, figures=figures, today=timezone.localdate())
    cat = cat_module.catalogue()
    manual = {f.code: f.source for f in figures}
    revisions: dict[int, list[SectionRevision]] = {}
    for rev in SectionRevision.objects.filter(section__in=sections).select_related("changed_by"):
        revisions.setdefault(rev.section_id, []).append(rev)
    shown_sections = [
        {
            "section": s,
            "html": live.section_html(s.text, values, report.unit, report.year, manual),
            "revisions": revisions.get(s.pk, []),
        }
        for s in sections
    ]
    return render(
        request,
        "reports/detail.html",
        {
            "report": report,
            "sections": shown_sections,
            "result": result,
            "figures": figures,
            "can_write": not report.is_issued and can_write_unit(request.user, report.unit),
            "moves": [t for t in report.allowed_actions(request.user) if t.action != "issue"],
            "can_issue": "issue" in {t.action for t in report.allowed_actions(request.user)},
            "figure_form": FigureForm(),
            "codes": [(c, i.name) for c, i in cat.items()],
            "intro": annual.fill(report.intro, values),
            # The PDF button only where the server can convert (LibreOffice); else a note.
            "pdf_available": convert.find_soffice() is not None,
        },
    )


@login_required
def edit_header(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk, write=True)
    form = HeaderForm(request.POST or None, instance=report, initial={"version": report.version})
    if request.method == "POST" and form.is_valid():
        try:
            report.check_version(form.cleaned_data["version"])
            with audit_context(user=request.user, verb="修改年度报告"):
                form.save()
        except (ConcurrentEdit, ReportIssued) as exc:
            messages.error(request, exc.messages[0])
        else:
            messages.success(request, "已保存。")
            return redirect(report)
    return render(request, "reports/edit_header.html", {"report": report, "form": form})


@login_required
def edit_section(request: HttpRequest, pk: int, section_pk: int) -> HttpResponse:
    report = _report(request, pk, write=True)
    section = _part(report.sections, section_pk, "章节不存在。")
    form = SectionForm(request.POST or None, instance=section, initial={"version": section.version})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with audit_context(user=request.user, verb="修改年度报告章节"):
                annual.save_section(
                    ReportSection.objects.get(pk=section.pk),
                    version=data["version"],
                    by=request.user,
                    heading=data["heading"],
                    text=data["text"],
                    position=data["position"],
                )
        except ConcurrentEdit:
            current = ReportSection.objects.get(pk=section.pk)
            last = current.revisions.select_related("changed_by").first()
            who = last.who if last is not None and last.changed_by is not None else "他人"
            messages.error(
                request,
                f"未保存：您编辑期间，{who}已保存了“{current.heading}”的新版本。"
                "下方是您的修改，请对照最新内容（在新窗口打开本页可见）重新修改后再保存。",
            )
        else:
            messages.success(request, f"已保存“{section.heading}”。")
            return redirect(report)
    cat = cat_module.catalogue()
    return render(
        request,
        "reports/edit_section.html",
        {
            "report": report,
            "section": section,
            "form": form,
            "codes": [(c, i.name, i.unit) for c, i in cat.items()],
            "revisions": section.revisions.select_related("changed_by")[:20],
        },
    )


@login_required
@require_POST
def add_figure(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk, write=True)
    form = FigureForm(request.POST)
    if form.is_valid():
        code = form.cleaned_data["code"].strip()
        if code not in cat_module.catalogue():
            messages.error(request, f"手工填报数据：指标代码“{code}”不在指标目录中。")
        else:
            with transaction.atomic(), audit_context(user=request.user, verb="手工填报数据"):
                ReportFigure.objects.update_or_create(
                    report=report,
                    code=code,
                    defaults={
                        "value": form.cleaned_data["value"],
                        "source": form.cleaned_data["source"],
                    },
                )
            messages.success(request, f"已保存手工填报数据 {code}。")
    else:
        errors = "；".join(
            f"{form.fields[f].label if f in form.fields else f}：{'、'.join(e)}"
            for f, e in form.errors.items()
        )
        messages.error(request, f"手工填报数据未保存：{errors}")
    return redirect(report)


@login_required
@require_POST
def delete_figure(request: HttpRequest, pk: int, figure_pk: int) -> HttpResponse:
    report = _report(request, pk, write=True)
    figure = _part(report.manual_figures, figure_pk, "数据不存在。")
    with audit_context(user=request.user, verb="删除手工填报数据"):
        figure.delete()
    messages.success(request, "已删除。")
    return redirect(report)


@login_required
def preview(request: HttpRequest, pk: int) -> HttpResponse:
    """The report as the website will show it (HTML, names anonymised)."""
    report = _report(request, pk)
    return HttpResponse(
        annual.render(annual.document_for(report), "html"), content_type=annual.FORMATS["html"]
    )


@login_required
@require_POST
def issue_report(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk, write=True)
    try:
        issue(report, by=request.user, today=timezone.localdate())
    except IssueRefused as exc:
        messages.error(request, f"未能签发：有 {len(exc.problems)} 处问题，见下方校验结果。")
    else:
        messages.success(request, "报告已签发，内容与数据已冻结。")
    return redirect(report)


@login_required
@require_POST
def act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """提交审核, 退回修改 or 公开 (签发 has its own view: it runs the pre-issue check)."""
    report = get_for_user_or_404(AnnualReport.objects.select_related("unit"), pk, request.user, write=True)
    transition = report.transitions.get(action)
    if transition is None or action == "issue":
        raise Http404("未知操作。")
    try:
        report.apply(
            action,
            by=request.user,
            on=timezone.localdate(),
            note=request.POST.get("note", "").strip(),
            expected_version=request.POST.get("version") or None,
        )
    except (TransitionNotAllowed, ConcurrentEdit, ReportIssued) as exc:
        messages.error(request, f"“{transition.label}”未办理：{'；'.join(exc.messages)}")
    else:
        messages.success(request, f"已{transition.label}。")
    return redirect(report)


@login_required
def download(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    report = _report(request, pk)
    if fmt not in annual.FORMATS:
        raise Http404("不支持的格式。")
    try:
        data = annual.render(annual.document_for(report), fmt)
    except annual.RenderError as exc:
        messages.error(request, str(exc))
        return redirect(report)
    except annual.g.DocumentError as exc:
        messages.error(request, "文件未生成：" + "；".join(exc.problems))
        return redirect(report)
    record(Action.EXPORT, obj=report, user=request.user, verb=f"下载年度报告（{fmt}）")
    response = HttpResponse(data, content_type=annual.FORMATS[fmt])
    response["Content-Disposition"] = (
        f"attachment; filename*=UTF-8''{quote(annual.file_name(report, fmt))}"
    )
    return response
