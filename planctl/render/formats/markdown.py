"""Markdown output through Jinja templates whose every value is escaped for Markdown."""

from __future__ import annotations

from planctl.render.job import Job
from planctl.render.table import TableDocument
from planctl.render.templating import Templates


def notice(job: Job) -> bytes:
    context = {"notice": job.notice, "plan": job.plan}
    return job.templates.render("notice.md.j2", context).encode("utf-8")


def table(job: Job) -> bytes:
    return write_tables(job.table, job.templates, "table.md.j2")


def units(job: Job) -> bytes:
    return write_tables(job.units, job.templates, "units.md.j2")


def revision(job: Job) -> bytes:
    return write_tables(job.revision, job.templates, "revision.md.j2")


def write_tables(
    document: TableDocument, templates: Templates, name: str = "_tables.md.j2"
) -> bytes:
    """Any `TableDocument` as GitHub-flavoured Markdown."""
    return templates.render(name, {"doc": document}).encode("utf-8")
