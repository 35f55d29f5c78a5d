"""What `planctl status` and `planctl stats` ask, read from the command line's words:
the repository's tracking data, the plans named (by id or file), the date, the lights.

The commands stay thin: they pass their options here and print what comes back. A warm
run (the answer kept in the cache) imports only what finding the answer needs: the
lights, statistics and formats are imported when an answer is computed.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from planctl.errors import DeadlineError, ExitCode, UsageError
from planctl.i18n import _, either, quote
from planctl.tracking.cache import Answer

if TYPE_CHECKING:
    from planctl.config import TrackingSettings
    from planctl.findings import Finding
    from planctl.report import Rendered
    from planctl.repository import Repository
    from planctl.tracking.load import Tracking
    from planctl.tracking.records import Light
    from planctl.tracking.state import Status
    from planctl.tracking.stats import Stats, StatusView

__all__ = [
    "Asked",
    "ask",
    "check_fail_on",
    "fails",
    "parse_as_of",
    "parse_lights",
    "stats_of",
    "status_of",
]

# `--fail-on` takes the lights that can fail a run, worst first.
FAIL_LIGHTS: tuple[Light, ...] = ("red", "yellow")


@dataclass(frozen=True)
class Asked:
    """The tracking data of a repository and what the command line chose from it."""

    tracking: Tracking
    settings: TrackingSettings
    as_of: datetime.date
    plans: tuple[str, ...]  # plan ids; empty: every plan

    @property
    def findings(self) -> tuple[Finding, ...]:
        """Files left out because they cannot be trusted (the command warns of each)."""
        return self.tracking.findings


def ask(
    repository: Repository,
    plans: Sequence[str],
    as_of: str | None,
    *,
    revision: str | None = None,
    today: datetime.date | None = None,
) -> Asked:
    from planctl.tracking.load import load_tracking

    day = parse_as_of(as_of, today=today)
    from planctl.config import load_settings

    settings = load_settings(repository.root).tracking
    tracking = load_tracking(repository, revision=revision)
    return Asked(tracking, settings, day, tuple(plan_ids(tracking, plans)))


def status_of(asked: Asked, *, unit: str | None, lights: str | None, by: str) -> StatusView:
    """The lights of the date, for the plans, unit and lights asked, grouped by `by`."""
    from planctl.tracking.lights import compute_status

    chosen = parse_lights(lights)
    status = compute_status(asked.tracking, asked.as_of, asked.settings)
    from planctl.tracking.stats import select, status_view

    status = select(status, plans=asked.plans, units=_known_units(asked, unit), lights=chosen)
    status = _with_notes(status, asked)
    return status_view(status, by, asked.settings)  # type: ignore[arg-type]


def stats_of(asked: Asked, *, by: str | None) -> Stats:
    from planctl.tracking.stats import compute_stats

    stats = compute_stats(
        asked.tracking,
        asked.as_of,
        asked.settings,
        by=by,  # type: ignore[arg-type]  # checked there
        plans=asked.plans,
    )
    return replace(stats, notes=(*asked.tracking.notes, *stats.notes))


def check_fail_on(fail_on: str | None) -> None:
    """Refuse a `--fail-on` that is not red or yellow (before any work is done)."""
    if fail_on is not None and fail_on not in FAIL_LIGHTS:
        raise UsageError(
            _("--fail-on takes {choices}, not {value}").format(
                choices=either(list(FAIL_LIGHTS)), value=quote(fail_on)
            ),
            where="--fail-on",
        )


def fails(status: Status, fail_on: str | None) -> bool:
    """Whether a task has the `--fail-on` light or a worse one."""
    check_fail_on(fail_on)
    if fail_on is None:
        return False
    from planctl.tracking.state import LIGHT_ORDER

    worst = LIGHT_ORDER.index(fail_on)  # checked above
    return any(LIGHT_ORDER.index(task.light) <= worst for task in status.tasks)


def parse_as_of(value: str | None, *, today: datetime.date | None = None) -> datetime.date:
    """`--as-of`: a date written YYYY-MM-DD; default today."""
    if value is None:
        return today or datetime.date.today()
    try:
        from planctl.deadlines import parse_date

        day = parse_date(value)
    except DeadlineError as error:
        raise UsageError(str(error), where="--as-of") from error
    return within_reach(day, where="--as-of")


# Room after the date for every window (9,999 weeks at most) and period worked out from it.
LAST_AS_OF = datetime.date(9000, 12, 31)


def within_reach(day: datetime.date, *, where: str) -> datetime.date:
    """`day`, when the lights can be worked out as of it (up to `LAST_AS_OF`), else a
    usage error at `where` (dates after it overflow)."""
    if day > LAST_AS_OF:
        raise UsageError(
            _("{date} is after {last}, the last date the lights are worked out for").format(
                date=day.isoformat(), last=LAST_AS_OF.isoformat()
            ),
            where=where,
            hint=_("give a date in YYYY-MM-DD up to {last}").format(last=LAST_AS_OF.isoformat()),
        )
    return day


def parse_lights(value: str | None) -> tuple[Light, ...]:
    """`--light red,yellow`: some of red, yellow, green, done, grey."""
    if not value:
        return ()
    from planctl.tracking.state import LIGHT_ORDER

    lights = tuple(word.strip() for word in value.split(",") if word.strip())
    for light in lights:
        if light not in LIGHT_ORDER:
            raise UsageError(
                _("unknown light {light}").format(light=quote(light)),
                where="--light",
                hint=_("use {choices}").format(choices=either(list(LIGHT_ORDER))),
            )
    return lights  # type: ignore[return-value]  # each checked above


def plan_ids(tracking: Tracking, names: Sequence[str]) -> list[str]:
    """The plans named: each an id, or a plan file (its `id`); unknown ones refused."""
    ids = []
    for name in names:
        plan_id = _plan_id(tracking, name)
        if plan_id not in ids:
            ids.append(plan_id)
    return ids


def _plan_id(tracking: Tracking, name: str) -> str:
    if tracking.plan(name) is not None:
        return name
    path = Path(name)
    if path.suffix in (".yaml", ".yml") and path.is_file():
        from planctl.plans import open_file

        opened = open_file(path)
        if opened.trusted and opened.kind == "plan":
            plan_id = str(opened.document.data.get("id"))
            if tracking.plan(plan_id) is not None:
                return plan_id
    raise UsageError(
        _("no plan {name} in this repository").format(name=quote(name)),
        hint=_("name a plan by its id or its file under plans/"),
    )


def _known_units(asked: Asked, unit: str | None) -> tuple[str, ...]:
    """`--unit`: a registered unit (an alias names its unit, a group its members)."""
    if unit is None:
        return ()
    registry = asked.tracking.units
    if registry is None:
        return (unit,)
    found = registry.lookup(unit)
    if found.kind == "unknown":
        suggestions = registry.suggest(unit)
        hint = _("did you mean {names}?").format(names=either(suggestions)) if suggestions else ""
        raise UsageError(
            _("{unit} is not a unit in plans/units.yaml").format(unit=quote(unit)),
            where="--unit",
            hint=hint,
        )
    return registry.expand(unit)


def _with_notes(status: Status, asked: Asked) -> Status:
    return replace(status, notes=(*asked.tracking.notes, *status.notes))


# --- whole answers, kept while nothing changes ---------------------------------------


def status_answer(
    repository: Repository,
    plans: Sequence[str],
    *,
    as_of: str | None,
    unit: str | None,
    lights: str | None,
    by: str,
    output_format: str,
    fail_on: str | None,
) -> Answer:
    """`planctl status` printed in `output_format`, from the cache when nothing changed."""
    from planctl.tracking.cache import answered

    check_fail_on(fail_on)
    day = parse_as_of(as_of)
    question = ["status", str(Path.cwd()), *plans, day.isoformat()]
    question += [str(unit), str(lights), by, output_format, str(fail_on)]

    def work() -> Answer:
        asked = ask(repository, plans, day.isoformat())
        view = status_of(asked, unit=unit, lights=lights, by=by)
        code = ExitCode.FINDINGS if fails(view.status, fail_on) else ExitCode.OK
        from planctl.tracking.formats import STATUS_FORMATS

        return Answer(printed(STATUS_FORMATS.get(output_format)(view)), left_out(asked), code)

    return answered(repository, question, work)


def stats_answer(
    repository: Repository,
    plans: Sequence[str],
    *,
    as_of: str | None,
    at: str | None,
    by: str | None,
    output_format: str,
) -> Answer:
    """`planctl stats` printed in `output_format` (from the cache unless `--at` is given:
    a revision's files are read from git, not from the working tree the cache watches)."""
    from planctl.tracking.cache import answered

    day = parse_as_of(as_of)

    def work() -> Answer:
        asked = ask(repository, plans, day.isoformat(), revision=at)
        stats = stats_of(asked, by=by)
        from planctl.tracking.formats import STATS_FORMATS

        return Answer(printed(STATS_FORMATS.get(output_format)(stats)), left_out(asked))

    if at is not None:
        return work()
    question = ["stats", str(Path.cwd()), *plans, day.isoformat(), str(by), output_format]
    return answered(repository, question, work)


def left_out(asked: Asked) -> tuple[str, ...]:
    """One line for each file left out because it cannot be trusted."""
    return left_out_lines(asked.findings)


def left_out_lines(findings: Sequence[Finding]) -> tuple[str, ...]:
    """`reports/…/市林业局.yaml:3:1: … (left out)`: what a command says of each file the
    gate refused, so a refused report is never silently counted as missing."""
    return tuple(
        _("{where}: {message} (left out)").format(where=finding.where, message=finding.message)
        for finding in findings
    )


def printed(rendered: Rendered) -> str:
    from planctl.report import plain_text

    return plain_text(rendered)
