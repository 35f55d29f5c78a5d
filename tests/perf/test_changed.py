"""`planctl validate --changed [REV]`: only the plans changed since a revision."""

from __future__ import annotations

from pathlib import Path

import pytest

from planctl.cli import run as run_command_line
from planctl.validate import validate

from ..conftest import CLI
from .conftest import Git

PLAN = "plans/jianghai-2020-business-environment-0000.yaml"


def touch(path: Path) -> None:
    path.write_text(path.read_text(encoding="utf-8") + "# 已修改\n", encoding="utf-8")


def test_nothing_changed_checks_nothing(git: Git) -> None:
    report = validate([], since="HEAD", jobs=1)
    assert report.files == 0
    assert report.findings == []


def test_an_edited_plan_and_a_new_one(git: Git, corpus: Path) -> None:
    touch(corpus / PLAN)
    (corpus / "plans" / "new.yaml").write_text("format: planctl/1\nid: new\n", encoding="utf-8")
    (corpus / "notes.yaml").write_text("not: a plan\n", encoding="utf-8")
    report = validate([], since="HEAD", jobs=1)
    assert report.files == 2
    assert {f.file for f in report.findings} == {"plans/new.yaml"}


def test_changes_since_an_older_commit_include_committed_ones(git: Git, corpus: Path) -> None:
    touch(corpus / PLAN)
    git("commit", "-q", "-am", "edit one plan")
    assert validate([], since="HEAD", jobs=1).files == 0
    assert validate([], since="HEAD~1", jobs=1).files == 1


def test_a_deleted_plan_is_not_checked(git: Git, corpus: Path) -> None:
    (corpus / PLAN).unlink()
    assert validate([], since="HEAD", jobs=1).files == 0


@pytest.mark.parametrize("changed", ["plans/units.yaml", "schema/plan.schema.json"])
def test_a_new_registry_or_schema_checks_every_plan(git: Git, corpus: Path, changed: str) -> None:
    target = corpus / changed
    target.parent.mkdir(exist_ok=True)
    target.write_text(
        (target.read_text(encoding="utf-8") if target.exists() else "{}") + "\n", encoding="utf-8"
    )
    assert validate([], since="HEAD", jobs=1).files == 23


@pytest.mark.parametrize("revision", ["-x", "--output=/tmp/pwned", "--exec=touch pwned", ""])
def test_an_option_like_revision_is_refused(git: Git, corpus: Path, revision: str) -> None:
    code = run_command_line(["validate", "--changed", "--", revision])
    assert code == 2
    assert not (corpus / "pwned").exists()


def test_an_unknown_revision_is_a_usage_error(git: Git, cli: CLI, corpus: Path) -> None:
    result = cli("validate", "--changed", "no-such-branch", cwd=corpus)
    assert result.exit_code == 2, result.output
    assert "unknown revision 'no-such-branch'" in result.stderr


def test_outside_git_it_says_so(cli: CLI, corpus: Path) -> None:
    result = cli("validate", "--changed", cwd=corpus)
    assert result.exit_code == 2, result.output
    assert "not inside a git repository" in result.stderr


def test_file_names_and_changed_do_not_mix(git: Git, cli: CLI, corpus: Path) -> None:
    result = cli("validate", "--changed", "HEAD", PLAN, cwd=corpus)
    assert result.exit_code == 2, result.output
    assert "--changed takes one revision" in result.stderr


def test_the_lean_command_line_and_typer_agree(
    git: Git, cli: CLI, corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = next((corpus / "plans").glob("*-0005.yaml"))  # an unknown unit
    touch(broken)
    touch(corpus / PLAN)
    through_typer = cli("validate", "--changed", "HEAD", "--format", "json", cwd=corpus)
    code = run_command_line(["validate", "--changed", "HEAD", "--format", "json"])
    lean = capsys.readouterr()
    assert code == through_typer.exit_code == 1
    assert lean.out == through_typer.stdout
    assert '"files": 2' in lean.out
