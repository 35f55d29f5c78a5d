"""Printing styled lines (diff and log text) with rich colours, or plain with marks."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TextIO

from planctl.diff.format_text import StyledLine, plain

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
    from planctl.cli.reporters import wants_color as reporters_wants_color

    return reporters_wants_color(stream or sys.stdout)
