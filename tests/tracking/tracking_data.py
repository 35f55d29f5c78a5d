"""A small tracking repository for the data tests: a plan with monthly reporting, its
units, and helpers writing reports, reviews and the calendar where they belong."""

from __future__ import annotations

from pathlib import Path

from planctl.tracking.load import Tracking

from ..conftest import DATA

PLAN_ID = "track-2023"

# Three tasks: one led by a department (supported by another), one led by a group, one
# ongoing; the first has a milestone `m1`.
PLAN = """\
format: planctl/1
id: track-2023
title: 示例市2023年重点工作计划
stage: issued
period: {start: 2023-01-01, end: 2023-12-31}
reporting: {cycle: month, due_day: 5, start: 2023-03, supervisor: 市政府督查室}
tasks:
  - id: t1
    title: 推进重点项目建设
    text: 完成重点项目年度投资计划。
    lead: [市发展改革局]
    support: [市财政局]
    due: 2023-06
    milestones:
      - {id: m1, due: 2023-04, text: 完成项目前期工作}
  - id: t2
    title: 推进各区园区建设
    text: 各区建成一个产业园区。
    lead: [各县（市、区）人民政府]
    due: 2023-12
  - id: t3
    title: 优化交通秩序
    text: 持续整治交通秩序。
    lead: [市交通运输局]
    due: ongoing
"""

REPORT = """\
format: planctl-report/1
plan: track-2023
period: 2023-06
unit: 市发展改革局
as_of: 2023-06-30
tasks:
  - task: t1
    status: in_progress
    percent: 80
    progress: 已完成投资12亿元，占年度计划的80%。
    milestones: [{id: m1, done: 2023-04-28}]
"""

REVIEW = """\
format: planctl-review/1
plan: track-2023
period: 2023-06
reviewer: 市政府督查室
date: 2023-07-08
decisions:
  - {task: t1, unit: 市发展改革局, verdict: accepted}
"""


def report_path(unit: str = "市发展改革局", period: str = "2023-06") -> str:
    return f"reports/{PLAN_ID}/{period}/{unit}.yaml"


def review_path(period: str = "2023-06") -> str:
    return f"reviews/{PLAN_ID}/{period}.yaml"


def write(root: Path, path: str, text: str) -> Path:
    target = root / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


def tracking_repository(root: Path, *, report: bool = True, review: bool = True) -> Path:
    """The plan and the test unit registry; with `report` and `review`, one of each."""
    write(root, "plans/units.yaml", (DATA / "units.yaml").read_text(encoding="utf-8"))
    write(root, f"plans/{PLAN_ID}.yaml", PLAN)
    if report:
        write(root, report_path(), REPORT)
    if review:
        write(root, review_path(), REVIEW)
    return root


def everything_read(tracking: Tracking) -> tuple[object, ...]:
    """What a read gives, to compare two reads by (records, refusals, places)."""
    return (
        tracking.plans,
        tracking.units,
        tracking.reports,
        tracking.reviews,
        tracking.workdays,
        tracking.findings,
        dict(tracking.places),
    )
