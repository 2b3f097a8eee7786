"""Fixtures the report tests share."""

import pytest

from fazhi.reports.tests import fakes


@pytest.fixture
def staffed(monkeypatch, county_a, unit_a1, unit_a2):
    """The fake catalogue over org.Person, and county A's four people (2 principals)."""
    fakes.install(monkeypatch)
    fakes.staff(county_a, unit_a1, unit_a2)
