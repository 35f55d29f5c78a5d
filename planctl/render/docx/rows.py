"""Word table rows that print whole: a row never splits across pages (w:cantSplit), and
the header row repeats at the top of every page (w:tblHeader).

A task's row split over a page break leaves its 牵头单位 and 完成时限 on one page and the
rest of its text on the next, which readers of a 责任分工表 misread; a row that does not
fit on the rest of a page moves whole to the next one instead.
"""

from __future__ import annotations

from typing import Any

from docx.oxml.ns import qn

from planctl.render.docx.ooxml import child, set_attributes

# Children of w:trPr in schema order (ECMA-376 Part 1, 17.4.82).
_TRPR_ORDER = (
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


def keep_whole(trPr: Any) -> None:
    """Never break this row across a page."""
    set_attributes(child(trPr, "cantSplit", _TRPR_ORDER), {"val": "1"})


def repeat_on_every_page(trPr: Any) -> None:
    """Print this row again at the top of every page the table runs onto."""
    set_attributes(child(trPr, "tblHeader", _TRPR_ORDER), {"val": "1"})


def is_kept_whole(tr: Any) -> bool:
    return _on(tr, "cantSplit")


def is_repeated(tr: Any) -> bool:
    return _on(tr, "tblHeader")


def _on(tr: Any, tag: str) -> bool:
    trPr = tr.find(qn("w:trPr"))
    element = None if trPr is None else trPr.find(qn(f"w:{tag}"))
    return element is not None and element.get(qn("w:val"), "1") not in ("0", "false")
