"""Read a document into numbered lines: text files in any common encoding, or Word.

A text file gives one `Line` per physical line; a .docx gives one per paragraph and
one per table row (with its cells). Every line remembers where it came from, so
whatever the importer cannot place is reported by its line number.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from planctl.errors import InputError
from planctl.importer.lines import Line, Source
from planctl.importer.text import clean, normalize

# Signatures of binary formats people save plans in, with the fix to suggest.
_SIGNATURES: tuple[tuple[bytes, str, str], ...] = (
    (
        b"PK\x03\x04",
        "a zip archive (a .docx, .xlsx or .wps file?)",
        "give a Word file the .docx extension",
    ),
    (
        b"\xd0\xcf\x11\xe0",
        "an old Word/WPS binary file (.doc)",
        "open it in Word or WPS and save it as .docx",
    ),
    (b"%PDF", "a PDF file", "copy its text into a .txt file (UTF-8), or save it as .docx"),
    (b"{\\rtf", "an RTF file", "open it in Word or WPS and save it as .docx"),
)
_UNSUPPORTED = {
    ".xlsx": "an Excel workbook",
    ".xls": "an Excel workbook",
    ".et": "a WPS spreadsheet",
    ".doc": "an old Word file (.doc)",
    ".wps": "a WPS document (.wps)",
    ".pdf": "a PDF file",
}
# Share of replacement characters above which a UTF-8 reading is rejected for GB18030.
_MOJIBAKE_SHARE = 0.005
# Share of control characters above which decoded bytes are not text at all.
_BINARY_SHARE = 0.02


def read_source(path: Path) -> Source:
    """Read `path` (.txt or .docx) or raise InputError saying what is wrong and how to fix it."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise InputError(
            f"cannot read the file: {error.strerror or error}",
            where=str(path),
            hint="check the path and permissions",
        ) from None
    if path.suffix.lower() in _UNSUPPORTED:
        raise InputError(
            f"{_UNSUPPORTED[path.suffix.lower()]} cannot be imported",
            where=str(path),
            hint="save it as .docx, or paste its text into a .txt file (UTF-8)",
        )
    if path.suffix.lower() == ".docx":
        from planctl.importer.docx_reader import read_docx

        lines, notes = read_docx(path, raw)
        return _non_empty(Source(path, lines, "docx", notes))
    return _non_empty(read_text_bytes(raw, path))


def read_text_bytes(raw: bytes, path: Path) -> Source:
    """Decode a text document: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK."""
    if not raw.strip():
        raise InputError(
            "the file is empty",
            where=str(path),
            hint="import a document that holds the plan's text",
        )
    text, encoding, notes = _decode(raw, path)
    physical = text.splitlines()
    tabled = _text_tables(physical)
    lines = [
        _text_line(number, line, tabled.get(number))
        for number, line in enumerate(physical, start=1)
    ]
    return Source(path, lines, encoding, notes)


def _text_line(number: int, line: str, row: tuple[int, list[str]] | None) -> Line:
    if row is None:
        return Line(number, f"line {number}", clean(line), normalize(line))
    table, raw_cells = row
    cells = tuple(clean(cell) for cell in raw_cells)
    shown = " ".join(cell for cell in cells if cell)
    return Line(
        number,
        f"line {number}",
        shown,
        normalize(shown),
        tuple(normalize(cell) for cell in cells),
        table,
    )


# Columns aligned with spaces: two or more spaces (or an ideographic space) between cells.
_ALIGNED_GAP = re.compile(r"(?: {2,}|\u3000+|\t)")


def _text_tables(lines: list[str]) -> dict[int, tuple[int, list[str]]]:
    """Rows of tables pasted as text: line number → (table number, cells).

    Cells are separated by tabs (a table copied out of Word or a web page) or aligned with
    runs of spaces (a table typed or copied from a PDF). Two or more consecutive rows of
    two cells or more make a table; a row with one filled cell between them (a section
    row, merged across the table) belongs to it. A space-aligned table must open with a
    header row (序号, 工作任务, 牵头单位…), as prose is often spaced oddly too.
    """
    found: dict[int, tuple[int, list[str]]] = {}
    tables = 0
    run: list[tuple[int, list[str]]] = []
    aligned = False
    width = 0

    def close() -> None:
        nonlocal tables, run
        rows = [cells for _, cells in run if sum(1 for c in cells if c.strip()) >= 2]
        while run and sum(1 for c in run[-1][1] if c.strip()) < 2:
            run.pop()  # a lone line after the table is no section row
        if len(rows) >= 2:
            tables += 1
            for number, cells in run:
                band = len(cells) == 1  # a section row spans the table: pad it out
                found[number] = (tables, cells + [""] * (width - 1) if band else cells)
        run = []

    for number, line in enumerate([*lines, ""], start=1):
        cells, spaced = _cells(line)
        filled = sum(1 for cell in cells if cell.strip())
        if filled >= 2 and (run or not spaced or _is_header(cells)):
            if not run:
                aligned, width = spaced, len(cells)
            if spaced == aligned:
                run.append((number, cells))
                width = max(width, len(cells))
                continue
        elif filled == 1 and run and ("\t" in line or aligned) and line.strip():
            run.append((number, [cell for cell in cells if cell.strip()]))
            continue
        close()
        if filled >= 2 and (not spaced or _is_header(cells)):
            aligned, width = spaced, len(cells)
            run.append((number, cells))
    close()
    return found


def _cells(line: str) -> tuple[list[str], bool]:
    """The cells of a line and whether they were aligned with spaces (not tabs)."""
    if "\t" in line:
        return [cell.strip() for cell in line.split("\t")], False
    parts = [part for part in _ALIGNED_GAP.split(line.strip()) if part]
    return parts, True


def _is_header(cells: list[str]) -> bool:
    from planctl.importer.tables import header_row

    return header_row([tuple(cell.strip() for cell in cells)]) == 0


def _non_empty(source: Source) -> Source:
    if not any(line.text for line in source.lines):
        raise InputError(
            "the file holds no text",
            where=str(source.path),
            hint="import a document that holds the plan's text",
        )
    return source


def _decode(raw: bytes, path: Path) -> tuple[str, str, list[str]]:
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return (
            _checked(raw.decode("utf-16"), path),
            "utf-16",
            ["read as UTF-16 (saved by Notepad as “Unicode”)"],
        )
    _refuse_binary(raw, path)
    if raw.startswith(codecs.BOM_UTF8):
        return _checked(raw[3:].decode("utf-8", "replace"), path), "utf-8-sig", []
    try:
        return _checked(raw.decode("utf-8"), path), "utf-8", []
    except UnicodeDecodeError:
        return _decode_legacy(raw, path)


def _decode_legacy(raw: bytes, path: Path) -> tuple[str, str, list[str]]:
    """GB18030 (a superset of GBK and GB2312) unless the bytes are UTF-8 with a few flaws."""
    loose = raw.decode("utf-8", "replace")
    flawed = loose.count("\ufffd") / max(len(loose), 1)
    try:
        legacy = raw.decode("gb18030")
    except UnicodeDecodeError:
        legacy = None
    if legacy is not None and flawed > _MOJIBAKE_SHARE:
        return _checked(legacy, path), "gb18030", ["read as GB18030/GBK (not UTF-8)"]
    if legacy is None and flawed > _MOJIBAKE_SHARE:
        raise InputError(
            "the file is neither UTF-8 nor GB18030/GBK text",
            where=str(path),
            hint="save it as UTF-8 text (记事本: 另存为 → 编码 UTF-8)",
        )
    bad = loose.count("\ufffd")
    return _checked(loose, path), "utf-8", [f"{bad} byte(s) that are not UTF-8 were replaced by �"]


def _refuse_binary(raw: bytes, path: Path) -> None:
    for signature, what, hint in _SIGNATURES:
        if raw.startswith(signature):
            raise InputError(f"the file is {what}, not text", where=str(path), hint=hint)
    if b"\x00" in raw:
        raise InputError(
            "the file is binary (it contains NUL bytes), not text",
            where=str(path),
            hint="import a .txt or .docx document",
        )


def _checked(text: str, path: Path) -> str:
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\n\r\t\f\v")
    if controls / max(len(text), 1) > _BINARY_SHARE:
        raise InputError(
            "the file looks binary (many control characters), not text",
            where=str(path),
            hint="import a .txt or .docx document",
        )
    return text
