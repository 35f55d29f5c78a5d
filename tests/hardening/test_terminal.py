"""Class 7: plan text never reaches the terminal raw. Control characters (which recolour
a terminal or set its title), line breaks (which forge a finding line) and bidirectional
controls are shown escaped, in every text output."""

from __future__ import annotations

from pathlib import Path

import pytest

from planctl.cli.terminal import printable

from ..conftest import CLI
from .conftest import PLAN_PATH, GitPlans

# Written as YAML escapes: the loader turns them into the characters themselves.
HOSTILE = "\\x1b[2J\\x1b]0;owned\\x07\\u202e\\nplans/forged.yaml:1:1  error  schema  forged"
RAW = ("\x1b", "\x07", "\u202e", "\x9b")


def assert_safe(output: str) -> None:
    for char in RAW:
        assert char not in output, repr(output)
    forged = [line for line in output.splitlines() if line.startswith("plans/forged.yaml")]
    assert forged == [], output


def test_printable_escapes_what_acts_on_a_terminal_and_keeps_the_rest() -> None:
    assert printable("肇庆市\x1b[31m红\x07\n下一行\t\u202e") == (
        "肇庆市\\x1b[31m红\\x07\\n下一行\\t\\u202e"
    )
    assert printable("《珠三角规划纲要》2012年") == "《珠三角规划纲要》2012年"


def test_validate_shows_hostile_unit_names_escaped(cli: CLI, plan_repo: Path) -> None:
    path = plan_repo / "plans" / "issued-with-notice.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "lead: [市交通运输局]", f'lead: ["市交通运输局{HOSTILE}"]'
    )
    path.write_text(text, encoding="utf-8")
    result = cli("validate", "plans/issued-with-notice.yaml", cwd=plan_repo)
    assert result.exit_code == 1, result.output
    assert "  schema  单位名称:" in result.stdout  # a unit name is one line of text
    assert_safe(result.output)
    assert "\\x1b[2J" in result.stdout


@pytest.mark.parametrize("output_format", ["text", "github"])
def test_every_validate_format_for_terminals_is_safe(
    cli: CLI, plan_repo: Path, output_format: str
) -> None:
    path = plan_repo / "plans" / "issued-with-notice.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "lead: [市交通运输局]", f'lead: ["市交通运输局{HOSTILE}"]'
    )
    path.write_text(text, encoding="utf-8")
    result = cli("validate", "-f", output_format, "plans/issued-with-notice.yaml", cwd=plan_repo)
    assert_safe(result.output)


def test_diff_and_log_show_a_hostile_title_escaped(cli: CLI, repo: GitPlans) -> None:
    repo.edit(PLAN_PATH, "title: 壮大先进制造业", f'title: "壮大{HOSTILE}先进制造业"')
    repo.commit("标题")
    for args in (("diff", "HEAD~1"), ("log", "industry"), ("diff", "HEAD~1", "--stat")):
        result = cli(*args, cwd=repo.root)
        assert result.exit_code == 0, result.output
        assert_safe(result.output)
    assert "\\x1b[2J" in cli("diff", "HEAD~1", cwd=repo.root).stdout


def test_errors_show_hostile_values_escaped(cli: CLI, plan_repo: Path) -> None:
    result = cli(
        "render", "plans/issued-with-notice.yaml", "--unit", "市\x1b[2J局\nforged", cwd=plan_repo
    )
    assert result.exit_code == 2, result.output
    assert_safe(result.output)
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_import_reports_hostile_text_escaped(cli: CLI, plan_repo: Path) -> None:
    document = plan_repo / "notice.txt"
    document.write_text(
        "示例市2024年工作计划\n一、总体要求\n（一）做好工作。（牵头单位：市\x1b[2J财政局）\n"
        "\x1b]0;owned\x07附件：\u202e\n",
        encoding="utf-8",
    )
    result = cli("import", str(document), "-o", "plans/imported.yaml", cwd=plan_repo)
    assert_safe(result.output)
