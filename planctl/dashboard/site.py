"""The static site: every page of the dashboard, rendered from one `View`.

The site opens from the file system (file://) or any web server with no network: every
link is relative, the style sheet, the script and the search data are files inside the
output folder, and the data the script reads is a `.js` file loaded by a `<script>` tag
(browsers refuse fetch() of a file:// address). Pages are rendered by planctl's
templating (autoescaped, sandboxed): plan text is data, never markup. Files are written
through `planctl.atomic`, inside the output folder only.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from planctl.dashboard import timeline
from planctl.dashboard.view import (
    LIGHT_NAMES,
    UNIT_ROWS,
    TaskRow,
    View,
    unit_file,
)
from planctl.tracking.state import LIGHT_ORDER
from planctl.tracking.stats import Ratio

_HERE = Path(__file__).resolve().parent
TEMPLATES = _HERE / "templates"
ASSETS = _HERE / "assets"
ASSET_FILES = ("dashboard.css", "dashboard.js")
TIMELINE_ROWS = 400  # the site-wide timeline: the open tasks due soonest (overdue first)


@dataclass(frozen=True)
class Page:
    path: str  # relative to the output folder, with / between folders
    data: str


def pages(view: View, charts: Mapping[str, str]) -> Iterator[Page]:
    """Every file of the site, pages first."""
    common = _common(view)
    yield Page("index.html", _render("index.html.j2", common, "", charts=charts))
    for plan in view.plans:
        rows = [(row, f"#task-{i}") for i, row in enumerate(plan.rows)]
        yield Page(
            plan.href,
            _render(
                "plan.html.j2",
                common,
                "../",
                plan=plan,
                gantt=timeline.gantt(rows, view.as_of),
                unit_href=_unit_href,
            ),
        )
    yield Page("units/index.html", _render("units.html.j2", common, "../"))
    for unit in view.units:
        yield Page(unit.href, _render("unit.html.j2", common, "../", unit=unit, most=UNIT_ROWS))
    yield Page(
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
    yield Page("search.html", _render("search.html.j2", common, ""))
    yield Page("assets/search-data.js", search_data(view))
    for name in ASSET_FILES:
        yield Page(f"assets/{name}", (ASSETS / name).read_text(encoding="utf-8"))


def search_data(view: View) -> str:
    """Every task, for the search page, as a script that sets one global: a page opened
    from file:// may load a script but not fetch a JSON file."""
    hrefs = {plan.plan.id: plan.href for plan in view.plans}
    titles = {plan.plan.id: plan.plan.title for plan in view.plans}
    records = []
    for plan in view.plans:
        for index, row in enumerate(plan.rows):
            records.append(
                [
                    f"{hrefs[row.plan]}#task-{index}",
                    titles[row.plan],
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
            )
    payload = json.dumps(records, ensure_ascii=False, separators=(",", ":"))
    names = json.dumps(LIGHT_NAMES, ensure_ascii=False)
    return f"window.PLANCTL_LIGHTS = {names};\nwindow.PLANCTL_TASKS = {payload};\n"


def _common(view: View) -> dict[str, Any]:
    units = sorted({unit.name for unit in view.units})
    return {
        "view": view,
        "as_of": view.as_of,
        "lights": LIGHT_ORDER,
        "light_names": LIGHT_NAMES,
        "percent": percent_text,
        "unit_names": units,
        "unit_href": _unit_href,
        "light_parts": light_parts,
    }


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


def write_site(files: Sequence[Page], folder: Path, within: Path) -> list[Path]:
    """Write every file under `folder`, each atomically, none outside `within`."""
    from planctl.atomic import write_atomic

    written = []
    for page in files:
        path = folder.joinpath(*page.path.split("/"))
        # The site is rebuilt from the repository at will: no sync to disk per file.
        write_atomic(path, page.data, within=within, make_folders=True, durable=False)
        written.append(path)
    return written
