"""Rebuild the fonts planctl ships (planctl/fonts/files/) from Debian's packages.

    apt-get download texlive-lang-chinese fonts-noto-cjk fonts-lxgw-wenkai
    for deb in *.deb; do dpkg -x "$deb" unpacked; done
    python tools/subset_fonts.py unpacked

Each face keeps the characters of GB 2312 (all 7,445, symbols included), every character
the body face FandolFang covers (its Adobe-GB1 range: about 3,500 more hanzi in common
use, for names and places), ASCII, Latin-1 and the punctuation of Chinese text. Hinting
is dropped (the fonts are for print). Each subset is renamed "Planctl …": a subset is a
modified font, and the OFL forbids a modified font to keep a reserved name ("LXGW").
"""

from __future__ import annotations

import argparse
import io
import sys
from dataclasses import dataclass
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

OUT = Path(__file__).resolve().parent.parent / "planctl" / "fonts" / "files"
FANDOL = "usr/share/texlive/texmf-dist/fonts/opentype/public/fandol"
NOTO = "usr/share/fonts/opentype/noto"
WENKAI = "usr/share/fonts/truetype/lxgw-wenkai"
SIMPLIFIED_CHINESE = 2  # index of the SC face in Noto's .ttc collections


@dataclass(frozen=True)
class Subset:
    source: str  # path inside the unpacked packages
    index: int  # face index in a collection
    family: str
    style: str
    weight: int
    output: str
    full_set: bool = True  # False: page-number digits and punctuation only


SUBSETS = (
    Subset(
        f"{FANDOL}/FandolFang-Regular.otf",
        0,
        "Planctl Fang",
        "Regular",
        400,
        "PlanctlFang-Regular.otf",
    ),
    Subset(
        f"{NOTO}/NotoSansCJK-Regular.ttc",
        SIMPLIFIED_CHINESE,
        "Planctl Hei",
        "Regular",
        400,
        "PlanctlHei-Regular.otf",
    ),
    Subset(
        f"{WENKAI}/LXGWWenKai-Regular.ttf",
        0,
        "Planctl Kai",
        "Regular",
        400,
        "PlanctlKai-Regular.ttf",
    ),
    Subset(
        f"{NOTO}/NotoSerifCJK-Bold.ttc",
        SIMPLIFIED_CHINESE,
        "Planctl Song",
        "Bold",
        700,
        "PlanctlSong-Bold.otf",
    ),
    Subset(
        f"{NOTO}/NotoSerifCJK-Regular.ttc",
        SIMPLIFIED_CHINESE,
        "Planctl Song",
        "Regular",
        400,
        "PlanctlSong-Regular.otf",
        full_set=False,
    ),
)

# Punctuation and symbols of Chinese text beyond GB 2312.
EXTRA_RANGES = (
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1
    (0x2000, 0x206F),  # General Punctuation (— – ‘ ’ “ ” … ‰ ※)
    (0x2150, 0x218F),  # Number Forms (Ⅰ Ⅱ …)
    (0x2460, 0x24FF),  # Enclosed Alphanumerics (① ②)
    (0x3000, 0x303F),  # CJK Symbols and Punctuation (、。〈〉《》「」『』【】〔〕〖〗)
    (0xFE30, 0xFE4F),  # CJK Compatibility Forms
    (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms
)
PAGE_NUMBER_RANGES = ((0x0020, 0x007E), (0x2010, 0x2015))


def gb2312() -> set[int]:
    """Every character GB 2312 encodes (rows 0xA1–0xF7, cells 0xA1–0xFE)."""
    found = set()
    for row in range(0xA1, 0xF8):
        for cell in range(0xA1, 0xFF):
            try:
                found.add(ord(bytes((row, cell)).decode("gb2312")))
            except UnicodeDecodeError:
                continue
    return found


def character_set(unpacked: Path) -> set[int]:
    body = TTFont(unpacked / SUBSETS[0].source, lazy=True)
    covered = set(body.getBestCmap())
    ranges = {code for low, high in EXTRA_RANGES for code in range(low, high + 1)}
    return gb2312() | covered | ranges


def make(unpacked: Path, spec: Subset, wanted: set[int]) -> bytes:
    font = TTFont(unpacked / spec.source, fontNumber=spec.index)
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]
    options.name_languages = [0x409]
    options.hinting = False
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(wanted))
    subsetter.subset(font)
    rename(font, spec)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def rename(font: TTFont, spec: Subset) -> None:
    names = font["name"]
    original = names.getDebugName(4) or spec.source
    full = f"{spec.family} {spec.style}" if spec.style != "Regular" else spec.family
    postscript = f"{spec.family.replace(' ', '')}-{spec.style}"
    for name_id, value in (
        (1, spec.family),
        (2, spec.style),
        (3, f"{postscript};subset of {original}"),
        (4, full),
        (6, postscript),
        (10, f"A subset of {original}, made for planctl's fallback fonts."),
    ):
        names.setName(value, name_id, 3, 1, 0x409)
    names.names = [n for n in names.names if n.nameID not in (16, 17) and n.platformID == 3]
    if "CFF " in font:
        cff = font["CFF "].cff
        cff.fontNames = [postscript]
        top = cff.topDictIndex[0]
        top.FullName, top.FamilyName = full, spec.family
    font["OS/2"].usWeightClass = spec.weight


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("unpacked", type=Path, help="folder the .deb packages were unpacked into")
    args = parser.parse_args()
    wanted = character_set(args.unpacked)
    page_numbers = {code for low, high in PAGE_NUMBER_RANGES for code in range(low, high + 1)}
    OUT.mkdir(parents=True, exist_ok=True)
    for spec in SUBSETS:
        data = make(args.unpacked, spec, wanted if spec.full_set else page_numbers)
        (OUT / spec.output).write_bytes(data)
        print(f"{spec.output}: {len(data) / 1e6:.1f} MB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
