"""Loading what tracking reads: the plans, the unit registry, the workdays calendar, every
progress report and review, as they are now or as they were at a git revision.

Every file goes through the plan gate (`planctl.plans`) with the kind its place gives it,
so a report the gate refuses is refused here as in `planctl validate`, by the same rule.
A refused file, or one holding a value that cannot be read (a date that does not exist),
is left out, and `Tracking.findings` says why, located. Reports get their submission
dates from git (`planctl.tracking.submitted`).

Layout, at the repository root beside `plans/`::

    plans/calendar.yaml                      the workdays calendar (optional)
    reports/<plan-id>/<period>/<unit>.yaml   one unit's report on one period
    reviews/<plan-id>/<period>.yaml          the supervising office's review of a period
"""

from __future__ import annotations

import datetime
import marshal
import os
from collections import deque
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from planctl.deadlines import parse_date
from planctl.errors import DeadlineError, PlanContentError
from planctl.findings import Finding, JsonPath, Severity
from planctl.model import Plan, plan_from_data
from planctl.plans import Kind, Opened, open_bytes
from planctl.repository import PLAN_SUFFIXES, DisplayPaths, Repository
from planctl.tracking.periods import Period, parse_period
from planctl.tracking.records import (
    Decision,
    Holidays,
    MilestoneDone,
    Report,
    ReportEntry,
    Review,
)
from planctl.tracking.workdays import Workdays
from planctl.units import UnitRegistry
from planctl.yamlio import Document, paused_gc

if TYPE_CHECKING:
    from planctl.tracking.trusted import TrustedData

__all__ = [
    "Tracking",
    "load_tracking",
    "report_from_data",
    "review_from_data",
    "workdays_from_data",
]

# The rule naming a value the schema accepts but no calendar has (2023-02-30).
DATE_RULE = "tracking-date"


@dataclass(frozen=True)
class Tracking:
    """Everything tracking computes from, read through the gate."""

    plans: tuple[Plan, ...]  # every trusted plan (with or without `reporting`)
    units: UnitRegistry | None
    reports: tuple[Report, ...]  # trusted reports, `submitted` filled from git
    reviews: tuple[Review, ...]
    workdays: Workdays  # from plans/calendar.yaml, empty when missing
    findings: tuple[Finding, ...] = ()  # why a file was left out (refused), located
    notes: tuple[str, ...] = ()  # things to say once (submission dates a shallow clone hides)
    # The document of each trusted plan, report, review and calendar, by file as shown:
    # what the checks of `planctl validate` locate their findings in (kept only when
    # asked for, see `load_sources`: a year of reports is a lot of text to hold).
    documents: Mapping[str, Document] = field(default_factory=dict, repr=False, compare=False)
    # Where each of those files lies: its path from the repository root, by file as shown.
    places: Mapping[str, str] = field(default_factory=dict, repr=False, compare=False)
    # Every working-tree file read, trusted or not: what a command never writes over.
    files: tuple[Path, ...] = field(default=(), repr=False, compare=False)
    _plans: dict[str, Plan] = field(init=False, repr=False, compare=False, default_factory=dict)
    _reports: dict[str, tuple[Report, ...]] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )
    _reviews: dict[str, tuple[Review, ...]] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        for plan in self.plans:
            self._plans.setdefault(plan.id, plan)  # a second plan with one id: validate says
        self._reports.update(_by_plan(self.reports))
        self._reviews.update(_by_plan(self.reviews))

    def plan(self, plan_id: str) -> Plan | None:
        return self._plans.get(plan_id)

    def reports_of(self, plan_id: str) -> tuple[Report, ...]:
        """The plan's reports, by period, then unit."""
        return self._reports.get(plan_id, ())

    def reviews_of(self, plan_id: str) -> tuple[Review, ...]:
        """The plan's reviews, by period, then date."""
        return self._reviews.get(plan_id, ())


def _by_plan(records: Iterable[Report | Review]) -> dict[str, tuple[Any, ...]]:
    grouped: dict[str, list[Report | Review]] = {}
    for record in records:
        grouped.setdefault(record.plan, []).append(record)
    return {plan: tuple(sorted(found, key=_record_order)) for plan, found in grouped.items()}


def _record_order(record: Report | Review) -> tuple[Any, ...]:
    second = record.unit if isinstance(record, Report) else record.date.isoformat()
    return (record.period.start, record.period.end, second, record.file)


# --- loading ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    """One file to read: its path from the repository root, as shown, and its bytes or
    where to read them."""

    path: str  # from the repository root, with `/`
    shown: str
    kind: Kind  # what its place makes it
    raw: bytes | None  # None: read from `local` when opened (a blob git lacks: empty)
    local: Path | None = None  # the file in the working tree, when it is read from there


def load_tracking(
    repository: Repository, *, revision: str | None = None, use_cache: bool = True
) -> Tracking:
    """Read the repository's tracking data: as the files are, or as they were at `revision`
    (a branch, tag or commit; read through git, never as an option). With `use_cache`, the
    working tree's files unchanged since an earlier read are not parsed again
    (`planctl.tracking.trusted`)."""
    from planctl.tracking.submitted import submitted_dates
    from planctl.tracking.trusted import TrustedData

    if revision is None:
        trusted = TrustedData.open(repository.root) if use_cache else None
        loaded = load_sources(working_tree(repository), trusted=trusted)
        if trusted is not None:
            trusted.save()
    else:
        loaded = load_sources(at_revision(repository, revision))
    submitted = submitted_dates(repository.root, "reports", revision=revision)
    reports = [_with_submitted(report, submitted.of(path)) for path, report in loaded.reports]
    return loaded.tracking(reports, submitted.notes)


def read_files(repository: Repository, tracking: Tracking, *more: Path) -> tuple[Path, ...]:
    """Every file a tracking command reads, which it never writes over: the files the
    load read, the settings, and `more` (the plan files named, the bulletin files)."""
    return (*more, *tracking.files, repository.settings_path)


def working_tree(
    repository: Repository, plan_ids: Collection[str] | None = None
) -> Iterator[Source]:
    """The files of the working tree, each with the kind its place gives it; with
    `plan_ids`, only the plans of those ids (by file name) and the reports and reviews in
    their folders (`reports/<plan-id>/`, `reviews/<plan-id>/`)."""
    shown = DisplayPaths()
    # Every path listed lies below the root: cutting a prefix is much faster than pathlib.
    root = f"{str(repository.root).rstrip('/')}/" if os.sep == "/" else None
    for path, kind in _places(repository, plan_ids):
        text = str(path)
        if root is not None and text.startswith(root):
            inside = text[len(root) :]
        else:
            inside = path.relative_to(repository.root).as_posix()
        # Read where it is opened: in a worker process, when there are many files.
        yield Source(inside, shown(path), kind, None, path)


def _places(
    repository: Repository, plan_ids: Collection[str] | None
) -> Iterator[tuple[Path, Kind]]:
    # Each folder is listed only when the files before it are handed on, so that the
    # plans are being read while the reports are listed.
    if repository.units_path.is_file():
        yield repository.units_path, "units"
    if repository.calendar_path.is_file():
        yield repository.calendar_path, "calendar"
    plans = repository.plan_files()
    if plan_ids is not None:
        plans = [path for path in plans if path.stem in plan_ids]
    yield from ((path, "plan") for path in plans)
    reports = repository.report_files()
    if plan_ids is not None:
        reports = _in_plan_folders(reports, repository.reports_dir, plan_ids)
    yield from ((path, "report") for path in reports)
    reviews = repository.review_files()
    if plan_ids is not None:
        reviews = _in_plan_folders(reviews, repository.reviews_dir, plan_ids)
    yield from ((path, "review") for path in reviews)


def _in_plan_folders(files: list[Path], folder: Path, plan_ids: Collection[str]) -> list[Path]:
    return [path for path in files if path.relative_to(folder).parts[0] in plan_ids]


def plan_folder(repository: Repository, path: Path) -> str | None:
    """The plan id a report's or review's folder names (`reports/<plan-id>/…`), or None."""
    for folder in (repository.reports_dir, repository.reviews_dir):
        try:
            parts = path.absolute().relative_to(folder.absolute()).parts
        except ValueError:
            continue
        return parts[0] if len(parts) > 1 else None
    return None


def at_revision(repository: Repository, revision: str) -> Iterator[Source]:
    """The files as they were at `revision`: one `git ls-tree`, one `git cat-file --batch`."""
    from planctl import git
    from planctl.repository import PLANS_DIR, REPORTS_DIR, REVIEWS_DIR

    files = git.tree_files(repository.root, revision, [PLANS_DIR, REPORTS_DIR, REVIEWS_DIR])
    placed = [(file, kind) for file in files if (kind := layout_kind(file.path)) is not None]
    contents = git.read_blobs(repository.root, [file.blob for file, _kind in placed])
    for file, kind in placed:
        yield Source(file.path, f"{revision}:{file.path}", kind, contents.get(file.blob))


def layout_kind(path: str) -> Kind | None:
    """What a file is by its path from the repository root; None for files tracking skips."""
    parts = PurePosixPath(path).parts
    if PurePosixPath(path).suffix not in PLAN_SUFFIXES or len(parts) < 2:
        return None
    if any(part.startswith(".") for part in parts):
        return None
    if parts[0] == "plans":
        if len(parts) == 2 and parts[1] in ("units.yaml", "calendar.yaml"):
            return "units" if parts[1] == "units.yaml" else "calendar"
        return "plan"
    return {"reports": "report", "reviews": "review"}.get(parts[0])  # type: ignore[return-value]


@dataclass
class Loaded:
    """What `load_sources` read: trusted records, and why the others were left out."""

    plans: list[Plan] = field(default_factory=list)
    units: UnitRegistry | None = None
    reports: list[tuple[str, Report]] = field(default_factory=list)  # (path from root, report)
    reviews: list[Review] = field(default_factory=list)
    workdays: Workdays = field(default_factory=Workdays)
    findings: list[Finding] = field(default_factory=list)
    documents: dict[str, Document] = field(default_factory=dict)
    places: dict[str, str] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)  # the working-tree files read

    def tracking(
        self, reports: Iterable[Report] | None = None, notes: tuple[str, ...] = ()
    ) -> Tracking:
        """The loaded records as a `Tracking` (with `reports`, when they were dated)."""
        return Tracking(
            plans=tuple(self.plans),
            units=self.units,
            reports=tuple(reports if reports is not None else (r for _p, r in self.reports)),
            reviews=tuple(self.reviews),
            workdays=self.workdays,
            findings=tuple(sorted(self.findings)),
            notes=notes,
            documents=self.documents,
            places=self.places,
            files=tuple(self.files),
        )


def load_sources(
    sources: Iterable[Source],
    *,
    keep_documents: bool = False,
    trusted: TrustedData | None = None,
) -> Loaded:
    """Pass each file through the gate and build the records of the trusted ones; with
    `keep_documents`, keep each trusted file's document (to locate findings in); with
    `trusted`, take the data of files unchanged since the gate trusted them from there,
    and keep there the data of the files it trusts now."""
    loaded = Loaded()
    with paused_gc():
        gated = _through_gate(sources, in_workers=not keep_documents, trusted=trusted)
        for source, passed in gated:
            if source.local is not None:
                loaded.files.append(source.local)
            if passed.refusal is not None:
                loaded.findings.append(passed.refusal)
                continue
            try:
                _add(loaded, source, passed, keep_documents)
            except PlanContentError as error:
                # Data from a worker comes without its document: read it again to locate.
                document = (
                    passed.document if passed.document is not None else _open(source).document
                )
                loaded.findings.append(
                    document.finding(
                        error.path, DATE_RULE, Severity.ERROR, error.message, error.hint
                    )
                )
    return loaded


@dataclass(frozen=True)
class Passed:
    """What the gate said of one file: its kind and data, and why it is refused if it is."""

    kind: Kind
    data: Any
    refusal: Finding | None = None
    document: Document | None = None  # when it was read in this process

    @classmethod
    def of(cls, opened: Opened) -> Passed:
        document = opened.document
        return cls(opened.kind, document.data, opened.refusal, document)


# Below this many files, starting worker processes costs more than it saves.
PARALLEL_MIN_FILES = 400
_FILES_PER_TASK = 64


def _through_gate(
    sources: Iterable[Source], *, in_workers: bool, trusted: TrustedData | None = None
) -> Iterator[tuple[Source, Passed]]:
    """Each source with what the gate said of it, in order; with `in_workers`, many files
    are parsed and checked in worker processes (the data the gate trusted comes back);
    with `trusted`, files it kept are not read again."""
    from itertools import chain, islice

    from planctl import parallel

    kept = _Kept(trusted)
    remaining = iter(sources)
    first = list(islice(remaining, PARALLEL_MIN_FILES))
    jobs = parallel.available_cores()
    # Forked workers share this process's state (the language of messages, above all);
    # elsewhere a worker would start afresh, so files are read here.
    if not in_workers or len(first) < PARALLEL_MIN_FILES or jobs < 2 or not parallel.forks():
        for source in chain(first, remaining):
            stamp, passed = kept.look(source)
            if passed is None:
                passed = kept.put(stamp, Passed.of(_open(source)))
            yield source, passed
        return
    # The tasks in flight, oldest first: each file with its stamp and what was kept of it.
    handed: deque[list[tuple[Source, str | None, Passed | None]]] = deque()

    def tasks() -> Iterator[list[Work]]:
        for chunk in _chunks(chain(first, remaining), _FILES_PER_TASK):
            looked = [(source, *kept.look(source)) for source in chunk]
            handed.append(looked)
            yield [
                (source.raw, _local(source), source.shown, source.kind)
                for source, _stamp, passed in looked
                if passed is None
            ]

    answers = parallel.map_in_processes(
        _gate_in_worker,
        tasks(),
        jobs=jobs,
        # A worker the kernel killed: its files are read here instead.
        lost=lambda work, _exitcode: _gate_in_worker(work),
    )
    for answer in answers:
        said = iter(marshal.loads(answer))
        for source, stamp, passed in handed.popleft():
            if passed is None:
                word = next(said)
                if word is None:
                    passed = kept.put(stamp, Passed.of(_open(source)))
                elif len(word) == 2:  # trusted: its data as the worker marshalled it
                    passed = kept.put_marshalled(stamp, *word)
                else:
                    passed = _refused(word)
            yield source, passed


@dataclass(frozen=True)
class _Kept:
    """The gate's word kept from earlier runs (`TrustedData`), for the working tree's files."""

    trusted: TrustedData | None

    def look(self, source: Source) -> tuple[str | None, Passed | None]:
        """The file's stamp and what the gate said of it as it is, if that was kept; no
        stamp for a file not read from the working tree, or without a cache."""
        if self.trusted is None or source.local is None or source.raw is not None:
            return None, None
        stamp = self.trusted.stamp(source.path, source.local)
        found = None if stamp is None else self.trusted.get(stamp)
        if found is None:
            return stamp, None
        kind, data = found
        return stamp, Passed(kind, data)  # type: ignore[arg-type]  # a kind the gate gave

    def put(self, stamp: str | None, passed: Passed) -> Passed:
        """Keep what the gate trusted now; `passed` itself."""
        if stamp is not None and self.trusted is not None and passed.refusal is None:
            self.trusted.put(stamp, passed.kind, passed.data)
        return passed

    def put_marshalled(self, stamp: str | None, kind: Kind, marshalled: bytes) -> Passed:
        """Keep the data a worker trusted and marshalled as it came; what it says."""
        if stamp is not None and self.trusted is not None:
            self.trusted.put_marshalled(stamp, kind, marshalled)
        return Passed(kind, marshal.loads(marshalled))


def _chunks(sources: Iterable[Source], size: int) -> Iterator[list[Source]]:
    chunk: list[Source] = []
    for source in sources:
        chunk.append(source)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# A file for a worker: a `Source`'s bytes, file in the working tree, name as shown, kind.
Work = tuple[bytes | None, str | None, str, Kind]


def _local(source: Source) -> str | None:
    return None if source.local is None else str(source.local)


def _gate_in_worker(work: list[Work]) -> bytes:
    """The gate's word on each file, marshalled: plain data crosses between processes
    many times faster than pickled objects. A trusted file's data is marshalled on its
    own, as the cache keeps it (`TrustedData`): the parent keeps those bytes as they
    are."""
    with paused_gc():
        said = [
            _gate_plain(Source("", shown, kind, raw, None if local is None else Path(local)))
            for raw, local, shown, kind in work
        ]
    return marshal.dumps(said)


def _gate_plain(source: Source) -> tuple[Any, ...] | None:
    """What the gate says of one file, as plain values: its kind and its data marshalled
    when it is trusted; None for a file the schema rejects, which is opened again in the
    parent (explaining is jsonschema's work, a library imported once there rather than
    in every worker)."""
    opened = _open(source, schema=False)
    refusal = opened.refusal
    if refusal is None:
        if not _schema_accepts(opened):
            return None
        return (opened.kind, marshal.dumps(opened.document.data))
    fields = (refusal.file, refusal.line, refusal.column, refusal.rule, refusal.severity.value)
    return (
        opened.kind,
        None,
        (*fields, refusal.message, refusal.hint, refusal.json_path, refusal.fatal),
    )


def _schema_accepts(opened: Opened) -> bool:
    from planctl.schemas import is_valid

    return is_valid(opened.document.data, opened.kind)


def _refused(said: tuple[Any, ...]) -> Passed:
    kind, _data, (file, line, column, rule, severity, *rest) = said
    return Passed(kind, None, Finding(file, line, column, rule, Severity(severity), *rest))


def _open(source: Source, *, schema: bool = True) -> Opened:
    if source.raw is None:
        from planctl.plans import open_document
        from planctl.yamlio import load_bytes, read_document

        # A file that cannot be read is refused in the gate's own words (a blob git lacks
        # is read as empty, which the gate refuses as an empty file).
        document = (
            read_document(source.local, source.shown)
            if source.local is not None
            else load_bytes(b"", source.shown)
        )
        return open_document(document, schema=schema, where=source.kind)
    return open_bytes(source.raw, source.shown, schema=schema, where=source.kind)


def _add(loaded: Loaded, source: Source, passed: Passed, keep_documents: bool) -> None:
    data, file = passed.data, source.shown
    if passed.kind == "plan":
        loaded.plans.append(plan_from_data(data))
    elif passed.kind == "units":
        if source.kind == "units":  # a registry elsewhere is not the repository's
            loaded.units = UnitRegistry.from_data(data)
        return
    elif passed.kind == "calendar":
        if source.kind == "calendar":
            loaded.workdays = workdays_from_data(data)
    elif passed.kind == "report":
        loaded.reports.append((source.path, report_from_data(data, file)))
    else:
        loaded.reviews.append(review_from_data(data, file))
    if keep_documents and passed.document is not None:
        loaded.documents[file] = passed.document
    loaded.places[file] = source.path


def _with_submitted(report: Report, submitted: Any) -> Report:
    from dataclasses import replace

    return replace(report, submitted=submitted) if submitted is not None else report


# --- records from data the schema accepted -------------------------------------------------


def report_from_data(data: Mapping[str, Any], file: str) -> Report:
    """The typed report; `PlanContentError` (with the value's path) for a date or period
    the schema's forms allow but the calendar does not (2023-02-30)."""
    items = data.get("tasks") or ()
    return Report(
        file=file,
        plan=str(data["plan"]),
        period=_period(data["period"], ("period",)),
        unit=str(data["unit"]),
        as_of=_date(data["as_of"], ("as_of",)),
        entries=tuple([_report_entry(item, ("tasks", index)) for index, item in enumerate(items)]),
    )


def _report_entry(data: Mapping[str, Any], path: JsonPath) -> ReportEntry:
    # Made for each task of every report (200,000 in a year of a thousand plans): nothing
    # done for what most entries lack.
    get = data.get
    listed = get("milestones")
    milestones = _milestones_done(listed, path) if listed else ()
    extend_to = get("extend_to")
    return ReportEntry(
        task=str(data["task"]),
        path=path,
        status=data["status"],
        percent=get("percent"),
        progress=get("progress"),
        problems=get("problems"),
        next_steps=get("next_steps"),
        milestones=milestones,
        request=get("request"),
        extend_to=None if extend_to is None else _deadline(extend_to, (*path, "extend_to")),
        reason=get("reason"),
    )


def _milestones_done(items: Sequence[Any], path: JsonPath) -> tuple[MilestoneDone, ...]:
    return tuple(
        MilestoneDone(str(item["id"]), _date(item["done"], (*path, "milestones", index, "done")))
        for index, item in enumerate(items)
    )


def review_from_data(data: Mapping[str, Any], file: str) -> Review:
    """The typed review; `PlanContentError` for a date that does not exist."""
    decisions = tuple(
        _decision(item, ("decisions", index))
        for index, item in enumerate(data.get("decisions") or ())
    )
    return Review(
        file=file,
        plan=str(data["plan"]),
        period=_period(data["period"], ("period",)),
        reviewer=str(data["reviewer"]),
        date=_date(data["date"], ("date",)),
        decisions=decisions,
    )


def _decision(data: Mapping[str, Any], path: JsonPath) -> Decision:
    close, extend_to = data.get("close"), data.get("extend_to")
    return Decision(
        task=str(data["task"]),
        path=path,
        unit=data.get("unit"),
        verdict=data.get("verdict"),
        close=None if close is None else _date(close, (*path, "close")),
        extend_to=None if extend_to is None else _deadline(extend_to, (*path, "extend_to")),
        light=data.get("light"),
        status=data.get("status"),
        note=data.get("note"),
    )


def workdays_from_data(data: Mapping[str, Any]) -> Workdays:
    """The calendar's years (the first entry of a year written twice); `PlanContentError`
    for a date that does not exist."""
    years: dict[int, Holidays] = {}
    for index, entry in enumerate(data.get("years") or ()):
        path: JsonPath = ("years", index)
        rest = frozenset(_rest_days(entry.get("rest") or (), (*path, "rest")))
        days = enumerate(entry.get("work") or ())
        work = frozenset(_date(day, (*path, "work", number)) for number, day in days)
        years.setdefault(int(entry["year"]), Holidays(int(entry["year"]), rest, work))
    return Workdays(years)


def _rest_days(items: Sequence[Any], path: JsonPath) -> Iterator[Any]:
    for index, item in enumerate(items):
        if isinstance(item, str):
            yield _date(item, (*path, index))
            continue
        first = _date(item["from"], (*path, index, "from"))
        last = _date(item["to"], (*path, index, "to"))
        day = first
        while day <= last:
            yield day
            day += datetime.timedelta(days=1)


def _date(value: Any, path: JsonPath) -> Any:
    try:
        return parse_date(str(value))
    except DeadlineError as error:
        raise PlanContentError(error.message, path=path, hint=error.hint) from error


def _period(value: Any, path: JsonPath) -> Period:
    try:
        return parse_period(value)
    except DeadlineError as error:
        raise PlanContentError(error.message, path=path, hint=error.hint) from error


def _deadline(value: Any, path: JsonPath) -> str:
    from planctl.deadlines import parse_deadline

    try:
        parse_deadline(value)
    except DeadlineError as error:
        raise PlanContentError(error.message, path=path, hint=error.hint) from error
    return str(value)
