"""libyaml's events into plain Python values, with positions on demand.

The builder applies no tag, reports duplicate keys, keeps dates as written and bounds
nesting and alias expansion (see the package's docstring). Its fast pass (`run_data`)
is held to the general one (`run`) by a law test.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from yaml import events as ev
from yaml.cyaml import CParser  # type: ignore[attr-defined]  # the C parser, untyped
from yaml.reader import ReaderError

from planctl.errors import NumberTooLong, ParseStop
from planctl.findings import Finding, JsonPath, Position, json_path_text, problem
from planctl.i18n import _, quote
from planctl.yamlio.causes import find_cause
from planctl.yamlio.decode import position_of
from planctl.yamlio.parser_words import parser_message

MAX_DEPTH = 100
MAX_EXPANDED_NODES = 1_000_000
# Aliases may repeat what a file writes out (a shared list of units), not multiply it: past
# ALIAS_FLOOR values, what aliases add may be at most ALIAS_RATIO times what is written.
ALIAS_FLOOR = 10_000
ALIAS_RATIO = 10
MAX_DIGITS = 4300  # Python's own bound on converting digits to an int
_CORE_TAG = "tag:yaml.org,2002:"


@dataclass
class Positions:
    """1-based line:column of every value (`values`) and every mapping key (`keys`)."""

    values: dict[JsonPath, Position] = field(default_factory=dict)
    keys: dict[JsonPath, Position] = field(default_factory=dict)


# --- parsing --------------------------------------------------------------------------


# The core schema's numbers, as patterns to match whole scalars with (`fast` finds them
# inside JSON text too).
INT_TEXT = r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"
FLOAT_TEXT = (
    r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)"
    r"|\.(?:nan|NaN|NAN)"
)
_INT = re.compile(f"(?:{INT_TEXT})\\Z")
_FLOAT = re.compile(f"(?:{FLOAT_TEXT})\\Z")
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUES = frozenset({"true", "True", "TRUE"})
_FALSES = frozenset({"false", "False", "FALSE"})
PLAIN_CONSTANTS: dict[str, Any] = {
    **dict.fromkeys(_NULLS),
    **dict.fromkeys(_TRUES, True),
    **dict.fromkeys(_FALSES, False),
}
_NUMBER_STARTS = frozenset("0123456789+-.")


def resolve_plain(value: str) -> Any:
    """YAML 1.2 core schema; timestamps stay strings (the schema and rules check them).

    `planctl fmt` resolves plain scalars with this too, so it reads what the loader reads.
    """
    if value in _NULLS:
        return None
    if value in _TRUES:
        return True
    if value in _FALSES:
        return False
    first = value[0]
    if first.isdigit() or first in "+-.":
        if _INT.match(value):
            if len(value) > MAX_DIGITS:
                raise NumberTooLong(value)
            return int(value, 0) if value[:2] in ("0o", "0x") else int(value)
        if _FLOAT.match(value):
            # YAML spells infinity and not-a-number .inf and .nan; Python wants no dot.
            special = value.lstrip("+-").lower() in (".inf", ".nan")
            return float(value.replace(".", "", 1) if special else value)
    return value


def _tagged(kinds: tuple[type, ...]) -> Callable[[str], Any]:
    """A core-schema tag: the value must be written as that tag's plain form would be
    (`!!bool yes` is no boolean in YAML 1.2, and is refused rather than read as false)."""

    def convert(value: str) -> Any:
        resolved = resolve_plain(value) if value else None
        if resolved.__class__ not in kinds:
            raise ValueError(value)
        return float(resolved) if float in kinds and resolved.__class__ is int else resolved

    return convert


_SCALAR_TAGS: dict[str, Callable[[str], Any]] = {
    _CORE_TAG + "str": str,
    _CORE_TAG + "timestamp": str,
    _CORE_TAG + "int": _tagged((int,)),
    _CORE_TAG + "float": _tagged((float, int)),
    _CORE_TAG + "bool": _tagged((bool,)),
    _CORE_TAG + "null": _tagged((type(None),)),
}
_CONTAINER_TAGS = frozenset({None, "!", _CORE_TAG + "map", _CORE_TAG + "seq"})


def parse(
    text: str,
    positions: Positions | None,
    problems: list[Finding] | None = None,
    file: str = "",
) -> Any:
    builder = _Builder(positions, problems if problems is not None else [], file)
    # The parser's get_event returns None after the last event: a C-level iterator.
    events = iter(CParser(text).get_event, None)
    try:
        data = builder.run(events) if positions is not None else builder.run_data(events)
    except NumberTooLong as error:
        raise ParseStop(
            "yaml-limits",
            _("a number of {digits:,} digits (at most {most:,})").format(
                digits=len(str(error)), most=MAX_DIGITS
            ),
            _("write it as text in quotes, or shorten it"),
            position_of(text, max(text.find(str(error)), 0)),
        ) from None
    builder.check_aliases()
    return data


class _Frame:
    __slots__ = ("anchor", "container", "key", "key_position", "mapping", "size", "step")

    def __init__(self, container: dict[str, Any] | list[Any], anchor: str | None) -> None:
        self.container = container
        self.mapping = container.__class__ is dict
        self.key: str | None = None
        self.key_position: Position | None = None
        self.size = 1
        self.anchor = anchor
        self.step: str | int = ""  # where its latest container child sits: key or index


class _Builder:
    """Turns a libyaml event stream into dicts, lists and scalars."""

    def __init__(self, positions: Positions | None, problems: list[Finding], file: str) -> None:
        self.positions = positions
        self.problems = problems
        self.file = file
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.open_anchors: set[str] = set()
        self.expanded = 0
        self.total = 0  # values in the data, aliases expanded
        self.first_alias: Position | None = None
        self.root: Any = None
        self.documents = 0

    def run(self, events: Iterator[Any]) -> Any:
        handlers: dict[type, Callable[[Any], None]] = {
            ev.ScalarEvent: self.scalar,
            ev.MappingStartEvent: self.start_mapping,
            ev.SequenceStartEvent: self.start_sequence,
            ev.MappingEndEvent: self.end,
            ev.SequenceEndEvent: self.end,
            ev.AliasEvent: self.alias,
            ev.DocumentStartEvent: self.start_document,
        }
        for event in events:
            handler = handlers.get(type(event))
            if handler is not None:
                handler(event)
        return self.root

    def run_data(self, events: Iterator[Any]) -> Any:
        """`run` without positions, for the first (data) pass over every file.

        The same result as `run`, faster: plain untagged scalars and untagged containers,
        nearly every event of a plan, are handled inline; anything else (tags, anchors,
        aliases, duplicate keys, limits) goes through the same methods as `run`.
        """
        stack = self.stack
        top: _Frame | None = None  # the innermost open container: stack[-1], kept at hand
        for event in events:
            kind = event.__class__
            if kind is _SCALAR:
                if top is None or event.tag is not None or event.anchor is not None:
                    self.scalar(event)
                elif top.mapping and top.key is None:
                    if event.value in top.container:
                        self._set_key(event.value, _mark(event))
                    else:
                        top.key = event.value
                else:  # a value: the hottest path of all, so `_append` is written out here
                    value = event.value
                    if event.implicit[0]:
                        value = PLAIN_CONSTANTS.get(value, value)
                        if value.__class__ is str and value[:1] in _NUMBER_STARTS:
                            value = resolve_plain(value)
                    # No `step` kept: only a container's step is ever read (`_path`).
                    top.size += 1
                    if top.mapping:
                        key = top.key
                        top.key = None
                        if key.__class__ is not _DuplicateKey:
                            top.container[key] = value  # type: ignore[call-overload,index]
                    else:
                        top.container.append(value)  # type: ignore[union-attr]
            elif kind is _MAPPING_START or kind is _SEQUENCE_START:
                if (
                    top is None
                    or event.tag is not None
                    or event.anchor is not None
                    or len(stack) >= MAX_DEPTH
                    or (top.mapping and top.key is None)
                ):
                    self._container_start(event, {} if kind is _MAPPING_START else [])
                else:
                    container: dict[str, Any] | list[Any] = {} if kind is _MAPPING_START else []
                    self._append(top, container, 0)
                    stack.append(_Frame(container, None))
                top = stack[-1]
            elif kind is _MAPPING_END or kind is _SEQUENCE_END:
                self.end(event)
                top = stack[-1] if stack else None
            elif kind is _ALIAS:
                self.alias(event)
            elif kind is _DOCUMENT_START:
                self.start_document(event)
        return self.root

    @staticmethod
    def _append(frame: _Frame, value: Any, size: int) -> None:
        """`_add` below the root without positions or anchors."""
        frame.size += size
        container = frame.container
        if isinstance(container, list):
            frame.step = len(container)  # its index: every item is appended once
            container.append(value)
            return
        key = frame.key
        frame.key = None
        frame.step = key  # type: ignore[assignment]
        if key.__class__ is not _DuplicateKey:  # the first value of a duplicated key wins
            container[key] = value  # type: ignore[index]

    # events

    def start_document(self, event: Any) -> None:
        self.documents += 1
        if self.documents > 1:
            raise ParseStop(
                "multiple-documents",
                _("the file holds more than one YAML document"),
                _("keep one plan per file; remove the `---` line and what follows"),
                _mark(event),
            )

    def scalar(self, event: Any) -> None:
        value = self._scalar_value(event)
        if self.stack and isinstance(self.stack[-1].container, dict) and self.stack[-1].key is None:
            self._set_key(event.value, _mark(event))
            return
        self._add(value, _mark(event), 1, event.anchor)

    def start_mapping(self, event: Any) -> None:
        self._container_start(event, {})

    def start_sequence(self, event: Any) -> None:
        self._container_start(event, [])

    def end(self, event: Any) -> None:
        frame = self.stack.pop()
        if frame.anchor is not None:
            self.anchors[frame.anchor] = (frame.container, frame.size)
            self.open_anchors.discard(frame.anchor)
        if self.stack:
            self.stack[-1].size += frame.size
        else:
            self.total = frame.size

    def check_aliases(self) -> None:
        """Refuse data that aliases multiply (see ALIAS_RATIO), which no check would
        bound: a file of a few hundred bytes rendered as a table of a million rows."""
        written = self.total - self.expanded
        if self.expanded > ALIAS_FLOOR and self.expanded > ALIAS_RATIO * written:
            raise ParseStop(
                "yaml-limits",
                f"aliases repeat {self.expanded:,} values, {self.expanded // max(written, 1):,} "
                "times what the file writes out (an alias bomb)",
                "write the values out; plans need no aliases",
                self.first_alias or (1, 1),
            )

    def alias(self, event: Any) -> None:
        name = event.anchor
        if name in self.open_anchors:
            raise ParseStop(
                "yaml-limits",
                _("alias *{name} refers to its own anchor (a cycle)").format(name=name),
                _("plans hold plain data: remove the recursive alias"),
                _mark(event),
            )
        if name not in self.anchors:
            raise ParseStop(
                "yaml-syntax",
                _("alias *{name} has no anchor &{name} before it").format(name=name),
                _("define &{name} first, or write the value out").format(name=name),
                _mark(event),
            )
        value, size = self.anchors[name]
        if self.first_alias is None:
            self.first_alias = _mark(event)
        self.expanded += size
        if self.expanded > MAX_EXPANDED_NODES:
            raise ParseStop(
                "yaml-limits",
                _("aliases expand to more than {count:,} values (an alias bomb)").format(
                    count=MAX_EXPANDED_NODES
                ),
                _("write the values out; plans need no aliases"),
                _mark(event),
            )
        if self.stack and isinstance(self.stack[-1].container, dict) and self.stack[-1].key is None:
            raise ParseStop(
                "yaml-syntax",
                _("an alias cannot be a mapping key"),
                _("use plain text for keys"),
                _mark(event),
            )
        self._add(value, _mark(event), size, None)

    # helpers

    def _container_start(self, event: Any, container: dict[str, Any] | list[Any]) -> None:
        position = _mark(event)
        if event.tag not in _CONTAINER_TAGS:
            self._tag_problem(event.tag, position)
        if len(self.stack) >= MAX_DEPTH:
            raise ParseStop(
                "yaml-limits",
                _("the data nests deeper than {count} levels").format(count=MAX_DEPTH),
                _("plans nest sections a few levels deep; flatten the structure"),
                position,
            )
        if self.stack and isinstance(self.stack[-1].container, dict) and self.stack[-1].key is None:
            raise ParseStop(
                "yaml-syntax",
                _("a mapping key must be plain text, not a list or mapping"),
                _("write the key as text"),
                position,
            )
        self._add(container, position, 0, None)
        self.stack.append(_Frame(container, event.anchor))
        if event.anchor is not None:
            self.open_anchors.add(event.anchor)

    def _scalar_value(self, event: Any) -> Any:
        tag = event.tag
        if tag is None or tag == "!":
            # implicit[0] is true only for an untagged plain scalar (libyaml marks style "")
            return resolve_plain(event.value) if event.implicit[0] else event.value
        convert = _SCALAR_TAGS.get(tag)
        if convert is None:
            self._tag_problem(tag, _mark(event))
            return event.value
        try:
            return convert(event.value)
        except ValueError:
            hint = _("remove the tag or correct the value")
            if tag == _CORE_TAG + "bool":
                hint = _("write true or false (YAML 1.2 reads yes, no, on and off as text)")
            raise ParseStop(
                "yaml-syntax",
                _("{value} is not a valid {type}").format(
                    value=quote(event.value), type=tag[len(_CORE_TAG) :]
                ),
                hint,
                _mark(event),
            ) from None

    def _tag_problem(self, tag: str, position: Position) -> None:
        self.problems.append(
            problem(
                self.file,
                position,
                "yaml-tag",
                _("the tag {tag} is not allowed (it was not applied)").format(tag=_short_tag(tag)),
                _("plans hold plain text, numbers and lists: remove the tag"),
            )
        )

    def _set_key(self, key: str, position: Position) -> None:
        frame = self.stack[-1]
        assert isinstance(frame.container, dict)
        if key in frame.container:
            path = (*self._path(), key)
            self.problems.append(
                problem(
                    self.file,
                    position,
                    "duplicate-key",
                    _("duplicate key {key} in this mapping").format(key=quote(key)),
                    _("keep one of them: planctl reads no file with a key written twice"),
                    json_path=json_path_text(path),
                )
            )
            key = _DuplicateKey(key)
        frame.key = key
        frame.key_position = position

    def _add(self, value: Any, position: Position, size: int, anchor: str | None) -> None:
        if anchor is not None:
            self.anchors[anchor] = (value, max(size, 1))
        if not self.stack:
            self.root = value
            if self.positions is not None:
                self.positions.values[()] = position
            return
        frame = self.stack[-1]
        if self.positions is not None:
            self._record(frame, position)
        self._append(frame, value, size)

    def _record(self, frame: _Frame, position: Position) -> None:
        assert self.positions is not None
        parent = self._path()
        if any(isinstance(step, _DuplicateKey) for step in parent):
            return  # inside a dropped duplicate: its places would overwrite the kept value's
        if isinstance(frame.container, list):
            path = (*parent, len(frame.container))
        else:
            if frame.key is None or isinstance(frame.key, _DuplicateKey):
                return
            path = (*parent, frame.key)
            if frame.key_position is not None:
                self.positions.keys[path] = frame.key_position
        self.positions.values[path] = position

    def _path(self) -> JsonPath:
        """The path of the innermost open container."""
        return tuple(frame.step for frame in self.stack[:-1])


class _DuplicateKey(str):
    """Marks the second occurrence of a key, whose value is dropped."""


_SCALAR = ev.ScalarEvent
_MAPPING_START = ev.MappingStartEvent
_SEQUENCE_START = ev.SequenceStartEvent
_MAPPING_END = ev.MappingEndEvent
_SEQUENCE_END = ev.SequenceEndEvent
_ALIAS = ev.AliasEvent
_DOCUMENT_START = ev.DocumentStartEvent


def _short_tag(tag: str) -> str:
    """`tag:yaml.org,2002:python/name` as users write it: `!!python/name`."""
    return "!!" + tag[len(_CORE_TAG) :] if tag.startswith(_CORE_TAG) else tag


def _mark(event: Any) -> Position:
    mark = event.start_mark
    return mark.line + 1, mark.column + 1


def syntax_problem(file: str, error: Exception, text: str = "") -> Finding:
    """A parser error as a finding at its place, with the hint for what is there."""
    if isinstance(error, ReaderError):
        return _reader_problem(file, error, text)
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    position = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    what = getattr(error, "problem", None) or str(error)
    context = getattr(error, "context", None)
    raw = f"{what} ({context})" if context else str(what)  # the parser's English, to match
    message = parser_message(str(what), context)
    hint = _("fix the YAML syntax at this place")
    if mark is not None and _character_at(text, mark.line, mark.column) == "\t":
        hint = _("indent with spaces: YAML does not allow tab characters for indentation")
    if "nesting depth" in raw:  # libyaml's own bound on flow nesting
        return problem(
            file,
            position,
            "yaml-limits",
            _("the data nests too deep: {reason}").format(reason=message),
            _("plans nest sections a few levels deep; flatten the structure"),
        )
    if what == "found incompatible YAML document":
        return problem(
            file,
            position,
            "yaml-syntax",
            _("the %YAML directive names a YAML version planctl cannot read"),
            _("remove the %YAML line: planctl reads YAML 1.2"),
        )
    cause = find_cause(text, error) if text else None
    if cause is not None:
        return problem(file, (cause.line, cause.column), "yaml-syntax", cause.message, cause.hint)
    return problem(
        file, position, "yaml-syntax", _("invalid YAML: {reason}").format(reason=message), hint
    )


def _reader_problem(file: str, error: ReaderError, text: str) -> Finding:
    """A character YAML does not allow raw: located in the text (libyaml counts bytes)."""
    before = text.encode("utf-8", "surrogatepass")[: error.position]
    offset = len(before.decode("utf-8", "replace"))
    code = error.character if isinstance(error.character, int) else ord(str(error.character))
    hint = _('remove it, or write it as an escape inside double quotes: "\\u{code:04x}"').format(
        code=code
    )
    return problem(
        file,
        position_of(text, offset) if text else (1, 1),
        "yaml-syntax",
        _("the character U+{code:04X} is not allowed in YAML text").format(code=code),
        hint,
    )


def _character_at(text: str, line: int, column: int) -> str:
    lines = text.split("\n", line + 1)
    return lines[line][column : column + 1] if line < len(lines) else ""
