"""The terminal: whether to colour, and printing styled lines (diff and log text) with rich
colours, or plain with marks."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from planctl.diff.formats.text import StyledLine

# Deleted text struck through in red, inserted text underlined in green: readable
# without colour vision too.
STYLES = {
    "plan": "bold",
    "section": "bold cyan",
    "task": "bold",
    "commit": "yellow",
    "label": "",
    "meta": "dim",
    "insert": "green underline",
    "delete": "red strike",
}


def print_lines(lines: Sequence[StyledLine], *, color: bool, out: TextIO | None = None) -> None:
    from planctl.diff.formats.text import plain

    out = out or sys.stdout  # looked up now: tests and pagers replace sys.stdout
    if not color:
        out.write("".join(plain(line) + "\n" for line in lines))
        return
    from rich.console import Console
    from rich.text import Text

    console = Console(file=out, highlight=False, soft_wrap=True, force_terminal=True)
    for line in lines:
        text = Text()
        for span in line:
            text.append(span.text, style=STYLES.get(span.style or "", ""))
        console.print(text)


def wants_color(stream: TextIO | None = None) -> bool:
    stream = stream or sys.stdout  # looked up now: tests and pagers replace sys.stdout
    if os.environ.get("NO_COLOR") or os.environ.get("CI"):
        return False
    return bool(os.environ.get("FORCE_COLOR")) or stream.isatty()
