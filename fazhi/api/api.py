"""The API of the foundation's own records: units (`/api/units/`) and people
(`/api/people/`), the org app's data.

They live in the api app, the layer above every other, because the foundation (org)
never imports the register kit whose `ScopedModelViewSet` they use. The api app's
`ROUTES` join the router as every app's do (`fazhi/api/urls.py`).
"""

from __future__ import annotations

from typing import Any

from rest_framework import serializers
from rest_framework.exceptions import PermissionDenied

from fazhi.kit.api import ScopedModelViewSet
from fazhi.org.models import Person, Unit
from fazhi.org.scope import can_write_unit


class UnitSerializer(serializers.ModelSerializer):
    class Meta:
        model = Unit
        fields = ["id", "name", "short_name", "code", "kind", "parent", "uscc", "depth", "active"]
        read_only_fields = ["depth"]


class UnitViewSet(ScopedModelViewSet):
    queryset = Unit.objects.all()
    serializer_class = UnitSerializer

    def _check_unit(self, serializer: Any) -> None:
        # A new unit is written under its parent: that is the unit the user must hold.


        parent = serializer.validated_data.get("parent") or getattr(serializer.instance, "parent", None)
        if parent is None or not can_write_unit(self.request.user, parent):
            raise PermissionDenied("只能在本单位及下级单位范围内新增或修改单位。")


class PersonSerializer(serializers.ModelSerializer):
    """Phone and ID numbers go out masked; they can be written but never read back."""

    phone_masked = serializers.CharField(source="masked_phone", read_only=True)
    id_number_masked = serializers.CharField(source="masked_id_number", read_only=True)

    class Meta:
        model = Person
        fields = ["id", "unit", "name", "position", "phone", "id_number", "phone_masked", "id_number_masked", "is_principal"]
        extra_kwargs = {"phone": {"write_only": True}, "id_number": {"write_only": True}}


class PersonViewSet(ScopedModelViewSet):
    queryset = Person.objects.select_related("unit")
    serializer_class = PersonSerializer


ROUTES = [("units", UnitViewSet), ("people", PersonViewSet)]
