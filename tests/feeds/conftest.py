"""A plan repository with dated work for the calendar: deadlines, a milestone, a group of
units supporting a task, an ongoing task, and quarterly reports due on day 8."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..conftest import DATA

FEEDS_PLAN = """\
format: planctl/1
id: feeds-2023
title: 示例市2023年重点工作计划
kind: 工作计划
stage: issued
issuer: 示例市人民政府
period: {start: 2023-01-01, end: 2023-12-31}
reporting: {cycle: quarter, due_day: 8, supervisor: 示例市人民政府督查室}
sections:
  - id: economy
    title: 推动经济高质量发展
    tasks:
      - id: industry
        title: 壮大先进制造业
        text: 推进工业园区扩能增效，新增规模以上工业企业50家。
        lead: [市发展改革局]
        support: [市财政局]
        due: 2023-06
        due_text: 2023年6月底前
        milestones:
          - {id: policy, due: 2023-03, text: 出台扶持政策}
      - id: roads
        title: 完善交通路网
        text: 建成环城公路。
        lead: [市交通运输局]
        support: [各县（市、区）人民政府]
        due: 2023-Q3
  - id: green
    title: 建设美丽示例
    tasks:
      - id: ecology
        title: 持续改善生态环境
        text: 巩固蓝天碧水净土保卫战成果。
        lead: [市生态环境局]
        due: ongoing
"""

PLAN_FILE = "plans/feeds-2023.yaml"


@pytest.fixture
def feeds_repo(tmp_path: Path) -> Path:
    root = tmp_path / "office"
    (root / "plans").mkdir(parents=True)
    (root / "plans" / "units.yaml").write_bytes((DATA / "units.yaml").read_bytes())
    (root / PLAN_FILE).write_text(FEEDS_PLAN, encoding="utf-8")
    return root
