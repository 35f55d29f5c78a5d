"""Every command and every rule is documented where users look for it."""

from __future__ import annotations

from planctl.cli.app import app
from planctl.rules import ALL_RULES

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_command_is_in_the_readme() -> None:
    names = [command.name for command in app.registered_commands]
    names += [group.name for group in app.registered_groups]
    missing = [name for name in names if f"`planctl {name}" not in README]
    assert not missing, f"document these commands in README.md: {missing}"


def test_every_rule_is_in_the_readme_and_has_a_docstring() -> None:
    for rule in ALL_RULES:
        assert f"| `{rule.id}` | {rule.severity_text()} |" in README, rule.id
        if rule.check is not None:
            assert "Passes:" in rule.doc and "Fails:" in rule.doc, rule.id


def test_the_quick_start_has_exactly_two_commands() -> None:
    quick_start = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    assert quick_start.count("```sh") == 2


def test_ci_runs_the_readme_test_command() -> None:
    quick_start = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    test_command = quick_start.split("```sh\n")[2].split("\n```")[0]
    assert test_command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
