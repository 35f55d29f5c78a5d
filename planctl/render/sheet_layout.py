"""How a worksheet prints: A4 landscape, columns sized to fit the page at full scale, a
frozen and repeated header row, an autofilter, page numbers in the footer.

Excel's "fit to page width" shrinks the whole sheet until its columns fit: with columns
sized to their longest line, a 责任分工表 printed at about 60 %, its text 6.6 pt. Here the
columns share the printable width instead (wide text columns wrap, narrow ones keep
their longest unbreakable phrase), so fitting never shrinks the print below
`MIN_SCALE`, and mostly prints at 100 %.

Widths are in Excel's unit: the width of one digit of the workbook's default font
(Calibri 11 pt, 7 pixels at 96 dpi, so 5.25 pt).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.worksheet import Worksheet

from planctl import chinese

MIN_SCALE = 0.9
POINTS_PER_UNIT = 7 * 72 / 96  # one digit of Calibri 11 pt: 7 px
A4_LANDSCAPE_WIDTH_PT = 297 / 25.4 * 72
SIDE_MARGIN_IN = 0.4
CELL_PADDING_UNITS = 1.5  # Excel's cell margins and the grid line, left and right together
DATE_FORMAT = "yyyy-mm-dd"
PAGE_FOOTER = "第 &P 页，共 &N 页"


# Columns fill this share of the page: where the default font is missing (Calibri outside
# Office) the program measures the unit on another face, often 8 pixels rather than 7,
# and the sheet then still prints at full scale.
FILL = 0.875


def printable_width_units() -> float:
    """The width between the side margins of a landscape A4 page, in column units."""
    return (A4_LANDSCAPE_WIDTH_PT - 2 * SIDE_MARGIN_IN * 72) / POINTS_PER_UNIT


def column_budget() -> float:
    """The width the columns of a sheet share (`FILL` of the printable width)."""
    return printable_width_units() * FILL


def text_units(text: str, font_pt: float) -> float:
    """How wide `text`'s longest line prints in a font of `font_pt` points: a Chinese
    character is one em, a Latin letter or digit about half of one."""
    longest = max((chinese.display_width(line) for line in text.split("\n")), default=0)
    return longest * font_pt / 2 / POINTS_PER_UNIT


@dataclass(frozen=True, slots=True)
class ColumnNeed:
    """What one column's content asks for: its longest line (`natural`) and what it
    cannot go below (`minimum`: its header, or a phrase that must stay on one line)."""

    natural: float
    minimum: float


def fit_widths(needs: Sequence[ColumnNeed], budget: float) -> list[float]:
    """Column widths that add up to at most `budget`: every column gets its natural
    width when they all fit (the room left goes to the columns that wrap); otherwise
    each column gives up the same share of what it has above its minimum."""
    natural = [max(need.natural, need.minimum) for need in needs]
    total = sum(natural)
    if total <= budget:
        return natural
    slack = [width - need.minimum for width, need in zip(natural, needs, strict=True)]
    room = sum(slack)
    if room <= 0:
        return [need.minimum for need in needs]
    share = min(1.0, (total - budget) / room)
    return [width - extra * share for width, extra in zip(natural, slack, strict=True)]


def print_scale(widths: Sequence[float]) -> float:
    """The scale Excel's fit-to-width prints columns of `widths` at (never above 1)."""
    return min(1.0, printable_width_units() / max(sum(widths), 1e-9))


def set_widths(sheet: Worksheet, widths: Sequence[float]) -> None:
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = round(width, 2)


def set_up_printing(sheet: Worksheet, *, header_row: int, last_row: int, columns: int) -> None:
    """Landscape A4, fitted to one page wide, the header row frozen, repeated on every
    printed page and carrying an autofilter over the rows below it."""
    sheet.freeze_panes = sheet.cell(header_row + 1, 1)
    sheet.print_title_rows = f"{header_row}:{header_row}"
    last = get_column_letter(columns)
    sheet.auto_filter.ref = f"A{header_row}:{last}{max(last_row, header_row)}"
    setup = sheet.page_setup
    setup.orientation = "landscape"
    setup.paperSize = sheet.PAPERSIZE_A4
    setup.fitToWidth = 1
    setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_margins = PageMargins(
        left=SIDE_MARGIN_IN, right=SIDE_MARGIN_IN, top=0.6, bottom=0.6, header=0.3, footer=0.3
    )
    sheet.print_options.horizontalCentered = True
    sheet.oddFooter.center.text = PAGE_FOOTER
