"""The demo tracking repository: the Zhaoqing 2012 work plan and its reporting year of
monthly progress reports and reviews (May, when reporting starts, to December, when the
plan ends), each committed on the day it reached the office.

The story, which the tests work out by hand (tests/tracking/test_lights_demo.py):

- `reporting`: monthly from 2012-05, due by the 5th of the next month; `plans/calendar.yaml`
  holds 2012's holidays (国办发明电〔2011〕39号), so September's reports, due 5 October in
  the National Day holiday, are due on Monday 8 October. 2013 is not in the calendar.
- Every unit named in a task (lead, support, responsible; the group 各县（市、区） is its
  members) reports every month on the 3rd of the next month, on each of its tasks not
  closed or cancelled, with the percent of its year elapsed by the period's end
  (`on_schedule`), so that on its own every task stays green until its deadline, which
  is the plan's end, 31 December 2012. The exceptions:
  - 市农业局's June report arrives on 12 July (late, due 5 July);
  - 市林业局 sends no August report (missing);
  - 市编办's September report arrives on 6 October (on time: due 8 October);
  - 市科技局 reports `innovation` done in June and asks to close it; the June review
    (10 July) returns it (退回重报); July's report is in progress again;
  - the July review (10 August) sets `environment-protection` red (an override);
  - the August review (10 September) cancels `dinghu-station-tod`;
  - 肇庆新区管委会, one of the five leads of `two-zones`, reports 30 % in September;
  - 市人力资源社会保障局 reports `talent` done in September and asks to close it; the
    September review (15 October) approves the close;
  - 市住房城乡建设局 reports `housing-security` delayed in October (at 85 %);
  - 市教育局, one of the two leads of `education` (the one task with a `due`, 2012),
    reports it at 60 % in November and asks for an extension to 2013-06; the November
    review (10 December) approves it; 65 % in December;
  - `planning-integration` is reported done in December; the December review (10 January 2013)
    approves the close, ten days after its deadline.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from planctl.model import Plan, Task
from planctl.plans import load_registry, open_bytes
from planctl.tracking.periods import Period, periods_between
from planctl.units import UnitRegistry

from ..conftest import ROOT, GitPlans

PLAN_ID = "zhaoqing-2012-prd-workplan"
PLAN_FILE = f"plans/{PLAN_ID}.yaml"
SUPERVISOR = "肇庆市人民政府督查室"
REPORTING = f"reporting: {{cycle: month, due_day: 5, start: 2012-05, supervisor: {SUPERVISOR}}}\n"
FIRST, LAST = Period("month", 2012, 5), Period("month", 2012, 12)
PERIODS = tuple(periods_between(FIRST, LAST))
YEAR_START, PLAN_END = datetime.date(2012, 1, 1), datetime.date(2012, 12, 31)

# The State Council's 2012 arrangement (国务院办公厅关于2012年部分节假日安排的通知).
CALENDAR = """\
format: planctl-calendar/1
years:
  - year: 2012
    source: 国务院办公厅关于2012年部分节假日安排的通知（国办发明电〔2011〕39号）
    rest:
      - {from: 2012-01-01, to: 2012-01-03}
      - {from: 2012-01-22, to: 2012-01-28}
      - {from: 2012-04-02, to: 2012-04-04}
      - {from: 2012-04-29, to: 2012-05-01}
      - {from: 2012-06-22, to: 2012-06-24}
      - {from: 2012-09-30, to: 2012-10-07}
    work: [2012-01-21, 2012-01-29, 2012-03-31, 2012-04-01, 2012-04-28, 2012-09-29]
"""

# What the office decided, and when, that ends a task's reporting.
CLOSED = {
    "talent": datetime.date(2012, 10, 15),
    "planning-integration": datetime.date(2013, 1, 10),
}
CANCELLED = {"dinghu-station-tod": datetime.date(2012, 9, 10)}
# Reports that did not arrive on the 3rd: (unit, period) -> the day, None for never.
ARRIVALS: dict[tuple[str, str], datetime.date | None] = {
    ("市农业局", "2012-06"): datetime.date(2012, 7, 12),
    ("市林业局", "2012-08"): None,
    ("市编办", "2012-09"): datetime.date(2012, 10, 6),
}
EXTENDED_PERCENTS = {"2012-11": 60, "2012-12": 65}

# The progress text changes from month to month, as real reports do.
_WORK = (
    "召开专题推进会，分解落实年度目标",
    "完成阶段性督查，整改问题清单",
    "推动重点项目开工，落实用地和资金",
    "组织现场调研，协调解决存在困难",
    "开展中期评估，调整完善工作措施",
    "加强部门协作，建立周报工作机制",
    "开展专项检查，跟踪项目建设进度",
    "召开联席会议，研究部署下步工作",
    "组织业务培训，提升工作人员能力",
    "落实资金拨付，加快项目建设进度",
    "总结年度工作，梳理完成情况",
    "谋划新一年工作，衔接后续任务",
)


def on_schedule(period: Period) -> int:
    """The percent a unit on schedule reports: its year elapsed by the period's end."""
    elapsed = (min(period.end, PLAN_END) - YEAR_START).days
    return round(elapsed * 100 / (PLAN_END - YEAR_START).days)


@dataclass
class Files:
    """Files to commit, by the day they are committed."""

    by_day: dict[datetime.date, dict[str, str]] = field(default_factory=lambda: defaultdict(dict))

    def add(self, day: datetime.date, path: str, text: str) -> None:
        self.by_day[day][path] = text


def demo_plan_text() -> str:
    """The repository's Zhaoqing plan with its reporting block (after its period)."""
    text = (ROOT / PLAN_FILE).read_text(encoding="utf-8")
    anchor = "period: {start: 2012-01-01, end: 2012-12-31}\n"
    assert anchor in text
    return text.replace(anchor, anchor + REPORTING, 1)


def demo_plan() -> Plan:
    return open_bytes(demo_plan_text().encode("utf-8"), PLAN_FILE).plan()


def registry() -> UnitRegistry:
    units = load_registry(ROOT / "plans/units.yaml")
    assert units is not None
    return units


def units_of(task: Task, units: UnitRegistry) -> list[str]:
    """The registered units a task names (a group's members), each once."""
    found: list[str] = []
    for name in (*task.lead, *task.support, *task.responsible):
        lookup = units.lookup(name)
        members = units.groups[name].members if lookup.kind == "group" else (name,)
        for member in members:
            canonical = units.lookup(member).canonical or member
            if canonical not in found:
                found.append(canonical)
    return found


def reporting_tasks(plan: Plan, units: UnitRegistry, period: Period) -> dict[str, list[Task]]:
    """For each unit, the tasks it reports on for `period` (open at the period's end)."""
    stops = {**CLOSED, **CANCELLED}
    tasks: dict[str, list[Task]] = defaultdict(list)
    for task in plan.tasks():
        stop = stops.get(task.id)
        if stop is not None and stop <= period.end:
            continue
        for unit in units_of(task, units):
            tasks[unit].append(task)
    return tasks


def entry_of(task: Task, unit: str, period: Period) -> dict[str, object]:
    """One report entry: on schedule, but for the story's exceptions."""
    name = str(period)
    entry: dict[str, object] = {"task": task.id, "status": "in_progress"}
    entry["percent"] = on_schedule(period)
    work = _WORK[(sum(map(ord, task.id)) + PERIODS.index(period)) % len(_WORK)]
    entry["progress"] = f"{period.chinese()}，{work}，{task.heading}各项工作有序推进。"
    if (task.id, name) == ("innovation", "2012-06"):
        entry |= {"status": "done", "percent": 100, "request": "close"}
        entry["progress"] = "区域创新平台建设任务已全部完成，申请办结。"
    elif (task.id, unit, name) == ("two-zones", "肇庆新区管委会", "2012-09"):
        entry["percent"] = 30
        entry["problems"] = "新区起步区征地拆迁进度滞后。"
    elif (task.id, name) == ("talent", "2012-09"):
        entry |= {"status": "done", "percent": 100, "request": "close"}
        entry["progress"] = "人才引进和培养年度任务已全部完成，申请办结销号。"
    elif (task.id, name) == ("housing-security", "2012-10"):
        entry |= {"status": "delayed", "percent": 85}
        entry["problems"] = "部分保障性住房项目受征地影响，开工时间推迟。"
    elif (task.id, unit) == ("education", "市教育局") and name in EXTENDED_PERCENTS:
        entry["percent"] = EXTENDED_PERCENTS[name]
        if name == "2012-11":
            entry |= {"request": "extend", "extend_to": "2013-06"}
            entry["reason"] = "省教育强市督导验收安排在2013年上半年，申请延期至2013年6月底。"
    elif (task.id, name) == ("planning-integration", "2012-12"):
        entry |= {"status": "done", "percent": 100, "request": "close"}
        entry["progress"] = "广佛肇三市城乡规划衔接工作已全部完成，申请办结。"
    return entry


def report_text(unit: str, period: Period, entries: list[dict[str, object]]) -> str:
    lines = [
        "format: planctl-report/1",
        f"plan: {PLAN_ID}",
        f"period: {period}",
        f"unit: {unit}",
        f"as_of: {period.end.isoformat()}",
        "tasks:",
    ]
    for entry in entries:
        keys = iter(entry.items())
        key, value = next(keys)
        lines.append(f"  - {key}: {value}")
        lines.extend(f"    {key}: {value}" for key, value in keys)
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class ReviewOf:
    period: str
    date: datetime.date
    decisions: tuple[str, ...]


# Each review accepts the first task's report and says what the story says it decides.
REVIEWS = (
    ReviewOf("2012-05", datetime.date(2012, 6, 10), ()),
    ReviewOf(
        "2012-06",
        datetime.date(2012, 7, 10),
        (
            "{task: innovation, unit: 市科技局, verdict: returned,"
            " note: 现场核查尚未完成，请补充佐证材料后重报}",
        ),
    ),
    ReviewOf(
        "2012-07",
        datetime.date(2012, 8, 10),
        ("{task: environment-protection, light: red, note: 现场核查与报告不符}",),
    ),
    ReviewOf(
        "2012-08",
        datetime.date(2012, 9, 10),
        ("{task: dinghu-station-tod, status: cancelled, note: 城际轨道站点调整，任务取消}",),
    ),
    ReviewOf("2012-09", datetime.date(2012, 10, 15), ("{task: talent, close: 2012-10-15}",)),
    ReviewOf("2012-10", datetime.date(2012, 11, 10), ()),
    ReviewOf(
        "2012-11",
        datetime.date(2012, 12, 10),
        ("{task: education, extend_to: 2013-06, note: 经分管领导同意}",),
    ),
    ReviewOf(
        "2012-12", datetime.date(2013, 1, 10), ("{task: planning-integration, close: 2013-01-10}",)
    ),
)


def review_text(review: ReviewOf) -> str:
    decisions = (
        "{task: assessment-targets, unit: 各指标监测落实部门, verdict: accepted}",
        *review.decisions,
    )
    lines = [
        "format: planctl-review/1",
        f"plan: {PLAN_ID}",
        f"period: {review.period}",
        f"reviewer: {SUPERVISOR}",
        f"date: {review.date.isoformat()}",
        "decisions:",
        *(f"  - {decision}" for decision in decisions),
    ]
    return "\n".join(lines) + "\n"


def demo_files() -> Files:
    """Every file of the demo repository, by the day it is committed."""
    plan, units = demo_plan(), registry()
    files = Files()
    start = datetime.date(2012, 5, 2)
    files.add(start, PLAN_FILE, demo_plan_text())
    files.add(start, "plans/units.yaml", (ROOT / "plans/units.yaml").read_text("utf-8"))
    files.add(start, "plans/calendar.yaml", CALENDAR)
    for period in PERIODS:
        on_the_third = period.end + datetime.timedelta(days=3)
        for unit, tasks in reporting_tasks(plan, units, period).items():
            day = ARRIVALS.get((unit, str(period)), on_the_third)
            if day is None:
                continue
            entries = [entry_of(task, unit, period) for task in tasks]
            path = f"reports/{PLAN_ID}/{period}/{unit}.yaml"
            files.add(day, path, report_text(unit, period, entries))
    for review in REVIEWS:
        files.add(review.date, f"reviews/{PLAN_ID}/{review.period}.yaml", review_text(review))
    return files


def fast_import_stream(files: Files) -> bytes:
    """One commit a day, at 09:00 China time, by whoever sent the files."""
    chunks: list[bytes] = []
    for mark, day in enumerate(sorted(files.by_day), start=1):
        stamp = int(datetime.datetime(day.year, day.month, day.day, 9, tzinfo=_CHINA).timestamp())
        message = f"{day.isoformat()} 报送进展与审核意见".encode()
        chunks.append(b"commit refs/heads/main\n")
        chunks.append(b"mark :%d\n" % mark)
        who = "督查室 <duchashi@example.org>".encode()
        chunks.append(b"author %s %d +0800\ncommitter %s %d +0800\n" % (who, stamp, who, stamp))
        chunks.append(b"data %d\n%s\n" % (len(message), message))
        if mark > 1:
            chunks.append(b"from :%d\n" % (mark - 1))
        for path, text in sorted(files.by_day[day].items()):
            data = text.encode("utf-8")
            chunks.append(b"M 100644 inline %s\ndata %d\n%s\n" % (path.encode(), len(data), data))
    return b"".join(chunks)


_CHINA = datetime.timezone(datetime.timedelta(hours=8))


def build_demo(root: Path, home: Path) -> GitPlans:
    """The demo tracking repository at `root`, checked out on main."""
    repository = GitPlans.create(root, home)
    repository.fast_import(fast_import_stream(demo_files()))
    return repository


def dates_committed() -> Iterator[datetime.date]:
    yield from sorted(demo_files().by_day)
