"""What `planctl render` writes and where: choose the (document, format) pairs, name the
files, make them (the PDF in the background) and write them atomically."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from planctl.atomic import Inputs, boundary, write_atomic
from planctl.errors import InputError, UsageError, WriteRefused, os_error_reason
from planctl.i18n import _, pgettext, quote
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
    from planctl.validate.engine import Report

STDOUT = Path("-")  # `-o -`: the one document goes to standard output
BINARY_FORMATS = ("docx", "xlsx", "pdf")


@dataclass(frozen=True)
class Output:
    document: str
    format: str
    path: Path
    implicit: bool  # chosen by default rather than asked for: skipped, not failed, if impossible


@dataclass(frozen=True)
class RenderResult:
    """What `render` wrote, what it left out and why (one line each), what the check before
    rendering found (warnings, or a draft's errors: shown, not fatal), and the document's
    bytes when it goes to standard output."""

    written: tuple[Path, ...]
    skipped: tuple[str, ...]
    report: Report | None = None
    data: bytes | None = None
    warnings: tuple[str, ...] = ()  # e.g. a typeface served by a stand-in


def render(
    plan: Path,
    *,
    document: str | None = None,
    fmt: str | None = None,
    output: Path | None = None,
    template: str | None = None,
    unit: str | None = None,
    since: str | None = None,
    binary_to_stdout: bool = False,
) -> RenderResult:
    """Render `plan` and write the files; see `planctl render --help` for the options.

    The plan is checked first, as `planctl validate` checks it: a plan under review or
    issued that has errors is refused (`errors.RenderRefused`); a draft's findings come back
    in the result's `report`. `output=STDOUT` returns one document's bytes in `data`
    instead of writing a file; a binary format (docx, xlsx, pdf) only with
    `binary_to_stdout` (the caller knows whether standard output is a terminal).

    With neither `document` nor `fmt`, everything in `EVERYTHING` is written into
    `build/<plan-id>/` beside the repository's `plans/` (or under the working directory
    when the plan is in no repository); the PDF is skipped when no PDF engine is
    installed and the notice when the plan has none. `document="revision"` needs `since`,
    the git revision whose version of the plan the 修订对照表 starts from.
    """
    from planctl.render.gate import check_before_render
    from planctl.render.job import Job
    from planctl.render.source import load_source
    from planctl.render.templating import Templates

    fmt = fmt or _format_from_suffix(output, document, fmt)
    pairs, implicit = choose(document, fmt, unit)
    _check_since(since, pairs)
    _check_template(template, pairs)
    to_stdout = output == STDOUT
    if to_stdout:
        _check_stdout(pairs, binary_to_stdout)
    source = load_source(plan)
    checked = check_before_render(source.document, source.units, source.plan.stage)
    previous = _previous(plan, since, source.plan.id)
    job = Job(source, Templates(source.templates_dir, template), unit, previous)
    if to_stdout:
        data = _make(job, Output(*pairs[0], STDOUT, implicit=False))
        return RenderResult((), (), checked.report, data, tuple(job.warnings))
    # A unit's file is named by its registered name, whatever alias picked it.
    named = (source.units.lookup(unit).canonical if source.units and unit else None) or unit
    outputs = plan_outputs(
        pairs, implicit, output, _default_folder(source.root, source.plan.id), named
    )
    inputs = [plan, *_inputs_beside(source, template)]
    written = _write_all(job, outputs, source.root, inputs)
    return RenderResult(written.written, written.skipped, checked.report, None, written.warnings)


def _listed(items: Sequence[str]) -> str:
    return pgettext("list separator", ", ").join(items)


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
            _("unknown document {name}").format(name=quote(document)),
            where="--as",
            hint=_("use one of: {choices}").format(choices=_listed((*DOCUMENTS, REVISION, ALL))),
        )
    if fmt is not None and fmt not in FORMATS:
        raise UsageError(
            _("unknown format {name}").format(name=quote(fmt)),
            where="--format",
            hint=_("use one of: {choices}").format(choices=_listed(list(FORMATS))),
        )
    if unit is not None and document != "units":
        raise UsageError(
            _("--unit selects one unit's list"),
            where="--unit",
            hint=_("use it with --as units (or leave --as out)"),
        )
    if document is None or document == ALL:
        if fmt is None:
            return list(EVERYTHING), True
        return [(doc, fmt) for doc in DOCUMENTS if (doc, fmt) in WRITERS], False
    chosen = fmt or DEFAULT_FORMAT[document]
    if (document, chosen) not in WRITERS:
        raise UsageError(
            _("{document} cannot be written as {format}").format(document=document, format=chosen),
            where="--format",
            hint=_("{document} is written as: {formats}").format(
                document=document, formats=_listed(formats_for(document))
            ),
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
            _("the 修订对照表 compares with an earlier version"),
            where="--as revision",
            hint=_("name it with --from REV (a commit, tag or branch)"),
        )
    if since is not None and not asked:
        raise UsageError(
            _("only the 修订对照表 compares with an earlier version"),
            where="--from",
            hint=_("add --as revision, or leave --from out"),
        )


def _previous(plan: Path, since: str | None, plan_id: str) -> Previous | None:
    if since is None:
        return None
    from planctl.render.revision_table import load_previous

    return load_previous(plan, since, plan_id)


def _check_stdout(pairs: Sequence[tuple[str, str]], binary_to_stdout: bool) -> None:
    """`-o -` takes one document, and a binary one only when it does not reach a terminal."""
    if len(pairs) != 1:
        raise UsageError(
            _("{count} files would be written, but standard output takes one").format(
                count=len(pairs)
            ),
            where="-o -",
            hint=_("add --as and --format to choose one document"),
        )
    fmt = pairs[0][1]
    if fmt in BINARY_FORMATS and not binary_to_stdout:
        raise UsageError(
            _("{format} is a binary format and standard output is a terminal").format(format=fmt),
            where="-o -",
            hint=_(
                "redirect it to a file or a pipe (> file.{format}), or use -f md, html or csv"
            ).format(format=fmt),
        )


def _check_template(template: str | None, pairs: Sequence[tuple[str, str]]) -> None:
    if template is None:
        return
    if len(pairs) != 1 or pairs[0][1] not in TEMPLATED:
        raise UsageError(
            _("--template replaces the template of one HTML, Markdown or PDF output"),
            where="--template",
            hint=_("add --as and --format html, md or pdf"),
        )
    document, fmt = pairs[0]
    if fmt == "pdf" and document != "notice":
        raise UsageError(
            _("the PDF of {document} is typeset by Typst and takes no template").format(
                document=document
            ),
            where="--template",
            hint=_("use --template with --format html or md"),
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
    if output is not None and names_a_file(output, len(pairs)):
        if len(pairs) > 1:
            raise UsageError(
                _("{count} files would be written, but -o names one file").format(count=len(pairs)),
                where=str(output),
                hint=_("give -o a folder (ending in /)"),
            )
        return [Output(*pairs[0], output, implicit)]
    folder = output if output is not None else default_folder
    return [
        Output(doc, fmt, folder / name, implicit)
        for (doc, fmt), name in zip(pairs, names, strict=True)
    ]


def names_a_file(output: Path, count: int) -> bool:
    """Whether `-o` names a file: it has a suffix, or it is the one output's existing
    file; else it is a folder (made when missing), with or without its final `/`."""
    if output.is_dir() or str(output).endswith(("/", os.sep)):
        return False
    return bool(output.suffix) or (count == 1 and output.exists())


def one_output_path(output: Path, name: str) -> Path:
    """Where the one file a command writes goes with `-o output`: into the folder it
    names, as `name`, or the file it names."""
    return output if names_a_file(output, 1) else output / name


def _file_name(document: str, fmt: str, unit: str | None) -> str:
    from planctl.filenames import safe_file_name

    stem = f"{document}-{safe_file_name(unit)}" if unit else document
    return stem + SUFFIXES[fmt]


def _write_all(
    job: Job, outputs: Sequence[Output], root: Path | None, inputs: Sequence[Path]
) -> RenderResult:
    """Write every output. A PDF is typeset in the background (Typst works outside the
    interpreter's lock) while python-docx and openpyxl write the others."""
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
    notes = tuple(
        _("{files}: skipped, {reason}").format(files=_listed(names), reason=reason)
        for reason, names in skipped.items()
    )
    return RenderResult(tuple(t.path for t in wanted), notes, warnings=tuple(job.warnings))


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
        return _("the plan has no notice: block")
    if target.document == "units" and not any(t.lead or t.support for t in job.plan.tasks):
        return _("no task names a lead or supporting unit")
    if target.format == "pdf" and target.document == "notice":  # tables: always Typst
        from planctl.render.formats import pdf

        return pdf.unavailable_note()
    return ""


def write_atomically(
    path: Path, data: bytes, root: Path | None, inputs: Sequence[Path] | Inputs
) -> None:
    """Write `data` to `path` with planctl's one write policy (`planctl.atomic`): inside the
    repository or the folder named, never through a link leading elsewhere, never over a
    FIFO, a device, a folder or an input."""
    try:
        write_atomic(path, data, within=boundary(path, root), protect=inputs, make_folders=True)
    except WriteRefused:
        raise
    except OSError as error:
        raise InputError(
            _("cannot write the file: {reason}").format(reason=os_error_reason(error)),
            where=str(path),
            hint=_("check the folder exists and is writable"),
        ) from None
