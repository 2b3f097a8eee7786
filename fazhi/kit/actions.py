"""The one screen handler behind every register's action buttons.

A register's `act` view fetches its record through the scope (write=True) and calls
`act_on()`; the move goes through the record's `apply()` with the screen's own action
form, and a refusal re-renders the detail page with the errors on that form.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from fazhi.audit.models import Entry
from fazhi.deadlines.models import state_word
from fazhi.deadlines.services import deadlines_for
from fazhi.kit.forms import add_errors
from fazhi.org.models import User
from fazhi.org.scope import get_for_user_or_404

FormClassFor = Callable[[Any, Any, Any], Any]  # (transition, record, user) -> form class


def apply_form(request: HttpRequest, record: Any, transition: Any, form: Any) -> bool:
    """Validate the move's form and call `apply()`; False, with the errors on the form,
    when it is refused (nothing is changed then)."""
    if not form.is_valid():
        return False
    data = dict(form.cleaned_data)
    on, note, version = data.pop("on"), data.pop("note", ""), data.pop("version", None)
    try:
        record.apply(transition.action, by=request.user, on=on, note=note, expected_version=version, **data)
    except ValidationError as exc:
        add_errors(form, exc)
        return False
    messages.success(request, f"已办理：{transition.label}。")
    return True


def act_on(
    request: HttpRequest,
    record: Any,
    action: str,
    form_class_for: FormClassFor,
    render_failed: Callable[[dict[str, Any]], HttpResponse],
) -> HttpResponse:
    """Make the move named by the button; redirect to the record, or re-render the
    detail page (`render_failed({action: bound form})`, status 400) when refused."""
    transition = record.transitions.get(action)
    if transition is None:
        raise Http404("未知操作。")
    form = form_class_for(transition, record, request.user)(request.POST, request.FILES, prefix=action)
    if apply_form(request, record, transition, form):
        return redirect(record.get_absolute_url())
    errors = list(form.non_field_errors())
    if errors and transition not in record.allowed_actions(request.user):
        # The move has no button on the page (not allowed now), so its form with the
        # reason is not shown either: say why in the message.
        messages.error(request, f"“{transition.label}”未办理：{'；'.join(errors)}")
    else:
        messages.error(request, f"“{transition.label}”未办理，请检查填写内容。")
    return render_failed({action: form})


def record_views(
    queryset: Any, render_detail: Callable[..., HttpResponse], form_class_for: FormClassFor
) -> tuple[Callable[..., HttpResponse], Callable[..., HttpResponse]]:
    """A workflow record's page and the handler behind its action buttons (URLs taking
    `pk`, and `pk, action`): the record is found through the scope (404 outside it; the
    buttons also need write access), the page is `render_detail(request, record)`, and
    a refused move re-renders it with `forms={action: bound form}, status=400`."""

    @login_required
    def detail(request: HttpRequest, pk: int) -> HttpResponse:
        return render_detail(request, get_for_user_or_404(queryset, pk, request.user))

    @login_required
    @require_POST
    def act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
        record = get_for_user_or_404(queryset, pk, request.user, write=True)
        return act_on(
            request,
            record,
            action,
            form_class_for,
            lambda failed: render_detail(request, record, forms=failed, status=400),
        )

    return detail, act


def template_views(
    queryset: Any,
    template: str,
    context: Callable[[HttpRequest, Any, dict[str, Any] | None], dict[str, Any]],
    form_class_for: FormClassFor,
) -> tuple[Callable[..., HttpResponse], Callable[..., HttpResponse]]:
    """`record_views` for a page that is `template` with `context(request, record,
    bound)` (`bound`: a refused move's form, to show open with its errors)."""

    def render_detail(
        request: HttpRequest, record: Any, forms: dict[str, Any] | None = None, status: int = 200
    ) -> HttpResponse:
        return render(request, template, context(request, record, forms), status=status)

    return record_views(queryset, render_detail, form_class_for)


def record_panels(
    request: HttpRequest,
    record: Any,
    form_class_for: FormClassFor,
    labels: dict[str, str],
    bound: dict[str, Any] | None = None,
    deadlines_of: tuple[Any, ...] = (),
) -> dict[str, Any]:
    """What every workflow record's page shows under its fields: `actions` (one button
    per move allowed now; a refused move's form comes back bound and open), `deadlines`
    (the record's, or those of `deadlines_of`) and `history` (audit verbs as `labels`)."""
    return {
        "actions": action_panel(request, record, form_class_for, bound),
        "deadlines": deadline_rows(*(deadlines_of or (record,))),
        "history": history(record, labels),
    }


def section_page(request: HttpRequest, section: Any) -> dict[str, Any]:
    """What a register section's record page shows around the record: the section and
    its tabs, and whether the user sees personal data in full (a writer does; readers
    see 张某某)."""
    return {
        "section": section,
        "tabs": section.resolved(request),
        "can_see_personal": getattr(request.user, "can_write_records", False),
    }


def section_detail(
    section: Any, record_name: str, form_class_for: FormClassFor, labels: dict[str, str]
) -> Callable[[HttpRequest, Any, dict[str, Any] | None], dict[str, Any]]:
    """The `context` of `template_views` for a section's workflow record page: the
    `section_page`, the record as `record_name` and its `record_panels`."""

    def context(
        request: HttpRequest, record: Any, bound: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        return {
            **section_page(request, section),
            record_name: record,
            **record_panels(request, record, form_class_for, labels, bound),
        }

    return context


def action_panel(
    request: HttpRequest, record: Any, form_class_for: FormClassFor, bound: dict[str, Any] | None = None
) -> list[dict[str, Any]]:
    """One entry per move this user may make now (the detail page's buttons), each with
    its small form; a form that was just refused comes back bound and open."""
    panel = []
    for t in record.allowed_actions(request.user):
        form = (bound or {}).get(t.action) or form_class_for(t, record, request.user)(prefix=t.action)
        panel.append({"transition": t, "form": form, "open": bool(bound and t.action in bound)})
    return panel


def deadline_rows(*records: Any) -> list[dict[str, Any]]:
    """The records' deadlines with today's light and the explanation of each due date."""
    today = timezone.localdate()
    rows = []
    for record in records:
        for d in deadlines_for(record):
            light = d.light(today)
            rows.append({"deadline": d, "light": light, "word": state_word(d, light), "explain": d.explain().lines()})
    return rows


def history(record: Any, labels: dict[str, str], limit: int = 200) -> list[dict[str, Any]]:
    """The record's audit entries, oldest first, each with its move's Chinese label."""
    entries = list(Entry.objects.for_object(record).order_by("id")[:limit])
    # People read names: the person's name where the account has one, else the login.
    names = dict(
        User.objects.filter(username__in={e.username for e in entries})
        .exclude(full_name="")
        .values_list("username", "full_name")
    )
    return [
        {"entry": e, "label": labels.get(e.verb, e.verb), "person": names.get(e.username, e.username)}
        for e in entries
    ]
