"""The GB/T 9704-2012 layout as named constants: page, grid, type sizes, colours, faces.

Word, HTML and PDF output all read these values, so the standard is encoded once.
Values the standard leaves open (the red rule's weight, the 发文机关标志's size, the
margins of landscape table pages) are marked as choices.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

PT_PER_MM = 72 / 25.4


@dataclass(frozen=True, slots=True)
class Margins:
    """Page margins in millimetres."""

    top: float
    right: float
    bottom: float
    left: float


@dataclass(frozen=True, slots=True)
class Face:
    """One of the standard's typefaces and what stands in for it where it is missing.

    `word` is written to the east-Asian font slot of a .docx; `word_alternative` is the
    face Word and WPS substitute when `word` is not installed (every Chinese Windows has
    it). `web` lists installed font names a browser tries in order — the proprietary
    face first, then common Windows and macOS faces, then free faces (Debian
    fonts-noto-cjk, fonts-arphic-ukai, Fandol, LXGW WenKai) so no glyph is lost.
    """

    word: str
    word_alternative: str
    web: tuple[str, ...]
    generic: str


# --- page and grid (版心 156 × 225 mm, 22 lines of 28 characters) --------------------------
PAGE_WIDTH_MM = 210.0
PAGE_HEIGHT_MM = 297.0
MARGINS = Margins(top=37.0, right=26.0, bottom=35.0, left=28.0)
TEXT_WIDTH_MM = PAGE_WIDTH_MM - MARGINS.left - MARGINS.right
TEXT_HEIGHT_MM = PAGE_HEIGHT_MM - MARGINS.top - MARGINS.bottom
LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
LINE_PITCH_PT = TEXT_HEIGHT_MM * PT_PER_MM / LINES_PER_PAGE  # ≈ 28.99 pt
CHAR_PITCH_PT = TEXT_WIDTH_MM * PT_PER_MM / CHARS_PER_LINE  # ≈ 15.79 pt

# Choice: landscape pages for stand-alone tables, which are not 公文 pages themselves.
TABLE_MARGINS = Margins(top=25.0, right=20.0, bottom=25.0, left=20.0)

# --- type sizes (号 → points) -------------------------------------------------------------
SIZE_2 = 22.0  # 二号: titles
SIZE_3 = 16.0  # 三号: body text
SIZE_4 = 14.0  # 四号: 版记, page numbers
SIZE_SMALL_4 = 12.0  # 小四: table text (choice)
BODY_PT = SIZE_3
TITLE_PT = SIZE_2
IMPRINT_PT = SIZE_4
PAGE_NUMBER_PT = SIZE_4
TABLE_PT = SIZE_SMALL_4

# --- the header block (版头) ----------------------------------------------------------------
RED = "FF0000"
MARK_TOP_MM = 35.0  # 发文机关标志's top edge below the top of the text block
MARK_MAX_PT = 42.0  # choice: 初号 at most; long names shrink to fit one line
RED_RULE_GAP_MM = 4.0  # red rule below the 发文字号
RED_RULE_PT = 1.5  # choice: the standard gives no weight

# --- closing block (版记) and page numbers -----------------------------------------------------
THICK_RULE_MM = 0.35
THIN_RULE_MM = 0.25
PAGE_NUMBER_GAP_MM = 7.0  # the page number's top below the text block
PAGE_NUMBER_DASH = "—"

# --- typefaces ------------------------------------------------------------------------------
FANGSONG = Face(
    word="仿宋_GB2312",
    word_alternative="仿宋",
    web=(
        "仿宋_GB2312",
        "FangSong_GB2312",
        "仿宋",
        "FangSong",
        "STFangsong",
        "FandolFang-Regular",
        "Noto Serif CJK SC",
        "Source Han Serif SC",
    ),
    generic="serif",
)
KAITI = Face(
    word="楷体_GB2312",
    word_alternative="楷体",
    web=(
        "楷体_GB2312",
        "KaiTi_GB2312",
        "楷体",
        "KaiTi",
        "STKaiti",
        "AR PL UKai CN",
        "LXGW WenKai",
        "FandolKai-Regular",
        "Noto Serif CJK SC",
    ),
    generic="serif",
)
HEITI = Face(
    word="黑体",
    word_alternative="SimHei",
    web=(
        "黑体",
        "SimHei",
        "STHeiti",
        "Noto Sans CJK SC",
        "Source Han Sans SC",
        "WenQuanYi Zen Hei",
    ),
    generic="sans-serif",
)
XIAOBIAOSONG = Face(
    word="方正小标宋简体",
    word_alternative="宋体",
    web=(
        "方正小标宋简体",
        "FZXiaoBiaoSong-B05S",
        "方正小标宋_GBK",
        "华文中宋",
        "STZhongsong",
        "Noto Serif CJK SC Bold",
        "Source Han Serif SC Bold",
    ),
    generic="serif",
)
SONGTI = Face(
    word="宋体",
    word_alternative="SimSun",
    web=("宋体", "SimSun", "STSong", "Noto Serif CJK SC", "Source Han Serif SC"),
    generic="serif",
)
FACES = {
    "fangsong": FANGSONG,
    "kaiti": KAITI,
    "heiti": HEITI,
    "xiaobiaosong": XIAOBIAOSONG,
    "songti": SONGTI,
}

# Heading levels 一、 （一） 1. （1）: 黑体, 楷体, then 仿宋.
HEADING_FACES = {1: HEITI, 2: KAITI, 3: FANGSONG, 4: FANGSONG}


def condensed_by_pt(size_pt: float, step_pt: float = 0.05) -> float:
    """How much to tighten characters of `size_pt` so that `CHARS_PER_LINE` of them fill a
    line, in whole `step_pt` steps (Word counts character spacing in 1/20 pt)."""
    excess = size_pt - CHAR_PITCH_PT
    return math.ceil(round(excess / step_pt, 6)) * step_pt if excess > 0 else 0.0


def mark_size_pt(width_in_chars: float) -> float:
    """The 发文机关标志's size: as large as `MARK_MAX_PT`, shrunk to fit the text width."""
    fitting = TEXT_WIDTH_MM * PT_PER_MM / max(width_in_chars, 1.0)
    return min(MARK_MAX_PT, int(fitting * 2) / 2)
