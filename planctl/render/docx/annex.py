"""The 责任分工表 bound into the Word notice as its last 附件, on landscape pages.

The pages are those of the Typst PDF (`planctl.render.typeset.BOUND`): a section of its
own, A4 turned (python-docx orientation, width and height swapped), the portrait 版心
turned a quarter so that its top faces the binding edge of an odd page. The page numbers
continue and keep the place the portrait pages give them (GB/T 9704-2012 §8): on the
turned page that is along its left edge, so each footer holds a text box, anchored to
the page, whose text runs top to bottom (DrawingML `vert="vert"`), 7 mm outside the
turned 版心, one character in from its outer end: the lower end on odd pages, the upper
end on even pages.
"""

from __future__ import annotations

from typing import Any

from docx.document import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.oxml import parse_xml
from docx.shared import Mm

from planctl.render import typeset
from planctl.render.docx import ooxml as ox
from planctl.render.docx import styles as st
from planctl.render.docx.tables import add_table
from planctl.render.markup import xml_safe
from planctl.render.page_model import PAGE, PageModel
from planctl.render.table import TableDocument

EMU_PER_MM = 36000
NUMBER_BOX_MM = 10.0  # the text box's depth across the turned line (the number is 14 pt)
_NAMESPACES = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
)


def write_annex(
    document: Document, annex: TableDocument, label: str, model: PageModel = PAGE
) -> None:
    """Append `annex` under its label (附件2) on landscape pages of a section of its own."""
    frame = typeset.BOUND
    section = document.add_section(WD_SECTION.NEW_PAGE)
    _take_no_room(document.paragraphs[-1])  # the paragraph ending the plan's section
    set_up_turned_section(section, frame, model)
    _paragraph(document, label, st.ATTACHMENT_LABEL)
    title = _paragraph(document, "", st.TITLE)
    ox.space_before_lines(
        title._p.get_or_add_pPr(), model.attachment.title_line - 1, st.LINE_PITCH_TWIPS
    )
    lines = typeset.table_document_data(annex, frame)["title_lines"]
    for index, line in enumerate(lines):
        run = title.add_run(xml_safe(line))
        if index < len(lines) - 1:
            run.add_break()
    if annex.subtitle:
        _paragraph(document, annex.subtitle, st.TABLE_NOTE)
    width_mm = frame.page_width_mm - frame.left_mm - frame.right_mm
    for index, table in enumerate(annex.tables):
        if table.title:
            heading = _paragraph(document, table.title, st.TABLE_HEADING)
            heading.paragraph_format.page_break_before = index > 0
        if table.note:
            _paragraph(document, table.note, st.TABLE_NOTE)
        add_table(document, table, width_mm=width_mm)


def _take_no_room(paragraph: Any) -> None:
    ox.set_attributes(
        ox.ppr_child(paragraph._p.get_or_add_pPr(), "spacing"),
        {"before": 0, "after": 0, "line": 2, "lineRule": "exact"},
    )


def _paragraph(document: Document, text: str, style: str) -> Any:
    paragraph = document.add_paragraph()
    paragraph._p.get_or_add_pPr().style = st.style_id(style)
    if text:
        paragraph.add_run(xml_safe(text))
    return paragraph


def set_up_turned_section(section: Any, frame: typeset.TableFrame, model: PageModel) -> None:
    """A4 landscape with the turned 版心's margins and the turned page numbers."""
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width = Mm(frame.page_width_mm)
    section.page_height = Mm(frame.page_height_mm)
    section.top_margin, section.bottom_margin = Mm(frame.top_mm), Mm(frame.bottom_mm)
    section.left_margin, section.right_margin = Mm(frame.left_mm), Mm(frame.right_mm)
    section.header_distance = Mm(frame.top_mm / 2)
    section.footer_distance = Mm(frame.bottom_mm / 2)
    for footer, odd in ((section.footer, True), (section.even_page_footer, False)):
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        for run in list(paragraph.runs):
            run._r.getparent().remove(run._r)
        paragraph._p.append(turned_number(frame, model, odd=odd))


def turned_number(frame: typeset.TableFrame, model: PageModel, *, odd: bool) -> Any:
    """A run holding the page-anchored text box with — PAGE — turned a quarter."""
    paper, number = model.paper, model.page_number
    # The dashes' middle 7 mm below the portrait 版心: on the turned page, that far to the
    # left of the turned 版心's left edge.
    middle = frame.page_width_mm - (paper.top_mm + paper.block_height_mm + number.gap_mm)
    x = round((middle - NUMBER_BOX_MM / 2) * EMU_PER_MM)
    y = round(paper.left_mm * EMU_PER_MM)
    depth = round(NUMBER_BOX_MM * EMU_PER_MM)
    length = round(paper.block_width_mm * EMU_PER_MM)
    inset = round(number.inset_chars * number.size_pt * st.TWIPS_PER_PT)
    side = "right" if odd else "left"
    dash = xml_safe(number.dash)
    box_id = 9001 if odd else 9002
    return parse_xml(
        f"<w:r {_NAMESPACES}><w:drawing>"
        '<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" '
        'relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="page"><wp:posOffset>{x}</wp:posOffset></wp:positionH>'
        f'<wp:positionV relativeFrom="page"><wp:posOffset>{y}</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{depth}" cy="{length}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:wrapNone/><wp:docPr id="{box_id}" name="页码 {box_id}"/><wp:cNvGraphicFramePr/>'
        "<a:graphic><a:graphicData "
        'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr>'
        f'<a:xfrm><a:off x="0" y="0"/><a:ext cx="{depth}" cy="{length}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln>'
        "</wps:spPr><wps:txbx><w:txbxContent>"
        f'<w:p><w:pPr><w:pStyle w:val="{st.style_id(st.PAGE_NUMBER)}"/>'
        f'<w:ind w:{side}="{inset}"/><w:jc w:val="{side}"/></w:pPr>'
        f'<w:r><w:t xml:space="preserve">{dash} </w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        f'<w:r><w:t xml:space="preserve"> {dash}</w:t></w:r></w:p>'
        "</w:txbxContent></wps:txbx>"
        '<wps:bodyPr rot="0" vert="vert" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" '
        'anchor="ctr"><a:noAutofit/></wps:bodyPr>'
        "</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"
    )
