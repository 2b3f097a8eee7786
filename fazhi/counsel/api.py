"""REST API of the counsel register, scoped exactly like the screens.

- `/api/counsel/`: legal advisers and public lawyers. Names and phone numbers are
  written in full (`name`, `phone`) and read back masked (`masked_name`,
  `masked_phone`), as on the lists and exports.
- `/api/counsel-opinions/`: legal opinions, each linked to the decision, document,
  contract or lawsuit it concerns.
- `/api/counsel/uncovered/?year=`: the units in scope with neither an adviser nor a
  public lawyer in the year (the records of `units_without_counsel`).
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from fazhi.counsel.forms import OpinionForm
from fazhi.counsel.models import Counsel, Opinion
from fazhi.indicators.catalogue import Period, catalogue
from fazhi.kit.api import ScopedModelViewSet
from fazhi.kit.api_workflow import CleanSerializer, record_fields
from fazhi.org.models import Unit
from fazhi.org.scope import can_write_unit, visible_to


class CounselSerializer(CleanSerializer):
    name = serializers.CharField(write_only=True, max_length=50)
    phone = serializers.CharField(write_only=True, max_length=20, required=False, allow_blank=True)
    masked_name = serializers.CharField(read_only=True)
    masked_phone = serializers.CharField(read_only=True)
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)

    class Meta:
        model = Counsel
        fields = [
            "id",
            "unit",
            "kind",
            "kind_label",
            "name",
            "masked_name",
            "firm",
            "licence_no",
            "phone",
            "masked_phone",
            "start_on",
            "end_on",
            "served_units",
        ]

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        super().validate(attrs)
        request = self.context.get("request")
        for unit in attrs.get("served_units", []):
            # Serving a unit is a claim about that unit: only within the user's reach.
            if request is not None and not can_write_unit(request.user, unit):
                raise serializers.ValidationError(
                    {"served_units": f"{unit}不在您的管辖范围内，不能登记为服务单位。"}
                )
        return attrs


class CounselViewSet(ScopedModelViewSet):
    queryset = (
        Counsel.objects.select_related("unit")
        .prefetch_related("served_units")
        .order_by("unit__path", "kind", "id")
    )
    serializer_class = CounselSerializer
    http_method_names = ["get", "post", "patch", "head", "options"]

    @action(detail=False)
    def uncovered(self, request: Request) -> Response:
        """The bodies in scope with neither adviser nor public lawyer in `?year=`."""
        raw = str(request.query_params.get("year", ""))
        year = int(raw) if raw.isdigit() and 2000 <= int(raw) <= 2100 else None
        year = year or timezone.localdate().year
        # The indicator's own Q, so the list and the figure cannot disagree.
        q = catalogue()["units_without_counsel"].q(Period.year(year))
        units = visible_to(request.user, Unit.objects.all()).filter(q).order_by("path")
        return Response({"year": year, "units": [{"id": u.pk, "name": u.name} for u in units]})


class OpinionSerializer(CleanSerializer):
    subject_label = serializers.CharField(source="get_subject_display", read_only=True)

    class Meta:
        model = Opinion
        fields = record_fields(OpinionForm, "subject_label")

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        request = self.context.get("request")
        if request is not None:
            # Linked records must be ones the user can see (no probing of other counties).
            for name in ("counsel", "decision", "document", "contract", "lawsuit"):
                obj = attrs.get(name)
                if (
                    obj is not None
                    and not visible_to(request.user, type(obj).objects).filter(pk=obj.pk).exists()
                ):
                    raise serializers.ValidationError(
                        {name: "关联的记录不存在或不在您的管辖范围内。"}
                    )
        return super().validate(attrs)


class OpinionViewSet(ScopedModelViewSet):
    queryset = Opinion.objects.select_related("unit", "counsel").order_by("-given_on", "id")
    serializer_class = OpinionSerializer
    http_method_names = ["get", "post", "patch", "head", "options"]


ROUTES = [
    ("counsel", CounselViewSet),
    ("counsel-opinions", OpinionViewSet),
]
