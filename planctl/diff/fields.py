"""Field-by-field comparison of two versions of a task, section, notice or plan header.

Each function returns the differences it finds as `FieldChange`s, empty when the values
are the same. Texts are compared without their surrounding whitespace (a block scalar's
final newline is layout, not content).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict
from typing import NamedTuple, TypeVar

from planctl.chinese import deadline_cn
from planctl.deadlines import Deadline, DeadlineError, parse_deadline
from planctl.diff.changes import DeadlineMove, Detail, ListEdit, TextEdit, Value
from planctl.diff.marks import text_segments
from planctl.model import Indicator, Milestone, Notice, Plan, PreamblePart, ProgressEntry, Task

Item = TypeVar("Item")


class FieldChange(NamedTuple):
    field: str
    old: Value
    new: Value
    detail: Detail | None = None


# --- single values ------------------------------------------------------------------------


def text_change(name: str, old: str | None, new: str | None) -> list[FieldChange]:
    before, after = _clean(old), _clean(new)
    if before == after:
        return []
    edit = TextEdit(text_segments(before or "", after or ""))
    return [FieldChange(name, before, after, edit)]


def value_change(name: str, old: Value, new: Value) -> list[FieldChange]:
    return [] if old == new else [FieldChange(name, old, new)]


def list_change(name: str, old: Sequence[str], new: Sequence[str]) -> list[FieldChange]:
    if tuple(old) == tuple(new):
        return []
    added = tuple(item for item in new if item not in old)
    removed = tuple(item for item in old if item not in new)
    return [FieldChange(name, tuple(old), tuple(new), ListEdit(added, removed))]


def deadline_change(name: str, old: str | None, new: str | None) -> list[FieldChange]:
    if old == new:
        return []
    return [FieldChange(name, old, new, deadline_move(old, new))]


def deadline_move(old: str | None, new: str | None) -> DeadlineMove:
    """The deadlines as printed and the days between their last days, when both have one."""
    before, after = _deadline(old), _deadline(new)
    days = None
    if isinstance(before, Deadline) and isinstance(after, Deadline):
        first, last = before.last_day(), after.last_day()
        if first is not None and last is not None:
            days = (last - first).days
    return DeadlineMove(_deadline_text(before), _deadline_text(after), days)


def _deadline(value: str | None) -> Deadline | str | None:
    """The parsed deadline; the raw text when an old version held an invalid one."""
    if value is None:
        return None
    try:
        return parse_deadline(value)
    except DeadlineError:
        return value


def _deadline_text(value: Deadline | str | None) -> str | None:
    return deadline_cn(value) if isinstance(value, Deadline) else value


def _clean(text: str | None) -> str | None:
    return None if text is None else text.strip()


# --- lists of records matched by a key ----------------------------------------------------


def matched(
    old: Sequence[Item], new: Sequence[Item], key: Callable[[Item], str]
) -> Iterator[tuple[Item | None, Item | None]]:
    """Pairs (old, new) matched by key, in new order, then the old items no longer there."""
    before = {key(item): item for item in old}
    after_keys = {key(item) for item in new}
    for item in new:
        yield before.get(key(item)), item
    for item in old:
        if key(item) not in after_keys:
            yield item, None


def milestone_changes(old: Sequence[Milestone], new: Sequence[Milestone]) -> list[FieldChange]:
    """Milestones matched by their text: added, removed, or their deadline moved."""
    found = []
    for before, after in matched(old, new, lambda milestone: milestone.text):
        if before != after:
            move = deadline_move(before.due if before else None, after.due if after else None)
            found.append(FieldChange("milestones", _record(before), _record(after), move))
    return found


def indicator_changes(old: Sequence[Indicator], new: Sequence[Indicator]) -> list[FieldChange]:
    """Indicators matched by name: added, removed, or their target, baseline or unit changed."""
    return [
        FieldChange("indicators", _record(before), _record(after))
        for before, after in matched(old, new, lambda indicator: indicator.name)
        if before != after
    ]


def progress_changes(
    old: Sequence[ProgressEntry], new: Sequence[ProgressEntry]
) -> list[FieldChange]:
    """Progress entries matched by date and note: each one added or removed."""
    return [
        FieldChange("progress", _record(before), _record(after))
        for before, after in matched(old, new, lambda entry: f"{entry.date}\n{entry.note}")
        if before != after
    ]


def _record(item: Milestone | Indicator | ProgressEntry | PreamblePart | None) -> Value:
    if item is None:
        return None
    # A milestone's worded deadline and id show only where the plan has them.
    return {
        key: value
        for key, value in asdict(item).items()
        if key not in _SHOWN_WHEN_SET or value is not None
    }


_SHOWN_WHEN_SET = frozenset({"due_text", "id"})


# --- whole records ------------------------------------------------------------------------


def task_changes(old: Task, new: Task) -> list[FieldChange]:
    """Every field of a task that differs, in the order a reader expects them."""
    return [
        *text_change("title", old.title, new.title),
        *text_change("text", old.text, new.text),
        *value_change("source_number", old.source_number, new.source_number),
        *list_change("lead", old.lead, new.lead),
        *value_change("lead_word", old.lead_word, new.lead_word),
        *value_change("lead_more", old.lead_more, new.lead_more),
        *list_change("support", old.support, new.support),
        *value_change("support_word", old.support_word, new.support_word),
        *value_change("support_more", old.support_more, new.support_more),
        *list_change("responsible", old.responsible, new.responsible),
        *value_change("responsible_more", old.responsible_more, new.responsible_more),
        *list_change("guide", old.guide, new.guide),
        *value_change("start", old.start, new.start),
        *deadline_change("due", old.due, new.due),
        *text_change("due_text", old.due_text, new.due_text),
        *text_change("due_note", old.due_note, new.due_note),
        *milestone_changes(old.milestones, new.milestones),
        *indicator_changes(old.indicators, new.indicators),
        *value_change("status", old.status, new.status),
        *progress_changes(old.progress, new.progress),
    ]


def notice_changes(old: Notice, new: Notice) -> list[FieldChange]:
    return [
        *value_change("issuer_mark", old.issuer_mark, new.issuer_mark),
        *value_change("doc_number", old.doc_number, new.doc_number),
        *text_change("title", old.title, new.title),
        *list_change("recipients", old.recipients, new.recipients),
        *text_change("body", old.body, new.body),
        *list_change("attachments", old.attachments, new.attachments),
        *value_change("signer", old.signer, new.signer),
        *value_change("date", old.date, new.date),
        *value_change("date_style", old.date_style, new.date_style),
        *value_change("disclosure", old.disclosure, new.disclosure),
        *list_change("keywords", old.keywords, new.keywords),
        *list_change("cc", old.cc, new.cc),
        *value_change("printer", old.printer, new.printer),
        *value_change("printed", old.printed, new.printed),
    ]


def plan_header_changes(old: Plan, new: Plan) -> list[FieldChange]:
    return [
        *value_change("id", old.id, new.id),  # differs only when two named files are compared
        *text_change("title", old.title, new.title),
        *value_change("kind", old.kind, new.kind),
        *value_change("stage", old.stage, new.stage),
        *value_change("issuer", old.issuer, new.issuer),
        *value_change("period", _period(old), _period(new)),
        *value_change("reporting", _reporting(old), _reporting(new)),
        *preamble_changes(old.preamble, new.preamble),
    ]


def preamble_changes(old: Sequence[PreamblePart], new: Sequence[PreamblePart]) -> list[FieldChange]:
    """Preamble parts compared by position; a changed text carries its character marks."""
    found = []
    for index in range(max(len(old), len(new))):
        before = old[index] if index < len(old) else None
        after = new[index] if index < len(new) else None
        if before == after:
            continue
        edit = TextEdit(text_segments(_text_of(before), _text_of(after)))
        found.append(FieldChange("preamble", _record(before), _record(after), edit))
    return found


def _text_of(part: PreamblePart | None) -> str:
    return "" if part is None else part.text.strip()


def _reporting(plan: Plan) -> Value:
    if plan.reporting is None:
        return None
    return {key: value for key, value in asdict(plan.reporting).items() if value is not None}


def _period(plan: Plan) -> Value:
    return None if plan.period is None else {"start": plan.period[0], "end": plan.period[1]}
