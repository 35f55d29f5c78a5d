"""Word documents: a responsibility table maps column by column; every row is a task."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from planctl.importer.document import import_source
from planctl.importer.reader import read_source

from .extraction import assignments, hierarchy

HEADER_WORDINGS = [
    ("序号", "工作任务", "牵头单位", "配合单位", "完成时限"),
    ("编号", "重点任务", "责任单位", "协办单位", "时间节点"),
    ("序号", "具体措施", "牵头部门", "参与单位", "完成时间"),
]
ROWS = [
    (
        "1",
        "推进“高效办成一件事”，新增重点事项10项。",
        "市政务服务数据管理局",
        "市各有关部门",
        "2024年6月底前",
    ),
    (
        "2",
        "推广电子证照应用。实现常用证照免提交。",
        "市政务服务数据管理局",
        "市公安局、市市场监管局",
        "第三季度",
    ),
    (
        "3",
        "建设城市运行管理中心二期。",
        "市政务服务数据管理局牵头，市城市管理和综合执法局配合",
        "",
        "年底前",
    ),
    ("4", "完善基层治理“一张图”。", "市委政法委", "各区人民政府", "长期坚持"),
    ("5", "开展公共数据授权运营试点。", "市政务服务数据管理局、市发展改革局", "", "2024年12月"),
]


def table_document(path: Path, header: tuple[str, ...], rows: list[tuple[str, ...]]) -> Path:
    document = docx.Document()
    document.add_paragraph("佛山市2024年数字政府建设任务分工表")
    table = document.add_table(rows=1, cols=len(header))
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    for row in rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    document.save(str(path))
    return path


@pytest.mark.parametrize("header", HEADER_WORDINGS, ids=lambda h: "/".join(h[1:]))
def test_every_row_of_a_responsibility_table_is_a_task(
    tmp_path: Path, header: tuple[str, ...]
) -> None:
    path = table_document(tmp_path / "tasks.docx", header, ROWS)
    result = import_source(read_source(path), "foshan-2024", None)
    tasks = result.tasks()
    assert [task["source_number"] for task in tasks] == ["1", "2", "3", "4", "5"]
    assert [task["due"] for task in tasks] == ["2024-06", "2024-Q3", "2024", "ongoing", "2024-12"]
    assert tasks[1]["title"] == "推广电子证照应用" and tasks[1]["text"] == "实现常用证照免提交。"
    pairs = assignments(result.data)  # rows under no heading: tasks at the top level
    assert ("1", "support", "市各有关部门") in pairs
    assert ("3", "support", "市城市管理和综合执法局") in pairs
    assert {
        ("5", "lead", "市政务服务数据管理局"),
        ("5", "lead", "市发展改革局"),
    } <= pairs
    assert result.data["title"] == "佛山市2024年数字政府建设任务分工表"
    assert [u.reason for u in result.unplaced] == ["a table header row (its columns are mapped)"]


def test_the_words_of_the_headers_become_the_role_words(tmp_path: Path) -> None:
    path = table_document(tmp_path / "tasks.docx", HEADER_WORDINGS[1], ROWS[:1])
    [task] = import_source(read_source(path), "plan", None).tasks()
    assert (task["lead_word"], task["support_word"]) == ("负责", "协办")


def test_a_category_column_groups_rows_into_sections(tmp_path: Path) -> None:
    header = ("序号", "重点领域", "工作任务", "牵头单位", "完成时限", "备注")
    rows = [
        ("1", "政务服务", "推进一件事改革。", "市政务服务数据管理局", "6月底前", ""),
        ("2", "政务服务", "推广电子证照。", "市公安局", "年底前", "含移动端"),
        ("3", "数字治理", "建设城市运行中心。", "市委政法委", "年底前", ""),
    ]
    result = import_source(
        read_source(table_document(tmp_path / "t.docx", header, rows)), "plan", None
    )
    assert {item for item in hierarchy(result.data) if item[1] == "section"} == {
        ("政务服务", "section", "政务服务"),
        ("数字治理", "section", "数字治理"),
    }
    assert result.tasks()[1]["text"] == "备注：含移动端"


def test_word_automatic_numbering_is_read_as_written(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("测试工作方案")
    document.add_paragraph("推进甲工作。（市财政局牵头）", style="List Number")
    document.add_paragraph("推进乙工作。（市审计局负责）", style="List Number")
    _use_chinese_numbers(document)
    document.save(str(tmp_path / "auto.docx"))
    texts = [line.text for line in read_source(tmp_path / "auto.docx").lines]
    assert texts == [
        "测试工作方案",
        "一、推进甲工作。（市财政局牵头）",
        "二、推进乙工作。（市审计局负责）",
    ]


def _use_chinese_numbers(document: docx.document.Document) -> None:
    """Make the template's numbered list count 一、二、 as Chinese documents do."""
    numbering = document.part.numbering_part.element
    for level in numbering.iter(qn("w:lvl")):
        if level.get(qn("w:ilvl")) == "0":
            level.find(qn("w:numFmt")).set(qn("w:val"), "chineseCounting")
            level.find(qn("w:lvlText")).set(qn("w:val"), "%1、")


def test_a_two_row_header_and_a_band_row(tmp_path: Path) -> None:
    """责任单位 spanning 牵头 | 配合, and a merged row naming the rows' section."""
    document = docx.Document()
    document.add_paragraph("某区2024年重点工作任务分工表")
    table = document.add_table(rows=2, cols=5)
    for index, text in enumerate(["序号", "工作任务", "责任单位", "", "完成时限"]):
        table.rows[0].cells[index].text = text
    table.cell(0, 2).merge(table.cell(0, 3))
    for column in (0, 1, 4):
        table.cell(0, column).merge(table.cell(1, column))
    table.rows[1].cells[2].text, table.rows[1].cells[3].text = "牵头", "配合"
    band = table.add_row().cells
    band[0].merge(band[4]).text = "一、产业发展"
    for row in [
        ("1", "推进园区建设。", "区发展改革局", "区财政局", "2024.06"),
        ("2", "培育龙头企业。", "区工业和信息化局", "", "年底前"),
    ]:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    document.save(str(tmp_path / "two.docx"))
    result = import_source(read_source(tmp_path / "two.docx"), "plan", None)
    assert assignments(result.data) == {
        ("一、 / 1", "lead", "区发展改革局"),
        ("一、 / 1", "support", "区财政局"),
        ("一、 / 2", "lead", "区工业和信息化局"),
    }
    assert [task["due"] for task in result.tasks()] == ["2024-06", "2024"]


def test_a_title_in_the_first_row_of_the_table_titles_the_plan(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=3, cols=4)
    first = table.rows[0].cells
    first[0].merge(first[3]).text = "某县2024年重点任务清单"
    for cell, text in zip(
        table.rows[1].cells, ["序号", "任务内容", "责任单位", "完成时间"], strict=True
    ):
        cell.text = text
    for cell, text in zip(
        table.rows[2].cells, ["1", "推进示范带建设。", "县农业农村局", "2024年底"], strict=True
    ):
        cell.text = text
    document.save(str(tmp_path / "list.docx"))
    result = import_source(read_source(tmp_path / "list.docx"), "plan", None)
    assert (result.data["title"], result.data["kind"]) == ("某县2024年重点任务清单", "任务清单")
    [task] = result.tasks()
    assert (task["lead"], task["lead_word"], task["due"]) == (["县农业农村局"], "负责", "2024")
