"""Sent inside the transaction that saved or deleted a holiday notice.

`years` is the set of calendar years whose working days may have changed; the
deadlines app recomputes every open deadline whose counting window touches them.
Receivers run synchronously, so a failure rolls the notice back too.
"""

from django.dispatch import Signal

calendar_changed = Signal()  # kwargs: years: frozenset[int]
