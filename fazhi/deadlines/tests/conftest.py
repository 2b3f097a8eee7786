"""Fixtures the deadline tests share."""

import pytest

from fazhi.testing import make_person


@pytest.fixture
def record(unit_a1):
    """Any record a deadline can hang on: a person of department A1."""
    return make_person(unit_a1, "张三")
