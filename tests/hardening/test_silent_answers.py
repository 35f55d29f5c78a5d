"""Class 5: no silent wrong answer. Where planctl cannot give the whole answer it says so;
the same file gets the same verdict from every command."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from ..conftest import CLI
from .conftest import DEMO_PLAN, PLAN_PATH, GitPlans


def test_diff_exit_code_never_says_no_change_when_a_plan_became_unreadable(
    cli: CLI, repo: GitPlans
) -> None:
    repo.edit(PLAN_PATH, "due: 2023-06", "due: [2023-06")
    result = cli("diff", "--exit-code", cwd=repo.root)
    assert result.exit_code == 2, result.output
    assert re.search(
        r"planctl: error: plans/demo-2023\.yaml:\d+:\d+: cannot compare", result.stderr
    )


def test_diff_exit_code_counts_a_plan_unreadable_only_before_as_changed(
    cli: CLI, repo: GitPlans
) -> None:
    repo.write("plans/broken.yaml", "id: broken\ntitle: [unclosed\n")
    repo.commit("半成品")
    repo.write("plans/broken.yaml", DEMO_PLAN.replace("id: demo-2023", "id: broken"))
    repo.commit("修好")
    result = cli("diff", "--exit-code", "HEAD~1", "HEAD", cwd=repo.root)
    assert result.exit_code == 1, result.output
    assert "warning: HEAD~1:plans/broken.yaml" in result.stderr


def test_diff_shows_a_change_to_the_second_of_two_tasks_with_one_id(
    cli: CLI, repo: GitPlans
) -> None:
    repo.edit(PLAN_PATH, "id: services", "id: industry")
    repo.commit("重复标识")
    repo.edit(PLAN_PATH, "培育商贸物流", "培育现代物流")  # a change to the second `industry`
    result = cli("diff", "--exit-code", cwd=repo.root)
    assert result.exit_code == 1, result.output
    assert "industry#2" in result.stdout and "现代" in result.stdout, result.stdout


def test_validate_changed_sees_a_new_plan_reusing_an_unchanged_plans_id(
    cli: CLI, repo: GitPlans
) -> None:
    repo.write("plans/copy.yaml", DEMO_PLAN)  # the same id as plans/demo-2023.yaml
    result = cli("validate", "--changed", "--no-cache", cwd=repo.root)
    assert result.exit_code == 1, result.output
    assert "duplicate-plan-id" in result.stdout and "plans/demo-2023.yaml" in result.stdout


@pytest.mark.parametrize("where", ["empty", "empty/plans", "."])
def test_validate_never_passes_when_there_is_nothing_to_check(
    cli: CLI, tmp_path: Path, where: str
) -> None:
    (tmp_path / "empty" / "plans").mkdir(parents=True)
    args = ["validate"] if where == "." else ["validate", where]
    result = cli(*args, cwd=tmp_path / "empty" if where == "." else tmp_path)
    assert result.exit_code == 2, result.output
    assert "All checks passed" not in result.output


def test_a_boolean_tag_on_yes_is_refused_not_read_as_false(cli: CLI, plan_repo: Path) -> None:
    path = plan_repo / "plans" / "issued-with-notice.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "support_more: true", "support_more: !!bool yes"
    )
    path.write_text(text, encoding="utf-8")
    result = cli("validate", "plans/issued-with-notice.yaml", cwd=plan_repo)
    assert result.exit_code == 1, result.output
    assert "'yes' is not a valid bool" in result.stdout


def test_log_in_a_shallow_clone_says_the_history_is_cut_off(
    cli: CLI, repo: GitPlans, tmp_path: Path
) -> None:
    repo.edit(PLAN_PATH, "due: 2023-06", "due: 2023-09")
    repo.commit("第一次推迟")
    repo.edit(PLAN_PATH, "due: 2023-09", "due: 2023-12")
    repo.commit("第二次推迟")
    shallow = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{repo.root}", str(shallow)], check=True
    )
    result = cli("log", "industry", cwd=shallow)
    assert result.exit_code == 0, result.output
    assert "新增任务" not in result.stdout
    assert "shallow" in result.output or "浅" in result.output


def test_every_command_refuses_a_plan_with_a_duplicate_key(cli: CLI, plan_repo: Path) -> None:
    path = plan_repo / "plans" / "issued-with-notice.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "title: 建设环城公路", "title: 建设环城公路\n        title: 建设绕城公路"
    )
    path.write_text(text, encoding="utf-8")
    shown = "plans/issued-with-notice.yaml"
    validate = cli("validate", shown, cwd=plan_repo)
    render = cli("render", shown, "--as", "table", "-f", "md", "-o", "t.md", cwd=plan_repo)
    diff = cli("diff", "plans/units.yaml", shown, cwd=plan_repo)
    for result in (validate, render, diff):
        assert result.exit_code in (1, 2), result.output
        assert "duplicate key 'title'" in result.output, result.output


def test_validate_and_fmt_agree_on_a_damaged_utf8_byte(cli: CLI, plan_repo: Path) -> None:
    path = plan_repo / "plans" / "issued-with-notice.yaml"
    path.write_bytes(path.read_bytes().replace("环城".encode(), b"\xff\xbf", 1))
    validate = cli("validate", "plans/issued-with-notice.yaml", cwd=plan_repo)
    fmt = cli("fmt", "plans/issued-with-notice.yaml", cwd=plan_repo)
    assert validate.exit_code in (1, 2) and fmt.exit_code == 2, validate.output + fmt.output
    assert "damaged byte" in validate.stdout and "damaged byte" in fmt.stderr


def test_a_period_that_starts_after_it_ends_is_a_finding_on_the_period(
    cli: CLI, plan_repo: Path
) -> None:
    path = plan_repo / "plans" / "issued-with-notice.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "period: {start: 2012-01-01, end: 2012-12-31}",
        "period: {start: 2012-12-31, end: 2012-01-01}",
    )
    path.write_text(text, encoding="utf-8")
    result = cli("validate", "plans/issued-with-notice.yaml", cwd=plan_repo)
    assert result.exit_code == 1, result.output
    assert re.search(r"issued-with-notice\.yaml:8:\d+ +error +period-order", result.stdout)
