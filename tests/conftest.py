"""Shared fixtures: the CLI runner, throwaway git repositories and the example data."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import settings

from planctl.cli import run

from .demo import DEMO_PLAN, PLAN_PATH

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
    """Run `planctl ARGS...` in-process, as `planctl.cli.main` does, with a pinned terminal
    and no colour."""
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)

    def invoke(*args: str, cwd: Path | None = None) -> Result:
        if cwd is not None:
            monkeypatch.chdir(cwd)
        code = run(list(args))  # the path users run: the lean validate parser first
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


# --- throwaway git repositories ---------------------------------------------------------

# Commit n is dated 2023-03-n 09:00 (+08:00): the first on 1 March, one a day after.
GIT_EPOCH = 1_677_546_000


def pinned_git_env(home: Path) -> dict[str, str]:
    """No user or system git config; a fixed identity and committer date; no pager."""
    return {
        "HOME": str(home),
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": str(home / ".gitconfig"),
        "GIT_AUTHOR_NAME": "张三",
        "GIT_AUTHOR_EMAIL": "zhangsan@example.org",
        "GIT_COMMITTER_NAME": "张三",
        "GIT_COMMITTER_EMAIL": "zhangsan@example.org",
        "GIT_COMMITTER_DATE": f"@{GIT_EPOCH} +0800",
        "GIT_PAGER": "cat",
    }


@dataclass
class GitPlans:
    """A plan repository in git: write and edit files, commit with pinned dates, run git."""

    root: Path
    env: dict[str, str] = field(default_factory=dict)  # on top of os.environ
    commits: int = 0

    @classmethod
    def create(cls, root: Path, home: Path) -> GitPlans:
        """`git init` at `root` (made if needed) with the pinned environment."""
        root.mkdir(parents=True, exist_ok=True)
        home.mkdir(parents=True, exist_ok=True)
        repository = cls(root, pinned_git_env(home))
        repository.git("init", "--quiet", "--initial-branch=main")
        return repository

    def git(self, *args: str, env: dict[str, str] | None = None) -> str:
        done = subprocess.run(
            ["git", *args],
            cwd=self.root,
            check=True,
            capture_output=True,
            text=True,
            env=self._environment(env),
        )
        return done.stdout

    def fast_import(self, stream: bytes) -> None:
        """Feed a `git fast-import` stream (whole histories in one process), then check out."""
        env = self._environment(None)
        subprocess.run(
            ["git", "fast-import", "--quiet"], cwd=self.root, input=stream, check=True, env=env
        )
        self.git("checkout", "--quiet", "main")

    def write(self, path: str, text: str) -> None:
        target = self.root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")

    def read(self, path: str) -> str:
        return (self.root / path).read_text(encoding="utf-8")

    def edit(self, path: str, old: str, new: str) -> None:
        text = self.read(path)
        assert old in text, f"{old!r} is not in {path}"
        self.write(path, text.replace(old, new, 1))

    def commit(self, message: str, author: str = "张三") -> str:
        """Commit everything, dated one day after the previous commit; returns the id."""
        self.commits += 1
        date = f"@{GIT_EPOCH + 86_400 * self.commits} +0800"
        self.git("add", "--all")
        self.git(
            "commit",
            "--quiet",
            "--allow-empty",
            "-m",
            message,
            env={"GIT_AUTHOR_NAME": author, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date},
        )
        return self.git("rev-parse", "HEAD").strip()

    def _environment(self, extra: dict[str, str] | None) -> dict[str, str]:
        return {**os.environ, **self.env, **(extra or {})}


@pytest.fixture
def git_env(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, str]:
    """The pinned git environment, also set for planctl's own git calls in this test."""
    env = pinned_git_env(tmp_path_factory.mktemp("home"))
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    for name in ("GIT_EXTERNAL_DIFF", "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        monkeypatch.delenv(name, raising=False)
    return env


@pytest.fixture
def git_repo(tmp_path: Path, git_env: dict[str, str]) -> GitPlans:
    """An empty throwaway repository (`tmp_path/repo`), every git call pinned."""
    return GitPlans.create(tmp_path / "repo", Path(git_env["HOME"]))


@pytest.fixture
def repo(git_repo: GitPlans) -> GitPlans:
    """A throwaway repository whose first commit holds the demo plan."""
    git_repo.write(PLAN_PATH, DEMO_PLAN)
    git_repo.commit("初稿")
    return git_repo
