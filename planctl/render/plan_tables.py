"""The plan's tables: the responsibility table (责任分工表) and the per-unit lists (分工清单).

Both are `planctl.render.table.TableDocument`s, so every table writer handles them. The
responsibility table names units as the plan writes them (a group stays a group); the
per-unit lists expand groups to their member units through the unit registry.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field

from planctl.errors import UsageError
from planctl.i18n import _, either, pgettext
from planctl.render.context import PlanView, SectionView, TaskView, table_title_lines
from planctl.render.table import Cell, Column, Row, Segment, Table, TableDocument
from planctl.units import UnitRegistry

LEAD_ROLE = "牵头任务"
SUPPORT_ROLE = "配合任务"


def task_columns(view: PlanView) -> tuple[Column, ...]:
    columns = (
        Column("序号", 6, "center"),
        Column("工作任务", 44),
        Column("牵头单位", 14),
        Column("配合单位", 18),
        Column("完成时限", 9, "center", date_header="截止日期"),
    )
    return (*columns, Column("进展", 12)) if view.has_status else columns


def task_row(task: TaskView, with_status: bool) -> Row:
    cells = [
        Cell.of(str(task.serial)),
        task_cell(task),
        Cell.of(task.lead_text),
        Cell.of(task.support_text),
        due_cell(task),
    ]
    if with_status:
        cells.append(Cell.of("\n".join(part for part in (task.status, task.progress) if part)))
    return Row(tuple(cells))


def due_cell(task: TaskView) -> Cell:
    """完成时限: the deadline kept on one line, any note after it, and its last day."""
    if not task.due_phrase or not task.due.startswith(task.due_phrase):
        return Cell(Cell.of(task.due).segments, date=task.due_date)
    note = task.due[len(task.due_phrase) :]
    segments = (Segment(task.due_phrase, keep=True), *((Segment(note),) if note else ()))
    return Cell(segments, date=task.due_date)


def task_cell(task: TaskView) -> Cell:
    """The heading in bold, then the task's text, paragraphs on their own lines."""
    text = "\n".join(task.paragraphs)
    segments = [Segment(task.heading, "strong")] if task.heading else []
    if text:
        segments.append(Segment(text))
    return Cell(tuple(segments))


# --- 责任分工表 ------------------------------------------------------------------------------


def responsibility_table(view: PlanView) -> TableDocument:
    """序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限 (| 进展), with a row per section."""
    rows = tuple(_rows(view.entries, view.has_status))
    lines = table_title_lines(view, "" if view.title.endswith("表") else "责任分工表")
    table = Table(title="", columns=task_columns(view), rows=rows)
    return TableDocument(title="".join(lines), tables=(table,), title_lines=lines)


def _rows(entries: Iterable[SectionView | TaskView], with_status: bool) -> Iterable[Row]:
    """A row per task, and a heading row per section, in the document's order."""
    for entry in entries:
        if isinstance(entry, TaskView):
            yield task_row(entry, with_status)
        else:
            yield Row.section(entry.heading, entry.level)
            yield from _rows(entry.entries, with_status)


# --- 分工清单 --------------------------------------------------------------------------------


@dataclass
class _Duties:
    lead: list[TaskView] = field(default_factory=list)
    support: list[TaskView] = field(default_factory=list)


def unit_lists(
    view: PlanView, units: UnitRegistry | None, only: str | None = None
) -> TableDocument:
    """For each unit (groups expanded), the tasks it leads and the tasks it supports."""
    duties = _duties_by_unit(view, units)
    chosen = [_resolve_unit(only, duties, units)] if only else list(duties)
    tables = tuple(_unit_table(view, name, duties[name]) for name in chosen)
    lines = table_title_lines(view, "任务分工清单")
    return TableDocument(title="".join(lines), tables=tables, title_lines=lines)


def _duties_by_unit(view: PlanView, units: UnitRegistry | None) -> dict[str, _Duties]:
    found: dict[str, _Duties] = {}
    for task in view.tasks:
        leads = _expand(task.lead, units)
        for name in leads:
            found.setdefault(name, _Duties()).lead.append(task)
        for name in _expand((*task.responsible, *task.support, *task.guide), units):
            if name not in leads:
                found.setdefault(name, _Duties()).support.append(task)
    order = list(units.units) if units else []
    rank = {name: index for index, name in enumerate(order)}
    # Registered units in the registry's order, others as the plan first names them.
    ranked = sorted(found, key=lambda name: rank.get(name, len(order)))
    return {name: found[name] for name in ranked}


def _expand(names: tuple[str, ...], units: UnitRegistry | None) -> tuple[str, ...]:
    return units.expand_all(names) if units else tuple(dict.fromkeys(names))


def _resolve_unit(name: str, duties: dict[str, _Duties], units: UnitRegistry | None) -> str:
    canonical = units.lookup(name).canonical if units else None
    if units and units.lookup(name).kind == "group":
        members = pgettext("list separator", ", ").join(units.expand(name))
        raise UsageError(
            _("{name} is a group of units, not one unit").format(name=name),
            where="--unit",
            hint=_("name one of its members: {members}").format(members=members),
        )
    for candidate in (canonical, name):
        if candidate in duties:
            return candidate
    if canonical:
        raise UsageError(
            _("{name} has no tasks in this plan").format(name=canonical),
            where="--unit",
            hint=_("name a unit that leads or supports a task"),
        )
    close = difflib.get_close_matches(name, list(duties), n=3, cutoff=0.4)
    hint = (
        _("did you mean {names}?").format(names=either(close))
        if close
        else _("name a unit the plan assigns tasks to")
    )
    raise UsageError(
        _("no unit named {name} in this plan").format(name=name), where="--unit", hint=hint
    )


def _unit_table(view: PlanView, name: str, duties: _Duties) -> Table:
    with_status = view.has_status
    rows: list[Row] = []
    for role, tasks in ((LEAD_ROLE, duties.lead), (SUPPORT_ROLE, duties.support)):
        if tasks:
            rows.append(Row.section(f"{role}（{len(tasks)}项）"))
            rows.extend(task_row(task, with_status) for task in tasks)
    note = f"牵头{len(duties.lead)}项，配合{len(duties.support)}项"
    return Table(title=name, columns=task_columns(view), rows=tuple(rows), note=note)
