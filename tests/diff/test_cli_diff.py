"""`planctl diff` as a reviewer runs it, on throwaway repositories."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ..conftest import CLI, GitPlans
from ..demo import DEMO_PLAN, PLAN_PATH

DEADLINE_MOVED = "完成时限：2023年6月底前 → 2023年12月底前（推迟 184 天）"


def move_deadline(repo: GitPlans) -> None:
    repo.edit(PLAN_PATH, "due: 2023-06", "due: 2023-12")


# --- which sides ----------------------------------------------------------------------------


def test_no_revision_compares_head_with_the_working_tree(cli: CLI, repo: GitPlans) -> None:
    move_deadline(repo)
    result = cli("diff", cwd=repo.root)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "计划 demo-2023 示例市2023年重点工作计划  plans/demo-2023.yaml",
        "  章节 推动经济高质量发展  (economy)",
        "    任务 industry 壮大先进制造业",
        f"      {DEADLINE_MOVED}",
    ]


def test_a_clean_working_tree_prints_nothing(cli: CLI, repo: GitPlans) -> None:
    result = cli("diff", cwd=repo.root)
    assert (result.exit_code, result.stdout) == (0, ""), result.output


def test_exit_code_says_whether_plans_changed(cli: CLI, repo: GitPlans) -> None:
    assert cli("diff", "--exit-code", cwd=repo.root).exit_code == 0
    move_deadline(repo)
    assert cli("diff", "--exit-code", cwd=repo.root).exit_code == 1
    assert cli("diff", "--exit-code", "--stat", cwd=repo.root).exit_code == 1


def test_a_comment_only_change_is_no_change(cli: CLI, repo: GitPlans) -> None:
    repo.edit(PLAN_PATH, "      - id: services\n", "      - id: services  # 服务业\n")
    result = cli("diff", "--exit-code", cwd=repo.root)
    assert (result.exit_code, result.stdout) == (0, ""), result.output


def test_one_revision_against_the_working_tree(cli: CLI, repo: GitPlans) -> None:
    move_deadline(repo)
    repo.commit("推迟工业任务")
    repo.edit(PLAN_PATH, "status: in_progress", "status: delayed")
    result = cli("diff", "HEAD~1", cwd=repo.root)
    assert result.exit_code == 0, result.output
    assert DEADLINE_MOVED in result.stdout
    assert "状态：推进中 → 滞后" in result.stdout


def test_two_revisions_and_a_range(cli: CLI, repo: GitPlans) -> None:
    first = repo.git("rev-parse", "HEAD").strip()
    move_deadline(repo)
    repo.commit("推迟工业任务")
    repo.edit(PLAN_PATH, "status: in_progress", "status: delayed")  # not committed
    for arguments in ([first, "HEAD"], [f"{first[:7]}..HEAD"], ["main~1..main"]):
        result = cli("diff", *arguments, cwd=repo.root)
        assert result.exit_code == 0, result.output
        assert DEADLINE_MOVED in result.stdout, arguments
        assert "状态" not in result.stdout, arguments


def test_three_dots_compare_with_where_the_branches_met(cli: CLI, repo: GitPlans) -> None:
    repo.git("switch", "--quiet", "-c", "review")
    move_deadline(repo)
    repo.commit("推迟工业任务")
    repo.git("switch", "--quiet", "main")
    repo.edit(PLAN_PATH, "status: in_progress", "status: done")
    repo.commit("工业任务已完成")
    result = cli("diff", "main...review", cwd=repo.root)
    assert result.exit_code == 0, result.output
    assert DEADLINE_MOVED in result.stdout
    assert "状态" not in result.stdout  # main's own change is not part of the review


def test_two_files_outside_any_repository(cli: CLI, tmp_path: Path) -> None:
    (tmp_path / "old.yaml").write_text(DEMO_PLAN, encoding="utf-8")
    (tmp_path / "new.yaml").write_text(
        DEMO_PLAN.replace("due: 2023-06", "due: 2023-12"), encoding="utf-8"
    )
    result = cli("diff", "old.yaml", "new.yaml", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert "计划 demo-2023 示例市2023年重点工作计划  old.yaml → new.yaml" in result.stdout
    assert DEADLINE_MOVED in result.stdout


def test_paths_after_double_dash_limit_the_plans(cli: CLI, repo: GitPlans) -> None:
    other = DEMO_PLAN.replace("id: demo-2023", "id: other-2023")
    repo.write("plans/other-2023.yaml", other)
    repo.commit("另一个计划")
    move_deadline(repo)
    repo.edit("plans/other-2023.yaml", "due: 2023-06", "due: 2023-12")
    everything = cli("diff", "--stat", cwd=repo.root)
    assert "demo-2023" in everything.stdout and "other-2023" in everything.stdout
    limited = cli("diff", "--stat", "HEAD", "--", "plans/other-2023.yaml", cwd=repo.root)
    assert limited.exit_code == 0, limited.output
    assert "other-2023" in limited.stdout and "demo-2023" not in limited.stdout


def test_a_path_without_double_dash_and_from_a_subfolder(cli: CLI, repo: GitPlans) -> None:
    move_deadline(repo)
    result = cli("diff", "demo-2023.yaml", cwd=repo.root / "plans")
    assert result.exit_code == 0, result.output
    assert DEADLINE_MOVED in result.stdout


# --- renames and deletions ------------------------------------------------------------------


def test_a_renamed_file_is_the_same_plan(cli: CLI, repo: GitPlans) -> None:
    (repo.root / "plans" / "2023").mkdir()
    repo.git("mv", PLAN_PATH, "plans/2023/demo.yaml")
    repo.edit("plans/2023/demo.yaml", "due: 2023-06", "due: 2023-12")
    repo.commit("按年份归档")
    result = cli("diff", "HEAD~1", "HEAD", cwd=repo.root)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].endswith("plans/demo-2023.yaml → plans/2023/demo.yaml")
    assert lines[-1].strip() == DEADLINE_MOVED
    assert "新增计划" not in result.stdout and "删除计划" not in result.stdout


def test_a_rename_alone_changes_nothing_in_the_plan(cli: CLI, repo: GitPlans) -> None:
    repo.git("mv", PLAN_PATH, "plans/demo.yaml")
    result = cli("diff", "--exit-code", cwd=repo.root)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "计划 demo-2023 示例市2023年重点工作计划  plans/demo-2023.yaml → plans/demo.yaml"
    ]


def test_a_deleted_plan(cli: CLI, repo: GitPlans) -> None:
    repo.git("rm", "--quiet", PLAN_PATH)
    repo.commit("撤销计划")
    result = cli("diff", "HEAD~1", "HEAD", "--format", "json", cwd=repo.root)
    assert result.exit_code == 0, result.output
    plan = json.loads(result.stdout)["plans"][0]
    assert (plan["old_file"], plan["new_file"]) == (PLAN_PATH, None)
    assert [change["kind"] for change in plan["changes"]] == ["plan-removed"]


# --- formats --------------------------------------------------------------------------------


def test_markdown_and_json_from_the_command_line(cli: CLI, repo: GitPlans) -> None:
    move_deadline(repo)
    markdown = cli("diff", "--format", "markdown", cwd=repo.root)
    assert markdown.stdout.startswith("**planctl diff** `HEAD` → `working tree`：1 个计划有变更")
    assert "| <del>2023年6月底前</del> | <ins>2023年12月底前</ins>（推迟 184 天） |" in (
        markdown.stdout
    )
    envelope = json.loads(cli("diff", "-f", "json", cwd=repo.root).stdout)
    assert envelope["old"] == {"label": "HEAD", "commit": repo.git("rev-parse", "HEAD").strip()}
    assert envelope["new"] == {"label": "working tree", "commit": None}
    assert envelope["summary"]["counts"] == {"task": {"changed": 1}}


def test_an_unknown_format_is_a_usage_error(cli: CLI, repo: GitPlans) -> None:
    result = cli("diff", "--format", "html", cwd=repo.root)
    assert result.exit_code == 2
    assert "unknown format 'html'" in result.stderr


# --- robust revisions -------------------------------------------------------------------------


@pytest.mark.parametrize("revision", ["--output=OUT", "HEAD..--output=OUT", "-p"])
def test_a_revision_never_reaches_git_as_an_option(
    cli: CLI, repo: GitPlans, tmp_path: Path, revision: str
) -> None:
    target = tmp_path / "written-by-git"
    result = cli("diff", revision.replace("OUT", str(target)), cwd=repo.root)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert not target.exists()


def test_an_option_like_range_end_is_refused_by_name(cli: CLI, repo: GitPlans) -> None:
    result = cli("diff", "HEAD..--output=/tmp/x", cwd=repo.root)
    assert result.exit_code == 2
    assert "refusing revision '--output=/tmp/x': it starts with '-'" in result.stderr


def test_an_unknown_revision_exits_2_naming_it(cli: CLI, repo: GitPlans) -> None:
    result = cli("diff", "v9.9", cwd=repo.root)
    assert result.exit_code == 2
    assert result.stderr.startswith("planctl: error: unknown revision 'v9.9'")
    result = cli("diff", "main..nope", cwd=repo.root)
    assert "unknown revision 'nope'" in result.stderr


def test_a_revision_must_name_a_commit(cli: CLI, repo: GitPlans) -> None:
    result = cli("diff", "HEAD^{tree}", cwd=repo.root)
    assert result.exit_code == 2
    assert "names a tree, not a commit" in result.stderr


def test_an_annotated_tag_names_its_commit(cli: CLI, repo: GitPlans) -> None:
    repo.git("tag", "-a", "v1", "-m", "第一版")
    move_deadline(repo)
    assert DEADLINE_MOVED in cli("diff", "v1", cwd=repo.root).stdout


def test_outside_a_git_repository(cli: CLI, tmp_path: Path) -> None:
    (tmp_path / "plans").mkdir()
    result = cli("diff", cwd=tmp_path)
    assert result.exit_code == 2
    assert "planctl: error: " in result.stderr and "not inside a git repository" in result.stderr
    assert "Traceback" not in result.output


def test_a_repository_without_commits(cli: CLI, tmp_path: Path) -> None:
    empty = GitPlans(tmp_path / "empty")
    empty.root.mkdir()
    empty.git("init", "--quiet")
    result = cli("diff", cwd=empty.root)
    assert result.exit_code == 2
    assert "unknown revision 'HEAD' — the repository has no commits yet" in result.stderr


def test_a_plan_that_does_not_parse_at_the_old_revision(cli: CLI, repo: GitPlans) -> None:
    repo.write("plans/broken.yaml", "id: broken\ntitle: [unclosed\n")
    repo.commit("半成品")
    repo.write("plans/broken.yaml", DEMO_PLAN.replace("id: demo-2023", "id: broken"))
    move_deadline(repo)
    repo.commit("修好并推迟")
    result = cli("diff", "HEAD~1", "HEAD", cwd=repo.root)
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith(
        "planctl: warning: HEAD~1:plans/broken.yaml:3:1: cannot compare: invalid YAML"
    ), result.stderr
    assert DEADLINE_MOVED in result.stdout  # the rest still prints
    assert "broken" not in result.stdout


def test_a_path_that_is_also_a_branch_is_ambiguous(cli: CLI, repo: GitPlans) -> None:
    repo.git("branch", "plans")
    result = cli("diff", "plans", cwd=repo.root)
    assert result.exit_code == 2
    assert "'plans' is both a revision and a file" in result.stderr
    assert cli("diff", "plans", "--", cwd=repo.root).exit_code == 0
