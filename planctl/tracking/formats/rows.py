"""The cells of the status and stats tables, shared by every format that prints them."""

from __future__ import annotations

from planctl.i18n import N_, _, pgettext
from planctl.tracking.records import Light
from planctl.tracking.state import LIGHT_ORDER, ReportTiming, TaskState
from planctl.tracking.stats import Figures, Stats, StatsRow, StatusView

LIGHT_WORDS: dict[Light, str] = {
    "red": N_("red light"),
    "yellow": N_("yellow light"),
    "green": N_("green light"),
    "done": N_("closed"),
    "grey": N_("stopped"),
}
TIMING_WORDS: dict[ReportTiming, str] = {
    "on_time": N_("on time"),
    "late": N_("late"),
    "missing": N_("missing"),
}
TASK_HEADERS = (
    N_("No."),
    N_("Task"),
    N_("Lead unit"),
    N_("Deadline"),
    N_("Light"),
    N_("Reason"),
    N_("Latest progress"),
    N_("Report"),
)
FIGURE_HEADERS = (
    N_("Tasks"),
    N_("Red"),
    N_("Yellow"),
    N_("Green"),
    N_("Closed"),
    N_("Stopped"),
    N_("Completion rate"),
    N_("On-time completion rate"),
    N_("Overdue"),
    N_("On-schedule rate"),
    N_("On-time reporting rate"),
)


def light_word(light: Light) -> str:
    return _(LIGHT_WORDS[light])


def task_headers() -> list[str]:
    return [_(header) for header in TASK_HEADERS]


def task_cells(view: StatusView, task: TaskState) -> list[str]:
    """序号, 任务, 牵头单位, 完成时限, 灯号, 原因, 最新进展, 报送情况."""
    report = view.report_of(task)
    latest = task.latest
    return [
        task.number,
        task.placed.task.heading,
        pgettext("list separator", ", ").join(task.placed.task.lead),
        task.deadline_words,
        light_word(task.light),
        pgettext("list separator", "; ").join(task.reasons),
        (latest.progress or "").strip() if latest else "",
        _(TIMING_WORDS[report.status]) if report else "",
    ]


def figure_headers(first: str) -> list[str]:
    return [first, *(_(header) for header in FIGURE_HEADERS)]


def figure_cells(name: str, figures: Figures) -> list[str]:
    return [
        name,
        str(figures.tasks),
        *(str(figures.lights.get(light, 0)) for light in LIGHT_ORDER),
        figures.completion.words(),
        figures.on_time_completion.words(),
        str(figures.overdue),
        figures.on_schedule.words(),
        figures.reporting.words(),
    ]


def group_title(by: str) -> str:
    titles = {
        "unit": N_("Unit"),
        "section": N_("Section"),
        "plan": N_("Plan"),
        "period": N_("Period"),
    }
    return _(titles[by])


def stats_rows(stats: Stats) -> list[list[str]]:
    """Each group's figures (a unit's rank before its name), then the total."""
    rows = [figure_cells(_row_name(row), row.figures) for row in stats.rows]
    rows.append(figure_cells(_("Total"), stats.total))
    return rows


def _row_name(row: StatsRow) -> str:
    return f"{row.rank}. {row.name}" if row.rank is not None else row.name


def summary_line(view: StatusView) -> str:
    figures = view.summary
    counts = pgettext("list separator", ", ").join(
        f"{light_word(light)} {figures.lights.get(light, 0)}" for light in LIGHT_ORDER
    )
    return _(
        "{count} tasks as of {date}: {counts}; completion {completion}, reports on time {reporting}"
    ).format(
        count=figures.tasks,
        date=view.status.as_of.isoformat(),
        counts=counts,
        completion=figures.completion.words(),
        reporting=figures.reporting.words(),
    )
