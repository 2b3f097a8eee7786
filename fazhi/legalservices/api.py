"""REST API of the legal services register, scoped exactly like the screens.

`/api/legalservices/aid/` (list, create = register and start the 7-day review, retrieve;
moves through `POST …/<id>/transition/`), `/api/legalservices/notarisations/`,
`/api/legalservices/helpers/`, `/api/legalservices/visits/`.
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
from fazhi.legalservices import rules
from fazhi.legalservices.forms import (
    AidApplicationForm,
    NotarisationForm,
    ServiceVisitForm,
    aid_action_form,
)
from fazhi.legalservices.models import AidApplication, LegalHelper, Notarisation, ServiceVisit

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


class AidApplicationSerializer(CleanSerializer, WorkflowSerializer):
    applicant_masked = serializers.CharField(read_only=True)

    # The API carries no phone or ID number (the screens' form does).
    Meta = workflow_meta(
        AidApplication, AidApplicationForm, WORKFLOW_FIELDS, "applicant_masked",
        leave_out=("applicant_phone", "applicant_id_number"),
        extra_kwargs={"applicant_name": {"write_only": True}},
    )


class AidApplicationViewSet(RegisteredRecordMixin, WorkflowMixin, ScopedModelViewSet):
    queryset = AidApplication.objects.select_related("unit").order_by("-received_on", "-id")
    serializer_class = AidApplicationSerializer
    form_for = staticmethod(aid_action_form)
    open_state = rules.State.RECEIVED
    # 法律援助法 第43条: the review period runs from receipt.
    fixed_fields = ("unit", "received_on")


ROUTES = [
    ("legalservices/aid", AidApplicationViewSet),
    (
        "legalservices/notarisations",
        simple_viewset(
            Notarisation,
            NotarisationForm.Meta.fields,
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
        simple_viewset(ServiceVisit, ServiceVisitForm.Meta.fields),
    ),
]
