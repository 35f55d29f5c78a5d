"""The report workbook: written by `report new --format xlsx`, filled in Excel (here with
openpyxl, as a unit's clerk would type), and read back by `report import`."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from planctl.errors import InputError, WorkbookRejected
from planctl.tracking.drafts import report_draft
from planctl.tracking.workbook import MAP_SHEET, read_workbook, write_workbook

from .test_drafts import JUNE, NDRC, may_report, office_plan, office_units

SHEET = "示例市2023年重点工作计划"


def june_workbook() -> bytes:
    draft = report_draft(office_plan(), NDRC, JUNE, units=office_units(), reports=[may_report()])
    return write_workbook([draft])


def filled(data: bytes, cells: dict[str, object]) -> bytes:
    book = load_workbook(io.BytesIO(data))
    for place, value in cells.items():
        book[SHEET][place] = value
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_the_sheet_lists_the_tasks_with_last_period_s_status_and_percent() -> None:
    sheet = load_workbook(io.BytesIO(june_workbook()))[SHEET]
    header = [cell.value for cell in sheet[2]]
    assert header[:9] == [
        "序号",
        "任务",
        "完成时限",
        "状态",
        "完成进度(%)",
        "进展情况",
        "存在问题",
        "下步打算",
        "申请",
    ]
    rows = [[cell.value for cell in row[:5]] for row in sheet.iter_rows(min_row=3)]
    assert rows == [
        [1, "壮大先进制造业", "2023年6月底前", "推进中", 40],
        [2, "推进重点项目建设", "2023年12月底前", "滞后", None],
    ]


def test_key_columns_are_locked_and_status_and_request_are_chosen_from_lists() -> None:
    book = load_workbook(io.BytesIO(june_workbook()))
    sheet = book[SHEET]
    assert sheet.protection.sheet
    assert sheet["B3"].protection.locked and not sheet["F3"].protection.locked
    lists = {str(v.sqref): v.formula1 for v in sheet.data_validations.dataValidation}
    assert lists["D3:D4"] == '"未启动,推进中,滞后,已完成"'
    assert lists["I3:I4"] == '"申请办结,申请延期"'
    assert book[MAP_SHEET].sheet_state == "hidden"


def test_a_filled_in_workbook_reads_back_as_the_report() -> None:
    data = filled(
        june_workbook(),
        {
            "D3": "已完成",
            "E3": 100,
            "F3": "=SUM(A1)是文字",
            "I3": "申请办结",
            "K3": "目标完成",
            "D4": "滞后",
            "E4": "35",
            "F4": "征地完成八成",
            "G4": "资金缺口",
            "I4": "申请延期",
            "J4": "2024-03",
            "K4": "征地延后",
        },
    )
    (report,) = read_workbook(data, "june.xlsx")
    assert (report.plan, str(report.period), report.unit) == ("office-2023", "2023-06", NDRC)
    industry, projects = report.entries
    assert (industry.task, industry.status, industry.percent) == ("industry", "done", 100)
    assert industry.progress == "=SUM(A1)是文字"  # text stays text
    assert (industry.request, industry.reason) == ("close", "目标完成")
    assert (projects.status, projects.percent, projects.problems) == ("delayed", 35, "资金缺口")
    assert (projects.request, projects.extend_to, projects.reason) == (
        "extend",
        "2024-03",
        "征地延后",
    )


def test_text_that_looks_like_a_formula_is_written_as_text() -> None:
    plan = office_plan()
    from dataclasses import replace

    task = plan.task("industry")
    assert task is not None
    draft = report_draft(plan, NDRC, JUNE, units=office_units())
    tricky = replace(draft.tasks[0], task=replace(task, title='=HYPERLINK("x")'))
    sheet = load_workbook(io.BytesIO(write_workbook([replace(draft, tasks=(tricky,))])))[SHEET]
    assert sheet["B3"].data_type == "s" and sheet["B3"].quotePrefix


@pytest.mark.parametrize(
    ("cells", "message"),
    [
        (
            {"D3": "差不多"},
            "june.xlsx: sheet 示例市2023年重点工作计划, row 3, 状态: '差不多' is not a status",
        ),
        ({"E4": 150}, "row 4, 完成进度(%): '150' is not a whole number from 0 to 100"),
        ({"E3": 45.5}, "row 3, 完成进度(%): '45.5' is not a whole number"),
        ({"I3": "申请撤销"}, "row 3, 申请: '申请撤销' is not a request"),
        ({"I4": "申请延期"}, "row 4, 延期至: a request to extend needs the new deadline"),
        ({"A3": 7}, "row 3, 序号: this row no longer holds task 1"),
    ],
)
def test_a_bad_cell_is_refused_with_its_sheet_row_and_column(
    cells: dict[str, object], message: str
) -> None:
    with pytest.raises(WorkbookRejected) as refused:
        read_workbook(filled(june_workbook(), cells), "june.xlsx")
    assert message in str(refused.value)
    assert refused.value.exit_code == 1


def test_a_workbook_not_made_by_report_new_is_refused() -> None:
    from openpyxl import Workbook

    buffer = io.BytesIO()
    Workbook().save(buffer)
    with pytest.raises(InputError, match="not made by planctl report new"):
        read_workbook(buffer.getvalue(), "other.xlsx")
    with pytest.raises(InputError, match="not an Excel workbook"):
        read_workbook(b"plain text", "notes.xlsx")


def test_last_period_s_text_is_a_note_on_the_progress_cell() -> None:
    sheet = load_workbook(io.BytesIO(june_workbook()))[SHEET]
    assert sheet["F3"].comment.text == "上期（2023年5月）进展：完成园区规划\n开始招商"
    assert sheet["F4"].comment.text == "上期（2023年5月）进展：征地受阻\n上期下步打算：协调征地"


def test_the_task_map_stores_names_as_text() -> None:
    from dataclasses import replace

    draft = report_draft(office_plan(), NDRC, JUNE, units=office_units())
    book = load_workbook(io.BytesIO(write_workbook([replace(draft, unit="=市局")])))
    unit_cell = book[MAP_SHEET]["E2"]
    assert (unit_cell.value, unit_cell.data_type) == ("=市局", "s")
    (report,) = read_workbook(write_workbook([replace(draft, unit="=市局")]), "x.xlsx")
    assert report.unit == "=市局"
