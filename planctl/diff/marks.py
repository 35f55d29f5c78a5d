"""Character-level marks between two texts.

Chinese has no spaces between words, so a word diff would mark whole sentences; the
comparison runs over characters. `autojunk` stays off: its heuristic treats frequent
characters (的, 、, ，) as junk in texts over 200 characters and would hide real edits.
"""

from __future__ import annotations

from collections.abc import Iterable
from difflib import SequenceMatcher

from planctl.diff.changes import Mark, Segment
from planctl.report import PLAIN_MARKS


def text_segments(old: str, new: str) -> tuple[Segment, ...]:
    """The old text with deletions and the new text's insertions interleaved, in order."""
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    segments: list[Segment] = []
    for tag, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        if tag == "equal":
            segments.append(Segment(old[old_start:old_end]))
            continue
        if old_end > old_start:
            segments.append(Segment(old[old_start:old_end], "delete"))
        if new_end > new_start:
            segments.append(Segment(new[new_start:new_end], "insert"))
    return tuple(segments)


def old_side(segments: Iterable[Segment]) -> tuple[Segment, ...]:
    """What the old text looked like, with its deleted characters marked."""
    return merged(segment for segment in segments if segment.mark != "insert")


def new_side(segments: Iterable[Segment]) -> tuple[Segment, ...]:
    """What the new text looks like, with its inserted characters marked."""
    return merged(segment for segment in segments if segment.mark != "delete")


def marked_whole(text: str, mark: Mark | None) -> tuple[Segment, ...]:
    """A whole text as one segment (empty text: no segment)."""
    return (Segment(text, mark),) if text else ()


def merged(segments: Iterable[Segment]) -> tuple[Segment, ...]:
    """Adjacent segments with the same mark joined; empty ones dropped."""
    joined: list[Segment] = []
    for segment in segments:
        if not segment.text:
            continue
        if joined and joined[-1].mark == segment.mark:
            joined[-1] = Segment(joined[-1].text + segment.text, segment.mark)
        else:
            joined.append(segment)
    return tuple(joined)


def condensed(segments: Iterable[Segment], context: int = 12) -> tuple[Segment, ...]:
    """Unchanged runs longer than twice `context` cut down to their ends around an ellipsis.

    Long task texts stay readable in a diff: only the words around each edit are shown.
    """
    items = merged(segments)
    if all(segment.mark is None for segment in items):
        return items  # nothing marked: nothing to show around
    shown: list[Segment] = []
    for index, segment in enumerate(items):
        if segment.mark is not None or len(segment.text) <= 2 * context + 1:
            shown.append(segment)
            continue
        head = segment.text[:context] if index > 0 else ""
        tail = segment.text[-context:] if index < len(items) - 1 else ""
        shown.append(Segment(f"{head}…{tail}"))
    return tuple(shown)


# How marks are written where there is no colour: as `git diff --word-diff=plain` does.


def marked_text(segments: Iterable[tuple[str, str | None]]) -> str:
    """Segments as one string: `推进[-生产性-]{+现代+}服务业`."""
    parts = []
    for text, mark in segments:
        opening, closing = PLAIN_MARKS.get(mark or "", ("", ""))
        parts.append(f"{opening}{text}{closing}")
    return "".join(parts)
