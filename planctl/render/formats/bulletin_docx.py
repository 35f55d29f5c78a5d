"""The 督查通报 and the 催办通知 in Word, on the page model as the notice is
(`planctl.render.docx.notice.NoticeWriter` lays out the 版头, the text, the 附件说明, the
signature and the 版记); where the 版记 goes is decided by the Typst probe of the same
document (`planctl.render.bulletin_typeset`), so that Word and PDF agree on it. The
督查简报's masthead is set here on the grid lines `bulletin_typeset.JIANBAO` gives."""

from __future__ import annotations

from typing import Any

from docx.shared import Pt

from planctl.render.docx.notice import NoticeWriter
from planctl.render.page_model import PAGE, mm_to_pt
from planctl.supervision.document import AttachmentTable, Paper

TWIPS = 20


def paper(model: Paper) -> bytes:
    from planctl.fonts import discover
    from planctl.render.bulletin_typeset import laid_out
    from planctl.render.docx import styles as st
    from planctl.render.docx.notice import Layout
    from planctl.render.formats.docx import _save

    data, found = laid_out(model, discover(model.repository))
    layout = Layout.from_probe(data["layout"], found, {})  # Word breaks its own lines
    document = st.new_document("portrait")
    view = notice_view(model)
    writer = _PaperWriter(document, layout=layout, stage="issued", deadlines=False, sealed=False)
    writer.write_paper(model, view)
    return _save(document, view.title_lines, model.issuer, model.date)


def notice_view(model: Paper) -> Any:
    """The paper's 版头, closing and 版记 as the notice writer reads them."""
    from planctl.render.bulletin_typeset import mark_size, signature_indents, title_lines
    from planctl.render.context import NoticeView

    signer_indent, date_indent = signature_indents(model.issuer, model.date_words)
    return NoticeView(
        mark=model.mark,
        mark_size_pt=mark_size(model.mark),
        doc_number=model.doc_number,
        title_lines=tuple(title_lines(model.title)),
        recipients=model.recipients,
        paragraphs=(),
        attachments=model.attachment_names,
        signer=model.issuer,
        date=model.date_words,
        signed_on=model.date,
        signer_indent=signer_indent,
        date_indent=date_indent,
        note="",
        keywords="",
        cc=model.cc,
        printer=model.issuer,
        printed=f"{model.date_words}印发",
    )


class _PaperWriter(NoticeWriter):
    """The notice writer, with the bulletin's body, masthead and tables."""

    def write_paper(self, model: Paper, view: Any) -> None:
        if model.layout == "jianbao":
            self._jianbao(model, view)
        else:
            self._masthead(view)
        self._text(model, view)
        for table in model.attachments:
            self._table(table)
        ends_in_table = bool(model.attachments and model.attachments[-1].rows)
        if ends_in_table and self.layout.imprint == "here":
            self._imprint_at_foot(view)
        else:
            self._imprint(view)

    def _imprint_at_foot(self, view: Any) -> None:
        """The 版记 under a table that ends on an even page: Word's table rows are not the
        PDF's height, so blank lines counted from the PDF could push it over a page; a
        table floating at the foot of the 版心 stays on the table's last page."""
        from planctl.render import typeset
        from planctl.render.docx import ooxml as ox

        self.paragraph(line=2)  # the anchor: the 版记 floats from the paragraph after it
        self._imprint_table(typeset.imprint_rows(view))
        table = self.document.tables[-1]._tbl
        ox.set_attributes(
            ox.tblpr_child(table.tblPr, "tblpPr"),
            {
                "leftFromText": 0,
                "rightFromText": 0,
                "topFromText": 0,
                "bottomFromText": 0,
                "vertAnchor": "margin",
                "horzAnchor": "margin",
                "tblpXSpec": "center",
                "tblpYSpec": "bottom",
            },
        )
        ox.set_attributes(ox.tblpr_child(table.tblPr, "tblOverlap"), {"val": "never"})
        self.paragraph(line=2)

    def _jianbao(self, model: Paper, view: Any) -> None:
        from planctl.render.bulletin_typeset import JIANBAO
        from planctl.render.docx import ooxml as ox
        from planctl.render.docx import styles as st
        from planctl.render.docx.notice import PITCH

        name_line = round(JIANBAO.name_pt * 1.2 * TWIPS)
        before = round((mm_to_pt(JIANBAO.name_top_mm) - 0.19 * JIANBAO.name_pt) * TWIPS)
        name = self.paragraph(
            [(model.mark, self.model.mark.role)],
            size=JIANBAO.name_pt,
            line=name_line,
            before=before,
            align="center",
            tracking=False,
        )
        for run in name.runs:
            ox.set_color(run._r.get_or_add_rPr(), self.model.mark.colour)
            run.font.size = Pt(JIANBAO.name_pt)
        used = before + name_line
        serial = self.paragraph(
            [(model.serial, "fangsong")],
            before=JIANBAO.serial_line * PITCH - used,
            align="center",
            tracking=False,
        )
        used = max(used, JIANBAO.serial_line * PITCH) + PITCH
        width = round(mm_to_pt(self.model.paper.block_width_mm) * TWIPS)
        issued = self.paragraph(
            [(f"{model.issuer}\t{model.date_words}", "fangsong")],
            before=JIANBAO.issued_line * PITCH - used,
            align="left",
            tracking=False,
        )
        ox.right_tab(issued._p.get_or_add_pPr(), width)
        used = JIANBAO.issued_line * PITCH + PITCH
        eighths = max(2, round(mm_to_pt(JIANBAO.rule_mm) * 8))
        space = max(0, round(JIANBAO.rule_y_pt() - used / TWIPS))
        ox.border(
            issued._p.get_or_add_pPr(),
            "bottom",
            eighths,
            self.model.mark.colour,
            space=min(space, 31),
        )
        used += min(space, 31) * TWIPS + round(eighths * TWIPS / 8)
        title = self.paragraph(
            style=st.TITLE,
            size=self.model.header.title_pt,
            before=JIANBAO.title_line() * PITCH - used,
            align="center",
            tracking=False,
        )
        self._lines(
            title, view.title_lines, self.model.header.title_role, self.model.header.title_pt
        )
        del serial

    def _text(self, model: Paper, view: Any) -> None:
        from planctl.render.docx import ooxml as ox
        from planctl.render.docx import styles as st
        from planctl.render.docx.notice import PITCH

        before = self.model.header.lines_after_title * PITCH
        if model.recipients:
            self.paragraph([(model.recipients, "fangsong")], style=st.RECIPIENTS, before=before)
            before = 0
        roles = self.model.body.heading_roles
        last = None
        for block in model.blocks:
            if block.kind == "heading":
                self._heading(block.text, block.level, roles[block.level - 1], before)
            else:
                last = self._body([(block.text, self.model.body.role)], before)
            before = 0
        start = len(self.document.paragraphs)
        if model.attachments:
            self._attachment_note(model.attachment_names, PITCH)
        if model.layout == "gongwen":
            # §7.3.5, as the PDF does it: the last paragraph and the 附件说明 go over to
            # the signature's page rather than leave it alone there.
            for held in [last, *self.document.paragraphs[start:]]:
                if held is not None:
                    ox.keep_with_next(held._p.get_or_add_pPr())
            if last is not None:
                last.paragraph_format.keep_together = True
            self._signature(view, PITCH)

    def _table(self, table: AttachmentTable) -> None:
        from planctl.render.docx import styles as st
        from planctl.render.docx.notice import PITCH

        model = self.model
        label = self.paragraph(
            [(table.label, model.attachment.label_role)],
            style=st.ATTACHMENT_LABEL,
            align="left",
            tracking=False,
        )
        label.paragraph_format.page_break_before = True
        heading = self.paragraph(
            [(table.title, model.header.title_role)],
            style=st.TITLE,
            size=model.header.title_pt,
            before=(model.attachment.title_line - 1) * PITCH,
            align="center",
            tracking=False,
        )
        del heading
        if not table.rows:
            self._body([(table.empty, model.body.role)], model.attachment.lines_after_title * PITCH)
            return
        self.paragraph(line=PITCH)
        _portrait_table(self.document, table)


def _portrait_table(document: Any, table: AttachmentTable) -> None:
    """The table across the portrait 版心: the table writer's widths, scaled to it."""
    from planctl.render.docx.tables import _TEXT_WIDTH_MM, add_table
    from planctl.render.table import Cell, Column, Row, Table

    model = Table(
        title=table.title,
        columns=tuple(
            Column(name, width, "center" if index == 0 else "left")
            for index, (name, width) in enumerate(zip(table.columns, table.widths, strict=True))
        ),
        rows=tuple(Row(tuple(Cell.of(value) for value in row)) for row in table.rows),
    )
    add_table(document, model)
    scale = PAGE.paper.block_width_mm / _TEXT_WIDTH_MM
    tbl = document.tables[-1]._tbl
    for column in tbl.tblGrid.gridCol_lst:
        column.w = round(column.w * scale)
    for element in tbl.iter():
        if element.tag.endswith("}tcW"):
            key = next(name for name in element.attrib if name.endswith("}w"))
            element.set(key, str(round(int(element.get(key)) * scale)))
