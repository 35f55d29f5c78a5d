"""`planctl git install`, then plain git shows plan changes in plan terms."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..conftest import CLI, GitPlans
from ..demo import DEMO_PLAN, PLAN_PATH

DEADLINE_MOVED = "完成时限：2023年6月底前 → 2023年12月底前（推迟 184 天）"


@pytest.fixture
def installed(cli: CLI, repo: GitPlans) -> GitPlans:
    result = cli("git", "install", cwd=repo.root)
    assert result.exit_code == 0, result.output
    return repo


def test_install_writes_gitattributes_and_the_local_config(cli: CLI, repo: GitPlans) -> None:
    (repo.root / ".gitattributes").write_text("*.png binary", encoding="utf-8")
    first = cli("git", "install", cwd=repo.root)
    assert first.exit_code == 0, first.output
    assert "added to .gitattributes: plans/**/*.yaml diff=planctl" in first.stdout
    assert repo.read(".gitattributes") == (
        "*.png binary\n"
        "# planctl: plan files get the semantic diff (planctl git install)\n"
        "plans/**/*.yaml diff=planctl\n"
        "plans/**/*.yml diff=planctl\n"
        "plans/units.yaml !diff\n"
    )
    command = repo.git("config", "--local", "diff.planctl.command").strip()
    assert command.endswith(" git external-diff --")
    again = cli("git", "install", cwd=repo.root)
    assert again.exit_code == 0, again.output
    assert "added to" not in again.stdout
    assert repo.read(".gitattributes").count("diff=planctl") == 2


def test_git_diff_prints_the_semantic_diff(installed: GitPlans) -> None:
    installed.edit(PLAN_PATH, "due: 2023-06", "due: 2023-12")
    output = installed.git("diff")
    assert output.splitlines() == [
        "计划 demo-2023 示例市2023年重点工作计划  plans/demo-2023.yaml",
        "  章节 推动经济高质量发展  (economy)",
        "    任务 industry 壮大先进制造业",
        f"      {DEADLINE_MOVED}",
    ]


def test_added_and_deleted_files_come_as_dev_null(installed: GitPlans) -> None:
    installed.write("plans/other.yaml", DEMO_PLAN.replace("id: demo-2023", "id: other"))
    installed.git("rm", "--quiet", PLAN_PATH)
    installed.git("add", "--all")
    output = installed.git("diff", "--cached", "--no-renames")
    assert "计划 other 示例市2023年重点工作计划  /dev/null → plans/other.yaml" in output
    assert "新增计划：{+示例市2023年重点工作计划（4 个章节，5 项任务）+}" in output
    assert "计划 demo-2023 示例市2023年重点工作计划  plans/demo-2023.yaml → /dev/null" in output
    assert "删除计划：[-示例市2023年重点工作计划" in output


def test_a_rename_in_git_log_with_ext_diff(installed: GitPlans) -> None:
    installed.git("mv", PLAN_PATH, "plans/demo.yaml")
    installed.edit("plans/demo.yaml", "due: 2023-06", "due: 2023-12")
    installed.commit("改名并推迟")
    log = installed.git("log", "-p", "--ext-diff", "-M", "--format=commit %s", "-1")
    assert "commit 改名并推迟" in log
    assert "计划 demo-2023 示例市2023年重点工作计划  plans/demo-2023.yaml → plans/demo.yaml" in log
    assert DEADLINE_MOVED in log
    plain_log = installed.git("log", "-p", "-M", "--format=commit %s", "-1")
    assert DEADLINE_MOVED not in plain_log  # without --ext-diff, git log keeps its own diff


def test_a_file_that_only_changed_its_layout(installed: GitPlans) -> None:
    installed.edit(PLAN_PATH, "  - id: livelihood\n", "\n  - id: livelihood  # 民生\n")
    output = installed.git("diff")
    assert "（计划内容无变化：只改了格式或注释）" in output


def test_the_unit_registry_keeps_gits_own_diff(installed: GitPlans) -> None:
    installed.write("plans/units.yaml", "format: planctl-units/1\nunits: []\n")
    installed.commit("单位名录")
    installed.edit("plans/units.yaml", "units: []", "units: [{name: 市教育局}]")
    output = installed.git("diff")
    assert "-units: []\n+units: [{name: 市教育局}]" in output
    assert "diff --git a/plans/units.yaml b/plans/units.yaml" in output


def test_a_file_that_is_not_a_plan_gets_a_line_diff(installed: GitPlans) -> None:
    installed.write("plans/notes.yaml", "- 第一条\n")
    installed.commit("备注")
    installed.edit("plans/notes.yaml", "- 第一条\n", "- 第一条\n- 第二条\n")
    output = installed.git("diff")
    assert "--- a/plans/notes.yaml\n+++ b/plans/notes.yaml\n" in output
    assert "+- 第二条" in output


def test_a_broken_new_version_is_named_and_shown_line_by_line(installed: GitPlans) -> None:
    installed.edit(PLAN_PATH, "due: 2023-06", "due: [2023-06")
    output = installed.git("diff")
    assert output.startswith("planctl: plans/demo-2023.yaml:"), output
    assert "cannot compare: invalid YAML" in output
    assert "-        due: 2023-06\n+        due: [2023-06" in output


def test_the_external_diff_entry_checks_what_git_passes(cli: CLI, tmp_path: Path) -> None:
    unmerged = cli("git", "external-diff", "--", "plans/demo.yaml", cwd=tmp_path)
    assert (unmerged.exit_code, unmerged.stdout) == (
        0,
        "plans/demo.yaml: unmerged, resolve the conflict first\n",
    )
    wrong = cli("git", "external-diff", "--", "a", "b", cwd=tmp_path)
    assert wrong.exit_code == 2
    assert "expected git's 7 or 9 external-diff arguments, got 2" in wrong.stderr


def test_install_outside_a_git_repository(cli: CLI, tmp_path: Path) -> None:
    result = cli("git", "install", cwd=tmp_path)
    assert result.exit_code == 2
    assert "not inside a git repository" in result.stderr
    assert not (tmp_path / ".gitattributes").exists()


def test_a_rename_git_sees_between_two_plans_says_the_id_changed(installed: GitPlans) -> None:
    installed.git("mv", PLAN_PATH, "plans/other.yaml")
    installed.edit("plans/other.yaml", "id: demo-2023", "id: other")
    installed.git("add", "--all")
    output = installed.git("diff", "--cached", "-M")
    assert "计划 other 示例市2023年重点工作计划  plans/demo-2023.yaml → plans/other.yaml" in output
    assert "计划编号：demo-2023 → other" in output
