"""Word (.docx) documents as lines: paragraphs in order, table rows with their cells.

Word's automatic list numbering is not part of a paragraph's text, so the number a
reader sees (一、 （一） 1.) is rebuilt from the numbering definitions and put in front
of the paragraph, where a typed number would be.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from docx.oxml.ns import qn

from planctl.errors import InputError
from planctl.i18n import _
from planctl.importer.lines import Line
from planctl.importer.text import clean, normalize

_CN_DIGITS = "〇一二三四五六七八九"


def read_docx(path: Path, raw: bytes) -> tuple[list[Line], list[str]]:
    """Lines of a .docx, or InputError when the file is not a readable Word document."""
    document = _open(path, raw)
    numbering = _Numbering(document)
    lines: list[Line] = []
    paragraph_number = table_number = 0
    for block in document.iter_inner_content():
        if hasattr(block, "rows"):
            table_number += 1
            lines.extend(_table_lines(block, table_number, len(lines)))
        else:
            paragraph_number += 1
            label = numbering.label(block)
            for part in (label + block.text).splitlines() or [""]:
                where = f"paragraph {paragraph_number}"
                lines.append(Line(len(lines) + 1, where, clean(part), normalize(part)))
    return lines, []


def _open(path: Path, raw: bytes) -> Any:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if not raw:
        raise InputError(
            _("the file is empty"),
            where=str(path),
            hint=_("import a document that holds the plan's text"),
        )
    _check_sizes(path, raw)
    try:
        return docx.Document(io.BytesIO(raw))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise InputError(
            _("not a readable Word .docx file ({reason})").format(reason=type(error).__name__),
            where=str(path),
            hint=_("open it in Word or WPS and save it again as .docx, or import its text as .txt"),
        ) from None
    except Exception as error:
        raise InputError(
            _("not a readable Word .docx file ({reason})").format(reason=error),
            where=str(path),
            hint=_("open it in Word or WPS and save it again as .docx"),
        ) from None


# A Word file's parts inflate to a few megabytes; limits far above any real document, so
# that a small file that would inflate to gigabytes is refused before it is unzipped.
# (zipfile never inflates an entry past the size its header declares.)
MAX_ENTRY_BYTES = 256 * 1024 * 1024
MAX_TOTAL_BYTES = 512 * 1024 * 1024
MAX_RATIO = 200  # inflated / compressed, for entries over RATIO_FLOOR bytes
RATIO_FLOOR = 16 * 1024 * 1024


def _check_sizes(path: Path, raw: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return  # python-docx says why the file is not a Word document
    total = 0
    for entry in entries:
        total += entry.file_size
        ratio = entry.file_size / max(entry.compress_size, 1)
        too_big = entry.file_size > MAX_ENTRY_BYTES or total > MAX_TOTAL_BYTES
        if too_big or (entry.file_size > RATIO_FLOOR and ratio > MAX_RATIO):
            raise InputError(
                _(
                    "its part {entry} would inflate to {size:,} MB from {packed:,} KB "
                    "(a zip bomb?); it was not unzipped"
                ).format(
                    entry=entry.filename,
                    size=entry.file_size // (1024 * 1024),
                    packed=entry.compress_size // 1024,
                ),
                where=str(path),
                hint=_("open it in Word or WPS and save it again, or import its text as .txt"),
            )


def _table_lines(table: Any, number: int, before: int) -> Iterator[Line]:
    for row_number, row in enumerate(table.rows, start=1):
        texts = _row_texts(row)
        cells = tuple(clean(text) for text in texts)
        shown = " ".join(dict.fromkeys(c for c in cells if c))
        yield Line(
            before + row_number,
            f"table {number}, row {row_number}",
            shown,
            normalize(shown),
            tuple(_cell_text(text) for text in texts),
            number,
        )


def _cell_text(text: str) -> str:
    """A cell's paragraphs, normalized one by one and kept on lines of their own (a cell
    of unit names often holds one name per line)."""
    return "\n".join(part for part in (normalize(p) for p in text.split("\n")) if part)


def _row_texts(row: Any) -> list[str]:
    """One text per grid column, so that columns line up with the header row."""
    texts = [""] * int(getattr(row, "grid_cols_before", 0) or 0)
    texts.extend(cell.text for cell in row.cells)
    return texts


# --- automatic numbering -------------------------------------------------------------------


class _Numbering:
    """Rebuilds the visible labels of Word's numbered paragraphs, level by level."""

    def __init__(self, document: Any) -> None:
        self._root = _numbering_root(document)
        self._counters: dict[str, list[int]] = {}

    def label(self, paragraph: Any) -> str:
        if self._root is None:
            return ""
        found = _num_pr(paragraph)
        if found is None:
            return ""
        num_id, level = found
        definition = self._level(num_id, level)
        if definition is None:
            return ""
        counters = self._advance(num_id, level, definition)
        return _render(definition, counters, self._levels(num_id))

    def _advance(self, num_id: str, level: int, definition: dict[str, str]) -> list[int]:
        counters = self._counters.setdefault(num_id, [0] * 9)
        start = int(definition.get("start", "1") or 1)
        counters[level] = start if counters[level] == 0 else counters[level] + 1
        for deeper in range(level + 1, 9):
            counters[deeper] = 0
        return counters

    def _levels(self, num_id: str) -> dict[int, dict[str, str]]:
        return {n: d for n in range(9) if (d := self._level(num_id, n)) is not None}

    def _level(self, num_id: str, level: int) -> dict[str, str] | None:
        """start, numFmt and lvlText of one level of list `num_id`, or None."""
        num = _child_with(self._root, "w:num", "w:numId", num_id)
        abstract_id = _value(num, "w:abstractNumId") if num is not None else None
        abstract = _child_with(self._root, "w:abstractNum", "w:abstractNumId", abstract_id)
        lvl = _child_with(abstract, "w:lvl", "w:ilvl", str(level))
        if lvl is None:
            return None
        return {key: _value(lvl, f"w:{key}") or "" for key in ("start", "numFmt", "lvlText")}


def _numbering_root(document: Any) -> Any:
    try:
        part = document.part.part_related_by(
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
        )
    except KeyError:
        return None
    return part.element


def _num_pr(paragraph: Any) -> tuple[str, int] | None:
    """(numId, level) from the paragraph itself or, failing that, its style chain."""
    candidates = [paragraph._p]
    style = paragraph.style
    while style is not None:
        candidates.append(style.element)
        style = style.base_style
    for element in candidates:
        properties = element.find(qn("w:pPr"))
        numbering = properties.find(qn("w:numPr")) if properties is not None else None
        num_id = _value(numbering, "w:numId") if numbering is not None else None
        if num_id and num_id != "0":
            return num_id, int(_value(numbering, "w:ilvl") or 0)
    return None


def _child_with(parent: Any, tag: str, attribute: str, value: str | None) -> Any:
    if parent is None or value is None:
        return None
    return next(
        (child for child in parent.iterchildren(qn(tag)) if child.get(qn(attribute)) == value), None
    )


def _value(parent: Any, tag: str) -> str | None:
    """The w:val of `parent`'s child `tag`."""
    child = parent.find(qn(tag))
    return None if child is None else child.get(qn("w:val"))


def _render(
    definition: dict[str, str], counters: list[int], levels: dict[int, dict[str, str]]
) -> str:
    if definition.get("numFmt") == "bullet":
        return "●"
    text = definition.get("lvlText", "")
    for level in range(9):
        placeholder = f"%{level + 1}"
        if placeholder in text:
            fmt = levels.get(level, {}).get("numFmt", "decimal")
            text = text.replace(placeholder, _format(counters[level] or 1, fmt))
    return text


def _format(value: int, fmt: str) -> str:
    if fmt.startswith("chinese") or fmt in (
        "ideographDigital",
        "japaneseCounting",
        "taiwaneseCounting",
        "taiwaneseCountingThousand",
    ):
        return (
            _chinese(value)
            if fmt != "ideographDigital"
            else "".join(_CN_DIGITS[int(d)] for d in str(value))
        )
    if fmt.startswith("decimalEnclosedCircle") and 1 <= value <= 20:
        return chr(0x2460 + value - 1)
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (value - 1) % 26)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(value)
        return roman if fmt == "upperRoman" else roman.lower()
    return str(value)


def _chinese(value: int) -> str:
    from planctl.chinese import number

    return number(value) if 0 <= value <= 9999 else str(value)


def _roman(value: int) -> str:
    numerals = (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    )
    out = []
    for amount, numeral in numerals:
        count, value = divmod(value, amount)
        out.append(numeral * count)
    return "".join(out)
