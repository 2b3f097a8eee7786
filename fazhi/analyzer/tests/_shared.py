"""Where the seed reports and their gold figures are: ../shared beside the repository.

Tests that read them carry the marker `seeds` (see fazhi/conftest.py)."""

import pytest

from fazhi.testing import GOLD, SEEDS, SHARED, shared_present

__all__ = ["GOLD", "SEEDS", "SHARED", "need_shared"]


def need_shared() -> None:
    if not shared_present():
        pytest.fail("需要仓库旁的 shared/ 目录（金标准与样本报告）：带 seeds 标记的测试在它缺失时应已被排除")
