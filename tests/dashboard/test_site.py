"""The dashboard site as files: what each page holds, where links lead, what is escaped."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from planctl.config import TrackingSettings
from planctl.dashboard import build_site, is_public
from planctl.dashboard.site import percent_text
from planctl.dashboard.view import TrendPoint, plan_file, unit_file
from planctl.model import Plan
from planctl.tracking.periods import Period
from planctl.tracking.state import Status
from planctl.tracking.stats import Ratio, figures_of

from .conftest import AS_OF, dying_in_workers, files_of

SETTINGS = TrackingSettings()


class Links(HTMLParser):
    """Every href and src of a page, and its visible text."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.links.extend(v for k, v in attrs if k in ("href", "src") and v is not None)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parsed(path: Path) -> Links:
    links = Links()
    links.feed(path.read_text(encoding="utf-8"))
    return links


def test_the_site_has_an_entry_page_and_a_page_per_plan_and_unit(
    tmp_path: Path, zhaoqing: Plan, jiangmen: Plan, make_status: Callable[..., Status]
) -> None:
    result = build_site([zhaoqing, jiangmen], make_status(zhaoqing, jiangmen), tmp_path / "site")
    site = tmp_path / "site"
    assert result.entry == site / "index.html"
    for plan in (zhaoqing, jiangmen):
        page = site / plan_file(plan.id)
        assert plan.title in page.read_text(encoding="utf-8")
    units = {unit for plan in (zhaoqing, jiangmen) for t in plan.tasks() for unit in t.lead}
    assert units
    for unit in units:
        assert unit in (site / unit_file(unit)).read_text(encoding="utf-8")
    for name in ("timeline.html", "search.html", "units/index.html", "assets/dashboard.js"):
        assert (site / name).is_file()


def test_unit_pages_have_file_names_safe_on_every_system() -> None:
    names = {unit_file(unit) for unit in ("市发展改革局", "CON", "a/b\\c:d*?", "市 政府 ")}
    assert len(names) == 4
    for name in names:
        assert re.fullmatch(r"units/unit-[0-9a-f]{12}\.html", name)
    assert plan_file("con") == "plans/plan-con.html"  # never CON.html, reserved on Windows


def test_every_link_stays_inside_the_folder_and_leads_to_a_file(
    tmp_path: Path, zhaoqing: Plan, jiangmen: Plan, make_status: Callable[..., Status]
) -> None:
    result = build_site([zhaoqing, jiangmen], make_status(zhaoqing, jiangmen), tmp_path / "out")
    pages = [path for path in result.written if path.suffix == ".html"]
    assert len(pages) > 10
    for page in pages:
        for link in parsed(page).links:
            parts = urlsplit(link)
            assert not parts.scheme and not parts.netloc, f"{page.name}: {link}"
            if not parts.path:
                continue  # an anchor on the same page
            target = (page.parent / unquote(parts.path)).resolve()
            assert target.is_file(), f"{page.name}: {link}"
            assert (tmp_path / "out").resolve() in target.parents


def test_plan_text_is_shown_literally_never_run(
    tmp_path: Path, zhaoqing: Plan, make_status: Callable[..., Status]
) -> None:
    status = make_status(zhaoqing)
    first = status.tasks[0]
    hostile = "<script>alert('x')</script>整治\"行动\" & $x$"
    task = replace(first.placed.task, title=hostile, lead=("<b>市城管局</b>",))
    tasks = (replace(first, placed=replace(first.placed, task=task)), *status.tasks[1:])
    build_site([zhaoqing], replace(status, tasks=tasks), tmp_path)
    for page in (tmp_path / plan_file(zhaoqing.id), tmp_path / unit_file("<b>市城管局</b>")):
        html = page.read_text(encoding="utf-8")
        assert "<script>alert" not in html and "<b>市城管局" not in html
        assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;整治&#34;行动&#34; &amp; $x$" in html
        assert hostile in "".join(parsed(page).text)
    search = (tmp_path / "assets" / "search-data.js").read_text(encoding="utf-8")
    assert '"<script>alert(\'x\')</script>整治\\"行动\\" & $x$"' in search  # a JSON string


def test_the_overview_shows_the_figures_and_both_charts(
    tmp_path: Path, zhaoqing: Plan, make_status: Callable[..., Status]
) -> None:
    status = make_status(zhaoqing)
    trend = [
        TrendPoint(
            Period("month", 2012, month), AS_OF, figures_of(status.tasks, (), SETTINGS, AS_OF)
        )
        for month in (7, 8, 9)
    ]
    build_site([zhaoqing], status, tmp_path, trend=trend)
    html = (tmp_path / "index.html").read_text(encoding="utf-8")
    figures = figures_of(status.tasks, status.reports, SETTINGS, AS_OF)
    done = sum(task.light == "done" for task in status.tasks)
    counted = sum(task.light != "grey" for task in status.tasks)
    assert figures.completion == Ratio(done, counted)
    for ratio in (figures.completion, figures.on_time_completion, figures.reporting):
        assert f'<div class="value">{percent_text(ratio)}</div>' in html
    assert html.count("<svg") == 2
    assert 'id="chart-trend"' in html and 'id="chart-lights"' in html
    assert "2012-08" in html  # the trend's periods on its axis


def test_no_trend_chart_without_two_periods(
    tmp_path: Path, zhaoqing: Plan, make_status: Callable[..., Status]
) -> None:
    build_site([zhaoqing], make_status(zhaoqing), tmp_path)
    html = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert 'id="chart-trend"' not in html and 'id="chart-lights"' in html


def test_a_unit_page_lists_what_it_leads_supports_and_owes(
    tmp_path: Path, zhaoqing: Plan, make_status: Callable[..., Status]
) -> None:
    status = make_status(zhaoqing)
    result = build_site([zhaoqing], status, tmp_path)
    unit = next(u for u in result.view.units if u.leads and u.supports)
    html = (tmp_path / unit.href).read_text(encoding="utf-8")
    assert f"牵头负责的任务（{len(unit.leads)} 项）" in html
    assert f"配合的任务（{len(unit.supports)} 项）" in html
    overdue = [d for d in unit.duties if d.row.light == "red"]
    for duty in overdue:
        assert f"{duty.row.number} {duty.row.title}" in html
    coming = unit.next_deadlines(AS_OF)
    assert all(d.row.deadline and d.row.deadline >= AS_OF and d.row.is_open for d in coming)


def test_the_public_notice_is_the_one_kept(zhaoqing: Plan, jiangmen: Plan) -> None:
    assert zhaoqing.notice is not None and zhaoqing.notice.disclosure == "主动公开"
    assert is_public(zhaoqing)
    assert not is_public(jiangmen)
    assert jiangmen.notice is None or jiangmen.notice.disclosure != "主动公开"


def test_a_rate_with_nothing_counted_is_a_dash() -> None:
    assert percent_text(Ratio(0, 0)) == "—"
    assert percent_text(Ratio(7, 8)) == "87.5%"


def test_the_site_is_written_inside_the_folder_only(
    tmp_path: Path, zhaoqing: Plan, make_status: Callable[..., Status]
) -> None:
    from planctl.errors import WriteRefused

    outside = tmp_path / "elsewhere"
    outside.mkdir()
    site = tmp_path / "site"
    site.mkdir()
    (site / "plans").symlink_to(outside)
    with pytest.raises(WriteRefused):
        build_site([zhaoqing], make_status(zhaoqing), site)
    assert list(outside.iterdir()) == []


def test_the_dashboard_date_is_on_every_page(
    tmp_path: Path, zhaoqing: Plan, make_status: Callable[..., Status]
) -> None:
    status = make_status(zhaoqing, as_of=datetime.date(2012, 9, 15))
    result = build_site([zhaoqing], status, tmp_path)
    for page in (p for p in result.written if p.suffix == ".html"):
        assert "数据截至 2012年9月15日" in page.read_text(encoding="utf-8")


def test_a_unit_page_lists_its_worst_tasks_first_up_to_a_limit(
    tmp_path: Path,
    zhaoqing: Plan,
    make_status: Callable[..., Status],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from planctl.dashboard import site, view

    monkeypatch.setattr(view, "UNIT_ROWS", 2)
    monkeypatch.setattr(site, "UNIT_ROWS", 2)
    result = build_site([zhaoqing], make_status(zhaoqing), tmp_path)
    unit = max(result.view.units, key=lambda u: len(u.leads))
    assert len(unit.leads) > 2
    rows = unit.table(unit.leads)
    assert len(rows) == 2
    lights = [d.row.light for d in unit.leads]
    worst = sorted(lights, key=["red", "yellow", "green", "done", "grey"].index)[:2]
    assert [row[9] for row in rows] == worst  # the light, after plan, title and role
    html = (tmp_path / unit.href).read_text(encoding="utf-8")
    assert f"共 {len(unit.leads)} 项，此处列出灯色最重、到期最早的 2 项" in html


def test_pages_rendered_in_worker_processes_are_the_same_files(
    tmp_path: Path,
    zhaoqing: Plan,
    jiangmen: Plan,
    make_status: Callable[..., Status],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from planctl.dashboard import site

    status = make_status(zhaoqing, jiangmen)
    alone = build_site([zhaoqing, jiangmen], status, tmp_path / "alone")
    in_workers(monkeypatch)
    monkeypatch.setattr(site, "SHARE_TASKS", 5)  # several shares of plan pages
    spread = build_site([zhaoqing, jiangmen], status, tmp_path / "spread")
    assert [p.relative_to(tmp_path / "spread") for p in spread.written] == [
        p.relative_to(tmp_path / "alone") for p in alone.written
    ]
    assert files_of(tmp_path / "spread") == files_of(tmp_path / "alone")


def in_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages rendered by two worker processes however small the site."""
    from planctl import parallel
    from planctl.dashboard import site

    monkeypatch.setattr(site, "PARALLEL_MIN_TASKS", 0)
    monkeypatch.setattr(parallel, "available_cores", lambda: 2)


def test_a_worker_killed_midway_leaves_its_pages_to_the_parent(
    tmp_path: Path,
    zhaoqing: Plan,
    make_status: Callable[..., Status],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from planctl.dashboard import site

    status = make_status(zhaoqing)
    build_site([zhaoqing], status, tmp_path / "alone")
    in_workers(monkeypatch)
    monkeypatch.setattr(site, "render_share", dying_in_workers(site.render_share))
    build_site([zhaoqing], status, tmp_path / "spread")
    assert files_of(tmp_path / "spread") == files_of(tmp_path / "alone")


def test_a_link_leading_out_stops_the_workers_too(
    tmp_path: Path,
    zhaoqing: Plan,
    make_status: Callable[..., Status],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from planctl.errors import WriteRefused

    in_workers(monkeypatch)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "units").symlink_to(outside)
    with pytest.raises(WriteRefused):
        build_site([zhaoqing], make_status(zhaoqing), folder)
    assert list(outside.iterdir()) == []
