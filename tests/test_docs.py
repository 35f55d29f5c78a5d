"""Every command and every rule is documented where users look for it."""

from __future__ import annotations

from planctl.cli.app import app
from planctl.i18n import language, use_language
from planctl.rules import ALL_RULES

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_command_is_in_the_readme() -> None:
    names = [command.name for command in app.registered_commands]
    names += [group.name for group in app.registered_groups]
    missing = [name for name in names if f"`planctl {name}" not in README]
    assert not missing, f"document these commands in README.md: {missing}"


def test_every_rule_is_on_the_rules_page_and_has_a_docstring() -> None:
    page = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    before = language()
    use_language("zh_CN")  # the page is written in Chinese
    try:
        for rule in ALL_RULES:
            assert f"| [`{rule.id}`](#{rule.id}) | {rule.severity_text()} |" in page, rule.id
    finally:
        use_language(before)
    for rule in ALL_RULES:
        if rule.check is not None:
            assert "Passes:" in rule.doc and "Fails:" in rule.doc, rule.id


def quick_start() -> str:
    return README.split("## 快速开始", 1)[1].split("\n## ", 1)[0]


def test_the_quick_start_has_exactly_two_commands() -> None:
    assert quick_start().count("```sh") == 2


def test_ci_runs_both_quick_start_commands() -> None:
    render_command, test_command = (
        block.split("\n```")[0] for block in quick_start().split("```sh\n")[1:]
    )
    assert "planctl render plans/" in render_command and "pytest" in test_command
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert render_command in ci and test_command in ci
