"""`planctl render PLAN… --as bulletin --period P` and `planctl render PLAN --as urge --unit U`:
find the plan and the office's file, compute the facts of the date, word the document and
write it (atomically, into build/<plan-id>/ by default)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from planctl.errors import UsageError
from planctl.i18n import _, either, in_language, quote
from planctl.supervision.document import LAYOUTS, Layout, Paper

if TYPE_CHECKING:
    from planctl.config import Settings
    from planctl.model import Plan
    from planctl.tracking.load import Tracking
    from planctl.tracking.periods import Period

DEFAULT_FORMAT = "docx"


@dataclass(frozen=True)
class Written:
    paths: tuple[Path, ...]
    data: bytes | None = None  # the one document, when it goes to standard output
    notes: tuple[str, ...] = ()


def render_bulletin(
    plans: Sequence[Path],
    *,
    period: str | None,
    layout: str | None = None,
    fmt: str | None = None,
    output: Path | None = None,
    binary_to_stdout: bool = False,
) -> Written:
    """One 督查通报 per plan named, of `period`, as of the date of its bulletin file."""
    from planctl.supervision.bulletin import build_bulletin
    from planctl.supervision.bulletin_file import bulletin_path, read_bulletin
    from planctl.supervision.facts import facts_of

    chosen = _layout(layout)
    if period is None:
        raise UsageError(
            _("a bulletin is of one reporting period"),
            where="--as bulletin",
            hint=_("add --period, e.g. --period 2012-06"),
        )
    context = _Context.of(plans)
    papers: list[tuple[str, str, Paper]] = []
    notes = list(context.left_out)
    for plan in context.plans:
        wanted = _period(period, plan)
        path = bulletin_path(context.root, plan.id, wanted)
        _refuse_what_validate_refuses(context, path)
        office = read_bulletin(path, context.shown(path), plan.id, wanted)
        with in_language("zh_CN"):  # the lights' reasons are document text
            facts = facts_of(
                context.tracking, plan.id, office.date, context.settings.tracking, period=wanted
            )
        notes += facts.notes
        suffix = "" if chosen == "gongwen" else "-jianbao"
        papers.append(
            (plan.id, f"bulletin-{wanted}{suffix}", build_bulletin(plan, office, facts, chosen))
        )
    return _write(context, "bulletin", papers, fmt, output, binary_to_stdout, notes)


def render_urge(
    plans: Sequence[Path],
    *,
    unit: str | None,
    as_of: str | None = None,
    fmt: str | None = None,
    output: Path | None = None,
    binary_to_stdout: bool = False,
) -> Written:
    """The 催办通知 of one plan to `unit`, as of `as_of` (default today)."""
    from planctl.filenames import safe_file_name  # a unit's name as a file name
    from planctl.supervision.facts import facts_of
    from planctl.supervision.urge import build_urge, reply_date
    from planctl.tracking.query import parse_as_of

    if unit is None:
        raise UsageError(
            _("a 催办通知 goes to one unit"),
            where="--as urge",
            hint=_("add --unit, e.g. --unit 市林业局"),
        )
    if len(plans) != 1:
        raise UsageError(
            _("{count} plans named, but this document is of one plan").format(count=len(plans)),
            where="--as urge",
        )
    context = _Context.of(plans)
    plan = context.plans[0]
    name = _unit(context, unit)
    day = parse_as_of(as_of)
    settings = context.settings
    with in_language("zh_CN"):  # the lights' reasons are document text
        facts = facts_of(context.tracking, plan.id, day, settings.tracking, unit=name)
    reply_days = settings.urge.reply_days
    issuer = (plan.reporting.supervisor if plan.reporting else None) or plan.issuer or ""
    paper = build_urge(
        plan,
        name,
        issuer,
        facts,
        warn_days=settings.tracking.warn_days,
        reply_by=reply_date(day, context.tracking.workdays, reply_days),
    )
    return _write(
        context,
        "urge",
        [(plan.id, f"urge-{safe_file_name(name)}-{day.isoformat()}", paper)],
        fmt,
        output,
        binary_to_stdout,
        [*context.left_out, *facts.notes],
    )


# --- reading ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Context:
    root: Path
    tracking: Tracking
    plans: tuple[Plan, ...]
    settings: Settings
    inputs: tuple[Path, ...]

    @classmethod
    def of(cls, named: Sequence[Path]) -> _Context:
        from planctl.config import load_settings
        from planctl.plans import named_plan_ids
        from planctl.repository import open_repository
        from planctl.tracking.drafts import load
        from planctl.tracking.load import read_files

        repository = open_repository(named[0] if named else None)
        ids = named_plan_ids(named, doing="render")
        tracking = load(repository.root)
        plans = tuple(plan for plan in tracking.plans if plan.id in ids)
        for plan in plans:
            if plan.reporting is None:
                raise UsageError(
                    _("plan {plan} has no reporting: block, so nothing is tracked").format(
                        plan=quote(plan.id)
                    ),
                    hint=_("add reporting: (cycle, due_day, supervisor) to the plan"),
                )
        return cls(
            repository.root,
            tracking,
            plans,
            load_settings(repository.root),
            # Never written over: every file read (the bulletin files, the settings too).
            read_files(repository, tracking, *named, *repository.bulletin_files()),
        )

    def shown(self, path: Path) -> str:
        from planctl.repository import display_path

        return display_path(path)

    @property
    def left_out(self) -> tuple[str, ...]:
        """A line for each file the gate refused: its report is not counted."""
        from planctl.tracking.query import left_out_lines

        return left_out_lines(self.tracking.findings)


def _layout(layout: str | None) -> Layout:
    if layout is None:
        return "gongwen"
    for known in LAYOUTS:
        if layout == known:
            return known
    raise UsageError(
        _("unknown layout {name}").format(name=quote(layout)),
        where="--layout",
        hint=_("use {choices}").format(choices=either(list(LAYOUTS))),
    )


def _period(written: str, plan: Plan) -> Period:
    from planctl.errors import DeadlineError
    from planctl.tracking.lights import first_period
    from planctl.tracking.periods import parse_period

    first = first_period(plan)
    cycle = first.cycle if first is not None else "month"
    try:
        return parse_period(written, cycle)
    except DeadlineError as error:
        raise UsageError(str(error), where="--period") from None  # it says what to write


def _unit(context: _Context, unit: str) -> str:
    units = context.tracking.units
    if units is None:
        return unit
    found = units.lookup(unit)
    if found.canonical is None:
        raise UsageError(
            _("{unit} is not a registered unit").format(unit=quote(unit)),
            where="--unit",
            hint=_("write a unit of plans/units.yaml"),
        )
    return found.canonical


def _refuse_what_validate_refuses(context: _Context, path: Path) -> None:
    """A bulletin file `planctl validate` finds an error in (dated before its period, in
    the wrong place) is refused here too, with the same first finding (exit 1)."""
    from planctl.errors import PlanRefused
    from planctl.supervision.checks import bulletin_errors

    if not path.is_file():
        return  # read_bulletin says what to write there
    errors = bulletin_errors(context.root, path, context.tracking.plans)
    if errors:
        raise PlanRefused(errors[0], doing="render", more=len(errors) - 1)


# --- writing ---------------------------------------------------------------------------


def _write(
    context: _Context,
    document: str,
    papers: Sequence[tuple[str, str, Paper]],
    fmt: str | None,
    output: Path | None,
    binary_to_stdout: bool,
    notes: Sequence[str],
) -> Written:
    from planctl.atomic import Inputs, boundary, check_writable
    from planctl.render.service import BINARY_FORMATS, STDOUT, write_atomically
    from planctl.render.writers import DOCUMENT_FORMATS, SUFFIXES

    papers = [
        (plan_id, stem, replace(paper, repository=context.root)) for plan_id, stem, paper in papers
    ]
    chosen = fmt or _format_from(output) or DEFAULT_FORMAT
    formats = DOCUMENT_FORMATS[document]
    formats.check(chosen)
    write = formats.get(chosen)
    unique_notes = tuple(dict.fromkeys(notes))
    if output == STDOUT:
        if len(papers) != 1:
            raise UsageError(_("standard output takes one document"), where="-o -")
        if chosen in BINARY_FORMATS and not binary_to_stdout:
            raise UsageError(
                _("{format} is a binary format and standard output is a terminal").format(
                    format=chosen
                ),
                where="-o -",
                hint=_("redirect it to a file or a pipe, or use -f md"),
            )
        return Written((), write(papers[0][2]), unique_notes)
    inputs = Inputs(context.inputs)
    paths = [_target(context, output, plan_id, stem + SUFFIXES[chosen], len(papers))
             for plan_id, stem, _paper in papers]  # fmt: skip
    for path in paths:  # refused before any file is written
        check_writable(path, within=boundary(path, context.root), protect=inputs)
    for path, (_plan_id, _stem, paper) in zip(paths, papers, strict=True):
        write_atomically(path, write(paper), context.root, inputs)
    return Written(tuple(paths), None, unique_notes)


def _target(context: _Context, output: Path | None, plan_id: str, name: str, count: int) -> Path:
    """Where one plan's document goes: build/<plan-id>/, the folder named (with the plan's
    id first when there are several), or the file named."""
    from planctl.render.service import one_output_path

    if output is None:
        return context.root / "build" / plan_id / name
    if count > 1:
        return output / f"{plan_id}-{name}"  # one folder, one file per plan
    return one_output_path(output, name)


def _format_from(output: Path | None) -> str | None:
    suffixes = {".docx": "docx", ".pdf": "pdf", ".html": "html", ".md": "md"}
    return suffixes.get(output.suffix.lower()) if output is not None else None
