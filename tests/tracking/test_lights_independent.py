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
from collections.abc import Mapping
from pathlib import Path

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


def commit_on(repo: GitPlans, day: str, files: Mapping[str, str]) -> None:
    """Write `files` and commit them at 09:00 China time on `day` (YYYY-MM-DD)."""
    for path, text in files.items():
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


def status(cli: CLI, root: Path, as_of: str, *options: str) -> dict[str, object]:
    result = cli("status", "--as-of", as_of, "--format", "json", *options, cwd=root)
    assert result.exit_code == 0, result.output
    data: dict[str, object] = json.loads(result.stdout)
    return data


def stats(cli: CLI, root: Path, as_of: str, *options: str) -> dict[str, object]:
    result = cli("stats", "--as-of", as_of, "--format", "json", *options, cwd=root)
    assert result.exit_code == 0, result.output
    data: dict[str, object] = json.loads(result.stdout)
    return data


def lights_of(data: Mapping[str, object]) -> dict[str, tuple[str, list[str]]]:
    tasks = data["tasks"]
    assert isinstance(tasks, list)
    return {task["task"]: (task["light"], task["reasons"]) for task in tasks}


def reports_of(data: Mapping[str, object]) -> dict[tuple[str, str], str]:
    reports = data["reports"]
    assert isinstance(reports, list)
    return {(state["period"], state["unit"]): state["status"] for state in reports}


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
        {
            f"plans/{QUARTERLY}.yaml": QUARTERLY_PLAN,
            "plans/units.yaml": UNITS,
            "plans/calendar.yaml": CALENDAR_2024,
        },
    )
    day = "2024-03-31"
    commit_on(
        repo,
        "2024-04-08",
        dict(
            [
                _q(
                    "2024-Q1",
                    "市发展改革局",
                    day,
                    "{task: q2-task, status: in_progress, percent: 50, progress: 完成现状调研}",
                )
            ]
        ),
    )
    commit_on(
        repo,
        "2024-04-09",
        dict(
            [
                _q(
                    "2024-Q1",
                    "市交通运输局",
                    day,
                    "{task: june-task, status: in_progress, percent: 30, progress: 完成方案设计}",
                )
            ]
        ),
    )
    commit_on(
        repo,
        "2024-04-10",
        dict(
            [
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
            ]
        ),
    )
    commit_on(
        repo,
        "2024-04-12",
        dict(
            [
                _q(
                    "2024-Q1",
                    "市财政局",
                    day,
                    "{task: q2-task, status: in_progress, percent: 5, progress: 安排修编经费}",
                    "{task: ongoing-task, status: in_progress, progress: 开展专项检查}",
                )
            ]
        ),
    )
    day = "2024-06-30"
    commit_on(
        repo,
        "2024-07-03",
        dict(
            [
                _q(
                    "2024-Q2",
                    "市交通运输局",
                    day,
                    "{task: june-task, status: delayed, percent: 50, progress: 主体结构施工, "
                    "milestones: [{id: m1, done: 2024-04-20}], request: extend, "
                    "extend_to: 2024-09, reason: 征地未完成}",
                )
            ]
        ),
    )
    commit_on(
        repo,
        "2024-07-05",
        dict(
            [
                _q(
                    "2024-Q2",
                    "市发展改革局",
                    day,
                    "{task: q2-task, status: done, percent: 100, progress: 规划已批复, "
                    "request: close}",
                )
            ]
        ),
    )
    commit_on(
        repo,
        "2024-07-08",
        dict(
            [
                _q(
                    "2024-Q2",
                    "端州区人民政府",
                    day,
                    "{task: year-task, status: in_progress, percent: 45, progress: 完成一半村庄}",
                )
            ]
        ),
    )
    commit_on(
        repo,
        "2024-07-09",
        dict(
            [
                _q(
                    "2024-Q2",
                    "鼎湖区人民政府",
                    day,
                    "{task: year-task, status: in_progress, percent: 50, progress: 全面铺开}",
                )
            ]
        ),
    )
    commit_on(
        repo,
        "2024-07-12",
        dict(
            [
                review(
                    QUARTERLY,
                    "2024-Q2",
                    "2024-07-12",
                    "{task: q2-task, close: 2024-07-12}",
                    "{task: june-task, extend_to: 2024-09, note: 经分管领导同意}",
                )
            ]
        ),
    )
    day = "2024-09-30"
    commit_on(
        repo,
        "2024-10-08",
        dict(
            [
                _q(
                    "2024-Q3",
                    "市生态环境局",
                    day,
                    "{task: h2-task, status: not_started, progress: 正在招标}",
                )
            ]
        ),
    )
    commit_on(
        repo,
        "2024-10-09",
        dict(
            [
                _q(
                    "2024-Q3",
                    "市交通运输局",
                    day,
                    "{task: june-task, status: in_progress, percent: 90, progress: 装修收尾}",
                )
            ]
        ),
    )
    commit_on(
        repo,
        "2024-10-10",
        dict(
            [
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
            ]
        ),
    )
    commit_on(
        repo,
        "2025-01-13",
        dict(
            [
                _q(
                    "2024-Q4",
                    "市生态环境局",
                    "2024-12-31",
                    "{task: h2-task, status: in_progress, percent: 60, progress: 已开工}",
                )
            ]
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
        # Q1 was due today; 市财政局's report only arrives on the 12th.
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
    # 市财政局's Q1 report is not in yet on the due day.
    "2024-04-10": {**Q1, ("2024-Q1", "市财政局"): MISSING},
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
    "2024-04-10": figures((1, 2, 2, 0, 1), (0, 5), (0, 0), 0, (2, 3), (4, 5)),
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


def test_a_year_missing_from_the_calendar_is_named(cli: CLI, quarterly: Path) -> None:
    # Q4's reports are due in January 2025, which the calendar does not hold.
    assert status(cli, quarterly, "2024-10-11")["notes"] == []
    notes = status(cli, quarterly, "2025-01-15")["notes"]
    assert isinstance(notes, list) and any("2025" in note for note in notes)
    data = status(cli, quarterly, "2025-01-15")
    q4 = [state for state in data["reports"] if state["period"] == "2024-Q4"]  # type: ignore[union-attr]
    assert {state["due"] for state in q4} == {"2025-01-10"}  # a Friday: it does not move
