"""Screens: cases (list, register, detail with its action buttons), officers and
certificates (who may enforce today, who may not, expiring), case-file reviews,
supervision letters, leniency lists, the figures and the yearly data publication.

Thin: parse, fetch through the scope, call the model's register/record/issue or
`apply()`, redirect or render. The rules are in models/ and rules.py; the shared
screen pieces (scope, writer check, action panel, deadlines, figures) come from the kit.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from functools import partial
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header

from fazhi.core.focus import focus_unit
from fazhi.core.workflow import guard_problems, has_guards
from fazhi.documents.gbt9704 import DocumentError
from fazhi.enforcement import indicators as enf_indicators
from fazhi.enforcement import publication, rules
from fazhi.enforcement.forms import (
    CaseForm,
    CertificateForm,
    CriterionFormSet,
    FileReviewForm,
    LeniencyItemFormSet,
    LeniencyListForm,
    LetterForm,
    ReviewSheetForm,
    action_form_class,
    criterion_rows,
    item_rows,
)
from fazhi.enforcement.importing import CASE_SHEET, CERTIFICATE_SHEET, LETTER_SHEET, REVIEW_SHEET
from fazhi.enforcement.models import (
    Case,
    Certificate,
    DataPublication,
    FileReview,
    LeniencyItem,
    LeniencyList,
    ReviewSheet,
    SupervisionLetter,
    may_enforce,
    may_not_enforce,
)
from fazhi.enforcement.rules import CaseKind, CaseState, PublicationState
from fazhi.kit.actions import action_panel, deadline_rows
from fazhi.kit.forms import add_errors
from fazhi.kit.registers import (
    WorkflowScreen,
    action_labels,
    choice_filter,
    flag_filter,
    year_filter,
)
from fazhi.kit.screens import Section, figures_view, require_writer, scoped, writer_required, years
from fazhi.kit.xlsx import XLSX_CONTENT_TYPE
from fazhi.org.models import Unit
from fazhi.org.scope import can_write_unit, get_for_user_or_404, require_record_reader

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


SECTION = Section(
    "enforcement",
    "行政执法",
    [
        ("执法案件", "list"),
        ("执法人员与证件", "officers"),
        ("案卷评查", "reviews"),
        ("评查表", "sheets"),
        ("监督意见书", "letters"),
        ("包容审慎清单", "leniency"),
        ("统计", "figures"),
        ("年度数据公开", "publications"),
    ],
)


def _focused_unit(request: HttpRequest) -> Unit:
    """The unit selected in the unit switcher, for the screens about one unit's subtree
    (officers, leniency lists, scoring sheets); 403 to a role that reads no register."""
    require_record_reader(request.user)
    unit = focus_unit(request)
    if unit is None:
        raise PermissionDenied("请先选择单位。")
    return unit


# ------------------------------------------------------------------ cases

FILTERS = ("q", "kind", "state", "year", "unit", "gaps")


def _case_fields(case: Case) -> list[tuple[str, Any]]:
    review = "—"
    if case.legal_review_on:
        review = (
            f"{case.legal_review_on:%Y-%m-%d} {'通过' if case.legal_review_passed else '不通过'}"
        )
    return [
        ("执法单位", case.unit.name),
        ("执法类别", case.get_kind_display()),
        ("当事人", case.masked_party),
        ("案由", case.matter),
        ("立案日期", case.opened_on),
        ("重大执法决定", "是" if case.is_major else "否"),
        ("法制审核", review),
        ("全过程记录完整", "是" if case.full_record else "否"),
        ("决定日期", case.decided_on or "—"),
        ("不予处罚", "是" if case.no_penalty else "否"),
        ("适用清单事项", case.leniency_item or "—"),
        ("公示期限", case.publication_due or "—"),
        ("公示日期", case.published_on or "—"),
        ("逾期公示", "是" if case.published_late else "否"),
        ("状态", case.get_state_display()),
    ]


# Cases, certificates and letters are declared with the kit (`WorkflowScreen`) under the
# URL names and paths they always had: the authorization matrix pins the names, and the
# certificates' list is the officers page. Their detail is the one enforcement/detail.html
# (`obj`, `title`, `fields`, `kind`).
_record_screen = partial(
    WorkflowScreen,
    app="enforcement",
    title="行政执法",
    form_template="enforcement/form.html",
    detail_template="enforcement/detail.html",
    record_name="obj",
    action_form=action_form_class,
)
CASES = _record_screen(
    model=Case,
    list_template="enforcement/case_list.html",
    htmx=True,
    htmx_template="enforcement/_case_list.html",
    filters=(
        choice_filter("kind", CaseKind),
        choice_filter("state", CaseState),
        year_filter("opened_on"),
        flag_filter("gaps", lambda qs: qs.three_system_gaps()),
    ),
    choices={"kinds": CaseKind.choices, "states": CaseState.choices},
    list_context=lambda request, page: {"years": years()},
    current_keys=FILTERS,
    form=CaseForm,
    form_title="登记行政执法案件",
    done="已立案：{obj}。",
    detail_related=("unit", "leniency_item__leniency_list"),
    labels=action_labels(rules.CASE_TRANSITIONS),
    detail_context=lambda request, case: {
        "title": str(case), "fields": _case_fields(case), "kind": "case"
    },
    sheet=CASE_SHEET,
    prefix="cases/",
    paths={"list": ""},
    xlsx_at="",
    names={"list": "list", "register": "case_new", "detail": "case", "act": "case_act"},
)


# ------------------------------------------------------------------ officers and certificates


def _officers(request: HttpRequest, page: Any) -> dict[str, Any]:
    """Who may enforce today and who may not, certificates expiring, above the list."""
    unit = _focused_unit(request)
    today = timezone.localdate()
    window = rules.renewal_window_days()
    certs = scoped(request, Certificate.objects.all()).select_related("person", "unit")
    return {
        "unit": unit,
        "today": today,
        "may_count": may_enforce(unit, today).count(),
        "may_not": may_not_enforce(unit, today)[:200],
        "may_not_count": may_not_enforce(unit, today).count(),
        "window": window,
        "expiring": certs.valid_on(today)
        .filter(valid_until__lte=today + timedelta(days=window))
        .order_by("valid_until")[:200],
    }


def _certificate_fields(cert: Certificate) -> list[tuple[str, Any]]:
    return [
        ("持证人", cert.person.masked_name),
        ("执法单位", cert.unit.name),
        ("人员类别", cert.get_role_display()),
        ("证件编号", cert.number),
        ("执法领域", cert.field),
        ("发证机关", cert.issuing_authority),
        ("发证日期", cert.issued_on),
        ("有效期至", cert.valid_until),
        ("状态", cert.get_state_display()),
        ("注销日期", cert.cancelled_on or "—"),
        ("注销原因", cert.get_cancel_reason_display() or "—"),
        ("今日可否执法", "可以" if cert.is_valid_on(timezone.localdate()) else "不可以"),
    ]


CERTIFICATES = _record_screen(
    model=Certificate,
    list_template="enforcement/officers.html",
    related=("person", "unit"),
    list_context=_officers,
    form=CertificateForm,
    form_title="登记行政执法证件",
    done="已登记证件：{obj}。",
    labels=action_labels(rules.CERT_TRANSITIONS),
    detail_context=lambda request, cert: {
        "title": f"行政执法证件 {cert.number}",
        "fields": _certificate_fields(cert),
        "kind": "certificate",
        "reviews": cert.reviews.all(),
        "renewals": cert.renewals.all(),
    },
    sheet=CERTIFICATE_SHEET,
    prefix="certificates/",
    paths={"list": "officers/", "register": "officers/new/"},
    xlsx_at="officers/xlsx/",
    xlsx_namespace="officers-xlsx",
    names={
        "list": "officers",
        "register": "certificate_new",
        "detail": "certificate",
        "act": "certificate_act",
    },
)


# ------------------------------------------------------------------ case-file review


def _review_sheets(request: HttpRequest, page: Any) -> dict[str, Any]:
    """The scoring sheets the focus unit may score files by, above the list."""
    unit = focus_unit(request)
    sheets = (
        ReviewSheet.objects.readable_by(request.user).around(unit).select_related("unit")
        if unit
        else ReviewSheet.objects.none()
    )
    return {"sheets": sheets}


# Reviews are recorded through their scoring sheet (review_new), not a register form.
REVIEWS: WorkflowScreen = WorkflowScreen(
    app="enforcement",
    model=FileReview,
    title="行政执法",
    list_template="enforcement/reviews.html",
    related=("unit", "sheet", "case"),
    list_rows=lambda request, qs: qs.prefetch_related("deductions__criterion"),
    list_context=_review_sheets,
    sheet=REVIEW_SHEET,
    export_rows=lambda request: REVIEWS.rows(request).prefetch_related("deductions__criterion"),
    prefix="reviews/",
    xlsx_at="reviews/xlsx/",
    xlsx_namespace="reviews-xlsx",
    names={"list": "reviews"},
)


@login_required
def review_new(request: HttpRequest, sheet_pk: int) -> HttpResponse:
    # The sheet first: one the user may not read does not exist for them (404).
    sheet = _rules_record(request, ReviewSheet, sheet_pk)
    require_writer(request.user)
    form = FileReviewForm(request.POST or None, user=request.user, sheet=sheet)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            review = FileReview.record(
                by=request.user,
                unit=d["unit"],
                sheet=sheet,
                file_number=d["file_number"],
                reviewed_on=d["reviewed_on"],
                reviewers=d["reviewers"],
                findings=d["findings"],
                deductions=form.deductions(),
                vetoes=form.vetoes(),
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, f"已登记评查结果：{review}。")
            return redirect("enforcement:reviews")
    return render(
        request, "enforcement/form.html", {"form": form, "title": f"案卷评查：{sheet.name}"}
    )


# ------------------------------------------------------------------ supervision letters


def _letter_fields(letter: SupervisionLetter) -> list[tuple[str, Any]]:
    return [
        ("文号", letter.number),
        ("制发机关", letter.issuer.name),
        ("送达单位", letter.recipient.name),
        ("制发日期", letter.issued_on),
        ("发现的问题及整改要求", letter.problems),
        ("状态", letter.get_state_display()),
        ("报告整改日期", letter.reported_on or "—"),
        ("整改情况", letter.report or "—"),
        ("逾期报告", "是" if letter.reported_late else "否"),
        ("销号日期", letter.closed_on or "—"),
    ]


LETTERS = _record_screen(
    model=SupervisionLetter,
    list_template="enforcement/letters.html",
    related=("recipient", "issuer"),
    form=LetterForm,
    create_with="issue",
    form_title="登记行政执法监督意见书",
    done="已登记监督意见书：{obj}，整改期限已开始计算。",
    detail_related=("issuer", "recipient"),
    labels=action_labels(rules.LETTER_TRANSITIONS),
    detail_context=lambda request, letter: {
        "title": f"行政执法监督意见书 {letter.number}",
        "fields": _letter_fields(letter),
        "kind": "letter",
    },
    sheet=LETTER_SHEET,
    prefix="letters/",
    xlsx_at="letters/xlsx/",
    xlsx_namespace="letters-xlsx",
    names={"list": "letters", "register": "letter_new", "detail": "letter", "act": "letter_act"},
)


# ------------------------------------------------------------------ leniency lists


@login_required
def leniency(request: HttpRequest) -> HttpResponse:
    """The published lists the focus unit applies (its own and its superiors') and those below it."""
    unit = _focused_unit(request)
    lists = (
        LeniencyList.objects.around(unit)
        .select_related("unit")
        .prefetch_related(Prefetch("items", queryset=_items_with_cases(request.user)))
        .order_by("unit__path", "-published_on")
    )
    return render(
        request,
        "enforcement/leniency.html",
        {"lists": lists, "unit": unit, "can_write": request.user.can_write_records},
    )


def _items_with_cases(user: Any) -> QuerySet[LeniencyItem]:
    """Items with the number of cases decided under them that the user may see."""
    seen = (
        Q()
        if user.is_superuser or user.unit_id is None
        else Q(cases__unit__path__startswith=user.unit.path)
    )
    return LeniencyItem.objects.annotate(n_cases=Count("cases", filter=seen)).order_by("id")


def _rules_record(request: HttpRequest, model: Any, pk: int, *, write: bool = False) -> Any:
    """A leniency list or scoring sheet: readable by its subtree and the units below
    the publisher (it applies to them); 404 otherwise; 403 to roles that read no
    register, as `get_for_user_or_404` answers; writable only in its subtree."""
    require_record_reader(request.user)
    obj = get_object_or_404(model.objects.readable_by(request.user).select_related("unit"), pk=pk)
    if write and not can_write_unit(request.user, obj.unit):
        raise PermissionDenied("您对该记录只有查看权限。")
    return obj


def _rules_form(
    request: HttpRequest,
    form: Any,
    formset: Any,
    save: Callable[[], Any],
    done: str,
    context: dict[str, Any],
) -> HttpResponse:
    """A leniency list with its items, or a scoring sheet with its criteria: on a valid
    POST `save()` stores both as one (its refusal goes back on the form), then the
    record's page with `done` (naming `{obj}`); else enforcement/rules_form.html."""
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            saved = save()
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, done.format(obj=saved))
            return redirect(saved.get_absolute_url())
    return render(
        request, "enforcement/rules_form.html", {"form": form, "formset": formset, **context}
    )


def _leniency_form(request: HttpRequest, instance: LeniencyList, title: str) -> HttpResponse:
    form = LeniencyListForm(request.POST or None, instance=instance, user=request.user)
    initial = [
        {
            "id": i.pk,
            "violation": i.violation,
            "legal_basis": i.legal_basis,
            "conditions": i.conditions,
        }
        for i in (instance.items.all() if instance.pk else [])
    ]
    formset = LeniencyItemFormSet(request.POST or None, initial=initial, prefix="items")
    return _rules_form(
        request,
        form,
        formset,
        lambda: LeniencyList.save_with_items(
            by=request.user, instance=form.instance, items=item_rows(formset)
        ),
        "已保存包容审慎清单：{obj}。",
        {"title": title, "back": "enforcement:leniency"},
    )


@writer_required
def leniency_new(request: HttpRequest) -> HttpResponse:
    return _leniency_form(request, LeniencyList(), "制定包容审慎清单")


@login_required
def leniency_list(request: HttpRequest, pk: int) -> HttpResponse:
    lst = _rules_record(request, LeniencyList, pk)
    cases = (
        Case.objects.visible_to(request.user)
        .filter(leniency_item__leniency_list=lst)
        .select_related("unit", "leniency_item")
        .order_by("-decided_on", "-id")
    )
    return render(
        request,
        "enforcement/leniency_detail.html",
        {
            "lst": lst,
            "items": _items_with_cases(request.user).filter(leniency_list=lst),
            "cases": cases[:200],
            "n_cases": cases.count(),
            "can_edit": can_write_unit(request.user, lst.unit),
        },
    )


@login_required
def leniency_edit(request: HttpRequest, pk: int) -> HttpResponse:
    lst = _rules_record(request, LeniencyList, pk, write=True)
    return _leniency_form(request, lst, f"修改包容审慎清单：{lst.title}")


# ------------------------------------------------------------------ scoring sheets


@login_required
def sheets(request: HttpRequest) -> HttpResponse:
    """The scoring sheets that apply to the focus unit (its own and its superiors') and
    those made below it, with how many files each scored."""
    unit = _focused_unit(request)
    rows = (
        ReviewSheet.objects.readable_by(request.user)
        .around(unit)
        .select_related("unit")
        .annotate(
            n_criteria=Count("criteria", distinct=True), n_reviews=Count("reviews", distinct=True)
        )
        .order_by("-year", "unit__path", "id")
    )
    return render(
        request,
        "enforcement/sheets.html",
        {"sheets": rows, "unit": unit, "can_write": request.user.can_write_records},
    )


def _sheet_form(request: HttpRequest, sheet: ReviewSheet | None, title: str) -> HttpResponse:
    initial_form = (
        {"name": sheet.name, "year": sheet.year, "unit": sheet.unit_id} if sheet else None
    )
    form = ReviewSheetForm(
        request.POST or None, initial=initial_form, user=request.user, sheet=sheet
    )
    initial = (
        [{"tier": c.tier, "text": c.text, "points": c.points} for c in sheet.criteria.all()]
        if sheet
        else []
    )
    formset = CriterionFormSet(request.POST or None, initial=initial, prefix="criteria")

    def save() -> ReviewSheet:
        d = form.cleaned_data
        criteria = criterion_rows(formset)
        if sheet is None:
            return ReviewSheet.create(
                by=request.user, unit=d["unit"], name=d["name"], year=d["year"], criteria=criteria
            )
        sheet.revise(by=request.user, name=d["name"], year=d["year"], criteria=criteria)
        return sheet

    return _rules_form(
        request,
        form,
        formset,
        save,
        "已保存评查表：{obj}。",
        {
            "title": title,
            "back": "enforcement:sheets",
            "note": "计分项目的分值须大于0，合计100分；否决项不计分，触及任一否决项的案卷为0分、不合格。",
        },
    )


@writer_required
def sheet_new(request: HttpRequest) -> HttpResponse:
    return _sheet_form(request, None, "制定案卷评查表")


@login_required
def sheet_detail(request: HttpRequest, pk: int) -> HttpResponse:
    sheet = _rules_record(request, ReviewSheet, pk)
    criteria = list(sheet.criteria.all())
    return render(
        request,
        "enforcement/sheet_detail.html",
        {
            "sheet": sheet,
            "criteria": criteria,
            "total": sum(c.points for c in criteria),
            "n_reviews": sheet.reviews.count(),
            "can_edit": can_write_unit(request.user, sheet.unit),
            "can_score": request.user.can_write_records,
        },
    )


@login_required
def sheet_edit(request: HttpRequest, pk: int) -> HttpResponse:
    sheet = _rules_record(request, ReviewSheet, pk, write=True)
    return _sheet_form(request, sheet, f"修改评查表：{sheet.name}")


# ------------------------------------------------------------------ figures and publication


figures = figures_view(
    SECTION, [i.code for i in enf_indicators.INDICATORS], template="enforcement/figures.html"
)


@login_required
def publications(request: HttpRequest) -> HttpResponse:
    """The year's publication table: every enforcing unit of the focus subtree and its status."""
    unit = focus_unit(request)
    if unit is None or not request.user.can_read_records:
        raise PermissionDenied("您的角色不能查看统计。")
    year = (
        int(request.GET["year"])
        if request.GET.get("year", "").isdigit()
        else timezone.localdate().year - 1
    )
    headers, table = publication.overview(unit, year)
    status = {p.unit_id: p for p in DataPublication.objects.in_subtree(unit).filter(year=year)}
    for row in table:
        row["publication"] = status.get(row["unit"].pk)
    return render(
        request,
        "enforcement/publications.html",
        {"unit": unit, "year": year, "headers": headers, "table": table, "years": years()},
    )


def _publication_unit(request: HttpRequest, unit_pk: int) -> Unit:
    # A unit out of scope, or a role that reads no register, gets 404 first.
    unit = get_for_user_or_404(Unit.objects.all(), unit_pk, request.user)
    if not request.user.can_read_records:
        raise PermissionDenied("您的角色不能查看统计。")
    return unit


def _publication_context(request: HttpRequest, unit: Unit, year: int) -> dict[str, Any]:
    pub = DataPublication.objects.filter(unit=unit, year=year).first()
    actions = action_panel(request, pub, action_form_class) if pub is not None else []
    deadlines = deadline_rows(pub) if pub is not None else []
    # The pre-issue check (a guard the reports app declares on "publish"), shown before
    # anyone tries to publish.
    due = pub is not None and pub.state == PublicationState.PENDING and has_guards(pub, "publish")
    return {
        "precheck": guard_problems(pub, "publish") if due else None,
        "unit": unit,
        "year": year,
        "rows": publication.rows(unit, year),
        "pub": pub,
        "actions": actions,
        "deadlines": deadlines,
        "can_write": request.user.can_write_records,
    }


@login_required
def publication_detail(request: HttpRequest, unit_pk: int, year: int) -> HttpResponse:
    unit = _publication_unit(request, unit_pk)
    if request.method == "POST":
        pub = DataPublication.objects.filter(unit=unit, year=year).first()
        try:
            if pub is None:
                DataPublication.prepare(by=request.user, unit=unit, year=year)
                messages.success(request, "已列入年度数据公开，公开期限已开始计算。")
            else:
                t = rules.PUBLICATION_TRANSITIONS["publish"]
                form = action_form_class(t, pub, request.user)(request.POST, prefix="publish")
                if not form.is_valid():
                    raise ValidationError("请填写公开日期。")
                d = form.cleaned_data
                pub.apply(
                    "publish",
                    by=request.user,
                    on=d["on"],
                    note=d.get("note", ""),
                    where=d.get("where", ""),
                )
                messages.success(request, "已登记公开。")
        except ValidationError as exc:
            messages.error(request, "；".join(exc.messages))
            return render(
                request,
                "enforcement/publication.html",
                _publication_context(request, unit, year),
                status=400,
            )
        return redirect("enforcement:publication", unit.pk, year)
    return render(
        request, "enforcement/publication.html", _publication_context(request, unit, year)
    )


def _download(data: bytes, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


@login_required
def publication_xlsx(request: HttpRequest, unit_pk: int, year: int) -> HttpResponse:
    unit = _publication_unit(request, unit_pk)
    return _download(
        publication.workbook(unit, year),
        f"{unit.name}{year}年度行政执法数据.xlsx",
        XLSX_CONTENT_TYPE,
    )


@login_required
def publication_docx(request: HttpRequest, unit_pk: int, year: int) -> HttpResponse:
    unit = _publication_unit(request, unit_pk)
    number = request.GET.get("number") or f"{unit.short_name or unit.name}〔{year + 1}〕1号"
    pub = DataPublication.objects.filter(unit=unit, year=year).first()
    dated = (
        pub.published_on
        if pub and pub.published_on
        else min(timezone.localdate(), date(year + 1, 1, 31))
    )
    try:
        data = publication.docx(unit, year, number=number, dated=dated)
    except DocumentError as exc:
        messages.error(request, str(exc))
        return redirect("enforcement:publication", unit.pk, year)
    return _download(data, f"{unit.name}{year}年度行政执法数据公开.docx", DOCX_CONTENT_TYPE)
