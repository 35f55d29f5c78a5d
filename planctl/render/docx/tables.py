"""Word tables from the format-neutral table model, written as WordprocessingML directly.

python-docx's cell API recomputes the table grid on every access, which made a plan's
per-unit lists take seconds; building each row's XML with lxml takes milliseconds.
Section rows are one cell spanning the grid (w:gridSpan), kept with the row after them
(w:keepNext); the header row repeats on every page (w:tblHeader) and no row splits across
a page (w:cantSplit); marks become run
properties (bold, underline, strike); a phrase kept on one line (a deadline) has its
characters joined (`planctl.render.unbreakable`) in a column at least as wide as it.
"""

from __future__ import annotations

from typing import Any

from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from planctl.render import gbt9704 as gb
from planctl.render.docx import ooxml as ox
from planctl.render.docx import styles as st
from planctl.render.docx.rows import keep_whole, repeat_on_every_page
from planctl.render.markup import xml_safe
from planctl.render.page_model import PAGE
from planctl.render.table import Column, Row, Segment, Table, column_widths, lines
from planctl.render.unbreakable import joined

HEADER_FILL = "D9D9D9"
SECTION_FILL = "F2F2F2"
_MARK_PROPERTIES = {"strong": ("b",), "insert": ("b", "u"), "delete": ("strike",)}
_TEXT_WIDTH_MM = gb.PAGE_HEIGHT_MM - gb.TABLE_MARGINS.left - gb.TABLE_MARGINS.right
# Lines and cell margins of the page model, as the Typst tables have them, so that Word
# and the PDF break a table into the same pages.
_LINE_TWIPS = round(PAGE.tables.line_pt * st.TWIPS_PER_PT)
_INSET_X_TWIPS = round(PAGE.tables.cell_inset_x_pt * st.TWIPS_PER_PT)
_INSET_Y_TWIPS = round(PAGE.tables.cell_inset_y_pt * st.TWIPS_PER_PT)


def add_table(word: Document, model: Table, *, width_mm: float = _TEXT_WIDTH_MM) -> None:
    """Append `model` as a table `width_mm` wide (the landscape page's text width unless
    told) with fixed column widths."""
    widths = _widths(model, width_mm)
    table = word.add_table(rows=0, cols=len(model.columns))._tbl
    # By id: setting a style object makes python-docx scan every style, for every table.
    table.tblPr.style = "TableGrid"
    ox.set_attributes(ox.tblpr_child(table.tblPr, "tblLayout"), {"type": "fixed"})
    margins = ox.tblpr_child(table.tblPr, "tblCellMar")
    for side, twips in (
        ("top", _INSET_Y_TWIPS),
        ("left", _INSET_X_TWIPS),
        ("bottom", _INSET_Y_TWIPS),
        ("right", _INSET_X_TWIPS),
    ):
        margin = ox.child(margins, side, ox.CELL_MARGIN_ORDER)
        ox.set_attributes(margin, {"w": twips, "type": "dxa"})
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


def _widths(model: Table, width_mm: float) -> list[int]:
    """Column widths in twips: the columns' width hints, widened where a kept phrase
    needs it (`table.column_widths`), in characters of the table's text size."""
    text_width = width_mm / 25.4 * 1440
    char = gb.TABLE_PT * st.TWIPS_PER_PT
    chars = column_widths(model, text_width / char)
    exact = [round(width * char) for width in chars]
    exact[-1] += round(text_width) - sum(exact)  # rounding never widens the table
    return exact


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
        # Never alone at the foot of a page: kept with the row after it.
        for pPr in cell.iter(qn("w:pPr")):
            ox.keep_with_next(pPr)
        return
    for value, column, width in zip(row.cells, columns, widths, strict=False):
        _cell(tr, list(value.segments), st.TABLE_TEXT, column.align, width)


def _row(table: Any, *, header: bool = False) -> Any:
    tr = _sub(table, "w:tr")
    properties = _sub(tr, "w:trPr")
    keep_whole(properties)
    if header:
        repeat_on_every_page(properties)
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
    spacing = {"before": 0, "after": 0, "line": _LINE_TWIPS, "lineRule": "exact"}
    ox.set_attributes(_sub(properties, "w:spacing"), spacing)
    if align == "center":
        ox.set_attributes(_sub(properties, "w:jc"), {"val": "center"})
    for index, segment in enumerate(line):
        run = _sub(p, "w:r")
        run_properties = _sub(run, "w:rPr")
        for flag in _MARK_PROPERTIES.get(segment.mark, ()):
            if flag == "u":
                ox.set_attributes(ox.rpr_child(run_properties, "u"), {"val": "single"})
            else:
                ox.set_flag(run_properties, flag)
        text = _sub(run, "w:t")
        text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        kept = joined(segment.text, after_text=index > 0) if segment.keep else segment.text
        text.text = xml_safe(kept)
