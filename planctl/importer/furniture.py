"""Page furniture: page numbers and a table of contents belong to the printed pages, not
to the plan. They are set aside (and reported) before the document is read."""

from __future__ import annotations

import re

from planctl.importer.lines import Line

_PAGE_NUMBER = re.compile(
    r"[—\-－–―]+\s*[0-9]{1,3}\s*[—\-－–―]+|第\s*[0-9]{1,3}\s*页(?:\s*[,，]?\s*共\s*[0-9]{1,3}\s*页)?"
    r"|[0-9]{1,3}\s*/\s*[0-9]{1,3}"
)
_CONTENTS = re.compile(r"目\s*录")
_DOT_LEADERS = re.compile(r"\S.*?[.．…·・_]{3,}\s*[0-9]{1,3}")
_SPACED_ENTRY = re.compile(r"\S.*?(?:\s{2,}|\t)\s*[0-9]{1,3}")


def set_aside(lines: list[Line]) -> tuple[list[Line], list[tuple[Line, str]]]:
    """The lines of the document proper, and the page furniture with what it is."""
    kept: list[Line] = []
    furniture: list[tuple[Line, str]] = []
    in_contents = False
    for line in lines:
        raw = line.raw.strip()
        if line.cells is None and _PAGE_NUMBER.fullmatch(raw):
            furniture.append((line, "a page number"))
        elif line.cells is None and _CONTENTS.fullmatch(raw):
            furniture.append((line, "the table of contents"))
            in_contents = True
        elif line.cells is None and (
            _DOT_LEADERS.fullmatch(raw) or (in_contents and _SPACED_ENTRY.fullmatch(raw))
        ):
            furniture.append((line, "the table of contents"))
        else:
            in_contents = in_contents and not raw
            kept.append(line)
    return kept, furniture
