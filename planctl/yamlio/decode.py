"""Bytes to text: the one decoding policy for plan files (the loader's and fmt's).

UTF-8 is the format; a UTF-8 byte-order mark, CRLF line ends and GB18030/GBK text (common
from older office tools) are read and reported as findings that `planctl fmt` fixes.
UTF-16, binary files and damaged UTF-8 (a file that is UTF-8 but for a few bytes, which
read as GB18030 would turn to nonsense) are refused.
"""

from __future__ import annotations

import codecs

from planctl.findings import Finding, Severity
from planctl.i18n import _

Position = tuple[int, int]


def decode(raw: bytes, file: str) -> tuple[str, str, list[Finding]] | Finding:
    """The text, its encoding and what to report about it; or why it is not text."""
    problems: list[Finding] = []
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _unreadable(
            file,
            "the file is UTF-16, not UTF-8",
            "save it as UTF-8 (in Notepad: 另存为 → 编码 UTF-8)",
            rule="encoding",
        )
    if b"\x00" in raw:
        return _unreadable(
            file,
            "the file is binary (it contains NUL bytes), not YAML text",
            "point planctl at the plan's .yaml file",
        )
    encoding = "utf-8"
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
        encoding = "utf-8-sig"
        problems.append(
            _problem(
                file,
                (1, 1),
                "byte-order-mark",
                "the file starts with a UTF-8 byte-order mark (BOM)",
                "run `planctl fmt` to save it as UTF-8 without BOM",
                severity=Severity.ERROR,
            )
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        legacy = _decode_legacy(raw, error, file)
        if isinstance(legacy, Finding):
            return legacy
        text, encoding = legacy[0], "gb18030"
        problems.append(legacy[1])
    if "\r" in text:
        first = text.index("\r")
        problems.append(
            _problem(
                file,
                _position_of(text, first),
                "line-endings",
                "the file has Windows (CRLF) line endings",
                "run `planctl fmt` to convert them to LF",
            )
        )
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, encoding, problems


def _decode_legacy(
    raw: bytes, error: UnicodeDecodeError, file: str
) -> tuple[str, Finding] | Finding:
    """Read a GB18030/GBK file (a superset of GB2312), or refuse with the exact fix."""
    prefix = raw[: error.start].decode("utf-8")  # valid: decoding failed only at `start`
    where = _position_of(prefix, len(prefix))
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
            f"the file is not UTF-8 (byte 0x{raw[error.start]:02x} at line {where[0]}) nor GB18030",
            "save it as UTF-8",
            rule="encoding",
            position=where,
        )
    finding = _problem(
        file,
        where,
        "encoding",
        "the file is GBK/GB18030-encoded, not UTF-8 (it was read as GB18030)",
        "run `planctl fmt` to save it as UTF-8, or "
        "`iconv -f GB18030 -t UTF-8 FILE > FILE.utf8 && mv FILE.utf8 FILE`",
    )
    return text, finding


def _mostly_utf8(raw: bytes) -> bool:
    """Damaged UTF-8 rather than GBK: most non-ASCII characters decode as UTF-8."""
    text = raw.decode("utf-8", errors="replace")
    damaged = text.count("\ufffd")
    return sum(not char.isascii() for char in text) - damaged > damaged


def _position_of(text: str, offset: int) -> Position:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _problem(
    file: str,
    position: Position,
    rule: str,
    message: str,
    hint: str,
    *,
    severity: Severity = Severity.ERROR,
    fatal: bool = False,
) -> Finding:
    return Finding(file, position[0], position[1], rule, severity, message, hint, "$", fatal)


def _unreadable(
    file: str, message: str, hint: str, *, rule: str = "unreadable", position: Position = (1, 1)
) -> Finding:
    return _problem(file, position, rule, message, hint, fatal=True)
