"""Comments and blank lines of the source, found in the text and assigned to their owners.

ruamel attaches comments to whatever token precedes them (a comment line above a task
ends up on the last scalar of the previous task), which does not survive reordering.
So comments are located in the source text instead and assigned to the key or list item
(a slot) they belong to; `layout` writes them back after the keys have been reordered.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Hashable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any, TypeAlias

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from planctl.fmt.roundtrip import all_nodes

# --- comments in the source


@dataclass(frozen=True)
class _SourceComment:
    """A comment or a blank line in the source (0-based position)."""

    line: int
    column: int
    text: str  # "# …", or "" for a blank line
    own_line: bool  # a full-line comment or a blank line, not an end-of-line comment
    gap: int = 0  # spaces between the preceding content and "#"
    # Between a list item's lone "-" and its first key (`- # …`): it belongs to that item.
    after_dash: bool = False


def scan_comments(source: str, root: Node) -> list[_SourceComment]:
    """Find every comment and blank line outside scalars, in source order."""
    starts, ends = _scalar_spans(source, root)
    found: list[_SourceComment] = []
    offset = 0
    dash_open = False  # a line holding only "-" was the last line with content
    for number, line in enumerate(source.split("\n")):
        comment = _comment_in_line(line, number, offset, starts, ends)
        content = line[: comment.column] if comment is not None and comment.text else line
        if content.strip():
            dash_open = _only_dashes(content)
        if comment is not None:
            if comment.text and dash_open:
                comment = replace(comment, own_line=True, after_dash=True)
            found.append(comment)
        offset += len(line) + 1
    return found


def _only_dashes(content: str) -> bool:
    """A line that opens list items and holds nothing else (`-`, `- -`)."""
    return re.fullmatch(r"\s*-(?:\s+-)*\s*", content) is not None  # not `---`


def _comment_in_line(
    line: str, number: int, offset: int, starts: list[int], ends: list[int]
) -> _SourceComment | None:
    if not line.strip():
        inside = _inside_scalar(offset, starts, ends)  # a blank line of a literal block
        return None if inside else _SourceComment(number, 0, "", own_line=True)
    column = line.find("#")
    while column != -1:
        # YAML: "#" starts a comment at the start of a line or after white space.
        starts_comment = column == 0 or line[column - 1] in " \t"
        if starts_comment and not _inside_scalar(offset + column, starts, ends):
            content = line[:column].rstrip()
            own_line = not content
            return _SourceComment(
                number, column, line[column:].rstrip(), own_line, column - len(content)
            )
        column = line.find("#", column + 1)
    return None


def _scalar_spans(source: str, root: Node) -> tuple[list[int], list[int]]:
    """Start and end offsets of every scalar, sorted; scalars never overlap."""
    spans = sorted(_scalar_span(source, node) for node in _scalar_nodes(root))
    return [start for start, _ in spans], [end for _, end in spans]


def _scalar_span(source: str, node: ScalarNode) -> tuple[int, int]:
    start, end = node.start_mark.index, node.end_mark.index
    if node.style not in ("|", ">"):
        return start, end
    # The header line ("|-  # comment") may hold a comment; the text starts below it.
    text_start = source.find("\n", start) + 1
    if text_start == 0:  # "key: |" on the last line: an empty text
        return start, start
    if node.style == "|":
        # The scanner's end is after the blank lines that follow; a blank line before a
        # comment must be seen, so end after the literal's own lines. (Folding joins
        # lines, so a folded block keeps the scanner's end.)
        end = _after_lines(source, text_start, _line_count(node.value))
    return text_start, end


def _line_count(text: str) -> int:
    return text.count("\n") + (not text.endswith("\n")) if text else 0


def _after_lines(source: str, start: int, count: int) -> int:
    """Where the line after the `count` lines from `start` begins."""
    for _ in range(count):
        line_break = source.find("\n", start)
        if line_break == -1:
            return len(source)
        start = line_break + 1
    return start


def _scalar_nodes(root: Node) -> Iterator[ScalarNode]:
    return (node for node in all_nodes(root) if isinstance(node, ScalarNode))


def _inside_scalar(offset: int, starts: list[int], ends: list[int]) -> bool:
    index = bisect_right(starts, offset) - 1
    return index >= 0 and offset < ends[index]


# --- slots: keys and items


Container: TypeAlias = CommentedMap | CommentedSeq
# The mappings a slot sits in, outermost first, each with the column of its keys.
_Maps: TypeAlias = tuple[tuple[CommentedMap, int], ...]


@dataclass(frozen=True)
class _Slot:
    """A mapping key or a list item, with where it starts and where its value ends."""

    container: Container
    key: Hashable  # mapping key, or list index
    line: int
    column: int
    end_line: int  # -1 for a block collection or block scalar
    end_column: int
    depth: int
    maps: _Maps


def collect_slots(root: MappingNode, data: CommentedMap) -> list[_Slot]:
    """All slots in source order (the order of their start positions)."""
    collector = _SlotCollector()
    collector.visit(root, data, maps=(), depth=0)
    return collector.slots


class _SlotCollector:
    """Walks the node tree and the loaded data side by side."""

    def __init__(self) -> None:
        self.slots: list[_Slot] = []
        self.seen: set[int] = set()  # an alias is the same node object again

    def visit(self, node: Node, data: Any, maps: _Maps, depth: int) -> None:
        if id(node) in self.seen:
            return
        self.seen.add(id(node))
        if isinstance(node, MappingNode) and isinstance(data, CommentedMap):
            self.visit_mapping(node, data, maps, depth)
        elif isinstance(node, SequenceNode) and isinstance(data, CommentedSeq):
            for index, (item_node, item) in enumerate(zip(node.value, data, strict=True)):
                self.add(data, index, item_node, item_node, depth, maps)
                self.visit(item_node, item, maps, depth + 1)

    def visit_mapping(self, node: MappingNode, data: CommentedMap, maps: _Maps, depth: int) -> None:
        column = node.value[0][0].start_mark.column if node.value else 0
        inner = (*maps, (data, column))
        for (key_node, value_node), key in zip(node.value, list(data), strict=True):
            self.add(data, key, key_node, value_node, depth, inner)
            self.visit(value_node, data[key], inner, depth + 1)

    def add(
        self, container: Container, key: Hashable, start: Node, end: Node, depth: int, maps: _Maps
    ) -> None:
        begin, finish = start.start_mark, end.end_mark
        end_line = -1 if _is_block(end) else finish.line
        self.slots.append(
            _Slot(container, key, begin.line, begin.column, end_line, finish.column, depth, maps)
        )


def _is_block(node: Node) -> bool:
    """Block collections and block scalars end where the next token starts, so their
    end says nothing about which comment follows them."""
    if isinstance(node, ScalarNode):
        return node.style in ("|", ">")
    return isinstance(node, MappingNode | SequenceNode) and not node.flow_style


# --- assigning comments


@dataclass
class SlotNotes:
    before: list[str] = field(default_factory=list)  # full-line comments; "" = blank line
    eol: _SourceComment | None = None  # the comment at the end of its line


@dataclass
class Notes:
    """Comments by owner: the file head, a slot, or the end of a mapping (its tail)."""

    head: list[str] = field(default_factory=list)
    slots: dict[tuple[int, Hashable], SlotNotes] = field(default_factory=dict)
    tails: dict[int, list[str]] = field(default_factory=dict)

    def of(self, container: Container, key: Hashable) -> SlotNotes:
        return self.slots.setdefault((id(container), key), SlotNotes())

    def peek(self, container: Container, key: Hashable) -> SlotNotes:
        return self.slots.get((id(container), key)) or SlotNotes()

    def tail(self, mapping: CommentedMap) -> list[str]:
        return self.tails.setdefault(id(mapping), [])


def assign_comments(comments: list[_SourceComment], slots: list[_Slot]) -> Notes:
    notes = Notes()
    lines = _LineIndex(slots)
    loose = [c for c in comments if c.own_line or not _attach_eol(c, lines, notes)]
    starts = [slot.line for slot in slots]
    for gap, group in _group_by_gap(loose, starts):
        before = slots[gap - 1] if gap > 0 else None
        after = slots[gap] if gap < len(slots) else None
        _place_gap(group, before, after, notes)
    return notes


def _attach_eol(comment: _SourceComment, lines: _LineIndex, notes: Notes) -> bool:
    owner = lines.eol_owner(comment)
    if owner is None:
        return False
    slot_notes = notes.of(owner.container, owner.key)
    if slot_notes.eol is None:
        slot_notes.eol = comment
    else:  # a second one (`key:  # a` + a flow value below it  # b): rare, keep it above
        slot_notes.before.append(comment.text)
    return True


class _LineIndex:
    """Slots by the line they start on and the line their value ends on."""

    def __init__(self, slots: list[_Slot]) -> None:
        self.starting: dict[int, list[_Slot]] = {}
        self.ending: dict[int, list[_Slot]] = {}
        for slot in slots:
            self.starting.setdefault(slot.line, []).append(slot)
            self.ending.setdefault(slot.end_line, []).append(slot)

    def eol_owner(self, comment: _SourceComment) -> _Slot | None:
        """The slot whose value ends closest before the comment, the outermost of those
        ending there (`- {…}  # …` belongs to the item), else the innermost slot that
        starts on its line (`notice:  # …`, `text: |  # …`)."""
        ending = [s for s in self.ending.get(comment.line, []) if s.end_column <= comment.column]
        if ending:
            return max(ending, key=lambda slot: (slot.end_column, -slot.depth))
        starting = [s for s in self.starting.get(comment.line, []) if s.column < comment.column]
        return starting[-1] if starting else None


def _group_by_gap(
    comments: list[_SourceComment], starts: list[int]
) -> Iterator[tuple[int, list[_SourceComment]]]:
    """Group comments by the gap between slots they fall in (gap i: before slot i)."""
    groups: dict[int, list[_SourceComment]] = {}
    for comment in sorted(comments, key=lambda c: c.line):
        groups.setdefault(bisect_right(starts, comment.line), []).append(comment)
    yield from groups.items()


def _place_gap(
    group: list[_SourceComment], before: _Slot | None, after: _Slot | None, notes: Notes
) -> None:
    """Comments between two slots go to the tail of a mapping that ends there, when
    indented at least as deep as its keys, else above the next slot."""
    closed = _closed_maps(before, after)
    level = 0  # index into `closed`; comments never move inwards again
    blank_pending = False
    for comment in group:
        if not comment.text:
            blank_pending = True
            continue
        if comment.after_dash and after is not None:
            target = notes.of(after.container, after.key).before
        elif before is None:  # above the first key: the head of the file stays on top
            target = notes.head
        else:
            target, level = _gap_target(comment, closed, level, after, notes)
        if blank_pending:
            _add_blank(target)  # a blank line above a comment block sets it apart
        target.append(comment.text)
        blank_pending = False


def _closed_maps(before: _Slot | None, after: _Slot | None) -> list[tuple[CommentedMap, int]]:
    """Mappings that end between two slots, innermost first."""
    if before is None:
        return []
    open_after = {id(mapping) for mapping, _ in after.maps} if after else set()
    return [entry for entry in reversed(before.maps) if id(entry[0]) not in open_after]


def _gap_target(
    comment: _SourceComment,
    closed: list[tuple[CommentedMap, int]],
    level: int,
    after: _Slot | None,
    notes: Notes,
) -> tuple[list[str], int]:
    for index in range(level, len(closed)):
        mapping, column = closed[index]
        if column <= comment.column:
            return notes.tail(mapping), index
    if after is None:  # the end of the file
        return notes.tail(closed[-1][0]), len(closed)
    return notes.of(after.container, after.key).before, len(closed)


def _add_blank(lines: list[str]) -> None:
    if not lines or lines[-1]:
        lines.append("")


# --- editing the data between reading and writing


@dataclass
class PinnedItems:
    """List items' comments held by the items themselves while lists are rebuilt (an
    edit may move, insert or drop items; notes are found by list position otherwise)."""

    notes: dict[int, SlotNotes] = field(default_factory=dict)
    alive: list[Any] = field(default_factory=list)  # the old containers: no id is reused

    def place(self, notes: Notes, root: CommentedMap) -> None:
        """Give each pinned item its comments at its new place."""
        for seq in _sequences(root):
            for index, item in enumerate(seq):
                pinned = self.notes.get(id(item))
                if pinned is not None:
                    notes.slots[(id(seq), index)] = pinned


def pin_items(notes: Notes, root: CommentedMap) -> PinnedItems:
    pinned = PinnedItems(alive=list(_containers(root)))
    for seq in _sequences(root):
        for index, item in enumerate(seq):
            found = notes.slots.pop((id(seq), index), None)
            if found is not None and isinstance(item, CommentedMap):
                pinned.notes[id(item)] = found
            elif found is not None:
                notes.slots[(id(seq), index)] = found
    return pinned


def _containers(root: Container) -> Iterator[Container]:
    todo: list[Any] = [root]
    while todo:
        container = todo.pop()
        yield container
        values = container.values() if isinstance(container, CommentedMap) else container
        todo.extend(v for v in values if isinstance(v, CommentedMap | CommentedSeq))


def _sequences(root: CommentedMap) -> Iterator[CommentedSeq]:
    return (c for c in _containers(root) if isinstance(c, CommentedSeq))
