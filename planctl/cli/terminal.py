"""The terminal: whether to colour, and printing styled lines (diff and log text) with rich
colours, or plain with marks."""

from __future__ import annotations

import os
import re
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


# What plan text must never send to a terminal as it is: control characters (ESC starts
# the sequences that recolour a terminal, move its cursor or set its title; a line break
# starts a forged finding line), DEL and the C1 controls (U+009B is a CSI of its own),
# Unicode's line and paragraph separators, and the bidirectional controls that make text
# display in an order other than the one it has.
_UNSAFE = re.compile(
    r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str) -> str:
    """`text` with every character that could act on a terminal written as an escape
    (`\\x1b`, `\\n`, `\\u202e`): the one escaping of plan text for text output."""
    if _UNSAFE.search(text) is None:
        return text
    return _UNSAFE.sub(_escaped, text)


def _escaped(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def print_lines(lines: Sequence[StyledLine], *, color: bool, out: TextIO | None = None) -> None:
    from planctl.diff.formats.text import plain

    out = out or sys.stdout  # looked up now: tests and pagers replace sys.stdout
    if not color:
        out.write("".join(printable(plain(line)) + "\n" for line in lines))
        return
    from rich.console import Console
    from rich.text import Text

    console = Console(file=out, highlight=False, soft_wrap=True, force_terminal=True)
    for line in lines:
        text = Text()
        for span in line:
            text.append(printable(span.text), style=STYLES.get(span.style or "", ""))
        console.print(text)


def wants_color(stream: TextIO | None = None) -> bool:
    stream = stream or sys.stdout  # looked up now: tests and pagers replace sys.stdout
    if os.environ.get("NO_COLOR") or os.environ.get("CI"):
        return False
    return bool(os.environ.get("FORCE_COLOR")) or stream.isatty()
