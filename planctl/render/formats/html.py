"""HTML output through Jinja templates: the notice (also the PDF's source) and tables."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from planctl.render import gbt9704
from planctl.render.job import Job
from planctl.render.table import TableDocument
from planctl.render.templating import Templates


def notice(job: Job) -> bytes:
    context = {"notice": job.notice, "plan": job.plan, "layout": layout()}
    return job.templates.render("notice.html.j2", context).encode("utf-8")


def table(job: Job) -> bytes:
    return write_tables(job.table, job.templates, "table.html.j2")


def units(job: Job) -> bytes:
    return write_tables(job.units, job.templates, "units.html.j2")


def revision(job: Job) -> bytes:
    return write_tables(job.revision, job.templates, "revision.html.j2")


def write_tables(
    document: TableDocument, templates: Templates, name: str = "_tables.html.j2"
) -> bytes:
    """Any `TableDocument` as an HTML page (landscape A4 when printed)."""
    context = {"doc": document, "layout": layout()}
    return templates.render(name, context).encode("utf-8")


def layout() -> dict[str, Any]:
    """The GB/T 9704 constants the templates' CSS is written from."""
    return {
        "faces": {role: asdict(face) for role, face in gbt9704.FACES.items()},
        "margins": asdict(gbt9704.MARGINS),
        "table_margins": asdict(gbt9704.TABLE_MARGINS),
        "page_width_mm": gbt9704.PAGE_WIDTH_MM,
        "text_height_mm": round(gbt9704.TEXT_HEIGHT_MM, 2),
        "line_pitch_pt": round(gbt9704.LINE_PITCH_PT, 2),
        "grid_letter_spacing_pt": round(gbt9704.CHAR_PITCH_PT - gbt9704.BODY_PT, 3),
        "body_pt": gbt9704.BODY_PT,
        "title_pt": gbt9704.TITLE_PT,
        "imprint_pt": gbt9704.IMPRINT_PT,
        "table_pt": gbt9704.TABLE_PT,
        "page_number_pt": gbt9704.PAGE_NUMBER_PT,
        "page_number_gap_mm": gbt9704.PAGE_NUMBER_GAP_MM,
        "dash": gbt9704.PAGE_NUMBER_DASH,
        "red": gbt9704.RED,
        "mark_top_mm": gbt9704.MARK_TOP_MM,
        "red_rule_gap_mm": gbt9704.RED_RULE_GAP_MM,
        "red_rule_pt": gbt9704.RED_RULE_PT,
        "thick_rule_mm": gbt9704.THICK_RULE_MM,
        "thin_rule_mm": gbt9704.THIN_RULE_MM,
    }
