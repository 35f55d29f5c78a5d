"""The versions of a plan file along a task's history, parsed only where the task could change.

Parsing dominates `planctl log` (a 200-task plan takes ~20 ms; reading it through the
persistent cat-file well under 1 ms). Most commits edit other tasks, so a version is
derived from its parent without parsing when the edit provably leaves the followed task
alone: every changed line lies outside the lines from the task's section header to the
end of the task, the changed lines open no multi-line construct (a quote, a bracket, a
block scalar, a document marker) that could reach into the task, they do not mention the
task's or its section's id (a duplicate id would take their place), and the file uses no
anchors or aliases (which could change the task from elsewhere). Anything else is parsed,
so a doubt costs time, never correctness.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import chain

from planctl.diff.sides import load_plan_document
from planctl.findings import Finding, JsonPath
from planctl.git import GitRepository
from planctl.model import Placed, Plan
from planctl.yamlio import Document

# Bytes that make a line-based argument unsafe: anchors and aliases, NUL, and the line
# breaks YAML knows that bytes.splitlines() does not (NEL, LINE and PARAGRAPH SEPARATOR).
_UNSAFE_BYTES = (b"&", b"*", b"\x00", b"\xc2\x85", b"\xe2\x80\xa8", b"\xe2\x80\xa9", b"\t")
_BLOCK_SCALAR = re.compile(rb"[|>][-+0-9]*\s*(#.*)?$")


@dataclass(frozen=True)
class Version:
    """One version of the file as far as the task is concerned.

    `plan` is the parsed plan, or for a derived version the plan it inherited the task
    from (the task is the same; other parts may differ). `span` is the lines [first,
    end) from the task's section header to the task's end; None when unknown, and then
    the next version is parsed.
    """

    plan: Plan | Finding | None
    lines: Sequence[bytes]
    span: tuple[int, int] | None
    ids: tuple[bytes, ...] = ()  # the task's and its section's id
    derived: bool = False


@dataclass
class Versions:
    """Versions by blob id, each read once and parsed only when it has to be."""

    git: GitRepository
    task_id: str
    shortcut: bool = True
    cache: dict[str, Version] = field(default_factory=dict)
    parsed: int = 0

    def get(self, blob: str | None, name: str, parent: Version | None = None) -> Version | None:
        """The version in `blob`, derived from `parent` when the edit cannot touch the task."""
        if blob is None:
            return None
        if blob not in self.cache:
            raw = self.git.read(blob)
            derived = self._derive(parent, raw) if self.shortcut else None
            self.cache[blob] = derived or self._parse(raw, name)
        return self.cache[blob]

    def _parse(self, raw: bytes, name: str) -> Version:
        self.parsed += 1
        plan, document = load_plan_document(raw, name)
        placed = _placed(plan, self.task_id) if self.shortcut else None
        if placed is None:
            return Version(plan, raw.splitlines(), None)
        # Where the task is takes a second pass over the text (the loader records
        # positions on demand); it pays for itself as soon as one later version is derived.
        ids = (placed.task.id.encode(), placed.sections[-1].id.encode())
        return Version(plan, raw.splitlines(), task_span(document, placed), ids)

    def _derive(self, parent: Version | None, raw: bytes) -> Version | None:
        if parent is None or parent.span is None or any(b in raw for b in _UNSAFE_BYTES):
            return None
        lines = raw.splitlines()
        span = shifted_span(parent.lines, lines, parent.span, parent.ids)
        if span is None:
            return None
        return Version(parent.plan, lines, span, parent.ids, derived=True)


def _placed(plan: Plan | Finding | None, task_id: str) -> Placed | None:
    if not isinstance(plan, Plan):
        return None
    return next((placed for placed in plan.placed_tasks() if placed.task.id == task_id), None)


def task_span(document: Document, placed: Placed) -> tuple[int, int]:
    """Lines [first, end) from the header of the task's section to the end of the task."""
    first = document.locate(placed.sections[-1].path)[0] - 1
    task_line = document.locate(placed.task.path)[0] - 1
    return first, _end_of(document, placed.task.path, task_line)


def _end_of(document: Document, path: JsonPath, line: int) -> int:
    """The first line (0-based) of anything after the task: its end, comments included."""
    positions = document.positions()
    later = [
        where[0] - 1
        for place, where in chain(positions.values.items(), positions.keys.items())
        if place[: len(path)] != path and where[0] - 1 > line
    ]
    return min(later, default=len(document.text.splitlines()))


def shifted_span(
    old: Sequence[bytes], new: Sequence[bytes], span: tuple[int, int], ids: Sequence[bytes] = ()
) -> tuple[int, int] | None:
    """The span in the new lines, or None when the edit may touch it."""
    start, old_end, new_end = changed_lines(old, new)
    first, end = span
    edited = list(old[start:old_end]) + list(new[start:new_end])
    if not all(_closed(line) for line in edited):
        return None
    if any(name in line for line in edited for name in ids):
        return None
    if start > end:  # entirely after the task (its end line included: a key added to it)
        return span
    if old_end < first:  # entirely before the section header: the span moves with it
        shift = new_end - old_end
        return first + shift, end + shift
    return None


def changed_lines(old: Sequence[bytes], new: Sequence[bytes]) -> tuple[int, int, int]:
    """The edit as line ranges: old[start:old_end] became new[start:new_end]."""
    limit = min(len(old), len(new))
    start = 0
    while start < limit and old[start] == new[start]:
        start += 1
    tail = 0
    while tail < limit - start and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    return start, len(old) - tail, len(new) - tail


def _closed(line: bytes) -> bool:
    """A line that cannot open a construct running onto the next lines."""
    content = line.split(b" #", 1)[0].rstrip()
    if content.lstrip().startswith((b"---", b"...", b"?", b"%")):
        return False
    return (
        content.count(b'"') % 2 == 0
        and content.count(b"'") % 2 == 0
        and content.count(b"[") == content.count(b"]")
        and content.count(b"{") == content.count(b"}")
        and not _BLOCK_SCALAR.search(content)
    )
