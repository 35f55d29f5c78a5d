"""A Word document set up for GB/T 9704: A4 pages, margins, grid, named styles, page numbers.

Body text uses Word's built-in Normal style and headings its built-in Heading 1-4 (Word
and WPS in Chinese show them as 正文 and 标题 1-4), so the navigation pane and the table
of contents work and an office restyles a document by editing styles. The elements of
the 版头, 主体 and 版记 have styles of their own, named in Chinese (发文机关标志, 发文字号,
公文标题 …). Every style sets its face on the east-Asian slot.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

import docx
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from planctl.render import gbt9704 as gb
from planctl.render.docx import ooxml as ox
from planctl.render.gbt9704 import Face

Page = Literal["portrait", "landscape"]

TWIPS_PER_PT = 20
LINE_PITCH_TWIPS = int(gb.LINE_PITCH_PT * TWIPS_PER_PT)  # rounded down: 22 lines must fit
# 28 characters to the line. Word's character grid (docGrid linesAndChars with a negative
# charSpace) squeezes 三号 characters into the 15.79 pt pitch, but LibreOffice gives each
# one two cells and sets 14 to the line; characters condensed by 0.25 pt on a line grid
# come out 28 to the line in Word, WPS and LibreOffice alike.
CONDENSED_TWIPS = -round(gb.condensed_by_pt(gb.BODY_PT) * TWIPS_PER_PT)
PAGE_NUMBER_LINE_PT = gb.PAGE_NUMBER_PT * 1.2
FOOTER_DISTANCE_MM = gb.MARGINS.bottom - gb.PAGE_NUMBER_GAP_MM - PAGE_NUMBER_LINE_PT / gb.PT_PER_MM

MARK = "发文机关标志"
DOC_NUMBER = "发文字号"
TITLE = "公文标题"
RECIPIENTS = "主送机关"
ATTACHMENT_NOTE = "附件说明"
SIGNATURE = "发文机关署名"
DATE = "成文日期"
NOTE = "附注"
ATTACHMENT_LABEL = "附件标识"
IMPRINT = "版记"
PAGE_NUMBER = "页码"
TABLE_HEADING = "表格标题"
TABLE_NOTE = "表格说明"
TABLE_TEXT = "表格文字"
TABLE_HEADER = "表头"


@dataclass(frozen=True, slots=True)
class StyleSpec:
    face: Face
    size: float = gb.BODY_PT
    align: Literal["left", "center", "right", "justify"] = "left"
    first_line_chars: int = 0  # first-line indent, hundredths of a character
    color: str = "000000"
    on_grid: bool = True  # off the grid: `line_pt` exactly, or single spacing when None
    line_pt: float | None = None


_ALIGNMENTS = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}

PARAGRAPH_STYLES: dict[str, StyleSpec] = {
    MARK: StyleSpec(gb.XIAOBIAOSONG, gb.MARK_MAX_PT, "center", color=gb.RED, on_grid=False),
    DOC_NUMBER: StyleSpec(gb.FANGSONG, align="center"),
    TITLE: StyleSpec(
        gb.XIAOBIAOSONG, gb.TITLE_PT, "center", on_grid=False, line_pt=gb.LINE_PITCH_PT
    ),
    RECIPIENTS: StyleSpec(gb.FANGSONG, align="justify"),
    ATTACHMENT_NOTE: StyleSpec(gb.FANGSONG),
    SIGNATURE: StyleSpec(gb.FANGSONG, align="right"),
    DATE: StyleSpec(gb.FANGSONG, align="right"),
    NOTE: StyleSpec(gb.FANGSONG, first_line_chars=200),
    ATTACHMENT_LABEL: StyleSpec(gb.HEITI),
    IMPRINT: StyleSpec(
        gb.FANGSONG, gb.IMPRINT_PT, "justify", on_grid=False, line_pt=gb.LINE_PITCH_PT
    ),
    PAGE_NUMBER: StyleSpec(gb.SONGTI, gb.PAGE_NUMBER_PT, on_grid=False),
    TABLE_HEADING: StyleSpec(gb.HEITI, gb.BODY_PT, "center", on_grid=False),
    TABLE_NOTE: StyleSpec(gb.KAITI, gb.SIZE_4, "center", on_grid=False),
    TABLE_TEXT: StyleSpec(gb.FANGSONG, gb.TABLE_PT, on_grid=False),
    TABLE_HEADER: StyleSpec(gb.HEITI, gb.TABLE_PT, "center", on_grid=False),
}


def style_id(name: str) -> str:
    """The id of a style named here or built in (Heading 1 → Heading1; 版记 → 版记), as
    python-docx gives ids to the styles it adds: the name without spaces."""
    return name.replace(" ", "")


def new_document(page: Page) -> Document:
    """An empty document with the GB/T 9704 styles and a first section set up for `page`."""
    document = docx.Document()
    _drop_thumbnail(document)
    _set_defaults(document)
    for level, face in gb.HEADING_FACES.items():
        _heading_style(document, level, face)
    for name, spec in PARAGRAPH_STYLES.items():
        style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = document.styles["Normal"]
        _apply(style, spec)
    document.settings.odd_and_even_pages_header_footer = True
    set_up_section(document.sections[0], page)
    return document


def _drop_thumbnail(document: Document) -> None:
    """python-docx's template carries a thumbnail of another document; leave it out."""
    rels = document.part.package.rels
    for key in [k for k, rel in rels.items() if rel.reltype.endswith("/thumbnail")]:
        del rels[key]


def _set_defaults(document: Document) -> None:
    defaults = document.styles.element.find(qn("w:docDefaults"))
    run_defaults = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    ox.set_face(run_defaults, gb.FANGSONG)
    ox.set_size(run_defaults, gb.BODY_PT)
    ox.set_language(run_defaults)
    spacing = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
    ox.set_attributes(spacing, {"before": 0, "after": 0, "line": 240, "lineRule": "auto"})
    _apply(document.styles["Normal"], StyleSpec(gb.FANGSONG, align="justify", first_line_chars=200))


def _heading_style(document: Document, level: int, face: Face) -> None:
    """标题 n: the level's face at 三号, indented like the text, never bold or coloured."""
    spec = StyleSpec(face, align="justify", first_line_chars=200)
    _apply(document.styles[f"Heading {level}"], spec)
    character = document.styles[f"Heading {level} Char"]
    _apply_run(character.element.get_or_add_rPr(), spec)


def _apply(style: Any, spec: StyleSpec) -> None:
    style.quick_style = True
    paragraph = style.paragraph_format
    paragraph.alignment = _ALIGNMENTS[spec.align]
    paragraph.space_before = Pt(0)
    paragraph.space_after = Pt(0)
    pPr = style.element.get_or_add_pPr()
    ox.indent_chars(pPr, spec.size, firstLineChars=spec.first_line_chars)
    ox.snap_to_grid(pPr, spec.on_grid)
    if not spec.on_grid:
        # A fixed line keeps a title on the page's line rhythm whatever the face's metrics.
        paragraph.line_spacing = Pt(spec.line_pt) if spec.line_pt else 1.0
    _apply_run(style.element.get_or_add_rPr(), spec)


def _apply_run(rPr: Any, spec: StyleSpec) -> None:
    ox.set_face(rPr, spec.face)
    ox.set_size(rPr, spec.size)
    if spec.on_grid and spec.size == gb.BODY_PT:
        ox.set_attributes(ox.rpr_child(rPr, "spacing"), {"val": CONDENSED_TWIPS})
    ox.set_flag(rPr, "b", False)
    ox.set_flag(rPr, "bCs", False)
    ox.set_color(rPr, spec.color)


# --- sections --------------------------------------------------------------------------


def set_up_section(section: Any, page: Page) -> None:
    """A4 in `page` orientation with the standard's margins (portrait) or the table margins
    (landscape), a grid of 22 lines to the page, and page numbers — N — on the outer side:
    right on odd pages, left on even pages."""
    portrait = page == "portrait"
    section.orientation = WD_ORIENT.PORTRAIT if portrait else WD_ORIENT.LANDSCAPE
    width, height = Mm(gb.PAGE_WIDTH_MM), Mm(gb.PAGE_HEIGHT_MM)
    section.page_width, section.page_height = (width, height) if portrait else (height, width)
    margins = gb.MARGINS if portrait else gb.TABLE_MARGINS
    section.top_margin, section.bottom_margin = Mm(margins.top), Mm(margins.bottom)
    section.left_margin, section.right_margin = Mm(margins.left), Mm(margins.right)
    section.header_distance = Mm(margins.top / 2)
    section.footer_distance = Mm(FOOTER_DISTANCE_MM if portrait else margins.bottom / 2)
    ox.document_grid(section._sectPr, LINE_PITCH_TWIPS)
    _page_number(section.footer, "right")
    _page_number(section.even_page_footer, "left")


def _page_number(footer: Any, side: Literal["left", "right"]) -> None:
    footer.is_linked_to_previous = False
    paragraph = footer.paragraphs[0]
    paragraph.style = PAGE_NUMBER
    paragraph.alignment = _ALIGNMENTS[side]
    paragraph.paragraph_format.line_spacing = Pt(PAGE_NUMBER_LINE_PT)
    one_char = round(gb.PAGE_NUMBER_PT * TWIPS_PER_PT)  # one 四号 character in from the edge
    ox.indent_twips(paragraph._p.get_or_add_pPr(), **{side: one_char})
    paragraph.add_run(f"{gb.PAGE_NUMBER_DASH} ")
    ox.add_field(paragraph, "PAGE")
    paragraph.add_run(f" {gb.PAGE_NUMBER_DASH}")


def clear_footers(section: Any) -> None:
    """No page numbers in this section (the 版记 page carries none)."""
    for footer in (section.footer, section.even_page_footer):
        footer.is_linked_to_previous = False
        for paragraph in footer.paragraphs:
            for run in list(paragraph.runs):
                run._r.getparent().remove(run._r)
