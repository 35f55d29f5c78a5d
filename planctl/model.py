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
    due_text: str | None = None  # the deadline as worded (2023年6月底前), kept by fmt
    id: str | None = None  # how progress reports name the milestone


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
    due_text: str | None = None  # the deadline as worded (2023年6月底前), kept by fmt
    due_note: str | None = None
    responsible: tuple[str, ...] = ()
    responsible_more: bool = False
    guide: tuple[str, ...] = ()
    milestones: tuple[Milestone, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    status: str | None = None
    progress: tuple[ProgressEntry, ...] = ()
    start: str | None = None  # when the work starts (a deadline form); None: the period's start

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
    before: str | None = None  # the sibling task this section stands before, if any

    @property
    def entries(self) -> tuple[Section | Task, ...]:
        """Tasks and sub-sections in the document's order (see `in_order`); computed, so a
        section rebuilt with other tasks (as diff does) never keeps an old order."""
        return in_order(self.tasks, self.sections)


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
    sealed: bool = False  # 加盖印章: the date four characters from the right, room for the seal
    show_deadlines: bool = False  # each task's 完成时限 in its owners' parenthesis
    attach_table: bool = False  # the 责任分工表 bound in as the next 附件, on landscape pages

    @property
    def mark(self) -> str:
        """发文机关标志: as written, or the signer followed by 文件."""
        return self.issuer_mark or f"{self.signer}文件"


@dataclass(frozen=True, slots=True)
class Reporting:
    """How units report progress: every `cycle`, by day `due_day` of the next month."""

    cycle: str  # month | quarter | half | year
    due_day: int = 5
    start: str | None = None  # the first period (2023-03, 2023-Q2, 2023-H1, 2023)
    supervisor: str | None = None


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
    top_tasks: tuple[Task, ...] = ()  # tasks outside any section (一、…三十、 each a task)
    reporting: Reporting | None = None
    _index: dict[str, Task] = field(default_factory=dict, repr=False, compare=False)
    # The task list, built on first use: every rule walks it, so it is walked once.
    _tasks: list[Task] = field(default_factory=list, repr=False, compare=False)

    @property
    def entries(self) -> tuple[Section | Task, ...]:
        """Top-level tasks and sections in the document's order (see `in_order`)."""
        return in_order(self.top_tasks, self.sections)

    def walk_sections(self) -> Iterator[tuple[Section, int]]:
        """Every section in document order, depth first, with its depth (1 for top level)."""
        stack = [(section, 1) for section in reversed(_sections_of(self.entries))]
        while stack:
            section, depth = stack.pop()
            yield section, depth
            stack.extend((child, depth + 1) for child in reversed(_sections_of(section.entries)))

    def placed_tasks(self) -> Iterator[Placed]:
        """Every task in document order, with the sections above it (none for a top task)."""
        yield from _placed(self.entries, ())

    def tasks(self) -> Iterator[Task]:
        if not self._tasks:
            self._tasks.extend(placed.task for placed in self.placed_tasks())
        return iter(self._tasks)

    def task(self, task_id: str) -> Task | None:
        if not self._index:
            self._index.update((task.id, task) for task in self.tasks())
        return self._index.get(task_id)


def _placed(entries: tuple[Section | Task, ...], above: tuple[Section, ...]) -> Iterator[Placed]:
    for entry in entries:
        if isinstance(entry, Task):
            yield Placed(entry, above)
        else:
            yield from _placed(entry.entries, (*above, entry))


def _sections_of(entries: tuple[Section | Task, ...]) -> list[Section]:
    return [entry for entry in entries if isinstance(entry, Section)]


def in_order(tasks: tuple[Task, ...], sections: tuple[Section, ...]) -> tuple[Section | Task, ...]:
    """Tasks and sections as the document has them: each section just before the task its
    `before` names, the others after every task; sections keep their relative order."""
    ids = {task.id for task in tasks}
    ahead: dict[str, list[Section]] = {}
    after: list[Section] = []
    for section in sections:
        if section.before in ids:
            ahead.setdefault(section.before, []).append(section)
        else:
            after.append(section)
    entries: list[Section | Task] = []
    for task in tasks:
        entries.extend(ahead.pop(task.id, ()))
        entries.append(task)
    return (*entries, *after)


# --- building from data -----------------------------------------------------------------


def plan_from_data(data: Mapping[str, Any]) -> Plan:
    """The typed view of a plan the schema has accepted."""
    period = data.get("period")
    sections = tuple(
        _section(item, ("sections", index)) for index, item in enumerate(data.get("sections") or ())
    )
    tasks = tuple(
        _task(item, ("tasks", index)) for index, item in enumerate(data.get("tasks") or ())
    )
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
        sections=sections,
        top_tasks=tasks,
        reporting=_reporting(data["reporting"]) if data.get("reporting") else None,
    )


def _reporting(data: Mapping[str, Any]) -> Reporting:
    start = data.get("start")
    return Reporting(
        cycle=data["cycle"],
        due_day=int(data.get("due_day", 5)),
        start=None if start is None else str(start),
        supervisor=data.get("supervisor"),
    )


def _section(data: Mapping[str, Any], path: JsonPath) -> Section:
    sections = tuple(
        _section(item, (*path, "sections", index))
        for index, item in enumerate(data.get("sections") or ())
    )
    tasks = tuple(
        _task(item, (*path, "tasks", index)) for index, item in enumerate(data.get("tasks") or ())
    )
    return Section(
        id=data["id"],
        path=path,
        title=data["title"],
        source_number=data.get("source_number"),
        text=data.get("text"),
        sections=sections,
        tasks=tasks,
        before=data.get("before"),
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
        due_text=data.get("due_text"),
        due_note=data.get("due_note"),
        responsible=tuple(data.get("responsible") or ()),
        responsible_more=bool(data.get("responsible_more", False)),
        guide=tuple(data.get("guide") or ()),
        milestones=tuple(
            Milestone(str(m["due"]), m["text"], m.get("due_text"), m.get("id"))
            for m in data.get("milestones") or ()
        ),
        indicators=tuple(
            Indicator(i["name"], i["unit"], i["target"], i.get("baseline"))
            for i in data.get("indicators") or ()
        ),
        status=data.get("status"),
        progress=tuple(
            ProgressEntry(str(p["date"]), p["note"], p.get("status"))
            for p in data.get("progress") or ()
        ),
        start=None if data.get("start") is None else str(data["start"]),
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
        sealed=bool(data.get("sealed", False)),
        show_deadlines=bool(data.get("show_deadlines", False)),
        attach_table=bool(data.get("attach_table", False)),
    )
