"""Every kind of change in every output format: text, Markdown, JSON and --stat."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from planctl.diff import ChangeKind, DiffResult, plan_diff
from planctl.diff.formats.json import render_json
from planctl.diff.formats.markdown import render_markdown
from planctl.diff.formats.stat import render_stat
from planctl.diff.formats.text import render_text
from planctl.findings import Finding, Severity
from planctl.model import Plan

from ..demo import demo_data, demo_plan

K = ChangeKind
Data = dict[str, Any]


def edited(edit: Callable[[Data], None]) -> tuple[Plan, Plan]:
    data = demo_data()
    edit(data)
    return demo_plan(), demo_plan(data)


def _economy(data: Data) -> list[Data]:
    tasks: list[Data] = data["sections"][0]["tasks"]
    return tasks


def _move_task(data: Data) -> None:
    data["sections"][1]["sections"][0]["tasks"].append(_economy(data).pop(2))


def _without_notice() -> Plan:
    data = demo_data()
    del data["notice"]
    return demo_plan(data)


# kind, the two plans, what the text line says, what the Markdown 变更 column says.
SCENARIOS: list[tuple[ChangeKind, tuple[Plan | None, Plan | None], str, str]] = [
    (
        K.PLAN_ADDED,
        (None, demo_plan()),
        "新增计划：{+示例市2023年重点工作计划（4 个章节，5 项任务）+}",
        "新增计划",
    ),
    (K.PLAN_REMOVED, (demo_plan(), None), "删除计划：[-示例市2023年重点工作计划", "删除计划"),
    (K.PLAN_CHANGED, edited(lambda d: d.update(stage="review")), "阶段：已印发 → 送审稿", "阶段"),
    (
        K.NOTICE_ADDED,
        (_without_notice(), demo_plan()),
        "新增印发通知：{+印发示例市",
        "新增印发通知",
    ),
    (
        K.NOTICE_REMOVED,
        (demo_plan(), _without_notice()),
        "删除印发通知：[-印发示例市",
        "删除印发通知",
    ),
    (
        K.NOTICE_CHANGED,
        edited(lambda d: d["notice"].update(date="2023-02-12")),
        "成文日期：2023-02-10 → 2023-02-12",
        "成文日期",
    ),
    (
        K.SECTION_ADDED,
        edited(lambda d: d["sections"].append({"id": "safety", "title": "安全"})),
        "新增章节：{+「安全」+}",
        "新增章节",
    ),
    (
        K.SECTION_REMOVED,
        edited(lambda d: d["sections"][1]["sections"].pop(1)),
        "删除章节：[-「推进健康示例建设」-]",
        "删除章节",
    ),
    (
        K.SECTION_RENAMED,
        edited(lambda d: d["sections"][0].update(title="推动经济发展")),
        "标题：推动经济[-高质量-]发展",
        "更名章节",
    ),
    (K.SECTION_MOVED, edited(lambda d: d["sections"].reverse()), "移动：", "移动章节"),
    (
        K.SECTION_CHANGED,
        edited(lambda d: d["sections"][0].update(source_number="一、")),
        "原文编号：（无） → 一、",
        "原文编号",
    ),
    (
        K.TASK_ADDED,
        edited(lambda d: _economy(d).append({"id": "digital", "title": "数字经济"})),
        "新增任务：{+数字经济+}",
        "新增任务",
    ),
    (
        K.TASK_REMOVED,
        edited(lambda d: _economy(d).pop(1)),
        "删除任务：[-发展现代服务业-]",
        "删除任务",
    ),
    (
        K.TASK_MOVED,
        edited(_move_task),
        "移动：从「推动经济高质量发展」第 3 项 移至「保障和改善民生 › 办好人民满意的教育」第 2 项",
        "移动任务",
    ),
    (
        K.TASK_CHANGED,
        edited(lambda d: _economy(d)[0].update(due="2023-12")),
        "完成时限：2023年6月底前 → 2023年12月底前（推迟 184 天）",
        "完成时限",
    ),
]
IDS = [str(kind) for kind, *_ in SCENARIOS]


def result_of(plans: tuple[Plan | None, Plan | None]) -> DiffResult:
    old, new = plans
    found = plan_diff(
        old,
        new,
        old_file="plans/demo-2023.yaml" if old else None,
        new_file="plans/demo-2023.yaml" if new else None,
    )
    return DiffResult("HEAD", "working tree", (found,))


@pytest.mark.parametrize(("kind", "plans", "line", "label"), SCENARIOS, ids=IDS)
def test_text(kind: ChangeKind, plans: Any, line: str, label: str) -> None:
    text = render_text(result_of(plans))
    assert text.startswith("计划 demo-2023 示例市2023年重点工作计划"), text
    assert line in text, text


@pytest.mark.parametrize(("kind", "plans", "line", "label"), SCENARIOS, ids=IDS)
def test_markdown(kind: ChangeKind, plans: Any, line: str, label: str) -> None:
    markdown = render_markdown(result_of(plans))
    summary, _, rest = markdown.partition("\n")
    assert summary.startswith("**planctl diff** `HEAD` → `working tree`：1 个计划有变更"), summary
    assert "| 位置 | 变更 | 原内容 | 修改后 |" in rest
    rows = [row for row in rest.splitlines() if row.startswith("| ") and "---" not in row][1:]
    assert any(row.split(" | ")[1] == label for row in rows), rows


@pytest.mark.parametrize(("kind", "plans", "line", "label"), SCENARIOS, ids=IDS)
def test_json(kind: ChangeKind, plans: Any, line: str, label: str) -> None:
    envelope = json.loads(render_json(result_of(plans)))
    assert envelope["format"] == "planctl-diff/1"
    change = envelope["plans"][0]["changes"][0]
    assert change["kind"] == str(kind)
    assert set(change) == {
        "plan",
        "kind",
        "section",
        "task",
        "field",
        "old",
        "new",
        "detail",
        "text",
    }
    assert change["plan"] == "demo-2023"


@pytest.mark.parametrize(("kind", "plans", "line", "label"), SCENARIOS, ids=IDS)
def test_stat(kind: ChangeKind, plans: Any, line: str, label: str) -> None:
    stat = render_stat(result_of(plans))
    subject = {"plan": "计划", "notice": "印发通知", "section": "章节", "task": "任务"}
    action = {
        "changed": "修改",
        "added": "新增",
        "removed": "删除",
        "moved": "移动",
        "renamed": "更名",
    }
    assert stat.startswith(" demo-2023 | "), stat
    assert f"{subject[kind.subject]} {action[kind.action]} 1" in stat, stat
    assert stat.splitlines()[-1].startswith(" 1 个计划有变更：")


def test_json_details_for_text_units_and_deadlines() -> None:
    def edit(data: Data) -> None:
        _economy(data)[0].update(
            text="推进工业园区扩能增效。", lead=["市发展改革局"], due="2023-05"
        )

    changes = json.loads(render_json(result_of(edited(edit))))["plans"][0]["changes"]
    text, lead, due = (change["detail"] for change in changes)
    assert text["type"] == "text"
    assert ["，新增规模以上工业企业50家", "delete"] in text["segments"]
    assert lead == {"type": "list", "added": ["市发展改革局"], "removed": ["市工业和信息化局"]}
    assert due == {"type": "deadline", "old": "2023年6月底前", "new": "2023年5月底前", "days": -30}


def test_long_texts_show_the_words_around_each_edit() -> None:
    def edit(data: Data) -> None:
        _economy(data)[1]["text"] = (
            "培育商贸物流、文化旅游、健康养老等服务业新业态，打造区域消费中心。"
        )

    text = render_text(result_of(edited(edit)))
    assert (
        "内容：培育商贸物流、文化旅游{+、健康养老+}等服务业新业态{+，打造区域消费中心+}。" in text
    )


def test_markdown_escapes_plan_text_and_marks_with_tags() -> None:
    def edit(data: Data) -> None:
        _economy(data)[1]["title"] = "发展*现代*服务业 | <b>"

    markdown = render_markdown(result_of(edited(edit)))
    assert "发展<ins>\\*</ins>现代<ins>\\*</ins>服务业<ins> \\| &lt;b&gt;</ins>" in markdown


def test_markdown_says_so_when_nothing_changed() -> None:
    markdown = render_markdown(DiffResult("main", "HEAD", ()))
    assert markdown == "**planctl diff** `main` → `HEAD`：计划内容无变更。\n"


def test_problems_are_in_markdown_and_json() -> None:
    problem = Finding(
        "HEAD~1:plans/demo-2023.yaml",
        3,
        1,
        "yaml-syntax",
        Severity.ERROR,
        "invalid YAML: found a tab",
    )
    result = DiffResult("HEAD~1", "HEAD", (), (problem,))
    assert "> ⚠️ `HEAD~1:plans/demo-2023.yaml:3` 无法比较：invalid YAML: found a tab" in (
        render_markdown(result)
    )
    assert json.loads(render_json(result))["problems"][0]["line"] == 3


def test_nothing_changed_prints_nothing_in_text_and_stat() -> None:
    result = DiffResult("HEAD", "working tree", ())
    assert (render_text(result), render_stat(result)) == ("", "")


def test_an_indicator_target_reads_from_and_to() -> None:
    def edit(data: Data) -> None:
        _economy(data)[0]["indicators"][0]["target"] = 60

    text = render_text(result_of(edited(edit)))
    assert "量化指标：「新增规上企业」目标 50 家 → 60 家" in text


def test_milestones_read_as_moved_added_or_removed() -> None:
    def edit(data: Data) -> None:
        _economy(data)[0]["milestones"] = [
            {"due": "2023-04", "text": "出台扶持政策"},
            {"due": "2023-05", "text": "完成企业摸底"},
        ]

    text = render_text(result_of(edited(edit)))
    assert "节点任务：「出台扶持政策」 2023年3月底前 → 2023年4月底前（推迟 30 天）" in text
    assert "节点任务：新增 {+2023年5月底前 完成企业摸底+}" in text


def test_colour_replaces_the_plain_marks() -> None:
    import io

    from planctl.cli.terminal import print_lines
    from planctl.diff.formats.text import text_lines

    result = result_of(edited(lambda d: _economy(d)[1].update(lead=["市发展改革局"])))
    coloured, plain = io.StringIO(), io.StringIO()
    print_lines(text_lines(result), color=True, out=coloured)
    print_lines(text_lines(result), color=False, out=plain)
    assert "牵头单位：[-市商务局-] → {+市发展改革局+}" in plain.getvalue()
    assert "\x1b[" in coloured.getvalue() and "[-" not in coloured.getvalue()
    assert "市商务局" in coloured.getvalue() and "市发展改革局" in coloured.getvalue()
