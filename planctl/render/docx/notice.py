"""The 印发通知 in Word, laid out on the page model (`planctl.render.page_model`) exactly as
the Typst PDF is, so that both have the same pages.

Every line is one grid pitch tall (exact line spacing), every blank line a whole pitch
of space before a paragraph, and the 版头 is spaced so that the title starts on the grid
line the page model gives it. What only a typesetter can know — where the content ends
and so where the 版记 goes (this page, the next even page, or after a blank page), and
whether the signature would stand alone on a page (§7.3.5) — is decided once, by the
Typst probe pass (`planctl.render.typeset.decide`), and both writers follow it.

Text comes from the same place as the PDF's: the notice and plan views, with each task's
owners (and, when the plan asks for it, its deadline) worded by `typeset`.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from docx.document import Document
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_BREAK
from docx.shared import Pt, Twips

from planctl.render import gbt9704 as gb
from planctl.render import typeset
from planctl.render.context import NoticeView, PlanView, SectionView, TaskView
from planctl.render.docx import ooxml as ox
from planctl.render.docx import styles as st
from planctl.render.markup import xml_safe
from planctl.render.page_model import PAGE, PageModel, mm_to_pt
from planctl.render.table import TableDocument

TWIPS = 20  # per point
PITCH = st.LINE_PITCH_TWIPS  # one grid line, rounded down so that 22 always fit
CELL_PT = PAGE.grid.cell_pt
FACES = {
    "fangsong": gb.FANGSONG,
    "kaiti": gb.KAITI,
    "heiti": gb.HEITI,
    "xiaobiaosong": gb.XIAOBIAOSONG,
    "songti": gb.SONGTI,
}
MARK_INK_DROP = 0.19  # measured: the ink of a 标志 set on an exact line 1.2 em tall
# The paragraph that must close the body after the 版记 table (2 twips tall), with room
# for rounding.
CLOSING_TWIPS = 10
HEADING_STYLES = ("Heading 1", "Heading 2", "Heading 3", "Heading 4")


@dataclass(frozen=True)
class Layout:
    """The typesetter's choices: where the 版记 goes, which pages carry no number, where
    the squeeze of §7.3.5 starts and at what pitch, and the 版记's height in lines."""

    imprint: str = "here"  # here | next | blank
    squeeze_from: int | None = None
    squeeze_pitch: int = PITCH
    keep: int | None = None  # the paragraph moved over to the signature's page
    content_end_line: int = 0  # lines used on the last page of the content
    imprint_lines: int = 0
    # Typst's line breaks: paragraph text -> the offsets that begin its later lines
    breaks: Mapping[str, tuple[int, ...]] = field(default_factory=dict)

    @classmethod
    def from_probe(
        cls,
        layout: Mapping[str, Any],
        probe: typeset.Probe,
        breaks: Mapping[str, tuple[int, ...]],
    ) -> Layout:
        squeeze = layout.get("squeeze")
        end = probe.first("content-end")
        top = mm_to_pt(PAGE.paper.top_mm)
        pitch = PAGE.grid.pitch_pt
        height = float(probe.first("imprint-height")["height"])
        return cls(
            imprint=str(layout.get("imprint", "here")),
            squeeze_from=int(squeeze["from"]) if squeeze else None,
            squeeze_pitch=int(float(squeeze["pitch_pt"]) * TWIPS) if squeeze else PITCH,
            keep=layout.get("keep"),
            content_end_line=round((float(end["y"]) - top) / pitch),
            imprint_lines=round(height / pitch),
            breaks=breaks,
        )


def layout_for(
    notice: NoticeView,
    plan: PlanView,
    *,
    stage: str,
    deadlines: bool,
    sealed: bool,
    annex: TableDocument | None = None,
) -> Layout:
    """Ask the Typst probe where things land (the same fonts as the PDF's)."""
    from planctl.fonts import discover

    fonts = discover()
    data = typeset.notice_data(
        notice, plan, stage=stage, deadlines=deadlines, sealed=sealed, model=PAGE
    )
    typeset.add_annex(data, notice, annex, PAGE)
    data["fonts"] = typeset.font_spec(fonts)
    layout = typeset.decide(data, fonts, PAGE)
    # Where the content ends, asked without the 版记 (a 版记 set under the text would
    # report the content as ending where its space does).
    content = typeset.probe({**data, "layout": {**layout, "imprint": "probe"}}, fonts)
    breaks = typeset.line_breaks({**data, "layout": layout}, fonts)
    return Layout.from_probe(layout, content, breaks)


def imprint_lines(rows: Sequence[Mapping[str, str]], model: PageModel = PAGE) -> int:
    """How many grid lines the 版记 rows fill: a 抄送 row wraps after its colon, within one
    四号 character of each side."""
    from planctl import chinese

    imprint = model.imprint
    room = mm_to_pt(model.paper.block_width_mm) - 2 * imprint.indent_chars * imprint.size_pt
    total = 0
    for row in rows:
        if row["kind"] != "labelled":
            total += 1
            continue
        label = chinese.display_width(row["label"]) / 2 * imprint.size_pt
        text = chinese.display_width(row["text"]) / 2 * imprint.size_pt
        per_line = math.floor((room - label) / imprint.size_pt) * imprint.size_pt
        total += max(1, math.ceil(text / per_line))
    return total


# What LibreOffice adds to a line that Typst filled: a quarter em between Chinese and
# Latin letters or digits (it ignores w:autoSpaceDE). Typst also closes up punctuation
# (a pair of marks, a mark at the line's end) where Word and LibreOffice keep each mark
# a full em: counting every full-width character as an em covers that.
AUTOSPACE_EM = 0.25
_PUNCTUATION = set("，。、；：！？）（《》〈〉“”‘’【】〔〕")


def squeeze_twips(line: str, room_cells: float, size: float, *, tracking: bool = True) -> int:
    """How much closer (twips a character) a line Typst set is written, so that it fits
    in every reader as it stands; Word and WPS justify it back to the full width."""
    if not line:
        return 0
    # A space counts a whole em: a Chinese face's space may be that wide.
    ems = sum(0.5 if c.isascii() and not c.isspace() else 1.0 for c in line)
    for before, after in itertools.pairwise(line):
        if before.isascii() != after.isascii() and not (
            {before, after} & _PUNCTUATION or before.isspace() or after.isspace()
        ):
            ems += AUTOSPACE_EM
    track = math.floor((CELL_PT - size) * TWIPS) / TWIPS if tracking else 0.0
    over = ems * size + len(line) * track - room_cells * CELL_PT
    # A twip more a character: at an exact fit LibreOffice lets the last mark hang.
    return math.ceil(over * TWIPS / len(line)) + 1 if over > 0 else 0


def _line_of(pieces: Sequence[tuple[str, str, bool]], index: int) -> list[tuple[str, str, bool]]:
    """The pieces of the line that piece `index` is on."""
    start = index
    while start > 0 and not pieces[start - 1][2]:
        start -= 1
    end = index
    while end < len(pieces) - 1 and not pieces[end][2]:
        end += 1
    return list(pieces[start : end + 1])


def broken_runs(
    runs: Sequence[tuple[str, str]], breaks: Sequence[int]
) -> list[tuple[str, str, bool]]:
    """The runs cut at the line breaks (offsets into their joined text): (text, role,
    whether a line break follows)."""
    pieces: list[tuple[str, str, bool]] = []
    start = 0
    pending = sorted(breaks)
    for text, role in runs:
        end = start + len(text)
        cut = start
        while pending and pending[0] <= end:
            at = pending.pop(0)
            if at > cut:
                pieces.append((text[cut - start : at - start], role, True))
                cut = at
            elif pieces:  # a break that falls between two runs
                pieces[-1] = (pieces[-1][0], pieces[-1][1], True)
        if end > cut:
            pieces.append((text[cut - start :], role, False))
        start = end
    return pieces


class NoticeWriter:
    """Appends the notice to a document set up by `styles.new_document("portrait")`."""

    def __init__(
        self,
        document: Document,
        *,
        layout: Layout,
        stage: str,
        deadlines: bool,
        sealed: bool,
        annex: TableDocument | None = None,
        model: PageModel = PAGE,
    ) -> None:
        self.document = document
        self.annex = annex
        self.layout = layout
        self.stage = stage
        self.deadlines = deadlines
        self.sealed = sealed
        self.model = model

    def write(self, notice: NoticeView, plan: PlanView) -> None:
        self._masthead(notice)
        self._notice_text(notice)
        self._attachment(notice, plan)
        if self.annex is not None:
            from planctl.render.docx.annex import write_annex

            write_annex(self.document, self.annex, notice.annex_label, self.model)
        self._imprint(notice)

    # --- paragraphs -------------------------------------------------------------------------

    def paragraph(
        self,
        runs: Sequence[tuple[str, str]] = (),
        *,
        style: str | None = None,
        size: float = gb.BODY_PT,
        line: int = PITCH,
        before: int = 0,
        first_line_cells: float = 0,
        left_cells: float = 0,
        right_cells: float = 0,
        hanging_cells: float = 0,
        align: str = "both",
        tracking: bool = True,
        container: Any = None,
        breaks: Sequence[int] | None = None,
    ) -> Any:
        """A paragraph of (text, role) runs: `line` twips a line, `before` twips above it,
        its lines broken where Typst broke them (`breaks`, by default looked up by text)."""
        paragraph = (container or self.document).add_paragraph()
        pPr = paragraph._p.get_or_add_pPr()
        if style is not None:
            pPr.style = st.style_id(style)
        ox.snap_to_grid(pPr, False)
        ox.widow_control(pPr, False)
        ox.hanging_punctuation(pPr, False)
        ox.no_latin_spacing(pPr)
        ox.set_attributes(
            ox.ppr_child(pPr, "spacing"),
            {"before": max(0, before), "after": 0, "line": line, "lineRule": "exact"},
        )
        indents = {
            "firstLine": round(first_line_cells * CELL_PT * TWIPS),
            "left": round((left_cells + hanging_cells) * CELL_PT * TWIPS),
            "right": round(right_cells * CELL_PT * TWIPS),
        }
        if hanging_cells:
            indents["hanging"] = round(hanging_cells * CELL_PT * TWIPS)
            del indents["firstLine"]
        ox.indent_twips(pPr, **indents)
        ox.set_attributes(ox.ppr_child(pPr, "jc"), {"val": align})
        if breaks is None:
            breaks = self.layout.breaks.get("".join(text for text, _ in runs))
        # Lines of text Typst did not report are the reader's own, and left as they are.
        known = breaks is not None
        pieces = broken_runs(runs, breaks or ())
        room = self.model.grid.cells - left_cells - right_cells
        rooms = (room - first_line_cells, room - hanging_cells)  # first line, later lines
        later = False
        for index, (text, role, broken) in enumerate(pieces):
            squeeze = 0
            if known:
                printed = "".join(t for t, _, _ in _line_of(pieces, index))
                squeeze = squeeze_twips(printed, rooms[later], size, tracking=tracking)
            run = self.run(paragraph, text, role, size=size, tracking=tracking, squeeze=squeeze)
            if broken:
                run.add_break(WD_BREAK.LINE)
                later = True
        return paragraph

    def run(
        self,
        paragraph: Any,
        text: str,
        role: str,
        *,
        size: float,
        tracking: bool = True,
        squeeze: int = 0,
    ) -> Any:
        run = paragraph.add_run(xml_safe(text))
        rPr = run._r.get_or_add_rPr()
        ox.set_face(rPr, FACES[role])
        ox.set_size(rPr, size)
        spacing = (math.floor((CELL_PT - size) * TWIPS) if tracking else 0) - squeeze
        ox.set_attributes(ox.rpr_child(rPr, "spacing"), {"val": spacing})
        for flag in ("b", "bCs", "i", "iCs"):
            ox.set_flag(rPr, flag, False)
        return run

    # --- 版头 -------------------------------------------------------------------------------

    def _masthead(self, notice: NoticeView) -> None:
        """标志 35 mm below the 版心's top, 发文字号 and the red rule under it, the title on
        the grid line the page model gives (the space above each set from the twips used
        so far, so nothing drifts off the grid)."""
        model = self.model
        self.document.styles[st.MARK].font.size = Pt(notice.mark_size_pt)
        header = model.header_lines(notice.mark_size_pt, has_doc_number=bool(notice.doc_number))
        used = 0
        draft_mark = typeset.DRAFT_MARKS.get(self.stage, "")
        if draft_mark:
            self.paragraph([(draft_mark, "heiti")], align="right", tracking=False)
            used += PITCH
        mark_line = round(notice.mark_size_pt * 1.2 * TWIPS)
        # The 标志's line box starts a little above its ink, which is to touch the 35 mm.
        mark_before = (
            round((mm_to_pt(model.mark.top_mm) - MARK_INK_DROP * notice.mark_size_pt) * TWIPS)
            - used
        )
        mark = self.paragraph(
            [(notice.mark, model.mark.role)],
            style=st.MARK,
            size=notice.mark_size_pt,
            line=mark_line,
            before=mark_before,
            align="center",
            tracking=False,
        )
        used += max(0, mark_before) + mark_line
        for run in mark.runs:
            ox.set_color(run._r.get_or_add_rPr(), model.mark.colour)
        rule = model.header.rule
        rule_eighths = max(2, round(mm_to_pt(rule.weight_mm) * 8))
        if notice.doc_number:
            before = header.doc_number * PITCH - used
            number = self.paragraph(
                [(notice.doc_number, model.header.doc_number_role)],
                style=st.DOC_NUMBER,
                before=before,
                align="center",
                tracking=False,
            )
            used += max(0, before) + PITCH
            holder = number
        else:
            holder = mark
        # The red rule is the bottom border of the line above it, `space` points below.
        space = max(0, round(header.rule_y_pt - used / TWIPS))
        ox.border(
            holder._p.get_or_add_pPr(), "bottom", rule_eighths, rule.colour, space=min(space, 31)
        )
        used += min(space, 31) * TWIPS + round(rule_eighths * TWIPS / 8)
        title = self.paragraph(
            style=st.TITLE,
            size=model.header.title_pt,
            before=header.title * PITCH - used,
            align="center",
            tracking=False,
        )
        self._lines(title, notice.title_lines, model.header.title_role, model.header.title_pt)

    def _lines(self, paragraph: Any, lines: Sequence[str], role: str, size: float) -> None:
        for index, text in enumerate(lines):
            run = self.run(paragraph, text, role, size=size, tracking=False)
            if index < len(lines) - 1:
                run.add_break(WD_BREAK.LINE)

    # --- 主体 -------------------------------------------------------------------------------

    def _notice_text(self, notice: NoticeView) -> None:
        after_title = self.model.header.lines_after_title * PITCH
        if notice.recipients:
            self.paragraph(
                [(notice.recipients, "fangsong")], style=st.RECIPIENTS, before=after_title
            )
            after_title = 0
        for index, text in enumerate(notice.paragraphs):
            paragraph = self.paragraph(
                [(text, "fangsong")],
                first_line_cells=self.model.body.indent_cells,
                line=self._pitch_from(index),
                before=after_title * (index == 0),
            )
            if index == self.layout.keep:  # §7.3.5's last resort, as the PDF has it
                paragraph.paragraph_format.page_break_before = True
        tail = self._pitch_from(len(notice.paragraphs))
        self._attachment_note(notice.attachments, tail)
        self._signature(notice, tail)

    def _pitch_from(self, index: int) -> int:
        squeeze = self.layout.squeeze_from
        return self.layout.squeeze_pitch if squeeze is not None and index >= squeeze else PITCH

    def _attachment_note(self, names: Sequence[str], line: int) -> None:
        """附件：name, or 附件：1.name with the names aligned under the first (7.3.4)."""
        closing = self.model.closing
        for index, name in enumerate(names, start=1):
            number = f"{index}." if len(names) > 1 else ""
            label = "附件：" if index == 1 else "　　　"
            prefix = len(label + number)
            self.paragraph(
                [(label + number + name, "fangsong")],
                breaks=[prefix + at for at in self.layout.breaks.get(name, ())]
                if name in self.layout.breaks
                else None,
                style=st.ATTACHMENT_NOTE,
                line=line,
                before=closing.lines_before_attachments * line if index == 1 else 0,
                left_cells=closing.attachments_indent_cells,
                hanging_cells=3 + (1 if number else 0),
                align="left",
            )

    def _signature(self, notice: NoticeView, line: int) -> None:
        closing = self.model.closing
        signer_indent, date_indent = typeset.signature_indents(notice, self.sealed, self.model)
        blank = (
            closing.sealed_lines_before_signature if self.sealed else closing.lines_before_signature
        )
        signer = self.paragraph(
            [(notice.signer, "fangsong")],
            style=st.SIGNATURE,
            line=line,
            before=blank * line,
            right_cells=signer_indent,
            align="right",
        )
        date = self.paragraph(
            [(notice.date, "fangsong")],
            style=st.DATE,
            line=line,
            right_cells=date_indent,
            align="right",
        )
        ox.keep_with_next(signer._p.get_or_add_pPr())
        if notice.note:
            ox.keep_with_next(date._p.get_or_add_pPr())
            self.paragraph(
                [(notice.note, "fangsong")],
                style=st.NOTE,
                line=line,
                left_cells=closing.note_indent_cells,
                align="left",
            )

    # --- 附件 -------------------------------------------------------------------------------

    def _attachment(self, notice: NoticeView, plan: PlanView) -> None:
        """附件 on a new page: the label on the first line, the title on the third, then
        the plan as the PDF sets it."""
        model = self.model
        label = self.paragraph(
            [(notice.attachment_label, model.attachment.label_role)],
            style=st.ATTACHMENT_LABEL,
            align="left",
            tracking=False,
        )
        label.paragraph_format.page_break_before = True
        title = self.paragraph(
            style=st.TITLE,
            size=model.header.title_pt,
            before=(model.attachment.title_line - 1) * PITCH,
            align="center",
            tracking=False,
        )
        self._lines(title, plan.title_lines, model.header.title_role, model.header.title_pt)
        before = model.attachment.lines_after_title * PITCH
        roles = model.body.heading_roles
        for part in plan.preamble:
            if part.title:
                self._heading(part.number + part.title, 1, roles[0], before)
                before = 0
            for text in part.paragraphs:
                self._body([(text, model.body.role)], before)
                before = 0
        for entry in plan.entries:
            before = self._entry(entry, roles, before)

    def _entry(self, entry: SectionView | TaskView, roles: Sequence[str], before: int) -> int:
        """A task, or a section with its tasks and sub-sections in the document's order."""
        if isinstance(entry, TaskView):
            self._task(entry, roles)
            return 0
        level = min(entry.level, len(roles))
        self._heading(entry.heading, level, roles[level - 1], before)
        for text in entry.paragraphs:
            self._body([(text, self.model.body.role)], 0)
        for inner in entry.entries:
            self._entry(inner, roles, 0)
        return 0

    def _task(self, task: TaskView, roles: Sequence[str]) -> None:
        level = min(task.level, len(roles))
        texts = list(task.paragraphs) or [""]
        owners = typeset.owners_with_deadline(task) if self.deadlines else task.owners
        for index, text in enumerate(texts):
            runs: list[tuple[str, str]] = []
            if index == 0 and (task.number or task.heading):
                runs.append((task.number + task.heading, roles[level - 1]))
            last = index == len(texts) - 1
            runs.append((text + (owners if last else ""), self.model.body.role))
            paragraph = self._body([(t, r) for t, r in runs if t], 0)
            if index == 0 and (task.number or task.heading):
                # The run-in heading in its level's character style (标题 n 字符), on
                # every run it was cut into at Typst's line breaks.
                heading = len(task.number + task.heading)
                for run in paragraph.runs:
                    if heading <= 0:
                        break
                    run._r.get_or_add_rPr().style = st.style_id(f"{HEADING_STYLES[level - 1]} Char")
                    heading -= len(run.text.replace("\n", ""))

    def _heading(self, text: str, level: int, role: str, before: int) -> None:
        self.paragraph(
            [(text, role)],
            style=HEADING_STYLES[level - 1],
            before=before,
            first_line_cells=self.model.body.indent_cells,
        )

    def _body(self, runs: Sequence[tuple[str, str]], before: int) -> Any:
        return self.paragraph(runs, before=before, first_line_cells=self.model.body.indent_cells)

    # --- 版记 -------------------------------------------------------------------------------

    def _imprint(self, notice: NoticeView) -> None:
        """版记 at the bottom of an even page, its last rule on the 版心's bottom edge: on
        the page the content ends on, on the next page, or after a blank page — then in a
        section of its own without page numbers (§7.5)."""
        rows = typeset.imprint_rows(notice)
        if not rows:
            return
        # As many lines as Typst set the rows in (the docx breaks them where it did).
        lines = self.layout.imprint_lines or imprint_lines(rows, self.model)
        place = self.layout.imprint
        if self.annex is not None and place == "next":
            # After the landscape pages: a portrait section, numbered, from the next page.
            st.set_up_section(self.document.add_section(WD_SECTION.NEW_PAGE), "portrait")
            self._end_section_flat()
            place = "after-annex"
        if place == "blank":
            # A section without page numbers: the blank page, then the 版记 page.
            section = self.document.add_section(WD_SECTION.NEW_PAGE)
            if self.annex is not None:
                st.set_up_section(section, "portrait")
            st.clear_footers(section)
            self._end_section_flat()
            # The blank page holds one paragraph that takes no room (LibreOffice does not
            # print what follows a page break inside a paragraph as a line of the next).
            self.paragraph(line=2)
        if place in ("next", "blank", "after-annex"):
            spacer_lines = self.model.grid.lines - lines
        else:
            spacer_lines = max(1, self.model.grid.lines - self.layout.content_end_line - lines)
        # Blank lines of one pitch each: every program honours these the same way (one
        # tall line or a large space above is capped or dropped at a page top by some).
        # The rules add their weight to the table's height: the first blank line gives
        # it back (and room for the closing paragraph), so that the last rule still lies
        # on the 版心's bottom edge and nothing runs over onto another page.
        give_back = self._rules_twips(len(rows)) + CLOSING_TWIPS
        for index in range(spacer_lines):
            blank = self.paragraph(line=PITCH - give_back * (index == 0))
            if index == 0 and place in ("next", "blank"):
                blank.paragraph_format.page_break_before = True
        self._imprint_table(rows)
        self.paragraph(line=2)  # a paragraph must close the body; this one takes no room

    def _end_section_flat(self) -> None:
        """The paragraph that ends a section must take no room on its page."""
        ending = self.document.paragraphs[-1]._p.get_or_add_pPr()
        ox.set_attributes(
            ox.ppr_child(ending, "spacing"),
            {"before": 0, "after": 0, "line": 2, "lineRule": "exact"},
        )

    def _rules_twips(self, rows: int) -> int:
        """The weight of the 版记's rules, as Word and LibreOffice add it to the rows."""
        imprint = self.model.imprint
        thick = round(mm_to_pt(imprint.thick.weight_mm) * 8)  # eighths of a point
        thin = round(mm_to_pt(imprint.thin.weight_mm) * 8)
        return round((2 * thick + (rows - 1) * thin) * TWIPS / 8)

    def _imprint_table(self, rows: Sequence[Mapping[str, str]]) -> None:
        imprint = self.model.imprint
        width = round(mm_to_pt(self.model.paper.block_width_mm) * TWIPS)
        grid = self.document.add_table(rows=len(rows), cols=1)
        table = grid._tbl
        properties = table.tblPr
        properties.style = None
        ox.set_attributes(ox.tblpr_child(properties, "tblW"), {"w": width, "type": "dxa"})
        ox.set_attributes(ox.tblpr_child(properties, "tblInd"), {"w": 0, "type": "dxa"})
        borders = ox.tblpr_child(properties, "tblBorders")
        thick = round(mm_to_pt(imprint.thick.weight_mm) * 8)
        thin = round(mm_to_pt(imprint.thin.weight_mm) * 8)
        for side, size, colour in (
            ("top", thick, imprint.thick.colour),
            ("bottom", thick, imprint.thick.colour),
            ("insideH", thin, imprint.thin.colour),
        ):
            ox.border_line(borders, side, size, colour)
        ox.set_attributes(ox.tblpr_child(properties, "tblLayout"), {"type": "fixed"})
        margins = ox.tblpr_child(properties, "tblCellMar")
        for side in ("left", "right"):
            ox.set_attributes(
                ox.child(margins, side, ox.CELL_MARGIN_ORDER), {"w": 0, "type": "dxa"}
            )
        table.tblGrid.gridCol_lst[0].w = width * 635
        inset = imprint.indent_chars * imprint.size_pt / CELL_PT
        for row, line in zip(rows, grid.rows, strict=True):
            cell = line.cells[0]
            cell.width = Twips(width)
            for empty in list(cell.paragraphs):
                empty._p.getparent().remove(empty._p)
            if row["kind"] == "pair":
                paragraph = self.paragraph(
                    [(f"{row['left']}\t{row['right']}", imprint.role)],
                    style=st.IMPRINT,
                    size=imprint.size_pt,
                    left_cells=inset,
                    right_cells=inset,
                    align="left",
                    tracking=False,
                    container=cell,
                )
                ox.right_tab(paragraph._p.get_or_add_pPr(), width - round(inset * CELL_PT * TWIPS))
            else:
                label_cells = len(row["label"]) * imprint.size_pt / CELL_PT
                self.paragraph(
                    [(row["label"] + row["text"], imprint.role)],
                    style=st.IMPRINT,
                    size=imprint.size_pt,
                    left_cells=inset,
                    hanging_cells=label_cells,
                    right_cells=inset,
                    tracking=False,
                    container=cell,
                )
