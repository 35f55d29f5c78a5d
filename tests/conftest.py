"""Shared fixtures: the CLI runner and the paths of the example data."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings

from planctl.cli.app import app, run

# No per-example deadline: tests never assert on time, and CI machines are shared.
settings.register_profile("planctl", deadline=None)
settings.load_profile("planctl")

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class Result:
    exit_code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


CLI = Callable[..., Result]


@pytest.fixture(autouse=True, scope="session")
def _user_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Keep planctl's user cache (compiled schemas, the cache signing key) out of $HOME."""
    folder = tmp_path_factory.mktemp("user-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(folder))
        yield folder


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> CLI:
    """Run `planctl ARGS...` in-process with a pinned terminal and no colour."""
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)

    def invoke(*args: str, cwd: Path | None = None) -> Result:
        if cwd is not None:
            monkeypatch.chdir(cwd)
        code = run(app, list(args))
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return invoke


@pytest.fixture
def plan_repo(tmp_path: Path) -> Path:
    """A fresh plan repository holding the test unit registry and one valid plan."""
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "units.yaml").write_bytes((DATA / "units.yaml").read_bytes())
    source = DATA / "valid" / "issued-with-notice.yaml"
    (plans / "issued-with-notice.yaml").write_bytes(source.read_bytes())
    return tmp_path
