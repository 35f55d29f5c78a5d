"""The checks of `planctl validate`: select files, check each, summarize; never print.

Each file is checked on its own (load → schema → rules) and one broken file never hides
the others. Repository-wide checks (duplicate plan ids) run over the per-file results;
reports and reviews are then checked against their plans and each other
(`planctl.tracking.checks`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from planctl import parallel
from planctl import repository as repo
from planctl.errors import ExitCode, UsageError
from planctl.findings import Finding, Severity
from planctl.i18n import _, quote
from planctl.plans import Kind, kind_at, load_registry, open_document
from planctl.repository import collect_files
from planctl.rules import PLAN_RULES, Context
from planctl.rules.registry_consistency import check_registry
from planctl.units import UnitRegistry
from planctl.validate.cache import ResultCache
from planctl.validate.cache import salt as cache_salt
from planctl.yamlio import Document, load_bytes, paused_gc, read_document


@dataclass(frozen=True)
class FileResult:
    file: str
    findings: tuple[Finding, ...]
    plan_id: str | None = None


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)
    files: int = 0
    checked: list[str] = field(default_factory=list)  # every file checked, as findings name it
    strict: bool = False  # whether warnings fail the run, for formats that say so (JUnit)

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.WARNING)

    def exit_code(self, *, strict: bool = False) -> ExitCode:
        """OK clean, FINDINGS (warnings only with `strict`), USAGE a file could not be read."""
        if any(f.fatal for f in self.findings):
            return ExitCode.USAGE
        if self.errors or (strict and self.warnings):
            return ExitCode.FINDINGS
        return ExitCode.OK


# --- one file ----------------------------------------------------------------------------


TRACKING_KINDS: frozenset[Kind] = frozenset({"report", "review", "calendar", "bulletin"})


def check_document(
    document: Document, units: UnitRegistry | None, *, where: Kind | None = None
) -> FileResult:
    """All findings for one loaded document: a plan, the unit registry, a report, a review
    or the calendar (`where`: the kind its place gives it, see `planctl.plans.kind_at`).

    The plan gate's findings first (`planctl.plans`); the rules run only on data the
    gate trusts, so a refused file gets the refusal every other command gives it.
    """
    opened = open_document(document, where=where)
    findings = list(opened.findings)
    if not opened.trusted:
        return FileResult(document.file, tuple(sorted(findings)))
    if opened.kind == "units":
        findings += _check_units(document)
        return FileResult(document.file, tuple(sorted(findings)))
    if opened.kind in TRACKING_KINDS:
        from planctl.tracking.checks.files import check_tracking_file

        findings += check_tracking_file(opened.kind, document)
        return FileResult(document.file, tuple(sorted(findings)))
    plan = opened.plan()
    context = Context(units=units, file_stem=Path(document.file).stem)
    for rule in PLAN_RULES:
        assert rule.check is not None
        severity = rule.severity_for(plan.stage)
        for issue in rule.check(plan, context):
            findings.append(
                document.finding(
                    issue.path,
                    rule.id,
                    severity,
                    issue.message,
                    issue.hint or _(rule.hint),
                    key=issue.on_key,
                )
            )
    return FileResult(document.file, tuple(sorted(findings)), plan.id)


def _check_units(document: Document) -> list[Finding]:
    return [
        document.finding(issue.path, rule_id, Severity.ERROR, issue.message, issue.hint or "")
        for rule_id, issue in check_registry(document.data)
    ]


# --- many files --------------------------------------------------------------------------


Progress = Callable[[int, int], None]  # (files done, files in all)

# Below this many bytes to check, starting worker processes costs more than it saves.
PARALLEL_MIN_BYTES = 512 * 1024


def validate(
    paths: Sequence[Path],
    *,
    start: Path | None = None,
    jobs: int | None = None,
    use_cache: bool = True,
    since: str | None = None,
    progress: Progress | None = None,
) -> Report:
    """Check `paths` (or, with none, the repository around `start`) and report every finding.

    `jobs` worker processes share the files (default: one per core; 1 checks them in this
    process); small batches stay in this process anyway. With `use_cache`, files whose
    bytes were checked before under the same conditions are not parsed again (see
    `planctl.validate.cache`). With `since`, only the plans changed since that git revision are
    checked (all of them when the unit registry or a schema changed).
    """
    origin = paths[0] if paths else (start or Path.cwd())
    root = repo.find_root(origin if origin.is_dir() else origin.parent)
    repository = repo.Repository(root) if root is not None else None
    files = _select_files(paths, repository, since)
    units_path = repository.units_path if repository else None
    cache = _open_cache(repository) if use_cache and repository else None
    results = _check_files(files, units_path, cache, jobs, progress)
    # Plan ids must be unique across the repository, also when only some plans are checked.
    others = _other_plan_ids(repository, files, cache) if since and repository else {}
    if cache is not None:
        cache.save()
    report = summarize(results, others)
    if repository is not None:
        report.findings += _tracking_findings(repository, files, set(report.checked))
        report.findings.sort()
    return report


def _tracking_findings(
    repository: repo.Repository, files: Sequence[Path], checked: set[str]
) -> list[Finding]:
    """The reports and reviews among `files` checked against their plans and each other
    (read from the working tree, as the gate trusts them).

    Only the plans of those files are read, with their reports and reviews, when the
    folders say which plans they are; all of them when a file names a plan elsewhere.
    """
    findings = _bulletin_findings(repository, files, checked)
    tracked = [path for path in files if kind_at(path.absolute()) in ("report", "review")]
    if not tracked:
        return findings
    from planctl.tracking.checks.repository import check_tracking
    from planctl.tracking.load import load_sources, plan_folder, working_tree

    folders = {plan_folder(repository, path) for path in tracked}
    wanted = None if None in folders else {name for name in folders if name is not None}
    loaded = load_sources(working_tree(repository, wanted), keep_documents=True)
    named = {report.plan for _path, report in loaded.reports}
    named |= {review.plan for review in loaded.reviews}
    if wanted is not None and named - {plan.id for plan in loaded.plans}:
        # A plan lies elsewhere: read them all.
        loaded = load_sources(working_tree(repository), keep_documents=True)
    tracking = loaded.tracking()
    return findings + [finding for finding in check_tracking(tracking) if finding.file in checked]


def _bulletin_findings(
    repository: repo.Repository, files: Sequence[Path], checked: set[str]
) -> list[Finding]:
    """The bulletin files among `files` against the plans (planctl.supervision.checks)."""
    bulletins = [path for path in files if kind_at(path.absolute()) == "bulletin"]
    if not bulletins:
        return []
    from planctl.supervision.checks import check_bulletins
    from planctl.tracking.load import load_sources, working_tree

    plans = load_sources(working_tree(repository)).plans
    found = check_bulletins(repository.root, bulletins, plans)
    return [finding for finding in found if finding.file in checked]


def _other_plan_ids(
    repository: repo.Repository, checked: Sequence[Path], cache: ResultCache | None
) -> dict[str, str]:
    """The ids of the plans not checked (from the cache where it has them), by file."""
    chosen = {path.resolve() for path in checked}
    ids: dict[str, str] = {}
    for path in repository.plan_files():
        if path.resolve() in chosen:
            continue
        shown = repo.display_path(path)
        result = _cached(cache, path, shown)
        plan_id = result.plan_id if result is not None else _plan_id(path, shown)
        if plan_id is not None:
            ids.setdefault(plan_id, shown)
    return ids


def _plan_id(path: Path, shown: str) -> str | None:
    with paused_gc():
        data = read_document(path, shown).data
    plan_id = data.get("id") if isinstance(data, dict) else None
    return plan_id if isinstance(plan_id, str) else None


def _select_files(
    paths: Sequence[Path], repository: repo.Repository | None, since: str | None
) -> list[Path]:
    if since is None:
        files = collect_files(paths, repository)
        if not paths and repository is not None:
            files += repository.tracking_files()
        return files
    if paths:
        raise UsageError(
            _("--changed picks the files itself"), hint=_("drop the file names, or drop --changed")
        )
    if repository is None:
        raise UsageError(_("no plan repository here"), hint=_("run inside a folder holding plans/"))
    from planctl.git import changed_files  # git runs only for --changed

    return changed_files(repository, since)


def _open_cache(repository: repo.Repository) -> ResultCache | None:
    settings = repository.root / repo.MARKER_FILE
    salt = cache_salt([_read_or_none(repository.units_path), _read_or_none(settings)])
    return ResultCache.open(repository.root, salt)


def _check_files(
    files: Sequence[Path],
    units_path: Path | None,
    cache: ResultCache | None,
    jobs: int | None,
    progress: Progress | None,
) -> list[FileResult]:
    """Each file's result, in order: from the cache, else checked (here or in workers)."""
    shown = [repo.display_path(path) for path in files]
    pairs = zip(files, shown, strict=True)
    results: list[FileResult | None] = [_cached(cache, path, name) for path, name in pairs]
    todo = [index for index, result in enumerate(results) if result is None]
    done = len(files) - len(todo)
    if progress is not None:
        progress(done, len(files))
    work = [(files[index], shown[index]) for index in todo]
    for index, (key, result) in zip(todo, _run_checks(work, units_path, jobs), strict=True):
        results[index] = result
        if cache is not None and key is not None:
            cache.put(key, result.findings, result.plan_id)
        done += 1
        if progress is not None:
            progress(done, len(files))
    return [result for result in results if result is not None]


def _cached(cache: ResultCache | None, path: Path, shown: str) -> FileResult | None:
    if cache is None:
        return None
    try:
        raw = path.read_bytes()
    except OSError:
        return None  # checked like any file, which reports why it cannot be read
    found = cache.get(_cache_key(path, raw), shown)
    return FileResult(shown, *found) if found is not None else None


Checked = tuple[str | None, FileResult]  # (cache key of the bytes checked, result)


def _run_checks(
    work: Sequence[tuple[Path, str]], units_path: Path | None, jobs: int | None
) -> Iterator[Checked]:
    workers = min(jobs or parallel.available_cores(), len(work))
    if workers > 1 and sum(_size(path) for path, _ in work) >= PARALLEL_MIN_BYTES:
        yield from parallel.map_in_processes(
            _check_in_worker,
            work,
            jobs=workers,
            lost=_lost,
            initializer=_start_worker,
            initargs=(units_path,),
        )
        return
    units = load_registry(units_path) if units_path is not None else None
    for path, shown in work:
        yield check_file(path, shown, units)


def check_file(path: Path, shown: str, units: UnitRegistry | None) -> Checked:
    """Read and check one file; also the cache key of the bytes that were checked."""
    where = kind_at(path.absolute())
    try:
        raw = path.read_bytes()
    except OSError:
        return None, check_document(read_document(path, shown), units, where=where)
    with paused_gc():
        document = load_bytes(raw, shown)
        return _cache_key(path, raw), check_document(document, units, where=where)


def _cache_key(path: Path, raw: bytes) -> str:
    """The file's name and bytes; for a file tracking places by folder, that kind too (the
    same bytes are a plan in plans/ and a report refused for its format in reports/)."""
    where = kind_at(path.absolute())
    name = path.name if where in (None, "plan") else f"{where}:{path.name}"
    return ResultCache.key(name, raw)


_worker_units: list[UnitRegistry | None] = []  # the registry, in each worker process


def _start_worker(units_path: Path | None) -> None:
    _worker_units[:] = [load_registry(units_path) if units_path is not None else None]


def _check_in_worker(item: tuple[Path, str]) -> Checked:
    return check_file(*item, _worker_units[0])


def _lost(item: tuple[Path, str], exitcode: int | None) -> Checked:
    """The result of a file whose worker process died while checking it."""
    import signal

    shown = item[1]
    if exitcode is not None and exitcode < 0:
        number = -exitcode
        name = signal.Signals(number).name if number in signal.valid_signals() else "?"
        message = _(
            "the process checking this file was killed by signal {number} ({name}), "
            "perhaps for lack of memory"
        ).format(number=number, name=name)
    else:
        message = _(
            "the process checking this file ended with exit code {code} before it answered"
        ).format(code=exitcode)
    hint = _("check this file alone with `planctl validate -j 1 FILE`")
    found = Finding(shown, 1, 1, "unchecked", Severity.ERROR, message, hint, fatal=True)
    return None, FileResult(shown, (found,))


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _read_or_none(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def summarize(results: Iterable[FileResult], others: Mapping[str, str] | None = None) -> Report:
    """The findings of every file, and one for each plan id used twice; `others` are the
    ids (and files) of plans that were not checked this time."""
    report = Report()
    owners: dict[str, str] = dict(others or {})
    for result in results:
        report.files += 1
        report.checked.append(result.file)
        report.findings.extend(result.findings)
        if result.plan_id is None:
            continue
        if result.plan_id in owners:
            report.findings.append(_duplicate_plan(result, owners[result.plan_id]))
        owners.setdefault(result.plan_id, result.file)
    report.findings.sort()
    return report


def _duplicate_plan(result: FileResult, first: str) -> Finding:
    document = read_document(Path(result.file), result.file)
    return document.finding(
        ("id",),
        "duplicate-plan-id",
        Severity.ERROR,
        _("plan id {id} is also used by {file}").format(id=quote(result.plan_id or ""), file=first),
        _("give this plan a new id and rename its file to match"),
    )
