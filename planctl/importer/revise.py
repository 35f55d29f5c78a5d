"""`planctl import FILE --into PLAN`: a revised document updates the plan it became.

The plan's tasks and sections are matched to the document's: first by number path and
wording together, then by wording alone (character pairs shared, so a reworded task is
still found). A matched item keeps its id, its comments and everything the document does
not say (status, progress, milestones, indicators…); what the document says (number,
title, text, owners, deadline) is taken from it. Items only in the document are added,
items only in the plan are removed, and both are reported. The order and nesting are the
document's. A text that differs only in spacing or punctuation width is the same text,
so the plan keeps its own.

The header (title, kind, issuer, period), the notice and the preamble stay as the plan
has them, since they are often corrected by hand after an import; where the document
says something else, the difference is reported, and what the plan lacks is filled in.
The file is written through `planctl fmt`'s round trip, in the canonical layout.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from planctl.fmt import edit_text
from planctl.fmt.roundtrip import parse
from planctl.importer.text import normalize

TASK_FIELDS = (
    "source_number",
    "title",
    "text",
    "lead",
    "support",
    "lead_more",
    "support_more",
    "lead_word",
    "support_word",
    "responsible",
    "responsible_more",
    "guide",
    "due",
    "due_note",
)
SECTION_FIELDS = ("source_number", "title", "text")
HEADER_FIELDS = ("title", "kind", "issuer", "period", "notice", "preamble")
UNPLACED_HEADING = "# Lines of the source that `planctl import` did not place in the plan:"
# Score a pair of items must reach to be the same item: the share of character pairs
# they have in common, plus a bonus when their number paths agree.
_ENOUGH = 0.55
_SAME_NUMBER = 0.25
_NUMBER_MARKS = re.compile(r"[（）()、.．，,:：\s]")


@dataclass(frozen=True)
class Revision:
    """The updated plan's text and what the update did."""

    text: str
    kept: list[str] = field(default_factory=list)  # ids of tasks found again
    changed: list[str] = field(default_factory=list)  # of those, the ones the document changed
    added: list[tuple[str, str]] = field(default_factory=list)  # (id, heading)
    removed: list[tuple[str, str]] = field(default_factory=list)
    header_kept: list[str] = field(default_factory=list)  # header fields kept as they were


@dataclass
class _Item:
    data: CommentedMap
    kind: str  # "task" or "section"
    path: tuple[str, ...]  # the number path from the top, as digits and numerals
    pairs: frozenset[str]

    @property
    def heading(self) -> str:
        title = self.data.get("title") or self.data.get("text") or ""
        return str(title).strip().split("\n", 1)[0][:40]


def revise(plan_text: str, document_text: str) -> Revision:
    """The plan in `plan_text` updated from the freshly imported `document_text`."""
    _, document = parse(document_text)
    new_items = list(_items(document, ()))
    unplaced = _unplaced_lines(document_text)
    report: dict[str, Any] = {}

    def edit(plan: CommentedMap, tail: list[str]) -> None:
        old_items = list(_items(plan, ()))
        matches = {
            **_match([i for i in new_items if i.kind == "section"], old_items, "section"),
            **_match([i for i in new_items if i.kind == "task"], old_items, "task"),
        }
        ids = _final_ids(new_items, matches, old_items)
        builder = _Builder(matches, ids)
        builder.children(document, plan)
        report["header"] = _header(document, plan)
        report["builder"] = builder
        report["removed"] = [
            (str(item.data["id"]), item.heading)
            for item in old_items
            if item.kind == "task" and id(item.data) not in builder.reused
        ]
        tail[:] = [*_without_unplaced(tail), *unplaced]

    text = edit_text(plan_text, kind="plan", edit=edit)
    builder: _Builder = report["builder"]
    return Revision(
        text,
        kept=builder.kept,
        changed=builder.changed,
        added=builder.added,
        removed=report["removed"],
        header_kept=report["header"],
    )


# --- items and their likeness ---------------------------------------------------------------


def _items(container: CommentedMap, above: tuple[str, ...]) -> Iterator[_Item]:
    for task in container.get("tasks") or ():
        yield _item(task, "task", above)
    for section in container.get("sections") or ():
        item = _item(section, "section", above)
        yield item
        yield from _items(section, item.path)


def _item(data: CommentedMap, kind: str, above: tuple[str, ...]) -> _Item:
    number = _NUMBER_MARKS.sub("", str(data.get("source_number") or ""))
    words = str(data.get("title") or "") + str(data.get("text") or "")
    return _Item(data, kind, (*above, number), _pairs(words))


def _pairs(text: str) -> frozenset[str]:
    letters = re.sub(r"\W", "", normalize(text))
    return frozenset(letters[i : i + 2] for i in range(len(letters) - 1)) or frozenset(letters)


def _likeness(first: _Item, second: _Item) -> float:
    shared = len(first.pairs & second.pairs)
    total = len(first.pairs) + len(second.pairs)
    score = 2 * shared / total if total else 0.0
    if first.path == second.path and all(first.path):
        score += _SAME_NUMBER
    return score


def _match(new: list[_Item], old: list[_Item], kind: str) -> dict[int, _Item]:
    """Each new item's old counterpart (by `id` of the new data), best pairs first."""
    candidates = sorted(
        (
            (score, index, position)
            for index, item in enumerate(new)
            for position, before in enumerate(old)
            if before.kind == kind and (score := _likeness(item, before)) >= _ENOUGH
        ),
        key=lambda candidate: (-candidate[0], candidate[1], candidate[2]),
    )
    matched: dict[int, _Item] = {}
    taken: set[int] = set()
    for _score, index, position in candidates:
        if id(new[index].data) in matched or position in taken:
            continue
        matched[id(new[index].data)] = old[position]
        taken.add(position)
    return matched


def _final_ids(new: list[_Item], matches: dict[int, _Item], old: list[_Item]) -> dict[int, str]:
    """Matched items keep their ids; the others take the document's, made unique."""
    ids = {
        id(item.data): str(matches[id(item.data)].data["id"])
        for item in new
        if id(item.data) in matches
    }
    used = set(ids.values()) | {str(item.data["id"]) for item in old}
    for item in new:
        if id(item.data) in ids:
            continue
        base = candidate = str(item.data["id"])
        count = 1
        while candidate in used:
            count += 1
            candidate = f"{base}-{count}"
        used.add(candidate)
        ids[id(item.data)] = candidate
    return ids


# --- building the updated body ------------------------------------------------------------


class _Builder:
    """Lays the document's outline out of the plan's own mappings wherever they match."""

    def __init__(self, matches: dict[int, _Item], ids: dict[int, str]) -> None:
        self.matches = matches
        self.ids = ids
        self.reused: set[int] = set()
        self.kept: list[str] = []
        self.changed: list[str] = []
        self.added: list[tuple[str, str]] = []

    def children(self, source: CommentedMap, target: CommentedMap) -> None:
        """`tasks` and `sections` of `target` as `source` has them."""
        task_ids = {str(task["id"]): self.ids[id(task)] for task in source.get("tasks") or ()}
        for key, kind in (("tasks", "task"), ("sections", "section")):
            entries = [self.entry(item, kind, task_ids) for item in source.get(key) or ()]
            if entries:
                target[key] = _sequence(target.get(key), entries)
            elif key in target:
                del target[key]

    def entry(self, source: CommentedMap, kind: str, task_ids: dict[str, str]) -> CommentedMap:
        old = self.matches.get(id(source))
        fields = TASK_FIELDS if kind == "task" else SECTION_FIELDS
        if old is None:
            target = source
            target["id"] = self.ids[id(source)]
            if kind == "task":
                self.added.append((target["id"], _Item(target, kind, (), frozenset()).heading))
        else:
            target = old.data
            self.reused.add(id(target))
            changed = _update(target, source, fields)
            if kind == "task":
                self.kept.append(str(target["id"]))
                if changed:
                    self.changed.append(str(target["id"]))
        if kind == "section":
            self._place(target, source, task_ids)
            self.children(source, target)
        return target

    @staticmethod
    def _place(target: CommentedMap, source: CommentedMap, task_ids: dict[str, str]) -> None:
        before = source.get("before")
        if before is not None and str(before) in task_ids:
            wanted = task_ids[str(before)]
            if target.get("before") != wanted:
                target["before"] = wanted
        elif "before" in target:
            del target["before"]


def _sequence(old: Any, entries: list[CommentedMap]) -> CommentedSeq:
    """The old list object refilled (its own comments stay), or a new one."""
    seq = old if isinstance(old, CommentedSeq) else CommentedSeq()
    seq[:] = entries
    return seq


def _update(target: CommentedMap, source: CommentedMap, fields: tuple[str, ...]) -> bool:
    """Take the document's values of `fields`; True when any of them changed."""
    changed = False
    for key in fields:
        if key in source:
            if key not in target or not same(target[key], source[key]):
                target[key] = source[key]
                changed = True
        elif key in target:
            del target[key]
            changed = True
    return changed


def same(first: Any, second: Any) -> bool:
    """Equal values; texts equal in their normalized form (spacing, punctuation width)."""
    if isinstance(first, str) and isinstance(second, str):
        return normalize(first) == normalize(second)
    if isinstance(first, dict) and isinstance(second, dict):
        return first.keys() == second.keys() and all(same(first[k], second[k]) for k in first)
    if isinstance(first, list) and isinstance(second, list):
        return len(first) == len(second) and all(map(same, first, second))
    return bool(first == second)


# --- the header and the comment block of unplaced lines -----------------------------------


def _header(document: CommentedMap, plan: CommentedMap) -> list[str]:
    """Fill in what the plan lacks; name the fields where the document differs."""
    kept: list[str] = []
    for key in HEADER_FIELDS:
        if key not in document:
            continue
        if key not in plan:
            plan[key] = document[key]
        elif key == "notice":
            kept += [f"notice.{name}" for name in _fill(plan[key], document[key])]
        elif not same(plan[key], document[key]):
            kept.append(key)
    return kept


def _fill(plan: CommentedMap, document: CommentedMap) -> list[str]:
    differing = []
    for key, value in document.items():
        if key not in plan:
            plan[key] = value
        elif not same(plan[key], value):
            differing.append(str(key))
    return differing


def _unplaced_lines(document_text: str) -> list[str]:
    lines = document_text.rstrip("\n").split("\n")
    if UNPLACED_HEADING not in lines:
        return []
    at = lines.index(UNPLACED_HEADING)
    return ["", *lines[at:]]


def _without_unplaced(tail: list[str]) -> list[str]:
    """The end comments without the block an earlier import wrote."""
    if UNPLACED_HEADING not in tail:
        return tail
    at = tail.index(UNPLACED_HEADING)
    after = at + 1
    while after < len(tail) and tail[after].startswith("# "):
        after += 1
    kept = tail[:at] + tail[after:]
    while kept and kept[-1] == "":
        kept.pop()
    return kept
