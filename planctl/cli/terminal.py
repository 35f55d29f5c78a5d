"""The terminal: whether to colour, and printing styled lines (diff and log text) with rich
colours, or plain with marks."""

from __future__ import annotations

import codecs
import contextlib
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


def tolerate_unencodable_output() -> None:
    """Write what the output's encoding cannot hold as `\\uXXXX` escapes, never fail on it.

    A Windows console window takes any text, but output redirected to a file or a pipe
    (and any stream under PYTHONIOENCODING) uses the legacy code page: GBK (cp936) on a
    Chinese Windows, which has no ✓, no emoji and not every rare character of a name.
    Python's default there is to end the command with a UnicodeEncodeError. planctl
    writes JSON's escape instead (a UTF-16 pair beyond U+FFFF): nothing is lost, the rest
    still prints, and JSON output stays valid JSON.
    """
    codecs.register_error(ESCAPE_ERRORS, _json_escape)
    for stream in (sys.stdout, sys.stderr):
        encoding = str(getattr(stream, "encoding", None) or "utf-8")
        if codecs.lookup(encoding).name.startswith(("utf-8", "utf-16", "utf-32", "gb18030")):
            continue  # these hold every character
        if getattr(stream, "errors", "strict") != "strict":
            continue  # the user chose (PYTHONIOENCODING=cp936:replace)
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors=ESCAPE_ERRORS)


ESCAPE_ERRORS = "planctl.escape"


def _json_escape(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    escaped = []
    for char in error.object[error.start : error.end]:
        code = ord(char)
        if code > 0xFFFF:
            code -= 0x10000
            escaped.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
        else:
            escaped.append(f"\\u{code:04x}")
    return "".join(escaped), error.end
