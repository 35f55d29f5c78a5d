"""Word output: the notice as a GB/T 9704 document, and any `TableDocument` as landscape tables.

Built with python-docx rather than filled into a Word template (docxtpl): the layout
rules — the grid, the red header, the 版记 rules, alternating page numbers, character-unit
indents, east-Asian fonts — are code reviewed in git instead of formatting hidden in a
binary file, plan text can only ever become text runs, and an office still restyles the
result in Word through its named styles.
"""

from __future__ import annotations

import datetime
import io
from typing import Any

from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK

from planctl.render import gbt9704 as gb
from planctl.render.archive import repackage
from planctl.render.docx import ooxml as ox
from planctl.render.docx import styles as st
from planctl.render.docx.tables import add_table
from planctl.render.job import Job
from planctl.render.markup import property_text, xml_safe
from planctl.render.table import TableDocument

TEXT_WIDTH_TWIPS = round(gb.TEXT_WIDTH_MM * gb.PT_PER_MM * st.TWIPS_PER_PT)
IMPRINT_CHAR_TWIPS = round(gb.IMPRINT_PT * st.TWIPS_PER_PT)
THICK_EIGHTHS = round(gb.THICK_RULE_MM * gb.PT_PER_MM * 8)
THIN_EIGHTHS = round(gb.THIN_RULE_MM * gb.PT_PER_MM * 8)


def notice(job: Job) -> bytes:
    """The notice on the page model, with the pages of the Typst PDF (`docx.notice`)."""
    from planctl.render.docx.notice import NoticeWriter, layout_for

    document = st.new_document("portrait")
    view, stage = job.notice, job.source.plan.stage
    deadlines, sealed, annex = job.deadlines, job.sealed, job.annex
    layout = layout_for(
        view, job.plan, stage=stage, deadlines=deadlines, sealed=sealed, annex=annex
    )
    writer = NoticeWriter(
        document, layout=layout, stage=stage, deadlines=deadlines, sealed=sealed, annex=annex
    )
    writer.write(view, job.plan)
    return _save(document, view.title_lines, view.signer, view.signed_on)


def table(job: Job) -> bytes:
    return write_tables(job.table, author=job.plan.issuer, stage=job.source.plan.stage)


def units(job: Job) -> bytes:
    return write_tables(job.units, author=job.plan.issuer, stage=job.source.plan.stage)


def revision(job: Job) -> bytes:
    return write_tables(job.revision, author=job.plan.issuer, stage=job.source.plan.stage)


# --- paragraphs and runs ------------------------------------------------------------------


def _paragraph(container: Any, text: str = "", style: str | None = None) -> Any:
    paragraph = container.add_paragraph()
    _style(paragraph, style)
    if text:
        _run(paragraph, text)
    return paragraph


def _style(paragraph: Any, style: str | None) -> None:
    # By id: python-docx looks a style name up by scanning every style, each time.
    if style is not None:
        paragraph._p.get_or_add_pPr().style = st.style_id(style)


def _run(paragraph: Any, text: str, character_style: str | None = None) -> Any:
    run = paragraph.add_run(xml_safe(text))
    if character_style:
        run._r.get_or_add_rPr().style = st.style_id(character_style)
    return run


def _gap(paragraph: Any, lines_before: float) -> Any:
    ox.space_before_lines(paragraph._p.get_or_add_pPr(), lines_before, st.LINE_PITCH_TWIPS)
    return paragraph


def _lines(paragraph: Any, texts: tuple[str, ...]) -> Any:
    """One paragraph, its lines separated by line breaks (a wrapped title)."""
    for index, text in enumerate(texts):
        run = _run(paragraph, text)
        if index < len(texts) - 1:
            run.add_break(WD_BREAK.LINE)
    return paragraph


# --- tables --------------------------------------------------------------------------------


def write_tables(
    document: TableDocument,
    *,
    author: str = "",
    date: datetime.date | None = None,
    stage: str = "issued",
) -> bytes:
    """Any `TableDocument` as landscape A4 pages: its title, then each table under its own
    heading (each after the first on a new page), header rows repeated on every page; a
    plan not yet issued marked 征求意见稿 or 送审稿 at the top right, as its notice."""
    from planctl.render.typeset import DRAFT_MARKS

    word = st.new_document("landscape")
    if stage in DRAFT_MARKS:
        mark = _paragraph(word, DRAFT_MARKS[stage], st.ATTACHMENT_LABEL)
        mark.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _lines(_paragraph(word, style=st.TITLE), document.title_lines or (document.title,))
    if document.subtitle:
        _paragraph(word, document.subtitle, st.TABLE_NOTE)
    for index, table_ in enumerate(document.tables):
        if table_.title:
            heading = _gap(_paragraph(word, table_.title, st.TABLE_HEADING), 1)
            heading.paragraph_format.page_break_before = index > 0
        if table_.note:
            _paragraph(word, table_.note, st.TABLE_NOTE)
        add_table(word, table_)
    return _save(word, (document.title,), author, date)


# --- saving ------------------------------------------------------------------------------


def _save(
    document: Document, title: tuple[str, ...], author: str, date: datetime.date | None
) -> bytes:
    """The .docx bytes, with document properties set and the same bytes for the same plan."""
    properties = document.core_properties
    properties.title = property_text("".join(title))
    properties.author = property_text(author)
    properties.last_modified_by = property_text(author)
    properties.comments = ""
    properties.revision = 1
    moment = datetime.datetime.combine(date or datetime.date(2000, 1, 1), datetime.time())
    properties.created = moment
    properties.modified = moment
    buffer = io.BytesIO()
    document.save(buffer)
    faces = gb.FACES.values()
    return repackage(buffer.getvalue(), {"word/fontTable.xml": ox.font_table(faces)})
