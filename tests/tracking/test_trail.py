"""`planctl history TASK`: a task's plan changes, reports, decisions and close in date
order, read from a real git repository whose commits carry pinned dates."""

from __future__ import annotations

import json

import pytest

from ..conftest import CLI, GitPlans
from .test_drafts import NDRC, PLAN_TEXT, UNITS_TEXT

MAY_REPORT = f"""\
format: planctl-report/1
plan: office-2023
period: 2023-05
unit: {NDRC}
as_of: 2023-05-31
tasks:
  - task: projects
    status: delayed
    percent: 20
    progress: 征地受阻
    next_steps: 协调征地
"""

JUNE_REPORT = f"""\
format: planctl-report/1
plan: office-2023
period: 2023-06
unit: {NDRC}
as_of: 2023-06-30
tasks:
  - task: projects
    status: done
    percent: 100
    progress: 项目全部开工
    request: close
"""

JUNE_REVIEW = f"""\
format: planctl-review/1
plan: office-2023
period: 2023-06
reviewer: 市政府督查室
date: 2023-07-08
decisions:
  - {{task: projects, unit: {NDRC}, verdict: accepted}}
  - {{task: projects, close: 2023-07-08, note: 经现场核查}}
"""


def commit_on(repository: GitPlans, day: str, message: str) -> None:
    """Commit everything at 10:00 (+08:00) on `day`."""
    moment = f"{day}T10:00:00+08:00"
    repository.git("add", "--all")
    repository.git(
        "commit",
        "--quiet",
        "-m",
        message,
        env={"GIT_AUTHOR_DATE": moment, "GIT_COMMITTER_DATE": moment},
    )


@pytest.fixture
def tracked(git_repo: GitPlans) -> GitPlans:
    git_repo.write("plans/office-2023.yaml", PLAN_TEXT)
    git_repo.write("plans/units.yaml", UNITS_TEXT)
    commit_on(git_repo, "2023-02-10", "印发计划")
    git_repo.write(f"reports/office-2023/2023-05/{NDRC}.yaml", MAY_REPORT)
    commit_on(git_repo, "2023-06-03", "市发展改革局报送5月进展")
    git_repo.edit(
        "plans/office-2023.yaml",
        "        due: 2023-12\n\n      - id: later",
        "        due: 2023-09\n\n      - id: later",
    )
    commit_on(git_repo, "2023-06-20", "调整重点项目完成时限")
    git_repo.write(f"reports/office-2023/2023-06/{NDRC}.yaml", JUNE_REPORT)
    commit_on(git_repo, "2023-07-04", "市发展改革局报送6月进展")
    git_repo.write("reviews/office-2023/2023-06.yaml", JUNE_REVIEW)
    commit_on(git_repo, "2023-07-08", "督查室审核6月进展")
    return git_repo


def test_the_trail_is_in_date_order_with_every_kind_of_event(cli: CLI, tracked: GitPlans) -> None:
    result = cli("history", "projects", cwd=tracked.root)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "任务 projects 推进重点项目建设  计划 office-2023"
    events = [line for line in lines[1:] if not line.startswith("    ")]
    assert [line.split("  ")[:2] for line in events] == [
        ["2023-02-10", "计划修改"],
        ["2023-06-03", "进展报告"],
        ["2023-06-20", "计划修改"],
        ["2023-07-04", "进展报告"],
        ["2023-07-08", "审核"],
        ["2023-07-08", "办结销号"],
    ]
    assert f"2023-06-03  进展报告  {NDRC}  2023年5月：滞后 20%" in result.stdout
    assert "    进展情况：征地受阻\n    下步打算：协调征地\n" in result.stdout
    assert "2023-07-04  进展报告" in result.stdout and "    申请办结\n" in result.stdout
    assert f"2023年6月 {NDRC} 的报告：通过" in result.stdout
    assert (
        "2023-07-08  办结销号  市政府督查室  2023年6月：同意办结\n    说明：经现场核查"
        in result.stdout
    )
    deadline_change = lines[lines.index(events[2]) + 1]
    assert "2023年12月底前" in deadline_change and "2023年9月底前" in deadline_change


def test_the_trail_as_json(cli: CLI, tracked: GitPlans) -> None:
    result = cli("history", "projects", "--format", "json", cwd=tracked.root)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["format"] == "planctl-history/1"
    assert [(e["date"], e["kind"]) for e in data["events"]] == [
        ("2023-02-10", "plan"),
        ("2023-06-03", "report"),
        ("2023-06-20", "plan"),
        ("2023-07-04", "report"),
        ("2023-07-08", "decision"),
        ("2023-07-08", "close"),
    ]
    may = data["events"][1]
    assert (may["unit"], may["period"], may["status"], may["percent"], may["submitted"]) == (
        NDRC,
        "2023-05",
        "delayed",
        20,
        "2023-06-03",
    )
    assert data["events"][-1]["close"] == "2023-07-08"


def test_a_task_nothing_was_reported_on_has_only_its_plan_changes(
    cli: CLI, tracked: GitPlans
) -> None:
    result = cli("history", "roads", "-f", "json", cwd=tracked.root)
    kinds = [event["kind"] for event in json.loads(result.stdout)["events"]]
    assert kinds == ["plan"]


def test_an_unknown_task_is_a_one_line_error(cli: CLI, tracked: GitPlans) -> None:
    result = cli("history", "nothing", cwd=tracked.root)
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
