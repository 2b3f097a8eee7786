"""Screens of the normative-documents register: list with the expiring ones, a document."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from fazhi.audit.models import Entry
from fazhi.deadlines.services import deadlines_for
from fazhi.kit.actions import action_panel, template_views
from fazhi.kit.screens import create_view, scoped
from fazhi.kit.search import searched
from fazhi.normdocs.forms import CleanupForm, DecideForm, DocumentForm, action_form_class
from fazhi.normdocs.models import Cleanup, Document, Issuer, ReviewItem
from fazhi.normdocs.rules import CleanupOutcome, ReviewKind
from fazhi.org.scope import can_write_unit, get_for_user_or_404

# The evaluation before expiry is due 6 months ahead (statutes.md §4, city rule [C-page]).
EXPIRY_WARNING_DAYS = 183


def rows(request: HttpRequest) -> Any:
    return searched(request, scoped(request, Document.objects.select_related("unit")))


def issuer_rows(request: HttpRequest, on: date) -> Any:
    """The 制定主体清单 as it stands on `on`."""
    qs = scoped(request, Issuer.objects.select_related("unit")).filter(listed_on__lte=on)
    return qs.filter(Q(delisted_on__isnull=True) | Q(delisted_on__gt=on))


def review_rows(request: HttpRequest) -> Any:
    """Items legally reviewed other than normative documents (contracts, agenda items…)."""
    qs = scoped(request, ReviewItem.objects.exclude(kind=ReviewKind.NORMDOC))
    return searched(request, qs.select_related("unit"))


def cleanup_rows(request: HttpRequest) -> list[Any]:
    """Recent cleanups with their count of documents per outcome (one query)."""
    qs = scoped(request, Cleanup.objects.all()).annotate(
        **{
            f"n_{o.value}": Count("results", filter=Q(results__outcome=o.value))
            for o in CleanupOutcome
        }
    )
    return list(qs[:20])


@login_required
def document_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    docs = rows(request)
    state = request.GET.get("state", "")
    if state:
        docs = docs.filter(state=state)
    return render(
        request,
        "normdocs/list.html",
        {
            "docs": docs[:200],
            "expiring": rows(request).expiring(
                on=today, until=today + timedelta(days=EXPIRY_WARNING_DAYS)
            ),
            "cleanups": cleanup_rows(request),
            "issuers": issuer_rows(request, today),
            "reviews": review_rows(request)[:20],
            "states": Document._meta.get_field("state").choices,
            "state": state,
        },
    )


def _detail_context(
    request: HttpRequest, doc: Document, bound: dict[str, Any] | None = None
) -> dict[str, Any]:
    return {
        "doc": doc,
        "actions": action_panel(request, doc, action_form_class, bound),
        "history": Entry.objects.for_object(doc)[:50],
        "deadlines": list(deadlines_for(doc).open().select_related("unit")),
        "results": doc.cleanup_results.select_related("cleanup"),
        "today": timezone.localdate(),
    }


# The page and the one view behind every move's button: its small form, then `apply()`.
detail, act = template_views(
    Document.objects.select_related("unit", "filing_authority", "review_item"),
    "normdocs/detail.html",
    _detail_context,
    action_form_class,
)


document_create = create_view(DocumentForm, "登记行政规范性文件（起草）", "normdocs:list")
cleanup_create = create_view(CleanupForm, "登记规范性文件清理", "normdocs:list")


def _candidates(cleanup: Cleanup, user: Any) -> Any:
    """Documents the cleanup may still decide: in its unit's subtree, published by the
    cut-off, in force, without an outcome in this cleanup."""
    return (
        Document.objects.visible_to(user)
        .in_subtree(cleanup.unit)
        .in_force()
        .filter(published_on__lte=cleanup.cutoff)
        .exclude(cleanup_results__cleanup=cleanup)
        .select_related("unit")
        .order_by("published_on", "pk")
    )


@login_required
def cleanup_detail(request: HttpRequest, pk: int) -> HttpResponse:
    cleanup = get_for_user_or_404(Cleanup.objects.select_related("unit"), pk, request.user)
    write = can_write_unit(request.user, cleanup.unit)
    form = None
    if request.method == "POST":
        if not write:
            raise PermissionDenied("您对该清理只有查看权限。")
        form = DecideForm(request.POST, documents=_candidates(cleanup, request.user))
        if form.is_valid():
            data = form.cleaned_data
            try:
                cleanup.decide(
                    data["document"],
                    data["outcome"],
                    by=request.user,
                    on=data["on"],
                    note=data["note"],
                )
            except ValidationError as exc:
                messages.error(request, "；".join(exc.messages))
            else:
                messages.success(request, f"已登记清理结论：《{data['document'].title}》")
                return redirect("normdocs:cleanup", pk=cleanup.pk)
    candidates = _candidates(cleanup, request.user)
    if form is None and write:
        form = DecideForm(documents=candidates)
    return render(
        request,
        "normdocs/cleanup.html",
        {
            "cleanup": cleanup,
            "results": cleanup.results.select_related("document__unit").order_by("pk"),
            "candidates": candidates[:500],
            "form": form,
        },
    )
