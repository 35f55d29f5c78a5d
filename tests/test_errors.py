"""The error model: one base class for every error, an exit code for each kind of outcome,
and a bug told apart from a user's mistake."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

from planctl import errors
from planctl.errors import ExitCode, PlanctlError, PlanRefused, UsageError
from planctl.findings import Finding, Severity

from .conftest import CLI, ROOT


def defined_exceptions() -> dict[str, str]:
    """Every class in planctl/ that derives from a built-in exception, by where it is."""
    found = {}
    for path in (ROOT / "planctl").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                bases = {getattr(base, "id", getattr(base, "attr", "")) for base in node.bases}
                if bases & {"Exception", "ValueError", "RuntimeError", "OSError", "LookupError"}:
                    found[node.name] = path.relative_to(ROOT).as_posix()
    return found


def test_every_error_class_lives_in_errors_py_under_one_base() -> None:
    assert set(defined_exceptions().values()) == {"planctl/errors.py"}
    classes = [value for value in vars(errors).values() if isinstance(value, type)]
    raised = [cls for cls in classes if issubclass(cls, Exception)]
    assert len(raised) > 10
    assert all(issubclass(cls, PlanctlError) for cls in raised), raised


def test_the_exit_codes() -> None:
    assert [int(code) for code in ExitCode] == [0, 1, 2, 3, 130, 141]


def forgot(*args: object, **kwargs: object) -> None:
    raise KeyError("a key planctl forgot")


@pytest.mark.parametrize(
    ("module", "name", "line"),
    [
        ("planctl.resources", "schema_path", ["schema"]),  # through typer
        ("planctl.validate", "validate", ["validate"]),  # the lean validate path
    ],
)
def test_an_unexpected_exception_is_a_bug_with_its_own_exit_code(
    cli: CLI, monkeypatch: pytest.MonkeyPatch, module: str, name: str, line: list[str]
) -> None:
    monkeypatch.setattr(importlib.import_module(module), name, forgot)
    result = cli(*line)
    assert result.exit_code == ExitCode.BUG != ExitCode.USAGE, result.output
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("planctl: internal error: KeyError:")
    assert "this is a bug in planctl" in result.stderr and "--debug" in result.stderr


def test_a_usage_error_is_not_a_bug(cli: CLI) -> None:
    result = cli("rules", "no-such-rule")
    assert result.exit_code == ExitCode.USAGE, result.output
    assert result.stderr.startswith("planctl: error: ")


def test_a_refusal_says_where_what_and_how_to_fix_it() -> None:
    finding = Finding("plans/a.yaml", 7, 1, "duplicate-key", Severity.ERROR, "duplicate key", "fix")
    refused = PlanRefused(finding, doing="render", more=1)
    assert str(refused) == "plans/a.yaml:7:1: cannot render: duplicate key (and 1 more) — fix"
    assert (refused.rule, refused.exit_code) == ("duplicate-key", ExitCode.FINDINGS)
    fatal = Finding("a.yaml", 1, 1, "unreadable", Severity.ERROR, "binary", fatal=True)
    assert PlanRefused(fatal, doing="format").exit_code == ExitCode.USAGE
    assert isinstance(UsageError("x"), PlanctlError)


def test_the_system_refusing_a_file_is_one_line_not_a_bug(cli: CLI, tmp_path: Path) -> None:
    (tmp_path / "plans").mkdir()  # a repository, empty
    too_long = tmp_path / ("看板" * 150)  # longer than any file system allows a name

    result = cli("dashboard", "-o", str(too_long), cwd=tmp_path)

    assert result.exit_code == ExitCode.USAGE, result.output
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("planctl: error: ") and "the name is too long" in result.stderr
