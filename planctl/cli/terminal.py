"""The terminal: whether someone watches it, whether to colour, how wide it is, and
printing what a format rendered (text as it is, styled lines coloured or marked).

The one place that decides these, for every command. Colour is written as plain ANSI
codes, so colouring costs no import (the lean `validate` path prints through here too).
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from planctl.report import Rendered, StyledLine

# Deleted text struck through in red, inserted text underlined in green: readable
# without colour vision too. Values are ANSI SGR parameters.
STYLES = {
    "plan": "1",  # bold
    "section": "1;36",  # bold cyan
    "task": "1",
    "commit": "33",  # yellow
    "label": "",
    "meta": "2",  # dim
    "dim": "2",
    "where": "1",
    "error": "31",  # red
    "warning": "33",
    "insert": "32;4",  # green underline
    "delete": "31;9",  # red strike-through
}


def watched(stream: TextIO) -> bool:
    """True on an interactive terminal; False when piped, in CI, or on a dumb terminal."""
    if os.environ.get("CI", "").lower() not in ("", "0", "false"):
        return False
    if os.environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def wants_color(stream: TextIO | None = None) -> bool:
    """Colour on a watched terminal; NO_COLOR turns it off, FORCE_COLOR on (no-color.org)."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return watched(stream or sys.stdout)  # looked up now: tests and pagers replace stdout


def width() -> int:
    """Columns of the terminal (COLUMNS when set), 80 when it cannot be told."""
    return shutil.get_terminal_size((80, 24)).columns


def show(rendered: Rendered, *, color: bool, out: TextIO | None = None) -> None:
    """Print a format's output: text as it is, styled lines coloured or marked."""
    out = out or sys.stdout
    if isinstance(rendered, str):
        out.write(rendered)
    else:
        print_lines(rendered, color=color, out=out)


def print_lines(lines: Sequence[StyledLine], *, color: bool, out: TextIO | None = None) -> None:
    from planctl.report import plain

    out = out or sys.stdout
    if not color:
        out.write("".join(_visible(plain(line)) + "\n" for line in lines))
        return
    out.write("".join(_painted(line) + "\n" for line in lines))


def _painted(line: StyledLine) -> str:
    parts = []
    for text, style in line:
        code = STYLES.get(style or "", "")
        shown = _visible(text)
        parts.append(f"\033[{code}m{shown}\033[0m" if code and shown else shown)
    return "".join(parts)


# Control characters from a plan's text never reach the terminal raw: an escape sequence
# in a task title could rewrite the screen. They are shown as \xNN.
_CONTROLS = {
    c: f"\\x{c:02x}" for c in (*range(0x20), 0x7F, *range(0x80, 0xA0)) if c not in (0x09, 0x0A)
}


def _visible(text: str) -> str:
    return text.translate(_CONTROLS)
