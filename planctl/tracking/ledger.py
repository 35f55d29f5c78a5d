"""The 台账: the state of every task of the plans as of a date, for the supervising office.

Built from one `compute_status` (the lights, their reasons, the report statuses), it has

- 汇总: counts per light, 完成率, 按时完成率, 报送及时率, the as-of date;
- 任务台账: one row per task — 序号, 任务, 牵头单位, 配合单位, 完成时限 (as worded) and its
  date, 灯号, 原因, 最新进展, 报送情况;
- one sheet per unit (the tasks it leads, supports or is responsible for);
- 逾期任务: the overdue tasks, most overdue first;
- 报送情况: a unit × period matrix of report status (按时 / 迟报 / 未报).

The values are typed (numbers, dates, lights) so that each writer (Excel, Word, Markdown,
`planctl.render.formats.ledger_*`) shows them as its format can: an Excel light cell is
filled in its colour and says its word too.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeAlias

from planctl.config import TrackingSettings
from planctl.errors import UsageError
from planctl.i18n import DOCUMENT_LANGUAGE, _, in_language, quote
from planctl.tracking.records import Light
from planctl.tracking.state import LIGHT_ORDER, ReportState, ReportTiming, Status, TaskState
from planctl.units import UnitRegistry

__all__ = ["Ledger", "LedgerSheet", "LightValue", "build_ledger", "render_ledger"]

LIGHT_WORDS: dict[Light, str] = {
    "red": "红灯",
    "yellow": "黄灯",
    "green": "绿灯",
    "done": "已完成",
    "grey": "灰灯",
}
TIMING_WORDS: dict[ReportTiming, str] = {"on_time": "按时", "late": "迟报", "missing": "未报"}
_TIMING_ORDER: tuple[ReportTiming, ...] = ("missing", "late", "on_time")  # worst first
_ROLES = (("lead", "牵头"), ("responsible", "责任"), ("support", "配合"))


@dataclass(frozen=True, slots=True)
class LightValue:
    """A light in a cell: its word is the text, its colour a fill where the format has one."""

    light: Light

    def __str__(self) -> str:
        return LIGHT_WORDS[self.light]


Value: TypeAlias = str | int | float | datetime.date | LightValue | None


@dataclass(frozen=True, slots=True)
class LedgerColumn:
    header: str
    width: int  # in east-Asian characters
    center: bool = False


@dataclass(frozen=True)
class LedgerSheet:
    title: str
    columns: tuple[LedgerColumn, ...]
    rows: tuple[tuple[Value, ...], ...]
    note: str = ""


@dataclass(frozen=True)
class Ledger:
    title: str
    as_of: datetime.date
    sheets: tuple[LedgerSheet, ...]


_TASK_COLUMNS = (
    LedgerColumn("序号", 4, center=True),
    LedgerColumn("任务", 24),
    LedgerColumn("牵头单位", 10),
    LedgerColumn("配合单位", 12),
    LedgerColumn("完成时限", 9, center=True),
    LedgerColumn("截止日期", 9, center=True),
    LedgerColumn("灯号", 5, center=True),
    LedgerColumn("原因", 12),
    LedgerColumn("最新进展", 24),
    LedgerColumn("报送情况", 10),
)


def build_ledger(
    status: Status,
    units: UnitRegistry | None,
    settings: TrackingSettings | None = None,
    *,
    title: str = "重点工作任务督办台账",
) -> Ledger:
    """The 台账 of `status` (its tasks and report statuses, as `compute_status` gave them)."""
    timings = _latest_timings(status.reports)
    sheets = [
        _summary(status, settings or TrackingSettings()),
        _task_sheet("任务台账", status.tasks, units, timings),
        *(
            _task_sheet(unit, tasks, units, timings, role=roles)
            for unit, tasks, roles in _by_unit(status.tasks, units)
        ),
        _overdue(status),
        _matrix(status.reports),
    ]
    return Ledger(title, status.as_of, tuple(sheets))


# --- the summary ---------------------------------------------------------------------------


def _summary(status: Status, settings: TrackingSettings) -> LedgerSheet:
    """The figures of `planctl stats` for the whole ledger, each ratio with its counts."""
    from planctl.tracking.stats import figures_of

    figures = figures_of(status.tasks, status.reports, settings, status.as_of)
    rows: list[tuple[Value, ...]] = [
        ("截至日期", status.as_of, ""),
        ("任务总数", figures.tasks, ""),
        *((f"{LIGHT_WORDS[light]}（项）", figures.lights[light], "") for light in LIGHT_ORDER),
        ("逾期任务（项）", figures.overdue, ""),
        *(
            (name, ratio.share, f"{ratio.numerator}/{ratio.denominator}")
            for name, ratio in (
                ("完成率（%）", figures.completion),
                ("按时完成率（%）", figures.on_time_completion),
                ("序时达标率（%）", figures.on_schedule),
                ("报送及时率（%）", figures.reporting),
            )
        ),
    ]
    note = (
        "完成率：已办结 ÷ 未取消、未暂缓的任务；按时完成率：按期办结 ÷ 完成时限已过的任务；"
        "序时达标率：进度不落后序时 ÷ 报有完成比例的任务；报送及时率：按时报送 ÷ 应报送的报告。"
    )
    columns = (
        LedgerColumn("项目", 12),
        LedgerColumn("数值", 8, center=True),
        LedgerColumn("计算", 8, center=True),
    )
    return LedgerSheet("汇总", columns, tuple(rows), note)


# --- the task rows -------------------------------------------------------------------------


def _task_sheet(
    title: str,
    tasks: Iterable[TaskState],
    units: UnitRegistry | None,
    timings: dict[tuple[str, str], ReportState],
    *,
    role: dict[str, str] | None = None,
) -> LedgerSheet:
    columns = _TASK_COLUMNS if role is None else (*_TASK_COLUMNS, LedgerColumn("角色", 4, True))
    rows = []
    for serial, state in enumerate(tasks, start=1):
        task = state.placed.task
        latest = state.latest.progress if state.latest is not None else None
        row: tuple[Value, ...] = (
            serial,
            _task_name(state),
            "、".join(task.lead or task.responsible),
            "、".join(task.support),
            state.deadline_words,
            state.deadline,
            LightValue(state.light),
            "；".join(state.reasons),
            latest or "",
            _reporting(state, units, timings),
        )
        rows.append(row if role is None else (*row, role[_key(state)]))
    return LedgerSheet(title, columns, tuple(rows))


def _task_name(state: TaskState) -> str:
    return state.placed.task.heading


def _key(state: TaskState) -> str:
    return f"{state.plan}/{state.task_id}"


def _owners(state: TaskState, units: UnitRegistry | None) -> list[tuple[str, str]]:
    """The units that report on the task, with their role, groups expanded."""
    found: dict[str, str] = {}
    for role, word in _ROLES:
        names = getattr(state.placed.task, role)
        for unit in units.expand_all(names) if units is not None else names:
            found.setdefault(unit, word)
    return list(found.items())


def _reporting(
    state: TaskState, units: UnitRegistry | None, timings: dict[tuple[str, str], ReportState]
) -> str:
    """报送情况: each reporting unit's status for its latest due period."""
    said = []
    for unit, _role in _owners(state, units):
        timing = timings.get((state.plan, unit))
        if timing is not None:
            said.append(f"{unit} {timing.period.chinese()}{TIMING_WORDS[timing.status]}")
    return "；".join(said)


def _latest_timings(reports: Iterable[ReportState]) -> dict[tuple[str, str], ReportState]:
    latest: dict[tuple[str, str], ReportState] = {}
    for report in reports:
        key = (report.plan, report.unit)
        if key not in latest or latest[key].period.end < report.period.end:
            latest[key] = report
    return latest


def _by_unit(
    tasks: Sequence[TaskState], units: UnitRegistry | None
) -> list[tuple[str, list[TaskState], dict[str, str]]]:
    """Each unit's tasks and its role in each, units in the order the tasks name them."""
    found: dict[str, tuple[list[TaskState], dict[str, str]]] = {}
    for state in tasks:
        for unit, role in _owners(state, units):
            held, roles = found.setdefault(unit, ([], {}))
            held.append(state)
            roles[_key(state)] = role
    return [(unit, held, roles) for unit, (held, roles) in found.items()]


# --- overdue tasks and the report matrix ---------------------------------------------------


def overdue_tasks(status: Status) -> list[TaskState]:
    """Tasks past their effective deadline and not done, most overdue first."""
    late = [
        task
        for task in status.tasks
        if task.deadline is not None
        and task.deadline < status.as_of
        and task.light not in ("done", "grey")
    ]
    return sorted(late, key=lambda task: task.deadline or status.as_of)


def _overdue(status: Status) -> LedgerSheet:
    rows = tuple(
        (
            serial,
            _task_name(state),
            "、".join(state.placed.task.lead or state.placed.task.responsible),
            state.deadline_words,
            state.deadline,
            (status.as_of - state.deadline).days if state.deadline else None,
            LightValue(state.light),
            "；".join(state.reasons),
        )
        for serial, state in enumerate(overdue_tasks(status), start=1)
    )
    columns = (
        LedgerColumn("序号", 4, center=True),
        LedgerColumn("任务", 26),
        LedgerColumn("牵头单位", 12),
        LedgerColumn("完成时限", 9, center=True),
        LedgerColumn("截止日期", 9, center=True),
        LedgerColumn("逾期天数", 5, center=True),
        LedgerColumn("灯号", 5, center=True),
        LedgerColumn("原因", 16),
    )
    return LedgerSheet("逾期任务", columns, rows)


def _matrix(reports: Sequence[ReportState]) -> LedgerSheet:
    """Units down, periods across; a unit of several plans shows its worst status."""
    periods = sorted({str(r.period): r.period for r in reports}.items(), key=lambda p: p[1].start)
    cells: dict[tuple[str, str], ReportTiming] = {}
    for report in reports:
        key = (report.unit, str(report.period))
        held = cells.get(key)
        if held is None or _TIMING_ORDER.index(report.status) < _TIMING_ORDER.index(held):
            cells[key] = report.status
    unit_names = list(dict.fromkeys(report.unit for report in reports))
    rows = tuple(
        (
            unit,
            *(
                TIMING_WORDS[cells[(unit, name)]] if (unit, name) in cells else "—"
                for name, _p in periods
            ),
        )
        for unit in unit_names
    )
    columns = (
        LedgerColumn("单位", 12),
        *(LedgerColumn(period.chinese(), 6, center=True) for _name, period in periods),
    )
    return LedgerSheet(
        "报送情况", columns, rows, "按时：截止日前报送；迟报：截止日后报送；未报：至今未报送。"
    )


# --- the command's core --------------------------------------------------------------------


@dataclass(frozen=True)
class LedgerOutput:
    path: Path | None  # None: the bytes went to standard output
    data: bytes | None = None
    notes: tuple[str, ...] = ()  # the files left out, one line each


def render_ledger(
    plans: Sequence[Path],
    *,
    fmt: str | None = None,
    output: Path | None = None,
    as_of: str | None = None,
    binary_to_stdout: bool = False,
) -> LedgerOutput:
    """`planctl render PLAN… --as ledger`: the 台账 of the plans named, as of a date (default
    today), written to `output` (a file, a folder, or - ) or build/ledger-<date>.<ext>."""
    from planctl.config import load_settings
    from planctl.plans import named_plan_ids
    from planctl.render.service import STDOUT, one_output_path, write_atomically
    from planctl.render.writers import DOCUMENT_FORMATS, SUFFIXES
    from planctl.repository import open_repository
    from planctl.tracking.drafts import load
    from planctl.tracking.lights import compute_status
    from planctl.tracking.load import read_files
    from planctl.tracking.query import left_out_lines
    from planctl.tracking.stats import select

    chosen = fmt or _format_from(output) or "xlsx"
    DOCUMENT_FORMATS["ledger"].check(chosen)
    if output == STDOUT and chosen in ("xlsx", "docx") and not binary_to_stdout:
        raise UsageError(
            _("{format} is a binary format and standard output is a terminal").format(
                format=chosen
            ),
            where="-o -",
            hint=_("redirect it to a file or a pipe, or use -f md"),
        )
    day = _as_of(as_of)
    repository = open_repository(plans[0] if plans else None)
    tracking = load(repository.root)
    settings = load_settings(repository.root).tracking
    plan_ids = sorted(named_plan_ids(plans, doing="render"))
    with in_language(DOCUMENT_LANGUAGE):  # the reasons are the document's text
        status = select(compute_status(tracking, day, settings), plans=plan_ids)
    model = build_ledger(status, tracking.units, settings)
    data = DOCUMENT_FORMATS["ledger"].get(chosen)(model)
    notes = left_out_lines(tracking.findings)
    if output == STDOUT:
        return LedgerOutput(None, data, notes)
    name = f"ledger-{day.isoformat()}{SUFFIXES[chosen]}"
    path = repository.root / "build" / name if output is None else one_output_path(output, name)
    write_atomically(path, data, repository.root, read_files(repository, tracking, *plans))
    return LedgerOutput(path, notes=notes)


def _format_from(output: Path | None) -> str | None:
    suffixes = {".xlsx": "xlsx", ".docx": "docx", ".md": "md"}
    return suffixes.get(output.suffix.lower()) if output is not None else None


def _as_of(written: str | None) -> datetime.date:
    if written is None:
        return datetime.date.today()
    from planctl.tracking.query import within_reach

    try:
        return within_reach(datetime.date.fromisoformat(written), where="--as-of")
    except ValueError:
        raise UsageError(
            _("{value} is not a date").format(value=quote(written)),
            where="--as-of",
            hint=_("write it as 2023-07-10"),
        ) from None


def cell_text(value: Any) -> str:
    """A value as text, for the formats that hold text only."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.1f}"
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)
