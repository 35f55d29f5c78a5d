"""`planctl dashboard` for a plan repository: read the tracking data once, compute the
status for the dashboard's date and for the end of each period of the trend, and write
the site.

Every status is computed here, once, before any page is rendered; the pages only read
the values (`planctl.dashboard.view`). With `public`, only plans whose notice is
主动公开 are kept, and with them only their own reports and reviews, so nothing of another
plan reaches a page.
"""

from __future__ import annotations

import datetime
import functools
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from planctl.dashboard import DashboardResult, build_site
from planctl.dashboard.view import TrendPoint, is_public
from planctl.errors import InputError, UsageError, os_error_reason
from planctl.i18n import DOCUMENT_LANGUAGE, _, in_language, quote
from planctl.model import Plan
from planctl.repository import Repository, open_repository
from planctl.tracking.lights import Lights
from planctl.tracking.periods import Period, period_containing, periods_between
from planctl.tracking.records import Report, Review
from planctl.tracking.state import Status
from planctl.tracking.workdays import Workdays
from planctl.units import UnitRegistry

if TYPE_CHECKING:
    from planctl.tracking.stats import Figures

MOST_PERIODS = 12  # the trend shows the latest periods, at most a year of months
# Below this many (task, date) pairs, starting a worker process costs more than it saves.
PARALLEL_MIN_TASK_DATES = 200_000


@dataclass(frozen=True)
class Chosen:
    """The tracking data of the plans shown (what `compute_status` reads)."""

    plans: tuple[Plan, ...]
    units: UnitRegistry | None
    reports: tuple[Report, ...]
    reviews: tuple[Review, ...]
    workdays: Workdays


def dashboard(
    paths: Sequence[Path],
    output: Path,
    *,
    as_of: datetime.date,
    public: bool = False,
    start: Path | None = None,
) -> DashboardResult:
    """Write the dashboard of the repository's plans (or of the plan files `paths`)."""
    from planctl.atomic import Inputs, boundary
    from planctl.config import load_settings
    from planctl.tracking.load import load_tracking, read_files

    repository = open_repository(start if start is not None else _origin(paths))
    tracking = load_tracking(repository)
    plans = _chosen(tracking.plans, paths, repository)
    if public:
        plans = tuple(plan for plan in plans if is_public(plan))
    ids = {plan.id for plan in plans}
    data = Chosen(
        plans,
        tracking.units,
        tuple(report for report in tracking.reports if report.plan in ids),
        tuple(review for review in tracking.reviews if review.plan in ids),
        tracking.workdays,
    )
    settings = load_settings(repository.root).tracking
    status, trend = status_and_trend(Lights(data, settings), as_of)
    within = boundary(output / "index.html", repository.root)
    _make_folder(output, outside=within != repository.root)
    return build_site(
        plans,
        status,
        output,
        trend=trend,
        workdays=data.workdays,
        settings=settings,
        within=within,
        protect=Inputs(read_files(repository, tracking)),
    )


def status_and_trend(
    lights: Lights, as_of: datetime.date
) -> tuple[Status, Callable[[], list[TrendPoint]]]:
    """The status as of `as_of`, and what gives the trend: the figures at the end of each
    period up to that date (the date itself for the period it falls in), from the plans'
    first reporting period on, as `planctl stats --by period` gives them.

    With many tasks, a forked worker counts the earlier periods while this process works
    out the date's status and renders the site's pages (the overview waits for the trend);
    the worker inherits from `lights` what does not depend on the date, worked out first."""
    from planctl import parallel

    periods = trend_periods(lights.tracking.plans, as_of)
    past = tuple(period.end for period in periods if period.end < as_of)
    tasks = sum(1 for plan in lights.tracking.plans for _task in plan.tasks())
    worth_it = tasks * len(past) >= PARALLEL_MIN_TASK_DATES
    if worth_it:
        lights.prepare(as_of)
    waiting = parallel.start_forked(_figures, lights, past, worth_it=worth_it)
    status = _status(lights, as_of)
    return status, functools.partial(_trend, lights, status, periods, past, waiting)


def _trend(
    lights: Lights,
    status: Status,
    periods: Sequence[Period],
    past: Sequence[datetime.date],
    waiting: Callable[[], list[Figures]],
) -> list[TrendPoint]:
    from planctl.tracking.stats import figures_of

    figures = dict(zip(past, waiting(), strict=True))
    # The current period's figures are those of the status itself.
    current = figures_of(status.tasks, status.reports, lights.settings, status.as_of)
    return [
        TrendPoint(period, min(period.end, status.as_of), figures.get(period.end, current))
        for period in periods
    ]


def _figures(lights: Lights, dates: Sequence[datetime.date]) -> list[Figures]:
    from planctl.tracking.stats import figures_of

    figures = []
    for as_of in dates:
        then = lights.glance(as_of)
        figures.append(figures_of(then.tasks, then.reports, lights.settings, then.as_of))
    return figures


def trend_periods(plans: Sequence[Plan], as_of: datetime.date) -> list[Period]:
    """The periods of the cycle most plans report on, from the earliest first reporting
    period of that cycle to the one holding `as_of`; the latest `MOST_PERIODS` only."""
    from planctl.tracking.lights import first_period

    firsts = [period for plan in plans if (period := first_period(plan)) is not None]
    if not firsts:
        return []
    cycle = Counter(period.cycle for period in firsts).most_common(1)[0][0]
    first = min((p for p in firsts if p.cycle == cycle), key=lambda period: period.start)
    last = period_containing(as_of, cycle)
    return list(periods_between(first, last))[-MOST_PERIODS:]


def _make_folder(output: Path, *, outside: bool) -> None:
    """The output folder: never a file; created here when it lies outside the repository
    (inside it, the write policy creates the folders on the way)."""
    if output.exists() and not output.is_dir():
        raise UsageError(
            _("this is a file, not a folder; the dashboard is a folder of pages"),
            where=str(output),
            hint=_("name a folder with -o"),
        )
    if outside:
        try:
            output.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise InputError(
                _("cannot create the folder: {reason}").format(reason=os_error_reason(error)),
                where=str(output),
                hint=_("check the folder above it exists and is writable"),
            ) from None


def _status(lights: Lights, as_of: datetime.date) -> Status:
    # The reasons and deadline words a status carries are page text: Chinese.
    with in_language(DOCUMENT_LANGUAGE):
        return lights.status(as_of)


def _origin(paths: Sequence[Path]) -> Path | None:
    return paths[0].parent if paths else None


def _chosen(
    plans: Sequence[Plan], paths: Sequence[Path], repository: Repository
) -> tuple[Plan, ...]:
    """The plans named by `paths` (a plan's id is its file name), else every plan."""
    if not paths:
        return tuple(plans)
    by_id = {plan.id: plan for plan in plans}
    chosen = []
    for path in paths:
        plan = by_id.get(path.stem)
        if plan is None:
            raise UsageError(
                _("no plan {plan} in the repository, or it cannot be read").format(
                    plan=quote(path.stem)
                ),
                where=str(path),
                hint=_("name a plan file under {folder}").format(
                    folder=repository.display(repository.plans_dir)
                ),
            )
        chosen.append(plan)
    return tuple({plan.id: plan for plan in chosen}.values())
