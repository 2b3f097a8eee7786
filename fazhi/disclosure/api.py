"""REST API: requests (scoped like the screens) and their workflow moves; proactive items;
the annual report filings, read-only but for their `publish` move (`transition/`), which
the pre-issue check may refuse (400 with the findings, as on the screen).

`POST /api/disclosure/<id>/transition/` with {"action", "on", "note", "version", inputs…}
goes through the same form and `apply()` as the action buttons.
"""

from __future__ import annotations

from fazhi.disclosure.forms import ProactiveItemForm, RequestForm, action_form_class
from fazhi.disclosure.models import ProactiveItem, ReportFiling, Request
from fazhi.kit.api_workflow import (
    FixedFieldsSerializer,
    RegisterViewSet,
    WorkflowSerializer,
    simple_viewset,
    workflow_meta,
)
from fazhi.kit.registers import MovedOnlyViewSet, masked_person

WORKFLOW_FIELDS = [
    "state",
    "correction_requested_on",
    "correction_notice_late",
    "correction_received_on",
    "consulted_on",
    "consultation_done_on",
    "extended_on",
    "replied_on",
    "reply_type",
    "replied_on_time",
    "reconsideration",
    "lawsuit",
    "version",
]


class RequestSerializer(FixedFieldsSerializer, masked_person("applicant")):
    fixed_fields = ("unit", "received_on")
    fixed_message = "登记后不能修改（答复期限自收到申请之日起计算），请撤回重新登记。"

    # The API carries no phone number (the screens' form does).
    Meta = workflow_meta(
        Request, RequestForm, WORKFLOW_FIELDS, "applicant", leave_out=("applicant_phone",)
    )


class RequestViewSet(RegisterViewSet):
    queryset = Request.objects.select_related("unit").order_by("-received_on", "-id")
    serializer_class = RequestSerializer
    form_for = staticmethod(action_form_class)


class ReportFilingSerializer(WorkflowSerializer):
    class Meta:
        model = ReportFiling
        fields = [
            "id", "unit", "year", "state", "published_on", "published_on_time", "number", "url",
            "figures", "version", "allowed_actions",
        ]
        read_only_fields = fields


class ReportFilingViewSet(MovedOnlyViewSet):
    """`GET /api/disclosure-reports/` and `/<id>/`; `POST /<id>/transition/` publishes.
    Filings are opened by the records (or the screen), not through the API."""

    queryset = ReportFiling.objects.select_related("unit").order_by("-year", "unit__path")
    serializer_class = ReportFilingSerializer
    form_for = staticmethod(action_form_class)


ROUTES = [
    ("disclosure", RequestViewSet),
    (
        "disclosure-items",
        simple_viewset(
            ProactiveItem, ProactiveItemForm.Meta.fields, ordering=("-published_on", "-id")
        ),
    ),
    ("disclosure-reports", ReportFilingViewSet),
]
