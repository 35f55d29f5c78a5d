"""Bytes to text: the one decoding policy for plan files (the loader's and fmt's).

UTF-8 is the format. What Windows tools write is read as it is, without complaint: a UTF-8
byte-order mark (Notepad) and CRLF line ends (Git for Windows checks text files out with
CRLF). Line ends mixed within one file are a warning that `planctl fmt` fixes;
GB18030/GBK text (common from older office tools) is read and reported. UTF-16, binary
files and damaged UTF-8 (a file that is UTF-8 but for a few bytes, which read as GB18030
would turn to nonsense) are refused.
"""

from __future__ import annotations

import codecs
import re

from planctl.findings import Finding, Position, Severity, problem
from planctl.i18n import _


def decode(raw: bytes, file: str) -> tuple[str, str, list[Finding]] | Finding:
    """The text, its encoding and what to report about it; or why it is not text."""
    problems: list[Finding] = []
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _unreadable(
            file,
            _("the file is UTF-16, not UTF-8"),
            _("save it as UTF-8 (in Notepad: 另存为 → 编码 UTF-8)"),
            rule="encoding",
        )
    if b"\x00" in raw:
        return _unreadable(
            file,
            _("the file is binary (it contains NUL bytes), not YAML text"),
            _("point planctl at the plan's .yaml file"),
        )
    encoding = "utf-8"
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
        encoding = "utf-8-sig"
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        legacy = _decode_legacy(raw, error, file)
        if isinstance(legacy, Finding):
            return legacy
        text, encoding = legacy[0], "gb18030"
        problems.append(legacy[1])
    if "\r" in text:
        mixed = _mixed_line_end(text)
        if mixed is not None:
            problems.append(mixed_line_ends(file, text, *mixed))
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, encoding, problems


def line_end_kinds(text: str) -> dict[str, int]:
    """How many lines end in CRLF, LF and a lone CR."""
    crlf = text.count("\r\n")
    return {"\r\n": crlf, "\n": text.count("\n") - crlf, "\r": text.count("\r") - crlf}


def _mixed_line_end(text: str) -> tuple[int, int] | None:
    """The offsets of the first line end and of the first one of another kind, if any."""
    if sum(1 for count in line_end_kinds(text).values() if count) < 2:
        return None
    ends = _LINE_END.finditer(text)
    first = next(ends)
    other = next(end for end in ends if end.group() != first.group())
    return first.start(), other.start()


_LINE_END = re.compile(r"\r\n|\r|\n")
_LINE_END_NAMES = {"\r\n": "CRLF", "\n": "LF", "\r": "CR"}


def mixed_line_ends(file: str, text: str, first: int, other: int) -> Finding:
    """The warning for a file whose line ends are not all of one kind."""

    def kind_at(offset: int) -> str:
        match = _LINE_END.match(text, offset)
        assert match is not None
        return _LINE_END_NAMES[match.group()]

    where = position_of(text, other)
    message = _(
        "the file mixes line ends: line {first_line} ends in {first}, line {line} in {other}"
    ).format(
        first_line=position_of(text, first)[0],
        first=kind_at(first),
        line=where[0],
        other=kind_at(other),
    )
    return problem(
        file,
        where,
        "line-endings",
        message,
        _("run `planctl fmt`: it writes one kind of line end throughout"),
        severity=Severity.WARNING,
    )


def _decode_legacy(
    raw: bytes, error: UnicodeDecodeError, file: str
) -> tuple[str, Finding] | Finding:
    """Read a GB18030/GBK file (a superset of GB2312), or refuse with the exact fix."""
    prefix = raw[: error.start].decode("utf-8")  # valid: decoding failed only at `start`
    where = position_of(prefix, len(prefix))
    if _mostly_utf8(raw):  # read as GB18030 it would be garbled, and saved so by fmt
        message = _(
            "the file is UTF-8 with a damaged byte ({byte} at line {line}, column {column})"
        )
        return _unreadable(
            file,
            message.format(byte=f"0x{raw[error.start]:02x}", line=where[0], column=where[1]),
            _("retype the character at that place, then save the file as UTF-8"),
            rule="encoding",
            position=where,
        )
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        return _unreadable(
            file,
            _("the file is not UTF-8 (byte 0x{byte:02x} at line {line}) nor GB18030").format(
                byte=raw[error.start], line=where[0]
            ),
            _("save it as UTF-8"),
            rule="encoding",
            position=where,
        )
    finding = problem(
        file,
        where,
        "encoding",
        _("the file is GBK/GB18030-encoded, not UTF-8 (it was read as GB18030)"),
        _(
            "run `planctl fmt` to save it as UTF-8, or "
            "`iconv -f GB18030 -t UTF-8 FILE > FILE.utf8 && mv FILE.utf8 FILE`"
        ),
    )
    return text, finding


def _mostly_utf8(raw: bytes) -> bool:
    """Damaged UTF-8 rather than GBK: most non-ASCII characters decode as UTF-8."""
    text = raw.decode("utf-8", errors="replace")
    damaged = text.count("\ufffd")
    return sum(not char.isascii() for char in text) - damaged > damaged


def position_of(text: str, offset: int) -> Position:
    """Line and column (from 1) of `offset`; a CRLF, an LF or a lone CR ends a line."""
    line = len(_LINE_END.findall(text, 0, offset)) + 1
    line_start = max(text.rfind("\n", 0, offset), text.rfind("\r", 0, offset)) + 1
    return line, offset - line_start + 1


def _unreadable(
    file: str, message: str, hint: str, *, rule: str = "unreadable", position: Position = (1, 1)
) -> Finding:
    return problem(file, position, rule, message, hint, fatal=True)
