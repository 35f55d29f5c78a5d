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
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_BREAK
from docx.shared import Mm, Pt

from planctl.render import gbt9704 as gb
from planctl.render.archive import repackage
from planctl.render.context import NoticeView, PlanView, SectionView, TaskView
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
    document = st.new_document("portrait")
    view = job.notice
    _front(document, view)
    _attachment(document, view, job.plan)
    _imprint(document, view)
    return _save(document, view.title_lines, view.signer, view.signed_on)


def table(job: Job) -> bytes:
    return write_tables(job.table, author=job.plan.issuer)


def units(job: Job) -> bytes:
    return write_tables(job.units, author=job.plan.issuer)


def revision(job: Job) -> bytes:
    return write_tables(job.revision, author=job.plan.issuer)


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


# --- the notice --------------------------------------------------------------------------


def _front(document: Document, view: NoticeView) -> None:
    """版头 and 主体: mark, number, red rule, title, recipients, text, attachments, signature."""
    document.styles[st.MARK].font.size = Pt(view.mark_size_pt)
    mark = _paragraph(document, view.mark, st.MARK)
    mark.paragraph_format.space_before = Mm(gb.MARK_TOP_MM)
    number = _gap(_paragraph(document, view.doc_number, st.DOC_NUMBER), 2)
    rule_eighths = round(gb.RED_RULE_PT * 8)
    ox.border(
        number._p.get_or_add_pPr(),
        "bottom",
        rule_eighths,
        gb.RED,
        space=round(gb.RED_RULE_GAP_MM * gb.PT_PER_MM),
    )
    _gap(_lines(_paragraph(document, style=st.TITLE), view.title_lines), 2)
    if view.recipients:
        _gap(_paragraph(document, view.recipients, st.RECIPIENTS), 1)
    for index, text in enumerate(view.paragraphs):
        paragraph = _paragraph(document, text)
        if index == 0 and not view.recipients:
            _gap(paragraph, 1)
    _attachment_note(document, view.attachments)
    _signature(document, view)


def _attachment_note(document: Document, names: tuple[str, ...]) -> None:
    """附件：name, or 附件：1.name with later numbers under the first, wrapped lines under
    the names (GB/T 9704-2012, 7.3.4)."""
    label = "附件："
    for index, name in enumerate(names, start=1):
        number = f"{index}." if len(names) > 1 else ""
        text = (label if index == 1 else "") + number + name
        paragraph = _paragraph(document, text, st.ATTACHMENT_NOTE)
        hanging = (300 if index == 1 else 0) + (100 if number else 0)
        ox.indent_chars(
            paragraph._p.get_or_add_pPr(),
            gb.BODY_PT,
            leftChars=200 + 300 + (100 if number else 0),
            hangingChars=hanging,
        )
        if index == 1:
            _gap(paragraph, 1)


def _signature(document: Document, view: NoticeView) -> None:
    signer = _gap(_paragraph(document, view.signer, st.SIGNATURE), 1)
    ox.indent_chars(
        signer._p.get_or_add_pPr(), gb.BODY_PT, rightChars=round(view.signer_indent * 100)
    )
    date = _paragraph(document, view.date, st.DATE)
    ox.indent_chars(date._p.get_or_add_pPr(), gb.BODY_PT, rightChars=round(view.date_indent * 100))
    if view.note:
        _paragraph(document, view.note, st.NOTE)


def _attachment(document: Document, view: NoticeView, plan: PlanView) -> None:
    """附件 on a new page: label, the plan's title on the third line, then the plan."""
    label = _paragraph(document, view.attachment_label, st.ATTACHMENT_LABEL)
    label.paragraph_format.page_break_before = True
    _gap(_lines(_paragraph(document, style=st.TITLE), plan.title_lines), 1)
    first = True
    for part in plan.preamble:
        _section(document, part, gap=first)
        first = False
    for section in plan.sections:
        _section(document, section, gap=first)
        first = False


def _section(document: Document, section: SectionView, *, gap: bool = False) -> None:
    blocks = []
    if section.title:
        blocks.append(
            _paragraph(document, section.number + section.title, f"Heading {section.level}")
        )
    blocks.extend(_paragraph(document, text) for text in section.paragraphs)
    if gap and blocks:
        _gap(blocks[0], 1)
    for task in section.tasks:
        _task(document, task)
    for child in section.sections:
        _section(document, child)


def _task(document: Document, task: TaskView) -> None:
    """The number and heading as a run in the level's heading face, then the text, then
    the owners: （一）确保完成指标任务。采取有效措施……（各指标监测落实部门负责）"""
    texts = task.paragraphs or ("",)
    for index, text in enumerate(texts):
        paragraph = _paragraph(document)
        if index == 0:
            _run(paragraph, task.number + task.heading, f"Heading {task.level} Char")
        _run(paragraph, text + (task.owners if index == len(texts) - 1 else ""))


def _imprint(document: Document, view: NoticeView) -> None:
    """版记 on an even page of its own, set at the bottom, without a page number: 抄送 and
    印发机关/印发日期 between a thick first and last rule, thin rules between."""
    if not (view.keywords or view.cc or view.printer or view.printed):
        return
    section = document.add_section(WD_SECTION.EVEN_PAGE)
    st.clear_footers(section)
    ox.align_bottom(section._sectPr)
    rows = []
    if view.keywords:
        rows.append(_keywords(document, view.keywords))
    if view.cc:
        rows.append(_cc(document, view.cc))
    if view.printer or view.printed:
        rows.append(_printing(document, view.printer, view.printed))
    _imprint_rules([row._p.get_or_add_pPr() for row in rows])


def _keywords(document: Document, keywords: str) -> Any:
    """主题词 (documents before 2012): the label in 黑体, the words in 小标宋, 三号."""
    row = _paragraph(document, style=st.IMPRINT)
    for text, face in (("主题词：", gb.HEITI), (keywords, gb.XIAOBIAOSONG)):
        run = _run(row, text)
        ox.set_face(run._r.get_or_add_rPr(), face)
        run.font.size = Pt(gb.BODY_PT)
    return row


def _cc(document: Document, cc: str) -> Any:
    """抄送：… one character in from both sides; wrapped lines align after the colon."""
    row = _paragraph(document, f"抄送：{cc}", st.IMPRINT)
    hanging = 3 * IMPRINT_CHAR_TWIPS
    ox.indent_twips(
        row._p.get_or_add_pPr(),
        left=IMPRINT_CHAR_TWIPS + hanging,
        hanging=hanging,
        right=IMPRINT_CHAR_TWIPS,
    )
    return row


def _printing(document: Document, printer: str, printed: str) -> Any:
    """印发机关 one character in from the left, 印发日期 one character in from the right."""
    row = _paragraph(document, f"{printer}\t{printed}", st.IMPRINT)
    pPr = row._p.get_or_add_pPr()
    ox.indent_twips(pPr, left=IMPRINT_CHAR_TWIPS, right=IMPRINT_CHAR_TWIPS)
    ox.right_tab(pPr, TEXT_WIDTH_TWIPS - IMPRINT_CHAR_TWIPS)
    return row


def _imprint_rules(rows: list[Any]) -> None:
    ox.border(rows[0], "top", THICK_EIGHTHS)
    for row in rows[:-1]:
        ox.border(row, "bottom", THIN_EIGHTHS)
    ox.border(rows[-1], "bottom", THICK_EIGHTHS)


# --- tables --------------------------------------------------------------------------------


def write_tables(
    document: TableDocument, *, author: str = "", date: datetime.date | None = None
) -> bytes:
    """Any `TableDocument` as landscape A4 pages: its title, then each table under its own
    heading (each after the first on a new page), header rows repeated on every page."""
    word = st.new_document("landscape")
    _lines(_paragraph(word, style=st.TITLE), (document.title,))
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
