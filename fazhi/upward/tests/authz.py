"""Who may reach each route of upward: its rows of the authorization matrix (fazhi/api/authz.py)."""

from __future__ import annotations

from typing import Any

from fazhi.api.tests.authz_support import Ctx, api_rows, reader, record_action, record_read, writer


def a1_submission(ctx: Ctx) -> Any:
    """A stored submission whose sender is unit A1 (the file's bytes are not read here);
    a replaced one, so that several can exist for the same unit and year."""
    from django.utils import timezone

    from fazhi.upward.models import Submission

    return Submission.objects.create(
        unit=ctx.unit,
        receiver=ctx.county,
        year=2022,
        content=b"matrix",
        sha256="0" * 64,
        format_version="fazhi-upward/1",
        manifest={},
        generated_at=timezone.now(),
        key_fingerprint="0" * 16,
        current=False,
    )


def a1_key(ctx: Ctx) -> Any:
    """A public key registered by unit A1."""
    from fazhi.upward.models import TrustedKey

    key, _ = TrustedKey.objects.get_or_create(
        unit=ctx.unit,
        uscc="91410000MA40000000",
        public_key="A" * 43 + "=",
        defaults={"name": "授权矩阵测试", "fingerprint": "0" * 16},
    )
    return key


ROUTES = {
    # Read-only: files come in only through the verified import.
    **api_rows("submission", a1_submission, disallow=("PATCH", "DELETE"), create=405),
    "upward:list": reader(),  # upward/
    "upward:send": reader(),  # upward/send/ (GET shows the form; POST: coordinators)
    "upward:import": writer(),  # upward/import/ (POST: the receiving unit's coordinators)
    "upward:keys": reader(),  # upward/keys/ (POST registers a key: coordinators)
    # POST: back to the key list (a liaison is told only coordinators may, nothing changes).
    "upward:revoke_key": record_action(a1_key, post=302),  # upward/keys/<int:pk>/revoke/
    "upward:detail": record_read(a1_submission),  # upward/<int:pk>/
    "upward:download": record_read(a1_submission),  # upward/<int:pk>/file/
    "upward:figures_xlsx": record_read(a1_submission),  # upward/<int:pk>/figures.xlsx
}
