"""The canonical layout of plan files and of the unit registry (the core of `planctl fmt`).

`format_text` parses with ruamel.yaml in round-trip mode, so scalars are written back
as they were written (quotes, dates, `due: 2012-06`), and rewrites the layout:

* keys in the order of PLAN_FORMAT.md's examples; unknown keys follow the known ones
  in their original order (the schema flags them; fmt never drops them);
* mappings and lists of mappings in block style; lists of scalars in flow style
  (`lead: [a, b]`); record mappings (`period`, milestone, indicator and progress
  items) in flow style (`{due: 2012-06, text: …}`) when all their values are
  one-line scalars; a collection with a comment inside it stays in block style;
  in flow style, plain strings PyYAML would misread (`为什么?`) are single-quoted;
* strings containing a line break as literal blocks (`|`), except those ending in a
  blank line, which are double-quoted; other strings as they were written;
* two-space indentation, sequences indented under their key (`  - `), no wrapping;
* exactly one blank line between the items of `sections:` and `tasks:` lists; other
  blank lines are dropped, except one before a block of full-line comments;
* every comment is kept and moves with the key or list item it belongs to; comments
  above the first key stay at the top of the file; end-of-line comments keep their
  column (at least one space after the value); a comment line indented under a
  mapping's keys after its last key stays at the end of that mapping.

ruamel attaches comments to whatever token precedes them (a comment line above a
task ends up on the last scalar of the previous task), which does not survive
reordering. So comments are located in the source text instead, assigned to the key
or list item they belong to, and written back into ruamel's comment slots after the
keys have been reordered.
"""

from __future__ import annotations

import io
from bisect import bisect_right
from collections.abc import Hashable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, TypeAlias

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.compat import ordereddict
from ruamel.yaml.emitter import RoundTripEmitter
from ruamel.yaml.error import CommentMark, MarkedYAMLError, YAMLError
from ruamel.yaml.events import MappingEndEvent, SequenceEndEvent
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.reader import ReaderError
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
    SingleQuotedScalarString,
)
from ruamel.yaml.tokens import CommentToken

from planctl.atomic import write_atomic

__all__ = ["FormatError", "Kind", "format_file", "format_text", "is_formatted"]

Kind = Literal["plan", "units"]

# Key order of each kind of mapping, as in PLAN_FORMAT.md's examples (and the schema's
# `lead_more`, which the examples do not show).
_KEY_ORDER: dict[str, tuple[str, ...]] = {
    "plan": (
        "format", "id", "title", "kind", "stage", "issuer", "period", "notice",
        "preamble", "sections",
    ),
    "period": ("start", "end"),
    "notice": (
        "issuer_mark", "doc_number", "title", "recipients", "body", "attachments",
        "signer", "date", "date_style", "disclosure", "keywords", "cc", "printer",
        "printed",
    ),
    "preamble": ("title", "text"),
    "section": ("id", "source_number", "title", "text", "sections", "tasks"),
    "task": (
        "id", "source_number", "title", "text", "lead", "support", "lead_more",
        "support_more", "lead_word", "support_word", "due", "due_note", "milestones",
        "indicators", "status", "progress",
    ),
    "milestone": ("due", "text"),
    "indicator": ("name", "unit", "baseline", "target"),
    "progress": ("date", "status", "note"),
    "units": ("format", "units", "groups"),
    "unit": ("name", "full_name", "aliases", "kind", "note"),
    "group": ("name", "members", "note"),
}  # fmt: skip

# (mapping kind, key) -> kind of the mapping under that key, or of each mapping in its list.
_FIELD_KIND: dict[tuple[str, str], str] = {
    ("plan", "period"): "period",
    ("plan", "notice"): "notice",
    ("plan", "preamble"): "preamble",
    ("plan", "sections"): "section",
    ("section", "sections"): "section",
    ("section", "tasks"): "task",
    ("task", "milestones"): "milestone",
    ("task", "indicators"): "indicator",
    ("task", "progress"): "progress",
    ("units", "units"): "unit",
    ("units", "groups"): "group",
}

# Small records that read best on one line: {start: 2012-01-01, end: 2012-12-31}.
_FLOW_RECORDS = frozenset({"period", "milestone", "indicator", "progress"})

# Lists whose items are separated by a blank line, so that one task is one block.
_SPACED_LISTS = frozenset({("plan", "sections"), ("section", "sections"), ("section", "tasks")})

_INDENT = 2
_NO_WRAP = 1 << 30
_MERGE_TAG = "tag:yaml.org,2002:merge"


class FormatError(ValueError):
    """The text cannot be formatted: not YAML, or not a mapping at the top level.

    `line` and `column` are 1-based, or None when the position is not known.
    """

    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column

    def __str__(self) -> str:
        if self.line is None:
            return self.message
        return f"{self.message} (line {self.line}, column {self.column})"


# --- public API


def format_text(text: str, *, kind: Kind) -> str:
    """Return the canonical layout of a plan file (kind="plan") or unit registry ("units")."""
    source = _normalise_newlines(text)
    node, data = _parse(source)
    slots = _collect_slots(node, data)
    notes = _assign_comments(_scan_comments(source, node), slots)
    _Layout(notes).document(data, kind)
    return _dump(data)


def is_formatted(text: str, *, kind: Kind) -> bool:
    """Whether `text` is already in the canonical layout (byte for byte)."""
    return format_text(text, kind=kind) == text


def format_file(path: Path, *, kind: Kind, check: bool) -> bool:
    """Format the file at `path`; return whether it changed (or would change, with `check`).

    The result is UTF-8 without BOM with LF line endings, also for a GBK/GB18030 file.
    Without `check`, a changed file is replaced atomically, keeping its permission bits.
    """
    raw = path.read_bytes()
    formatted = format_text(_decode(raw), kind=kind).encode("utf-8")
    if formatted == raw:
        return False
    if not check:
        write_atomic(path, formatted)
    return True


# --- parsing


def _decode(raw: bytes) -> str:
    """UTF-8, else GB18030 (a superset of GBK), as the loader reads them."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        bad_byte = f"byte 0x{raw[error.start]:02x} on line {line}"
        if _mostly_utf8(raw):  # read as GB18030 it would be garbled, then saved so
            raise FormatError(f"not valid UTF-8: {bad_byte}; fix that byte first") from None
        try:
            return raw.decode("gb18030")
        except UnicodeDecodeError:
            raise FormatError(f"neither UTF-8 nor GB18030: {bad_byte}") from None


def _mostly_utf8(raw: bytes) -> bool:
    """Damaged UTF-8 rather than GBK: most non-ASCII characters decode as UTF-8."""
    text = raw.decode("utf-8", errors="replace")
    damaged = text.count("\ufffd")
    return sum(not char.isascii() for char in text) - damaged > damaged


def _normalise_newlines(text: str) -> str:
    """Canonical files are UTF-8 without BOM with LF line endings."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _new_yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Emitter = _Emitter
    yaml.preserve_quotes = True
    yaml.indent(mapping=_INDENT, sequence=2 * _INDENT, offset=_INDENT)
    yaml.width = _NO_WRAP
    yaml.allow_unicode = True
    return yaml


def _parse(source: str) -> tuple[MappingNode, CommentedMap]:
    """The node tree (it has the positions) and the data built from it (what is dumped)."""
    yaml = _new_yaml()
    try:
        node = yaml.compose(source)
        if not isinstance(node, MappingNode):
            line, column = _human_position(node)
            raise FormatError("the top level must be a mapping (key: value)", line, column)
        _refuse_merge_keys(node)  # before constructing, which rewrites merged mappings
        data = yaml.constructor.construct_document(node)
    except MarkedYAMLError as error:
        raise _format_error(error) from None
    except ReaderError as error:  # a control character, say
        line, column = _line_and_column(source, error.position)
        raise FormatError(f"not valid YAML: {error.reason}", line, column) from None
    except YAMLError as error:
        raise FormatError(f"not valid YAML: {error}") from None
    return node, data


def _format_error(error: MarkedYAMLError) -> FormatError:
    mark = error.problem_mark or error.context_mark
    message = " ".join(part for part in (error.context, error.problem) if part)
    if mark is None:
        return FormatError(f"not valid YAML: {message}")
    return FormatError(f"not valid YAML: {message}", mark.line + 1, mark.column + 1)


def _line_and_column(source: str, index: int) -> tuple[int, int]:
    line_start = source.rfind("\n", 0, index) + 1
    return source.count("\n", 0, index) + 1, index - line_start + 1


def _human_position(node: Node | None) -> tuple[int | None, int | None]:
    if node is None:
        return None, None
    return node.start_mark.line + 1, node.start_mark.column + 1


class _Emitter(RoundTripEmitter):
    """ruamel.yaml's emitter, with the line after a commented flow collection fixed.

    A comment after `]` or `}` ends the line, but ruamel (0.19) then leaves a pending
    "no newline" in place when the list's key had a comment too (`progress:  # …`),
    and the next item's keys run together on one line.
    """

    def write_post_comment(self, event: Any) -> bool:
        written: bool = super().write_post_comment(event)
        if written and isinstance(event, MappingEndEvent | SequenceEndEvent):
            self.no_newline = False
        return written


def _dump(data: CommentedMap) -> str:
    stream = io.StringIO()
    _new_yaml().dump(data, stream)
    return stream.getvalue()


# --- comments in the source


@dataclass(frozen=True)
class _SourceComment:
    """A comment or a blank line in the source (0-based position)."""

    line: int
    column: int
    text: str  # "# …", or "" for a blank line
    own_line: bool  # a full-line comment or a blank line, not an end-of-line comment
    gap: int = 0  # spaces between the preceding content and "#"


def _scan_comments(source: str, root: Node) -> list[_SourceComment]:
    """Find every comment and blank line outside scalars, in source order."""
    starts, ends = _scalar_spans(source, root)
    found: list[_SourceComment] = []
    offset = 0
    for number, line in enumerate(source.split("\n")):
        comment = _comment_in_line(line, number, offset, starts, ends)
        if comment is not None:
            found.append(comment)
        offset += len(line) + 1
    return found


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
    return (node for node in _all_nodes(root) if isinstance(node, ScalarNode))


def _all_nodes(root: Node) -> Iterator[Node]:
    seen: set[int] = set()
    todo = [root]
    while todo:
        node = todo.pop()
        if id(node) in seen:  # an alias is the same node object again
            continue
        seen.add(id(node))
        yield node
        if isinstance(node, SequenceNode):
            todo.extend(node.value)
        elif isinstance(node, MappingNode):
            todo.extend(part for pair in node.value for part in pair)


def _inside_scalar(offset: int, starts: list[int], ends: list[int]) -> bool:
    index = bisect_right(starts, offset) - 1
    return index >= 0 and offset < ends[index]


# --- slots: keys and items


_Container: TypeAlias = CommentedMap | CommentedSeq
# The mappings a slot sits in, outermost first, each with the column of its keys.
_Maps: TypeAlias = tuple[tuple[CommentedMap, int], ...]


@dataclass(frozen=True)
class _Slot:
    """A mapping key or a list item, with where it starts and where its value ends."""

    container: _Container
    key: Hashable  # mapping key, or list index
    line: int
    column: int
    end_line: int  # -1 for a block collection or block scalar
    end_column: int
    depth: int
    maps: _Maps


def _collect_slots(root: MappingNode, data: CommentedMap) -> list[_Slot]:
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
        self, container: _Container, key: Hashable, start: Node, end: Node, depth: int, maps: _Maps
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


def _refuse_merge_keys(root: Node) -> None:
    # Merged keys are not in the file as written; reordering them would change the file.
    for node in _all_nodes(root):
        for key_node, _ in node.value if isinstance(node, MappingNode) else ():
            if key_node.tag == _MERGE_TAG:
                line, column = _human_position(key_node)
                raise FormatError("merge keys (<<) are not supported", line, column)


# --- assigning comments


@dataclass
class _SlotNotes:
    before: list[str] = field(default_factory=list)  # full-line comments; "" = blank line
    eol: _SourceComment | None = None  # the comment at the end of its line


@dataclass
class _Notes:
    """Comments by owner: the file head, a slot, or the end of a mapping (its tail)."""

    head: list[str] = field(default_factory=list)
    slots: dict[tuple[int, Hashable], _SlotNotes] = field(default_factory=dict)
    tails: dict[int, list[str]] = field(default_factory=dict)

    def of(self, container: _Container, key: Hashable) -> _SlotNotes:
        return self.slots.setdefault((id(container), key), _SlotNotes())

    def peek(self, container: _Container, key: Hashable) -> _SlotNotes:
        return self.slots.get((id(container), key)) or _SlotNotes()

    def tail(self, mapping: CommentedMap) -> list[str]:
        return self.tails.setdefault(id(mapping), [])


def _assign_comments(comments: list[_SourceComment], slots: list[_Slot]) -> _Notes:
    notes = _Notes()
    lines = _LineIndex(slots)
    loose = [c for c in comments if c.own_line or not _attach_eol(c, lines, notes)]
    starts = [slot.line for slot in slots]
    for gap, group in _group_by_gap(loose, starts):
        before = slots[gap - 1] if gap > 0 else None
        after = slots[gap] if gap < len(slots) else None
        _place_gap(group, before, after, notes)
    return notes


def _attach_eol(comment: _SourceComment, lines: _LineIndex, notes: _Notes) -> bool:
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
    group: list[_SourceComment], before: _Slot | None, after: _Slot | None, notes: _Notes
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
        if before is None:  # above the first key: the head of the file stays on top
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
    notes: _Notes,
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


# --- layout


class _Layout:
    """Reorder keys, choose styles and write the comments back, container by container.

    `column` is where the container's keys (or list dashes) start in the output.
    """

    def __init__(self, notes: _Notes) -> None:
        self.notes = notes

    def document(self, root: CommentedMap, kind: Kind) -> None:
        # Comments above whichever key ends up first join the head of the file.
        head = self.notes.head + self.mapping(root, kind, column=0, lift_first=True)
        root.ca.comment[1] = _tokens(head[1:] if head[:1] == [""] else head, 0)

    def mapping(
        self, mapping: CommentedMap, kind: str | None, column: int, *, lift_first: bool = False
    ) -> list[str]:
        """Lay out a mapping. With `lift_first`, the comments above its first key are
        returned, not written: they go above the "- " of a list item, or into the head."""
        _reorder(mapping, _KEY_ORDER.get(kind or "", ()))
        for key in mapping:
            child_kind = _FIELD_KIND.get((kind or "", key))
            spaced = (kind, key) in _SPACED_LISTS
            value = self.value(mapping[key], child_kind, column + _INDENT, spaced=spaced)
            ordereddict.__setitem__(mapping, key, value)  # bypass ruamel keeping the old style
        lifted = self._write_key_comments(mapping, column, lift_first)
        flow = not mapping or (kind in _FLOW_RECORDS and _is_flat(mapping))
        _set_flow_style(mapping, flow)
        return lifted

    def _write_key_comments(
        self, mapping: CommentedMap, column: int, lift_first: bool
    ) -> list[str]:
        mapping.ca.items.clear()
        mapping.ca.comment = [None, None]  # ruamel appends the end comments to this list
        mapping.ca.end = _tokens(self.notes.tails.get(id(mapping), []), column)
        lifted: list[str] = []
        for position, key in enumerate(mapping):
            key_notes = self.notes.peek(mapping, key)
            before = key_notes.before
            if lift_first and position == 0:
                lifted, before = before, []
            comments = _key_comments(mapping[key], key_notes, before, column)
            if comments:
                mapping.ca.items[key] = comments
        return lifted

    def sequence(self, seq: CommentedSeq, kind: str | None, column: int, spaced: bool) -> None:
        seq.ca.items.clear()
        seq.ca.comment = None
        for index, item in enumerate(seq):
            lifted: list[str] = []
            if isinstance(item, CommentedMap):
                lifted = self.mapping(item, kind, column + _INDENT, lift_first=True)
            else:
                item = self.value(item, kind, column + _INDENT, spaced=False)
                list.__setitem__(seq, index, item)  # bypass ruamel keeping the old style
            before, eol = _item_comment_lines(item, self.notes.peek(seq, index), lifted)
            if spaced and index:
                before = _separated(before)
            comments = [_eol_token(eol), _tokens(before, column)]
            if any(comments):
                _set_item_comments(seq, index, comments)
        _set_flow_style(seq, _is_flat(seq))

    def value(self, value: Any, kind: str | None, column: int, *, spaced: bool) -> Any:
        if isinstance(value, CommentedMap):
            self.mapping(value, kind, column)
        elif isinstance(value, CommentedSeq):
            self.sequence(value, kind, column, spaced)
        elif isinstance(value, str):
            return _restyle_string(value)
        return value


def _is_flat(container: _Container) -> bool:
    if isinstance(container, CommentedMap):
        if any(_misread_in_flow(key) for key in container):
            return False
        values: Iterable[Any] = container.values()
    else:
        values = container
    one_line = all(_is_one_line_scalar(value) for value in values)
    # Run after the comments are written: flow style has no place for them.
    return one_line and not (container.ca.items or container.ca.end)


def _key_comments(
    value: Any, key_notes: _SlotNotes, before: list[str], column: int
) -> list[Any] | None:
    # ruamel's slots for a key: [after key, before key, after value, after "|"].
    tokens = _tokens(before, column)
    if key_notes.eol is None:
        return None if tokens is None else [None, tokens, None, None]
    if isinstance(value, LiteralScalarString):
        # ruamel writes this one right after "|" as given, so it carries its own spaces.
        return [None, tokens, None, [" " * key_notes.eol.gap + key_notes.eol.text]]
    return [None, tokens, _eol_token(key_notes), None]


def _item_comment_lines(
    item: Any, item_notes: _SlotNotes, lifted: list[str]
) -> tuple[list[str], _SlotNotes]:
    """The comment lines above a list item, and what stays at the end of its line."""
    before = [*item_notes.before, *lifted]
    if item_notes.eol is None or not _starts_own_line(item):
        return before, item_notes
    # "- " is followed by the first key or the block's text: the comment goes above.
    return [*before, item_notes.eol.text], _SlotNotes()


def _starts_own_line(item: Any) -> bool:
    if isinstance(item, CommentedMap | CommentedSeq):
        return not item.fa.flow_style()
    return isinstance(item, LiteralScalarString)


def _eol_token(slot_notes: _SlotNotes) -> CommentToken | None:
    """At its column in the source: alignment kept, at least one space after the value."""
    eol = slot_notes.eol
    return None if eol is None else CommentToken(eol.text + "\n", CommentMark(eol.column))


def _set_item_comments(seq: CommentedSeq, index: int, comments: list[Any]) -> None:
    item = seq[index]
    if isinstance(item, CommentedMap):
        # On the mapping itself: ruamel drops a mapping's end comments when the list's
        # own slot for the item is used.
        item.ca.comment = comments
    else:
        seq.ca.items[index] = comments


def _reorder(mapping: CommentedMap, order: tuple[str, ...]) -> None:
    """Known keys in `order`, then the others in their original order."""
    known = [key for key in order if key in mapping]
    unknown = [key for key in mapping if key not in order]
    for key in known + unknown:
        mapping.move_to_end(key)


def _restyle_string(value: str) -> str:
    """A literal block iff the string has a line break (double-quoted if it ends in a
    blank line); other strings keep their style."""
    if _ends_with_blank_line(value):
        # As a literal (|+) its last blank lines would run into the blank lines fmt writes.
        quoted: str = DoubleQuotedScalarString(str(value))
        return quoted
    if "\n" in value:
        literal: str = LiteralScalarString(str(value))
        return literal
    if isinstance(value, LiteralScalarString | FoldedScalarString):
        return str(value)
    return value


def _ends_with_blank_line(value: str) -> bool:
    return value == "\n" or value.endswith("\n\n")


def _is_one_line_scalar(value: Any) -> bool:
    if isinstance(value, CommentedMap | CommentedSeq | dict | list):
        return False
    return not (isinstance(value, str) and "\n" in value)


def _set_flow_style(container: _Container, flow: bool) -> None:
    """Block or flow style; in flow style, quote what the loader would misread."""
    if not flow:
        container.fa.set_block_style()
        return
    container.fa.set_flow_style()
    if isinstance(container, CommentedMap):
        for key, value in container.items():
            if _misread_in_flow(value):
                ordereddict.__setitem__(container, key, _single_quoted(value))
    else:
        for index, value in enumerate(container):
            if _misread_in_flow(value):
                list.__setitem__(container, index, _single_quoted(value))


def _misread_in_flow(value: Any) -> bool:
    """YAML 1.2 allows these plain in `[…]` and `{…}`; PyYAML (YAML 1.1), which the
    loader uses, ends a plain scalar at "?" there and cannot start one with ":"."""
    quoted = isinstance(value, SingleQuotedScalarString | DoubleQuotedScalarString)
    plain = isinstance(value, str) and not quoted
    return plain and ("?" in value or value.startswith(":"))


def _single_quoted(value: str) -> str:
    quoted: str = SingleQuotedScalarString(value)
    return quoted


def _separated(before: list[str]) -> list[str]:
    """One blank line above a list item, then its comments."""
    return ["", *(before[1:] if before[:1] == [""] else before)]


def _tokens(lines: list[str], column: int) -> list[CommentToken] | None:
    """ruamel comment tokens, one per line; a blank line is a bare newline. None for no
    lines: ruamel treats an empty list as comments written and shifts the indentation."""
    if not lines:
        return None
    return [CommentToken(text + "\n" if text else "\n", CommentMark(column)) for text in lines]


# --- writing
