"""The canonical layout: key order, block or flow style, string styles, comments written back."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, Literal

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.compat import ordereddict
from ruamel.yaml.error import CommentMark
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
    SingleQuotedScalarString,
)
from ruamel.yaml.tokens import CommentToken

from planctl.fmt.comments import Container, Notes, SlotNotes
from planctl.fmt.roundtrip import INDENT

Kind = Literal["plan", "units", "report", "review", "calendar", "bulletin"]

# Key order of each kind of mapping, as in the tables of docs/plan-format.md (and the schema's
# `lead_more`, which the examples do not show).
_KEY_ORDER: dict[str, tuple[str, ...]] = {
    "plan": (
        "format", "id", "title", "kind", "stage", "issuer", "period", "reporting",
        "notice", "preamble", "sections", "tasks",
    ),
    "period": ("start", "end"),
    "reporting": ("cycle", "due_day", "start", "supervisor"),
    "notice": (
        "issuer_mark", "doc_number", "title", "recipients", "body", "attachments",
        "signer", "date", "date_style", "sealed", "show_deadlines", "attach_table",
        "disclosure", "keywords", "cc", "printer", "printed",
    ),
    "preamble": ("title", "text"),
    "section": ("id", "source_number", "title", "text", "before", "sections", "tasks"),
    "task": (
        "id", "source_number", "title", "text", "lead", "support", "lead_more",
        "support_more", "lead_word", "support_word", "responsible", "responsible_more",
        "guide", "start", "due", "due_text", "due_note", "milestones",
        "indicators", "status", "progress",
    ),
    "milestone": ("id", "due", "due_text", "text"),
    "indicator": ("name", "unit", "baseline", "target"),
    "progress": ("date", "status", "note"),
    "units": ("format", "units", "groups"),
    "unit": ("name", "full_name", "aliases", "kind", "note"),
    "group": ("name", "members", "note"),
    # Tracking files, in the order of their schemas.
    "report": ("format", "plan", "period", "unit", "as_of", "tasks"),
    "entry": (
        "task", "status", "percent", "progress", "problems", "next_steps", "milestones",
        "request", "extend_to", "reason",
    ),
    "milestone_done": ("id", "done"),
    "review": ("format", "plan", "period", "reviewer", "date", "decisions"),
    "decision": ("task", "unit", "verdict", "close", "extend_to", "light", "status", "note"),
    "calendar": ("format", "years"),
    "bulletin": (
        "format", "plan", "period", "number", "doc_number", "date", "issuer", "title",
        "recipients", "cc", "overview", "problems", "requirements",
    ),
    "year": ("year", "source", "rest", "work"),
    "range": ("from", "to"),
}  # fmt: skip

# (mapping kind, key) -> kind of the mapping under that key, or of each mapping in its list.
_FIELD_KIND: dict[tuple[str, str], str] = {
    ("plan", "period"): "period",
    ("plan", "reporting"): "reporting",
    ("plan", "notice"): "notice",
    ("plan", "preamble"): "preamble",
    ("plan", "sections"): "section",
    ("plan", "tasks"): "task",
    ("section", "sections"): "section",
    ("section", "tasks"): "task",
    ("task", "milestones"): "milestone",
    ("task", "indicators"): "indicator",
    ("task", "progress"): "progress",
    ("units", "units"): "unit",
    ("units", "groups"): "group",
    ("report", "tasks"): "entry",
    ("entry", "milestones"): "milestone_done",
    ("review", "decisions"): "decision",
    ("calendar", "years"): "year",
    ("year", "rest"): "range",
    ("year", "work"): "range",
}

# Small records that read best on one line: {start: 2012-01-01, end: 2012-12-31}.
_FLOW_RECORDS = frozenset(
    {
        "period",
        "reporting",
        "milestone",
        "indicator",
        "progress",
        "milestone_done",
        "decision",
        "range",
    }
)

# Lists whose items are separated by a blank line, so that one task is one block.
_SPACED_LISTS = frozenset(
    {("plan", "sections"), ("plan", "tasks"), ("section", "sections"), ("section", "tasks")}
)


# --- layout


class Layout:
    """Reorder keys, choose styles and write the comments back, container by container.

    `column` is where the container's keys (or list dashes) start in the output.
    """

    def __init__(self, notes: Notes) -> None:
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
            value = self.value(mapping[key], child_kind, column + INDENT, spaced=spaced)
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
                lifted = self.mapping(item, kind, column + INDENT, lift_first=True)
            else:
                item = self.value(item, kind, column + INDENT, spaced=False)
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


def _is_flat(container: Container) -> bool:
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
    value: Any, key_notes: SlotNotes, before: list[str], column: int
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
    item: Any, item_notes: SlotNotes, lifted: list[str]
) -> tuple[list[str], SlotNotes]:
    """The comment lines above a list item, and what stays at the end of its line."""
    before = [*item_notes.before, *lifted]
    if item_notes.eol is None or not _starts_own_line(item):
        return before, item_notes
    # "- " is followed by the first key or the block's text: the comment goes above.
    return [*before, item_notes.eol.text], SlotNotes()


def _starts_own_line(item: Any) -> bool:
    if isinstance(item, CommentedMap | CommentedSeq):
        return not item.fa.flow_style()
    return isinstance(item, LiteralScalarString)


def _eol_token(slot_notes: SlotNotes) -> CommentToken | None:
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
    blank line, or holds a character only an escape can write); other strings keep
    their style."""
    if _ends_with_blank_line(value) or needs_escapes(value):
        # As a literal (|+) its last blank lines would run into the blank lines fmt writes.
        quoted: str = DoubleQuotedScalarString(str(value))
        return quoted
    if "\n" in value:
        literal: str = LiteralScalarString(str(value))
        return literal
    if isinstance(value, LiteralScalarString | FoldedScalarString):
        return str(value)
    return value


# Characters a plain, single-quoted or block scalar cannot hold as they are: those outside
# YAML's printable set, a carriage return (read back as a line break), the byte-order
# mark, and the line breaks of YAML 1.1 (NEL, LS, PS), which 1.1 readers break lines at.
_ESCAPE_ONLY = re.compile(
    r"[^\t\n\x20-\x7e\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
    r"|[\u2028\u2029]"
)


def needs_escapes(value: str) -> bool:
    """Whether only a double-quoted scalar with escapes can hold `value` as it is."""
    return _ESCAPE_ONLY.search(value) is not None


def escape_for_yaml(quoted: str) -> str:
    """A double-quoted scalar's text with every character that needs it escaped."""
    return _ESCAPE_ONLY.sub(_escape, quoted)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def _ends_with_blank_line(value: str) -> bool:
    return value == "\n" or value.endswith("\n\n")


def _is_one_line_scalar(value: Any) -> bool:
    if isinstance(value, CommentedMap | CommentedSeq | dict | list):
        return False
    return not (isinstance(value, str) and "\n" in value)


def _set_flow_style(container: Container, flow: bool) -> None:
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
