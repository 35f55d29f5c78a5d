"""The supervision dashboard: a static site of the lights, rates and deadlines.

`build_site` turns plans and their computed states (`planctl.tracking.state.Status` for
the dashboard's date, the figures at each period end for the trend) into the site's files;
`planctl.dashboard.service.dashboard` does it for a plan repository, reading the
tracking data and computing every status once for all pages.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from planctl.config import TrackingSettings
from planctl.dashboard.view import TrendPoint, View, build_view, is_public
from planctl.model import Plan
from planctl.tracking.state import Status
from planctl.tracking.workdays import Workdays

if TYPE_CHECKING:
    from planctl.atomic import Inputs

__all__ = ["DashboardResult", "TrendPoint", "build_site", "is_public"]


@dataclass(frozen=True)
class DashboardResult:
    folder: Path
    entry: Path  # index.html
    written: tuple[Path, ...]
    view: View
    removed: tuple[Path, ...] = ()  # pages of an earlier site no longer shown


def build_site(
    plans: Sequence[Plan],
    status: Status,
    folder: Path,
    *,
    trend: Sequence[TrendPoint] | Callable[[], Sequence[TrendPoint]] = (),
    workdays: Workdays | None = None,
    settings: TrackingSettings | None = None,
    within: Path | None = None,
    protect: Inputs | None = None,
) -> DashboardResult:
    """Write the dashboard of `plans` as of `status.as_of` into `folder` (inside
    `within`, default `folder` itself, which is created when missing; never over a file
    of `protect`). `trend` may be what works it out: then it is worked out while the
    pages are rendered."""
    from planctl.dashboard import site

    known = () if callable(trend) else trend
    view = build_view(plans, status, known, workdays, settings)
    if within is None:
        folder.mkdir(parents=True, exist_ok=True)
    view, written, removed = site.write_site(
        view, folder, within or folder, trend if callable(trend) else None, protect
    )
    return DashboardResult(folder, folder / "index.html", tuple(written), view, tuple(removed))
