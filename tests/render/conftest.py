"""Fixtures for rendering: the real plans, a hostile plan, renders shared by many tests."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from planctl.render import render
from planctl.render.formats.pdf_chromium import cjk_fonts_missing, find_engine
from planctl.render.job import Job
from planctl.render.source import load_source

from ..conftest import GitPlans

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
# Copies of the real plans in a repository of their own, so that the golden files change
# only when rendering does.
REPOSITORY = DATA / "render" / "repo"
ZHAOQING = REPOSITORY / "plans" / "zhaoqing-2012-prd-workplan.yaml"
TRACKED = REPOSITORY / "plans" / "issued-with-notice.yaml"  # tasks with status and progress
HOSTILE = DATA / "render" / "hostile.yaml"
GOLDEN = DATA / "golden"
UPDATE_GOLDEN = os.environ.get("PLANCTL_UPDATE_GOLDEN") == "1"

needs_chromium = pytest.mark.skipif(
    find_engine() is None or cjk_fonts_missing(),
    reason="no PDF engine: install the Debian package chromium (and fonts-noto-cjk)",
)
needs_poppler = pytest.mark.skipif(
    shutil.which("pdftoppm") is None or shutil.which("pdftotext") is None,
    reason="poppler-utils (pdftoppm, pdftotext) is not installed",
)

Render = Callable[..., Path]


@pytest.fixture(scope="session")
def zhaoqing_job() -> Job:
    return Job(load_source(ZHAOQING))


@pytest.fixture(scope="session")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Render:
    """Render (plan, document, format) once per session and return the file's path."""
    folder = tmp_path_factory.mktemp("rendered")
    made: dict[tuple[Path, str, str], Path] = {}

    def get(plan: Path, document: str, fmt: str) -> Path:
        key = (plan, document, fmt)
        if key not in made:
            target = folder / f"{plan.stem}-{document}.{fmt}"
            result = render(plan, document=document, fmt=fmt, output=target)
            assert result.written == (target,)
            made[key] = target
        return made[key]

    return get


@pytest.fixture(scope="session")
def hostile_revision(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """The hostile plan's 修订对照表 in a format: its committed version had earlier
    deadlines, so every task is a row with its whole (hostile) clause on both sides."""
    root = tmp_path_factory.mktemp("hostile-history")
    plan = root / "plans" / HOSTILE.name
    plan.parent.mkdir()
    original = HOSTILE.read_text(encoding="utf-8")
    earlier = original.replace("due: 2012-06", "due: 2012-03").replace(
        "due: 2012-Q4", "due: 2012-Q3"
    )
    assert earlier.count("due: 2012-") == original.count("due: 2012-") == 2
    plan.write_text(earlier, encoding="utf-8")
    _commit(root)
    plan.write_text(original, encoding="utf-8")
    made: dict[str, Path] = {}

    def get(fmt: str) -> Path:
        if fmt not in made:
            target = root / "build" / f"revision.{fmt}"
            render(plan, document="revision", fmt=fmt, output=target, since="HEAD")
            made[fmt] = target
        return made[fmt]

    return get


def _commit(root: Path) -> None:
    """Commit everything, with the pinned git environment of every test repository."""
    GitPlans.create(root, root.parent / f"{root.name}-home").commit("v1")


@pytest.fixture
def plan_repository(tmp_path: Path) -> Path:
    """A throwaway plan repository with the Zhaoqing plan and the unit registry."""
    plans = tmp_path / "plans"
    plans.mkdir()
    for name in ("zhaoqing-2012-prd-workplan.yaml", "units.yaml"):
        shutil.copyfile(REPOSITORY / "plans" / name, plans / name)
    shutil.copyfile(
        ROOT / "plans" / "jiangmen-2023-key-reforms.yaml", plans / "jiangmen-2023-key-reforms.yaml"
    )
    return tmp_path
