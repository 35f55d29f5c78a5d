"""Excel and CSV output: what supervisors track, read back with openpyxl and csv."""

from __future__ import annotations

import codecs
import csv
import io
from typing import Any

import openpyxl
import pytest

from planctl.render.formats import xlsx as xlsx_writer
from planctl.render.job import Job
from planctl.render.table import Cell, Column, Row, Segment, Table, TableDocument

from .conftest import TRACKED, ZHAOQING, Render


@pytest.fixture(scope="module")
def sheet(rendered: Render) -> Any:
    return openpyxl.load_workbook(rendered(ZHAOQING, "table", "xlsx")).active


def item_rows(sheet: Any) -> list[tuple[Any, ...]]:
    return [row for row in sheet.iter_rows(min_row=3, values_only=True) if isinstance(row[0], int)]


def test_every_task_has_a_row_with_its_units_and_deadline(sheet: Any, zhaoqing_job: Job) -> None:
    rows = item_rows(sheet)
    assert len(rows) == 35
    for row, task in zip(rows, zhaoqing_job.plan.tasks, strict=True):
        assert row[0] == task.serial
        assert row[1].startswith(task.heading + task.paragraphs[0][:10])
        assert (row[2] or "") == task.lead_text
        assert (row[3] or "") == task.support_text
        assert (row[4] or "") == task.due
    assert rows[30][4] == "2012年底前"


def test_the_sheet_is_set_up_to_print_and_to_scroll(sheet: Any) -> None:
    assert sheet.cell(1, 1).value == "肇庆市实施《珠三角规划纲要》2012年工作计划责任分工表"
    assert [sheet.cell(2, c).value for c in range(1, 6)] == [
        "序号",
        "工作任务",
        "牵头单位",
        "配合单位",
        "完成时限",
    ]
    assert sheet.freeze_panes == "A3"
    assert sheet.print_title_rows == "$2:$2"
    assert sheet.page_setup.orientation == "landscape"
    assert int(sheet.page_setup.paperSize) == 9  # A4
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.cell(4, 2).alignment.wrap_text


def test_column_widths_follow_east_asian_character_widths(sheet: Any) -> None:
    widths = {key: sheet.column_dimensions[key].width for key in "ABCDE"}
    assert widths["A"] < widths["E"] < widths["C"] < widths["B"]
    # 完成时限 fits its longest entry, 2012年底前: four digits and four characters.
    assert widths["E"] >= len("2012") + 2 * 4


def test_sections_span_the_width(sheet: Any) -> None:
    assert sheet.cell(3, 1).value == "二、完成考核指标和重大项目建设任务"
    assert "A3:E3" in {str(r) for r in sheet.merged_cells.ranges}


def test_unit_lists_have_a_sheet_per_unit(rendered: Render) -> None:
    book = openpyxl.load_workbook(rendered(ZHAOQING, "units", "xlsx"))
    assert book.sheetnames[:2] == ["各指标监测落实部门", "市发展改革局"]
    development = book["市发展改革局"]
    assert development.cell(2, 1).value == "牵头9项，配合3项"
    assert development.print_title_rows == "$3:$3"


def test_tracked_plans_carry_a_progress_column(rendered: Render) -> None:
    sheet = openpyxl.load_workbook(rendered(TRACKED, "table", "xlsx")).active
    assert sheet.cell(2, 6).value == "进展"
    assert item_rows(sheet)[0][5] == "推进中\n已完成征地"


def test_sheet_names_are_made_valid_and_unique() -> None:
    table = Table("a/b:c*d?[e]" + "长" * 40, (Column("x", 4),), ())
    data = xlsx_writer.write_tables(TableDocument("t", (table, table)))
    names = openpyxl.load_workbook(io.BytesIO(data)).sheetnames
    assert names[0] == ("a_b_c_d__e_" + "长" * 40)[:31]
    assert names[1].endswith("(2)") and len(names[1]) == 31


def test_marked_segments_become_rich_text() -> None:
    table = Table(
        "",
        (Column("修改后内容", 10),),
        (Row((Cell((Segment("2012年"), Segment("12", "insert"), Segment("月底前"))),)),),
    )
    data = xlsx_writer.write_tables(TableDocument("修订对照表", (table,)))
    cell = openpyxl.load_workbook(io.BytesIO(data), rich_text=True).active.cell(3, 1)
    inserted = [block for block in cell.value if not isinstance(block, str)]
    assert [(b.text, bool(b.font.u)) for b in inserted] == [("12", True)]


# --- CSV --------------------------------------------------------------------------------


def test_csv_opens_in_excel_and_wps(rendered: Render, zhaoqing_job: Job) -> None:
    raw = rendered(ZHAOQING, "table", "csv").read_bytes()
    assert raw.startswith(codecs.BOM_UTF8)
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert rows[0] == ["序号", "工作任务", "牵头单位", "配合单位", "完成时限"]
    items = [row for row in rows[1:] if row[0].isdigit()]
    assert [row[2] for row in items] == [task.lead_text for task in zhaoqing_job.plan.tasks]
    assert rows[1] == ["二、完成考核指标和重大项目建设任务", "", "", "", ""]


def test_rows_are_tall_enough_for_their_wrapped_text(sheet: Any) -> None:
    heights = {
        row[0].value: sheet.row_dimensions[row[0].row].height
        for row in sheet.iter_rows(min_row=3)
        if isinstance(row[0].value, int)
    }
    # Task 13 (基础设施一体化) runs to some 340 characters; task 5 to about 80.
    assert heights[13] > 2 * heights[5]
    assert min(heights.values()) >= 14.5
