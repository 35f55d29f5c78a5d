"""The 修订对照表 of two Zhaoqing versions goes through the table writers to docx and html.

The command (`planctl render PLAN --as revision --from REV`) is tested with the other
render commands; this checks that the rows carry everything the writers need, marks
included, through the library mapping `planctl.render.revision_table.as_document`.
"""

from __future__ import annotations

import io

from docx import Document

from planctl.render.formats import docx as docx_writer
from planctl.render.formats import html as html_writer
from planctl.render.revision_table import as_document, revision_table
from planctl.render.table import TableDocument
from planctl.render.templating import Templates

from .test_revision_table import ISSUED, plan_of, revised_draft


def zhaoqing_revisions() -> TableDocument:
    return as_document(revision_table(plan_of(ISSUED), plan_of(revised_draft())))


def test_the_revision_table_renders_as_html() -> None:
    page = html_writer.write_tables(zhaoqing_revisions(), Templates()).decode("utf-8")
    assert "《肇庆市实施〈珠三角规划纲要〉2012年工作计划》修订对照表" in page
    for header in ("序号", "原内容", "修改后内容", "修改说明"):
        assert header in page
    assert "<del>生产性</del>" in page and "<ins>现代</ins>" in page
    assert "完成时限由“2012年底前”调整为“2012年6月底前”（提前184天）。" in page


def test_the_revision_table_renders_as_docx() -> None:
    word = Document(io.BytesIO(docx_writer.write_tables(zhaoqing_revisions())))
    (table,) = word.tables
    assert [cell.text for cell in table.rows[0].cells] == [
        "序号",
        "原内容",
        "修改后内容",
        "修改说明",
    ]
    assert len(table.rows) == 1 + 5
    runs = [
        run
        for row in table.rows
        for cell in row.cells
        for paragraph in cell.paragraphs
        for run in paragraph.runs
    ]
    struck = {run.text for run in runs if run.font.strike}
    underlined = {run.text for run in runs if run.font.underline}
    assert {"生产性", "基地"} <= struck
    assert {"现代", "集聚区"} <= underlined
