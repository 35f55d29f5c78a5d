"""PDF through headless Chromium: A4 pages with the red header (checked on page 1 turned
into a PNG by pdftoppm), the text intact, page numbers on alternating sides and the 版记
on the last page. Needs chromium and poppler;
CI installs both (with fonts-noto-cjk), so these run there."""

from __future__ import annotations

import struct
import subprocess
import zlib
from dataclasses import dataclass
from pathlib import Path

import pytest

from planctl.errors import PlanctlError
from planctl.render import render
from planctl.render.formats import pdf as pdf_writer

from .conftest import ZHAOQING, Render, needs_chromium, needs_poppler

pytestmark = [needs_chromium, needs_poppler]

DPI = 36
MM = DPI / 25.4  # pixels per millimetre


@dataclass(frozen=True)
class Page:
    """One page as RGB pixels, decoded from pdftoppm's PNG."""

    width: int
    height: int
    pixels: bytes

    def rgb(self, x: int, y: int) -> tuple[int, int, int]:
        at = 3 * (y * self.width + x)
        return self.pixels[at], self.pixels[at + 1], self.pixels[at + 2]

    def rows_where(self, wanted: str) -> dict[int, list[int]]:
        """For each pixel row, the x of pixels that are red (or black)."""
        found: dict[int, list[int]] = {}
        for y in range(self.height):
            for x in range(self.width):
                r, g, b = self.rgb(x, y)
                hit = r > 180 and g < 100 and b < 100 if wanted == "red" else max(r, g, b) < 90
                if hit:
                    found.setdefault(y, []).append(x)
        return found


def page_image(pdf: Path, number: int) -> Page:
    png = subprocess.run(
        ["pdftoppm", "-png", "-r", str(DPI), "-f", str(number), "-l", str(number), str(pdf)],
        capture_output=True,
        check=True,
        timeout=120,
    ).stdout
    return decode_png(png)


def decode_png(png: bytes) -> Page:
    """An 8-bit RGB PNG (what pdftoppm writes) as pixels: IDAT inflated, rows unfiltered."""
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    chunks, at = {}, 8
    data = b""
    while at < len(png):
        length, kind = struct.unpack(">I4s", png[at : at + 8])
        body = png[at + 8 : at + 8 + length]
        data += body if kind == b"IDAT" else b""
        chunks.setdefault(kind, body)
        at += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", chunks[b"IHDR"][:10])
    assert (depth, colour) == (8, 2), "expected 8-bit RGB"
    raw, stride = zlib.decompress(data), 3 * width
    rows: list[bytearray] = []
    previous = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        row = unfilter(raw[start], bytearray(raw[start + 1 : start + 1 + stride]), previous)
        rows.append(row)
        previous = row
    return Page(width, height, b"".join(rows))


def unfilter(kind: int, row: bytearray, above: bytearray) -> bytearray:
    for i in range(len(row)):
        left = row[i - 3] if i >= 3 else 0
        up, corner = above[i], above[i - 3] if i >= 3 else 0
        if kind == 1:
            row[i] = (row[i] + left) & 0xFF
        elif kind == 2:
            row[i] = (row[i] + up) & 0xFF
        elif kind == 3:
            row[i] = (row[i] + (left + up) // 2) & 0xFF
        elif kind == 4:
            guess = left + up - corner
            near = min(
                (abs(guess - left), 0, left),
                (abs(guess - up), 1, up),
                (abs(guess - corner), 2, corner),
            )
            row[i] = (row[i] + near[2]) & 0xFF
    return row


def text(pdf: Path, page: int, box_mm: tuple[float, float, float, float] | None = None) -> str:
    """The text of a page, or of the box (x, y, width, height in mm) on it."""
    crop: list[str] = []
    if box_mm is not None:
        x, y, w, h = (round(v * 72 / 25.4) for v in box_mm)
        crop = ["-r", "72", "-x", str(x), "-y", str(y), "-W", str(w), "-H", str(h)]
    out = subprocess.run(
        ["pdftotext", "-layout", "-f", str(page), "-l", str(page), *crop, str(pdf), "-"],
        capture_output=True,
        check=True,
        timeout=120,
    ).stdout
    return out.decode("utf-8")


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, check=True, timeout=60)
    line = next(li for li in info.stdout.decode().splitlines() if li.startswith("Pages:"))
    return int(line.split()[1])


@pytest.fixture(scope="module")
def notice_pdf(rendered: Render) -> Path:
    return rendered(ZHAOQING, "notice", "pdf")


def test_pages_are_a4(notice_pdf: Path) -> None:
    info = subprocess.run(
        ["pdfinfo", str(notice_pdf)], capture_output=True, check=True, timeout=60
    ).stdout.decode()
    size = next(li for li in info.splitlines() if li.startswith("Page size:")).split()
    width, height = float(size[2]), float(size[4])
    assert abs(width - 595.3) < 1.5 and abs(height - 841.9) < 1.5


def test_page_one_has_the_red_header_band_and_rule(notice_pdf: Path) -> None:
    page = page_image(notice_pdf, 1)
    red = page.rows_where("red")
    assert red, "no red on page 1"
    # The 发文机关标志's top edge sits 35 mm below the text block (37 mm): 72 mm down.
    assert 70 * MM <= min(red) <= 82 * MM
    # The red rule: one row of red the width of the text block (156 mm, from 28 mm).
    rules = [y for y, xs in red.items() if len(xs) >= 150 * MM]
    assert rules, "no red rule across the text block"
    rule = red[rules[0]]
    assert abs(min(rule) - 28 * MM) <= 2 and abs(max(rule) - (210 - 26) * MM) <= 2
    assert min(red) + 20 * MM < rules[0] < 140 * MM
    assert all(y <= rules[-1] for y in red)  # nothing red below the header


def test_the_text_extracts_with_the_document_number_intact(notice_pdf: Path) -> None:
    first = text(notice_pdf, 1)
    assert "肇府办〔2012〕22号" in first
    assert "肇庆市人民政府办公室文件" in first.replace(" ", "")
    every_page = "".join(text(notice_pdf, n) for n in range(1, page_count(notice_pdf) + 1))
    flat = every_page.replace(" ", "").replace("\n", "")
    assert "（市发展改革局牵头，市经济信息化局、市文广新局、市旅游发展局等有关部门参与）" in flat


def test_page_numbers_alternate_sides_and_the_imprint_page_has_none(notice_pdf: Path) -> None:
    below_text = 297 - 35
    right_half = (105.0, below_text, 105.0, 35.0)
    left_half = (0.0, below_text, 105.0, 35.0)

    def number(page: int, box: tuple[float, float, float, float]) -> str:
        return "".join(text(notice_pdf, page, box).split())

    assert (number(1, right_half), number(1, left_half)) == ("—1—", "")
    assert (number(2, left_half), number(2, right_half)) == ("—2—", "")
    assert (number(3, right_half), number(3, left_half)) == ("—3—", "")
    last = page_count(notice_pdf)
    assert last % 2 == 0  # the 版记 is printed on the back of a sheet
    assert (number(last, left_half), number(last, right_half)) == ("", "")


def test_the_imprint_closes_the_last_page_between_rules(notice_pdf: Path) -> None:
    last = page_count(notice_pdf)
    words = text(notice_pdf, last).replace(" ", "")
    assert "抄送：市委办公室，市委宣传部" in words
    assert "2012年4月20日印发" in words
    page = page_image(notice_pdf, last)
    rules = [y for y, xs in page.rows_where("black").items() if len(xs) >= 150 * MM]
    assert len(rules) >= 3
    # The last rule lies on the bottom of the text block, 35 mm above the page's edge.
    assert abs(max(rules) - (297 - 35) * MM) <= 3 * MM


def test_without_an_engine_the_error_names_the_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(pdf_writer.ENGINE_VARIABLE, str(tmp_path / "no-such-chromium"))
    with pytest.raises(PlanctlError) as caught:
        render(ZHAOQING, document="notice", fmt="pdf", output=tmp_path / "n.pdf")
    assert "chromium" in caught.value.hint and "fonts-noto-cjk" in caught.value.hint
    assert not (tmp_path / "n.pdf").exists()
