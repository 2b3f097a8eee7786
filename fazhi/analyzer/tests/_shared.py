"""Where the shared project docs are: ../shared beside the repository root."""

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[3]
SHARED = REPO_ROOT.parent / "shared"
GOLD = SHARED / "analyzer" / "gold"
SEEDS = SHARED / "seeds"


def need_shared() -> None:
    if not GOLD.is_dir() or not SEEDS.is_dir():
        pytest.skip("需要仓库旁的 shared/ 目录（金标准与样本报告）")
