"""fmt stores deadlines written in words, keeping the words in `due_text`."""

from __future__ import annotations

import re

from planctl.fmt import format_text
from planctl.yamlio import load_text

HEAD = """format: planctl/1
id: demo
title: 测试计划
stage: draft
period: {start: 2023-01-01, end: 2023-12-31}
sections:
  - id: s
    title: 部分
    tasks:
"""


def task(lines: str) -> str:
    body = "".join(f"        {line}\n" for line in lines.strip("\n").split("\n"))
    return HEAD + "      - id: t\n" + body


def test_a_worded_deadline_is_stored_with_its_words() -> None:
    formatted = format_text(task("title: 任务\ndue: 2023年6月底前  # 按原文"), kind="plan")
    assert re.search(r"due: 2023-06 +# 按原文\n        due_text: 2023年6月底前\n", formatted)
    assert load_text(formatted, "x").data["sections"][0]["tasks"][0]["due"] == "2023-06"


def test_each_kind_of_deadline_is_stored_in_its_form() -> None:
    cases = {
        "2023年6月30日前": "2023-06-30",
        "第二季度": "2023-Q2",
        "上半年": "2023-H1",
        "年底前": "2023",
        "长期坚持": "ongoing",
        "持续推进": "ongoing",
    }
    for words, stored in cases.items():
        formatted = format_text(task(f"title: 任务\ndue: {words}"), kind="plan")
        data = load_text(formatted, "x").data["sections"][0]["tasks"][0]
        assert (str(data["due"]), data["due_text"]) == (stored, words), words


def test_milestones_are_stored_too() -> None:
    formatted = format_text(
        task("title: 任务\ndue: 2023-12\nmilestones:\n  - {due: 第一季度, text: 方案}"), kind="plan"
    )
    assert "- {due: 2023-Q1, due_text: 第一季度, text: 方案}" in formatted


def test_what_cannot_be_stored_is_left_as_written_for_validate_to_explain() -> None:
    source = format_text(task("title: 任务\ndue: 每季度"), kind="plan")
    assert "due: 每季度\n" in source and "due_text" not in source


def test_stored_deadlines_and_kept_words_are_left_alone() -> None:
    source = format_text(task("title: 任务\ndue: 2023-06\ndue_text: 6月底前"), kind="plan")
    assert format_text(source, kind="plan") == source
    assert "due: 2023-06\n        due_text: 6月底前\n" in source


def test_a_wording_without_a_year_in_a_multi_year_plan_is_left_as_written() -> None:
    source = task("title: 任务\ndue: 年底前").replace("end: 2023-12-31", "end: 2025-12-31")
    assert "due: 年底前\n" in format_text(source, kind="plan")


def test_a_task_at_the_plans_top_level_is_stored_too() -> None:
    source = HEAD.split("sections:")[0] + "tasks:\n  - id: t\n    title: 任务\n    due: 第三季度\n"
    data = load_text(format_text(source, kind="plan"), "x").data["tasks"][0]
    assert (data["due"], data["due_text"]) == ("2023-Q3", "第三季度")
