"""The 修订对照表 for two versions of the 2012 Zhaoqing plan."""

from __future__ import annotations

import pytest

from planctl.diff.arguments import plan_at_revision
from planctl.diff.marks import marked_text
from planctl.errors import UsageError
from planctl.model import Plan, plan_from_data
from planctl.render.revision_table import (
    COLUMNS,
    RevisionRow,
    revision_rows,
    revision_table,
    task_clause,
)
from planctl.yamlio import load_text

from ..conftest import ROOT, GitPlans
from ..demo import PLAN_PATH

ISSUED = (ROOT / "plans" / "zhaoqing-2012-prd-workplan.yaml").read_text(encoding="utf-8")

NEW_TASK = """\
          - id: financial-services
            title: 加快发展金融服务业
            text: |
              引进股份制商业银行设立分支机构，推进农村信用社改制。
            lead: [市金融局]
            due: 2012-Q3

"""


def revised_draft() -> str:
    """The second version: a deadline moved, a lead changed, a task reworded, one added and one
    removed, as a drafting office would revise it."""
    text = ISSUED
    edits = [
        (
            "            lead_word: 负责\n            due: 2012\n",
            "            lead_word: 负责\n            due: 2012-06\n",
        ),
        (
            "            lead: [市人力资源社会保障局]\n\n          - id: environment-protection",
            "            lead: [市委组织部]\n\n          - id: environment-protection",
        ),
        ("推进端州区生产性服务业基地", "推进端州区现代服务业集聚区"),
        ("          - id: innovation\n", NEW_TASK + "          - id: innovation\n"),
    ]
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    start = text.index("          - id: traditional-industries\n")
    end = text.index("          - id: two-zones\n")
    return text[:start] + text[end:]


def plan_of(text: str) -> Plan:
    document = load_text(text, "zhaoqing.yaml")
    assert document.readable, document.problems
    return plan_from_data(document.data)


def rows() -> tuple[RevisionRow, ...]:
    return revision_rows(plan_of(ISSUED), plan_of(revised_draft()))


def row_about(heading: str) -> RevisionRow:
    matching = [row for row in rows() if heading in marked_text(row.original + row.revised)]
    assert len(matching) == 1, [marked_text(row.note) for row in matching]
    return matching[0]


def test_the_table_has_the_four_columns_and_a_title() -> None:
    table = revision_table(plan_of(ISSUED), plan_of(revised_draft()))
    assert table.columns == COLUMNS == ("序号", "原内容", "修改后内容", "修改说明")
    assert table.title == "《肇庆市实施〈珠三角规划纲要〉2012年工作计划》修订对照表"
    assert [row.number for row in table.rows] == [1, 2, 3, 4, 5]


def test_one_row_per_revised_task_in_document_order() -> None:
    notes = [marked_text(row.note) for row in rows()]
    assert notes == [
        "修改任务内容。",
        "删除任务。",
        "新增任务。",
        "牵头单位“市人力资源社会保障局”调整为“市委组织部”。",
        "完成时限由“2012年底前”调整为“2012年6月底前”（提前184天）。",
    ]


def test_reworded_characters_are_marked_on_each_side() -> None:
    row = row_about("优先发展现代服务业。")
    assert ("生产性", "delete") in row.original and ("基地", "delete") in row.original
    assert ("现代", "insert") in row.revised and ("集聚区", "insert") in row.revised
    assert not any(mark == "insert" for _, mark in row.original)
    assert not any(mark == "delete" for _, mark in row.revised)
    assert marked_text(row.revised).startswith(
        "优先发展现代服务业。推进端州区{+现代+}服务业{+集聚区+}、肇庆新港物流园区"
    )
    assert row.location == "重点工作任务 › 推进经济结构战略性调整，加快转变经济发展方式"


def test_a_moved_deadline_is_marked_in_the_clause() -> None:
    row = row_about("实现创建省教育强市目标任务")
    assert marked_text(row.original).endswith(
        "（市教育局、市人力资源社会保障局等有关部门负责；完成时限：2012年底前）"
    )
    assert marked_text(row.revised).endswith("完成时限：2012年{+6月+}底前）")


def test_a_changed_lead_is_marked_in_the_clause() -> None:
    row = row_about("加大人才引进和培养力度")
    assert marked_text(row.original).endswith("（市[-人力资源社会保障局-]牵头）")
    assert marked_text(row.revised).endswith("（市{+委组织部+}牵头）")


def test_added_and_removed_tasks_fill_one_side() -> None:
    added = row_about("加快发展金融服务业")
    assert added.original == ()
    assert added.revised == (
        (
            "加快发展金融服务业。引进股份制商业银行设立分支机构，推进农村信用社"
            "改制。（市金融局牵头；完成时限：2012年第三季度）",
            "insert",
        ),
    )
    removed = row_about("改造提升传统优势产业")
    assert removed.revised == ()
    assert [mark for _, mark in removed.original] == ["delete"]


def test_notice_and_section_changes_get_their_own_rows() -> None:
    draft = (
        revised_draft()
        .replace("肇府办〔2012〕22号", "肇府办〔2012〕23号")
        .replace("title: 重点工作任务", "title: 重点工作")
    )
    found = revision_rows(plan_of(ISSUED), plan_of(draft))
    number, section = found[0], found[1]
    assert marked_text(number.original) == "发文字号：肇府办〔2012〕2[-2-]号"
    assert marked_text(number.revised) == "发文字号：肇府办〔2012〕2{+3+}号"
    assert number.location == "印发通知"
    assert (marked_text(section.original), marked_text(section.note)) == (
        "重点工作[-任务-]",
        "修改章节标题。",
    )


def test_the_clause_wording() -> None:
    plan = plan_of(ISSUED)
    modern = plan.task("modern-services")
    assert modern is not None
    # Worded as the notice words the same task (one place words owners).
    assert task_clause(modern).endswith(
        "（市发展改革局牵头，市经济信息化局、市文广新局、市旅游发展局等有关部门参与）"
    )


def test_identical_versions_have_no_rows() -> None:
    assert revision_rows(plan_of(ISSUED), plan_of(ISSUED)) == ()


def test_the_old_side_comes_from_a_revision_by_plan_id(repo: GitPlans) -> None:
    repo.git("mv", PLAN_PATH, "plans/renamed.yaml")
    repo.edit("plans/renamed.yaml", "due: 2023-06", "due: 2023-12")
    repo.commit("改名并推迟")
    old = plan_at_revision(repo.root, "HEAD~1", "demo-2023")
    new = plan_at_revision(repo.root, "HEAD", "demo-2023")
    (row,) = revision_rows(old, new)
    assert marked_text(row.note) == "完成时限由“2023年6月底前”调整为“2023年12月底前”（推迟184天）。"
    with pytest.raises(UsageError, match="no plan 'nothing' at HEAD"):
        plan_at_revision(repo.root, "HEAD", "nothing")
