"""Forms of the counsel screens: a legal opinion linked to what it concerns."""

from __future__ import annotations

from typing import Any

from fazhi.counsel.models import Opinion
from fazhi.kit.screens import ScopedModelForm
from fazhi.normdocs.rules import ReviewKind


class OpinionForm(ScopedModelForm):
    # Only records the user can see can be linked (no probing of other units).
    read_links = ("counsel", "decision", "document", "contract", "lawsuit")

    class Meta:
        model = Opinion
        fields = [
            "unit",
            "counsel",
            "given_on",
            "subject",
            "title",
            "decision",
            "document",
            "contract",
            "lawsuit",
            "summary",
        ]

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, user=user, **kwargs)
        contract = self.fields["contract"]  # of the items reviewed, the contracts
        contract.queryset = contract.queryset.filter(kind=ReviewKind.CONTRACT)
