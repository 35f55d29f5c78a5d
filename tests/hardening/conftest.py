"""Fixtures for the hardening tests: a folder outside the repository, git plan repositories."""

from __future__ import annotations

from pathlib import Path

import pytest

# The git plan repositories of the diff tests (pinned identity and dates, no user config).
from tests.diff.conftest import DEMO_PLAN, PLAN_PATH, GitPlans, pinned_git, repo

__all__ = ["DEMO_PLAN", "PLAN_PATH", "GitPlans", "outside", "pinned_git", "repo"]


@pytest.fixture
def outside(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder outside the repository holding a file that no command may touch."""
    folder = tmp_path_factory.mktemp("outside")
    (folder / "victim.txt").write_text("不可改动\n", encoding="utf-8")
    return folder
