"""Read YAML files into plain Python values, safely, with a line:column for every value.

This is the one module that parses YAML for reading (`planctl.fmt` edits YAML round-trip).
It drives libyaml's event parser (PyYAML's C binding) and builds the values itself, which
gives it what a plain `safe_load` does not:

- no tag ever constructs an object: `!!python/...` is reported, never run;
- duplicate keys are findings, not silently overwritten values;
- dates stay the strings the user wrote, so the schema and the rules see `2023-02-30`;
- nesting depth and alias expansion are bounded, so hostile files fail fast;
- positions are recorded only when asked for: a clean file never pays for them.

Decoding accepts UTF-8 with or without a byte-order mark and CRLF line ends, and reads a
GB18030/GBK file (common from older office tools); each of these is reported as a finding
that `planctl fmt` fixes.
"""

from __future__ import annotations

import codecs
import contextlib
import gc
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml import events as ev
from yaml.cyaml import CParser  # type: ignore[attr-defined]  # the C parser, untyped

from planctl.findings import Finding, JsonPath, Severity, json_path_text

MAX_DEPTH = 100
MAX_EXPANDED_NODES = 1_000_000
_CORE_TAG = "tag:yaml.org,2002:"

Position = tuple[int, int]


@dataclass
class Positions:
    """1-based line:column of every value (`values`) and every mapping key (`keys`)."""

    values: dict[JsonPath, Position] = field(default_factory=dict)
    keys: dict[JsonPath, Position] = field(default_factory=dict)


@dataclass
class Document:
    """One YAML file as plain values plus what went wrong reading it."""

    file: str
    text: str
    data: Any
    encoding: str = "utf-8"
    problems: list[Finding] = field(default_factory=list)
    _positions: Positions | None = field(default=None, repr=False)

    @property
    def readable(self) -> bool:
        """False when the file could not be parsed into trustworthy data."""
        return self.data is not None and not any(p.rule in _STOPPING_RULES for p in self.problems)

    def positions(self) -> Positions:
        if self._positions is None:
            self._positions = Positions()
            _parse(self.text, self._positions)
        return self._positions

    def locate(self, path: JsonPath, *, key: bool = False) -> Position:
        """Where the value at `path` (or, with `key`, the key naming it) starts.

        Falls back to the nearest enclosing value, so a missing key points at its mapping.
        """
        positions = self.positions()
        if key and path in positions.keys:
            return positions.keys[path]
        for end in range(len(path), -1, -1):
            found = positions.values.get(path[:end])
            if found is not None:
                return found
        return (1, 1)

    def finding(
        self,
        path: JsonPath,
        rule: str,
        severity: Severity,
        message: str,
        hint: str = "",
        *,
        key: bool = False,
    ) -> Finding:
        """A finding located at the value (or key) at `path` in this document."""
        line, column = self.locate(path, key=key)
        return Finding(self.file, line, column, rule, severity, message, hint, json_path_text(path))


class _ParseStop(Exception):
    """Ends parsing early with a located problem."""

    def __init__(self, rule: str, message: str, hint: str, position: Position) -> None:
        super().__init__(message)
        self.rule, self.message, self.hint, self.position = rule, message, hint, position


# Problems after which the data cannot be trusted (render and diff refuse such a file).
_STOPPING_RULES = frozenset(
    {"unreadable", "yaml-syntax", "yaml-limits", "empty-file", "multiple-documents"}
)


def read_document(path: Path, display: str | None = None) -> Document:
    """Read and parse one file; every problem becomes a finding, nothing raises."""
    name = display if display is not None else str(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        reason = error.strerror or str(error)
        return _unreadable(
            name, f"cannot read the file: {reason}", "check the path and permissions"
        )
    return load_bytes(raw, name)


def load_bytes(raw: bytes, file: str) -> Document:
    """Decode and parse the bytes of a YAML file."""
    decoded = _decode(raw, file)
    if isinstance(decoded, Document):
        return decoded
    text, encoding, problems = decoded
    return load_text(text, file, encoding=encoding, problems=problems)


def load_text(
    text: str, file: str, *, encoding: str = "utf-8", problems: list[Finding] | None = None
) -> Document:
    """Parse YAML text (already decoded)."""
    found = list(problems or [])
    document = Document(file, text, None, encoding, found)
    try:
        document.data = _parse(text, None, found, file) if text.strip() else None
    except _ParseStop as stop:
        found.append(_problem(file, stop.position, stop.rule, stop.message, stop.hint))
        return document
    except yaml.YAMLError as error:
        found.append(_syntax_problem(file, error))
        return document
    if document.data is None:
        found.append(
            _problem(
                file,
                (1, 1),
                "empty-file",
                "the file holds no YAML data",
                "write the plan's keys (see `planctl schema plan`)",
            )
        )
    return document


# --- decoding -------------------------------------------------------------------------


def _decode(raw: bytes, file: str) -> tuple[str, str, list[Finding]] | Document:
    problems: list[Finding] = []
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _unreadable(
            file,
            "the file is UTF-16, not UTF-8",
            "save it as UTF-8 (in Notepad: 另存为 → 编码 UTF-8)",
            rule="encoding",
        )
    if b"\x00" in raw:
        return _unreadable(
            file,
            "the file is binary (it contains NUL bytes), not YAML text",
            "point planctl at the plan's .yaml file",
        )
    encoding = "utf-8"
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
        encoding = "utf-8-sig"
        problems.append(
            _problem(
                file,
                (1, 1),
                "byte-order-mark",
                "the file starts with a UTF-8 byte-order mark (BOM)",
                "run `planctl fmt` to save it as UTF-8 without BOM",
                severity=Severity.ERROR,
            )
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        legacy = _decode_legacy(raw, error, file)
        if isinstance(legacy, Document):
            return legacy
        text, encoding = legacy[0], "gb18030"
        problems.append(legacy[1])
    if "\r" in text:
        first = text.index("\r")
        problems.append(
            _problem(
                file,
                _position_of(text, first),
                "line-endings",
                "the file has Windows (CRLF) line endings",
                "run `planctl fmt` to convert them to LF",
            )
        )
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, encoding, problems


def _decode_legacy(
    raw: bytes, error: UnicodeDecodeError, file: str
) -> tuple[str, Finding] | Document:
    """Read a GB18030/GBK file (a superset of GB2312), or refuse with the exact fix."""
    prefix = raw[: error.start].decode("utf-8")  # valid: decoding failed only at `start`
    where = _position_of(prefix, len(prefix))
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        return _unreadable(
            file,
            f"the file is not UTF-8 (byte 0x{raw[error.start]:02x} at line {where[0]}) nor GB18030",
            "save it as UTF-8",
            rule="encoding",
            position=where,
        )
    finding = _problem(
        file,
        where,
        "encoding",
        "the file is GBK/GB18030-encoded, not UTF-8 (it was read as GB18030)",
        "run `planctl fmt` to save it as UTF-8, or "
        "`iconv -f GB18030 -t UTF-8 FILE > FILE.utf8 && mv FILE.utf8 FILE`",
    )
    return text, finding


def _position_of(text: str, offset: int) -> Position:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


# --- parsing --------------------------------------------------------------------------


_INT = re.compile(r"[-+]?[0-9]+\Z|0o[0-7]+\Z|0x[0-9a-fA-F]+\Z")
_FLOAT = re.compile(
    r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z|[-+]?\.(?:inf|Inf|INF)\Z"
    r"|\.(?:nan|NaN|NAN)\Z"
)
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUES = frozenset({"true", "True", "TRUE"})
_FALSES = frozenset({"false", "False", "FALSE"})
_PLAIN_CONSTANTS: dict[str, Any] = {
    **dict.fromkeys(_NULLS),
    **dict.fromkeys(_TRUES, True),
    **dict.fromkeys(_FALSES, False),
}
_NUMBER_STARTS = frozenset("0123456789+-.")


def _resolve_plain(value: str) -> Any:
    """YAML 1.2 core schema; timestamps stay strings (the schema and rules check them)."""
    if value in _NULLS:
        return None
    if value in _TRUES:
        return True
    if value in _FALSES:
        return False
    first = value[0]
    if first.isdigit() or first in "+-.":
        if _INT.match(value):
            return int(value, 0) if value[:2] in ("0o", "0x") else int(value)
        if _FLOAT.match(value):
            # YAML spells infinity and not-a-number .inf and .nan; Python wants no dot.
            special = value.lstrip("+-").lower() in (".inf", ".nan")
            return float(value.replace(".", "", 1) if special else value)
    return value


_SCALAR_TAGS: dict[str, Callable[[str], Any]] = {
    _CORE_TAG + "str": str,
    _CORE_TAG + "timestamp": str,
    _CORE_TAG + "int": int,
    _CORE_TAG + "float": float,
    _CORE_TAG + "bool": lambda v: v in _TRUES,
    _CORE_TAG + "null": lambda v: None,
}
_CONTAINER_TAGS = frozenset({None, "!", _CORE_TAG + "map", _CORE_TAG + "seq"})


def _parse(
    text: str,
    positions: Positions | None,
    problems: list[Finding] | None = None,
    file: str = "",
) -> Any:
    builder = _Builder(positions, problems if problems is not None else [], file)
    # The parser's get_event returns None after the last event: a C-level iterator.
    events = iter(CParser(text).get_event, None)
    return builder.run(events) if positions is not None else builder.run_data(events)


class _Frame:
    __slots__ = ("anchor", "container", "index", "key", "key_position", "mapping", "size", "step")

    def __init__(self, container: dict[str, Any] | list[Any], anchor: str | None) -> None:
        self.container = container
        self.mapping = container.__class__ is dict
        self.key: str | None = None
        self.key_position: Position | None = None
        self.size = 1
        self.anchor = anchor
        self.index = 0
        self.step: str | int = ""  # where the latest child sits: its key or index


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
        for event in events:
            kind = event.__class__
            if kind is _SCALAR:
                top = stack[-1] if stack else None
                if top is None or event.tag is not None or event.anchor is not None:
                    self.scalar(event)
                elif top.mapping and top.key is None:
                    if event.value in top.container:
                        self._set_key(event.value, _mark(event))
                    else:
                        top.key = event.value
                else:  # a value: the hottest path of all, so `_add` is written out here
                    value = event.value
                    if event.implicit[0]:
                        value = _PLAIN_CONSTANTS.get(value, value)
                        if value.__class__ is str and value[:1] in _NUMBER_STARTS:
                            value = _resolve_plain(value)
                    top.size += 1
                    if top.mapping:
                        key = top.key
                        top.key = None
                        top.step = key  # type: ignore[assignment]
                        if key.__class__ is not _DuplicateKey:
                            top.container[key] = value  # type: ignore[call-overload,index]
                    else:
                        top.container.append(value)  # type: ignore[union-attr]
                        top.step = top.index
                        top.index += 1
            elif kind is _MAPPING_START or kind is _SEQUENCE_START:
                top = stack[-1] if stack else None
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
            elif kind is _MAPPING_END or kind is _SEQUENCE_END:
                self.end(event)
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
            container.append(value)
            frame.step = frame.index
            frame.index += 1
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
            raise _ParseStop(
                "multiple-documents",
                "the file holds more than one YAML document",
                "keep one plan per file; remove the `---` line and what follows",
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

    def alias(self, event: Any) -> None:
        name = event.anchor
        if name in self.open_anchors:
            raise _ParseStop(
                "yaml-limits",
                f"alias *{name} refers to its own anchor (a cycle)",
                "plans hold plain data: remove the recursive alias",
                _mark(event),
            )
        if name not in self.anchors:
            raise _ParseStop(
                "yaml-syntax",
                f"alias *{name} has no anchor &{name} before it",
                f"define &{name} first, or write the value out",
                _mark(event),
            )
        value, size = self.anchors[name]
        self.expanded += size
        if self.expanded > MAX_EXPANDED_NODES:
            raise _ParseStop(
                "yaml-limits",
                f"aliases expand to more than {MAX_EXPANDED_NODES:,} values (an alias bomb)",
                "write the values out; plans need no aliases",
                _mark(event),
            )
        if self.stack and isinstance(self.stack[-1].container, dict) and self.stack[-1].key is None:
            raise _ParseStop(
                "yaml-syntax",
                "an alias cannot be a mapping key",
                "use plain text for keys",
                _mark(event),
            )
        self._add(value, _mark(event), size, None)

    # helpers

    def _container_start(self, event: Any, container: dict[str, Any] | list[Any]) -> None:
        position = _mark(event)
        if event.tag not in _CONTAINER_TAGS:
            self._tag_problem(event.tag, position)
        if len(self.stack) >= MAX_DEPTH:
            raise _ParseStop(
                "yaml-limits",
                f"the data nests deeper than {MAX_DEPTH} levels",
                "plans nest sections a few levels deep; flatten the structure",
                position,
            )
        if self.stack and isinstance(self.stack[-1].container, dict) and self.stack[-1].key is None:
            raise _ParseStop(
                "yaml-syntax",
                "a mapping key must be plain text, not a list or mapping",
                "write the key as text",
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
            return _resolve_plain(event.value) if event.implicit[0] else event.value
        convert = _SCALAR_TAGS.get(tag)
        if convert is None:
            self._tag_problem(tag, _mark(event))
            return event.value
        try:
            return convert(event.value)
        except ValueError:
            raise _ParseStop(
                "yaml-syntax",
                f"{event.value!r} is not a valid {tag[len(_CORE_TAG) :]}",
                "remove the tag or correct the value",
                _mark(event),
            ) from None

    def _tag_problem(self, tag: str, position: Position) -> None:
        self.problems.append(
            _problem(
                self.file,
                position,
                "yaml-tag",
                f"the tag {_short_tag(tag)} is not allowed (it was not applied)",
                "plans hold plain text, numbers and lists: remove the tag",
            )
        )

    def _set_key(self, key: str, position: Position) -> None:
        frame = self.stack[-1]
        assert isinstance(frame.container, dict)
        if key in frame.container:
            path = (*self._path(), key)
            self.problems.append(
                _problem(
                    self.file,
                    position,
                    "duplicate-key",
                    f"duplicate key {key!r} in this mapping",
                    "remove one of them; only the first value is used",
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
            path = (*parent, frame.index)
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


def _problem(
    file: str,
    position: Position,
    rule: str,
    message: str,
    hint: str,
    *,
    severity: Severity = Severity.ERROR,
    fatal: bool = False,
    json_path: str = "$",
) -> Finding:
    return Finding(file, position[0], position[1], rule, severity, message, hint, json_path, fatal)


def _unreadable(
    file: str, message: str, hint: str, *, rule: str = "unreadable", position: Position = (1, 1)
) -> Document:
    return Document(file, "", None, "", [_problem(file, position, rule, message, hint, fatal=True)])


def _syntax_problem(file: str, error: Exception) -> Finding:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    position = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    problem = getattr(error, "problem", None) or str(error)
    context = getattr(error, "context", None)
    message = f"{problem} ({context})" if context else str(problem)
    hint = "fix the YAML syntax at this place"
    if "\\t" in message or "\t" in message or "tab" in message:
        hint = "indent with spaces: YAML does not allow tab characters for indentation"
    if "nesting depth" in message:  # libyaml's own bound on flow nesting
        return _problem(
            file,
            position,
            "yaml-limits",
            f"the data nests too deep: {message}",
            "plans nest sections a few levels deep; flatten the structure",
        )
    return _problem(file, position, "yaml-syntax", f"invalid YAML: {message}", hint)


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Hold the cyclic garbage collector while building large plan data.

    A parse makes thousands of small containers and no cycles; the collector would only
    walk them, and every plan still held, over and over (a third of the time of a
    5,000-task plan). Nests.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
