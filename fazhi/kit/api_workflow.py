"""API pieces shared by registers of small records (mediation, legal services, publicity).

- `AllowedActionsField`: a workflow record's `allowed_actions` for the requesting user.
- `CleanSerializer`: a ModelSerializer that runs the model's own `full_clean()`, so the
  API refuses exactly what the screens and imports refuse, with the same Chinese messages.
- `simple_viewset(model, fields, personal)`: a scoped CRUD viewset for a plain record.
- `WorkflowMixin`: `POST /api/<prefix>/<id>/transition/` with {"action", "on", "note",
  inputs…}, through the same action form and `apply()` as the buttons.
- `RegisterViewSet`: a workflow register's viewset (kit.registers' API side): creation
  through the model's own constructor (`register`, `propose`, `assign` …), moves
  through `transition/`, no DELETE; `FixedFieldsSerializer` refuses a change of the
  fields a statutory period runs from.
"""

from __future__ import annotations

from collections.abc import Callable
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


class CleanSerializer(serializers.ModelSerializer):
    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        model = self.Meta.model
        instance = model() if self.instance is None else self.instance
        snapshot = {f.attname: getattr(instance, f.attname) for f in model._meta.concrete_fields}
        for name, value in attrs.items():
            setattr(instance, name, value)
        try:
            instance.full_clean(
                exclude=["state", "version"] if hasattr(instance, "state") else None
            )
        except ValidationError as exc:
            raise api_error(exc) from exc
        finally:
            if self.instance is not None:  # validation must not leave the instance changed
                for k, v in snapshot.items():
                    setattr(instance, k, v)
        return attrs


def simple_viewset(
    model: type[models.Model],
    fields: list[str],
    masked: dict[str, Callable[[Any], str]] | None = None,
    ordering: tuple[str, ...] = ("-id",),
) -> type[ScopedModelViewSet]:
    """A scoped viewset; personal fields are write-only and read back masked."""
    masked = masked or {}
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


class FixedFieldsSerializer(serializers.ModelSerializer):
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
