"""Fixtures the core app's tests share."""

from __future__ import annotations

import pytest
from django.contrib.contenttypes.models import ContentType

from fazhi.deadlines.models import Period
from fazhi.deadlines.periods_data import sync as sync_periods


@pytest.fixture
def periods(db: None) -> None:
    """The statutory periods, as the data migration loads them.

    Transactional tests flush the tables between tests, taking the periods that the data
    migration loaded with them, and recreate content types under new ids (the cache of
    the old ones would make the deadlines' generic key point at nothing): clear the
    cache and put the periods back as the migration does (a code has one row per law
    version, so a code alone no longer names one row)."""
    ContentType.objects.clear_cache()
    sync_periods(Period)
