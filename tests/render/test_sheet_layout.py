"""Worksheet print layout: columns share a landscape A4 page so it prints at full scale."""

from __future__ import annotations

import io

import openpyxl
import pytest
from openpyxl import Workbook

from planctl.render.sheet_layout import (
    MIN_SCALE,
    ColumnNeed,
    fit_widths,
    print_scale,
    printable_width_units,
    set_up_printing,
    text_units,
)


def test_a_landscape_page_holds_about_seventy_chinese_characters_of_11_pt() -> None:
    characters = printable_width_units() / text_units("字", 11)
    assert 70 <= characters <= 72


def test_columns_that_fit_keep_their_natural_widths() -> None:
    needs = [ColumnNeed(10, 5), ColumnNeed(30, 8)]
    assert fit_widths(needs, 100) == [10, 30]


def test_columns_too_wide_give_up_what_they_have_above_their_minimum() -> None:
    needs = [ColumnNeed(6, 6), ColumnNeed(120, 20), ColumnNeed(40, 20), ColumnNeed(14, 14)]
    widths = fit_widths(needs, 100)
    assert sum(widths) == pytest.approx(100)
    assert widths[0] == 6 and widths[3] == 14  # nothing to give up
    assert widths[1] > widths[2] >= 20
    # Each gave up the same share of its slack: 100 and 20 above the minimum.
    assert (120 - widths[1]) / 100 == pytest.approx((40 - widths[2]) / 20)


def test_minimums_are_kept_even_when_they_do_not_fit() -> None:
    needs = [ColumnNeed(100, 90), ColumnNeed(100, 90)]
    assert fit_widths(needs, printable_width_units()) == [90, 90]
    assert print_scale([90, 90]) == pytest.approx(printable_width_units() / 180)


def test_a_natural_width_below_the_minimum_is_raised_to_it() -> None:
    assert fit_widths([ColumnNeed(3, 9)], 100) == [9]


def test_fitted_columns_print_at_full_scale() -> None:
    needs = [ColumnNeed(8, 6), ColumnNeed(300, 30), ColumnNeed(60, 16), ColumnNeed(20, 16)]
    widths = fit_widths(needs, printable_width_units())
    assert print_scale(widths) == pytest.approx(1.0)
    assert print_scale(widths) >= MIN_SCALE


def test_the_print_setup_is_written_to_the_workbook() -> None:
    book = Workbook()
    sheet = book.active
    for row in range(1, 6):
        sheet.cell(row, 1, f"r{row}")
    set_up_printing(sheet, header_row=2, last_row=5, columns=3)
    buffer = io.BytesIO()
    book.save(buffer)
    read = openpyxl.load_workbook(io.BytesIO(buffer.getvalue())).active
    assert read.freeze_panes == "A3"
    assert read.auto_filter.ref == "A2:C5"
    assert read.print_title_rows == "$2:$2"
    setup = read.page_setup
    assert (setup.orientation, setup.paperSize) == ("landscape", int(read.PAPERSIZE_A4))
    assert (setup.fitToWidth, setup.fitToHeight) == (1, 0)
    assert read.sheet_properties.pageSetUpPr.fitToPage
