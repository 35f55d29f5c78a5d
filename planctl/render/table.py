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

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

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


@dataclass(frozen=True, slots=True)
class Cell:
    segments: tuple[Segment, ...] = ()

    @classmethod
    def of(cls, text: str, mark: Mark = "") -> Cell:
        """A cell holding one run of text (empty text gives an empty cell)."""
        return cls((Segment(text, mark),) if text else ())

    @property
    def text(self) -> str:
        """All the cell's text, marks dropped (deleted text included)."""
        return "".join(segment.text for segment in self.segments)


@dataclass(frozen=True, slots=True)
class Column:
    header: str
    width: int  # a width hint in east-Asian characters
    align: Align = "left"


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


def starts_formula(text: str) -> bool:
    """Whether a spreadsheet program would read `text` as a formula."""
    return text.startswith(FORMULA_TRIGGERS)


def lines(segments: Iterable[Segment]) -> list[list[Segment]]:
    """The segments split into lines at their line breaks (every line has a list)."""
    result: list[list[Segment]] = [[]]
    for segment in segments:
        for index, piece in enumerate(segment.text.split("\n")):
            if index:
                result.append([])
            if piece:
                result[-1].append(Segment(piece, segment.mark))
    return result
