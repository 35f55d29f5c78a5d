"""Page furniture: page numbers and a table of contents belong to the printed pages, and
a publisher's note (（本文有删减）) to the page that republished the document, not to the
plan. They are set aside (and reported) before the document is read."""

from __future__ import annotations

import re

from planctl.i18n import _
from planctl.importer.lines import Line

_PAGE_NUMBER = re.compile(
    r"[—\-－–―]+\s*[0-9]{1,3}\s*[—\-－–―]+|第\s*[0-9]{1,3}\s*页(?:\s*[,，]?\s*共\s*[0-9]{1,3}\s*页)?"
    r"|[0-9]{1,3}\s*/\s*[0-9]{1,3}"
)
_CONTENTS = re.compile(r"目\s*录")
_EDITOR_NOTE = re.compile(
    r"[（(](?:本文|此文|原文|内容|正文)?(?:有|已)?(?:删减|删节|节选|摘编|略)[）)]"
)
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
            furniture.append((line, _("a page number")))
        elif line.cells is None and _EDITOR_NOTE.fullmatch(raw.replace(" ", "")):
            furniture.append((line, _("a publisher's note, not the document's text")))
        elif line.cells is None and _CONTENTS.fullmatch(raw):
            furniture.append((line, _("the table of contents")))
            in_contents = True
        elif line.cells is None and (
            _DOT_LEADERS.fullmatch(raw) or (in_contents and _SPACED_ENTRY.fullmatch(raw))
        ):
            furniture.append((line, _("the table of contents")))
        else:
            in_contents = in_contents and not raw
            kept.append(line)
    return kept, furniture
