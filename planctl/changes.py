"""Which plans changed since a git revision, for `planctl validate --changed`.

One `git diff --name-only` against the working tree (so committed, staged and unstaged
changes all count) plus the untracked files. A change to the unit registry or to the
schemas can break any plan, so then every plan is returned.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from planctl.errors import InputError, UsageError
from planctl.repository import PLAN_SUFFIXES, Repository

SCHEMA_DIR = "schema"


def changed_files(repository: Repository, revision: str) -> list[Path]:
    """The plan files (and the unit registry) to check: those changed since `revision`."""
    commit = resolve_revision(repository.root, revision)
    names = _git_names(repository.root, "diff", "--name-only", "--relative", "-z", commit, "--")
    names += _git_names(repository.root, "ls-files", "--others", "--exclude-standard", "-z")
    changed = {(repository.root / name).resolve() for name in names}
    if _touches_everything(repository, changed):
        everything = [repository.units_path] if repository.units_path.is_file() else []
        return everything + repository.plan_files()
    plans = repository.plans_dir.resolve()
    return sorted(
        path
        for path in changed
        if path.suffix in PLAN_SUFFIXES and path.is_file() and path.is_relative_to(plans)
    )


def resolve_revision(root: Path, revision: str) -> str:
    """The commit `revision` names; never passed to git where it could read as an option."""
    if not revision or revision.startswith("-"):
        raise UsageError(
            f"{revision!r} is not a revision",
            hint="name a commit, branch or tag, e.g. `--changed origin/main`",
        )
    spec = f"{revision}^{{commit}}"
    done = _run(root, "rev-parse", "--verify", "--quiet", "--end-of-options", spec)
    if done.returncode == 0:
        return _names(done, "\n")[0]
    _fail_outside_git(done, root)
    raise UsageError(
        f"unknown revision {revision!r}",
        hint="check the name with `git log --oneline`; in CI, fetch enough history",
    )


def _touches_everything(repository: Repository, changed: set[Path]) -> bool:
    schemas = (repository.root / SCHEMA_DIR).resolve()
    units = repository.units_path.resolve()
    return any(path == units or path.is_relative_to(schemas) for path in changed)


def _git_names(root: Path, *arguments: str) -> list[str]:
    """The NUL-separated names a git command (run with -z) prints."""
    done = _run(root, *arguments)
    if done.returncode != 0:
        _fail_outside_git(done, root)
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise InputError(
            f"git {arguments[0]} failed: {reason[-1] if reason else done.returncode}",
            where=str(root),
        )
    return _names(done, "\0")


def _run(root: Path, *arguments: str) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(
            ["git", *arguments], cwd=root, capture_output=True, check=False, timeout=60
        )
    except FileNotFoundError:
        raise InputError("git is not installed", hint="install git, or drop --changed") from None
    except subprocess.TimeoutExpired:
        raise InputError("git did not answer within a minute", where=str(root)) from None


def _fail_outside_git(done: subprocess.CompletedProcess[bytes], root: Path) -> None:
    if b"not a git repository" in done.stderr:
        raise UsageError(
            "not inside a git repository",
            where=str(root),
            hint="--changed compares with git history; name the files to check instead",
        )


def _names(done: subprocess.CompletedProcess[bytes], separator: str) -> list[str]:
    output = done.stdout.decode("utf-8", "surrogateescape")
    return [name for name in output.split(separator) if name]
