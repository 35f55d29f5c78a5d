"""Document order in the format: tasks at a plan's top level, and sections that stand
between tasks (`before`), read, checked, formatted, rendered and compared in the order
the document has them."""

from __future__ import annotations

import copy
from typing import Any

from planctl.diff import ChangeKind, diff_plans
from planctl.fmt import format_text
from planctl.model import Section, Task, plan_from_data
from planctl.render.context import plan_view
from planctl.render.plan_tables import responsibility_table
from planctl.validate.engine import check_document
from planctl.yamlio import load_text

# 一、 is a task, 二、 a section of tasks, 三、 a task again: a section between two tasks.
PLAN = """\
format: planctl/1
id: mixed
title: 某市2024年重点工作
stage: draft
sections:
  - id: "2"
    title: 优化营商环境
    before: "3"
    tasks:
      - id: "2.1"
        title: 深化“放管服”改革
        lead: [市政务服务数据管理局]

      - id: "2.2"
        title: 推进一网通办
        lead: [市政务服务数据管理局]
tasks:
  - id: "1"
    title: 稳定经济增长
    lead: [市发展改革局]

  - id: "3"
    title: 保障改善民生
    lead: [市民政局]
"""


def data() -> dict[str, Any]:
    return copy.deepcopy(load_text(PLAN, "mixed.yaml").data)


def ids(entries: tuple[Section | Task, ...]) -> list[str]:
    return [entry.id for entry in entries]


def test_a_section_stands_before_the_task_it_names_and_top_level_tasks_count() -> None:
    plan = plan_from_data(data())
    assert ids(plan.entries) == ["1", "2", "3"]
    assert [task.id for task in plan.tasks()] == ["1", "2.1", "2.2", "3"]
    assert [len(placed.sections) for placed in plan.placed_tasks()] == [0, 1, 1, 0]


def test_without_before_sections_follow_the_tasks_as_before() -> None:
    changed = data()
    del changed["sections"][0]["before"]
    assert ids(plan_from_data(changed).entries) == ["1", "3", "2"]


def test_such_a_plan_validates_and_a_before_naming_no_task_beside_it_is_an_error() -> None:
    # No unit registry here: only its warning may be found.
    findings = check_document(load_text(PLAN, "mixed.yaml"), None).findings
    assert {f.rule for f in findings} <= {"no-unit-registry"}
    wrong = PLAN.replace('before: "3"', 'before: "2.1"')
    findings = [
        f
        for f in check_document(load_text(wrong, "mixed.yaml"), None).findings
        if f.rule != "no-unit-registry"
    ]
    assert [(f.rule, f.line) for f in findings] == [("section-before", 8)]


def test_display_numbers_and_table_rows_follow_the_document() -> None:
    view = plan_view(plan_from_data(data()))
    order = [(entry.number, entry.kind) for entry in view.reading_order]
    assert order == [
        ("一、", "task"),
        ("二、", "section"),
        ("（一）", "task"),
        ("（二）", "task"),
        ("三、", "task"),
    ]
    rows = responsibility_table(view).tables[0].rows
    assert [row.cells[0].text if row.kind == "section" else row.cells[1].text for row in rows] == [
        "稳定经济增长。",
        "二、优化营商环境",
        "深化“放管服”改革。",
        "推进一网通办。",
        "保障改善民生。",
    ]


def test_fmt_writes_top_level_tasks_after_sections_and_before_after_the_title() -> None:
    shuffled = PLAN.replace('  - id: "2"\n    title: 优化营商环境\n    before: "3"\n', "")
    shuffled = shuffled.replace(
        "sections:\n", 'sections:\n  - title: 优化营商环境\n    before: "3"\n    id: "2"\n'
    )
    assert format_text(shuffled, kind="plan") == PLAN


def test_the_diff_names_top_level_task_changes_and_a_section_placed_elsewhere() -> None:
    old = data()
    new = data()
    new["tasks"][1]["title"] = "保障和改善民生"
    new["sections"][0]["before"] = "1"
    changes = diff_plans(plan_from_data(old), plan_from_data(new))
    assert [(c.kind, c.section, c.task, c.field) for c in changes] == [
        (ChangeKind.TASK_CHANGED, None, "3", "title"),
        (ChangeKind.SECTION_CHANGED, "2", None, "before"),
    ]
