"""The demo tracking repository (tests/tracking/demo.py), built once for the session.

Tests only read it; a test that changes files or history builds its own copy with
`build_demo(tmp_path / "repo", tmp_path / "home")`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .demo import build_demo


@pytest.fixture(scope="session")
def tracking_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The root of the demo tracking repository, a git repository checked out on main."""
    folder = tmp_path_factory.mktemp("tracking-demo")
    return build_demo(folder / "repo", folder / "home").root
