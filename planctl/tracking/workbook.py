"""A unit's report as an Excel workbook, and back: for units that will not touch YAML.

`report new --format xlsx` writes one sheet per plan: 序号, 任务, 完成时限 (locked), and
the cells the unit fills — 状态 and 申请 from drop-down lists of Chinese labels, 完成进度
as a whole number 0-100, 进展情况, 存在问题, 下步打算, 延期至, 申请理由. A hidden sheet
records the plan, period and unit of each sheet and the task of each row, so that
`report import` maps the cells back to a report file, and refuses a workbook that was
not made this way or whose rows no longer match. Text is stored as text: a cell starting
with = + - @ is never a formula.
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from planctl.errors import InputError, WorkbookRejected
from planctl.i18n import _, quote
from planctl.tracking.periods import Period, parse_period
from planctl.tracking.records import ReportEntry, ReportStatus, Request

if TYPE_CHECKING:
    from planctl.tracking.drafts import ReportDraft

__all__ = ["ImportedReport", "read_workbook", "write_workbook"]

WORKBOOK_FORMAT = "planctl-report-workbook/1"
MAP_SHEET = "planctl"
STATUS_LABELS: dict[str, ReportStatus] = {
    "未启动": "not_started",
    "推进中": "in_progress",
    "滞后": "delayed",
    "已完成": "done",
}
REQUEST_LABELS: dict[str, Request] = {"申请办结": "close", "申请延期": "extend"}
COLUMNS = (
    ("序号", 6),
    ("任务", 30),
    ("完成时限", 14),
    ("状态", 9),
    ("完成进度(%)", 9),
    ("进展情况", 40),
    ("存在问题", 20),
    ("下步打算", 20),
    ("申请", 10),
    ("延期至", 10),
    ("申请理由", 20),
)
_LOCKED = 3  # 序号, 任务, 完成时限: the unit does not change them
_HEADER_ROW = 2
_STATUS, _PERCENT, _PROGRESS, _PROBLEMS, _NEXT, _REQUEST, _EXTEND, _REASON = range(4, 12)
_STATUS_NAMES = {code: label for label, code in STATUS_LABELS.items()}
_SHEET_NAME_LIMIT = 31


@dataclass(frozen=True)
class ImportedReport:
    """One sheet read back: the report it holds, entries in the sheet's order."""

    sheet: str
    plan: str
    period: Period
    unit: str
    as_of: datetime.date
    entries: tuple[ReportEntry, ...]


def write_workbook(drafts: Sequence[ReportDraft]) -> bytes:
    """The workbook of one unit's drafts, one sheet per plan."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    task_map: list[list[Any]] = [[WORKBOOK_FORMAT]]
    used: set[str] = set()
    for draft in drafts:
        name = _sheet_name(draft.plan.title or draft.plan.id, used)
        _fill_sheet(book.create_sheet(name), draft)
        period, end = str(draft.period), draft.period.end
        task_map.append(["sheet", name, draft.plan.id, period, draft.unit, end])
        for row, item in enumerate(draft.tasks, start=_HEADER_ROW + 1):
            task_map.append(["task", name, row, item.task.id, item.serial])
    mapping = book.create_sheet(MAP_SHEET, 0)
    _fill_map(mapping, task_map)
    mapping.sheet_state = "hidden"
    mapping.protection.sheet = True
    book.active = 1 if drafts else 0
    book.properties.creator = "planctl"
    moment = datetime.datetime(2000, 1, 1)
    book.properties.created = book.properties.modified = moment
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _fill_sheet(sheet: Any, draft: ReportDraft) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.utils import get_column_letter

    from planctl.render import sheet_layout as layout

    title = f"{draft.plan.title} {draft.period.chinese()}进展报告（{draft.unit}）"
    _put_text(sheet.cell(1, 1), title)
    sheet.cell(1, 1).font = Font(bold=True, size=14)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(COLUMNS))
    header_fill = PatternFill("solid", fgColor="D9D9D9")
    for column, (header, width) in enumerate(COLUMNS, start=1):
        cell = sheet.cell(_HEADER_ROW, column, header)
        cell.font = Font(bold=True)
        cell.fill = header_fill
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        sheet.column_dimensions[get_column_letter(column)].width = width * 1.9
    wrap = Alignment(vertical="top", wrap_text=True)
    for row, item in enumerate(draft.tasks, start=_HEADER_ROW + 1):
        last = item.last
        values: list[Any] = [
            item.serial,
            item.task.heading,
            item.deadline,
            _STATUS_NAMES[item.status],
            last.percent if last is not None else None,
            "",
            "",
            "",
            "",
            "",
            "",
        ]
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row, column)
            if isinstance(value, str):
                _put_text(cell, value)
            else:
                cell.value = value
            cell.alignment = wrap
            cell.protection = Protection(locked=column <= _LOCKED)
            if column == _PROGRESS and last is not None and item.last_period is not None:
                cell.comment = _last_said(item.last_period, last)
            if column == _EXTEND:
                cell.number_format = "@"  # 2023-09 stays a deadline, not a date
    last_row = _HEADER_ROW + len(draft.tasks)
    _add_choices(sheet, last_row)
    layout.set_up_printing(sheet, header_row=_HEADER_ROW, last_row=last_row, columns=len(COLUMNS))
    protection = sheet.protection
    protection.sheet = True
    # The unit may still resize, filter and sort; only the key columns and the layout hold.
    protection.formatColumns = protection.formatRows = protection.autoFilter = False


def _last_said(period: Period, last: ReportEntry) -> Any:
    """Last period's 进展情况 and 下步打算, as a note on the cell the unit writes in."""
    from openpyxl.comments import Comment

    from planctl.render.markup import xml_safe

    lines = [f"上期（{period.chinese()}）进展：{last.progress or '（未填写）'}"]
    if last.next_steps:
        lines.append(f"上期下步打算：{last.next_steps}")
    note = Comment(xml_safe("\n".join(lines)), "planctl")
    note.width, note.height = 320, 120
    return note


def _add_choices(sheet: Any, last_row: int) -> None:
    """Drop-down lists for 状态 and 申请, a whole number 0-100 for 完成进度."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    if last_row <= _HEADER_ROW:
        return
    first = _HEADER_ROW + 1

    def cells(column: int) -> str:
        letter = get_column_letter(column)
        return f"{letter}{first}:{letter}{last_row}"

    status = DataValidation(
        type="list", formula1='"' + ",".join(STATUS_LABELS) + '"', allow_blank=False
    )
    status.error = "请从列表中选择：" + "、".join(STATUS_LABELS)
    status.add(cells(_STATUS))
    request = DataValidation(
        type="list", formula1='"' + ",".join(REQUEST_LABELS) + '"', allow_blank=True
    )
    request.add(cells(_REQUEST))
    percent = DataValidation(
        type="whole", operator="between", formula1="0", formula2="100", allow_blank=True
    )
    percent.error = "请填写 0 到 100 之间的整数"
    percent.add(cells(_PERCENT))
    for validation in (status, request, percent):
        validation.showErrorMessage = True
        sheet.add_data_validation(validation)


def _fill_map(sheet: Any, rows: list[list[Any]]) -> None:
    """The task map, its text stored as text too (a unit named =… stays a name)."""
    for row, values in enumerate(rows, start=1):
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row, column)
            if isinstance(value, str):
                _put_text(cell, value)
            else:
                cell.value = value


def _put_text(cell: Any, text: str) -> None:
    from planctl.render.markup import xml_safe
    from planctl.render.table import starts_formula

    cell.value = xml_safe(text)
    cell.data_type = "s"  # never a formula, whatever the text starts with
    cell.quotePrefix = starts_formula(text)


def _sheet_name(title: str, used: set[str]) -> str:
    from planctl.render.markup import xml_safe

    cleaned = "".join("_" if c in ":\\/?*[]" else c for c in xml_safe(title)).strip("'")
    cleaned = cleaned or "Sheet"
    name, counter = cleaned[:_SHEET_NAME_LIMIT], 2
    while name.casefold() in used or name.casefold() == MAP_SHEET:
        suffix = f"({counter})"
        name, counter = cleaned[: _SHEET_NAME_LIMIT - len(suffix)] + suffix, counter + 1
    used.add(name.casefold())
    return name


# --- reading back --------------------------------------------------------------------------


def read_workbook(data: bytes, file: str) -> list[ImportedReport]:
    """The reports a filled-in workbook holds; a workbook `report new` did not make, a row
    whose task changed, or a cell that cannot be stored is refused with its place."""
    book = _open(data, file)
    if MAP_SHEET not in book.sheetnames or book[MAP_SHEET]["A1"].value != WORKBOOK_FORMAT:
        raise InputError(
            _("this workbook was not made by planctl report new (it has no task map)"),
            where=file,
            hint=_("write one with planctl report new --unit UNIT --format xlsx"),
        )
    sheets: dict[str, list[Any]] = {}
    rows: dict[str, list[tuple[int, str, int]]] = {}
    for values in book[MAP_SHEET].iter_rows(min_row=2, values_only=True):
        if values and values[0] == "sheet":
            sheets[str(values[1])] = list(values)
        elif values and values[0] == "task":
            mapped = (int(values[2]), str(values[3]), int(values[4]))
            rows.setdefault(str(values[1]), []).append(mapped)
    return [
        _read_sheet(book, file, name, meta, rows.get(name, [])) for name, meta in sheets.items()
    ]


def _open(data: bytes, file: str) -> Any:
    from zipfile import BadZipFile

    from openpyxl import load_workbook

    try:
        return load_workbook(io.BytesIO(data))
    except (BadZipFile, KeyError, ValueError, OSError) as error:
        raise InputError(
            _("not an Excel workbook (.xlsx): {reason}").format(reason=error),
            where=file,
            hint=_("save it from Excel or WPS as .xlsx"),
        ) from None


def _read_sheet(
    book: Any, file: str, name: str, meta: list[Any], rows: list[tuple[int, str, int]]
) -> ImportedReport:
    if name not in book.sheetnames:
        raise WorkbookRejected(
            _("sheet {sheet} is missing").format(sheet=quote(name)),
            where=file,
            hint=_("import the workbook as report new wrote it, with every sheet"),
        )
    sheet = book[name]
    plan, period_text, unit, as_of = meta[2:6]
    period = parse_period(str(period_text))
    entries: list[ReportEntry] = []
    for row, task_id, serial in rows:
        place = _Place(file, name, row)
        _check_row(sheet, place, serial)
        entries.append(_entry(sheet, place, task_id, len(entries)))
    day = as_of.date() if isinstance(as_of, datetime.datetime) else period.end
    return ImportedReport(name, str(plan), period, str(unit), day, tuple(entries))


@dataclass(frozen=True, slots=True)
class _Place:
    file: str
    sheet: str
    row: int

    def at(self, column: int) -> str:
        return _("{file}: sheet {sheet}, row {row}, {column}").format(
            file=self.file, sheet=self.sheet, row=self.row, column=COLUMNS[column - 1][0]
        )


def _check_row(sheet: Any, place: _Place, serial: int) -> None:
    """The row still holds the task the map says: its 序号 and 任务 are locked, but a sheet
    can be unprotected and rows moved or deleted."""
    found = sheet.cell(place.row, 1).value
    if found != serial or sheet.cell(place.row, 2).value in (None, ""):
        raise WorkbookRejected(
            _("this row no longer holds task {serial} (rows deleted or moved)").format(
                serial=serial
            ),
            where=place.at(1),
            hint=_("keep the rows and columns report new wrote; write a new workbook if needed"),
        )


def _entry(sheet: Any, place: _Place, task_id: str, index: int) -> ReportEntry:
    status = _status(sheet.cell(place.row, _STATUS).value, place)
    percent = _percent(sheet.cell(place.row, _PERCENT).value, place)
    request = _request(sheet.cell(place.row, _REQUEST).value, place)
    extend_to = _text(sheet.cell(place.row, _EXTEND).value)
    if request == "extend" and not extend_to:
        raise WorkbookRejected(
            _("a request to extend needs the new deadline"),
            where=place.at(_EXTEND),
            hint=_("write it as 2023-09, 2023-Q3 or 2023-09-30"),
        )
    return ReportEntry(
        task=task_id,
        path=("tasks", index),
        status=status,
        percent=percent,
        progress=_text(sheet.cell(place.row, _PROGRESS).value),
        problems=_text(sheet.cell(place.row, _PROBLEMS).value),
        next_steps=_text(sheet.cell(place.row, _NEXT).value),
        request=request,
        extend_to=extend_to if request == "extend" else None,
        reason=_text(sheet.cell(place.row, _REASON).value) if request else None,
    )


def _status(value: Any, place: _Place) -> ReportStatus:
    text = _text(value) or ""
    if text in STATUS_LABELS:
        return STATUS_LABELS[text]
    if text in _STATUS_NAMES:
        return text  # one of the codes (_STATUS_NAMES is keyed by them)
    raise WorkbookRejected(
        _("{value} is not a status").format(value=quote(text)),
        where=place.at(_STATUS),
        hint=_("choose one of: {choices}").format(choices="、".join(STATUS_LABELS)),
    )


def _percent(value: Any, place: _Place) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    number: float | None
    try:
        number = float(str(value).strip().removesuffix("%"))
    except ValueError:
        number = None
    if isinstance(value, bool) or number is None or number != int(number) or not 0 <= number <= 100:
        raise WorkbookRejected(
            _("{value} is not a whole number from 0 to 100").format(value=quote(str(value))),
            where=place.at(_PERCENT),
            hint=_("write the share of the work done, such as 45"),
        )
    return int(number)


def _request(value: Any, place: _Place) -> Request | None:
    text = _text(value)
    if text is None:
        return None
    if text in REQUEST_LABELS:
        return REQUEST_LABELS[text]
    raise WorkbookRejected(
        _("{value} is not a request").format(value=quote(text)),
        where=place.at(_REQUEST),
        hint=_("choose one of: {choices} (or leave it empty)").format(
            choices="、".join(REQUEST_LABELS)
        ),
    )


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    text = str(value).strip()
    return text or None
