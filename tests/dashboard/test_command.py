"""`planctl dashboard` on a tracking repository: the site holds what `planctl status` and
`planctl stats` compute, every status is computed once, and `--public` keeps only the
published plans."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from planctl import parallel
from planctl.config import TrackingSettings
from planctl.dashboard import service, site
from planctl.dashboard.service import dashboard, trend_periods
from planctl.dashboard.view import plan_file, unit_file
from planctl.i18n import language, use_language
from planctl.repository import Repository
from planctl.tracking import lights
from planctl.tracking.load import load_tracking
from planctl.tracking.state import Glance, Status
from planctl.tracking.stats import compute_stats

from ..conftest import CLI
from ..tracking.tracking_data import PLAN, PLAN_ID, tracking_repository, write
from .conftest import dying_in_workers, files_of

AS_OF = datetime.date(2023, 7, 15)
PUBLIC_ID = "track-2023-public"
NOTICE = """\
notice:
  title: 印发示例市2023年重点工作计划的通知
  signer: 示例市人民政府办公室
  date: 2023-01-10
  disclosure: 主动公开
"""


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """The tracking test repository, and the same plan published (主动公开) beside it."""
    root = tracking_repository(tmp_path / "repo")
    public = PLAN.replace(f"id: {PLAN_ID}", f"id: {PUBLIC_ID}").replace(
        "title: 示例市2023年重点工作计划", "title: 示例市2023年公开工作计划\n" + NOTICE.rstrip()
    )
    write(root, f"plans/{PUBLIC_ID}.yaml", public)
    return root


def test_the_command_writes_the_site_and_says_where(cli: CLI, repository: Path) -> None:
    result = cli("dashboard", "--as-of", "2023-07-15", "-o", "site", cwd=repository)
    assert result.exit_code == 0, result.stderr
    assert "wrote the dashboard of 2 plans as of 2023-07-15" in result.stdout
    assert (repository / "site" / "index.html").is_file()
    page = (repository / "site" / plan_file(PLAN_ID)).read_text(encoding="utf-8")
    assert "推进重点项目建设" in page and "已完成投资12亿元，占年度计划的80%。" in page


def test_the_pages_show_the_lights_status_computes(repository: Path, tmp_path: Path) -> None:
    result = dashboard([], tmp_path / "site", as_of=AS_OF, start=repository)
    tracking = load_tracking(Repository(repository))
    status = lights.compute_status(tracking, AS_OF, TrackingSettings())
    shown = {(row.plan, row.title): row.light for row in result.view.rows}
    expected = {(s.plan, s.placed.task.heading): s.light for s in status.tasks}
    assert shown == expected
    assert "red" in shown.values()  # t1 was due in June
    html = (tmp_path / "site" / plan_file(PLAN_ID)).read_text(encoding="utf-8")
    english = [r for s in status.tasks if s.plan == PLAN_ID for r in s.reasons]
    use_language("zh_CN")
    try:
        chinese = lights.compute_status(tracking, AS_OF, TrackingSettings())
    finally:
        use_language("en")
    # The page speaks the plan's language, whatever the terminal's (English here).
    assert english and not any(reason in html for reason in english)
    for state in chinese.tasks:
        if state.plan == PLAN_ID:
            assert all(reason in html for reason in state.reasons)
            assert state.deadline_words in html
    assert language() == "en"


def test_the_trend_is_stats_by_period(repository: Path, tmp_path: Path) -> None:
    result = dashboard([], tmp_path / "site", as_of=AS_OF, start=repository)
    tracking = load_tracking(Repository(repository))
    stats = compute_stats(tracking, AS_OF, TrackingSettings(), by="period")
    assert [str(point.period) for point in result.view.trend] == [row.name for row in stats.rows]
    assert [point.figures for point in result.view.trend] == [row.figures for row in stats.rows]
    assert result.view.figures == stats.total


def test_each_status_is_computed_once_for_all_pages(
    repository: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[tuple[str, datetime.date]] = []
    status_on, glance_on = lights.Lights.status, lights.Lights.glance

    def status(self: lights.Lights, as_of: datetime.date) -> Status:
        asked.append(("status", as_of))
        return status_on(self, as_of)

    def glance(self: lights.Lights, as_of: datetime.date) -> Glance:
        asked.append(("glance", as_of))
        return glance_on(self, as_of)

    monkeypatch.setattr(lights.Lights, "status", status)
    monkeypatch.setattr(lights.Lights, "glance", glance)
    result = dashboard([], tmp_path / "site", as_of=AS_OF, start=repository)
    periods = trend_periods(result.view.plans and [p.plan for p in result.view.plans], AS_OF)
    assert [str(p) for p in periods] == ["2023-03", "2023-04", "2023-05", "2023-06", "2023-07"]
    # The status of the date, and for each earlier period's end only what its figures
    # count: none per page.
    assert asked[0] == ("status", AS_OF)
    assert sorted(asked[1:]) == [("glance", p.end) for p in periods[:-1]]
    assert len([p for p in result.written if p.suffix == ".html"]) > len(asked)


def test_the_trend_worked_out_while_workers_render_is_the_same(
    repository: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A large site's trend is counted by a worker process while this process works out
    # the date's status, and its pages are rendered by another while this one waits for
    # the trend: the same trend, the same files, as one after another.
    alone = dashboard([], tmp_path / "alone", as_of=AS_OF, start=repository)
    monkeypatch.setattr(site, "PARALLEL_MIN_TASKS", 0)
    monkeypatch.setattr(service, "PARALLEL_MIN_TASK_DATES", 0)
    monkeypatch.setattr(parallel, "available_cores", lambda: 2)
    spread = dashboard([], tmp_path / "spread", as_of=AS_OF, start=repository)
    assert spread.view.trend == alone.view.trend
    assert [point.as_of for point in spread.view.trend][:2] == [
        datetime.date(2023, 3, 31),
        datetime.date(2023, 4, 30),
    ]
    assert spread.view.trend[-1].as_of == AS_OF
    assert files_of(tmp_path / "spread") == files_of(tmp_path / "alone")


def test_a_worker_killed_midway_leaves_its_pages_to_the_parent(
    repository: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dashboard([], tmp_path / "alone", as_of=AS_OF, start=repository)
    monkeypatch.setattr(site, "PARALLEL_MIN_TASKS", 0)
    monkeypatch.setattr(parallel, "available_cores", lambda: 2)
    monkeypatch.setattr(site, "render_share", dying_in_workers(site.render_share))
    dashboard([], tmp_path / "spread", as_of=AS_OF, start=repository)
    assert files_of(tmp_path / "spread") == files_of(tmp_path / "alone")


def test_a_trend_worker_killed_midway_leaves_the_trend_to_the_parent(
    repository: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    alone = dashboard([], tmp_path / "alone", as_of=AS_OF, start=repository).view.trend
    monkeypatch.setattr(service, "PARALLEL_MIN_TASK_DATES", 0)
    monkeypatch.setattr(parallel, "available_cores", lambda: 2)
    monkeypatch.setattr(service, "_figures", dying_in_workers(service._figures))
    spread = dashboard([], tmp_path / "spread", as_of=AS_OF, start=repository).view.trend
    assert spread == alone


def test_public_keeps_only_the_published_plans(cli: CLI, repository: Path) -> None:
    result = cli("dashboard", "--as-of", "2023-07-15", "-o", "site", "--public", cwd=repository)
    assert result.exit_code == 0, result.stderr
    site = repository / "site"
    assert (site / plan_file(PUBLIC_ID)).is_file()
    assert not (site / plan_file(PLAN_ID)).exists()
    every = "".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))
    assert "示例市2023年公开工作计划" in every
    assert "示例市2023年重点工作计划" not in every
    search = (site / "assets" / "search-data.js").read_text(encoding="utf-8")
    assert PLAN_ID + ".html" not in search and PUBLIC_ID in search
    assert "已完成投资12亿元" not in every  # the unpublished plan's report stays out


def test_one_plan_named(cli: CLI, repository: Path, tmp_path: Path) -> None:
    out = tmp_path / "outside"
    result = cli(
        "dashboard",
        f"plans/{PLAN_ID}.yaml",
        "--as-of",
        "2023-07-15",
        "-o",
        str(out),
        cwd=repository,
    )
    assert result.exit_code == 0, result.stderr
    assert (out / plan_file(PLAN_ID)).is_file() and not (out / plan_file(PUBLIC_ID)).exists()
    assert (out / unit_file("市发展改革局")).is_file()


def test_bad_input_gets_one_line_and_exit_2(cli: CLI, repository: Path) -> None:
    bad_date = cli("dashboard", "--as-of", "2023-02-30", "-o", "site", cwd=repository)
    assert bad_date.exit_code == 2
    assert bad_date.stderr.count("\n") == 1 and "--as-of" in bad_date.stderr
    unknown = cli("dashboard", "plans/nope.yaml", "-o", "site", cwd=repository)
    assert unknown.exit_code == 2
    assert unknown.stderr.count("\n") == 1 and "nope" in unknown.stderr
    assert not (repository / "site").exists()


@pytest.mark.parametrize(
    ("as_of", "owed"),
    [
        # June's report is due on 5 July: on 3 July it is the one owed.
        ("2023-07-03", "2023年7月5日前报送《示例市2023年重点工作计划》2023年6月进展"),
        # Then July's, due 5 August, a Saturday: the next workday.
        ("2023-07-15", "2023年8月7日前报送《示例市2023年重点工作计划》2023年7月进展"),
    ],
)
def test_a_unit_page_says_which_report_is_owed_next(
    repository: Path, tmp_path: Path, as_of: str, owed: str
) -> None:
    day = datetime.date.fromisoformat(as_of)
    dashboard([], tmp_path / "site", as_of=day, start=repository)
    page = (tmp_path / "site" / unit_file("市发展改革局")).read_text(encoding="utf-8")
    assert owed in page


def test_a_file_named_as_the_folder_is_refused(cli: CLI, repository: Path, tmp_path: Path) -> None:
    taken = tmp_path / "site.html"
    taken.write_text("mine", encoding="utf-8")
    result = cli("dashboard", "--as-of", "2023-07-15", "-o", str(taken), cwd=repository)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "site.html" in result.stderr
    assert taken.read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize(
    "target", ["plans/units.yaml", f"plans/{PLAN_ID}.yaml", "planctl.toml", "report"]
)
def test_a_link_in_the_site_folder_never_leads_a_page_over_a_file_read(
    cli: CLI, repository: Path, target: str
) -> None:
    from ..tracking.tracking_data import report_path

    if target == "planctl.toml":
        write(repository, target, "[tracking]\nwarn_days = 15\n")
    input_file = repository / (report_path() if target == "report" else target)
    before = input_file.read_bytes()
    (repository / "site").mkdir()
    (repository / "site" / "search.html").symlink_to(input_file)

    result = cli("dashboard", "--as-of", "2023-07-15", "-o", "site", cwd=repository)

    assert result.exit_code == 2
    assert "a file the command is reading" in result.stderr
    assert input_file.read_bytes() == before
    assert [path.name for path in (repository / "site").iterdir()] == ["search.html"]


def test_a_public_site_over_the_internal_one_leaves_none_of_its_pages(
    cli: CLI, repository: Path
) -> None:
    site_folder = repository / "site"
    assert cli("dashboard", "--as-of", "2023-07-15", "-o", "site", cwd=repository).exit_code == 0
    internal = {path.relative_to(site_folder) for path in site_folder.rglob("*.html")}
    (site_folder / "plans" / "说明.html").write_text("the office's own file", encoding="utf-8")
    own = site_folder / "plans" / "plan-2023.html"  # named like a page, not one of its pages
    own.write_text("<h1>2023年工作计划</h1>", encoding="utf-8")

    result = cli("dashboard", "--public", "--as-of", "2023-07-15", "-o", "site", cwd=repository)

    assert result.exit_code == 0, result.stderr
    assert "removed 1 page an earlier dashboard left in site" in result.stdout
    public = {path.relative_to(site_folder) for path in site_folder.rglob("*.html")}
    assert Path(plan_file(PLAN_ID)) in internal and Path(plan_file(PLAN_ID)) not in public
    assert Path(plan_file(PUBLIC_ID)) in public
    assert (site_folder / "plans" / "说明.html").is_file()  # not a page of the dashboard's
    assert own.read_text(encoding="utf-8") == "<h1>2023年工作计划</h1>"
    pages = "".join(path.read_text(encoding="utf-8") for path in site_folder.rglob("*.html"))
    assert "示例市2023年重点工作计划" not in pages


def test_a_file_where_a_page_folder_goes_is_one_line(cli: CLI, repository: Path) -> None:
    (repository / "site").mkdir()
    (repository / "site" / "plans").write_text("x", encoding="utf-8")

    result = cli("dashboard", "--as-of", "2023-07-15", "-o", "site", cwd=repository)

    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "is not a folder" in result.stderr
