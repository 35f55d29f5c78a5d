"""WordprocessingML details python-docx has no API for: east-Asian fonts, character-unit
indents, paragraph borders, fields, the document grid, section alignment, the font table.

Every helper edits the XML in the order the OOXML schema requires, so Word, WPS and
LibreOffice all accept the result.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from planctl.render.gbt9704 import Face

# Children of w:pPr, w:rPr and w:sectPr in schema order (ECMA-376 Part 1, 17.3.1.26,
# 17.3.2.28, 17.6.17); only the ones planctl writes or must keep in place.
_PPR_ORDER = (
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
)
_RPR_ORDER = (
    "rStyle",
    "rFonts",
    "b",
    "bCs",
    "i",
    "iCs",
    "caps",
    "smallCaps",
    "strike",
    "dstrike",
    "outline",
    "shadow",
    "emboss",
    "imprint",
    "noProof",
    "snapToGrid",
    "vanish",
    "webHidden",
    "color",
    "spacing",
    "w",
    "kern",
    "position",
    "sz",
    "szCs",
    "highlight",
    "u",
    "effect",
    "bdr",
    "shd",
    "fitText",
    "vertAlign",
    "rtl",
    "cs",
    "em",
    "lang",
    "eastAsianLayout",
    "specVanish",
    "oMath",
)
_SECTPR_ORDER = (
    "headerReference",
    "footerReference",
    "footnotePr",
    "endnotePr",
    "type",
    "pgSz",
    "pgMar",
    "paperSrc",
    "pgBorders",
    "lnNumType",
    "pgNumType",
    "cols",
    "formProt",
    "vAlign",
    "noEndnote",
    "titlePg",
    "textDirection",
    "bidi",
    "rtlGutter",
    "docGrid",
    "printerSettings",
    "sectPrChange",
)
_TBLPR_ORDER = (
    "tblStyle",
    "tblpPr",
    "tblOverlap",
    "bidiVisual",
    "tblStyleRowBandSize",
    "tblStyleColBandSize",
    "tblW",
    "jc",
    "tblCellSpacing",
    "tblInd",
    "tblBorders",
    "shd",
    "tblLayout",
    "tblCellMar",
    "tblLook",
    "tblCaption",
    "tblDescription",
)
_THEME_FONT_ATTRIBUTES = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")

WORD_NAMESPACE = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# GB2312's Windows character set, so Word substitutes a Chinese face when one is missing.
_GB2312_CHARSET = "86"


def child(parent: Any, tag: str, order: tuple[str, ...]) -> Any:
    """The `w:tag` child of `parent`, created in its schema position when missing."""
    found = parent.find(qn(f"w:{tag}"))
    if found is not None:
        return found
    element = OxmlElement(f"w:{tag}")
    later = order[order.index(tag) + 1 :]
    for sibling in parent:
        if sibling.tag.startswith(f"{{{WORD_NAMESPACE}}}") and _local(sibling.tag) in later:
            sibling.addprevious(element)
            return element
    parent.append(element)
    return element


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def set_attributes(element: Any, values: Mapping[str, object]) -> Any:
    for name, value in values.items():
        element.set(qn(f"w:{name}"), str(value))
    return element


def ppr_child(pPr: Any, tag: str) -> Any:
    return child(pPr, tag, _PPR_ORDER)


def rpr_child(rPr: Any, tag: str) -> Any:
    return child(rPr, tag, _RPR_ORDER)


def tblpr_child(tblPr: Any, tag: str) -> Any:
    return child(tblPr, tag, _TBLPR_ORDER)


def sectpr_child(sectPr: Any, tag: str) -> Any:
    return child(sectPr, tag, _SECTPR_ORDER)


# --- runs --------------------------------------------------------------------------------


def set_face(rPr: Any, face: Face) -> None:
    """Use `face` for every script, east-Asian slot included, and drop theme fonts
    (which would otherwise win over the named face)."""
    fonts = rpr_child(rPr, "rFonts")
    for attribute in _THEME_FONT_ATTRIBUTES:
        fonts.attrib.pop(qn(f"w:{attribute}"), None)
    set_attributes(
        fonts,
        {
            "ascii": face.word,
            "hAnsi": face.word,
            "eastAsia": face.word,
            "cs": face.word,
            "hint": "eastAsia",
        },
    )


def set_size(rPr: Any, points: float) -> None:
    half_points = round(points * 2)
    set_attributes(rpr_child(rPr, "sz"), {"val": half_points})
    set_attributes(rpr_child(rPr, "szCs"), {"val": half_points})


def set_language(rPr: Any) -> None:
    """Mark text as Simplified Chinese, so Word breaks lines and compresses punctuation so."""
    set_attributes(rpr_child(rPr, "lang"), {"val": "en-US", "eastAsia": "zh-CN", "bidi": "ar-SA"})


def set_flag(rPr: Any, tag: str, on: bool = True) -> None:
    """A toggle property (w:b, w:strike …), written explicitly on or off."""
    set_attributes(rpr_child(rPr, tag), {"val": "1" if on else "0"})


def set_color(rPr: Any, color: str) -> None:
    color_element = rpr_child(rPr, "color")
    for attribute in ("themeColor", "themeShade", "themeTint"):
        color_element.attrib.pop(qn(f"w:{attribute}"), None)
    set_attributes(color_element, {"val": color})


# --- paragraphs ----------------------------------------------------------------------------


def indent_chars(pPr: Any, char_pt: float, **hundredths: int) -> None:
    """Indents in hundredths of a character (firstLineChars=200 is 2 characters).

    Word and WPS follow the character values; LibreOffice reads only the twips, so both
    are written, the twips for characters of `char_pt` points."""
    ind = ppr_child(pPr, "ind")
    for name, value in hundredths.items():
        ind.set(qn(f"w:{name}"), str(value))
        ind.set(qn(f"w:{name.removesuffix('Chars')}"), str(round(value * char_pt * 20 / 100)))


def indent_twips(pPr: Any, **twips: int) -> None:
    set_attributes(ppr_child(pPr, "ind"), twips)


def border(pPr: Any, side: str, eighths: int, color: str = "000000", space: int = 0) -> None:
    """A paragraph border line `eighths`/8 pt thick, `space` pt from the text."""
    borders = child(pPr, "pBdr", _PPR_ORDER)
    line = child(borders, side, ("top", "left", "bottom", "right", "between", "bar"))
    set_attributes(line, {"val": "single", "sz": eighths, "space": space, "color": color})


def snap_to_grid(pPr: Any, on: bool) -> None:
    set_attributes(ppr_child(pPr, "snapToGrid"), {"val": "1" if on else "0"})


def right_tab(pPr: Any, position_twips: int) -> None:
    tabs = ppr_child(pPr, "tabs")
    set_attributes(child(tabs, "tab", ("tab",)), {"val": "right", "pos": position_twips})


def add_field(paragraph: Any, instruction: str, placeholder: str = "1") -> None:
    """A complex field (begin, instruction, separator, cached result, end): Word, WPS and
    LibreOffice all update `PAGE` fields written this way."""
    _field_char(paragraph, "begin")
    instruction_text = OxmlElement("w:instrText")
    instruction_text.set(qn("xml:space"), "preserve")
    instruction_text.text = f" {instruction} "
    paragraph.add_run()._r.append(instruction_text)
    _field_char(paragraph, "separate")
    paragraph.add_run(placeholder)
    _field_char(paragraph, "end")


def _field_char(paragraph: Any, kind: str) -> None:
    paragraph.add_run()._r.append(set_attributes(OxmlElement("w:fldChar"), {"fldCharType": kind}))


# --- sections -----------------------------------------------------------------------------


def document_grid(sectPr: Any, line_pitch_twips: int) -> None:
    """A line grid: every line on the page `line_pitch_twips` apart (22 lines on a GB/T 9704
    page)."""
    grid = sectpr_child(sectPr, "docGrid")
    grid.attrib.clear()
    set_attributes(grid, {"type": "lines", "linePitch": line_pitch_twips})


def align_bottom(sectPr: Any) -> None:
    """Set the section's text at the bottom of the page (the 版记 page)."""
    set_attributes(sectpr_child(sectPr, "vAlign"), {"val": "bottom"})


# --- the package -------------------------------------------------------------------------


def font_table(faces: Iterable[Face]) -> bytes:
    """word/fontTable.xml naming each face with the face Word substitutes when it is
    missing (w:altName) and the GB2312 character set."""
    entries = []
    for face in dict.fromkeys(faces):
        entries.append(
            f'<w:font w:name="{face.word}"><w:altName w:val="{face.word_alternative}"/>'
            f'<w:charset w:val="{_GB2312_CHARSET}"/><w:family w:val="{_family(face)}"/>'
            '<w:pitch w:val="variable"/></w:font>'
        )
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        f'<w:fonts xmlns:w="{WORD_NAMESPACE}">{"".join(entries)}</w:fonts>'
    ).encode()


def _family(face: Face) -> str:
    return "modern" if face.generic == "sans-serif" else "roman"


def space_before_lines(pPr: Any, lines: float, line_twips: int) -> None:
    """Space above a paragraph in grid lines (beforeLines=100 is one blank line); the twips
    too, for LibreOffice, which reads only those."""
    set_attributes(
        ppr_child(pPr, "spacing"),
        {"before": round(lines * line_twips), "beforeLines": round(lines * 100)},
    )


def shade_cell(tcPr: Any, fill: str) -> None:
    order = (
        "cnfStyle",
        "tcW",
        "gridSpan",
        "hMerge",
        "vMerge",
        "tcBorders",
        "shd",
        "noWrap",
        "tcMar",
        "textDirection",
        "tcFitText",
        "vAlign",
        "hideMark",
    )
    set_attributes(child(tcPr, "shd", order), {"val": "clear", "color": "auto", "fill": fill})


def repeat_as_header(trPr: Any) -> None:
    """Repeat this table row at the top of every printed page."""
    order = (
        "cnfStyle",
        "divId",
        "gridBefore",
        "gridAfter",
        "wBefore",
        "wAfter",
        "cantSplit",
        "trHeight",
        "tblHeader",
        "tblCellSpacing",
        "jc",
        "hidden",
    )
    set_attributes(child(trPr, "tblHeader", order), {"val": "1"})
