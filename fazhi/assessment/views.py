"""Screens: systems, score sheets (list, create, detail, one rule, scoring, moves),
rankings, and the xlsx exports of a sheet and of a ranking.

Thin: parse, fetch through the scope, call `services` or `apply()`, redirect or render.
Who may score is decided in the model (`ScoreSheet.check_assessor`).
"""

from __future__ import annotations

import io
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_POST
from openpyxl import Workbook

from fazhi.assessment import services
from fazhi.assessment.forms import ManualScoreForm, SheetCreateForm, action_form_class
from fazhi.assessment.importing import latest_scores
from fazhi.assessment.models import ManualScore, Node, ScoreSheet, System
from fazhi.assessment.rules import TRANSITIONS, Method, NodeKind, State
from fazhi.assessment.scoring import fmt
from fazhi.audit.models import Action
from fazhi.audit.trail import record
from fazhi.core.focus import focus_unit
from fazhi.core.spreadsheets import xlsx_response
from fazhi.indicators.catalogue import catalogue
from fazhi.indicators.display import display
from fazhi.indicators.drilldown import records_url
from fazhi.kit.actions import act_on, action_panel, history
from fazhi.kit.forms import add_errors
from fazhi.kit.screens import scoped, writer_required
from fazhi.kit.search import search_text
from fazhi.kit.xlsx import safe_cell
from fazhi.org.models import Unit
from fazhi.org.scope import can_read_unit, get_for_user_or_404

FILTERS = ("year", "state", "system", "assessor", "q")
VERB_LABELS = {
    "create_sheet": "建立评分表",
    "recompute": "重新计算自动评分",
    "score": "人工评分",
    **{a: t.label for a, t in TRANSITIONS.items()},
}


def _require_reader(request: HttpRequest) -> None:
    if not request.user.can_read_records:
        raise PermissionDenied("您的角色不能查看考核评分。")


def _year(request: HttpRequest, default: int | None = None) -> int:
    raw = request.GET.get("year", "").strip()
    fallback = default if default is not None else timezone.localdate().year - 1
    if raw.isdigit() and 1990 <= int(raw) <= 2100:
        return int(raw)
    if raw:
        messages.error(request, f"年度“{raw}”无效，已改为{fallback}年。")
    return fallback


# ------------------------------------------------------------------ systems


@login_required
def system_list(request: HttpRequest) -> HttpResponse:
    _require_reader(request)
    systems = System.objects.all()
    return render(request, "assessment/systems.html", {"systems": systems})


@login_required
def system_detail(request: HttpRequest, pk: int) -> HttpResponse:
    _require_reader(request)
    system = get_object_or_404(System, pk=pk)
    nodes = list(system.nodes.order_by("sort_order"))
    depth: dict[int, int] = {}
    for n in nodes:
        depth[n.pk] = depth[n.parent_id] + 1 if n.parent_id else 0
    counts = {k: sum(1 for n in nodes if n.kind == k) for k in NodeKind.values}
    automatic = sum(1 for n in nodes if n.is_automatic)
    cat = catalogue()
    rows = [
        {
            "node": n,
            "depth": depth[n.pk],
            "indicator": cat.get(n.indicator) if n.indicator else None,
        }
        for n in nodes
    ]
    return render(
        request,
        "assessment/system.html",
        {"system": system, "rows": rows, "counts": counts, "automatic": automatic},
    )


# ------------------------------------------------------------------ sheets


def filtered(request: HttpRequest) -> QuerySet[ScoreSheet]:
    qs = scoped(request, ScoreSheet.objects.all())
    g = request.GET
    if g.get("year", "").isdigit():
        qs = qs.filter(year=int(g["year"]))
    if g.get("state") in State.values:
        qs = qs.filter(state=g["state"])
    if g.get("system", "").isdigit():
        qs = qs.filter(system_id=int(g["system"]))
    if g.get("assessor", "").isdigit():
        qs = qs.filter(assessor_id=int(g["assessor"]))
    for word in search_text(request).split():  # the search box: unit or indicator system
        qs = qs.filter(Q(unit__name__icontains=word) | Q(system__name__icontains=word))
    return qs.select_related("unit", "assessor", "system")


@login_required
def sheet_list(request: HttpRequest) -> HttpResponse:
    _require_reader(request)
    page = Paginator(filtered(request), 50).get_page(request.GET.get("page"))
    years = sorted(
        set(ScoreSheet.objects.visible_to(request.user).values_list("year", flat=True)),
        reverse=True,
    )
    context = {
        "page": page,
        "states": State.choices,
        "systems": System.objects.all(),
        "years": years,
        "current": {k: request.GET.get(k, "") for k in FILTERS},
        "query": request.GET.urlencode(),
        "focus": focus_unit(request),
        "can_write": request.user.can_write_records,
    }
    template = (
        "assessment/_list.html" if getattr(request, "htmx", False) else "assessment/list.html"
    )
    return render(request, template, context)


def _manual_export_rows(request: HttpRequest) -> QuerySet[ManualScore]:
    sheets = filtered(request)
    qs = ManualScore.objects.visible_to(request.user).filter(sheet__in=sheets)
    return (
        latest_scores(qs)
        .select_related("sheet__system", "sheet__unit", "node", "entered_by")
        .order_by("sheet__year", "sheet__unit__path", "node__sort_order")
    )


@writer_required
def sheet_new(request: HttpRequest) -> HttpResponse:
    home = focus_unit(request)
    form = SheetCreateForm(request.POST or None, user=request.user, home=home)
    if request.method == "POST" and form.is_valid():
        created, refused = [], []
        today = timezone.localdate()
        for unit in form.cleaned_data["targets"]:
            try:
                created.append(
                    services.create_sheet(
                        system=form.cleaned_data["system"],
                        unit=unit,
                        year=form.cleaned_data["year"],
                        by=request.user,
                        on=today,
                    )
                )
            except ValidationError as exc:
                refused.extend(f"{unit.name}：{m}" for m in exc.messages)
        if refused:
            for m in refused:
                form.add_error(None, m)
        if created:
            messages.success(request, f"已建立评分表{len(created)}份，自动评分项已按台账计算。")
            if not refused:
                if len(created) == 1:
                    return redirect(created[0].get_absolute_url())
                return redirect(f"{_url('assessment:list')}?year={form.cleaned_data['year']}")
    status = 400 if request.method == "POST" else 200
    return render(request, "assessment/new.html", {"form": form, "focus": home}, status=status)


def _url(name: str, *args: Any) -> str:
    return reverse(name, args=args)


def _sheet(request: HttpRequest, pk: int, *, write: bool = False) -> ScoreSheet:
    qs = ScoreSheet.objects.select_related("unit", "assessor", "system")
    return get_for_user_or_404(qs, pk, request.user, write=write)


def drill_links(node: Node, sheet: ScoreSheet) -> list[tuple[str, str, str]]:
    """(role, indicator name, URL) of the records behind an automatic score: the
    indicator's records screen, and for a rate its numerator and denominator."""
    cat = catalogue()
    ind = cat.get(node.indicator)
    if ind is None:
        return []
    if ind.kind == "parts":
        return [("组成", cat[p].name, records_url(p, sheet.unit, sheet.year)) for p in ind.parts]
    links = [("指标", ind.name, records_url(node.indicator, sheet.unit, sheet.year))]
    if ind.kind == "rate":
        links += [
            ("分子", cat[ind.numerator].name, records_url(ind.numerator, sheet.unit, sheet.year)),
            (
                "分母",
                cat[ind.denominator].name,
                records_url(ind.denominator, sheet.unit, sheet.year),
            ),
        ]
    return links


def _value_shown(node: Node, value: Any) -> str:
    """The stored indicator value as the indicator screens show it (42件, 95%)."""
    ind = catalogue().get(node.indicator)
    if value is None or ind is None:
        return fmt(value)
    whole = value == value.to_integral_value()
    return display(ind, int(value) if whole and ind.decimals == 0 else value.normalize())


def sheet_rows(sheet: ScoreSheet) -> tuple[list[dict[str, Any]], Any]:
    roots = services.tree(sheet)
    rows = []
    for line in services.flatten(roots):
        row: dict[str, Any] = {"line": line, "node": line.node}
        if line.node.is_automatic and line.auto is not None:
            row["value"] = _value_shown(line.node, line.auto.value)
            row["links"] = drill_links(line.node, sheet)
        rows.append(row)
    return rows, roots


def _detail_context(
    request: HttpRequest, sheet: ScoreSheet, bound: dict[str, Any] | None = None
) -> dict[str, Any]:
    rows, roots = sheet_rows(sheet)
    missing = [
        r["node"] for r in rows if r["node"].method == Method.MANUAL and r["line"].manual is None
    ]
    return {
        "sheet": sheet,
        "rows": rows,
        "total": services.total_of(roots),
        "missing": missing,
        "is_assessor": sheet.is_assessor(request.user),
        "actions": action_panel(request, sheet, action_form_class, bound),
        "history": history(sheet, VERB_LABELS),
    }


@login_required
def sheet_detail(request: HttpRequest, pk: int) -> HttpResponse:
    sheet = _sheet(request, pk)
    return render(request, "assessment/detail.html", _detail_context(request, sheet))


@login_required
@require_POST
def sheet_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    sheet = _sheet(request, pk, write=True)

    def failed(bound: dict[str, Any]) -> HttpResponse:
        return render(
            request, "assessment/detail.html", _detail_context(request, sheet, bound), status=400
        )

    return act_on(request, sheet, action, action_form_class, failed)


@login_required
@require_POST
def sheet_recompute(request: HttpRequest, pk: int) -> HttpResponse:
    sheet = _sheet(request, pk, write=True)
    try:
        n = services.recompute(sheet, by=request.user)
    except ValidationError as exc:
        for m in exc.messages:
            messages.error(request, m)
        return render(
            request, "assessment/detail.html", _detail_context(request, sheet), status=400
        )
    messages.success(request, f"已按台账重新计算自动评分{n}项，总分{fmt(sheet.total)}分。")
    return redirect(sheet.get_absolute_url())


def _rule(sheet: ScoreSheet, node_pk: int) -> Node:
    node = Node.objects.filter(pk=node_pk, system_id=sheet.system_id, kind=NodeKind.RULE).first()
    if node is None:
        raise Http404("评分规则不存在。")
    return node


def _item_context(
    request: HttpRequest, sheet: ScoreSheet, node: Node, form: ManualScoreForm | None = None
) -> dict[str, Any]:
    auto = sheet.auto_scores.filter(node=node).first() if node.is_automatic else None
    entries = list(
        ManualScore.objects.filter(sheet=sheet, node=node)
        .select_related("entered_by", "evidence")
        .defer("evidence__data")
        .order_by("-id")
    )
    can_score = node.method == Method.MANUAL and sheet.editable and sheet.is_assessor(request.user)
    if form is None and can_score:
        current = entries[0] if entries else None
        form = ManualScoreForm(
            initial={
                "points": current.points if current else None,
                "note": current.note if current else "",
                "link": current.link if current else "",
                "version": sheet.version,
            }
        )
    ancestors = []
    parent = node.parent
    while parent is not None:
        ancestors.insert(0, parent)
        parent = parent.parent
    return {
        "sheet": sheet,
        "node": node,
        "auto": auto,
        "entries": entries,
        "current": entries[0] if entries else None,
        "form": form if can_score else None,
        "ancestors": ancestors,
        "value": _value_shown(node, auto.value) if auto else "",
        "links": drill_links(node, sheet) if node.is_automatic else [],
        "indicator": catalogue().get(node.indicator) if node.indicator else None,
    }


@login_required
def rule_detail(request: HttpRequest, pk: int, node: int) -> HttpResponse:
    sheet = _sheet(request, pk)
    return render(
        request, "assessment/rule.html", _item_context(request, sheet, _rule(sheet, node))
    )


@login_required
@require_POST
def rule_score(request: HttpRequest, pk: int, node: int) -> HttpResponse:
    sheet = _sheet(request, pk, write=True)
    rule = _rule(sheet, node)
    form = ManualScoreForm(request.POST, request.FILES)
    if form.is_valid():
        d = form.cleaned_data
        try:
            services.enter_score(sheet, rule, d, by=request.user)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, f"已评分：{rule.number} 得{fmt(d['points'])}分。")
            return redirect(sheet.get_absolute_url())
    messages.error(request, "评分未保存，请检查填写内容。")
    ctx = _item_context(request, sheet, rule, form)
    if ctx["form"] is None:  # not the assessor, or not editable: show why, keep nothing
        for e in form.non_field_errors():
            messages.error(request, e)
    return render(request, "assessment/rule.html", ctx, status=400)


@login_required
def evidence(request: HttpRequest, pk: int, score: int) -> HttpResponse:
    sheet = _sheet(request, pk)
    entry = (
        ManualScore.objects.filter(pk=score, sheet=sheet, evidence__isnull=False)
        .select_related("evidence")
        .first()
    )
    if entry is None:
        raise Http404("该评分没有附件。")
    ev = entry.evidence
    response = HttpResponse(
        bytes(ev.data), content_type=ev.content_type or "application/octet-stream"
    )
    response["Content-Disposition"] = content_disposition_header(True, ev.name)
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
def sheet_export(request: HttpRequest, pk: int) -> HttpResponse:
    sheet = _sheet(request, pk)
    rows, roots = sheet_rows(sheet)
    wb = Workbook()
    ws = wb.active
    ws.title = "考核评分表"
    ws.append([safe_cell(str(sheet))])
    ws.append(
        [
            f"指标体系：{sheet.system.name}",
            f"考核单位：{sheet.assessor.name}",
            f"状态：{sheet.get_state_display()}",
            f"总分：{float(services.total_of(roots))}",
        ]
    )
    ws.append(
        [
            "编号",
            "名称",
            "层级",
            "分值",
            "评分方式",
            "指标值",
            "得分",
            "计分说明或评分依据",
            "材料链接",
        ]
    )
    for r in rows:
        line, node = r["line"], r["node"]
        basis = ""
        link = ""
        if line.auto is not None:
            basis = line.auto.explanation
        elif line.manual is not None:
            basis = line.manual.note
            link = line.manual.link or (
                f"附件：{line.manual.evidence.name}" if line.manual.evidence_id else ""
            )
        ws.append(
            [
                node.number,
                safe_cell(node.title),
                node.get_kind_display(),
                float(node.points),
                node.method_text() if node.is_rule else "",
                r.get("value", ""),
                float(line.points) if line.points is not None else None,
                safe_cell(basis),
                safe_cell(link),
            ]
        )
    buf = io.BytesIO()
    wb.save(buf)
    record(Action.EXPORT, obj=sheet, user=request.user, verb="考核评分表", object_repr=str(sheet))
    return xlsx_response(buf.getvalue(), f"{sheet.unit.name}{sheet.year}年度考核评分表.xlsx")


# ------------------------------------------------------------------ rankings


def _ranking(request: HttpRequest) -> dict[str, Any]:
    raw = request.GET.get("unit", "").strip()
    if raw:
        unit = Unit.objects.filter(pk=raw).first() if raw.isdigit() else None
        if unit is None or not can_read_unit(request.user, unit):
            raise Http404("单位不存在或无权查看。")
    else:
        unit = focus_unit(request)
    year = _year(request)
    system = None
    if request.GET.get("system", "").isdigit():
        system = System.objects.filter(pk=int(request.GET["system"])).first()
    ranked = services.ranking_for(unit, year, system, user=request.user) if unit is not None else []
    assessors = Unit.objects.filter(
        pk__in=ScoreSheet.objects.visible_to(request.user).values("assessor_id")
    ).order_by("path")
    return {
        "unit": unit,
        "year": year,
        "system": system,
        "ranked": ranked,
        "systems": System.objects.all(),
        "assessors": [a for a in assessors if can_read_unit(request.user, a)],
        "years": sorted(
            set(ScoreSheet.objects.visible_to(request.user).values_list("year", flat=True)),
            reverse=True,
        ),
    }


@login_required
def ranking(request: HttpRequest) -> HttpResponse:
    _require_reader(request)
    return render(
        request, "assessment/ranking.html", {**_ranking(request), "query": request.GET.urlencode()}
    )


@login_required
def ranking_export(request: HttpRequest) -> HttpResponse:
    _require_reader(request)
    ctx = _ranking(request)
    wb = Workbook()
    ws = wb.active
    ws.title = "考核排名"
    unit = ctx["unit"]
    ws.append([safe_cell(f"{unit.name if unit else ''}{ctx['year']}年度法治政府建设考核排名")])
    ws.append(["名次", "被考核单位", "总分", "指标体系", "状态", "并列"])
    for r in ctx["ranked"]:
        ws.append(
            [
                r.rank,
                r.sheet.unit.name,
                float(r.sheet.total),
                r.sheet.system.name,
                r.sheet.get_state_display(),
                "是" if r.tied else "",
            ]
        )
    buf = io.BytesIO()
    wb.save(buf)
    record(
        Action.EXPORT,
        user=request.user,
        verb="考核排名",
        model="assessment.scoresheet",
        object_repr=f"考核排名：{len(ctx['ranked'])}行",
        unit_path=request.user.unit.path if getattr(request.user, "unit_id", None) else "",
    )
    return xlsx_response(buf.getvalue(), f"考核排名_{ctx['year']}.xlsx")
