"""The GB/T 9704-2012 page as data: the one description every writer lays pages out from.

The Typst template receives `PAGE.as_json()` and places nothing by a number of its own;
the Word writer reads the same attributes. Both then agree line for line wherever the same
fonts are installed. How a writer uses it:

- **Grid.** The 版心 holds `grid.lines` lines of `grid.cells` cells. Every line box is
  exactly `grid.pitch_pt` tall, whatever the type size; a writer sets fixed line spacing
  of one pitch (Word: `w:spacing w:line=<pitch in twentieths> w:lineRule="exact"`,
  no space before or after) and puts the baseline `grid.baseline_pt(size)` below the top
  of the line box (the em box centred in the line). Characters advance by one cell:
  tracking `grid.tracking_pt(size)` (Word: `w:spacing w:val` on the run, in twentieths).
- **Vertical positions** are counted in grid lines from the top of the 版心 (line 0 is the
  first line), and blank lines are whole pitches. Only the 发文机关标志 sits by
  millimetres (`mark.top_mm` from the 版心 top to its top edge); `header_lines()` turns
  that into the line each following element starts on, so no writer measures glyphs.
- **Horizontal positions** are in cells (one body character, `grid.cell_pt`), indents
  included; the 版记 and page numbers indent by one character of their own size.
- **Roles** name faces, not fonts (`fangsong`, `heiti`, `kaiti`, `xiaobiaosong`,
  `songti`); `planctl.fonts` says which installed or bundled face serves each role.
- **Rules** carry their weight in millimetres and their colour; the 版记's last rule lies
  on the bottom edge of the 版心, and the 版记 goes on an even page (`imprint`).

Values the standard leaves open are marked "choice" and kept here, once.
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass, field
from typing import Any

PT_PER_MM = 72 / 25.4
# The ideographic em box of the CJK faces in use (Source Han, Fandol, WenKai, the Windows
# faces) stands 0.88 em above the baseline and 0.12 em below it.
CJK_ASCENT_EM = 0.88


def mm_to_pt(value: float) -> float:
    return value * PT_PER_MM


@dataclass(frozen=True, slots=True)
class Paper:
    """A4 portrait and the margins that leave the 156 × 225 mm 版心."""

    width_mm: float = 210.0
    height_mm: float = 297.0
    top_mm: float = 37.0  # 天头
    left_mm: float = 28.0  # 订口
    right_mm: float = 26.0
    bottom_mm: float = 35.0

    @property
    def block_width_mm(self) -> float:
        return self.width_mm - self.left_mm - self.right_mm

    @property
    def block_height_mm(self) -> float:
        return self.height_mm - self.top_mm - self.bottom_mm


@dataclass(frozen=True, slots=True)
class Grid:
    """22 lines of 28 characters filling the 版心."""

    block_width_mm: float
    block_height_mm: float
    lines: int = 22
    cells: int = 28
    body_pt: float = 16.0  # 三号

    @property
    def pitch_pt(self) -> float:
        """Line pitch: one character plus about 7/8 of a 三号 character (≈ 28.99 pt)."""
        return mm_to_pt(self.block_height_mm) / self.lines

    @property
    def pitch_mm(self) -> float:
        return self.block_height_mm / self.lines

    @property
    def cell_pt(self) -> float:
        """Character pitch along a line (≈ 15.79 pt): 28 of them fill the 版心's width."""
        return mm_to_pt(self.block_width_mm) / self.cells

    @property
    def cell_mm(self) -> float:
        return self.block_width_mm / self.cells

    def baseline_pt(self, size_pt: float) -> float:
        """Distance from the top of a line box to the baseline of text of `size_pt`."""
        return (self.pitch_pt - size_pt) / 2 + CJK_ASCENT_EM * size_pt

    def tracking_pt(self, size_pt: float | None = None) -> float:
        """Extra advance after each character so that body characters step by one cell."""
        return self.cell_pt - (size_pt or self.body_pt)

    def line_top_pt(self, line: int) -> float:
        """The top of grid line `line` (0-based) below the top of the 版心."""
        return line * self.pitch_pt


@dataclass(frozen=True, slots=True)
class Rule:
    weight_mm: float
    colour: str  # RRGGBB


@dataclass(frozen=True, slots=True)
class Mark:
    """发文机关标志: red 小标宋, centred, its top edge 35 mm below the top of the 版心."""

    top_mm: float = 35.0
    max_pt: float = 42.0  # choice: 初号 at most; a long name shrinks to fit one line
    colour: str = "FF0000"
    role: str = "xiaobiaosong"
    lines_after: int = 2  # the 发文字号 two blank lines below


@dataclass(frozen=True, slots=True)
class Header:
    """发文字号 and the red rule under it, then the title and the 主送机关."""

    doc_number_role: str = "fangsong"
    rule_gap_mm: float = 4.0  # red rule below the 发文字号's characters
    rule: Rule = Rule(weight_mm=0.5, colour="FF0000")  # choice: the standard gives no weight
    lines_after_rule: int = 2  # the title two blank lines below the rule
    title_pt: float = 22.0  # 二号
    title_role: str = "xiaobiaosong"
    title_line_pitches: int = 1  # each title line takes one grid line
    lines_after_title: int = 1  # 主送机关 one blank line below the title


@dataclass(frozen=True, slots=True)
class Body:
    """正文 and its headings: 一、 黑体, （一） 楷体, 1. and （1） 仿宋, all upright."""

    role: str = "fangsong"
    indent_cells: int = 2
    heading_roles: tuple[str, ...] = ("heiti", "kaiti", "fangsong", "fangsong")
    italic: bool = False  # no level is italic (Word's Heading 4 is unless told otherwise)
    bold: bool = False


@dataclass(frozen=True, slots=True)
class Closing:
    """附件说明, 发文机关署名, 成文日期 and 附注 under the text."""

    lines_before_attachments: int = 1
    attachments_indent_cells: int = 2
    lines_before_signature: int = 1
    signer_right_cells: int = 2  # unsealed: signature two characters from the right
    date_after_signer_cells: int = 2  # the date starts two characters right of it
    sealed_date_right_cells: int = 4  # sealed: the date four characters from the right
    # choice: a 42 mm seal tops out within a line of the text and presses on the
    # signature and date; three blank lines above the signature make room for it
    sealed_lines_before_signature: int = 3
    note_indent_cells: int = 2  # 附注 (（此件主动公开）) on the line after the date


@dataclass(frozen=True, slots=True)
class Attachment:
    """附件 on a new page: the label on the first line, the title centred on the third."""

    label_role: str = "heiti"
    title_line: int = 2
    lines_after_title: int = 1


@dataclass(frozen=True, slots=True)
class Imprint:
    """版记: rules across the whole 版心, the last on its bottom edge; an even page."""

    size_pt: float = 14.0  # 四号
    role: str = "fangsong"
    indent_chars: int = 1  # 抄送 and 印发机关 one character in, 印发日期 one from the right
    row_pitches: int = 1  # each 版记 line takes one grid line between its rules
    thick: Rule = Rule(weight_mm=0.35, colour="000000")  # first and last rule
    thin: Rule = Rule(weight_mm=0.25, colour="000000")  # rules between
    even_page: bool = True


@dataclass(frozen=True, slots=True)
class PageNumber:
    """— N —: 四号 半角 digits, the dashes 7 mm below the 版心, outer side one character in."""

    size_pt: float = 14.0
    role: str = "songti"
    dash: str = "—"
    gap_mm: float = 7.0  # from the 版心's bottom edge to the middle of the dashes
    inset_chars: int = 1  # odd pages: from the right; even pages: from the left
    # §7.5: with a blank page before the 版记 page, neither carries a number
    unnumbered_after_blank: bool = True


@dataclass(frozen=True, slots=True)
class TablePages:
    """Landscape pages for the 责任分工表, bound with the notice or alone (choice)."""

    body_pt: float = 12.0  # 小四 (choice)
    heading_pt: float = 14.0
    title_pt: float = 22.0
    # Every line of a cell exactly this tall, and the cells' inner margins, in PDF and
    # Word alike, so both break a table into the same pages (choice).
    line_pt: float = 18.0
    cell_inset_x_pt: float = 5.4  # Word's default cell margin
    cell_inset_y_pt: float = 3.0
    top_mm: float = 28.0
    bottom_mm: float = 28.0
    left_mm: float = 26.0
    right_mm: float = 26.0


@dataclass(frozen=True, slots=True)
class HeaderLines:
    """Where the 版头 lands, in grid lines from the top of the 版心 (0-based)."""

    mark_top_pt: float
    mark_size_pt: float
    doc_number: int
    rule_y_pt: float
    title: int


@dataclass(frozen=True)
class PageModel:
    paper: Paper = field(default_factory=Paper)
    mark: Mark = field(default_factory=Mark)
    header: Header = field(default_factory=Header)
    body: Body = field(default_factory=Body)
    closing: Closing = field(default_factory=Closing)
    attachment: Attachment = field(default_factory=Attachment)
    imprint: Imprint = field(default_factory=Imprint)
    page_number: PageNumber = field(default_factory=PageNumber)
    tables: TablePages = field(default_factory=TablePages)

    @property
    def grid(self) -> Grid:
        return Grid(self.paper.block_width_mm, self.paper.block_height_mm)

    def mark_size_pt(self, width_in_chars: float) -> float:
        """The 标志's size: `mark.max_pt` at most, in half points, fitting one line."""
        fitting = mm_to_pt(self.paper.block_width_mm) / max(width_in_chars, 1.0)
        return min(self.mark.max_pt, math.floor(fitting * 2) / 2)

    def header_lines(self, mark_size_pt: float, *, has_doc_number: bool = True) -> HeaderLines:
        """The lines of the 发文字号 and the title below a 标志 of `mark_size_pt`.

        The 发文字号 goes on the first grid line that leaves `mark.lines_after` whole blank
        lines under the 标志's em box; the red rule `header.rule_gap_mm` under the 发文字号's
        em box; the title on the line that leaves `header.lines_after_rule` blank lines under
        the rule. Without a 发文字号 the rule takes its place.
        """
        grid = self.grid
        mark_top = mm_to_pt(self.mark.top_mm)
        below_mark = mark_top + mark_size_pt + self.mark.lines_after * grid.pitch_pt
        doc_number = _first_line_at(below_mark, grid.pitch_pt)
        if has_doc_number:
            em_bottom = grid.line_top_pt(doc_number) + (grid.pitch_pt + grid.body_pt) / 2
            rule_y = em_bottom + mm_to_pt(self.header.rule_gap_mm)
        else:
            rule_y = mark_top + mark_size_pt + mm_to_pt(self.header.rule_gap_mm)
        title = _first_line_at(rule_y, grid.pitch_pt) + self.header.lines_after_rule
        return HeaderLines(mark_top, mark_size_pt, doc_number, rule_y, title)

    def as_dict(self) -> dict[str, Any]:
        """Every value, derived ones included, as plain data (points and millimetres)."""
        grid = self.grid
        data = {
            name: asdict(getattr(self, name))
            for name in (
                "paper",
                "mark",
                "header",
                "body",
                "closing",
                "attachment",
                "imprint",
                "page_number",
                "tables",
            )
        }
        data["paper"].update(
            block_width_mm=self.paper.block_width_mm, block_height_mm=self.paper.block_height_mm
        )
        data["grid"] = {
            "lines": grid.lines,
            "cells": grid.cells,
            "body_pt": grid.body_pt,
            "pitch_pt": grid.pitch_pt,
            "pitch_mm": grid.pitch_mm,
            "cell_pt": grid.cell_pt,
            "cell_mm": grid.cell_mm,
            "tracking_pt": grid.tracking_pt(),
            "ascent_em": CJK_ASCENT_EM,
        }
        return data

    def as_json(self) -> str:
        return json.dumps(self.as_dict(), ensure_ascii=False)


def _first_line_at(y_pt: float, pitch_pt: float) -> int:
    """The first grid line whose top is at or below `y_pt` (rounding noise forgiven)."""
    return math.ceil(round(y_pt / pitch_pt, 6))


PAGE = PageModel()
