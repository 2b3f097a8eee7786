"""API pieces shared by registers of small records (mediation, legal services, publicity).

- `AllowedActionsField`: a workflow record's `allowed_actions` for the requesting user;
  `WorkflowSerializer` declares it, `workflow_meta(model, form, progress, …)` is its Meta.
- `full_clean(model, instance, attrs)`: the model's own validation of the data as it
  would be saved, refused as a 400 with the model's Chinese messages (`api_error`).
- `CleanSerializer`: a ModelSerializer that runs `full_clean`, so the API refuses exactly
  what the screens and imports refuse, with the same Chinese messages.
- `simple_viewset(model, fields, personal)`: a scoped CRUD viewset for a plain record.
- `WorkflowMixin`: `POST /api/<prefix>/<id>/transition/` with {"action", "on", "note",
  inputs…}, through the same action form and `apply()` as the buttons.
- `RegisterViewSet`: a workflow register's viewset (kit.registers' API side): creation
  through the model's own constructor (`register`, `propose`, `assign` …), moves
  through `transition/`, no DELETE; `FixedFieldsSerializer` refuses a change of the
  fields a statutory period runs from.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from rest_framework import serializers
from rest_framework.exceptions import PermissionDenied
from rest_framework.exceptions import ValidationError as ApiValidationError

from fazhi.core.workflow import Transition
from fazhi.kit.api import ScopedModelViewSet, TransitionMixin


def api_error(exc: ValidationError) -> ApiValidationError:
    """A model's refusal as the API's 400, with the same Chinese messages."""
    return ApiValidationError(exc.message_dict if hasattr(exc, "error_dict") else exc.messages)


def refuse_changes(
    instance: Any, data: dict[str, Any], names: tuple[str, ...], message: str
) -> None:
    """400 when `data` changes one of `names` on the registered `instance`."""
    for name in names:
        if name in data and data[name] != getattr(instance, name):
            raise ApiValidationError({name: message})


class AllowedActionsField(serializers.ListField):
    """The moves the requesting user may make on the record now: the screen's buttons."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(child=serializers.CharField(), read_only=True, source="*", **kwargs)

    def to_representation(self, record: Any) -> list[str]:
        request = self.context.get("request")
        return [t.action for t in record.allowed_actions(request.user)] if request else []


class WorkflowSerializer(serializers.ModelSerializer):
    """A workflow record's serializer: with `Meta = workflow_meta(…)`, its form's fields,
    its progress read-only and `allowed_actions`, the moves the user may make now."""

    allowed_actions = AllowedActionsField()


def full_clean(
    model: type[models.Model],
    instance: models.Model | None,
    attrs: dict[str, Any],
    m2m: tuple[str, ...] = (),
    exclude: tuple[str, ...] = (),
) -> None:
    """Run the model's own validation on the data as it would be saved (on a copy: the
    instance is left as it was); many-to-many values (`m2m`) are saved after the record
    and checked by their serializer field, not here."""
    candidate = copy.copy(instance) if instance is not None else model()
    for name, value in attrs.items():
        if name not in m2m:
            setattr(candidate, name, value)
    try:
        candidate.full_clean(exclude=[*m2m, *exclude])
    except ValidationError as exc:
        raise api_error(exc) from exc


class CleanSerializer(serializers.ModelSerializer):
    """A ModelSerializer whose `validate` is the model's own `full_clean()`. A workflow
    record's state and version are not the client's to set, so they are not checked."""

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        model = self.Meta.model
        exclude = ("state", "version") if hasattr(model, "state") else ()
        m2m = tuple(f.name for f in model._meta.many_to_many)
        full_clean(model, self.instance, attrs, m2m=m2m, exclude=exclude)
        return attrs


def record_fields(form: Any, *extra: str, leave_out: Iterable[str] = ()) -> list[str]:
    """A serializer's `Meta.fields` from the screen form's, so a register declares its
    editable fields once: "id", the form's `Meta.fields` but `leave_out` (personal data
    the API does not carry), then `extra` (read-only progress, masked values, nested
    records, `allowed_actions`)."""
    skip = set(leave_out)
    return ["id", *(f for f in form.Meta.fields if f not in skip), *extra]


def workflow_meta(
    model: type[models.Model],
    form: Any,
    progress: list[str],
    *extra: str,
    leave_out: Iterable[str] = (),
    **more: Any,
) -> Any:
    """`Meta = workflow_meta(Request, RequestForm, WORKFLOW_FIELDS, "applicant")` in a
    workflow record's serializer: the fields of `record_fields` (the screen form's but
    `leave_out`, then `extra`), the workflow's `progress` fields, read-only since only
    its moves change them, and `allowed_actions`; `more` adds to the Meta (e.g.
    `extra_kwargs`). Typed `Any`: it stands for a `class Meta:` block."""
    fields = record_fields(form, *extra, *progress, "allowed_actions", leave_out=leave_out)
    return type("Meta", (), {"model": model, "fields": fields, "read_only_fields": progress, **more})


def simple_viewset(
    model: type[models.Model],
    fields: list[str],
    masked: dict[str, Callable[[Any], str]] | None = None,
    ordering: tuple[str, ...] = ("-id",),
    methods: tuple[str, ...] = (),
) -> type[ScopedModelViewSet]:
    """A scoped viewset over `fields` (often the screen form's `Meta.fields`); personal
    fields (`masked`) are write-only and read back masked. `methods` narrows the HTTP
    methods (e.g. no DELETE for a record that is never erased)."""
    masked = masked or {}
    fields = [f for f in fields if f not in masked]
    attrs: dict[str, Any] = {}
    for name, fn in masked.items():
        attrs[f"{name}_masked"] = serializers.SerializerMethodField()
        attrs[f"get_{name}_masked"] = staticmethod(lambda obj, fn=fn: fn(obj))
    meta = type(
        "Meta",
        (),
        {
            "model": model,
            "fields": ["id", *fields, *masked, *(f"{n}_masked" for n in masked)],
            "extra_kwargs": {n: {"write_only": True} for n in masked},
        },
    )
    serializer = type(f"{model.__name__}Serializer", (CleanSerializer,), {"Meta": meta, **attrs})
    return type(
        f"{model.__name__}ViewSet",
        (ScopedModelViewSet,),
        {
            "queryset": model._default_manager.select_related("unit").order_by(*ordering),
            "serializer_class": serializer,
            **({"http_method_names": [*methods, "head", "options"]} if methods else {}),
        },
    )


class WorkflowMixin(TransitionMixin):
    """The workflow move endpoint through the screen's own action form: set `form_for`
    (the screens' `(transition, record, user) -> form class`)."""

    form_for: Callable[[Transition, Any, Any], type[forms.Form]]

    def action_form(self, transition: Transition, record: Any) -> type[forms.Form]:
        return type(self).form_for(transition, record, self.request.user)  # type: ignore[attr-defined]


class RegisteredRecordMixin:
    """PATCH corrects a workflow record's registration data while it is still in its
    first state; the fields its statutory periods run from are fixed once registered.
    DELETE is refused: a registered case is closed through its workflow, never erased."""

    open_state: str = ""
    fixed_fields: tuple[str, ...] = ()

    def perform_create(self, serializer: Any) -> None:
        """POST registers the record through its own `register(by=)`, which opens its
        statutory periods; only into a unit the user may write."""
        self._check_unit(serializer)  # type: ignore[attr-defined]
        record = serializer.Meta.model(**serializer.validated_data)
        register_or_400(record, self.request.user)  # type: ignore[attr-defined]
        serializer.instance = record

    def perform_update(self, serializer: Any) -> None:
        instance = serializer.instance
        if instance.state != self.open_state:
            raise ApiValidationError({"state": "已办理的记录不能再修改登记信息。"})
        refuse_changes(
            instance,
            serializer.validated_data,
            self.fixed_fields,
            "登记后不能修改（法定期限已自该日期起算）。",
        )
        super().perform_update(serializer)  # type: ignore[misc]

    def perform_destroy(self, instance: Any) -> None:
        raise PermissionDenied("已登记的案件不能删除，请通过办理流程结案。")


def register_or_400(record: Any, user: Any) -> None:
    try:
        record.register(by=user)
    except ValidationError as exc:
        raise api_error(exc) from exc


class FixedFieldsSerializer(WorkflowSerializer):
    """A registered record's serializer: PATCH may not change `fixed_fields` (its
    statutory periods run from them); the workflow's own fields are read-only."""

    fixed_fields: tuple[str, ...] = ()
    fixed_message = "登记后不能修改，请撤回重新登记。"

    def update(self, instance: Any, validated_data: dict[str, Any]) -> Any:
        refuse_changes(instance, validated_data, self.fixed_fields, self.fixed_message)
        return super().update(instance, validated_data)


class RegisterViewSet(WorkflowMixin, ScopedModelViewSet):
    """A workflow register's records: read in the scope, created through the model's
    own constructor `create_with` (which opens the statutory periods; the unit must be
    one the user writes for), moved through `transition/` with the screen's action form
    (`form_for`), never deleted."""

    create_with = "register"
    http_method_names = ["get", "post", "patch", "head", "options"]

    def create_arguments(self, data: dict[str, Any]) -> dict[str, Any]:
        """The constructor's keyword arguments from the validated data."""
        return data

    def perform_create(self, serializer: Any) -> None:
        self._check_unit(serializer)
        create = getattr(serializer.Meta.model, self.create_with)
        arguments = self.create_arguments(dict(serializer.validated_data))
        try:
            serializer.instance = create(by=self.request.user, **arguments)
        except ValidationError as exc:
            raise api_error(exc) from exc
