"""The 督查通报 and the 催办通知 as PDF (Typst, `planctl.render.bulletin_typeset`)."""

from __future__ import annotations

from planctl.supervision.document import Paper


def paper(model: Paper) -> bytes:
    from planctl.fonts import discover
    from planctl.render.bulletin_typeset import paper_pdf

    return paper_pdf(model, discover(model.repository))
