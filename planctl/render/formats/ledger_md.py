"""The 台账 in Markdown: a table per sheet, every value escaped for Markdown."""

from __future__ import annotations

from planctl.tracking.ledger import Ledger


def ledger(model: Ledger) -> bytes:
    from planctl.render.formats.ledger_docx import ledger_tables
    from planctl.render.formats.markdown import write_tables
    from planctl.render.templating import Templates

    return write_tables(ledger_tables(model), Templates())
