"""Read YAML files into plain Python values, safely, with a line:column for every value.

This package is the one place that parses YAML for reading (`planctl.fmt` edits YAML
round-trip). It drives libyaml's event parser (PyYAML's C binding) and builds the values
itself (`events`), which gives it what a plain `safe_load` does not:

- no tag ever constructs an object: `!!python/...` is reported, never run;
- duplicate keys are findings, not silently overwritten values;
- dates stay the strings the user wrote, so the schema and the rules see `2023-02-30`;
- nesting depth and alias expansion are bounded, so hostile files fail fast;
- positions are recorded only when asked for: a clean file never pays for them.

Decoding (`decode`) accepts UTF-8 with or without a byte-order mark and CRLF line ends as
they are, reports line ends mixed within a file, and reads a GB18030/GBK file (common
from older office tools), reported as a finding that `planctl fmt` fixes.
"""

from __future__ import annotations

import contextlib
import gc
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from planctl.errors import ParseStop, os_error_reason
from planctl.findings import Finding, JsonPath, Position, Severity, json_path_text, problem
from planctl.i18n import _
from planctl.yamlio.decode import decode, position_of
from planctl.yamlio.events import Positions, parse, syntax_problem
from planctl.yamlio.fast import NOT_PLAIN, plain_data

__all__ = [
    "STOPPING_RULES",
    "Document",
    "Position",
    "Positions",
    "load_bytes",
    "load_text",
    "paused_gc",
    "read_document",
]


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
        return self.data is not None and not any(p.rule in STOPPING_RULES for p in self.problems)

    def positions(self) -> Positions:
        if self._positions is None:
            self._positions = Positions()
            parse(self.text, self._positions)
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


# Problems after which the data cannot be trusted (render and diff refuse such a file).
STOPPING_RULES = frozenset(
    {"unreadable", "yaml-syntax", "yaml-limits", "empty-file", "multiple-documents"}
)


def read_document(path: Path, display: str | None = None) -> Document:
    """Read and parse one file; every problem becomes a finding, nothing raises."""
    name = display if display is not None else str(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        return _unreadable(
            name,
            _("cannot read the file: {reason}").format(reason=os_error_reason(error)),
            _("check the path and permissions"),
        )
    return load_bytes(raw, name)


def load_bytes(raw: bytes, file: str) -> Document:
    """Decode and parse the bytes of a YAML file."""
    decoded = decode(raw, file)
    if isinstance(decoded, Finding):  # the bytes cannot be read as text at all
        return Document(file, "", None, "", [decoded])
    text, encoding, problems = decoded
    return load_text(text, file, encoding=encoding, problems=problems)


def load_text(
    text: str, file: str, *, encoding: str = "utf-8", problems: list[Finding] | None = None
) -> Document:
    """Parse YAML text (already decoded)."""
    found = list(problems or [])
    document = Document(file, text, None, encoding, found)
    breaks = _LINE_BREAKS_OF_YAML_1_1.search(text)
    if breaks is not None:  # libyaml would break the line there: every place after it is off
        found.append(
            problem(
                file,
                position_of(text, breaks.start()),
                "yaml-syntax",
                _(
                    "a raw U+{code:04X} line separator: YAML readers disagree whether it ends "
                    "the line"
                ).format(code=ord(breaks.group())),
                _(
                    'write it as an escape inside double quotes ("\\u{code:04x}"), or remove it'
                ).format(code=ord(breaks.group())),
            )
        )
        return document
    if _YAML_1_1.search(text):
        found.append(
            problem(
                file,
                (1, 1),
                "yaml-version",
                _(
                    "the %YAML 1.1 directive is ignored: planctl reads YAML 1.2, where yes, no, "
                    "on and off are text"
                ),
                _("remove the %YAML line (`planctl fmt` does)"),
                severity=Severity.WARNING,
            )
        )
    try:
        document.data = _data_of(text, found, file) if text.strip() else None
    except ParseStop as stop:
        found.append(problem(file, stop.position, stop.rule, stop.message, stop.hint))
        return document
    except yaml.YAMLError as error:
        found.append(syntax_problem(file, error, text))
        return document
    if document.data is None:
        found.append(
            problem(
                file,
                (1, 1),
                "empty-file",
                _("the file holds no YAML data"),
                _("write its keys: `planctl schema plan` shows a plan's (report, review …)"),
            )
        )
    return document


def _data_of(text: str, problems: list[Finding], file: str) -> Any:
    """The file's data: built in C++ when it is plain (`fast`), else event by event."""
    data = plain_data(text)
    return parse(text, None, problems, file) if data is NOT_PLAIN else data


_LINE_BREAKS_OF_YAML_1_1 = re.compile("[\x85\u2028\u2029]")
_YAML_1_1 = re.compile(r"\A(?:#[^\n]*\n|\s*\n)*%YAML[ \t]+1\.1\b")


def _unreadable(file: str, message: str, hint: str) -> Document:
    found = problem(file, (1, 1), "unreadable", message, hint, fatal=True)
    return Document(file, "", None, "", [found])


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Hold the cyclic garbage collector while building large plan data.

    A parse makes thousands of small containers and no cycles; the collector would only
    walk them, and every plan still held, over and over (a third of the time of a
    5,000-task plan). Nests. What a long pause built is then frozen (`gc.freeze`): else
    the first collection after it walks every object made meanwhile, all young (0.6 s
    after reading a thousand plans and a year of reports).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            if gc.get_count()[0] > FREEZE_AFTER:
                gc.freeze()
            gc.enable()


FREEZE_AFTER = 100_000  # young objects; fewer are walked in no time (and tests stay lean)
