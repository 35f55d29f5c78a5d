"""The page model: the standard's numbers, and the header lines derived from them."""

from __future__ import annotations

import json

import pytest

from planctl.render.page_model import PAGE, mm_to_pt


def test_the_text_block_is_156_by_225_mm_at_37_mm_from_the_top_and_28_from_the_left() -> None:
    assert (PAGE.paper.block_width_mm, PAGE.paper.block_height_mm) == (156.0, 225.0)
    assert (PAGE.paper.top_mm, PAGE.paper.left_mm) == (37.0, 28.0)


def test_22_lines_and_28_cells_fill_the_block_exactly() -> None:
    grid = PAGE.grid
    assert grid.lines * grid.pitch_mm == pytest.approx(225.0)
    assert grid.cells * grid.cell_mm == pytest.approx(156.0)
    assert grid.pitch_pt == pytest.approx(28.99, abs=0.01)
    assert grid.cell_pt == pytest.approx(15.79, abs=0.01)


def test_body_characters_step_by_one_cell() -> None:
    grid = PAGE.grid
    assert grid.body_pt + grid.tracking_pt() == pytest.approx(grid.cell_pt)


def test_the_em_box_is_centred_in_the_line() -> None:
    grid = PAGE.grid
    for size in (14.0, 16.0, 22.0):
        em_top = grid.baseline_pt(size) - 0.88 * size
        em_bottom = grid.baseline_pt(size) + 0.12 * size
        assert em_top == pytest.approx(grid.pitch_pt - em_bottom)


def test_rules_of_the_imprint_are_035_and_025_mm() -> None:
    assert PAGE.imprint.thick.weight_mm == 0.35
    assert PAGE.imprint.thin.weight_mm == 0.25


@pytest.mark.parametrize("chars", [4, 8, 12, 16, 24])
def test_the_mark_fits_one_line(chars: int) -> None:
    size = PAGE.mark_size_pt(chars)
    assert size <= PAGE.mark.max_pt
    assert size * chars <= mm_to_pt(156.0)


@pytest.mark.parametrize("size", [30.0, 36.5, 42.0])
def test_header_lines_leave_two_blank_lines_around_the_doc_number_and_before_the_title(
    size: float,
) -> None:
    grid = PAGE.grid
    lines = PAGE.header_lines(size)
    mark_bottom = mm_to_pt(35.0) + size
    blank_above_number = grid.line_top_pt(lines.doc_number) - mark_bottom
    assert 2 * grid.pitch_pt <= blank_above_number + 1e-6 < 3 * grid.pitch_pt
    blank_above_title = grid.line_top_pt(lines.title) - lines.rule_y_pt
    assert 2 * grid.pitch_pt <= blank_above_title + 1e-6 < 3 * grid.pitch_pt
    assert lines.title < grid.lines


def test_as_json_carries_the_derived_values_for_the_typst_template() -> None:
    data = json.loads(PAGE.as_json())
    assert data["grid"]["pitch_mm"] == pytest.approx(225.0 / 22)
    assert data["paper"]["block_width_mm"] == 156.0
    assert data["page_number"]["gap_mm"] == 7.0
    assert data["body"]["heading_roles"] == ["heiti", "kaiti", "fangsong", "fangsong"]
