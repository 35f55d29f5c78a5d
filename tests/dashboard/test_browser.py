"""The dashboard in a real browser: the system's Chromium, driven by Playwright.

Every page is opened from the file system (file://) and one also from a web server on
the loopback address; each must load with no console error and no request leaving the
site's folder, draw its charts, and filter and search as a reader would use them.
"""

from __future__ import annotations

import datetime
import functools
import http.server
import itertools
import os
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pytest

from planctl.config import TrackingSettings
from planctl.dashboard import DashboardResult, build_site
from planctl.dashboard.view import TrendPoint, plan_file
from planctl.tracking.periods import Period
from planctl.tracking.state import Status
from planctl.tracking.stats import figures_of

from .conftest import AS_OF, JIANGMEN, ZHAOQING, open_plan, reports_of, states_of

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
HOSTILE = "<script>window.__ran = 1</script>整治行动"
DEMO_DATE = datetime.date(2012, 10, 20)
SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "images" / "dashboard.png"

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
if not Path(CHROMIUM).is_file():
    pytest.skip("Chromium is not installed (apt-get install chromium)", allow_module_level=True)


@dataclass
class Watched:
    """What a page did while it was open: console errors, script errors, requests."""

    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> DashboardResult:
    plans = [open_plan(ZHAOQING), open_plan(JIANGMEN)]
    tasks = [state for plan in plans for state in states_of(plan)]
    first = tasks[0]
    hostile = replace(first.placed.task, title=HOSTILE)
    tasks[0] = replace(first, placed=replace(first.placed, task=hostile))
    reports = [state for plan in plans for state in reports_of(plan)]
    trend = [
        TrendPoint(
            Period("month", 2012, m),
            AS_OF,
            figures_of(tasks[: 10 * m], reports, TrackingSettings(), AS_OF),
        )
        for m in range(3, 10)
    ]
    status = Status(AS_OF, tuple(tasks), tuple(reports))
    folder = tmp_path_factory.mktemp("dashboard") / "site"
    return build_site(plans, status, folder, trend=trend)


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> DashboardResult:
    """The dashboard of the demo tracking repository (the Zhaoqing plan's reporting year)
    as of 20 October 2012, through the command's service."""
    from planctl.dashboard.service import dashboard

    from ..tracking.demo import build_demo

    folder = tmp_path_factory.mktemp("demo")
    root = build_demo(folder / "repo", folder / "home").root
    return dashboard([], folder / "site", as_of=DEMO_DATE, start=root)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM, args=LAUNCH_ARGS, headless=True
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[tuple[Any, Watched]]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    watched = Watched()
    # Anything but a file of the site or the loopback server is refused, and recorded.
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(("file://", "http://127.0.0.1:"))
            else route.abort()
        ),
    )
    opened = context.new_page()
    opened.on("console", lambda m: watched.errors.append(m.text) if m.type == "error" else None)
    opened.on("pageerror", lambda error: watched.errors.append(str(error)))
    opened.on("request", lambda request: watched.requests.append(request.url))
    yield opened, watched
    context.close()


def visible_rows(page: Any, selector: str) -> list[dict[str, str]]:
    return page.eval_on_selector_all(
        f"{selector} [data-filter-row]:not([hidden]), {selector} tbody tr",
        """rows => rows.filter(r => !r.hasAttribute("hidden")).map(r => ({
            light: r.getAttribute('data-light'), units: r.getAttribute('data-units'),
            text: r.textContent}))""",
    )


def test_every_page_loads_without_errors_or_requests_outside_the_folder(
    site: DashboardResult, page: tuple[Any, Watched]
) -> None:
    opened, watched = page
    pages = sorted(path for path in site.written if path.suffix == ".html")
    folder = site.folder.resolve().as_uri() + "/"
    for path in pages:
        opened.goto(path.as_uri())
        opened.wait_for_load_state("load")
        assert opened.title().endswith("督查督办看板"), path
    assert watched.errors == []
    assert watched.requests and all(url.startswith(folder) for url in watched.requests)
    assert any(url.endswith("assets/dashboard.css") for url in watched.requests)
    assert opened.evaluate("window.__ran") is None  # the task title's script never ran


def test_the_site_works_from_a_web_server(site: DashboardResult, page: tuple[Any, Watched]) -> None:
    handler = functools.partial(QuietHandler, directory=str(site.folder))
    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        opened, watched = page
        opened.goto(base + "index.html")
        opened.click("text=查找任务")
        opened.wait_for_selector("#results tbody tr")
        server.shutdown()
    assert watched.errors == []
    assert all(url.startswith(base) for url in watched.requests)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def test_the_charts_are_drawn(site: DashboardResult, page: tuple[Any, Watched]) -> None:
    opened, _ = page
    opened.goto(site.entry.as_uri())
    for chart in ("#chart-trend svg", "#chart-lights svg"):
        box = opened.locator(chart).bounding_box()
        assert box and box["width"] > 300 and box["height"] > 100
        drawn = opened.eval_on_selector_all(
            f"{chart} path, {chart} rect",
            "shapes => shapes.filter(s => { const b = s.getBBox(); "
            "return b.width > 0 || b.height > 0 }).length",
        )
        assert drawn > 10, chart
    bars = opened.eval_on_selector_all("#chart-lights svg path", "p => p.length")
    assert bars > 0


def test_choosing_a_unit_and_a_light_filters_the_tasks(
    site: DashboardResult, page: tuple[Any, Watched]
) -> None:
    opened, watched = page
    plan = site.view.plans[0]
    opened.goto((site.folder / plan_file(plan.plan.id)).as_uri())
    form = opened.locator("form.filters").last
    every = visible_rows(opened, "#tasks")
    assert len(every) == len(plan.rows)
    unit = next(
        u for u in plan.unit_names if 1 < sum(u in r.units for r in plan.rows) < len(plan.rows)
    )
    form.locator("select[name=unit]").select_option(unit)
    shown = visible_rows(opened, "#tasks")
    assert len(shown) == sum(unit in row.units for row in plan.rows)
    assert all(unit in row["units"].split("|") for row in shown)
    form.locator("select[name=light]").select_option("red")
    both = visible_rows(opened, "#tasks")
    expected = [r for r in plan.rows if unit in r.units and r.light == "red"]
    assert len(both) == len(expected)
    assert all(row["light"] == "red" for row in both)
    assert form.locator(".filter-count").text_content() == f"显示 {len(both)} / {len(every)} 项"
    form.locator("select[name=unit]").select_option("")
    reds = visible_rows(opened, "#tasks")
    assert len(reds) == sum(row.light == "red" for row in plan.rows)
    assert watched.errors == []


def test_the_timeline_filters_and_closes_its_gaps(
    site: DashboardResult, page: tuple[Any, Watched]
) -> None:
    opened, _ = page
    opened.goto((site.folder / "timeline.html").as_uri())
    rows = opened.locator(".gantt-row")
    total = rows.count()
    assert total > 0
    opened.locator("select[name=light]").select_option("yellow")
    shown = opened.locator(".gantt-row:not([hidden])")
    assert 0 < shown.count() < total
    tops = [shown.nth(i).bounding_box()["y"] for i in range(shown.count())]
    steps = {round(b - a) for a, b in itertools.pairwise(tops)}
    assert steps <= {22}  # one row height apart: no gaps where rows were hidden


def test_search_finds_tasks_across_plans(site: DashboardResult, page: tuple[Any, Watched]) -> None:
    opened, watched = page
    opened.goto((site.folder / "search.html").as_uri())
    everything = site.view.figures.tasks
    assert opened.locator("#results tbody tr").count() == min(200, everything)
    opened.fill("input[name=q]", "整治行动")
    found = opened.locator("#results tbody tr")
    assert found.count() >= 1
    assert HOSTILE in found.first.text_content()  # shown as text
    assert opened.evaluate("window.__ran") is None
    word = site.view.plans[1].rows[3].title
    opened.fill("input[name=q]", word)
    texts = found.all_text_contents()
    assert texts and all(word in text for text in texts)
    opened.fill("input[name=q]", "")
    opened.locator("select[name=light]").select_option("done")
    done = sum(row.light == "done" for row in site.view.rows)
    assert found.count() == done
    assert opened.locator(".filter-count").text_content() == f"找到 {done} 项"
    assert watched.errors == []


def test_the_demo_repository_dashboard_in_the_browser(
    demo_site: DashboardResult, page: tuple[Any, Watched]
) -> None:
    opened, watched = page
    for path in sorted(p for p in demo_site.written if p.suffix == ".html"):
        opened.goto(path.as_uri())
    assert watched.errors == []
    folder = demo_site.folder.resolve().as_uri() + "/"
    assert all(url.startswith(folder) for url in watched.requests)
    opened.goto(demo_site.entry.as_uri())
    periods = opened.eval_on_selector_all("#chart-trend svg text", "t => t.map(x => x.textContent)")
    assert "2012-05" in periods and "2012-10" in periods  # May, when reporting starts, to now


def test_a_screenshot_of_the_overview(
    demo_site: DashboardResult, page: tuple[Any, Watched], tmp_path: Path
) -> None:
    """With PLANCTL_UPDATE_SCREENSHOT=1 the picture replaces the one in docs/."""
    opened, _ = page
    opened.goto(demo_site.entry.as_uri())
    keep = os.environ.get("PLANCTL_UPDATE_SCREENSHOT") == "1"
    shot = SCREENSHOT if keep else tmp_path / "dashboard.png"
    opened.screenshot(path=str(shot), full_page=False)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 20_000


def test_the_print_layout_hides_the_controls(
    site: DashboardResult, page: tuple[Any, Watched]
) -> None:
    opened, _ = page
    opened.goto((site.folder / plan_file(site.view.plans[0].plan.id)).as_uri())
    opened.emulate_media(media="print")
    assert not opened.locator("form.filters").first.is_visible()
    assert not opened.locator(".masthead nav").is_visible()
    assert opened.locator("#tasks").is_visible()


def test_a_unit_page_opens_a_plan_filtered_to_the_unit(
    site: DashboardResult, page: tuple[Any, Watched]
) -> None:
    opened, watched = page
    unit = next(u for u in site.view.units if u.leads and u.supports)
    opened.goto((site.folder / unit.href).as_uri())
    entry = unit.by_plan()[0]
    opened.locator("#plans a", has_text="只看本单位").first.click()
    opened.wait_for_load_state("load")
    assert opened.url.split("#")[0].endswith(entry.plan_href)
    chosen = opened.locator("form.filters select[name=unit]").input_value()
    assert chosen == unit.name
    shown = visible_rows(opened, "#tasks")
    assert len(shown) == entry.leads + entry.supports
    assert all(unit.name in row["units"].split("|") for row in shown)
    assert watched.errors == []
