"""REST API: applications (scoped exactly like the screens) and their workflow moves.

`POST /api/reconsideration/<id>/transition/` with {"action", "on", "note", inputs…}
goes through the same form and `apply()` as the action buttons.
"""

from __future__ import annotations

from fazhi.kit.api import ScopedModelViewSet
from fazhi.kit.api_workflow import (
    CleanSerializer,
    FixedFieldsSerializer,
    RegisterViewSet,
    record_fields,
    workflow_meta,
)
from fazhi.kit.registers import masked_person
from fazhi.reconsideration.forms import ApplicationForm, SuperiorCaseForm, action_form_class
from fazhi.reconsideration.models import Application, SuperiorCase

WORKFLOW_FIELDS = [
    "state",
    "procedure",
    "agency",
    "accepted_on",
    "deemed_accepted",
    "refused_on",
    "refusal_reason",
    "copy_sent_on",
    "copy_received_on",
    "reply_received_on",
    "reply_late",
    "hearing_on",
    "suspended_on",
    "suspension_ground",
    "resumed_on",
    "extended_on",
    "closed_on",
    "outcome",
    "termination_reason",
    "closed_late",
    "handling_days",
    "performance_status",
    "performance_checked_on",
    "version",
]


class ApplicationSerializer(FixedFieldsSerializer, masked_person("applicant")):
    # Fixed once the acceptance review has started (its deadline runs from them).
    fixed_fields = ("respondent", "received_on")

    # The API carries no phone number (the screens' form does).
    Meta = workflow_meta(
        Application, ApplicationForm, WORKFLOW_FIELDS, "applicant", leave_out=("applicant_phone",)
    )


class ApplicationViewSet(RegisterViewSet):
    queryset = (
        Application.objects.select_related("respondent", "agency")
        .prefetch_related("letters")
        .order_by("-received_on", "-id")
    )
    serializer_class = ApplicationSerializer
    form_for = staticmethod(action_form_class)


class SuperiorCaseSerializer(CleanSerializer, masked_person("applicant")):
    class Meta:
        model = SuperiorCase
        fields = record_fields(SuperiorCaseForm, "applicant")


class SuperiorCaseViewSet(ScopedModelViewSet):
    queryset = SuperiorCase.objects.select_related("respondent").order_by("-accepted_on", "-id")
    serializer_class = SuperiorCaseSerializer


ROUTES = [
    ("reconsideration", ApplicationViewSet),
    ("reconsideration-superior", SuperiorCaseViewSet),
]
