"""REST API of the mediation register, scoped exactly like the screens.

`/api/mediation/disputes/` (list, create = register, retrieve; moves through
`POST …/<id>/transition/`), `/api/mediation/committees/`, `/api/mediation/mediators/`.
"""

from __future__ import annotations

from rest_framework import serializers

from fazhi.kit.api import ScopedModelViewSet
from fazhi.kit.api_workflow import (
    CleanSerializer,
    RegisteredRecordMixin,
    WorkflowMixin,
    WorkflowSerializer,
    simple_viewset,
    workflow_meta,
)
from fazhi.mediation import rules
from fazhi.mediation.forms import DisputeForm, dispute_action_form
from fazhi.mediation.models import Committee, Dispute, Mediator

WORKFLOW_FIELDS = [
    "unit",
    "state",
    "outcome",
    "closed_on",
    "agreement",
    "referred_to",
    "confirmation_planned",
    "confirmation_applied_on",
    "followed_up_on",
]


class DisputeSerializer(CleanSerializer, WorkflowSerializer):
    parties_masked = serializers.CharField(read_only=True)

    Meta = workflow_meta(
        Dispute, DisputeForm, WORKFLOW_FIELDS, "parties_masked",
        extra_kwargs={"parties": {"write_only": True}},
    )


class DisputeViewSet(RegisteredRecordMixin, WorkflowMixin, ScopedModelViewSet):
    queryset = Dispute.objects.select_related("committee", "unit").order_by("-received_on", "-id")
    serializer_class = DisputeSerializer
    form_for = staticmethod(dispute_action_form)
    open_state = rules.State.RECEIVED
    unit_from = "committee"


class MediatorViewSet(
    simple_viewset(
        Mediator,
        ["committee", "unit", "full_time", "appointed_on", "left_on"],
        {"name": lambda m: str(m)},
    )
):
    unit_from = "committee"


ROUTES = [
    ("mediation/disputes", DisputeViewSet),
    (
        "mediation/committees",
        simple_viewset(
            Committee, ["unit", "name", "level", "field", "established_on", "dissolved_on"]
        ),
    ),
    ("mediation/mediators", MediatorViewSet),
]
