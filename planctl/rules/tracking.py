"""The rules of tracking data: what `planctl validate` checks in reports, reviews and the
workdays calendar, each with its id, severity, fix and a passing and a failing example.

The checks themselves are in `planctl.tracking.checks`: `files` (one file alone) and
`repository` (a report against its plan, the unit registry and the other reports).
"""

from __future__ import annotations

from planctl.findings import Severity
from planctl.i18n import N_
from planctl.rules.base import Rule


def _rule(
    rule_id: str,
    summary: str,
    hint: str,
    details: str,
    source: str,
    severity: Severity = Severity.ERROR,
) -> Rule:
    return Rule(rule_id, summary, hint, severity, source=source, details=details)


# --- one file -----------------------------------------------------------------------------

DATE = _rule(
    "tracking-date",
    N_("the dates of reports and reviews exist and make sense for their period"),
    N_("correct the date"),
    N_(
        "Every date of a report or review is a real day, and the report speaks of its\n"
        "period: `as_of` is not before the period starts, a milestone is not done after\n"
        "`as_of`, and a review is not dated before the period it reviews begins.\n"
        "\n"
        "Passes: `period: 2023-06` with `as_of: 2023-06-30`.\n"
        "Fails: `as_of: 2023-06-31`; `period: 2023-06` with `as_of: 2023-05-31`."
    ),
    "tracking-file",
)
DUPLICATE_TASK = _rule(
    "report-duplicate-task",
    N_("a report names each task once"),
    N_("merge the two entries into one"),
    N_(
        "One report gives one entry per task: two entries for one task would say two\n"
        "different things about the same period.\n"
        "\n"
        "Passes: entries for `t1` and `t2`. Fails: two entries `task: t1`."
    ),
    "tracking-file",
)
EXTEND = _rule(
    "report-extend",
    N_("a request for an extension says until when and why"),
    N_("write `request: extend` with `extend_to:` and `reason:`"),
    N_(
        "`request: extend` (申请延期) needs `extend_to` (the deadline asked for) and\n"
        "`reason`; `extend_to` and `reason` belong to such a request only.\n"
        "\n"
        "Passes: `{task: t1, status: delayed, request: extend, extend_to: 2023-09,\n"
        "reason: 征地未完成}`. Fails: `request: extend` without `reason`; `extend_to: 2023-09`\n"
        "without `request: extend`."
    ),
    "tracking-file",
)
NOTE = _rule(
    "review-note",
    N_("a returned report and a changed light say why"),
    N_("add `note:` with the reason"),
    N_(
        "A review that returns a report (`verdict: returned`, 退回重报) or overrides the\n"
        "computed light (`light:`) writes the reason in `note`, so that the unit and later\n"
        "readers know it.\n"
        "\n"
        "Passes: `{task: t4, light: red, note: 现场核查与报告不符}`.\n"
        "Fails: `{task: t4, light: red}`; `{task: t1, unit: 市财政局, verdict: returned}`."
    ),
    "tracking-file",
)
CALENDAR_DATE = _rule(
    "calendar-date",
    N_("the calendar's days exist and lie in their year"),
    N_("correct the day, or move it to its own year"),
    N_(
        "Every rest day and workday of a year of `plans/calendar.yaml` is a real day of\n"
        "that year, and a range (`{from: …, to: …}`) does not end before it starts.\n"
        "\n"
        "Passes: `year: 2024` with `rest: [2024-01-01]`.\n"
        "Fails: `year: 2024` with `rest: [2025-01-01]`; `{from: 2024-02-17, to: 2024-02-10}`."
    ),
    "tracking-file",
)
CALENDAR_CONFLICT = _rule(
    "calendar-conflict",
    N_("no day is both a rest day and a workday"),
    N_("keep the day in one list, as the State Council's notice has it"),
    N_(
        "A day is a rest day (放假) or a 调休 workday (上班), never both.\n"
        "\n"
        "Passes: `rest: [{from: 2024-02-10, to: 2024-02-17}]`, `work: [2024-02-18]`.\n"
        "Fails: `rest: [{from: 2024-02-10, to: 2024-02-18}]`, `work: [2024-02-18]`."
    ),
    "tracking-file",
)
CALENDAR_YEAR = _rule(
    "calendar-duplicate-year",
    N_("the calendar holds each year once"),
    N_("merge the two entries of the year"),
    N_(
        "Each year's arrangement is written once; a second entry for a year is ignored.\n"
        "\n"
        "Passes: entries for 2024 and 2025. Fails: two entries `year: 2024`."
    ),
    "tracking-file",
)

# --- against the plan, the units and the other reports -------------------------------------

NO_REPORTING = _rule(
    "tracking-no-reporting",
    N_("reports and reviews are for a plan that asks for reports"),
    N_("add reporting: {cycle: month} to the plan"),
    N_(
        "A plan says how progress is reported in its `reporting:` block; reports and\n"
        "reviews of a plan without one cannot be placed in any cycle.\n"
        "\n"
        "Passes: a report of a plan with `reporting: {cycle: month}`.\n"
        "Fails: a report of a plan that has no `reporting:`."
    ),
    "tracking",
)
UNKNOWN_PLAN = _rule(
    "tracking-unknown-plan",
    N_("reports and reviews name a plan of the repository"),
    N_("write the id of a plan under plans/"),
    N_(
        "`plan:` is the `id` of a plan under `plans/`.\n"
        "\n"
        "Passes: `plan: demo-2023` beside plans/demo-2023.yaml. Fails: `plan: demo-2032`."
    ),
    "tracking",
)
UNKNOWN_TASK = _rule(
    "tracking-unknown-task",
    N_("reports and reviews name tasks of their plan"),
    N_("write the id of a task of the plan"),
    N_(
        "Each `task:` is the `id` of a task of the plan the file names.\n"
        "\n"
        "Passes: `task: t1` when the plan has a task `t1`. Fails: `task: t9` when it has none."
    ),
    "tracking",
)
UNKNOWN_UNIT = _rule(
    "tracking-unknown-unit",
    N_("reports and reviews name registered units"),
    N_("write the unit's name as plans/units.yaml registers it"),
    N_(
        "The reporting unit (and the unit of a verdict) is a unit registered in\n"
        "`plans/units.yaml`, by its registered name: not an alias, not a group (each\n"
        "member of a group reports for itself).\n"
        "\n"
        "Passes: `unit: 市发展改革局`. Fails: `unit: 市发改局` (an alias), `unit: 市发改委`."
    ),
    "tracking",
)
PATH = _rule(
    "tracking-path",
    N_(
        "a report lies at reports/<plan>/<period>/<unit>.yaml, "
        "a review at reviews/<plan>/<period>.yaml"
    ),
    N_("move the file to where its content says it belongs"),
    N_(
        "Where a file lies says what it is: `reports/<plan>/<period>/<unit>.yaml` and\n"
        "`reviews/<plan>/<period>.yaml`. The folders and the file name agree with the\n"
        "file's `plan`, `period` and `unit`.\n"
        "\n"
        "Passes: reports/demo-2023/2023-06/市财政局.yaml with `period: 2023-06`.\n"
        "Fails: the same file with `period: 2023-07`."
    ),
    "tracking",
)
NOT_OWNER = _rule(
    "report-not-owner",
    N_("a unit reports only on tasks it leads, supports or is responsible for"),
    N_("report only the tasks the plan gives this unit"),
    N_(
        "A unit reports on the tasks the plan names it in (`lead`, `support`,\n"
        "`responsible`); a member of a group the plan names counts as named.\n"
        "\n"
        "Passes: 端州区人民政府 reporting on a task led by 各县（市、区）人民政府, its group.\n"
        "Fails: 市财政局 reporting on a task led by 市交通运输局 alone."
    ),
    "tracking",
)
PERIOD = _rule(
    "tracking-period",
    N_("a report's period is one of its plan's reporting cycle"),
    N_("write a period of the plan's cycle, from its first period to the plan's end"),
    N_(
        "The period is written in the plan's cycle (`2023-06` for month, `2023-Q2` for\n"
        "quarter, `2023-H1` for half, `2023` for year), not before the first period\n"
        "(`reporting.start`, else the start of the plan's period) and not after the plan's\n"
        "period ends, unless a task it names was extended into that period by a review.\n"
        "\n"
        "Passes: `period: 2023-06` for `reporting: {cycle: month, start: 2023-03}`;\n"
        "`period: 2024-01` on a task extended to 2024-03 in a plan ending in 2023.\n"
        "Fails: `period: 2023-Q2` for a monthly plan; `period: 2023-02` before its start."
    ),
    "tracking",
)
MILESTONE = _rule(
    "report-milestone",
    N_("a report names milestones its task has"),
    N_("use the id of one of the task's milestones"),
    N_(
        "`milestones: [{id: m1, done: …}]` names a milestone of the task by its `id`.\n"
        "\n"
        "Passes: `{id: m1, done: 2023-04-28}` when the task has milestone `m1`.\n"
        "Fails: `{id: m9, done: 2023-04-28}` when it has none."
    ),
    "tracking",
)
NO_REPORT = _rule(
    "review-no-report",
    N_("a review decides on reports that exist"),
    N_("decide on a submitted report, or add a note saying why"),
    N_(
        "A verdict is about a unit's report of the period, which must exist and report\n"
        "the task. A close (办结销号) follows a unit's `request: close` in some report of the\n"
        "task, or gives its reason in `note`.\n"
        "\n"
        "Passes: `{task: t1, unit: 市财政局, verdict: accepted}` when that report exists.\n"
        "Fails: the same when 市财政局 did not report on t1 that period; `{task: t2, close:\n"
        "2023-07-08}` with no request to close and no note."
    ),
    "tracking",
)
NOT_LATER = _rule(
    "review-extension-not-later",
    N_("an extension moves the deadline later"),
    N_("write a deadline after the current one"),
    N_(
        "`extend_to` is later than the task's current deadline, the one the lights hold it\n"
        "to: its `due` (without one, the end of the plan's period), or the latest extension\n"
        "approved before. An ongoing task has no deadline to extend.\n"
        "\n"
        "Passes: `extend_to: 2023-09` for `due: 2023-06`.\n"
        "Fails: `extend_to: 2023-06` for `due: 2023-06`; `extend_to: 2023-09` for a task\n"
        "without `due` in a plan that ends on 2023-12-31."
    ),
    "tracking",
)
REVIEWER = _rule(
    "review-reviewer",
    N_("reviews are written by the plan's supervising office"),
    N_("write the plan's reporting.supervisor as reviewer"),
    N_(
        "When the plan names its supervising office (`reporting.supervisor`), every review\n"
        "of it is that office's.\n"
        "\n"
        "Passes: `reviewer: 市政府督查室` for `supervisor: 市政府督查室`.\n"
        "Fails: `reviewer: 市发展改革局` for the same plan."
    ),
    "tracking",
)
SELF_CLOSE = _rule(
    "review-self-close",
    N_("no unit closes its own task"),
    N_("the supervising office closes a task; the unit asks with request: close"),
    N_(
        "A task is closed (办结销号) by the office that supervises it, never by the unit\n"
        "that leads it: a review whose reviewer leads the task it closes is refused. (A\n"
        "report cannot decide at all: `close`, `verdict` and `light` in a report are schema\n"
        "errors.)\n"
        "\n"
        "Passes: 市政府督查室 closing a task led by 市发展改革局.\n"
        "Fails: 市发展改革局 closing that task in a review it wrote."
    ),
    "tracking",
)
REPEATED_TEXT = _rule(
    "report-repeated-text",
    N_("progress is not last period's text again"),
    N_("say what was done this period"),
    N_(
        "The progress (进展情况) of a task repeats the unit's text of the period before\n"
        "almost word for word (a similarity of 0.9 or more): often a report copied forward\n"
        "without new facts.\n"
        "\n"
        "Passes: a text saying what changed. Fails: last month's text with one word changed."
    ),
    "tracking",
    Severity.WARNING,
)
PERCENT_LOWER = _rule(
    "report-percent-lower",
    N_("the percent done does not fall from one period to the next"),
    N_("check the percent, or explain the fall in problems"),
    N_(
        "A task's `percent` is not lower than the unit reported for the period before.\n"
        "\n"
        "Passes: 40 in May, 60 in June. Fails: 60 in May, 40 in June."
    ),
    "tracking",
    Severity.WARNING,
)

FILE_RULES: tuple[Rule, ...] = (
    DATE,
    DUPLICATE_TASK,
    EXTEND,
    NOTE,
    CALENDAR_DATE,
    CALENDAR_CONFLICT,
    CALENDAR_YEAR,
)
REPOSITORY_RULES: tuple[Rule, ...] = (
    NO_REPORTING,
    UNKNOWN_PLAN,
    UNKNOWN_TASK,
    UNKNOWN_UNIT,
    PATH,
    NOT_OWNER,
    PERIOD,
    MILESTONE,
    NO_REPORT,
    NOT_LATER,
    REVIEWER,
    SELF_CLOSE,
    REPEATED_TEXT,
    PERCENT_LOWER,
)
TRACKING_RULES: tuple[Rule, ...] = (*FILE_RULES, *REPOSITORY_RULES)
