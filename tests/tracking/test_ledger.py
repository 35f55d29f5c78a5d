"""The 台账: built from one `compute_status`, written as Excel, Word and Markdown, and read
back (openpyxl, python-docx) to compare with the status it came from."""

from __future__ import annotations

import datetime
import io
from dataclasses import dataclass, field

import pytest
from docx import Document
from openpyxl import load_workbook

from planctl.config import TrackingSettings
from planctl.model import Plan
from planctl.render.formats import ledger_docx, ledger_md, ledger_xlsx
from planctl.tracking.ledger import build_ledger
from planctl.tracking.lights import compute_status
from planctl.tracking.periods import Period
from planctl.tracking.records import Decision, Report, ReportEntry, Review
from planctl.tracking.state import Status
from planctl.tracking.workdays import Workdays
from planctl.units import UnitRegistry

from .test_drafts import JUNE, MAY, NDRC, may_report, office_plan, office_units

AS_OF = datetime.date(2023, 7, 10)
INDUSTRY_LEAD = "市工业和信息化局"


@dataclass(frozen=True)
class Data:
    """The plan, units, reports and reviews, as `load_tracking` would give them."""

    plans: tuple[Plan, ...]
    units: UnitRegistry | None
    reports: tuple[Report, ...] = ()
    reviews: tuple[Review, ...] = ()
    workdays: Workdays = field(default_factory=Workdays)


def report(unit: str, period: Period, submitted: datetime.date, *entries: ReportEntry) -> Report:
    path = f"reports/office-2023/{period}/{unit}.yaml"
    return Report(path, "office-2023", period, unit, period.end, entries, submitted)


def office_status() -> Status:
    """As of 10 July: industry (due June) closed on 8 July, projects reported delayed,
    roads (ongoing) never reported by its lead."""
    reports = (
        may_report(),
        report(
            INDUSTRY_LEAD,
            MAY,
            datetime.date(2023, 6, 2),
            ReportEntry("industry", ("tasks", 0), "in_progress", 80, "主体完工"),
        ),
        report(
            INDUSTRY_LEAD,
            JUNE,
            datetime.date(2023, 7, 3),
            ReportEntry("industry", ("tasks", 0), "done", 100, "已投产", request="close"),
        ),
        report(
            NDRC,
            JUNE,
            datetime.date(2023, 7, 7),
            ReportEntry("projects", ("tasks", 0), "delayed", 30, "征地受阻"),
        ),
    )
    review = Review(
        "reviews/office-2023/2023-06.yaml",
        "office-2023",
        JUNE,
        "市政府督查室",
        datetime.date(2023, 7, 8),
        (Decision("industry", ("decisions", 0), close=datetime.date(2023, 7, 8)),),
    )
    data = Data((office_plan(),), office_units(), reports, (review,))
    return compute_status(data, AS_OF, TrackingSettings())


def sheet_rows(data: bytes, name: str) -> list[list[object]]:
    sheet = load_workbook(io.BytesIO(data))[name]
    return [[cell.value for cell in row] for row in sheet.iter_rows(min_row=3)]


def test_the_task_sheet_has_one_row_per_task_with_its_light_and_latest_progress() -> None:
    status = office_status()
    data = ledger_xlsx.ledger(build_ledger(status, office_units()))
    rows = sheet_rows(data, "任务台账")
    assert len(rows) == len(status.tasks) == 4
    words = {"red": "红灯", "yellow": "黄灯", "green": "绿灯", "done": "已完成", "grey": "灰灯"}
    for row, state in zip(rows, status.tasks, strict=True):
        assert row[1] == state.placed.task.heading
        assert row[4] == state.deadline_words
        expected_date = (
            datetime.datetime.combine(state.deadline, datetime.time()) if state.deadline else None
        )
        assert row[5] == expected_date  # a real date, not text
        assert row[6] == words[state.light]
        assert row[7] == ("；".join(state.reasons) or None)
    industry = rows[0]
    assert industry[6] == "已完成" and industry[8] == "已投产"


def test_light_cells_are_filled_in_their_colour_and_say_their_word() -> None:
    status = office_status()
    book = load_workbook(io.BytesIO(ledger_xlsx.ledger(build_ledger(status, office_units()))))
    sheet = book["任务台账"]
    for row, state in enumerate(status.tasks, start=3):
        cell = sheet.cell(row, 7)
        assert cell.fill.fgColor.rgb.endswith(ledger_xlsx.LIGHT_FILLS[state.light])
    assert sheet.freeze_panes == "A3"
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.auto_filter.ref.startswith("A2:")


def test_the_summary_counts_lights_and_gives_the_rates_as_numbers() -> None:
    status = office_status()
    rows = {
        row[0]: row[1:]
        for row in sheet_rows(ledger_xlsx.ledger(build_ledger(status, office_units())), "汇总")
        if row[0]
    }
    assert rows["截至日期"][0] == datetime.datetime(2023, 7, 10)
    assert rows["任务总数"][0] == 4
    counts = {
        light: sum(1 for t in status.tasks if t.light == light)
        for light in ("red", "yellow", "green", "done", "grey")
    }
    assert rows["已完成（项）"][0] == counts["done"] == 1
    assert rows["红灯（项）"][0] == counts["red"]
    # 完成率: one task closed of four counted.
    assert rows["完成率（%）"] == [25.0, "1/4"]
    timely = sum(1 for r in status.reports if r.status == "on_time")
    assert rows["报送及时率（%）"][1] == f"{timely}/{len(status.reports)}"


def test_each_unit_has_its_sheet_and_the_matrix_shows_each_unit_s_periods() -> None:
    status = office_status()
    book = load_workbook(io.BytesIO(ledger_xlsx.ledger(build_ledger(status, office_units()))))
    assert {NDRC, INDUSTRY_LEAD, "市交通运输局", "甲区人民政府"} <= set(book.sheetnames)
    ndrc = [[c.value for c in row] for row in book[NDRC].iter_rows(min_row=3)]
    assert [(row[1], row[-1]) for row in ndrc] == [
        ("壮大先进制造业", "配合"),
        ("推进重点项目建设", "牵头"),
        ("谋划明年重点项目", "牵头"),
    ]
    matrix = book["报送情况"]
    header = [c.value for c in matrix[2]]
    expected = {(r.unit, r.period.chinese()): r.status for r in status.reports}
    words = {"on_time": "按时", "late": "迟报", "missing": "未报"}
    for row in matrix.iter_rows(min_row=3, values_only=True):
        if not row[0] or row[0].startswith("按时："):
            continue
        for column, value in zip(header[1:], row[1:], strict=True):
            if (row[0], column) in expected:
                assert value == words[expected[(row[0], column)]], (row[0], column)


def test_the_overdue_list_holds_the_tasks_past_their_deadline() -> None:
    status = office_status()
    rows = sheet_rows(ledger_xlsx.ledger(build_ledger(status, office_units())), "逾期任务")
    overdue = [
        t
        for t in status.tasks
        if t.deadline and t.deadline < AS_OF and t.light not in ("done", "grey")
    ]
    assert [row[1] for row in rows if row[0]] == [t.placed.task.heading for t in overdue]


def test_word_has_a_landscape_table_per_sheet_with_repeating_headers() -> None:
    status = office_status()
    word = Document(io.BytesIO(ledger_docx.ledger(build_ledger(status, office_units()))))
    assert word.sections[0].page_width > word.sections[0].page_height
    tasks = next(
        t
        for t in word.tables
        if t.rows[0].cells[0].text == "序号" and t.rows[0].cells[6].text == "灯号"
    )
    assert len(tasks.rows) == 1 + len(status.tasks)
    assert tasks.rows[1].cells[6].text in ("已完成",)
    assert "w:tblHeader" in tasks.rows[0]._tr.xml  # the header repeats on every page
    assert all("w:cantSplit" in row._tr.xml for row in tasks.rows[1:])  # rows stay whole


def test_markdown_has_a_table_per_sheet() -> None:
    status = office_status()
    text = ledger_md.ledger(build_ledger(status, office_units())).decode("utf-8")
    for title in ("汇总", "任务台账", "逾期任务", "报送情况"):
        assert title in text
    assert "| 序号 | 任务 |" in text.replace("  ", " ")


@pytest.mark.parametrize("said", ["=cmd|' /C calc'!A0", "+1", "@SUM(1)", "-2"])
def test_no_cell_of_the_ledger_becomes_a_formula(said: str) -> None:
    from dataclasses import replace

    status = office_status()
    first = status.tasks[0]
    assert first.latest is not None
    tricky = replace(status, tasks=(replace(first, latest=replace(first.latest, progress=said)),))
    model = build_ledger(tricky, office_units())
    sheet = load_workbook(io.BytesIO(ledger_xlsx.ledger(model)))["任务台账"]
    assert sheet["I3"].value == said
    assert sheet["I3"].data_type == "s" and sheet["I3"].quotePrefix
