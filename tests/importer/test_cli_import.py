"""`planctl import` as a user runs it: a plan that validates, units added, clear errors."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from planctl.yamlio import read_document

from ..conftest import CLI, DATA, ROOT

SEEDS = DATA / "import" / "seeds"
ZHAOQING = SEEDS / "zhaoqing-2012-prd-workplan.txt"
SHUNDE = DATA / "import" / "shunde-2024-task-breakdown.txt"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository with the project's unit registry (comments included) and schema."""
    (tmp_path / "plans").mkdir()
    shutil.copyfile(ROOT / "plans" / "units.yaml", tmp_path / "plans" / "units.yaml")
    shutil.copytree(ROOT / "schema", tmp_path / "schema")
    return tmp_path


def test_the_zhaoqing_plan_imports_into_a_plan_that_validates(cli: CLI, repo: Path) -> None:
    result = cli("import", str(ZHAOQING), cwd=repo)
    assert result.exit_code == 0, result.output
    assert "35 tasks, a notice" in result.stdout
    assert "line 61: 附件:" in result.stdout
    assert "the plan validates" in result.stdout
    plan = repo / "plans" / "zhaoqing-2012-prd-workplan.yaml"
    text = plan.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema/plan.schema.json\n")
    assert "stage: draft" in text
    assert "# line 61 (an attachment label with no attachment text): 附件:" in text
    checked = cli("validate", "--strict", "plans/zhaoqing-2012-prd-workplan.yaml", cwd=repo)
    assert checked.exit_code == 0, checked.output


def test_add_units_registers_the_unknown_ones_and_keeps_the_comments(cli: CLI, repo: Path) -> None:
    units = repo / "plans" / "units.yaml"
    before = (
        units.read_text(encoding="utf-8")
        .replace("units:\n", "units:\n  # 市政府组成部门（按机构改革前名称）\n", 1)
        .replace("    kind: department\n", "    kind: department  # 牵头最多\n", 1)
    )
    units.write_text(before, encoding="utf-8")
    first = cli("import", str(SHUNDE), "-o", "plans/shunde-2024.yaml", cwd=repo)
    assert first.exit_code == 1, first.output
    assert "unknown-unit" in first.stdout and "--add-units" in first.stdout
    again = cli(
        "import", str(SHUNDE), "-o", "plans/shunde-2024.yaml", "--force", "--add-units", cwd=repo
    )
    assert again.exit_code == 0, again.output
    after = units.read_text(encoding="utf-8")
    head, groups = before.split("\ngroups:")
    assert after.startswith(head) and after.endswith(f"\ngroups:{groups}")
    assert "# 市政府组成部门（按机构改革前名称）" in after and "# 牵头最多" in after
    assert "  - name: 区政务服务数据管理局\n    kind: other\n" in after
    assert after.count("- name: 区金融工作局") == 1
    checked = cli("validate", cwd=repo)
    assert checked.exit_code == 0, checked.output


def test_output_to_stdout_and_the_id_option(cli: CLI, repo: Path) -> None:
    result = cli("import", str(SHUNDE), "-o", "-", "--id", "shunde-2024", cwd=repo)
    assert result.stdout.startswith('format: planctl/1\nid: "shunde-2024"\n')
    assert "imported" in result.stderr
    assert not list((repo / "plans").glob("shunde*"))


def test_a_gbk_file_imports_with_a_note(cli: CLI, repo: Path, tmp_path: Path) -> None:
    source = tmp_path / "gbk.txt"
    source.write_bytes(SHUNDE.read_text(encoding="utf-8").encode("gbk"))
    result = cli("import", str(source), "-o", "plans/shunde-gbk.yaml", "--add-units", cwd=repo)
    assert result.exit_code == 0, result.output
    assert "note: read as GB18030/GBK (not UTF-8)" in result.stdout
    plan = read_document(repo / "plans" / "shunde-gbk.yaml").data
    assert plan["title"] == "顺德区2024年优化营商环境重点任务分解表"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"\x00\x01\x02binary\x00", "binary"),
        (b"PK\x03\x04zip", "zip archive"),
    ],
    ids=["empty", "binary", "zip"],
)
def test_unreadable_documents_give_one_line_errors(
    cli: CLI, repo: Path, tmp_path: Path, content: bytes, message: str
) -> None:
    source = tmp_path / "plan.txt"
    source.write_bytes(content)
    result = cli("import", str(source), cwd=repo)
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("planctl: error: ") and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--id", "Bad_Id"], "is not a plan id"),
        (["-o", "plans/a.yaml", "--id", "b"], "differs from the file name"),
        (["-o", "nowhere/a.yaml"], "output folder does not exist"),
    ],
)
def test_bad_options_are_usage_errors(cli: CLI, repo: Path, args: list[str], message: str) -> None:
    result = cli("import", str(SHUNDE), *args, cwd=repo)
    assert result.exit_code == 2, result.output
    assert message in result.stderr


def test_an_existing_plan_is_not_overwritten_without_force(cli: CLI, repo: Path) -> None:
    plan = repo / "plans" / "shunde-2024.yaml"
    plan.write_text("keep me\n", encoding="utf-8")
    result = cli("import", str(SHUNDE), "-o", "plans/shunde-2024.yaml", cwd=repo)
    assert result.exit_code == 2, result.output
    assert "already exists" in result.stderr and "--force" in result.stderr
    assert plan.read_text(encoding="utf-8") == "keep me\n"


def test_outside_a_repository_the_output_must_be_named(cli: CLI, tmp_path: Path) -> None:
    result = cli("import", str(SHUNDE), cwd=tmp_path)
    assert result.exit_code == 2, result.output
    assert "not inside a plan repository" in result.stderr
