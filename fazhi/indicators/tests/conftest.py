"""Shared by the engine's tests over org.Person."""

import pytest

from fazhi.testing import make_person


@pytest.fixture
def staffed(county_a, unit_a1, unit_a2, county_b):
    """Four people in county A (two principals, three in its 司法局) and one in county B."""
    for _ in range(2):
        make_person(unit_a1, "甲", is_principal=True)
    make_person(unit_a1, "乙")
    make_person(unit_a2, "丙")
    make_person(county_b, "丁", is_principal=True)
