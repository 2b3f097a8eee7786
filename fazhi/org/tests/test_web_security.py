"""Account and message hygiene from issue 17 point 14: the TOTP key an app can take, and
uniqueness errors that do not tell a user about another unit's records."""

from __future__ import annotations

import base64
import json
from typing import Any

from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from fazhi.litigation.models import Lawsuit
from fazhi.litigation.tests.factories import make_lawsuit


def test_the_manual_totp_key_is_base32_as_in_the_qr_code(settings: Any, coordinator: Any) -> None:
    settings.FAZHI_REQUIRE_2FA = True
    c = Client()
    c.force_login(coordinator)
    page = c.get("/account/2fa/setup/").content.decode()
    device = TOTPDevice.objects.get(user=coordinator)
    key = base64.b32encode(device.bin_key).decode().rstrip("=")
    shown = page.split("<code>")[1].split("</code>")[0]
    assert shown.replace(" ", "") == key
    assert f"secret={key}" in device.config_url  # the same key the QR code carries
    assert device.bin_key.hex() not in page
    assert "Base32" in page


def _form(unit: Any, number: str) -> dict[str, Any]:
    return {
        "unit": unit.pk,
        "court": "确山县人民法院",
        "case_number": number,
        "cause": "行政赔偿",
        "plaintiff_name": "苏建国",
        "filed_on": "2023-03-01",
        "received_on": "2023-03-03",
    }


def test_a_case_number_taken_in_another_unit_is_refused_without_revealing_that_units_record(
    unit_a1: Any, unit_a2: Any, liaison_a1: Any, liaison_a2: Any, client_for: Any
) -> None:
    theirs = make_lawsuit(unit_a1, by=liaison_a1, court="确山县人民法院", plaintiff_name="欧阳明远")
    client = client_for(liaison_a2)
    screen = client.post("/litigation/new/", _form(unit_a2, theirs.case_number))
    api = client.post(
        "/api/lawsuits/", data=json.dumps(_form(unit_a2, theirs.case_number)), content_type="application/json"
    )
    assert Lawsuit.objects.count() == 1
    assert screen.status_code == 200 and api.status_code == 400
    for text in (screen.content.decode(), json.dumps(json.loads(api.content), ensure_ascii=False)):
        assert "案号" in text and "已被登记" in text
        for secret in (unit_a1.name, "欧阳明远", f"/litigation/{theirs.pk}/", "已存在"):
            assert secret not in text, secret


def test_a_certificate_number_taken_in_another_unit_is_refused_without_naming_the_holder(
    unit_a1: Any, unit_a2: Any, liaison_a1: Any, liaison_a2: Any
) -> None:
    from django.core.exceptions import ValidationError

    from fazhi.enforcement.tests.helpers import certificate

    certificate(liaison_a1, unit_a1, "豫A0000009", name="欧阳明远")
    try:
        certificate(liaison_a2, unit_a2, "豫A0000009", name="李四")
    except ValidationError as exc:
        text = " ".join(exc.messages)
    else:
        raise AssertionError("a second certificate with the same number was registered")
    assert "证件编号已被登记" in text
    assert "欧阳明远" not in text and unit_a1.name not in text and "已存在" not in text
