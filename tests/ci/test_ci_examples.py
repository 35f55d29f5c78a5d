"""The CI files `planctl init` writes, and the examples in docs/ci.md, run as written.

GitHub's and GitLab's runners are not here, so each file is read as they read it (YAML),
its install step is checked to install planctl-gov, and every other command it runs is
run with bash in a throwaway plan repository made by `planctl init`, with this planctl.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import xmlschema
import yaml

from ..conftest import DATA, ROOT

SCHEMAS = DATA / "ci-formats"
INSTALL = re.compile(r'pip install "planctl-gov(==[0-9.]+| @ git\+\S+@\S+)"')


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    folder = tmp_path / "plans-repository"
    made = subprocess.run(
        [sys.executable, "-m", "planctl", "init", str(folder)], capture_output=True, text=True
    )
    assert made.returncode == 0, made.stderr
    return folder


def github_commands(workflow: dict[str, object]) -> list[str]:
    jobs = workflow["jobs"]
    assert isinstance(jobs, dict)
    return [step["run"] for job in jobs.values() for step in job["steps"] if "run" in step]


def gitlab_commands(pipeline: dict[str, object]) -> list[str]:
    job = pipeline["planctl"]
    assert isinstance(job, dict)
    return list(job["script"])


def run_commands(commands: list[str], folder: Path) -> list[subprocess.CompletedProcess[str]]:
    """Run each command as the CI service would (bash, in the repository); the install
    step is left out, as this planctl is the one under test."""
    install, *rest = commands
    assert INSTALL.fullmatch(install), install
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    env.pop("GITHUB_ACTIONS", None)
    return [
        subprocess.run(["bash", "-c", command], cwd=folder, capture_output=True, text=True, env=env)
        for command in rest
    ]


def test_the_github_workflow_init_writes_passes(repository: Path) -> None:
    workflow = yaml.safe_load((repository / ".github/workflows/plans.yml").read_text("utf-8"))
    assert workflow[True] == ["push", "pull_request"]  # YAML 1.1 reads `on` as true
    for done in run_commands(github_commands(workflow), repository):
        assert done.returncode == 0, done.args[-1] + done.stdout + done.stderr


def test_the_gitlab_pipeline_init_writes_passes_and_writes_valid_reports(repository: Path) -> None:
    pipeline = yaml.safe_load((repository / ".gitlab-ci.yml").read_text("utf-8"))
    for done in run_commands(gitlab_commands(pipeline), repository):
        assert done.returncode == 0, done.args[-1] + done.stdout + done.stderr
    reports = pipeline["planctl"]["artifacts"]["reports"]
    xmlschema.XMLSchema(SCHEMAS / "junit-10.xsd").validate(str(repository / reports["junit"]))
    issues = json.loads((repository / reports["codequality"]).read_text("utf-8"))
    schema = json.loads((SCHEMAS / "codeclimate-issues.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator(schema).validate(issues)


def test_the_gitlab_pipeline_fails_on_a_broken_plan_and_still_reports_it(repository: Path) -> None:
    [plan] = list((repository / "plans").glob("*-work-plan.yaml"))
    plan.write_text(plan.read_text("utf-8").replace("[市发展改革局]", "[市发改委]"), "utf-8")
    pipeline = yaml.safe_load((repository / ".gitlab-ci.yml").read_text("utf-8"))
    results = run_commands(gitlab_commands(pipeline), repository)
    assert [done.returncode for done in results[:2]] == [0, 1]  # `|| true`, then the verdict
    issues = json.loads((repository / "gl-code-quality-report.json").read_text("utf-8"))
    assert [issue["check_name"] for issue in issues] == ["unknown-unit"]
    assert "市发改委" in (repository / "planctl-junit.xml").read_text("utf-8")


def yaml_blocks(page: Path) -> list[dict[str, object]]:
    blocks = re.findall(r"```yaml\n(.*?)```", page.read_text(encoding="utf-8"), flags=re.S)
    return [yaml.safe_load(block) for block in blocks]


def test_the_examples_in_the_ci_page_are_the_files_init_writes(repository: Path) -> None:
    """docs/ci.md shows what init writes (with the package index version), so both pass."""
    examples = yaml_blocks(ROOT / "docs/ci.md")
    github = next(block for block in examples if "jobs" in block)
    gitlab = next(block for block in examples if "planctl" in block)
    written_github = yaml.safe_load((repository / ".github/workflows/plans.yml").read_text("utf-8"))
    written_gitlab = yaml.safe_load((repository / ".gitlab-ci.yml").read_text("utf-8"))
    assert github_commands(github) == github_commands(written_github)
    assert gitlab == written_gitlab
    local = next(block for block in examples if block.get("repos", [{}])[0].get("repo") == "local")
    written = yaml.safe_load((repository / ".pre-commit-config.yaml").read_text("utf-8"))
    assert local == written


def test_this_repositorys_own_workflow_runs_planctl_commands_that_exist() -> None:
    workflow = yaml.safe_load((ROOT / ".github/workflows/plans.yml").read_text("utf-8"))
    commands = github_commands(workflow)
    assert commands[0] == "pip install ."
    for command in commands[1:]:
        done = subprocess.run(
            [sys.executable, "-m", "planctl", *command.split()[1:]], cwd=ROOT, capture_output=True
        )
        assert done.returncode == 0, command
