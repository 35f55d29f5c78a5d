"""A small, format-neutral table model that every table writer (HTML, Markdown, Excel,
CSV, Word) takes as input.

A `TableDocument` is a titled sequence of `Table`s (one for the responsibility table,
one per unit for the 分工清单). A `Table` has a title, an optional note under it, its
`Column`s (header text, a width hint in east-Asian characters, alignment) and its
`Row`s. A row is either

- an item row (`kind="item"`), one `Cell` per column; or
- a section row (`kind="section"`), a single cell spanning the whole width, with a
  `level` (1 for 一、 …) — writers set it as a group heading inside the table.

A `Cell` is a sequence of `Segment`s: runs of text, each optionally marked
`"strong"` (a run-in heading), `"insert"` (text added) or `"delete"` (text removed).
Writers show marks the way their format can: <strong>/<ins>/<del> in HTML, **/<ins>/~~
in Markdown, bold/underline/strike-through runs in Word and Excel; CSV keeps the text.
A line break inside a segment (``\\n``) is a line break in the cell.

So a revision table (修订对照表: 序号 | 原内容 | 修改后内容 | 修改说明, the changed
characters marked) is just another `TableDocument` built from a semantic diff:

    TableDocument(
        title="修订对照表",
        tables=(Table(
            title="",
            columns=(Column("序号", 4, "center"), Column("原内容", 30),
                     Column("修改后内容", 30), Column("修改说明", 14)),
            rows=(Row((Cell.of("1"),
                       Cell((Segment("2012年"), Segment("6", "delete"), Segment("月底前"))),
                       Cell((Segment("2012年"), Segment("12", "insert"), Segment("月底前"))),
                       Cell.of("调整完成时限"))),),
        ),),
    )

and goes through the same writers.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from planctl.chinese import display_width

Mark = Literal["", "strong", "insert", "delete"]
Align = Literal["left", "center"]
RowKind = Literal["item", "section"]

# A spreadsheet program reads a cell starting with one of these as a formula (=, +, -, @)
# or as a control character that can smuggle one in (tab, carriage return).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    mark: Mark = ""
    # A phrase no line breaks inside (a deadline: 2023年6月底前): HTML and Typst box it,
    # Word joins its characters, and every writer keeps its column wide enough for it.
    keep: bool = False


@dataclass(frozen=True, slots=True)
class Cell:
    segments: tuple[Segment, ...] = ()
    date: datetime.date | None = None  # the day the text names (a deadline's last day)

    @classmethod
    def of(cls, text: str, mark: Mark = "") -> Cell:
        """A cell holding one run of text (empty text gives an empty cell)."""
        return cls((Segment(text, mark),) if text else ())

    @property
    def text(self) -> str:
        """All the cell's text, marks dropped (deleted text included)."""
        return "".join(segment.text for segment in self.segments)

    @property
    def kept(self) -> tuple[str, ...]:
        """The phrases no line may break inside."""
        return tuple(segment.text for segment in self.segments if segment.keep)


@dataclass(frozen=True, slots=True)
class Column:
    header: str
    width: int  # a width hint in east-Asian characters
    align: Align = "left"
    # Spreadsheets add a date-typed column with this header beside this one, holding the
    # cells' `date`s (截止日期 beside 完成时限), so a tracker can sort and filter by date.
    date_header: str = ""


@dataclass(frozen=True, slots=True)
class Row:
    cells: tuple[Cell, ...]
    kind: RowKind = "item"
    level: int = 0

    @classmethod
    def section(cls, text: str, level: int = 1) -> Row:
        return cls((Cell.of(text),), "section", level)


@dataclass(frozen=True, slots=True)
class Block:
    """A run of item rows and the section row above it (None before the first)."""

    heading: Row | None
    rows: tuple[Row, ...]


@dataclass(frozen=True, slots=True)
class Table:
    title: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    note: str = ""  # a line under the title, e.g. 牵头3项，配合2项

    def blocks(self) -> list[Block]:
        """The rows cut at each section row, for formats that cannot span a row (Markdown)."""
        blocks: list[Block] = []
        heading: Row | None = None
        items: list[Row] = []
        for row in self.rows:
            if row.kind == "section":
                if heading is not None or items:
                    blocks.append(Block(heading, tuple(items)))
                heading, items = row, []
            else:
                items.append(row)
        if heading is not None or items:
            blocks.append(Block(heading, tuple(items)))
        return blocks


@dataclass(frozen=True, slots=True)
class TableDocument:
    title: str
    tables: tuple[Table, ...]
    subtitle: str = ""
    title_lines: tuple[str, ...] = ()  # the title as set, when it breaks (else the one line)


def starts_formula(text: str) -> bool:
    """Whether a spreadsheet program would read `text` as a formula."""
    return text.startswith(FORMULA_TRIGGERS)


def column_widths(table: Table, line_chars: float) -> list[float]:
    """Each column's width, in characters of the table's text, for a table `line_chars`
    characters wide: in proportion to the columns' width hints, but never narrower than
    its header or the longest phrase it keeps on one line, with a character for the
    punctuation that may follow the phrase and one for the cell's margins; the other
    columns give up the difference in proportion."""
    hints = [float(column.width) for column in table.columns]
    floors = [_chars(column.header) + _MARGIN_CHARS for column in table.columns]
    for row in table.rows:
        if row.kind != "item":
            continue
        for index, cell in enumerate(row.cells[: len(hints)]):
            for phrase in cell.kept:
                floors[index] = max(floors[index], _chars(phrase) + 1 + _MARGIN_CHARS)
    widths = [line_chars * hint / sum(hints) for hint in hints]
    fixed = [False] * len(widths)
    while True:
        short = [i for i, w in enumerate(widths) if not fixed[i] and w < floors[i]]
        if not short:
            return widths
        for index in short:
            widths[index], fixed[index] = floors[index], True
        rest = line_chars - sum(w for i, w in enumerate(widths) if fixed[i])
        flexible = sum(hints[i] for i in range(len(hints)) if not fixed[i])
        if flexible <= 0 or rest <= 0:
            return widths
        widths = [w if fixed[i] else rest * hints[i] / flexible for i, w in enumerate(widths)]


_MARGIN_CHARS = 1.0  # a cell's inner margins, left and right together, and some air


def _chars(text: str) -> float:
    """Width in east-Asian characters: a Latin letter or digit counts half."""
    return display_width(text) / 2


def lines(segments: Iterable[Segment]) -> list[list[Segment]]:
    """The segments split into lines at their line breaks (every line has a list)."""
    result: list[list[Segment]] = [[]]
    for segment in segments:
        for index, piece in enumerate(segment.text.split("\n")):
            if index:
                result.append([])
            if piece:
                result[-1].append(Segment(piece, segment.mark, segment.keep))
    return result
