"""The pre-commit hooks work as users wire them up: pre-commit itself runs them.

A clone of this checkout serves as the hook repository (as the office's git server
would); pre-commit installs planctl from it into an environment of its own (packages
from the package index only) and runs both hooks on a throwaway plan repository. This
repository's own `.pre-commit-config.yaml` runs on a clone of this checkout.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from ..conftest import ROOT

GIT_IDENTITY = {
    "GIT_AUTHOR_NAME": "planctl tests",
    "GIT_AUTHOR_EMAIL": "tests@example.org",
    "GIT_COMMITTER_NAME": "planctl tests",
    "GIT_COMMITTER_EMAIL": "tests@example.org",
    "GIT_CONFIG_NOSYSTEM": "1",
}


def run(
    folder: Path, *command: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, cwd=folder, capture_output=True, text=True, env=env, timeout=1200, check=False
    )


def git(folder: Path, *arguments: str) -> str:
    done = run(folder, "git", *arguments, env={**os.environ, **GIT_IDENTITY})
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def commit_all(folder: Path, message: str) -> str:
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "--no-verify", "-m", message)
    return git(folder, "rev-parse", "HEAD")


@pytest.fixture(scope="session")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One pre-commit cache for these tests: each environment is built once."""
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture(scope="session")
def planctl_clone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """This checkout's files as they are on disk (committed or not), in a new repository."""
    listed = run(ROOT, "git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
    assert listed.returncode == 0, f"the tests need a git checkout of planctl: {listed.stderr}"
    clone = tmp_path_factory.mktemp("planctl-hook-repository")
    for name in filter(None, listed.stdout.split("\0")):
        source = ROOT / name
        if source.is_file():
            target = clone / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    git(clone, "init", "-q")
    commit_all(clone, "planctl as checked out")
    git(clone, "tag", "v0.0.0-test")
    return clone


def pre_commit(folder: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **GIT_IDENTITY, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1"}
    env.pop("PLANCTL_LANG", None)
    env["LANG"] = "C.UTF-8"
    return run(folder, sys.executable, "-m", "pre_commit", "run", "--all-files", env=env)


@pytest.fixture
def plan_repository(tmp_path: Path, planctl_clone: Path) -> Iterator[tuple[Path, str]]:
    """A plan repository made by `planctl init`, its hooks from the clone at a tag."""
    folder = tmp_path / "plans-repository"
    source = f"git+file://{planctl_clone}@v0.0.0-test"
    made = run(tmp_path, sys.executable, "-m", "planctl", "init", str(folder), "--install", source)
    assert made.returncode == 0, made.stderr
    commit_all(folder, "planctl init")
    yield folder, source


def test_the_hooks_pass_on_a_new_plan_repository(
    plan_repository: tuple[Path, str], pre_commit_home: Path
) -> None:
    folder, _ = plan_repository
    config = yaml.safe_load((folder / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert config["repos"][0]["rev"] == "v0.0.0-test"
    done = pre_commit(folder, pre_commit_home)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.count("Passed") == 2, done.stdout


def test_the_validate_hook_fails_on_a_broken_plan(
    plan_repository: tuple[Path, str], pre_commit_home: Path
) -> None:
    folder, _ = plan_repository
    [plan] = list((folder / "plans").glob("*-work-plan.yaml"))
    plan.write_text(plan.read_text("utf-8").replace("[市发展改革局]", "[市发改委]"), "utf-8")
    commit_all(folder, "a unit misspelt")
    done = pre_commit(folder, pre_commit_home)
    assert done.returncode == 1, done.stdout
    assert "unknown-unit" in done.stdout and "市发改委" in done.stdout


def test_the_fmt_hook_puts_a_plan_into_the_canonical_layout(
    plan_repository: tuple[Path, str], pre_commit_home: Path
) -> None:
    folder, _ = plan_repository
    units = folder / "plans/units.yaml"
    units.write_text(
        units.read_text("utf-8").replace("kind: department\n", "kind:   department\n", 1), "utf-8"
    )
    commit_all(folder, "a stray space")
    done = pre_commit(folder, pre_commit_home)
    assert done.returncode == 1 and "files were modified by this hook" in done.stdout
    assert "kind:   department" not in units.read_text(encoding="utf-8")


def test_a_local_hook_installing_planctl_by_requirement_works(
    plan_repository: tuple[Path, str], pre_commit_home: Path
) -> None:
    """What `planctl init` writes when planctl comes from the package index."""
    folder, source = plan_repository
    (folder / ".pre-commit-config.yaml").unlink()
    made = run(
        folder.parent,
        sys.executable,
        "-c",
        "import sys; from planctl.scaffold import _pre_commit_config;"
        "from planctl.scaffold.install import InstallSource;"
        "sys.stdout.buffer.write(_pre_commit_config(InstallSource(sys.argv[1])))",
        f"planctl-gov @ {source}",
    )
    (folder / ".pre-commit-config.yaml").write_text(made.stdout, encoding="utf-8")
    assert yaml.safe_load(made.stdout)["repos"][0]["repo"] == "local"
    commit_all(folder, "local hooks")
    done = pre_commit(folder, pre_commit_home)
    assert done.returncode == 0, done.stdout + done.stderr


def test_this_repositorys_own_hooks_pass(planctl_clone: Path, pre_commit_home: Path) -> None:
    done = pre_commit(planctl_clone, pre_commit_home)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.count("Passed") == 2, done.stdout


def test_this_repositorys_hooks_install_the_dependencies_planctl_declares() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    for hook in config["repos"][0]["hooks"]:
        assert hook["additional_dependencies"] == declared["project"]["dependencies"], hook["id"]


def test_the_offered_hooks_and_the_readme_agree() -> None:
    offered = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [hook["id"] for hook in offered] == ["planctl-validate", "planctl-fmt"]
    assert all(hook["entry"].startswith("planctl ") for hook in offered)
