"""The lean `validate` parser and the typer command read every command line alike.

The options are declared once (`planctl.cli.commands.validate.OPTIONS`); these tests hold the two
parsers to that: same options, same values, and typer for anything unusual.
"""

from __future__ import annotations

import inspect

import pytest

from planctl.cli.app import app
from planctl.cli.app import run as run_typer
from planctl.cli.commands import validate as validate_options
from planctl.cli.commands import validate_typer as validate_cmd
from planctl.cli.commands.validate import ValidateArgs, parse_lean

LINES = [
    [],
    ["plans/a.yaml"],
    ["plans/a.yaml", "plans/b.yaml", "plans"],
    ["--strict", "-f", "json", "plans/a.yaml"],
    ["--format=github", "--no-cache", "-j", "3"],
    ["-j4", "-fjson", "--jobs", "2"],
    ["plans/a.yaml", "--strict", "--", "-odd-name.yaml"],
    ["--changed"],
    ["--changed", "origin/main"],
    ["-", "--format", "text"],
]


@pytest.mark.parametrize("line", LINES, ids=lambda line: " ".join(line) or "(none)")
def test_both_parsers_read_the_same_arguments(
    line: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[ValidateArgs] = []
    monkeypatch.setattr(validate_cmd, "execute", lambda args: seen.append(args) or 0)
    code = run_typer(app, ["validate", *line])  # the typer path, not the lean one
    assert code == 0, capsys.readouterr()
    assert parse_lean(["validate", *line]) == seen[0]


@pytest.mark.parametrize(
    "line",
    [["--help"], ["-h"], ["--bogus"], ["-j", "many"], ["--format"], ["--strict=yes"], ["-x"]],
)
def test_anything_unusual_is_left_to_typer(line: list[str]) -> None:
    assert parse_lean(["validate", *line]) is None


def test_other_commands_are_left_to_typer() -> None:
    assert parse_lean(["fmt", "plans"]) is None
    assert parse_lean([]) is None
    assert parse_lean(["--debug", "validate"]) is None


def test_every_declared_option_is_a_typer_option_and_nothing_else() -> None:
    parameters = inspect.signature(validate_cmd.validate).parameters
    assert set(parameters) - {"paths"} == validate_options.option_names()
    command = next(c for c in app.registered_commands if c.name == "validate")
    assert command.callback is validate_cmd.validate
    for option in validate_options.OPTIONS:
        declared = parameters[option.name].default
        assert tuple(declared.param_decls) == option.flags
        assert declared.default == option.default
        assert declared.help == option.help


def test_mistakes_get_typer_messages_on_the_lean_path(capsys: pytest.CaptureFixture[str]) -> None:
    from planctl.cli import run

    assert run(["validate", "--bogus"]) == 2
    assert "No such option: --bogus" in capsys.readouterr().err
