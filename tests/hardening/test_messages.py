"""Class 8: each message at the right place with the right hint, and every fix valid."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from planctl.rules.id_matches_file import fix_for

from ..conftest import CLI

HEADER = "format: planctl/1\nid: {id}\ntitle: {title}\nkind: 工作计划\nstage: draft\n"


def validate_text(cli: CLI, repo: Path, name: str, text: str) -> str:
    (repo / "plans" / name).write_text(text, encoding="utf-8")
    result = cli("validate", f"plans/{name}", cwd=repo)
    assert result.exit_code in (1, 2), result.output
    return result.stdout


def test_a_control_character_is_located_and_not_called_a_tab(cli: CLI, plan_repo: Path) -> None:
    out = validate_text(cli, plan_repo, "c.yaml", HEADER.format(id="c", title="示例\x07计划"))
    assert re.search(r"plans/c\.yaml:3:10 +error +yaml-syntax .*U\+0007", out), out
    assert "tab" not in out


def test_a_control_character_after_chinese_text_is_located_by_character(
    cli: CLI, plan_repo: Path
) -> None:
    text = HEADER.format(id="d", title="计划") + "issuer: 肇庆市人民政府\x01办公室\n"
    out = validate_text(cli, plan_repo, "d.yaml", text)
    assert "plans/d.yaml:6:16" in out, out  # the 16th character, not the 30th byte


def test_a_tab_in_the_indentation_gets_the_tab_hint(cli: CLI, plan_repo: Path) -> None:
    text = HEADER.format(id="t", title="计划") + "period:\n\tstart: 2012-01-01\n"
    out = validate_text(cli, plan_repo, "t.yaml", text)
    assert "plans/t.yaml:7:1" in out and "indent with spaces" in out, out


def test_a_raw_line_separator_is_located_where_it_is(cli: CLI, plan_repo: Path) -> None:
    text = HEADER.format(id="ls", title="第一\u2028第二") + "issuer: 某市\n"
    out = validate_text(cli, plan_repo, "ls.yaml", text)
    assert re.search(r"plans/ls\.yaml:3:10 +error +yaml-syntax .*U\+2028", out), out


def test_another_format_version_says_which_one_is_read(cli: CLI, plan_repo: Path) -> None:
    text = HEADER.format(id="v2", title="计划").replace("planctl/1", "planctl/2")
    out = validate_text(cli, plan_repo, "v2.yaml", text)
    assert "must be 'planctl/1', not 'planctl/2'" in out, out
    assert "p, l, a" not in out
    assert "write `format: planctl/1`" in out


def test_an_unknown_yaml_version_is_named(cli: CLI, plan_repo: Path) -> None:
    text = "%YAML 1.3\n---\n" + HEADER.format(id="y13", title="计划")
    out = validate_text(cli, plan_repo, "y13.yaml", text)
    assert "%YAML directive" in out and "incompatible" not in out, out


SCHEMA_PLAN_ID = re.compile(r"[a-z0-9][a-z0-9-]*\Z")


@pytest.mark.parametrize(
    ("plan_id", "stem"),
    [
        ("zhaoqing-2012", "zhaoqing-2013"),
        ("zhaoqing-2012", "肇庆 2012 计划"),
        ("Zhaoqing_2012", "zhaoqing-2012"),
        ("计划", "My Plan (2)"),
        ("计划", "工作计划"),
    ],
)
def test_the_id_fix_never_suggests_an_id_the_schema_refuses(plan_id: str, stem: str) -> None:
    fix = fix_for(plan_id, stem)
    suggested = re.findall(r"`id: ([^`]*)`|rename the file to (\S+?)\.yaml", fix)
    assert suggested, fix
    for in_id, in_name in suggested:
        assert SCHEMA_PLAN_ID.match(in_id or in_name), fix


def test_the_id_fix_is_given_for_a_file_named_in_chinese(cli: CLI, plan_repo: Path) -> None:
    out = validate_text(cli, plan_repo, "工作计划.yaml", HEADER.format(id="gz", title="计划"))
    assert "set `id: 工作计划`" not in out
    assert "rename the file to gz.yaml" in out, out


def test_git_install_outside_a_repository_speaks_of_git_install(cli: CLI, tmp_path: Path) -> None:
    result = cli("git", "install", cwd=tmp_path)
    assert result.exit_code == 2, result.output
    assert "planctl git install" in result.stderr and "git init" in result.stderr
    assert "diff or log" not in result.stderr


def test_git_install_inside_a_repository_still_works(cli: CLI, plan_repo: Path) -> None:
    subprocess.run(["git", "init", "-q", str(plan_repo)], check=True)
    result = cli("git", "install", cwd=plan_repo)
    assert result.exit_code == 0, result.output
