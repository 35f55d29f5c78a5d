"""The static site: every page of the dashboard, rendered from one `View`.

The site opens from the file system (file://) or any web server with no network: every
link is relative, the style sheet, the script and the search data are files inside the
output folder, and the data the script reads is a `.js` file loaded by a `<script>` tag
(browsers refuse fetch() of a file:// address). Pages are rendered by planctl's
templating (autoescaped, sandboxed): plan text is data, never markup. Files are written
through `planctl.atomic`, inside the output folder only.
"""

from __future__ import annotations

import contextlib
import datetime
import json
import os
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from planctl.dashboard import timeline
from planctl.dashboard.view import (
    LIGHT_NAMES,
    UNIT_ROWS,
    PlanView,
    TaskRow,
    TrendPoint,
    View,
    unit_file,
)
from planctl.tracking.state import LIGHT_ORDER
from planctl.tracking.stats import Ratio
from planctl.yamlio import paused_gc

if TYPE_CHECKING:
    from planctl.atomic import Inputs

_HERE = Path(__file__).resolve().parent
TEMPLATES = _HERE / "templates"
ASSETS = _HERE / "assets"
ASSET_FILES = ("dashboard.css", "dashboard.js")
TIMELINE_ROWS = 400  # the site-wide timeline: the open tasks due soonest (overdue first)


# Below this many tasks every page is rendered in this process: starting worker processes
# would cost more than it saves.
PARALLEL_MIN_TASKS = 5_000
SHARE_TASKS = 2_000  # plan pages are handed to a worker in shares of about this many tasks


@dataclass(frozen=True)
class Share:
    """Pages rendered and written together, by one process: the plans or units at these
    indexes of the view."""

    kind: Literal["plans", "units"]
    indexes: tuple[int, ...] = ()


@dataclass(frozen=True)
class Site:
    """What every page is rendered from, and where it is written."""

    view: View
    common: Mapping[str, Any]
    folder: Path
    within: Path
    protect: Inputs | None = None  # the files read: never written over

    def write(self, path: str, data: str) -> None:
        """Write one file, atomically, inside `within` only."""
        from planctl.atomic import write_atomic

        # The site is rebuilt from the repository at will: no sync to disk per file.
        write_atomic(
            self.file(path),
            data,
            within=self.within,
            protect=self.protect or (),
            make_folders=True,
            durable=False,
        )

    def check(self, paths: Sequence[str]) -> None:
        """Refuse now, before a page is written, a file the write policy would refuse."""
        from planctl.atomic import check_writable

        for path in paths:
            check_writable(self.file(path), within=self.within, protect=self.protect or ())

    def file(self, path: str) -> Path:
        return self.folder.joinpath(*path.split("/"))


def write_site(
    view: View,
    folder: Path,
    within: Path,
    trend: Callable[[], Sequence[TrendPoint]] | None = None,
    protect: Inputs | None = None,
) -> tuple[View, list[Path], list[Path]]:
    """Render and write every file of the site under `folder`, each atomically, none
    outside `within` and none over a file of `protect`; the pages of a large site are
    spread over worker processes. With `trend`, this process works out the trend (for
    the overview) while they render the other pages. Returns the view (with its trend),
    the files written, pages first, and the pages of an earlier site removed."""
    site = Site(view, _common(view), folder, within, protect)
    paths = file_paths(view)
    site.check(paths)
    done = [site]

    def overview() -> None:
        if trend is not None:
            with_trend = replace(view, trend=trend())
            done[0] = replace(site, view=with_trend, common=_common(with_trend))
        _write_overview(done[0])

    records = [part for part in _render_shares(site, _shares(view), overview) if part]
    site.write("assets/search-data.js", search_script(records))
    written = [site.file(path) for path in paths]
    return done[0].view, written, remove_stale_pages(folder, written)


def remove_stale_pages(folder: Path, written: Sequence[Path]) -> list[Path]:
    """Remove the plan and unit pages an earlier site left in `folder` that this one did
    not write (a plan since left out, or a `--public` site written over the internal
    one: its pages must not stay reachable). Only a file named as the site names its pages,
    in its own page folders, that says it is a page of planctl's dashboard (its generator
    tag), is removed; never through a link."""
    kept = set(written)
    removed = []
    for subfolder, name in (("plans", _PLAN_PAGE), ("units", _UNIT_PAGE)):
        pages = folder / subfolder
        if pages.is_symlink() or not pages.is_dir():
            continue
        for entry in sorted(os.scandir(pages), key=lambda entry: entry.name):
            path = pages / entry.name
            if not name.fullmatch(entry.name) or path in kept:
                continue
            if entry.is_file(follow_symlinks=False) and _made_by_the_dashboard(path):
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
                    removed.append(path)
    return removed


# The names `view.plan_file` and `view.unit_file` give, and the tag every page carries.
_PLAN_PAGE = re.compile(r"plan-[a-z0-9][a-z0-9-]{0,60}\.html")
_UNIT_PAGE = re.compile(r"unit-[0-9a-f]{12}\.html")
GENERATOR = b'<meta name="generator" content="planctl dashboard">'


def _made_by_the_dashboard(path: Path) -> bool:
    try:
        with path.open("rb") as page:
            return GENERATOR in page.read(1024)
    except OSError:
        return False


def file_paths(view: View) -> list[str]:
    """Every file of the site, pages first."""
    return [
        "index.html",
        *(plan.href for plan in view.plans),
        "units/index.html",
        *(unit.href for unit in view.units),
        "timeline.html",
        "search.html",
        "assets/search-data.js",
        *(f"assets/{name}" for name in ASSET_FILES),
    ]


def _shares(view: View) -> list[Share]:
    """The unit pages one by one (the largest pages), then the plan pages in shares of
    about `SHARE_TASKS` tasks (in order: their search records are joined). The overview
    is rendered apart (it waits for the trend)."""
    shares = [Share("units", (index,)) for index in range(len(view.units))]
    chosen: list[int] = []
    tasks = 0
    for index, plan in enumerate(view.plans):
        chosen.append(index)
        tasks += len(plan.rows)
        if tasks >= SHARE_TASKS:
            shares.append(Share("plans", tuple(chosen)))
            chosen, tasks = [], 0
    if chosen:
        shares.append(Share("plans", tuple(chosen)))
    return shares


def _render_shares(
    site: Site, shares: Sequence[Share], overview: Callable[[], None]
) -> Iterator[str]:
    """Each share rendered and written, in order: the search records of its tasks (JSON
    arrays joined by commas; empty for other pages); the `overview` written by this
    process meanwhile. Linux forks the workers, which then share the view without
    copying it; elsewhere, or for a small site, this process renders every page."""
    from planctl import parallel

    tasks = sum(len(plan.rows) for plan in site.view.plans)
    return parallel.map_forked(
        render_share,
        shares,
        site,
        worth_it=tasks >= PARALLEL_MIN_TASKS,
        meanwhile=overview,
    )


def render_share(site: Site, share: Share) -> str:
    """Render and write the pages of `share`; the search records of its tasks."""
    # Rendering leaves little garbage in cycles, and the collector would walk the whole
    # view again and again (a second in every ten of a large site's worker).
    with paused_gc():
        return _render_share(site, share)


def _render_share(site: Site, share: Share) -> str:
    view, common = site.view, site.common
    if share.kind == "units":
        for index in share.indexes:
            unit = view.units[index]
            site.write(unit.href, _render("unit.html.j2", common, "../", unit=unit, most=UNIT_ROWS))
        return ""
    plans = [view.plans[index] for index in share.indexes]
    for plan in plans:
        site.write(plan.href, plan_page(plan, common, view.as_of))
    return search_records(plans)


def plan_page(plan: PlanView, common: Mapping[str, Any], as_of: datetime.date) -> str:
    rows = [(row, f"#task-{i}") for i, row in enumerate(plan.rows)]
    return _render(
        "plan.html.j2",
        common,
        "../",
        plan=plan,
        gantt=timeline.gantt(rows, as_of),
        unit_href=_unit_href,
    )


def _write_overview(site: Site) -> None:
    """The pages over every plan (the overview with its charts, the units, the
    timeline, the search page) and the assets."""
    from planctl.dashboard import charts

    view, common = site.view, site.common
    drawn = {"lights": charts.lights_svg(view.plans) if view.plans else ""}
    drawn["trend"] = charts.trend_svg(view.trend) if len(view.trend) > 1 else ""
    site.write("index.html", _render("index.html.j2", common, "", charts=drawn))
    site.write("units/index.html", _render("units.html.j2", common, "../"))
    site.write(
        "timeline.html",
        _render(
            "timeline.html.j2",
            common,
            "",
            gantt=_site_timeline(view),
            total=timeline_total(view),
            most=TIMELINE_ROWS,
        ),
    )
    site.write("search.html", _render("search.html.j2", common, ""))
    for name in ASSET_FILES:
        site.write(f"assets/{name}", (ASSETS / name).read_text(encoding="utf-8"))


def search_script(records: Sequence[str]) -> str:
    """Every task, for the search page, as a script that sets one global (a page opened
    from file:// may load a script but not fetch a JSON file); `records` are the parts
    made by `search_records`, none empty."""
    payload = f"[{','.join(records)}]"
    names = json.dumps(LIGHT_NAMES, ensure_ascii=False)
    return f"window.PLANCTL_LIGHTS = {names};\nwindow.PLANCTL_TASKS = {payload};\n"


def search_records(plans: Sequence[PlanView]) -> str:
    """The search records of the tasks of `plans`: JSON arrays joined by commas, the
    body of the list the search data holds (so shares of plans are joined alike)."""
    records = [
        [
            f"{plan.href}#task-{index}",
            plan.plan.title,
            row.number,
            row.title,
            row.lead,
            row.support,
            row.light,
            row.deadline_words,
            row.reasons,
            row.progress,
            list(row.units),
        ]
        for plan in plans
        for index, row in enumerate(plan.rows)
    ]
    return json.dumps(records, ensure_ascii=False, separators=(",", ":"))[1:-1]


def _common(view: View) -> dict[str, Any]:
    units = sorted({unit.name for unit in view.units})
    common: dict[str, Any] = {
        "view": view,
        "as_of": view.as_of,
        "lights": LIGHT_ORDER,
        "light_names": LIGHT_NAMES,
        "percent": percent_text,
        "unit_names": units,
        "unit_href": _unit_href,
        "light_parts": light_parts,
    }
    common["lights_cell"] = LightsCell(common)
    return common


class LightsCell:
    """A table cell's light bar and counts (`_lights.html.j2`), rendered once per set of
    counts: a large site's tables hold hundreds of thousands of them, most alike."""

    def __init__(self, common: Mapping[str, Any]) -> None:
        self._common = common
        self._rendered: dict[tuple[int, ...], str] = {}

    def __call__(self, counts: Mapping[str, int]) -> str:
        from markupsafe import Markup  # Jinja's own: what its autoescaping leaves as is

        key = (sum(counts.values()), *(counts.get(light, 0) for light in LIGHT_ORDER))
        cell = self._rendered.get(key)
        if cell is None:
            # The output of an autoescaped template: HTML, every value in it escaped.
            html = _render("_lights.html.j2", self._common, "", counts=counts)
            cell = self._rendered[key] = Markup(html)
        return cell


def light_parts(counts: Mapping[str, int]) -> list[tuple[str, str, int, str]]:
    """The lights present in `counts`, worst first: code, name, count and share of the
    bar's width (a percentage)."""
    total = sum(counts.values())
    return [
        (light, LIGHT_NAMES[light], count, f"{100 * count / total:.2f}")
        for light in LIGHT_ORDER
        if (count := counts.get(light, 0))
    ]


def percent_text(ratio: Ratio) -> str:
    """A rate as the office writes it, to one decimal (87.5%); a dash when nothing counts."""
    share = ratio.share
    return "—" if share is None else f"{share:.1f}%"


def _render(name: str, common: Mapping[str, Any], root: str, **context: Any) -> str:
    from planctl.render.templating import Templates

    templates = Templates(choice=str(TEMPLATES / name))
    return templates.render(name, {**common, "root": root, **context})


def _unit_href(unit: str) -> str:
    return unit_file(unit)


def _site_timeline(view: View) -> timeline.Gantt | None:
    """The open tasks with a deadline, soonest first, at most `TIMELINE_ROWS`."""
    rows: list[tuple[TaskRow, str]] = []
    for plan in view.plans:
        rows.extend(
            (row, f"{plan.href}#task-{index}")
            for index, row in enumerate(plan.rows)
            if row.is_open and row.deadline is not None
        )
    rows.sort(key=lambda item: (item[0].deadline, item[0].plan, item[0].number))
    return timeline.gantt(rows[:TIMELINE_ROWS], view.as_of)


def timeline_total(view: View) -> int:
    return sum(row.is_open and row.deadline is not None for row in view.rows)
