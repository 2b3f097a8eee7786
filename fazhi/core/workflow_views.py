"""The one screen handler behind every register's action buttons.

A register's `act` view fetches its record through the scope (write=True) and calls
`act_on()`; the move goes through the record's `apply()` with the screen's own action
form, and a refusal re-renders the detail page with the errors on that form.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect

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
        for message in exc.messages:
            form.add_error(None, message)
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
    messages.error(request, f"“{transition.label}”未办理，请检查填写内容。")
    return render_failed({action: form})
