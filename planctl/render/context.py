"""The view model templates and writers draw: a plan with its display numbers and wording.

Built once from `planctl.model.Plan`. Nothing here knows about output formats; every
number, date and deadline is worded by `planctl.chinese`.

- Display numbers (一、 （一） 1. （1）) come from order: titled preamble parts are the
  first level-one headings, the plan's top-level tasks and sections continue the count,
  and a section's tasks and sub-sections share the next level's count, in the document's
  order (`entries`). Levels below the fourth keep the fourth level's form.
- Each task's owner parenthetical is worded as source documents write it:
  （市发展改革局牵头，市经济信息化局、市文广新局等有关部门参与）.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from planctl import chinese
from planctl.deadlines import Deadline, DeadlineError, parse_date, parse_deadline
from planctl.errors import PlanContentError
from planctl.findings import JsonPath
from planctl.i18n import _
from planctl.model import STATUS_NAMES, Notice, Plan, Section, Task
from planctl.render import gbt9704

if TYPE_CHECKING:
    from planctl.units import UnitRegistry

DEEPEST_LEVEL = 4
# Punctuation that already closes a run-in heading, so no 。 is added after it.
_CLOSING_PUNCTUATION = tuple("。！？：；…")
# Columns a 二号 title line may fill: the text block's width in 二号 characters, doubled.
TITLE_COLUMNS = int(gbt9704.TEXT_WIDTH_MM * gbt9704.PT_PER_MM / gbt9704.TITLE_PT) * 2
# The same on the landscape pages of a stand-alone table (the A4 height between margins).
_TABLE_WIDTH_MM = gbt9704.PAGE_HEIGHT_MM - gbt9704.TABLE_MARGINS.left - gbt9704.TABLE_MARGINS.right
TABLE_TITLE_COLUMNS = int(_TABLE_WIDTH_MM * gbt9704.PT_PER_MM / gbt9704.TITLE_PT) * 2


@dataclass(frozen=True, slots=True)
class TaskView:
    """A task as printed: number, run-in heading, paragraphs and its owners."""

    id: str
    serial: int  # 1, 2, 3 … through the whole plan: the tables' 序号
    level: int
    number: str
    heading: str  # the run-in heading with its closing 。, or "" for an untitled task
    paragraphs: tuple[str, ...]
    owners: str  # （…牵头，…参与） or ""
    lead: tuple[str, ...]
    support: tuple[str, ...]
    lead_text: str
    support_text: str
    due: str  # 完成时限 as printed: the deadline, then any note (2012年6月底前，逐年推进)
    due_phrase: str  # the deadline alone (2012年6月底前), which a line never breaks inside
    due_date: datetime.date | None  # the day the deadline ends on (None: ongoing or none)
    status: str
    progress: str
    section_titles: tuple[str, ...]  # the numbered titles of the sections above
    responsible: tuple[str, ...] = ()
    guide: tuple[str, ...] = ()
    kind: str = "task"  # what an entry of `entries` is, for templates

    @property
    def summary(self) -> str:
        """The task in one line for tables: heading (or first sentence) and text."""
        return self.heading + "".join(self.paragraphs)


@dataclass(frozen=True, slots=True)
class SectionView:
    id: str
    level: int
    number: str
    title: str
    paragraphs: tuple[str, ...]
    tasks: tuple[TaskView, ...]
    sections: tuple[SectionView, ...]
    entries: tuple[SectionView | TaskView, ...] = ()  # tasks and sub-sections in order
    kind: str = "section"

    @property
    def heading(self) -> str:
        return self.number + self.title


@dataclass(frozen=True, slots=True)
class PlanView:
    id: str
    title: str
    title_lines: tuple[str, ...]
    kind: str
    issuer: str
    preamble: tuple[SectionView, ...]
    sections: tuple[SectionView, ...]
    tasks: tuple[TaskView, ...]  # every task in document order
    entries: tuple[SectionView | TaskView, ...] = ()  # top-level tasks and sections in order
    names: tuple[str, ...] = ()  # unit names and the issuer: titles never break inside them
    written_lines: tuple[str, ...] = ()  # the title's lines when the plan writes it on several

    @property
    def all_sections(self) -> tuple[SectionView, ...]:
        """Every section in document order."""
        return tuple(_walk(self.sections))

    @property
    def reading_order(self) -> tuple[SectionView | TaskView, ...]:
        """Every section and task as the document has them, each section before its content."""
        return tuple(_reading_order(self.entries))

    @property
    def has_status(self) -> bool:
        """Whether any task is tracked, so tables carry a 进展 column."""
        return any(task.status for task in self.tasks)


@dataclass(frozen=True, slots=True)
class NoticeView:
    """The 印发通知 with every element worded and placed as GB/T 9704 sets it."""

    mark: str
    mark_size_pt: float
    doc_number: str
    title_lines: tuple[str, ...]
    recipients: str  # joined, ending with ：
    paragraphs: tuple[str, ...]
    attachments: tuple[str, ...]  # 附件说明 names, the plan itself first
    signer: str
    date: str
    signed_on: datetime.date
    signer_indent: float  # characters between the signature and the right edge
    date_indent: float
    note: str  # 附注, e.g. （此件主动公开）
    keywords: str
    cc: str  # 抄送 organs, joined, ending with 。
    printer: str
    printed: str  # 2012年4月20日印发

    annex: str = ""  # the 责任分工表's title when it is bound in after the plan

    @property
    def attachment_label(self) -> str:
        """附件 when the plan is the only attachment, 附件1 when there are more."""
        return "附件" if len(self.attachments) == 1 else "附件1"

    @property
    def annex_label(self) -> str:
        """The bound 责任分工表 is the attachment after the plan: 附件2."""
        return "附件2" if self.annex else ""


# --- building the plan view -------------------------------------------------------------


def plan_view(plan: Plan, units: UnitRegistry | None = None) -> PlanView:
    """The printable view of `plan`; the registry's names are kept whole in its titles."""
    preamble = tuple(_preamble(plan))
    numbered = sum(1 for part in preamble if part.number)
    entries = _entry_views(plan.entries, 1, numbered + 1, (), _Counter())
    sections = tuple(entry for entry in entries if isinstance(entry, SectionView))
    names = (*(units.known_names() if units else ()), *([plan.issuer] if plan.issuer else ()))
    return PlanView(
        id=plan.id,
        title=chinese.one_line(plan.title),
        title_lines=tuple(chinese.title_lines(plan.title, TITLE_COLUMNS, names)),
        kind=plan.kind or "",
        issuer=plan.issuer or "",
        preamble=preamble,
        sections=sections,
        tasks=tuple(_all_tasks(entries)),
        entries=entries,
        names=names,
        written_lines=tuple(chinese.title_lines(plan.title, 0))
        if "\n" in plan.title.strip()
        else (),
    )


def table_title_lines(plan: PlanView, suffix: str = "") -> tuple[str, ...]:
    """The lines of a table's title, the plan's title followed by `suffix` (责任分工表):
    the plan's own lines when it writes its title on several, the suffix after the last."""
    if plan.written_lines:
        return (*plan.written_lines[:-1], plan.written_lines[-1] + suffix)
    return tuple(chinese.balanced_lines(plan.title + suffix, TABLE_TITLE_COLUMNS, plan.names))


class _Counter:
    """Hands out the running 序号 of tasks in document order."""

    def __init__(self) -> None:
        self.value = 0

    def next(self) -> int:
        self.value += 1
        return self.value


def _preamble(plan: Plan) -> Iterable[SectionView]:
    numbered = 0
    for index, part in enumerate(plan.preamble):
        if part.title:
            numbered += 1
        yield SectionView(
            id=f"preamble-{index + 1}",
            level=1,
            number=chinese.heading_number(1, numbered) if part.title else "",
            title=part.title or "",
            paragraphs=paragraphs(part.text),
            tasks=(),
            sections=(),
        )


def _entry_views(
    entries: Iterable[Section | Task],
    depth: int,
    first: int,
    above: tuple[str, ...],
    counter: _Counter,
) -> tuple[SectionView | TaskView, ...]:
    """Tasks and sections of one level, numbered in order from `first`."""
    level = min(depth, DEEPEST_LEVEL)
    views: list[SectionView | TaskView] = []
    for position, entry in enumerate(entries, start=first):
        if isinstance(entry, Task):
            views.append(_task_view(entry, level, position, above, counter.next()))
        else:
            views.append(_section_view(entry, depth, position, above, counter))
    return tuple(views)


def _section_view(
    section: Section, depth: int, position: int, above: tuple[str, ...], counter: _Counter
) -> SectionView:
    level = min(depth, DEEPEST_LEVEL)
    number = chinese.heading_number(level, position)
    chain = (*above, number + section.title)
    entries = _entry_views(section.entries, depth + 1, 1, chain, counter)
    return SectionView(
        section.id,
        level,
        number,
        section.title,
        paragraphs(section.text),
        tuple(entry for entry in entries if isinstance(entry, TaskView)),
        tuple(entry for entry in entries if isinstance(entry, SectionView)),
        entries,
    )


def _walk(sections: Iterable[SectionView]) -> Iterable[SectionView]:
    for section in sections:
        yield section
        yield from _walk(section.sections)


def _reading_order(
    entries: Iterable[SectionView | TaskView],
) -> Iterable[SectionView | TaskView]:
    for entry in entries:
        yield entry
        if isinstance(entry, SectionView):
            yield from _reading_order(entry.entries)


def _all_tasks(entries: Iterable[SectionView | TaskView]) -> Iterable[TaskView]:
    for entry in entries:
        if isinstance(entry, TaskView):
            yield entry
        else:
            yield from _all_tasks(entry.entries)


def _task_view(
    task: Task, level: int, position: int, chain: tuple[str, ...], serial: int
) -> TaskView:
    return TaskView(
        id=task.id,
        serial=serial,
        level=level,
        number=chinese.heading_number(level, position),
        heading=run_in_heading(task.title),
        paragraphs=paragraphs(task.text),
        owners=owners_note(task),
        lead=task.lead,
        support=task.support,
        lead_text=chinese.names_text(task.lead, more=task.lead_more),
        support_text=chinese.names_text(task.support, more=task.support_more),
        due=due_text(task),
        due_phrase=due_phrase(task),
        due_date=due_date(task),
        status=STATUS_NAMES.get(task.status or "", ""),
        progress=task.progress[-1].note if task.progress else "",
        section_titles=chain,
        responsible=task.responsible,
        guide=task.guide,
    )


# --- wording ------------------------------------------------------------------------------


def paragraphs(text: str | None) -> tuple[str, ...]:
    """Paragraphs separated by blank lines; lines inside one paragraph are joined."""
    blocks = (block for block in (text or "").strip().split("\n\n") if block.strip())
    return tuple(_join_lines(block.splitlines()) for block in blocks)


def _join_lines(lines: list[str]) -> str:
    joined = ""
    for line in (line.strip() for line in lines):
        # Chinese needs no space where a line was wrapped; Latin words do.
        gap = " " if joined[-1:].isascii() and line[:1].isascii() and joined else ""
        joined += gap + line
    return joined


def run_in_heading(title: str | None) -> str:
    """A task title as the run-in heading of its paragraph: 优先发展现代服务业。"""
    if not title:
        return ""
    title = title.strip()
    return title if title.endswith(_CLOSING_PUNCTUATION) else title + "。"


def owners_note(task: Task) -> str:
    """（市发展改革局牵头，市经济信息化局、市文广新局等有关部门参与）, or "" without units."""
    owners = chinese.owners_text(task)
    return f"（{owners}）" if owners else ""


def due_text(task: Task) -> str:
    """完成时限 as printed: the words the plan kept (`due_text`), else the stored deadline
    worded (2012年6月底前); any `due_note` after it."""
    parts = []
    if task.due_text:
        parts.append(task.due_text.strip())
    elif task.due is not None:
        try:
            parts.append(chinese.deadline_cn(parse_deadline(task.due)))
        except DeadlineError as error:
            raise _bad_value((*task.path, "due"), str(error)) from None
    if task.due_note:
        parts.append(task.due_note.strip())
    return "，".join(parts)


def due_phrase(task: Task) -> str:
    """The worded deadline alone, without its note: 2012年6月底前, 长期坚持 or ""."""
    deadline = _deadline(task)
    return chinese.deadline_cn(deadline) if deadline else ""


def due_date(task: Task) -> datetime.date | None:
    """The last day of the task's deadline: 2012-06-30 for 2012-06 (None for ongoing)."""
    deadline = _deadline(task)
    return deadline.last_day() if deadline else None


def _deadline(task: Task) -> Deadline | None:
    if task.due is None:
        return None
    try:
        return parse_deadline(task.due)
    except DeadlineError as error:
        raise _bad_value((*task.path, "due"), str(error)) from None


def _bad_value(path: JsonPath, message: str) -> PlanContentError:
    return PlanContentError(
        message, path=path, hint=_("fix the value; `planctl validate` lists every problem")
    )


# --- the notice -------------------------------------------------------------------------


def notice_view(notice: Notice, plan: PlanView, annex: str = "") -> NoticeView:
    """The printable 印发通知 whose attachment is `plan`, then the table titled `annex`
    when one is bound in (its name second in the 附件说明)."""
    signed_on = _date(notice.date, ("notice", "date"))
    date = chinese.date_cn(signed_on, _style(notice))
    signer_indent, date_indent = signature_indents(notice.signer, date)
    printed = notice.printed
    return NoticeView(
        mark=notice.mark,
        mark_size_pt=gbt9704.mark_size_pt(_chars(notice.mark)),
        doc_number=notice.doc_number or "",
        title_lines=tuple(
            chinese.title_lines(notice.title, TITLE_COLUMNS, (*plan.names, notice.signer))
        ),
        recipients="，".join(notice.recipients) + "：" if notice.recipients else "",
        paragraphs=paragraphs(notice.body),
        attachments=(plan.title, *((annex,) if annex else ()), *notice.attachments),
        signer=notice.signer,
        date=date,
        signed_on=signed_on,
        signer_indent=signer_indent,
        date_indent=date_indent,
        note=f"（此件{notice.disclosure}）" if notice.disclosure else "",
        keywords="　".join(notice.keywords),
        cc="，".join(notice.cc) + "。" if notice.cc else "",
        printer=notice.printer or "",
        printed=chinese.date_cn(_date(printed, ("notice", "printed"))) + "印发" if printed else "",
        annex=annex,
    )


def signature_indents(signer: str, date: str) -> tuple[float, float]:
    """Right indents, in characters, of the 发文机关署名 and the 成文日期 below it.

    The signature sits two characters from the right and the date starts two characters
    right of the signature's start; a date too long for that sits two characters from
    the right and pushes the signature left (GB/T 9704-2012, 7.3.5.2).
    """
    signer_width, date_width = _chars(signer), _chars(date)
    signer_indent = max(2.0, date_width + 4.0 - signer_width)
    return signer_indent, signer_indent + signer_width - 2.0 - date_width


def _chars(text: str) -> float:
    return chinese.display_width(text) / 2


def _style(notice: Notice) -> chinese.DateStyle:
    return "chinese" if notice.date_style == "chinese" else "arabic"


def _date(value: str, path: tuple[str, ...]) -> datetime.date:
    try:
        return parse_date(value)
    except DeadlineError as error:
        raise _bad_value(path, str(error)) from None
