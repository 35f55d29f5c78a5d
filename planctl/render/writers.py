"""Which documents planctl renders in which formats, and the function that writes each.

`WRITERS` maps each (document, format) pair to the function that writes it; the CLI's
choices come from it. Writer modules (`planctl.render.formats.*`) are imported only when
used, since python-docx, openpyxl and Jinja each take a while to load.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from planctl.render.job import Job

Writer = Callable[["Job"], bytes]

DOCUMENTS = ("notice", "table", "units")  # what `--as all` and a bare `--format` cover
REVISION = "revision"  # the 修订对照表: only with `--as revision --from REV`
FORMATS = ("docx", "pdf", "html", "xlsx", "csv", "md")
ALL = "all"

# (document, format) → "module:function" under planctl.render.
WRITERS: dict[tuple[str, str], str] = {
    ("notice", "docx"): "formats.docx:notice",
    ("notice", "pdf"): "formats.pdf:notice",
    ("notice", "html"): "formats.html:notice",
    ("notice", "md"): "formats.markdown:notice",
    ("table", "xlsx"): "formats.xlsx:table",
    ("table", "csv"): "formats.csv:table",
    ("table", "html"): "formats.html:table",
    ("table", "md"): "formats.markdown:table",
    ("table", "docx"): "formats.docx:table",
    ("units", "docx"): "formats.docx:units",
    ("units", "xlsx"): "formats.xlsx:units",
    ("units", "html"): "formats.html:units",
    ("units", "md"): "formats.markdown:units",
    # No CSV: it would lose the marks that are the table's point.
    (REVISION, "docx"): "formats.docx:revision",
    (REVISION, "html"): "formats.html:revision",
    (REVISION, "xlsx"): "formats.xlsx:revision",
    (REVISION, "md"): "formats.markdown:revision",
}
# What a bare `planctl render PLAN` writes, and each document's format when none is given.
EVERYTHING = (
    ("notice", "docx"),
    ("notice", "html"),
    ("notice", "pdf"),
    ("table", "xlsx"),
    ("units", "docx"),
)
DEFAULT_FORMAT = {"notice": "docx", "table": "xlsx", "units": "docx", REVISION: "docx"}
# Formats made from Jinja templates, which `--template` can replace.
TEMPLATED = ("html", "md", "pdf")
SUFFIXES = {
    "docx": ".docx",
    "pdf": ".pdf",
    "html": ".html",
    "xlsx": ".xlsx",
    "csv": ".csv",
    "md": ".md",
}


def formats_for(document: str) -> list[str]:
    return [fmt for doc, fmt in WRITERS if doc == document]


def writer(document: str, fmt: str) -> Writer:
    """The function writing `document` in `fmt`, imported on first use."""
    module_name, function = WRITERS[(document, fmt)].split(":")
    module = importlib.import_module(f"planctl.render.{module_name}")
    found: Writer = getattr(module, function)
    return found
