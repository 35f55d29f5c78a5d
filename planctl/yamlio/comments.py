"""Where each comment of a YAML file sits, as the reader sees it: which key or list item
it belongs to, or which mapping it closes.

`planctl fmt` moves comments with the keys it reorders; this is the independent measure
it is held to (it reads libyaml's events, not ruamel's tree): a formatted file must give
the same places, comment for comment, as the file it came from.

A comment's place is one of

- ("head",): above the first key of the file;
- ("at", path): above, or at the end of the line of, the key or list item at `path`
  (a comment on a line holding only a list item's "-" belongs to that item);
- ("end", path): below the last key of the mapping at `path`, indented as its keys.

A full-line comment belongs to the mapping that ends below it when it is indented at
least as deep as that mapping's keys, and else to the key or item that follows it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from yaml import events as ev
from yaml.cyaml import CParser  # type: ignore[attr-defined]  # the C parser, untyped

from planctl.findings import JsonPath

Place = tuple[Any, ...]


@dataclass(frozen=True)
class _Slot:
    """A key with its value, or a list item: where it starts and where a one-line
    value ends (block values end where the next token starts, which says nothing)."""

    path: JsonPath
    line: int
    column: int
    end_line: int  # -1 when the value is a block collection or a block scalar
    end_column: int
    depth: int
    mappings: tuple[tuple[JsonPath, int], ...]  # enclosing mappings, with their key column


def comment_places(text: str) -> dict[Place, list[str]]:
    """Each place that holds comments, with its comments in file order.

    `text` is what the loader parses (decoded, LF line ends); it must be valid YAML.
    """
    slots, spans = _slots_and_scalars(text)
    starts = [(slot.line, slot.column) for slot in slots]
    ending: dict[int, list[_Slot]] = {}
    for slot in slots:
        ending.setdefault(slot.end_line, []).append(slot)
    lines = text.split("\n")
    places: dict[Place, list[str]] = {}
    for line, column, comment, own_line, after_dash in _comments(lines, spans):
        if after_dash:  # `- # …`: the item that the lone dash opens
            after_index = bisect_left(starts, (line + 1, 0))
            place = (
                ("at", _outermost_at(slots, after_index))
                if after_index < len(slots)
                else (
                    "end",
                    (),
                )
            )
        elif own_line:
            place = _own_line_place(slots, starts, line, column)
        else:
            content = lines[line][:column]
            place = _end_of_line_place(slots, starts, ending.get(line, []), line, content)
        places.setdefault(place, []).append(comment)
    return places


# --- the reader's slots -----------------------------------------------------------------


class _Open:
    __slots__ = ("column", "index", "key", "mapping", "path")

    def __init__(self, path: JsonPath, mapping: bool, column: int) -> None:
        self.path = path
        self.mapping = mapping
        self.column = column
        self.key: Any = None  # a mapping's pending key: (name, line, column)
        self.index = 0


def _slots_and_scalars(text: str) -> tuple[list[_Slot], list[tuple[int, int]]]:
    slots: list[_Slot] = []
    spans: list[tuple[int, int]] = []
    stack: list[_Open] = []
    event: Any  # libyaml's events, untyped
    for event in iter(CParser(text).get_event, None):
        kind = event.__class__
        if kind in (ev.StreamStartEvent, ev.StreamEndEvent):
            continue
        if kind in (ev.DocumentStartEvent, ev.DocumentEndEvent):
            continue
        if kind in (ev.MappingEndEvent, ev.SequenceEndEvent):
            stack.pop()
            continue
        start, end = event.start_mark, event.end_mark
        if kind is ev.ScalarEvent:
            spans.append(_scalar_span(text, event))
        top = stack[-1] if stack else None
        if top is not None and top.mapping and top.key is None:
            # A key (only scalars are keys in a plan; the loader refuses the others).
            top.key = (event.value if kind is ev.ScalarEvent else "?", start.line, start.column)
            continue
        block = _is_block(event)
        path: JsonPath = ()
        if top is not None:
            if top.mapping:
                name, line, column = top.key
                top.key = None
                path = (*top.path, name)
            else:
                path = (*top.path, top.index)
                top.index += 1
                line, column = start.line, start.column
            mappings = tuple((o.path, o.column) for o in stack if o.mapping)
            slots.append(
                _Slot(
                    path,
                    line,
                    column,
                    -1 if block else end.line,
                    end.column,
                    len(stack),
                    mappings,
                )
            )
        if kind in (ev.MappingStartEvent, ev.SequenceStartEvent):
            stack.append(_Open(path, kind is ev.MappingStartEvent, start.column))
    slots.sort(key=lambda slot: (slot.line, slot.column, slot.depth))
    spans.sort()
    return slots, spans


def _is_block(event: Any) -> bool:
    if event.__class__ is ev.ScalarEvent:
        return event.style in ("|", ">")
    if event.__class__ in (ev.MappingStartEvent, ev.SequenceStartEvent):
        return not event.flow_style
    return False


def _scalar_span(text: str, event: Any) -> tuple[int, int]:
    """Character offsets of a scalar; a block scalar's text starts below its header line,
    which may hold a comment (`text: |  # …`)."""
    start, end = event.start_mark.index, event.end_mark.index
    if event.style in ("|", ">"):
        header_end = text.find("\n", start)
        return (end, end) if header_end == -1 else (header_end + 1, end)
    return start, end


# --- comments in the text ---------------------------------------------------------------


def _comments(
    lines: list[str], spans: list[tuple[int, int]]
) -> Iterator[tuple[int, int, str, bool, bool]]:
    """(line, column, comment, own line, after a lone dash) of every comment outside
    scalars, 0-based."""
    span_starts = [start for start, _ in spans]
    offset = 0
    dash_open = False  # the last line with content held only list dashes
    for number, line in enumerate(lines):
        column = line.find("#")
        while column != -1:
            if (column == 0 or line[column - 1] in " \t") and not _inside(
                offset + column, spans, span_starts
            ):
                break
            column = line.find("#", column + 1)
        content = line if column == -1 else line[:column]
        if content.strip():
            dash_open = bool(_LONE_DASHES.fullmatch(content)) and not _inside(
                offset, spans, span_starts
            )
        if column != -1:
            own_line = not content.strip()
            yield number, column, line[column:].rstrip(), own_line, dash_open
        offset += len(line) + 1


# A line that opens list items and holds nothing else (`-`, `- -`); not `---`.
_LONE_DASHES = re.compile(r"\s*-(?:\s+-)*\s*")


def _inside(offset: int, spans: list[tuple[int, int]], span_starts: list[int]) -> bool:
    index = bisect_right(span_starts, offset) - 1
    return index >= 0 and offset < spans[index][1]


# --- places -----------------------------------------------------------------------------


def _own_line_place(
    slots: list[_Slot], starts: list[tuple[int, int]], line: int, column: int
) -> Place:
    after_index = bisect_left(starts, (line + 1, 0))
    before = slots[after_index - 1] if after_index > 0 else None
    after = slots[after_index] if after_index < len(slots) else None
    if before is None:
        return ("head",)
    still_open = {path for path, _ in after.mappings} if after is not None else set()
    closing = [entry for entry in reversed(before.mappings) if entry[0] not in still_open]
    for path, key_column in closing:
        if key_column <= column:
            return ("end", path)
    if after is None:
        return ("end", closing[-1][0] if closing else ())
    return ("at", _outermost_at(slots, after_index))


def _outermost_at(slots: list[_Slot], index: int) -> JsonPath:
    """The outermost slot starting where slot `index` starts: a list item, not the first
    key of the mapping it holds."""
    slot = slots[index]
    outermost = slot
    for other in reversed(slots[:index]):
        if (other.line, other.column) != (slot.line, slot.column):
            break
        outermost = other
    return outermost.path


def _end_of_line_place(
    slots: list[_Slot],
    starts: list[tuple[int, int]],
    ending_here: list[_Slot],
    line: int,
    content: str,
) -> Place:
    """`content` is the line before the comment."""
    column = len(content)
    ending = [s for s in ending_here if s.end_column <= column]
    if ending:
        owner = max(ending, key=lambda slot: (slot.end_column, -slot.depth))
        return ("at", owner.path)
    first = bisect_left(starts, (line, 0))
    starting = [s for s in slots[first:] if s.line == line and s.column < column]
    if starting:
        return ("at", starting[-1].path)
    after_index = bisect_left(starts, (line + 1, 0))
    if content.strip().strip("-").strip() == "" and after_index < len(slots):
        return ("at", _outermost_at(slots, after_index))  # `- # …` above the item's keys
    return ("at", slots[after_index - 1].path) if after_index else ("head",)
