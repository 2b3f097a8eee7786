"""REST API of the lists, scoped exactly like the screens.

- `lists/items`: read the items. They change only through adjustments, so the route
  offers no POST, PATCH or DELETE (405).
- `lists/adjustments`: read the adjustments; POST one (establish / add / amend / remove)
  through `services.apply_adjustment`, with the same checks and messages as the screens.
  An adjustment once recorded is not edited or deleted.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers, status
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from fazhi.kit.api import ScopedModelViewSet
from fazhi.kit.api_workflow import api_error
from fazhi.lists.models import ListAdjustment, ListItem
from fazhi.lists.rules import ITEM_FIELDS, Action, ListKind, PowerType, ServiceKind
from fazhi.lists.services import apply_adjustment
from fazhi.org.scope import writable_units


class ItemSerializer(serializers.ModelSerializer):
    unit_name = serializers.CharField(source="unit.name", read_only=True)

    class Meta:
        model = ListItem
        # The item's attributes (those an adjustment changes), then its time in force.
        fields = [
            "id",
            "list_kind",
            *ITEM_FIELDS,
            "unit_name",
            "in_force_from",
            "in_force_until",
            "version",
        ]
        read_only_fields = fields


class AdjustmentSerializer(serializers.ModelSerializer):
    class Meta:
        model = ListAdjustment
        fields = [
            "id",
            "item",
            "unit",
            "list_kind",
            "power_type",
            "service_kind",
            "action",
            "adjusted_on",
            "reason",
            "document_number",
            "before",
            "after",
            "superseded_on",
        ]
        read_only_fields = fields


class AdjustmentInput(serializers.Serializer):
    """What a client posts: the adjustment and, for new or amended items, the fields."""

    action = serializers.ChoiceField(choices=Action.choices)
    adjusted_on = serializers.DateField()
    reason = serializers.CharField(required=False, allow_blank=True, max_length=500)
    document_number = serializers.CharField(required=False, allow_blank=True, max_length=100)
    item = serializers.IntegerField(required=False)
    version = serializers.IntegerField(required=False)
    unit = serializers.IntegerField(required=False)
    list_kind = serializers.ChoiceField(choices=ListKind.choices, required=False)
    code = serializers.CharField(required=False, max_length=60)
    name = serializers.CharField(required=False, max_length=200)
    power_type = serializers.ChoiceField(
        choices=PowerType.choices, required=False, allow_blank=True
    )
    service_kind = serializers.ChoiceField(
        choices=ServiceKind.choices, required=False, allow_blank=True
    )
    legal_basis = serializers.CharField(required=False, max_length=500)
    basis_articles = serializers.CharField(required=False, allow_blank=True)


# The item's fields a client may post (its unit is looked up apart, within reach).
ITEM_INPUTS = ("list_kind", *(f for f in ITEM_FIELDS if f != "unit"))


class ItemViewSet(ScopedModelViewSet):
    queryset = ListItem.objects.select_related("unit").order_by(
        "list_kind", "unit__path", "code", "id"
    )
    serializer_class = ItemSerializer

    # Items change only through adjustments: no create, update or delete here (405).
    http_method_names = ["get", "head", "options"]


class AdjustmentViewSet(ScopedModelViewSet):
    queryset = ListAdjustment.objects.select_related("unit").order_by("-adjusted_on", "-id")
    serializer_class = AdjustmentSerializer
    # A recorded adjustment is history: it is not edited or deleted (405).
    http_method_names = ["get", "post", "head", "options"]

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        data = AdjustmentInput(data=request.data)
        data.is_valid(raise_exception=True)
        d = dict(data.validated_data)
        changes = {f: d[f] for f in ITEM_INPUTS if f in d}
        if "unit" in d:
            unit = writable_units(request.user).filter(pk=d["unit"]).first()
            if unit is None:
                raise ValidationError({"unit": ["单位不存在或不在您的管辖范围内。"]})
            changes["unit"] = unit
        item = None
        if "item" in d:
            item = ListItem.objects.visible_to(request.user).filter(pk=d["item"]).first()
            if item is None:
                raise ValidationError({"item": ["事项不存在或无权查看。"]})
        try:
            adj = apply_adjustment(
                d["action"],
                by=request.user,
                on=d["adjusted_on"],
                item=item,
                changes=changes,
                reason=d.get("reason", ""),
                document_number=d.get("document_number", ""),
                expected_version=d.get("version"),
            )
        except DjangoValidationError as exc:
            raise api_error(exc) from exc
        except ValueError as exc:  # item given for a new item, or none for a change
            raise ValidationError({"item": [str(exc)]}) from exc
        return Response(AdjustmentSerializer(adj).data, status=status.HTTP_201_CREATED)


ROUTES = [("lists/items", ItemViewSet), ("lists/adjustments", AdjustmentViewSet)]
