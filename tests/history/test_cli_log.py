"""`planctl log TASK_ID`: one task's history through the commits that changed it."""

from __future__ import annotations

import json

from ..conftest import CLI, GitPlans
from ..demo import DEMO_PLAN, PLAN_PATH


def history_of_industry(repo: GitPlans) -> None:
    """初稿 (the fixture), then a deadline moved, another task edited, a rename with a status."""
    repo.edit(PLAN_PATH, "due: 2023-06", "due: 2023-12")
    repo.commit("工业任务推迟到年底", author="李四")
    repo.edit(PLAN_PATH, "lead: [市商务局]", "lead: [市发展改革局]")
    repo.commit("调整服务业牵头单位")
    (repo.root / "plans" / "2023").mkdir()
    repo.git("mv", PLAN_PATH, "plans/2023/demo.yaml")
    repo.edit("plans/2023/demo.yaml", "status: in_progress", "status: delayed")
    repo.commit("归档并更新进度", author="王五")


def test_the_commits_that_changed_a_task_newest_first(cli: CLI, repo: GitPlans) -> None:
    history_of_industry(repo)
    result = cli("log", "industry", cwd=repo.root)
    assert result.exit_code == 0, result.output
    short = {
        name: repo.git("rev-parse", "--short=7", name).strip()
        for name in ("HEAD", "HEAD~2", "HEAD~3")
    }
    assert result.stdout.splitlines()[1:] == [
        "",
        f"{short['HEAD']}  2023-03-04  王五  归档并更新进度",
        "  状态：推进中 → 滞后",
        "",
        f"{short['HEAD~2']}  2023-03-02  李四  工业任务推迟到年底",
        "  完成时限：2023年6月底前 → 2023年12月底前（推迟 184 天）",
        "",
        f"{short['HEAD~3']}  2023-03-01  张三  初稿",
        "  新增任务：{+壮大先进制造业+}",
    ]
    assert result.stdout.splitlines()[0] == (
        "任务 industry 壮大先进制造业  计划 demo-2023  plans/2023/demo.yaml"
    )


def test_json_history(cli: CLI, repo: GitPlans) -> None:
    history_of_industry(repo)
    envelope = json.loads(cli("log", "services", "--format", "json", cwd=repo.root).stdout)
    assert envelope["format"] == "planctl-log/1"
    assert (envelope["task"], envelope["plan"], envelope["path"]) == (
        "services",
        "demo-2023",
        "plans/2023/demo.yaml",
    )
    latest, first = envelope["entries"]
    assert (latest["subject"], latest["author"], latest["date"]) == (
        "调整服务业牵头单位",
        "张三",
        "2023-03-03T09:00:00+08:00",
    )
    assert latest["path"] == PLAN_PATH
    assert latest["changes"][0]["field"] == "lead"
    assert latest["changes"][0]["detail"] == {
        "type": "list",
        "added": ["市发展改革局"],
        "removed": ["市商务局"],
    }
    assert first["changes"][0]["kind"] == "task-added"


def test_a_move_to_another_section_is_in_the_history(cli: CLI, repo: GitPlans) -> None:
    block = DEMO_PLAN.split("      - id: agriculture\n")[1].split("  - id: livelihood")[0]
    repo.edit(PLAN_PATH, "      - id: agriculture\n" + block, "")
    moved = "\n".join("    " + line if line else line for line in block.splitlines())
    repo.edit(
        PLAN_PATH,
        "            due: 2023-12-31\n",
        "            due: 2023-12-31\n          - id: agriculture\n" + moved + "\n",
    )
    repo.commit("农业任务并入民生")
    result = cli("log", "agriculture", cwd=repo.root)
    assert result.exit_code == 0, result.output
    assert (
        "移动：从「推动经济高质量发展」第 3 项 移至「保障和改善民生 › 办好人民满意的教育」第 2 项"
    ) in result.stdout


def test_a_removed_task_needs_its_plan_named(cli: CLI, repo: GitPlans) -> None:
    repo.edit(PLAN_PATH, "      - id: services\n", "      - id: services-2\n")
    repo.commit("服务业任务换新编号")
    missing = cli("log", "services", cwd=repo.root)
    assert missing.exit_code == 2
    assert "no task 'services' in any plan at HEAD" in missing.stderr
    assert "--plan" in missing.stderr
    for plan in ("demo-2023", PLAN_PATH):
        result = cli("log", "services", "--plan", plan, cwd=repo.root)
        assert result.exit_code == 0, result.output
        assert "删除任务：[-发展现代服务业-]" in result.stdout


def test_a_task_id_in_two_plans(cli: CLI, repo: GitPlans) -> None:
    repo.write("plans/other.yaml", DEMO_PLAN.replace("id: demo-2023", "id: other"))
    repo.commit("另一个计划")
    both = cli("log", "industry", cwd=repo.root)
    assert both.exit_code == 2
    assert "task 'industry' is in several plans: plans/demo-2023.yaml, plans/other.yaml" in (
        both.stderr
    )
    chosen = cli("log", "industry", "--plan", "other", cwd=repo.root)
    assert chosen.exit_code == 0, chosen.output
    assert "计划 other  plans/other.yaml" in chosen.stdout


def test_a_commit_where_the_plan_does_not_parse(cli: CLI, repo: GitPlans) -> None:
    repo.edit(PLAN_PATH, "due: 2023-06", "due: [2023-06")
    repo.commit("手误")
    repo.edit(PLAN_PATH, "due: [2023-06", "due: 2023-09")
    repo.commit("修正")
    result = cli("log", "industry", cwd=repo.root)
    assert result.exit_code == 0, result.output
    assert "cannot read the plan here: invalid YAML" in result.stdout
    assert "完成时限：2023年6月底前 → 2023年9月底前" not in result.stdout  # no false step
    assert "新增任务" in result.stdout


def test_an_unknown_format(cli: CLI, repo: GitPlans) -> None:
    result = cli("log", "industry", "--format", "xml", cwd=repo.root)
    assert result.exit_code == 2
    assert "unknown format 'xml'" in result.stderr
