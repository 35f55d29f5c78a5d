"""Word tables from the format-neutral table model, written as WordprocessingML directly.

python-docx's cell API recomputes the table grid on every access, which made a plan's
per-unit lists take seconds; building each row's XML with lxml takes milliseconds.
Section rows are one cell spanning the grid (w:gridSpan); the header row repeats on
every page (w:tblHeader); marks become run properties (bold, underline, strike).
"""

from __future__ import annotations

from typing import Any

from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from planctl.render import gbt9704 as gb
from planctl.render.docx import ooxml as ox
from planctl.render.docx import styles as st
from planctl.render.markup import xml_safe
from planctl.render.table import Column, Row, Segment, Table, lines

HEADER_FILL = "D9D9D9"
SECTION_FILL = "F2F2F2"
_MARK_PROPERTIES = {"strong": ("b",), "insert": ("b", "u"), "delete": ("strike",)}
_TEXT_WIDTH_MM = gb.PAGE_HEIGHT_MM - gb.TABLE_MARGINS.left - gb.TABLE_MARGINS.right


def add_table(word: Document, model: Table) -> None:
    """Append `model` as a full-width table with fixed column widths."""
    widths = _widths(model.columns)
    table = word.add_table(rows=0, cols=len(model.columns))._tbl
    # By id: setting a style object makes python-docx scan every style, for every table.
    table.tblPr.style = "TableGrid"
    ox.set_attributes(ox.tblpr_child(table.tblPr, "tblLayout"), {"type": "fixed"})
    for column, width in zip(table.tblGrid.gridCol_lst, widths, strict=True):
        column.w = width * 635  # twips to EMU, as python-docx stores lengths
    header = _row(table, header=True)
    for column, width in zip(model.columns, widths, strict=True):
        _cell(header, [Segment(column.header)], st.TABLE_HEADER, "center", width, fill=HEADER_FILL)
    for row in model.rows:
        _body_row(table, row, model.columns, widths)


def _sub(parent: Any, tag: str) -> Any:
    element = OxmlElement(tag)
    parent.append(element)
    return element


def _widths(columns: tuple[Column, ...]) -> list[int]:
    """Column widths in twips, in proportion to the columns' width hints."""
    total = sum(column.width for column in columns)
    text_width = _TEXT_WIDTH_MM / 25.4 * 1440
    return [round(text_width * column.width / total) for column in columns]


def _body_row(table: Any, row: Row, columns: tuple[Column, ...], widths: list[int]) -> None:
    tr = _row(table)
    if row.kind == "section":
        cell = _cell(
            tr,
            list(row.cells[0].segments),
            st.TABLE_TEXT,
            "left",
            sum(widths),
            span=len(columns),
            fill=SECTION_FILL,
        )
        face = gb.HEITI if row.level <= 1 else gb.KAITI
        for rPr in cell.iter(qn("w:rPr")):
            ox.set_face(rPr, face)
        return
    for value, column, width in zip(row.cells, columns, widths, strict=False):
        _cell(tr, list(value.segments), st.TABLE_TEXT, column.align, width)


def _row(table: Any, *, header: bool = False) -> Any:
    tr = _sub(table, "w:tr")
    properties = _sub(tr, "w:trPr")
    if header:
        ox.repeat_as_header(properties)
    return tr


def _cell(
    tr: Any,
    segments: list[Segment],
    style: str,
    align: str,
    width: int,
    *,
    span: int = 1,
    fill: str | None = None,
) -> Any:
    tc = _sub(tr, "w:tc")
    properties = _sub(tc, "w:tcPr")
    ox.set_attributes(_sub(properties, "w:tcW"), {"w": width, "type": "dxa"})
    if span > 1:
        ox.set_attributes(_sub(properties, "w:gridSpan"), {"val": span})
    if fill:
        ox.shade_cell(properties, fill)
    for line in lines(segments):
        _paragraph(tc, line, style, align)
    return tc


def _paragraph(tc: Any, line: list[Segment], style: str, align: str) -> None:
    p = _sub(tc, "w:p")
    properties = _sub(p, "w:pPr")
    ox.set_attributes(_sub(properties, "w:pStyle"), {"val": st.style_id(style)})
    if align == "center":
        ox.set_attributes(_sub(properties, "w:jc"), {"val": "center"})
    for segment in line:
        run = _sub(p, "w:r")
        run_properties = _sub(run, "w:rPr")
        for flag in _MARK_PROPERTIES.get(segment.mark, ()):
            if flag == "u":
                ox.set_attributes(ox.rpr_child(run_properties, "u"), {"val": "single"})
            else:
                ox.set_flag(run_properties, flag)
        text = _sub(run, "w:t")
        text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        text.text = xml_safe(segment.text)
