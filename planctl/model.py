"""Typed, read-only views of a plan: what rules, renderers and the diff work with.

Built from the plain data the loader returns once the schema has accepted it; each
section and task remembers its JSON path so findings can point back into the file.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from planctl.findings import JsonPath

STAGES = ("draft", "review", "issued")
# The roles a unit can have in a task, in the order a document names them.
ROLES = ("lead", "responsible", "support", "guide")
STATUS_NAMES = {
    "not_started": "未启动",
    "in_progress": "推进中",
    "done": "已完成",
    "delayed": "滞后",
    "suspended": "暂缓",
    "cancelled": "取消",
}


@dataclass(frozen=True, slots=True)
class Milestone:
    due: str
    text: str


@dataclass(frozen=True, slots=True)
class Indicator:
    name: str
    unit: str
    target: Any
    baseline: Any = None


@dataclass(frozen=True, slots=True)
class ProgressEntry:
    date: str
    note: str
    status: str | None = None


@dataclass(frozen=True, slots=True)
class Task:
    id: str
    path: JsonPath
    title: str | None = None
    text: str | None = None
    source_number: str | None = None
    lead: tuple[str, ...] = ()
    support: tuple[str, ...] = ()
    support_more: bool = False
    lead_more: bool = False
    lead_word: str = "牵头"
    support_word: str = "配合"
    due: str | None = None
    due_note: str | None = None
    responsible: tuple[str, ...] = ()
    responsible_more: bool = False
    guide: tuple[str, ...] = ()
    milestones: tuple[Milestone, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    status: str | None = None
    progress: tuple[ProgressEntry, ...] = ()

    @property
    def heading(self) -> str:
        """The title, or the task's first sentence when it has none."""
        if self.title:
            return self.title
        text = (self.text or "").strip()
        return text.split("。", 1)[0]


@dataclass(frozen=True, slots=True)
class Section:
    id: str
    path: JsonPath
    title: str
    source_number: str | None = None
    text: str | None = None
    sections: tuple[Section, ...] = ()
    tasks: tuple[Task, ...] = ()


@dataclass(frozen=True, slots=True)
class PreamblePart:
    text: str
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Notice:
    title: str
    signer: str
    date: str
    issuer_mark: str | None = None
    doc_number: str | None = None
    recipients: tuple[str, ...] = ()
    body: str = ""
    attachments: tuple[str, ...] = ()
    date_style: str = "arabic"
    disclosure: str | None = None
    keywords: tuple[str, ...] = ()
    cc: tuple[str, ...] = ()
    printer: str | None = None
    printed: str | None = None

    @property
    def mark(self) -> str:
        """发文机关标志: as written, or the signer followed by 文件."""
        return self.issuer_mark or f"{self.signer}文件"


@dataclass(frozen=True, slots=True)
class Placed:
    """A task with the chain of sections that hold it, outermost first."""

    task: Task
    sections: tuple[Section, ...]


@dataclass(frozen=True)
class Plan:
    id: str
    title: str
    stage: str
    kind: str | None = None
    issuer: str | None = None
    period: tuple[str, str] | None = None
    notice: Notice | None = None
    preamble: tuple[PreamblePart, ...] = ()
    sections: tuple[Section, ...] = ()
    _index: dict[str, Task] = field(default_factory=dict, repr=False, compare=False)
    # The task list, built on first use: every rule walks it, so it is walked once.
    _tasks: list[Task] = field(default_factory=list, repr=False, compare=False)

    def walk_sections(self) -> Iterator[tuple[Section, int]]:
        """Every section, depth first, with its depth (1 for top level)."""
        stack = [(section, 1) for section in reversed(self.sections)]
        while stack:
            section, depth = stack.pop()
            yield section, depth
            stack.extend((child, depth + 1) for child in reversed(section.sections))

    def placed_tasks(self) -> Iterator[Placed]:
        """Every task in document order, with the sections above it."""
        yield from _placed(self.sections, ())

    def tasks(self) -> Iterator[Task]:
        if not self._tasks:
            self._tasks.extend(placed.task for placed in self.placed_tasks())
        return iter(self._tasks)

    def task(self, task_id: str) -> Task | None:
        if not self._index:
            self._index.update((task.id, task) for task in self.tasks())
        return self._index.get(task_id)


def _placed(sections: tuple[Section, ...], above: tuple[Section, ...]) -> Iterator[Placed]:
    for section in sections:
        chain = (*above, section)
        for task in section.tasks:
            yield Placed(task, chain)
        yield from _placed(section.sections, chain)


# --- building from data -----------------------------------------------------------------


def plan_from_data(data: Mapping[str, Any]) -> Plan:
    """The typed view of a plan the schema has accepted."""
    period = data.get("period")
    return Plan(
        id=data["id"],
        title=data["title"],
        stage=data["stage"],
        kind=data.get("kind"),
        issuer=data.get("issuer"),
        period=(str(period["start"]), str(period["end"])) if period else None,
        notice=_notice(data["notice"]) if data.get("notice") else None,
        preamble=tuple(
            PreamblePart(text=part["text"], title=part.get("title"))
            for part in data.get("preamble") or ()
        ),
        sections=tuple(
            _section(item, ("sections", index))
            for index, item in enumerate(data.get("sections") or ())
        ),
    )


def _section(data: Mapping[str, Any], path: JsonPath) -> Section:
    return Section(
        id=data["id"],
        path=path,
        title=data["title"],
        source_number=data.get("source_number"),
        text=data.get("text"),
        sections=tuple(
            _section(item, (*path, "sections", index))
            for index, item in enumerate(data.get("sections") or ())
        ),
        tasks=tuple(
            _task(item, (*path, "tasks", index))
            for index, item in enumerate(data.get("tasks") or ())
        ),
    )


def _task(data: Mapping[str, Any], path: JsonPath) -> Task:
    due = data.get("due")
    return Task(
        id=data["id"],
        path=path,
        title=data.get("title"),
        text=data.get("text"),
        source_number=data.get("source_number"),
        lead=tuple(data.get("lead") or ()),
        support=tuple(data.get("support") or ()),
        support_more=bool(data.get("support_more", False)),
        lead_more=bool(data.get("lead_more", False)),
        lead_word=data.get("lead_word", "牵头"),
        support_word=data.get("support_word", "配合"),
        due=None if due is None else str(due),
        due_note=data.get("due_note"),
        responsible=tuple(data.get("responsible") or ()),
        responsible_more=bool(data.get("responsible_more", False)),
        guide=tuple(data.get("guide") or ()),
        milestones=tuple(Milestone(str(m["due"]), m["text"]) for m in data.get("milestones") or ()),
        indicators=tuple(
            Indicator(i["name"], i["unit"], i["target"], i.get("baseline"))
            for i in data.get("indicators") or ()
        ),
        status=data.get("status"),
        progress=tuple(
            ProgressEntry(str(p["date"]), p["note"], p.get("status"))
            for p in data.get("progress") or ()
        ),
    )


def _notice(data: Mapping[str, Any]) -> Notice:
    def strings(key: str) -> tuple[str, ...]:
        return tuple(data.get(key) or ())

    return Notice(
        title=data["title"],
        signer=data["signer"],
        date=str(data["date"]),
        issuer_mark=data.get("issuer_mark"),
        doc_number=data.get("doc_number"),
        recipients=strings("recipients"),
        body=data.get("body") or "",
        attachments=strings("attachments"),
        date_style=data.get("date_style", "arabic"),
        disclosure=data.get("disclosure"),
        keywords=strings("keywords"),
        cc=strings("cc"),
        printer=data.get("printer"),
        printed=None if data.get("printed") is None else str(data["printed"]),
    )
