"""Forms of the counsel screens: a legal opinion linked to what it concerns."""

from __future__ import annotations

from typing import Any

from fazhi.counsel.models import Counsel, Opinion
from fazhi.decisions.models import Decision
from fazhi.kit.screens import ScopedModelForm
from fazhi.litigation.models import Lawsuit
from fazhi.normdocs.models import Document, ReviewItem
from fazhi.normdocs.rules import ReviewKind
from fazhi.org.scope import visible_to


class OpinionForm(ScopedModelForm):
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
        # Only records the user can see can be linked (no probing of other units).
        self.fields["counsel"].queryset = Counsel.objects.visible_to(user)
        self.fields["decision"].queryset = Decision.objects.visible_to(user)
        self.fields["document"].queryset = Document.objects.visible_to(user)
        self.fields["contract"].queryset = ReviewItem.objects.visible_to(user).filter(
            kind=ReviewKind.CONTRACT
        )
        self.fields["lawsuit"].queryset = visible_to(user, Lawsuit.objects.all())
