"""Which documents planctl renders in which formats, and the function that writes each.

`DOCUMENT_FORMATS` gives each document its formats, a `Formats` registry like every
command's, naming the function that writes it; the CLI's choices come from it. Writer
modules (`planctl.render.formats.*`) are imported only when used, since python-docx,
openpyxl and Jinja each take a while to load.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from planctl.report import Formats

if TYPE_CHECKING:
    from planctl.render.job import Job

Writer = Callable[["Job"], bytes]

DOCUMENTS = ("notice", "table", "units")  # what `--as all` and a bare `--format` cover
REVISION = "revision"  # the 修订对照表: only with `--as revision --from REV`
LEDGER = "ledger"  # the 台账 of tracked plans: only with `--as ledger`, from a Ledger
BULLETIN = "bulletin"  # the 督查通报: only with `--as bulletin --period P`, from a Paper
URGE = "urge"  # the 催办通知: only with `--as urge --unit U`, from a Paper
FORMATS = ("docx", "pdf", "html", "xlsx", "csv", "md")
ALL = "all"
_PACKAGE = "planctl.render.formats"

# Each document's formats: format → "module:function" under planctl.render.formats.
# (The ledger's writers take a `planctl.tracking.ledger.Ledger`, the others a Job.)
DOCUMENT_FORMATS: dict[str, Formats[Any, bytes]] = {
    "notice": Formats(
        _PACKAGE,
        {
            "docx": "docx:notice",
            "pdf": "pdf:notice",
            "html": "html:notice",
            "md": "markdown:notice",
        },
    ),
    "table": Formats(
        _PACKAGE,
        {
            "xlsx": "xlsx:table",
            "csv": "csv:table",
            "html": "html:table",
            "md": "markdown:table",
            "docx": "docx:table",
            "pdf": "pdf:table",
        },
    ),
    "units": Formats(
        _PACKAGE,
        {
            "docx": "docx:units",
            "xlsx": "xlsx:units",
            "pdf": "pdf:units",
            "html": "html:units",
            "md": "markdown:units",
        },
    ),
    # No CSV: it would lose the marks that are the table's point.
    REVISION: Formats(
        _PACKAGE,
        {
            "docx": "docx:revision",
            "html": "html:revision",
            "xlsx": "xlsx:revision",
            "pdf": "pdf:revision",
            "md": "markdown:revision",
        },
    ),
    LEDGER: Formats(
        _PACKAGE,
        {"xlsx": "ledger_xlsx:ledger", "docx": "ledger_docx:ledger", "md": "ledger_md:ledger"},
    ),
    # planctl.supervision's documents: each writer takes a `planctl.supervision.document.Paper`.
    BULLETIN: Formats(
        _PACKAGE,
        {
            "docx": "bulletin_docx:paper",
            "pdf": "bulletin_pdf:paper",
            "html": "bulletin_html:paper",
            "md": "bulletin_md:paper",
        },
    ),
    URGE: Formats(
        _PACKAGE,
        {"docx": "bulletin_docx:paper", "pdf": "bulletin_pdf:paper", "md": "bulletin_md:paper"},
    ),
}
# Every (document, format) pair `render` writes from one plan. The ledger is of many
# plans and their reports: `planctl.tracking.ledger` writes it; the 督查通报 and the 催办通知
# are of the tracking figures: `planctl.supervision` writes them.
WRITERS = frozenset(
    (document, fmt)
    for document, formats in DOCUMENT_FORMATS.items()
    if document not in (LEDGER, BULLETIN, URGE)
    for fmt in formats
)
# What a bare `planctl render PLAN` writes, and each document's format when none is given.
EVERYTHING = (
    ("notice", "docx"),
    ("notice", "html"),
    ("notice", "pdf"),
    ("table", "xlsx"),
    ("table", "pdf"),
    ("units", "docx"),
)
DEFAULT_FORMAT = {
    "notice": "docx",
    "table": "xlsx",
    "units": "docx",
    REVISION: "docx",
    LEDGER: "xlsx",
}
# Formats made from Jinja templates, which `--template` can replace (the notice's PDF
# through the Chromium engine; the tables' PDFs are Typst's alone).
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
    return list(DOCUMENT_FORMATS[document].names)


def writer(document: str, fmt: str) -> Writer:
    """The function writing `document` in `fmt`, imported on first use."""
    return DOCUMENT_FORMATS[document].get(fmt)
