"""The lights checked on tracking repositories built from the rules as docs/tracking.md
and docs/plan-format.md state them (not from the demo builder): every light, reason,
report status and figure below is worked out by hand from the nine rules, with a comment
saying why, and compared with what `planctl status` and `planctl stats` print.

Each repository is a real git repository; every file is committed at 09:00 China time on
the day it reached the office, so the submission dates are the commit dates.
"""

from __future__ import annotations

import datetime
import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from ..conftest import CLI, GitPlans

SUPERVISOR = "市政府督查室"

UNITS = f"""\
format: planctl-units/1
units:
  - {{name: 市发展改革局, kind: department}}
  - {{name: 市财政局, kind: department}}
  - {{name: 市交通运输局, kind: department}}
  - {{name: 市生态环境局, kind: department}}
  - {{name: 端州区人民政府, aliases: [端州区政府], kind: government}}
  - {{name: 鼎湖区人民政府, kind: government}}
  - {{name: {SUPERVISOR}, kind: department}}
groups:
  - name: 各县（市、区）人民政府
    members: [端州区人民政府, 鼎湖区人民政府]
"""

# 2024 as the State Council published it (国办发明电〔2023〕7号); 2025 is left out, so its
# due days move only off Saturdays and Sundays and planctl says the year is missing.
CALENDAR_2024 = """\
format: planctl-calendar/1
years:
  - year: 2024
    source: 国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号）
    rest:
      - 2024-01-01
      - {from: 2024-02-10, to: 2024-02-17}
      - {from: 2024-04-04, to: 2024-04-06}
      - {from: 2024-05-01, to: 2024-05-05}
      - 2024-06-10
      - {from: 2024-09-15, to: 2024-09-17}
      - {from: 2024-10-01, to: 2024-10-07}
    work: [2024-02-04, 2024-02-18, 2024-04-07, 2024-04-28, 2024-05-11, 2024-09-14, 2024-09-29,
           2024-10-12]
"""

_CHINA = datetime.timezone(datetime.timedelta(hours=8))


def commit_on(repo: GitPlans, day: str, *files: tuple[str, str]) -> None:
    """Write `files` (path, text) and commit them at 09:00 China time on `day`."""
    for path, text in files:
        repo.write(path, text)
    moment = datetime.datetime.fromisoformat(day).replace(hour=9, tzinfo=_CHINA)
    stamp = f"@{int(moment.timestamp())} +0800"
    repo.git("add", "--all")
    repo.git(
        "commit",
        "--quiet",
        "-m",
        f"{day} 报送",
        env={"GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp},
    )


def report(plan: str, period: str, unit: str, as_of: str, *entries: str) -> tuple[str, str]:
    """A report file's path and text; each entry is one task's flow mapping."""
    lines = [
        "format: planctl-report/1",
        f"plan: {plan}",
        f"period: {period}",
        f"unit: {unit}",
        f"as_of: {as_of}",
        "tasks:",
        *(f"  - {entry}" for entry in entries),
    ]
    return f"reports/{plan}/{period}/{unit}.yaml", "\n".join(lines) + "\n"


def review(plan: str, period: str, date: str, *decisions: str) -> tuple[str, str]:
    lines = [
        "format: planctl-review/1",
        f"plan: {plan}",
        f"period: {period}",
        f"reviewer: {SUPERVISOR}",
        f"date: {date}",
        "decisions:",
        *(f"  - {decision}" for decision in decisions),
    ]
    return f"reviews/{plan}/{period}.yaml", "\n".join(lines) + "\n"


def status(cli: CLI, root: Path, as_of: str, *options: str) -> Any:
    """`planctl status --format json` as of the date, parsed."""
    result = cli("status", "--as-of", as_of, "--format", "json", *options, cwd=root)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def stats(cli: CLI, root: Path, as_of: str, *options: str) -> Any:
    """`planctl stats --format json` as of the date, parsed."""
    result = cli("stats", "--as-of", as_of, "--format", "json", *options, cwd=root)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def lights_of(data: Any) -> dict[str, tuple[str, list[str]]]:
    return {task["task"]: (task["light"], task["reasons"]) for task in data["tasks"]}


def reports_of(data: Any) -> dict[tuple[str, str], str]:
    return {(state["period"], state["unit"]): state["status"] for state in data["reports"]}


def ratio(numerator: int, denominator: int) -> dict[str, object]:
    share = None if denominator == 0 else round(numerator * 100 / denominator, 1)
    return {"numerator": numerator, "denominator": denominator, "share": share}


def figures(
    lights: tuple[int, int, int, int, int],
    completion: tuple[int, int],
    on_time: tuple[int, int],
    overdue: int,
    on_schedule: tuple[int, int],
    reporting: tuple[int, int],
) -> dict[str, object]:
    """The summary as planctl-status/1 and planctl-stats/1 print it; lights are
    (red, yellow, green, done, grey)."""
    return {
        "tasks": sum(lights),
        "lights": dict(zip(("red", "yellow", "green", "done", "grey"), lights, strict=True)),
        "completion": ratio(*completion),
        "on_time_completion": ratio(*on_time),
        "overdue": overdue,
        "on_schedule": ratio(*on_schedule),
        "reporting": ratio(*reporting),
    }


# --- a quarterly plan: 2024, reports due by the 10th of the month after each quarter -----

QUARTERLY = "qa-quarterly-2024"
QUARTERLY_PLAN = f"""\
format: planctl/1
id: {QUARTERLY}
title: 示例市2024年重点工作计划
kind: 工作计划
stage: issued
issuer: 示例市人民政府
period: {{start: 2024-01-01, end: 2024-12-31}}
reporting: {{cycle: quarter, due_day: 10, supervisor: {SUPERVISOR}}}
sections:
  - id: projects
    title: 推进重点项目建设
    tasks:
      - id: q2-task
        title: 完成产业园区规划修编
        lead: [市发展改革局]
        support: [市财政局]
        due: 2024-Q2
      - id: june-task
        title: 建成城区公交枢纽
        lead: [市交通运输局]
        due: 2024-06-15
        milestones:
          - {{id: m1, due: 2024-03, text: 完成立项}}
      - id: h2-task
        title: 开展流域综合治理
        lead: [市生态环境局]
        start: 2024-07
        due: 2024-H2
      - id: year-task
        title: 推进农村人居环境整治
        lead: [各县（市、区）人民政府]
        due: 2024
  - id: routine
    title: 抓好常态工作
    tasks:
      - id: ongoing-task
        title: 加强财政资金监管
        lead: [市财政局]
        due: ongoing
      - id: cancelled-task
        title: 建设旧城停车楼
        lead: [市交通运输局]
        due: 2024-Q3
        status: cancelled
"""


def _q(period: str, unit: str, as_of: str, *entries: str) -> tuple[str, str]:
    return report(QUARTERLY, period, unit, as_of, *entries)


@pytest.fixture
def quarterly(git_repo: GitPlans) -> Path:
    """Who sent what, and when (each report's commit day):

    - 2024-Q1 (due Wednesday 10 April): 市发展改革局 on 8 April (q2-task 50 %; 市财政局's
      q2-task, which it only supports, 5 %), 市交通运输局 on 9 April (june-task 30 %, m1
      not done), 端州区 and 鼎湖区 on the due day (year-task 20 %, not started), 市财政局 on
      12 April (late);
    - 2024-Q2 (due 10 July): 市交通运输局 on 3 July (june-task delayed 50 %, m1 done on
      20 April, asks to extend to 2024-09), 市发展改革局 on 5 July (q2-task done, asks to
      close), 端州区 on 8 July (45 %), 鼎湖区 on 9 July (50 %); 市财政局 none;
      the Q2 review of 12 July closes q2-task and extends june-task to 2024-09;
    - 2024-Q3 (due 10 October): 市生态环境局 on 8 October (h2-task not started),
      市交通运输局 on 9 October (90 %), 端州区 (75 %) and 鼎湖区 (60 %) on 10 October;
      市财政局 none;
    - 2024-Q4 (due 10 January 2025, a Friday; 2025 is not in the calendar): only
      市生态环境局, on 13 January (late, 60 %).
    """
    repo = git_repo
    commit_on(
        repo,
        "2024-01-02",
        (f"plans/{QUARTERLY}.yaml", QUARTERLY_PLAN),
        ("plans/units.yaml", UNITS),
        ("plans/calendar.yaml", CALENDAR_2024),
    )
    day = "2024-03-31"
    commit_on(
        repo,
        "2024-04-08",
        _q(
            "2024-Q1",
            "市发展改革局",
            day,
            "{task: q2-task, status: in_progress, percent: 50, progress: 完成现状调研}",
        ),
    )
    commit_on(
        repo,
        "2024-04-09",
        _q(
            "2024-Q1",
            "市交通运输局",
            day,
            "{task: june-task, status: in_progress, percent: 30, progress: 完成方案设计}",
        ),
    )
    commit_on(
        repo,
        "2024-04-10",
        _q(
            "2024-Q1",
            "端州区人民政府",
            day,
            "{task: year-task, status: in_progress, percent: 20, progress: 完成摸底}",
        ),
        _q(
            "2024-Q1",
            "鼎湖区人民政府",
            day,
            "{task: year-task, status: not_started, progress: 正在筹备}",
        ),
    )
    commit_on(
        repo,
        "2024-04-12",
        _q(
            "2024-Q1",
            "市财政局",
            day,
            "{task: q2-task, status: in_progress, percent: 5, progress: 安排修编经费}",
            "{task: ongoing-task, status: in_progress, progress: 开展专项检查}",
        ),
    )
    day = "2024-06-30"
    commit_on(
        repo,
        "2024-07-03",
        _q(
            "2024-Q2",
            "市交通运输局",
            day,
            "{task: june-task, status: delayed, percent: 50, progress: 主体结构施工, "
            "milestones: [{id: m1, done: 2024-04-20}], request: extend, "
            "extend_to: 2024-09, reason: 征地未完成}",
        ),
    )
    commit_on(
        repo,
        "2024-07-05",
        _q(
            "2024-Q2",
            "市发展改革局",
            day,
            "{task: q2-task, status: done, percent: 100, progress: 规划已批复, request: close}",
        ),
    )
    commit_on(
        repo,
        "2024-07-08",
        _q(
            "2024-Q2",
            "端州区人民政府",
            day,
            "{task: year-task, status: in_progress, percent: 45, progress: 完成一半村庄}",
        ),
    )
    commit_on(
        repo,
        "2024-07-09",
        _q(
            "2024-Q2",
            "鼎湖区人民政府",
            day,
            "{task: year-task, status: in_progress, percent: 50, progress: 全面铺开}",
        ),
    )
    commit_on(
        repo,
        "2024-07-12",
        review(
            QUARTERLY,
            "2024-Q2",
            "2024-07-12",
            "{task: q2-task, close: 2024-07-12}",
            "{task: june-task, extend_to: 2024-09, note: 经分管领导同意}",
        ),
    )
    day = "2024-09-30"
    commit_on(
        repo,
        "2024-10-08",
        _q(
            "2024-Q3",
            "市生态环境局",
            day,
            "{task: h2-task, status: not_started, progress: 正在招标}",
        ),
    )
    commit_on(
        repo,
        "2024-10-09",
        _q(
            "2024-Q3",
            "市交通运输局",
            day,
            "{task: june-task, status: in_progress, percent: 90, progress: 装修收尾}",
        ),
    )
    commit_on(
        repo,
        "2024-10-10",
        _q(
            "2024-Q3",
            "端州区人民政府",
            day,
            "{task: year-task, status: in_progress, percent: 75, progress: 大部完成}",
        ),
        _q(
            "2024-Q3",
            "鼎湖区人民政府",
            day,
            "{task: year-task, status: in_progress, percent: 60, progress: 推进中}",
        ),
    )
    commit_on(
        repo,
        "2025-01-13",
        _q(
            "2024-Q4",
            "市生态环境局",
            "2024-12-31",
            "{task: h2-task, status: in_progress, percent: 60, progress: 已开工}",
        ),
    )
    return repo.root


def test_the_quarterly_repository_is_valid(cli: CLI, quarterly: Path) -> None:
    result = cli("validate", cwd=quarterly)
    assert result.exit_code == 0, result.output


# Spans used below (2024 is a leap year): q2-task runs 1 January to 30 June, 181 days;
# june-task to 15 June, 166 days (to 30 September after its extension, 273 days);
# year-task to 31 December, 365 days; h2-task 1 July to 31 December, 183 days.
QUARTERLY_LIGHTS: dict[str, dict[str, tuple[str, list[str]]]] = {
    "2024-04-10": {
        # 100 of 181 days gone: 55.2 % expected, 50 % reported, 5.2 points behind.
        "q2-task": ("green", ["on track"]),
        # m1 (due March, last day 31 March) is not reported done: ten days past it.
        "june-task": ("red", ["milestone '完成立项': overdue by 10 days"]),
        # It starts in July: nothing is asked of it yet.
        "h2-task": ("green", ["on track"]),
        # 端州区 20 % against 27.4 % is fine; 鼎湖区 still not started one quarter after
        # the start (1 April).
        "year-task": ("yellow", ["鼎湖区人民政府: not started"]),
        # Q1 is due today: a report not in yet is not missing before the day is over.
        "ongoing-task": ("green", ["on track"]),
        "cancelled-task": ("grey", ["cancelled in the plan"]),
    },
    "2024-04-11": {
        # 101/181 = 55.8 % against 50 %.
        "q2-task": ("green", ["on track"]),
        "june-task": ("red", ["milestone '完成立项': overdue by 11 days"]),
        "h2-task": ("green", ["on track"]),
        "year-task": ("yellow", ["鼎湖区人民政府: not started"]),
        # Q1's due day is over and 市财政局's report only arrives on the 12th.
        "ongoing-task": ("yellow", ["the last due report is missing"]),
        "cancelled-task": ("grey", ["cancelled in the plan"]),
    },
    "2024-05-01": {
        # 121 of 181 days: 66.9 % expected against 50 %: 16.9 points behind.
        "q2-task": ("yellow", ["behind schedule by 17 percentage points"]),
        "june-task": ("red", ["milestone '完成立项': overdue by 31 days"]),
        "h2-task": ("green", ["on track"]),
        # 端州区: 121/365 = 33.2 % against 20 %.
        "year-task": (
            "yellow",
            [
                "端州区人民政府: behind schedule by 13 percentage points",
                "鼎湖区人民政府: not started",
            ],
        ),
        # Q1 arrived (late): nothing is missing now.
        "ongoing-task": ("green", ["on track"]),
        "cancelled-task": ("grey", ["cancelled in the plan"]),
    },
    "2024-06-22": {
        # Eight days left: outside the warn window, so rule 6: 173/181 = 95.6 % vs 50 %.
        "q2-task": ("red", ["behind schedule by 46 percentage points"]),
        # m1 is still the earliest open day (31 March): 83 days past it.
        "june-task": ("red", ["milestone '完成立项': overdue by 83 days"]),
        "h2-task": ("green", ["on track"]),
        "year-task": (
            "yellow",
            [
                "端州区人民政府: behind schedule by 27 percentage points",
                "鼎湖区人民政府: not started",
            ],
        ),
        "ongoing-task": ("green", ["on track"]),
        "cancelled-task": ("grey", ["cancelled in the plan"]),
    },
    "2024-06-23": {
        # Exactly warn_days (7) left: yellow, before rule 6 is looked at.
        "q2-task": ("yellow", ["deadline near, 7 days left"]),
        "june-task": ("red", ["milestone '完成立项': overdue by 84 days"]),
        "h2-task": ("green", ["on track"]),
        # 174/365 = 47.7 % against 20 %: 27.7 points.
        "year-task": (
            "yellow",
            [
                "端州区人民政府: behind schedule by 28 percentage points",
                "鼎湖区人民政府: not started",
            ],
        ),
        "ongoing-task": ("green", ["on track"]),
        "cancelled-task": ("grey", ["cancelled in the plan"]),
    },
    "2024-07-11": {
        # Reported done and asked to close, but the close (12 July) is not yet approved.
        "q2-task": ("red", ["overdue by 11 days"]),
        # m1 now reported done; the extension is approved tomorrow, so 15 June stands.
        "june-task": ("red", ["overdue by 26 days"]),
        "h2-task": ("green", ["on track"]),
        # 192/365 = 52.6 %: 端州区 45 % (7.6 behind), 鼎湖区 50 % (2.6 behind).
        "year-task": ("green", ["on track"]),
        # Q2 was due yesterday and 市财政局 sent nothing.
        "ongoing-task": ("yellow", ["the last due report is missing"]),
        "cancelled-task": ("grey", ["cancelled in the plan"]),
    },
    "2024-07-12": {
        # Closed today, twelve days after 30 June: done, first match, not red.
        "q2-task": ("done", ["closed 12 days after the deadline"]),
        # Extended to September (30 September): 193/273 = 70.7 % expected against 50 %.
        "june-task": ("yellow", ["behind schedule by 21 percentage points"]),
        "h2-task": ("green", ["on track"]),
        "year-task": ("green", ["on track"]),
        "ongoing-task": ("yellow", ["the last due report is missing"]),
        "cancelled-task": ("grey", ["cancelled in the plan"]),
    },
    "2024-10-11": {
        "q2-task": ("done", ["closed 12 days after the deadline"]),
        # The extended deadline, 30 September, is eleven days gone.
        "june-task": ("red", ["overdue by 11 days"]),
        # Reported not started on 8 October, one quarter after its start (1 October).
        "h2-task": ("yellow", ["not started"]),
        # 284/365 = 77.8 %: 端州区 75 % (2.8), 鼎湖区 60 % (17.8 behind).
        "year-task": ("yellow", ["鼎湖区人民政府: behind schedule by 18 percentage points"]),
        # Q2 and Q3 both missing.
        "ongoing-task": ("red", ["2 reports missing in a row"]),
        "cancelled-task": ("grey", ["cancelled in the plan"]),
    },
    "2025-01-15": {
        "q2-task": ("done", ["closed 12 days after the deadline"]),
        # 30 September to 15 January: 92 + 15 days.
        "june-task": ("red", ["overdue by 107 days"]),
        "h2-task": ("red", ["overdue by 15 days"]),
        "year-task": ("red", ["overdue by 15 days"]),
        # Q2, Q3 and Q4 missing (no period after the plan's end is due).
        "ongoing-task": ("red", ["3 reports missing in a row"]),
        "cancelled-task": ("grey", ["cancelled in the plan"]),
    },
}


@pytest.mark.parametrize("as_of", sorted(QUARTERLY_LIGHTS))
def test_quarterly_lights(cli: CLI, quarterly: Path, as_of: str) -> None:
    assert lights_of(status(cli, quarterly, as_of)) == QUARTERLY_LIGHTS[as_of]


ON, LATE, MISSING = "on_time", "late", "missing"
# Q1 is due from 10 April: 市生态环境局 is not (its task starts in July). Q3 no longer asks
# 市发展改革局 (its only task was closed on 12 July). The due day is the deadline itself.
Q1 = {
    ("2024-Q1", "市发展改革局"): ON,
    ("2024-Q1", "市财政局"): LATE,
    ("2024-Q1", "市交通运输局"): ON,
    ("2024-Q1", "端州区人民政府"): ON,
    ("2024-Q1", "鼎湖区人民政府"): ON,
}
Q2 = {
    ("2024-Q2", "市发展改革局"): ON,
    ("2024-Q2", "市财政局"): MISSING,
    ("2024-Q2", "市交通运输局"): ON,
    ("2024-Q2", "端州区人民政府"): ON,
    ("2024-Q2", "鼎湖区人民政府"): ON,
}
Q3 = {
    ("2024-Q3", "市财政局"): MISSING,
    ("2024-Q3", "市交通运输局"): ON,
    ("2024-Q3", "市生态环境局"): ON,
    ("2024-Q3", "端州区人民政府"): ON,
    ("2024-Q3", "鼎湖区人民政府"): ON,
}
Q4 = {
    ("2024-Q4", "市财政局"): MISSING,
    ("2024-Q4", "市交通运输局"): MISSING,
    ("2024-Q4", "市生态环境局"): LATE,
    ("2024-Q4", "端州区人民政府"): MISSING,
    ("2024-Q4", "鼎湖区人民政府"): MISSING,
}
QUARTERLY_REPORTS = {
    # On the due day Q1 is not counted yet; the day after, 市财政局's is missing.
    "2024-04-10": {},
    "2024-04-11": {**Q1, ("2024-Q1", "市财政局"): MISSING},
    "2024-05-01": Q1,
    "2024-07-11": {**Q1, **Q2},
    "2024-10-11": {**Q1, **Q2, **Q3},
    "2025-01-15": {**Q1, **Q2, **Q3, **Q4},
}


@pytest.mark.parametrize("as_of", sorted(QUARTERLY_REPORTS))
def test_quarterly_report_statuses(cli: CLI, quarterly: Path, as_of: str) -> None:
    assert reports_of(status(cli, quarterly, as_of)) == QUARTERLY_REPORTS[as_of]


QUARTERLY_FIGURES = {
    # Five tasks count (cancelled-task is grey). No deadline has passed; 序时: q2-task
    # (5.2 behind) and year-task (its lowest lead, 20 % vs 27.4 %) are on schedule,
    # june-task (30 % vs 60.2 %) is not; h2-task has no percent, ongoing-task no deadline.
    # No report is counted on Q1's due day.
    "2024-04-10": figures((1, 1, 3, 0, 1), (0, 5), (0, 0), 0, (2, 3), (0, 0)),
    # The day after: 4 of Q1's 5 reports in on time.
    "2024-04-11": figures((1, 2, 2, 0, 1), (0, 5), (0, 0), 0, (2, 3), (4, 5)),
    # q2-task 16.9, june-task 42.9, year-task 13.2 behind: none on schedule.
    "2024-05-01": figures((1, 2, 2, 0, 1), (0, 5), (0, 0), 0, (0, 3), (4, 5)),
    # june-task's 15 June has passed: overdue, and counted in 按时完成率 (0 of 1).
    "2024-06-22": figures((2, 1, 2, 0, 1), (0, 5), (0, 1), 1, (0, 3), (4, 5)),
    "2024-06-23": figures((1, 2, 2, 0, 1), (0, 5), (0, 1), 1, (0, 3), (4, 5)),
    # q2-task (100 % reported, 100 % expected) and year-task (45 % vs 52.6 %) on schedule,
    # june-task (50 % vs 100 %) not; two deadlines passed, neither closed.
    "2024-07-11": figures((2, 1, 2, 0, 1), (0, 5), (0, 2), 2, (2, 3), (8, 10)),
    # q2-task closed late; june-task's deadline is now September; 序时: june-task 20.7
    # behind, year-task 7.9 behind.
    "2024-07-12": figures((0, 2, 2, 1, 1), (1, 5), (0, 1), 0, (1, 2), (8, 10)),
    # june-task 90 % against 100 %: exactly yellow_gap behind counts as on schedule;
    # year-task is measured by 鼎湖区 (60 % vs 77.8 %), its worst lead: not.
    "2024-10-11": figures((2, 2, 0, 1, 1), (1, 5), (0, 2), 1, (1, 2), (12, 15)),
    # Every deadline has passed; only june-task (90 %) is within 10 points of 100 %.
    "2025-01-15": figures((4, 0, 0, 1, 1), (1, 5), (0, 4), 3, (1, 3), (12, 20)),
}


@pytest.mark.parametrize("as_of", sorted(QUARTERLY_FIGURES))
def test_quarterly_figures(cli: CLI, quarterly: Path, as_of: str) -> None:
    expected = QUARTERLY_FIGURES[as_of]
    assert status(cli, quarterly, as_of)["summary"] == expected
    assert stats(cli, quarterly, as_of)["total"] == expected


def test_figures_at_an_earlier_revision(cli: CLI, quarterly: Path, git_env: dict[str, str]) -> None:
    # The repository as it stood after 3 July: Q2 holds only 市交通运输局's report.
    found = subprocess.run(
        ["git", "log", "--format=%H", "--grep=2024-07-03"],
        cwd=quarterly,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, **git_env},
    )
    revision = found.stdout.strip()
    data = stats(cli, quarterly, "2024-07-11", "--at", revision)
    # q2-task and june-task are past their deadlines; year-task's 端州区 is at 20 %
    # against 52.6 % (red); ongoing-task misses Q2. Reports: Q1 4 of 5, Q2 1 of 5.
    assert data["total"] == figures((3, 1, 1, 0, 1), (0, 5), (0, 2), 2, (0, 3), (5, 10))


def test_a_year_missing_from_the_calendar_is_named(cli: CLI, quarterly: Path) -> None:
    # Q4's reports are due in January 2025, which the calendar does not hold.
    assert status(cli, quarterly, "2024-10-11")["notes"] == []
    notes = status(cli, quarterly, "2025-01-15")["notes"]
    assert isinstance(notes, list) and any("2025" in note for note in notes)
    data = status(cli, quarterly, "2025-01-15")
    q4 = [state for state in data["reports"] if state["period"] == "2024-Q4"]
    assert {state["due"] for state in q4} == {"2025-01-10"}  # a Friday: it does not move


# --- a half-year plan: reports due by the 1st of the month after each half ---------------

HALF = "qa-half-2024"
HALF_PLAN = f"""\
format: planctl/1
id: {HALF}
title: 示例市2024年生态环境保护工作计划
kind: 工作计划
stage: issued
issuer: 示例市人民政府
period: {{start: 2024-01-01, end: 2024-12-31}}
reporting: {{cycle: half, due_day: 1, supervisor: {SUPERVISOR}}}
tasks:
  - id: b-override
    title: 完成污水处理厂提标改造
    lead: [市发展改革局]
    due: 2024-06
  - id: b-nodue
    title: 推进农村生活污水治理
    lead: [各县（市、区）人民政府]
  - id: b-suspended
    title: 建设城区环线
    lead: [市交通运输局]
    due: 2024
  - id: b-expect
    title: 完成重点河段清淤
    lead: [市生态环境局]
    start: 2024-04
    due: 2024-09-30
"""

# The group names 端州区 by its alias, as many registries do.
UNITS_WITH_ALIAS_MEMBER = UNITS.replace(
    "members: [端州区人民政府, 鼎湖区人民政府]", "members: [端州区政府, 鼎湖区人民政府]"
)

# 2025 as published (国办发明电〔2024〕12号): 1 January is 元旦, so H2 2024's reports are
# due on Thursday 2 January.
CALENDAR_2024_2025 = (
    CALENDAR_2024
    + """\
  - year: 2025
    source: 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）
    rest:
      - 2025-01-01
      - {from: 2025-01-28, to: 2025-02-04}
      - {from: 2025-04-04, to: 2025-04-06}
      - {from: 2025-05-01, to: 2025-05-05}
      - {from: 2025-05-31, to: 2025-06-02}
      - {from: 2025-10-01, to: 2025-10-08}
    work: [2025-01-26, 2025-02-08, 2025-04-27, 2025-09-28, 2025-10-11]
"""
)


def _h(period: str, unit: str, as_of: str, *entries: str) -> tuple[str, str]:
    return report(HALF, period, unit, as_of, *entries)


@pytest.fixture
def half(git_repo: GitPlans) -> Path:
    """- H1 (due Monday 1 July): 市交通运输局 on 28 June (30 %), 市发展改革局, 端州区 and
      市生态环境局 on 1 July (80 %, 50 %, 35 %), 鼎湖区 on 2 July (late, 40 %);
      the H1 review of 5 July sets b-override yellow, returns 鼎湖区's report and suspends
      b-suspended;
    - H2 (due 2 January 2025, 1 January being a holiday): 端州区 on 30 December (delayed
      80 %, asks to extend b-nodue to 2025-H1), 市发展改革局 on 2 January (95 %),
      市生态环境局 on 3 January (late, 90 %); 鼎湖区 none; the H2 review of 6 January
      approves the extension past the plan's end;
    - 2025-H1 (due 1 July 2025): 端州区 on 20 June (95 %); 鼎湖区 none.
    """
    repo = git_repo
    commit_on(
        repo,
        "2024-01-02",
        (f"plans/{HALF}.yaml", HALF_PLAN),
        ("plans/units.yaml", UNITS_WITH_ALIAS_MEMBER),
        ("plans/calendar.yaml", CALENDAR_2024_2025),
    )
    progress = "status: in_progress, progress: 按计划推进"
    commit_on(
        repo,
        "2024-06-28",
        _h(
            "2024-H1",
            "市交通运输局",
            "2024-06-28",
            f"{{task: b-suspended, {progress}, percent: 30}}",
        ),
    )
    commit_on(
        repo,
        "2024-07-01",
        _h(
            "2024-H1",
            "市发展改革局",
            "2024-06-30",
            f"{{task: b-override, {progress}, percent: 80}}",
        ),
        _h(
            "2024-H1",
            "端州区人民政府",
            "2024-06-30",
            f"{{task: b-nodue, {progress}, percent: 50}}",
        ),
        _h(
            "2024-H1",
            "市生态环境局",
            "2024-06-30",
            f"{{task: b-expect, {progress}, percent: 35}}",
        ),
    )
    commit_on(
        repo,
        "2024-07-02",
        _h(
            "2024-H1",
            "鼎湖区人民政府",
            "2024-06-30",
            f"{{task: b-nodue, {progress}, percent: 40}}",
        ),
    )
    commit_on(
        repo,
        "2024-07-05",
        review(
            HALF,
            "2024-H1",
            "2024-07-05",
            "{task: b-override, light: yellow, note: 已基本完成，待验收}",
            "{task: b-nodue, unit: 端州区人民政府, verdict: accepted}",
            "{task: b-nodue, unit: 鼎湖区人民政府, verdict: returned, note: 数据与台账不符}",
            "{task: b-suspended, status: suspended, note: 市政府常务会议决定暂缓}",
        ),
    )
    commit_on(
        repo,
        "2024-12-30",
        _h(
            "2024-H2",
            "端州区人民政府",
            "2024-12-30",
            "{task: b-nodue, status: delayed, percent: 80, progress: 部分村庄未完工, "
            "request: extend, extend_to: 2025-H1, reason: 资金未到位}",
        ),
    )
    commit_on(
        repo,
        "2025-01-02",
        _h(
            "2024-H2",
            "市发展改革局",
            "2024-12-31",
            f"{{task: b-override, {progress}, percent: 95}}",
        ),
    )
    commit_on(
        repo,
        "2025-01-03",
        _h(
            "2024-H2",
            "市生态环境局",
            "2024-12-31",
            f"{{task: b-expect, {progress}, percent: 90}}",
        ),
    )
    commit_on(
        repo,
        "2025-01-06",
        review(
            HALF,
            "2024-H2",
            "2025-01-06",
            "{task: b-nodue, extend_to: 2025-H1, note: 经分管领导同意}",
        ),
    )
    commit_on(
        repo,
        "2025-06-20",
        _h(
            "2025-H1",
            "端州区人民政府",
            "2025-06-20",
            f"{{task: b-nodue, {progress}, percent: 95}}",
        ),
    )
    return repo.root


def test_the_half_year_repository_is_valid(cli: CLI, half: Path) -> None:
    # 端州区 reports b-nodue as a member of the group (named by its alias in units.yaml),
    # and its 2025-H1 report follows an extension past the plan's end.
    result = cli("validate", cwd=half)
    assert result.exit_code == 0, result.output


# b-override runs 1 January to 30 June 2024; b-nodue has no due: the plan's end, 31
# December (365 days from 1 January), later 30 June 2025 (546 days); b-expect 1 April to
# 30 September, 182 days.
HALF_LIGHTS: dict[str, dict[str, tuple[str, list[str]]]] = {
    "2024-07-04": {
        "b-override": ("red", ["overdue by 4 days"]),
        # 185/365 = 50.7 %: 端州区 50 % is fine, 鼎湖区 40 % is 10.7 behind (its report is
        # returned only tomorrow).
        "b-nodue": ("yellow", ["鼎湖区人民政府: behind schedule by 11 percentage points"]),
        "b-suspended": ("yellow", ["behind schedule by 21 percentage points"]),
        # 94/182 = 51.6 % against 35 %.
        "b-expect": ("yellow", ["behind schedule by 17 percentage points"]),
    },
    "2024-07-05": {
        # The review's light beats the deadline rule.
        "b-override": ("yellow", ["set to yellow by review: 已基本完成，待验收"]),
        # 鼎湖区's report is returned: no latest word from it; 端州区 50 % vs 51.0 %.
        "b-nodue": ("green", ["on track"]),
        "b-suspended": ("grey", ["suspended by review on 2024-07-05"]),
        "b-expect": ("yellow", ["behind schedule by 17 percentage points"]),
    },
    "2024-12-31": {
        # H1's review is still the latest: its light stands.
        "b-override": ("yellow", ["set to yellow by review: 已基本完成，待验收"]),
        # Its deadline is today: 0 days left.
        "b-nodue": ("yellow", ["deadline near, 0 days left"]),
        "b-suspended": ("grey", ["suspended by review on 2024-07-05"]),
        "b-expect": ("red", ["overdue by 92 days"]),
    },
    "2025-01-06": {
        # H2's review sets no light: the rules again, 190 days past 30 June.
        "b-override": ("red", ["overdue by 190 days"]),
        # Extended to 30 June 2025: 371/546 = 67.9 % against 80 %, but reported delayed.
        "b-nodue": ("yellow", ["端州区人民政府: reported as delayed"]),
        "b-suspended": ("grey", ["suspended by review on 2024-07-05"]),
        "b-expect": ("red", ["overdue by 98 days"]),
    },
    "2025-07-02": {
        "b-override": ("red", ["overdue by 367 days"]),
        "b-nodue": ("red", ["overdue by 2 days"]),
        "b-suspended": ("grey", ["suspended by review on 2024-07-05"]),
        "b-expect": ("red", ["overdue by 275 days"]),
    },
}


@pytest.mark.parametrize("as_of", sorted(HALF_LIGHTS))
def test_half_year_lights(cli: CLI, half: Path, as_of: str) -> None:
    assert lights_of(status(cli, half, as_of)) == HALF_LIGHTS[as_of]


H1 = {
    ("2024-H1", "市发展改革局"): ON,
    ("2024-H1", "端州区人民政府"): ON,
    ("2024-H1", "鼎湖区人民政府"): LATE,
    ("2024-H1", "市交通运输局"): ON,
    ("2024-H1", "市生态环境局"): ON,
}
# 市交通运输局's task was suspended on 5 July: H2 is not asked of it. 市发展改革局's
# report of 2 January is on time: the due day, 1 January, is a holiday.
H2 = {
    ("2024-H2", "市发展改革局"): ON,
    ("2024-H2", "端州区人民政府"): ON,
    ("2024-H2", "鼎湖区人民政府"): MISSING,
    ("2024-H2", "市生态环境局"): LATE,
}
# After the plan's end only b-nodue, extended into 2025-H1, still asks for reports.
H2025 = {("2025-H1", "端州区人民政府"): ON, ("2025-H1", "鼎湖区人民政府"): MISSING}
HALF_REPORTS = {
    "2024-07-04": H1,
    "2025-01-06": {**H1, **H2},
    "2025-07-02": {**H1, **H2, **H2025},
}


@pytest.mark.parametrize("as_of", sorted(HALF_REPORTS))
def test_half_year_report_statuses(cli: CLI, half: Path, as_of: str) -> None:
    data = status(cli, half, as_of)
    assert reports_of(data) == HALF_REPORTS[as_of]
    due = {(state["period"], state["due"]) for state in data["reports"]}
    assert ("2024-H2", "2025-01-02") in due or as_of < "2025"


HALF_FIGURES = {
    # 序时: b-override 80 % vs 100 %, b-nodue 40 % (鼎湖区) vs 50.7 %, b-suspended 30 %
    # vs 50.7 %, b-expect 35 % vs 51.6 %: none within 10 points.
    "2024-07-04": figures((1, 3, 0, 0, 0), (0, 4), (0, 1), 1, (0, 4), (4, 5)),
    # b-suspended is grey and out of every rate; b-nodue is measured by 端州区 alone.
    "2024-07-05": figures((0, 2, 1, 0, 1), (0, 3), (0, 1), 1, (1, 3), (4, 5)),
    # b-override 95 %, b-nodue 80 % (ahead), b-expect 90 % (exactly 10 behind): all on
    # schedule. Reports: H1 4 of 5, H2 2 of 4.
    "2025-01-06": figures((2, 1, 0, 0, 1), (0, 3), (0, 2), 2, (3, 3), (6, 9)),
    "2025-07-02": figures((3, 0, 0, 0, 1), (0, 3), (0, 3), 3, (3, 3), (7, 11)),
}


@pytest.mark.parametrize("as_of", sorted(HALF_FIGURES))
def test_half_year_figures(cli: CLI, half: Path, as_of: str) -> None:
    expected = HALF_FIGURES[as_of]
    assert status(cli, half, as_of)["summary"] == expected
    assert stats(cli, half, as_of)["total"] == expected


@pytest.mark.parametrize(
    ("as_of", "share"),
    [
        ("2024-03-15", 0.0),  # before its start
        ("2024-04-01", 0.0),  # its first day
        ("2024-07-01", 50.0),  # 91 of 182 days
        ("2024-09-30", 100.0),  # its last day
        ("2024-10-05", 100.0),  # after it
    ],
)
def test_the_expected_share_from_start_to_deadline(
    cli: CLI, half: Path, as_of: str, share: float
) -> None:
    tasks = status(cli, half, as_of)["tasks"]
    b_expect = next(task for task in tasks if task["task"] == "b-expect")
    assert b_expect["expected"] == share


def test_thresholds_from_planctl_toml(cli: CLI, half: Path) -> None:
    (half / "planctl.toml").write_text(
        "[tracking]\nwarn_days = 10\nyellow_gap = 20\nred_gap = 40\n", encoding="utf-8"
    )
    lights = lights_of(status(cli, half, "2024-07-04"))
    # 10.7 and 16.6 points behind are now within yellow_gap; 20.7 is not.
    assert lights["b-nodue"] == ("green", ["on track"])
    assert lights["b-expect"] == ("green", ["on track"])
    assert lights["b-suspended"] == ("yellow", ["behind schedule by 21 percentage points"])
    assert stats(cli, half, "2024-07-04")["total"]["on_schedule"] == ratio(3, 4)
    # Nine days before 30 September is inside a ten-day warning (the default, seven days,
    # would leave it to rule 6: 95.1 % expected against 35 %, red).
    assert lights_of(status(cli, half, "2024-09-21"))["b-expect"] == (
        "yellow",
        ["deadline near, 9 days left"],
    )
    (half / "planctl.toml").unlink()
    assert lights_of(status(cli, half, "2024-09-21"))["b-expect"] == (
        "red",
        ["behind schedule by 60 percentage points"],
    )


def test_status_for_a_group_selects_its_members(cli: CLI, half: Path) -> None:
    data = status(cli, half, "2025-01-06", "--unit", "各县（市、区）人民政府")
    assert [task["task"] for task in data["tasks"]] == ["b-nodue"]
    assert reports_of(data) == {
        ("2024-H1", "端州区人民政府"): ON,
        ("2024-H1", "鼎湖区人民政府"): LATE,
        ("2024-H2", "端州区人民政府"): ON,
        ("2024-H2", "鼎湖区人民政府"): MISSING,
    }
    # An alias names its unit.
    data = status(cli, half, "2025-01-06", "--unit", "端州区政府")
    assert [task["task"] for task in data["tasks"]] == ["b-nodue"]
    assert set(reports_of(data)) == {("2024-H1", "端州区人民政府"), ("2024-H2", "端州区人民政府")}


# --- a yearly plan: one report, due on 1 January, a public holiday -----------------------

YEARLY = "qa-yearly-2023"
YEARLY_PLAN = f"""\
format: planctl/1
id: {YEARLY}
title: 示例市2023年营商环境工作要点
kind: 工作要点
stage: issued
issuer: 示例市人民政府
period: {{start: 2023-01-01, end: 2023-12-31}}
reporting: {{cycle: year, due_day: 1, supervisor: {SUPERVISOR}}}
tasks:
  - id: c-early
    title: 上线企业开办一网通办
    lead: [市发展改革局]
    due: 2023-H1
  - id: c-late
    title: 优化工程建设项目审批
    lead: [市交通运输局]
    due: 2023
  - id: c-ongoing
    title: 持续清理拖欠企业账款
    lead: [市财政局]
    due: ongoing
"""


@pytest.fixture
def yearly(git_repo: GitPlans) -> Path:
    """The 2023 reports are due on 1 January 2024, 元旦 (a Monday), so on Tuesday 2
    January: 市财政局 reports that day (on time), 市交通运输局 on 3 January (late).
    c-early is closed by the office on 20 June 2023, ten days before its deadline, on a
    note (no report asked for it)."""
    repo = git_repo
    commit_on(
        repo,
        "2023-01-03",
        (f"plans/{YEARLY}.yaml", YEARLY_PLAN),
        ("plans/units.yaml", UNITS),
        ("plans/calendar.yaml", CALENDAR_2024),
    )
    commit_on(
        repo,
        "2023-06-20",
        review(
            YEARLY,
            "2023",
            "2023-06-20",
            "{task: c-early, close: 2023-06-20, note: 已上线运行，经现场核查}",
        ),
    )
    entry = "status: in_progress, percent: 95, progress: 基本完成"
    commit_on(
        repo,
        "2024-01-02",
        report(
            YEARLY,
            "2023",
            "市财政局",
            "2023-12-31",
            "{task: c-ongoing, status: in_progress, progress: 清理完毕}",
        ),
    )
    commit_on(
        repo,
        "2024-01-03",
        report(YEARLY, "2023", "市交通运输局", "2023-12-31", f"{{task: c-late, {entry}}}"),
    )
    return repo.root


def test_the_yearly_repository_is_valid(cli: CLI, yearly: Path) -> None:
    result = cli("validate", cwd=yearly)
    assert result.exit_code == 0, result.output


def test_yearly_lights_reports_and_figures(cli: CLI, yearly: Path) -> None:
    # Closed early: done, and not yet in 按时完成率 (its deadline has not passed).
    data = status(cli, yearly, "2023-06-25")
    assert lights_of(data)["c-early"] == ("done", ["closed on time"])
    assert data["summary"]["completion"] == ratio(1, 3)
    assert data["summary"]["on_time_completion"] == ratio(0, 0)
    # After 30 June it counts in both.
    assert status(cli, yearly, "2023-07-01")["summary"]["on_time_completion"] == ratio(1, 1)

    # 1 January: nothing is due yet (the due day moved to the 2nd).
    data = status(cli, yearly, "2024-01-01")
    assert data["reports"] == []
    assert lights_of(data)["c-ongoing"] == ("green", ["on track"])
    assert lights_of(data)["c-late"] == ("red", ["overdue by 1 day"])

    # 2 January, the due day: nothing is counted before the day is over.
    data = status(cli, yearly, "2024-01-02")
    assert data["reports"] == []
    assert lights_of(data)["c-ongoing"] == ("green", ["on track"])
    # 3 January: 市财政局's report of the 2nd is on time (without the holiday it would be
    # a day late), 市交通运输局's of the 3rd is late; 市发展改革局's only task was closed
    # in June, so it owes nothing.
    data = status(cli, yearly, "2024-01-03")
    assert reports_of(data) == {("2023", "市交通运输局"): LATE, ("2023", "市财政局"): ON}
    assert {state["due"] for state in data["reports"]} == {"2024-01-02"}
    assert lights_of(data)["c-ongoing"] == ("green", ["on track"])
    # c-late is red (three days past 2023), c-ongoing green, c-early done: 1 of 3 closed;
    # deadlines passed: c-early (closed on time) and c-late; 序时: c-late 95 % against
    # 100 %, within 10 points; reports: 1 of 2 on time.
    assert data["summary"] == figures((1, 0, 1, 1, 0), (1, 3), (1, 2), 1, (1, 1), (1, 2))


def test_validate_passes_on_the_demo_repository(cli: CLI, tracking_demo: Path) -> None:
    # The county governments report the tasks of 各县（市、区）人民政府, whose members the
    # demo registry names by their aliases.
    result = cli("validate", cwd=tracking_demo)
    assert result.exit_code == 0, result.output


def test_a_period_after_the_plan_is_refused_without_an_extension(
    cli: CLI, half: Path, git_env: dict[str, str]
) -> None:
    # 市发展改革局's b-override ended with the plan: a 2025-H1 report on it is refused.
    path, text = _h(
        "2025-H1",
        "市发展改革局",
        "2025-06-30",
        "{task: b-override, status: done, progress: 已完成}",
    )
    (half / path).parent.mkdir(parents=True, exist_ok=True)
    (half / path).write_text(text, encoding="utf-8")
    result = cli("validate", cwd=half)
    assert result.exit_code == 1
    assert "tracking-period" in result.stdout and "市发展改革局.yaml" in result.stdout


def test_an_extension_of_a_task_without_due_is_measured_from_the_plans_end(
    cli: CLI, half: Path
) -> None:
    # b-nodue is due by the plan's end (31 December 2024): extending it to September is
    # not later, as the lights would hold it to 31 December.
    path = half / f"reviews/{HALF}/2024-H1.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text + "  - {task: b-nodue, extend_to: 2024-09, note: 经分管领导同意}\n", encoding="utf-8"
    )
    result = cli("validate", cwd=half)
    assert result.exit_code == 1
    assert "review-extension-not-later" in result.stdout
    assert "2024-12-31" in result.stdout


def test_report_and_review_drafts_follow_the_extension(cli: CLI, half: Path) -> None:
    # 鼎湖区 owes 2025-H1 on b-nodue, extended past the plan's end: its draft holds that
    # task alone, and passes validate.
    result = cli("report", "new", "--unit", "鼎湖区人民政府", "--period", "2025-H1", cwd=half)
    assert result.exit_code == 0, result.output
    draft = (half / f"reports/{HALF}/2025-H1/鼎湖区人民政府.yaml").read_text(encoding="utf-8")
    assert "- task: b-nodue" in draft and "b-override" not in draft
    assert cli("validate", cwd=half).exit_code == 0
    # 市发展改革局's only task ended with the plan: nothing to report on.
    result = cli("report", "new", "--unit", "市发展改革局", "--period", "2025-H1", cwd=half)
    assert result.exit_code == 2
    (half / f"reports/{HALF}/2025-H1/鼎湖区人民政府.yaml").unlink()
    result = cli("review", "new", HALF, "--period", "2025-H1", cwd=half)
    assert result.exit_code == 0, result.output
    review_draft = (half / f"reviews/{HALF}/2025-H1.yaml").read_text(encoding="utf-8")
    assert "鼎湖区人民政府" in review_draft.split("decisions:")[0]  # listed as missing
    assert "市发展改革局" not in review_draft


def test_the_dashboard_shows_the_next_report_of_an_extended_task(half: Path) -> None:
    from planctl.config import TrackingSettings
    from planctl.dashboard.view import build_view
    from planctl.repository import Repository
    from planctl.tracking.lights import compute_status
    from planctl.tracking.load import load_tracking

    tracking = load_tracking(Repository(half))
    status = compute_status(tracking, datetime.date(2025, 3, 1), TrackingSettings())
    view = build_view(tracking.plans, status, workdays=tracking.workdays)
    owed = {unit.name: [(row.period, row.due) for row in unit.next_reports] for unit in view.units}
    # After the plan's end only b-nodue, extended to 2025-H1, still asks for reports.
    due = datetime.date(2025, 7, 1)
    assert owed["端州区人民政府"] == [("2025年上半年", due)]
    assert owed["鼎湖区人民政府"] == [("2025年上半年", due)]
    assert owed["市发展改革局"] == [] and owed["市生态环境局"] == []


# --- a monthly plan: the 2024 holidays move four due days --------------------------------

MONTHLY = "qa-monthly-2024"
MONTHLY_PLAN = f"""\
format: planctl/1
id: {MONTHLY}
title: 示例市2024年财政管理重点工作
kind: 工作计划
stage: issued
issuer: 示例市人民政府
period: {{start: 2024-01-01, end: 2024-12-31}}
reporting: {{cycle: month, due_day: 5, start: 2024-03, supervisor: {SUPERVISOR}}}
tasks:
  - id: m-start
    title: 开展预算绩效评价
    lead: [市财政局]
    start: 2024-03-15
    due: 2024-12
"""

# Each month's report is committed on its due day (次月5日前, moved off rest days):
# 5 April is 清明 (4–6 April), and Sunday 7 April is a 调休 workday; 5 May falls in the
# May Day holiday (1–5 May); 5 October in National Day (1–7 October).
MONTHLY_DUE = {
    "2024-03": "2024-04-07",
    "2024-04": "2024-05-06",
    "2024-05": "2024-06-05",
    "2024-06": "2024-07-05",
    "2024-07": "2024-08-05",
    "2024-08": "2024-09-05",
    "2024-09": "2024-10-08",
    "2024-10": "2024-11-05",
}


@pytest.fixture
def monthly(git_repo: GitPlans) -> Path:
    """市财政局 reports March on 2 April (not started), April to September on their due
    days, October on 6 November (one day late)."""
    repo = git_repo
    commit_on(
        repo,
        "2024-01-02",
        (f"plans/{MONTHLY}.yaml", MONTHLY_PLAN),
        ("plans/units.yaml", UNITS),
        ("plans/calendar.yaml", CALENDAR_2024),
    )
    for number, (period, due) in enumerate(MONTHLY_DUE.items()):
        end = period_end(period)
        if period == "2024-03":
            entry, day = (
                "{task: m-start, status: not_started, progress: 制定评价方案}",
                "2024-04-02",
            )
        else:
            said = f"percent: {number * 12}, progress: 第{number}批评价"
            entry = f"{{task: m-start, status: in_progress, {said}}}"
            day = "2024-11-06" if period == "2024-10" else due
        commit_on(repo, day, report(MONTHLY, period, "市财政局", end, entry))
    return repo.root


def period_end(period: str) -> str:
    from planctl.tracking.periods import parse_period

    return parse_period(period, "month").end.isoformat()


def test_monthly_due_days_move_off_holidays(cli: CLI, monthly: Path) -> None:
    assert cli("validate", cwd=monthly).exit_code == 0
    data = status(cli, monthly, "2024-11-06")
    assert {state["period"]: state["due"] for state in data["reports"]} == MONTHLY_DUE
    # Each report committed on its (moved) due day is on time; October's, a day late, is
    # late. January and February come before reporting starts.
    assert {state["period"]: state["status"] for state in data["reports"]} == {
        **dict.fromkeys(MONTHLY_DUE, ON),
        "2024-10": LATE,
    }


def test_not_started_counts_one_cycle_after_a_mid_month_start(cli: CLI, monthly: Path) -> None:
    # The task starts on 15 March: still not started on 2 April is fine, on 15 April
    # (one month after the start) it is not.
    assert lights_of(status(cli, monthly, "2024-04-14"))["m-start"] == ("green", ["on track"])
    assert lights_of(status(cli, monthly, "2024-04-15"))["m-start"] == ("yellow", ["not started"])


def test_units_ranked(cli: CLI, quarterly: Path) -> None:
    # 10 October 2024: 市发展改革局 closed its one task (完成率 100 %); the others closed
    # none, so 报送及时率 decides: 市财政局 last (0 of 3); among the four at 100 %, fewer
    # overdue first (市交通运输局's june-task is overdue), then by name.
    rows = stats(cli, quarterly, "2024-10-11", "--by", "unit")["rows"]
    assert [(row["rank"], row["name"]) for row in rows] == [
        (1, "市发展改革局"),
        (2, "市生态环境局"),
        (3, "端州区人民政府"),
        (4, "鼎湖区人民政府"),
        (5, "市交通运输局"),
        (6, "市财政局"),
    ]
    by_name = {row["name"]: row for row in rows}
    # A group's task counts for each member; 市财政局 is measured on the task it leads
    # (ongoing-task), and on the reports it owes as lead or support.
    assert by_name["端州区人民政府"]["lights"]["yellow"] == 1
    assert by_name["市财政局"]["tasks"] == 1
    assert by_name["市财政局"]["reporting"] == ratio(0, 3)
