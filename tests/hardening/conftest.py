"""Fixtures for the hardening tests: a folder outside the repository (the git plan
repositories are the suite's `repo`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..conftest import GitPlans
from ..demo import DEMO_PLAN, PLAN_PATH

__all__ = ["DEMO_PLAN", "PLAN_PATH", "GitPlans", "outside"]


@pytest.fixture
def outside(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder outside the repository holding a file that no command may touch."""
    folder = tmp_path_factory.mktemp("outside")
    (folder / "victim.txt").write_text("不可改动\n", encoding="utf-8")
    return folder
