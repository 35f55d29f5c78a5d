"""PDF: the notice typeset by Typst on the GB/T 9704 page model (`planctl.render.typeset`),
and the table documents (责任分工表, 分工清单, 修订对照表) on landscape pages.

Typst comes with planctl (the PyPI package `typst`), and so do fallback fonts, so a PDF
needs nothing installed beyond pip. `PLANCTL_PDF_ENGINE=chromium` prints the HTML notice
through headless Chromium instead, where an office prefers it (`pdf_chromium`); the tables
are always typeset by Typst.
"""

from __future__ import annotations

import os

from planctl.i18n import _
from planctl.render.job import Job

ENGINE_VARIABLE = "PLANCTL_PDF_ENGINE"
ENGINES = ("typst", "chromium")


def notice(job: Job) -> bytes:
    if engine() == "chromium":
        from planctl.render.formats import pdf_chromium

        if job.annex is not None:
            job.warnings.append(
                _(
                    "the Chromium PDF leaves the 责任分工表 out (attach_table): "
                    "the Typst PDF and the Word notice bind it in"
                )
            )
        return pdf_chromium.notice(job)
    from planctl.render import typeset

    fonts = job.fonts
    return typeset.notice_pdf(
        job.notice,
        job.plan,
        stage=job.source.plan.stage,
        fonts=fonts,
        deadlines=job.deadlines,
        sealed=job.sealed,
        annex=job.annex,
    )


def table(job: Job) -> bytes:
    return _tables(job, "table")


def units(job: Job) -> bytes:
    return _tables(job, "units")


def revision(job: Job) -> bytes:
    return _tables(job, "revision")


def _tables(job: Job, document: str) -> bytes:
    from planctl.render import typeset

    stage = job.source.plan.stage
    return typeset.table_pdf(job.tables(document), fonts=job.fonts, stage=stage)


def engine() -> str:
    """The PDF engine asked for (Typst unless PLANCTL_PDF_ENGINE says otherwise)."""
    chosen = os.environ.get(ENGINE_VARIABLE, "typst").strip().lower() or "typst"
    if chosen not in ENGINES:
        from planctl.errors import UsageError

        raise UsageError(
            _("unknown PDF engine {engine!r}").format(engine=chosen),
            where=ENGINE_VARIABLE,
            hint=_("use typst (the default) or chromium"),
        )
    return chosen


def unavailable_note() -> str:
    """Why no PDF can be made here, or "" when one can."""
    if engine() != "chromium":
        return ""
    from planctl.render.formats import pdf_chromium

    return "" if pdf_chromium.find_engine() else pdf_chromium.missing_engine_note()
