"""Plan text made safe for Markdown: it is shown as written, never read as markup.

The Markdown template environment passes every `{{ value }}` through `finalize`, which
escapes it unless it is already `MarkdownSafe` (made here, from escaped parts).
"""

from __future__ import annotations

import re

from planctl.render.table import Cell, Column, Segment

# ASCII punctuation Markdown (CommonMark + GFM tables) can read as syntax anywhere.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&#!])")
# Starts of a line that open a block: lists, headings, quotes, thematic breaks.
_BLOCK_START = re.compile(r"^(\s*)([-+=>]|[0-9]+(?=[.)]))", re.MULTILINE)
_ORDERED_MARKER = re.compile(r"^(\s*[0-9]+)([.)])", re.MULTILINE)

# HTML tags rather than ** and ~~: CommonMark does not close ** after 。 when a Chinese
# character follows (the flanking rules), which is where a run-in heading ends.
_MARK_TAGS = {"strong": "strong", "insert": "ins", "delete": "del"}


class MarkdownSafe(str):
    """Markdown text that is already escaped (or is markup planctl wrote itself)."""

    __slots__ = ()


def escape(text: object) -> MarkdownSafe:
    """`text` with every character Markdown could read as syntax backslash-escaped."""
    if isinstance(text, MarkdownSafe):
        return text
    escaped = _INLINE_SPECIAL.sub(r"\\\1", str(text))
    escaped = _ORDERED_MARKER.sub(r"\1\\\2", escaped)
    escaped = _BLOCK_START.sub(
        lambda m: m.group(1) + ("" if m.group(2)[0].isdigit() else "\\") + m.group(2), escaped
    )
    return MarkdownSafe(escaped)


def heading(text: object, level: int) -> MarkdownSafe:
    """An ATX heading (`### text`), levels past 6 kept at 6."""
    return MarkdownSafe("#" * max(1, min(level, 6)) + " " + escape(text))


def alignment(column: Column) -> MarkdownSafe:
    """The delimiter-row cell of a GFM table column."""
    return MarkdownSafe(":-:" if column.align == "center" else "---")


def cell(value: Cell) -> MarkdownSafe:
    """A table cell: escaped, pipes included, line breaks as <br>, marks as HTML tags."""
    return MarkdownSafe("".join(_segment(segment) for segment in value.segments))


def _segment(segment: Segment) -> str:
    lines: list[str] = [escape(line) for line in segment.text.split("\n")]
    if segment.mark:
        tag = _MARK_TAGS[segment.mark]
        lines = [f"<{tag}>{line}</{tag}>" if line.strip() else line for line in lines]
    return "<br>".join(lines)


# Characters XML 1.0 forbids; YAML escapes ("\x07") can put them in plan text.
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """`text` without the control characters a .docx or .xlsx part cannot hold."""
    return _NOT_IN_XML.sub("", text)


# Office's document properties (title, author) hold at most 255 characters.
PROPERTY_LENGTH = 255


def property_text(text: str) -> str:
    """`text` as a document property can hold it: XML-safe, cut to 255 characters with an
    ellipsis (the document itself keeps the whole text)."""
    safe = xml_safe(text)
    return safe if len(safe) <= PROPERTY_LENGTH else safe[: PROPERTY_LENGTH - 1] + "…"
