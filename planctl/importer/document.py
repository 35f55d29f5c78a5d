"""One imported document: the notice, the title, the preamble and the body, assembled
into plan data, with every line either placed in the plan or listed as not understood.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from planctl.importer import notice as notice_parts
from planctl.importer.body import first_body_line, read_body
from planctl.importer.build import build
from planctl.importer.furniture import set_aside
from planctl.importer.lines import Line, Source
from planctl.importer.numbering import Node
from planctl.importer.owners import ROLES, registered_units
from planctl.importer.title import kind_of, period_of, read_head, title_from_notice
from planctl.importer.units_match import UnitMatches, match_units
from planctl.units import UnitRegistry

FORMAT = "planctl/1"
LOOSE_SECTION_TITLE = "工作任务"


@dataclass(frozen=True, slots=True)
class Unplaced:
    """A line of the source that has no place in the plan, and why."""

    where: str
    text: str
    reason: str


@dataclass
class Imported:
    data: dict[str, Any]
    unplaced: list[Unplaced]
    units: UnitMatches
    notes: list[str] = field(default_factory=list)

    def tasks(self) -> list[dict[str, Any]]:
        return [task for section in self.data.get("sections", []) for task in _tasks(section)]

    def sections(self) -> int:
        return sum(1 for section in self.data.get("sections", []) for _ in _sections(section))


def _tasks(section: dict[str, Any]) -> list[dict[str, Any]]:
    found = list(section.get("tasks", []))
    for child in section.get("sections", []):
        found.extend(_tasks(child))
    return found


def _sections(section: dict[str, Any]) -> list[dict[str, Any]]:
    found = [section]
    for child in section.get("sections", []):
        found.extend(_sections(child))
    return found


def import_source(source: Source, plan_id: str, registry: UnitRegistry | None) -> Imported:
    """Plan data (stage draft) for `source`; units are matched against `registry`, whose
    names are units wherever the document names them."""
    known = frozenset(registry.known_names()) if registry is not None else frozenset()
    with registered_units(known):
        return _import(source, plan_id, registry)


def _import(source: Source, plan_id: str, registry: UnitRegistry | None) -> Imported:
    parts = notice_parts.NoticeParts()
    lines, furniture = set_aside(source.lines)
    parts.unplaced += furniture
    plan_lines = _after_notice(lines, parts)
    notice_parts.read_closing([line for line in plan_lines if line.cells is None], parts)
    plan_lines = [line for line in plan_lines if line.index not in parts.used]
    boundary = first_body_line(plan_lines)
    head = read_head(plan_lines[:boundary])
    body = read_body(plan_lines[boundary:])
    notice = _notice(parts)
    title = head.title or (title_from_notice(notice["title"]) if notice else source.path.stem)
    period = period_of(title) or (period_of(notice["title"]) if notice else None)
    built = build(body.outline, _plan_year(period, notice))
    data = _plan(plan_id, title, period, notice)
    if head.preamble or built.preamble:
        data["preamble"] = head.preamble + built.preamble
    data["sections"] = _sections_in_order(built.parts)
    unique_ids(data["sections"])
    units = _match(data["sections"], registry)
    if notice is None:
        _no_notice(source.lines, parts)
    placed = parts.used | _outline_lines(body.outline.roots) | _head_lines(plan_lines[:boundary])
    unplaced = [
        Unplaced(line.where, line.raw, reason)
        for line, reason in [*parts.unplaced, *head.unplaced, *body.unplaced]
    ]
    unplaced += _leftovers(source.lines, placed, unplaced)
    imported = Imported(data, sorted(unplaced, key=lambda u: _order(source.lines, u)), units)
    _explain(imported, source)
    return imported


def _after_notice(lines: list[Line], parts: notice_parts.NoticeParts) -> list[Line]:
    text_lines = [line for line in lines if line.text and line.cells is None]
    start = notice_parts.read_head(text_lines, parts)
    if start == 0:
        return list(lines)
    first = text_lines[start].index if start < len(text_lines) else lines[-1].index + 1
    return [line for line in lines if line.index >= first and line.index not in parts.used]


def _notice(parts: notice_parts.NoticeParts) -> dict[str, Any] | None:
    if notice_parts.is_complete(parts.fields):
        return notice_parts.ordered(parts.fields)
    return None


def _no_notice(lines: list[Line], parts: notice_parts.NoticeParts) -> None:
    """Closing lines (附件, 抄送, 印发…) found with no notice to hold them are unplaced."""
    listed = {line.index for line, _ in parts.unplaced}
    reason = "a line of a notice, but the document has no notice (title, signature, date)"
    parts.unplaced += [
        (line, reason) for line in lines if line.index in parts.used and line.index not in listed
    ]
    parts.used = set()


def _plan_year(period: tuple[str, str] | None, notice: dict[str, Any] | None) -> int | None:
    """The year a deadline without one (6月底前) falls in; None when the period spans years."""
    if period is not None:
        start, end = period[0][:4], period[1][:4]
        return int(start) if start == end else None
    if notice is not None:
        return datetime.date.fromisoformat(notice["date"]).year
    return None


def _plan(
    plan_id: str, title: str, period: tuple[str, str] | None, notice: dict[str, Any] | None
) -> dict[str, Any]:
    data: dict[str, Any] = {"format": FORMAT, "id": plan_id, "title": title}
    kind = kind_of(title)
    if kind:
        data["kind"] = kind
    data["stage"] = "draft"
    if notice is not None:
        data["issuer"] = notice["signer"]
    if period is not None:
        data["period"] = {"start": period[0], "end": period[1]}
    if notice is not None:
        data["notice"] = notice
    return data


def _sections_in_order(parts: list[tuple[bool, dict[str, Any]]]) -> list[dict[str, Any]]:
    """Sections as they are; each run of tasks outside any section gets a section of its own."""
    sections: list[dict[str, Any]] = []
    loose: list[dict[str, Any]] = []
    for is_section, data in parts:
        if is_section:
            _flush(loose, sections)
            sections.append(data)
        else:
            loose.append(data)
    _flush(loose, sections)
    return sections


def _flush(loose: list[dict[str, Any]], sections: list[dict[str, Any]]) -> None:
    if loose:
        number = sum(1 for s in sections if s["id"].startswith("tasks")) + 1
        section_id = "tasks" if number == 1 else f"tasks-{number}"
        sections.append({"id": section_id, "title": LOOSE_SECTION_TITLE, "tasks": list(loose)})
        loose.clear()


def unique_ids(sections: list[dict[str, Any]]) -> None:
    """Make every section and task id unique (a document may number two items alike)."""
    seen: set[str] = set()

    def visit(items: list[dict[str, Any]]) -> None:
        for item in items:
            base, count = item["id"], 1
            while item["id"] in seen:
                count += 1
                item["id"] = f"{base}-{count}"
            seen.add(item["id"])
            visit(item.get("sections", []))
            visit(item.get("tasks", []))

    visit(sections)


# --- units ---------------------------------------------------------------------------------


def _match(sections: list[dict[str, Any]], registry: UnitRegistry | None) -> UnitMatches:
    tasks = [task for section in sections for task in _tasks(section)]
    names = [name for task in tasks for role in ROLES for name in task.get(role, [])]
    matches = match_units(names, registry)
    for task in tasks:
        for role in ROLES:
            if role in task:
                task[role] = list(dict.fromkeys(matches.registered(n) for n in task[role]))
        _drop_repeats(task)
    return matches


def _drop_repeats(task: dict[str, Any]) -> None:
    """A unit has one role in a task: the first of lead, responsible, support, guide."""
    seen: set[str] = set()
    for role in ROLES:
        if role not in task:
            continue
        task[role] = [name for name in task[role] if name not in seen]
        seen.update(task[role])
        if not task[role]:
            del task[role]
            for key in (f"{role}_more", f"{role}_word"):
                task.pop(key, None)


# --- what was placed -------------------------------------------------------------------------


def _outline_lines(nodes: list[Node]) -> set[int]:
    placed: set[int] = set()
    for node in nodes:
        for item in node.walk():
            placed.update(line.index for line in item.lines)
            placed.update(line.index for para in item.paras for line in para.lines)
    return placed


def _head_lines(lines: list[Line]) -> set[int]:
    return {line.index for line in lines if line.text}


def _leftovers(lines: list[Line], placed: set[int], listed: list[Unplaced]) -> list[Unplaced]:
    named = {(u.where, u.text) for u in listed}
    return [
        Unplaced(line.where, line.raw, "not understood")
        for line in lines
        if line.text and line.index not in placed and (line.where, line.raw) not in named
    ]


def _order(lines: list[Line], unplaced: Unplaced) -> int:
    return next(
        (line.index for line in lines if (line.where, line.raw) == (unplaced.where, unplaced.text)),
        0,
    )


def _explain(imported: Imported, source: Source) -> None:
    imported.notes.extend(source.notes)
    for replacement in imported.units.replaced:
        imported.notes.append(
            f"unit {replacement.written} is registered as "
            f"{replacement.registered}; the plan uses {replacement.registered}"
        )
    if any(
        s["id"].startswith("tasks") and s.get("title") == LOOSE_SECTION_TITLE
        for s in imported.data["sections"]
    ):
        imported.notes.append(
            f"tasks outside any numbered heading were put in a section titled {LOOSE_SECTION_TITLE}"
        )
