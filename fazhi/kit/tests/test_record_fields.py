"""A serializer's fields come from the screen form's: "id", the form's editable fields
in their order (but those the API leaves out), then the serializer's own."""

from fazhi.kit.api_workflow import record_fields


class _Form:
    class Meta:
        fields = ["unit", "applicant_name", "applicant_phone", "received_on"]


def test_the_form_fields_come_between_the_id_and_the_serializers_own():
    assert record_fields(_Form, "state", "allowed_actions") == [
        "id", "unit", "applicant_name", "applicant_phone", "received_on", "state", "allowed_actions"
    ]


def test_fields_left_out_are_not_carried():
    assert record_fields(_Form, leave_out=("applicant_phone",)) == [
        "id", "unit", "applicant_name", "received_on"
    ]
