"""Class 6: a task whose id changes is the same task, renamed (as `git diff -M` and
`git log --follow` treat a renamed file): in the diff, in the 修订对照表 and in the log."""

from __future__ import annotations

import json
from pathlib import Path

from ..conftest import CLI
from .conftest import PLAN_PATH, GitPlans

RENAMED = "标识：industry → advanced-industry"


def rename(repo: GitPlans, *, also: tuple[str, str] | None = None) -> None:
    repo.edit(PLAN_PATH, "id: industry", "id: advanced-industry")
    if also is not None:
        repo.edit(PLAN_PATH, *also)


def test_same_text_same_place_is_a_rename(cli: CLI, repo: GitPlans) -> None:
    rename(repo)
    result = cli("diff", "--exit-code", cwd=repo.root)
    assert result.exit_code == 1, result.output
    assert result.stdout.splitlines()[2:] == [
        "    任务 advanced-industry 壮大先进制造业",
        f"      {RENAMED}",
    ]


def test_a_rename_shows_its_other_changes(cli: CLI, repo: GitPlans) -> None:
    rename(repo, also=("新增规模以上工业企业50家", "新增规模以上工业企业60家"))
    result = cli("diff", cwd=repo.root)
    assert RENAMED in result.stdout
    assert "新增任务" not in result.stdout and "删除任务" not in result.stdout
    assert "[-5-]{+6+}0家" in result.stdout


def test_same_text_elsewhere_is_a_rename_and_a_move(cli: CLI, repo: GitPlans) -> None:
    text = repo.read(PLAN_PATH)
    start = text.index("      - id: industry")
    end = text.index("      - id: services")
    task = text[start:end]
    text = text[:start] + text[end:]
    text = text.replace(
        "          - id: schools",
        task.replace("  - id: industry", "      - id: advanced-industry").replace(
            "\n        ", "\n            "
        )
        + "          - id: schools",
        1,
    )
    repo.write(PLAN_PATH, text)
    result = cli("diff", "--format", "json", cwd=repo.root)
    assert result.exit_code == 0, result.output
    changes = json.loads(result.stdout)["plans"][0]["changes"]
    kinds = [(c["kind"], c.get("field")) for c in changes if c.get("task") == "advanced-industry"]
    assert ("task-moved", None) in kinds and ("task-changed", "id") in kinds, kinds
    assert not [c for c in changes if c["kind"] in ("task-added", "task-removed")], changes


def test_a_different_task_in_the_same_place_is_not_a_rename(cli: CLI, repo: GitPlans) -> None:
    repo.edit(PLAN_PATH, "id: industry", "id: tourism")
    repo.edit(PLAN_PATH, "壮大先进制造业", "发展全域旅游")
    repo.edit(
        PLAN_PATH, "推进工业园区扩能增效，新增规模以上工业企业50家。", "打造旅游精品线路10条。"
    )
    result = cli("diff", cwd=repo.root)
    assert "新增任务" in result.stdout and "删除任务" in result.stdout, result.stdout
    assert "标识" not in result.stdout


def test_the_revision_table_has_one_row_for_a_renamed_task(cli: CLI, repo: GitPlans) -> None:
    rename(repo, also=("新增规模以上工业企业50家", "新增规模以上工业企业60家"))
    repo.commit("改标识")
    out = repo.root / "revision.md"
    result = cli(
        "render",
        PLAN_PATH,
        "--as",
        "revision",
        "--from",
        "HEAD~1",
        "-f",
        "md",
        "-o",
        str(out),
        cwd=repo.root,
    )
    assert result.exit_code == 0, result.output
    rows = [
        line for line in out.read_text(encoding="utf-8").splitlines() if line.startswith("| 1 ")
    ]
    assert len(rows) == 1 and "| 2 " not in out.read_text(encoding="utf-8")
    assert "<del>5</del>0家" in rows[0] and "<ins>6</ins>0家" in rows[0]
    assert "“industry”调整为“advanced-industry”" in rows[0]


def test_log_follows_a_task_back_through_its_rename(cli: CLI, repo: GitPlans) -> None:
    repo.edit(PLAN_PATH, "due: 2023-06", "due: 2023-09")
    repo.commit("推迟")
    rename(repo)
    repo.commit("改标识")
    result = cli("log", "advanced-industry", cwd=repo.root)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    subjects = [line.split("  ")[-1] for line in lines if line[:7].isalnum() and "  " in line]
    assert subjects == ["改标识", "推迟", "初稿"], result.stdout
    assert RENAMED.replace("标识：", "  标识：") in lines
    assert lines[-1] == "  新增任务：{+壮大先进制造业+}"


def test_the_stat_counts_a_rename_as_a_change(cli: CLI, repo: GitPlans) -> None:
    rename(repo)
    result = cli("diff", "--stat", cwd=repo.root)
    assert result.exit_code == 0, result.output
    assert "新增" not in result.stdout.replace("新增 0", ""), result.stdout


def test_the_plans_of_this_repository_keep_their_ids_in_their_own_diff(
    cli: CLI, plan_repo: Path
) -> None:
    plan = plan_repo / "plans" / "issued-with-notice.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("id: ring-road", "id: county-ring-road"), encoding="utf-8")
    old = plan_repo / "old.yaml"
    old.write_text(text, encoding="utf-8")
    result = cli("diff", str(old), "plans/issued-with-notice.yaml", cwd=plan_repo)
    assert "标识：ring-road → county-ring-road" in result.stdout, result.stdout
