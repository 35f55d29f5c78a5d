"""The terminal: whether someone watches it, whether to colour, how wide it is, and
printing what a format rendered (text as it is, styled lines coloured or marked).

The one place that decides these, for every command. Colour is written as plain ANSI
codes, so colouring costs no import (the lean `validate` path prints through here too).
"""

from __future__ import annotations

import codecs
import contextlib
import os
import re
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
    return is_terminal(stream)


def is_terminal(stream: TextIO) -> bool:
    """True when `stream` is a terminal at all (a binary file must not be written there)."""
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
        out.write(printable_lines(rendered))
    else:
        print_lines(rendered, color=color, out=out)


def print_lines(lines: Sequence[StyledLine], *, color: bool, out: TextIO | None = None) -> None:
    from planctl.report import plain

    out = out or sys.stdout
    if not color:
        out.write("".join(printable(plain(line)) + "\n" for line in lines))
        return
    out.write("".join(_painted(line) + "\n" for line in lines))


def _painted(line: StyledLine) -> str:
    parts = []
    for text, style in line:
        code = STYLES.get(style or "", "")
        shown = printable(text)
        parts.append(f"\033[{code}m{shown}\033[0m" if code and shown else shown)
    return "".join(parts)


# What plan text must never send to a terminal as it is: control characters (ESC starts
# the sequences that recolour a terminal, move its cursor or set its title; a line break
# starts a forged finding line), DEL and the C1 controls (U+009B is a CSI of its own),
# Unicode's line and paragraph separators, and the bidirectional controls that make text
# display in an order other than the one it has.
_UNSAFE = re.compile(
    r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _visible(text: str) -> str:
    return printable(text)


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


def printable(text: str) -> str:
    """`text` with every character that could act on a terminal written as an escape
    (`\\x1b`, `\\n`, `\\u202e`): the one escaping of plan text for text output."""
    if _UNSAFE.search(text) is None:
        return text
    return _UNSAFE.sub(_escaped, text)


def printable_lines(text: str) -> str:
    """`printable` for each line of a text (JSON stays valid: its strings hold no raw
    control characters, and a line separator or bidirectional control becomes the same
    `\\u` escape JSON itself would write)."""
    if _UNSAFE.search(text.replace("\n", "")) is None:
        return text  # one look at a long output instead of one per line
    return "\n".join(printable(line) for line in text.split("\n"))


def write_document(data: bytes, stream: TextIO | None = None) -> None:
    """A rendered document on standard output: its bytes as they are into a pipe or a
    file; on a terminal, its text with `printable_lines` (plan text may hold an escape
    sequence, which must not act on the terminal). Binary formats never reach a terminal
    (the render commands refuse them before)."""
    out = stream or sys.stdout
    out.flush()
    if is_terminal(out):
        with contextlib.suppress(UnicodeDecodeError):  # not text: as it is
            data = printable_lines(data.decode("utf-8")).encode("utf-8")
    out.buffer.write(data)
    out.buffer.flush()


def _escaped(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
