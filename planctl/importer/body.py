"""The plan's body as an outline: numbered items, labels, paragraphs and table rows.

Lines are read in order. A numbered line opens an item; a short unnumbered line that
introduces paragraphs (目标, 措施) opens a label; a line holding only an owner group or a
labelled field (牵头单位：…, 完成时限：…) belongs to the content above it; a paragraph
broken across lines (text copied from a PDF) is joined again. Table rows become items
through their column headers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from planctl.importer.lines import Line
from planctl.importer.numbering import Node, Number, Outline, Para, recognise
from planctl.importer.owners import FIELD_LABEL, parse_group
from planctl.importer.tables import (
    Columns,
    combined_header,
    header_rows,
    is_header_again,
    map_columns,
    read_row,
)
from planctl.importer.text import CLOSERS, OPENERS, SENTENCE_ENDS, cn_number, matching_open

_LABEL_MAX = 15
_WRAPPED_MIN = 30
_CAPTION = re.compile(r"(示意图|图|表|图示)$")


@dataclass
class Body:
    """The outline of the body and the lines it holds no place for."""

    outline: Outline
    unplaced: list[tuple[Line, str]] = field(default_factory=list)


def first_body_line(lines: list[Line]) -> int:
    """Position of the first line of the body: a first heading number, a bullet or a table."""
    for position, line in enumerate(lines):
        if line.cells is not None:
            return position + _rows_above_header(line, lines[position:])
        number = recognise(line.text)
        if number is not None and (number.value in (1, None) or number.style == "chapter"):
            return position
    return len(lines)


def _rows_above_header(first: Line, lines: list[Line]) -> int:
    """Rows of a table above its header row (a title in a merged row) belong to the head."""
    rows = [line.cells or () for line in lines if line.table == first.table]
    found = header_rows(rows)
    return found[0] if found else 0


def read_body(lines: list[Line]) -> Body:
    body = Body(Outline())
    reader = _Reader(body, lines)
    reader.run()
    return body


class _Reader:
    def __init__(self, body: Body, lines: list[Line]) -> None:
        self.body = body
        self.outline = body.outline
        self.lines = lines
        self.position = 0
        self.after_blank = True
        self.table: _Table | None = None

    def run(self) -> None:
        while self.position < len(self.lines):
            line = self.lines[self.position]
            self.position += 1
            if line.cells is not None:
                self._row(line)
                continue
            self._end_table()
            if not line.text:
                self.after_blank = True
                continue
            self._text_line(line)
            self.after_blank = False
        self._end_table()

    # --- text lines --------------------------------------------------------------------

    def _text_line(self, line: Line) -> None:
        number = recognise(line.text)
        if number is not None and self.outline.accepts(number):
            self._item(number, line)
        elif self._belongs_above(line.text):
            self._attach(line)
        elif self._is_label(line.text):
            self.outline.add_item(Node(None, line.text, [line], style="label"))
        elif self._continues(line.text):
            self._join(line)
        else:
            self.outline.add_para(Para(line.text, [line]))

    def _item(self, number: Number, line: Line) -> None:
        lines = [line]
        heading = number.rest
        if not heading and (following := self._next_text_line()) is not None:
            heading = following.text
            lines.append(following)
            self.position = self.lines.index(following) + 1
        self.outline.add_item(Node(number, heading, lines))

    def _next_text_line(self) -> Line | None:
        for line in self.lines[self.position :]:
            if line.cells is not None or recognise(line.text):
                return None
            if line.text:
                return line
        return None

    def _belongs_above(self, text: str) -> bool:
        """A field line or a bracket that only names owners, under an item."""
        if self.outline.current() is None:
            return False
        if FIELD_LABEL.match(text):
            return True
        if text[0] in OPENERS and text[-1] in CLOSERS and matching_open(text, len(text) - 1) == 0:
            return parse_group(text[1:-1]) is not None
        return False

    def _attach(self, line: Line) -> None:
        """Append the owner line to the text above; labelled lines that follow each other
        (牵头单位：… / 责任单位：… / 完成时限：…) make one group, as they are one."""
        node = self.outline.current()
        assert node is not None
        target = node.paras[-1] if node.paras else None
        lines = target.lines if target is not None else node.lines
        text = target.text if target is not None else node.heading
        labelled = FIELD_LABEL.match(line.text) is not None
        if labelled and text.endswith("）") and FIELD_LABEL.match(lines[-1].text):
            text = f"{text[:-1]}；{line.text}）"
        elif line.text[0] in OPENERS:
            text = f"{text}{line.text}"
        else:
            text = f"{text}（{line.text}）"
        lines.append(line)
        if target is None:
            node.heading = text
        else:
            target.text = text

    def _is_label(self, text: str) -> bool:
        """目标, 措施, 主要内容…: a short heading without a number, followed by paragraphs."""
        if self.outline.current() is None or len(text) > _LABEL_MAX or _CAPTION.search(text):
            return False
        if any(mark in text for mark in SENTENCE_ENDS + "，,：:（(") or cn_number(text):
            return False
        following = self._following()
        if following is None or following.cells is not None:
            return False
        number = recognise(following.text)
        if number is not None:
            return number.value in (1, None) and self.outline.accepts(number)
        return not self._is_short_unpunctuated(following.text)

    def _following(self) -> Line | None:
        return next((line for line in self.lines[self.position :] if line.text), None)

    @staticmethod
    def _is_short_unpunctuated(text: str) -> bool:
        return len(text) <= _LABEL_MAX and not any(mark in text for mark in SENTENCE_ENDS + "，")

    def _continues(self, text: str) -> bool:
        """Whether the previous line was cut off mid-sentence (a wrapped paragraph)."""
        node = self.outline.current()
        if self.after_blank or node is None:
            return False
        previous = node.paras[-1].text if node.paras else node.heading
        if len(previous) < _WRAPPED_MIN or previous[-1] in SENTENCE_ENDS + "：:”’》）)】〕":
            return False
        return bool(node.paras) or previous[-1] in "，,、“《（("

    def _join(self, line: Line) -> None:
        node = self.outline.current()
        assert node is not None
        if node.paras:
            node.paras[-1].text += line.text
            node.paras[-1].lines.append(line)
        else:
            node.heading += line.text
            node.lines.append(line)

    # --- tables ------------------------------------------------------------------------

    def _row(self, line: Line) -> None:
        if self.table is None or self.table.number != line.table:
            self._end_table()
            self.table = _Table.start(line, self.lines[self.position - 1 :], self.outline.depth())
        self.table.read(line, self)

    def _end_table(self) -> None:
        if self.table is not None:
            self.outline.close_to(self.table.depth)
            self.table = None


@dataclass
class _Table:
    number: int | None
    columns: Columns | None
    header_at: int | None
    depth: int
    header_size: int = 1
    row: int = 0
    categories: list[str] = field(default_factory=list)

    @classmethod
    def start(cls, first: Line, rest: list[Line], depth: int) -> _Table:
        rows = [line.cells or () for line in rest if line.table == first.table]
        found = header_rows(rows)
        if found is None:
            return cls(first.table, None, None, depth)
        at, size = found
        columns = map_columns(combined_header(rows, at, size), rows[at + size :])
        return cls(first.table, columns, at, depth, size)

    def read(self, line: Line, reader: _Reader) -> None:
        row, self.row = self.row, self.row + 1
        cells = line.cells or ()
        if not any(cells):
            return
        if self.columns is None or self.header_at is None or row < self.header_at:
            reader._text_line(line)  # a table used for layout: read its rows as lines
            return
        if row < self.header_at + self.header_size or is_header_again(cells, self.columns):
            reader.body.unplaced.append((line, "a table header row (its columns are mapped)"))
            return
        if _is_band(cells):
            self._band(line, reader)
            return
        self._data_row(line, reader)

    def _band(self, line: Line, reader: _Reader) -> None:
        """A row spanning the table (a merged cell): a heading for the rows below it."""
        text = next(c for c in line.cells or () if c)
        number = recognise(text)
        node = Node(
            number,
            number.rest if number else text,
            [line],
            style=number.style if number else "table-band",
        )
        reader.outline.add_item(node)

    def _data_row(self, line: Line, reader: _Reader) -> None:
        assert self.columns is not None
        fields = read_row(line.cells or (), self.columns)
        self._categories(fields.categories, line, reader)
        number = _cell_number(fields.number)
        own_level = number is not None and number.style != "table-number"
        node = Node(
            number,
            fields.title,
            [line],
            row=fields,
            style=number.style if own_level and number else "table-row",
        )
        reader.outline.add_item(node)

    def _categories(self, values: list[str], line: Line, reader: _Reader) -> None:
        for level, value in enumerate(values):
            if level < len(self.categories) and self.categories[level] == value:
                continue
            del self.categories[level:]
            self.categories.append(value)
            if value:
                number = recognise(value)
                reader.outline.add_item(
                    Node(
                        number,
                        number.rest if number else value,
                        [line],
                        style=f"table-category{level}",
                    )
                )


def _is_band(cells: tuple[str, ...]) -> bool:
    filled = [c for c in cells if c]
    if len(cells) < 2 or len(set(filled)) != 1:
        return False
    if len(filled) >= 2:
        return True  # one merged cell across the row
    number = recognise(filled[0])
    return number is not None and number.style in ("cn", "cn-paren", "chapter", "jie", "part")


def _cell_number(text: str) -> Number | None:
    if not text:
        return None
    if text.isdigit():
        return Number("table-number", int(text), text, "")
    number = recognise(text if not cn_number(text) else f"{text}、")
    if number is None:
        return None
    return Number(number.style, number.value, text, "")
