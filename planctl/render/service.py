"""What `planctl render` writes and where: choose the (document, format) pairs, name the
files, make them (the PDF in the background) and write them atomically."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from planctl.atomic import boundary, write_atomic
from planctl.errors import InputError, UsageError, WriteRefused
from planctl.render.writers import (
    ALL,
    DEFAULT_FORMAT,
    DOCUMENTS,
    EVERYTHING,
    FORMATS,
    REVISION,
    SUFFIXES,
    TEMPLATED,
    WRITERS,
    formats_for,
    writer,
)

if TYPE_CHECKING:
    from planctl.render.job import Job
    from planctl.render.revision_table import Previous
    from planctl.render.source import Source


@dataclass(frozen=True)
class Output:
    document: str
    format: str
    path: Path
    implicit: bool  # chosen by default rather than asked for: skipped, not failed, if impossible


@dataclass(frozen=True)
class RenderResult:
    """What `render` wrote, and what it left out and why (one line each)."""

    written: tuple[Path, ...]
    skipped: tuple[str, ...]


def render(
    plan: Path,
    *,
    document: str | None = None,
    fmt: str | None = None,
    output: Path | None = None,
    template: str | None = None,
    unit: str | None = None,
    since: str | None = None,
) -> RenderResult:
    """Render `plan` and write the files; see `planctl render --help` for the options.

    With neither `document` nor `fmt`, everything in `EVERYTHING` is written into
    `build/<plan-id>/` beside the repository's `plans/` (or under the working directory
    when the plan is in no repository); the PDF is skipped when no PDF engine is
    installed and the notice when the plan has none. `document="revision"` needs `since`,
    the git revision whose version of the plan the 修订对照表 starts from.
    """
    from planctl.render.job import Job
    from planctl.render.source import load_source
    from planctl.render.templating import Templates

    fmt = fmt or _format_from_suffix(output, document, fmt)
    pairs, implicit = choose(document, fmt, unit)
    _check_since(since, pairs)
    _check_template(template, pairs)
    source = load_source(plan)
    previous = _previous(plan, since, source.plan.id)
    job = Job(source, Templates(source.templates_dir, template), unit, previous)
    # A unit's file is named by its registered name, whatever alias picked it.
    named = (source.units.lookup(unit).canonical if source.units and unit else None) or unit
    outputs = plan_outputs(
        pairs, implicit, output, _default_folder(source.root, source.plan.id), named
    )
    inputs = [plan, *_inputs_beside(source, template)]
    return _write_all(job, outputs, source.root, inputs)


def _inputs_beside(source: Source, template: str | None) -> list[Path]:
    """Files the render reads besides the plan: never written over."""
    from planctl import repository

    read = [repository.Repository(source.root).units_path] if source.root else []
    if template is not None and Path(template).is_file():
        read.append(Path(template))
    return read


def choose(
    document: str | None, fmt: str | None, unit: str | None
) -> tuple[list[tuple[str, str]], bool]:
    """The (document, format) pairs asked for, and whether they were left to the defaults."""
    if document is None and unit is not None:
        document = "units"
    if document not in (None, ALL, *DOCUMENTS, REVISION):
        raise UsageError(
            f"unknown document {document!r}",
            where="--as",
            hint=f"use one of: {', '.join((*DOCUMENTS, REVISION, ALL))}",
        )
    if fmt is not None and fmt not in FORMATS:
        raise UsageError(
            f"unknown format {fmt!r}", where="--format", hint=f"use one of: {', '.join(FORMATS)}"
        )
    if unit is not None and document != "units":
        raise UsageError(
            "--unit selects one unit's list",
            where="--unit",
            hint="use it with --as units (or leave --as out)",
        )
    if document is None or document == ALL:
        if fmt is None:
            return list(EVERYTHING), True
        return [(doc, fmt) for doc in DOCUMENTS if (doc, fmt) in WRITERS], False
    chosen = fmt or DEFAULT_FORMAT[document]
    if (document, chosen) not in WRITERS:
        raise UsageError(
            f"{document} cannot be written as {chosen}",
            where="--format",
            hint=f"{document} is written as: {', '.join(formats_for(document))}",
        )
    return [(document, chosen)], False


def _format_from_suffix(output: Path | None, document: str | None, fmt: str | None) -> str | None:
    """`-o table.csv` says the format when --format does not."""
    if fmt is not None or output is None or document in (None, ALL) or output.is_dir():
        return fmt
    suffix = output.suffix.lower()
    for name, known in SUFFIXES.items():
        if suffix == known:
            return name
    return None


def _check_since(since: str | None, pairs: Sequence[tuple[str, str]]) -> None:
    """--from goes with --as revision, and --as revision with --from."""
    asked = any(document == REVISION for document, _ in pairs)
    if asked and since is None:
        raise UsageError(
            "the 修订对照表 compares with an earlier version",
            where="--as revision",
            hint="name it with --from REV (a commit, tag or branch)",
        )
    if since is not None and not asked:
        raise UsageError(
            "only the 修订对照表 compares with an earlier version",
            where="--from",
            hint="add --as revision, or leave --from out",
        )


def _previous(plan: Path, since: str | None, plan_id: str) -> Previous | None:
    if since is None:
        return None
    from planctl.render.revision_table import load_previous

    return load_previous(plan, since, plan_id)


def _check_template(template: str | None, pairs: Sequence[tuple[str, str]]) -> None:
    if template is None:
        return
    if len(pairs) != 1 or pairs[0][1] not in TEMPLATED:
        raise UsageError(
            "--template replaces the template of one HTML, Markdown or PDF output",
            where="--template",
            hint="add --as and --format html, md or pdf",
        )


def _default_folder(root: Path | None, plan_id: str) -> Path:
    return (root or Path.cwd()) / "build" / plan_id


def plan_outputs(
    pairs: Sequence[tuple[str, str]],
    implicit: bool,
    output: Path | None,
    default_folder: Path,
    unit: str | None,
) -> list[Output]:
    """Where each file goes: `output` as a file (one output) or a folder, else the default."""
    names = [_file_name(document, fmt, unit) for document, fmt in pairs]
    if output is not None and _names_a_file(output, len(pairs)):
        if len(pairs) > 1:
            raise UsageError(
                f"{len(pairs)} files would be written, but -o names one file",
                where=str(output),
                hint="give -o a folder (ending in /)",
            )
        return [Output(*pairs[0], output, implicit)]
    folder = output if output is not None else default_folder
    return [
        Output(doc, fmt, folder / name, implicit)
        for (doc, fmt), name in zip(pairs, names, strict=True)
    ]


def _names_a_file(output: Path, count: int) -> bool:
    if output.is_dir() or str(output).endswith(("/", os.sep)):
        return False
    return bool(output.suffix) or (count == 1 and output.exists())


def _file_name(document: str, fmt: str, unit: str | None) -> str:
    stem = f"{document}-{_safe_name(unit)}" if unit else document
    return stem + SUFFIXES[fmt]


def _safe_name(text: str) -> str:
    return "".join("_" if c in '/\\:*?"<>|' or ord(c) < 32 else c for c in text)


def _write_all(
    job: Job, outputs: Sequence[Output], root: Path | None, inputs: Sequence[Path]
) -> RenderResult:
    """Write every output. A PDF is printed in the background: Chromium needs seconds,
    which python-docx and openpyxl use meanwhile."""
    from concurrent.futures import ThreadPoolExecutor

    skipped: dict[str, list[str]] = {}
    wanted = []
    for target in outputs:
        reason = _why_skip(job, target)
        if reason:
            skipped.setdefault(reason, []).append(target.path.name)
        else:
            wanted.append(target)
    with ThreadPoolExecutor(max_workers=1) as background:
        pending = {t: background.submit(_make, job, t) for t in wanted if t.format == "pdf"}
        made = {t: _make(job, t) for t in wanted if t.format != "pdf"}
        made.update((t, future.result()) for t, future in pending.items())
    for target in wanted:
        write_atomically(target.path, made[target], root, inputs)
    notes = tuple(f"{', '.join(names)}: skipped, {reason}" for reason, names in skipped.items())
    return RenderResult(tuple(t.path for t in wanted), notes)


def _make(job: Job, target: Output) -> bytes:
    from planctl.errors import PlanContentError

    try:
        return writer(target.document, target.format)(job)
    except PlanContentError as error:
        # Named by file:line:column, not by the JSON path the view knew.
        located = job.source.where(error.path)
        raise PlanContentError(
            error.message, path=error.path, hint=error.hint, where=located
        ) from error


def _why_skip(job: Job, target: Output) -> str:
    """Why a default output cannot be made here ("" when it can, or when it was asked for)."""
    if not target.implicit:
        return ""
    if target.document == "notice" and job.source.plan.notice is None:
        return "the plan has no notice: block"
    if target.document == "units" and not any(t.lead or t.support for t in job.plan.tasks):
        return "no task names a lead or supporting unit"
    if target.format == "pdf":
        from planctl.render.formats import pdf

        if pdf.find_engine() is None:
            return pdf.missing_engine_note()
    return ""


def write_atomically(path: Path, data: bytes, root: Path | None, inputs: Sequence[Path]) -> None:
    """Write `data` to `path` with planctl's one write policy (`planctl.atomic`): inside the
    repository or the folder named, never through a link leading elsewhere, never over a
    FIFO, a device, a folder or an input."""
    try:
        write_atomic(path, data, within=boundary(path, root), protect=inputs, make_folders=True)
    except WriteRefused:
        raise
    except OSError as error:
        raise InputError(
            f"cannot write the file: {error.strerror or error}",
            where=str(path),
            hint="check the folder exists and is writable",
        ) from None
