"""REST API of the legal services register, scoped exactly like the screens.

`/api/legalservices/aid/` (list, create = register and start the 7-day review, retrieve;
moves through `POST …/<id>/transition/`), `/api/legalservices/notarisations/`,
`/api/legalservices/helpers/`, `/api/legalservices/visits/`.
"""

from __future__ import annotations

from typing import Any

from rest_framework import serializers
from rest_framework.exceptions import PermissionDenied

from fazhi.kit.api import ScopedModelViewSet
from fazhi.kit.api_workflow import (
    AllowedActionsField,
    CleanSerializer,
    RegisteredRecordMixin,
    WorkflowMixin,
    register_or_400,
    simple_viewset,
)
from fazhi.legalservices import rules
from fazhi.legalservices.forms import aid_action_form
from fazhi.legalservices.models import AidApplication, LegalHelper, Notarisation, ServiceVisit
from fazhi.org.scope import can_write_unit

WORKFLOW_FIELDS = [
    "state",
    "green_channel",
    "decision",
    "decided_on",
    "decision_on_time",
    "refusal_reason",
    "assigned_on",
    "lawyer",
    "closed_on",
    "result",
    "withdrawn_on",
]


class AidApplicationSerializer(CleanSerializer):
    applicant_masked = serializers.CharField(read_only=True)
    allowed_actions = AllowedActionsField()

    class Meta:
        model = AidApplication
        fields = [
            "id",
            "unit",
            "number",
            "applicant_name",
            "applicant_masked",
            "received_on",
            "matter_kind",
            "claim",
            "migrant_worker",
            "provided_first",
            "summary",
            *WORKFLOW_FIELDS,
            "allowed_actions",
        ]
        read_only_fields = WORKFLOW_FIELDS
        extra_kwargs = {"applicant_name": {"write_only": True}}


class AidApplicationViewSet(RegisteredRecordMixin, WorkflowMixin, ScopedModelViewSet):
    queryset = AidApplication.objects.select_related("unit").order_by("-received_on", "-id")
    serializer_class = AidApplicationSerializer
    form_for = staticmethod(aid_action_form)
    open_state = rules.State.RECEIVED
    # 法律援助法 第43条: the review period runs from receipt.
    fixed_fields = ("unit", "received_on")

    def perform_create(self, serializer: Any) -> None:
        if not can_write_unit(self.request.user, serializer.validated_data["unit"]):
            raise PermissionDenied("不能在管辖范围以外的单位登记或修改记录。")
        app = AidApplication(**serializer.validated_data)
        register_or_400(app, self.request.user)
        serializer.instance = app


ROUTES = [
    ("legalservices/aid", AidApplicationViewSet),
    (
        "legalservices/notarisations",
        simple_viewset(
            Notarisation,
            ["unit", "number", "kind", "foreign", "issued_on", "fee_waived"],
            {"applicant_name": lambda n: n.applicant_masked},
        ),
    ),
    (
        "legalservices/helpers",
        simple_viewset(
            LegalHelper,
            ["unit", "occupation", "trained_on", "appointed_on", "left_on"],
            {"name": lambda h: str(h)},
        ),
    ),
    (
        "legalservices/visits",
        simple_viewset(ServiceVisit, ["unit", "visited_on", "channel", "kind", "people", "topic"]),
    ),
]
