"""`planctl calendar`: the .ics files read back by a second, independent parser (vobject),
every event in place, and UIDs that survive edits to the plan."""

from __future__ import annotations

import datetime
import os
from pathlib import Path

import pytest
import vobject

from planctl.filenames import safe_file_name

from ..conftest import CLI
from .conftest import PLAN_FILE

D = datetime.date

# Every unit of a task reports each quarter from the task's start until the office
# closes it: due on day 8 after the quarter, moved off weekends (2023-04-08 and 07-08
# are Saturdays, 10-08 a Sunday).
REPORTS = {
    ("【报送】2023年第一季度进展", D(2023, 4, 10)),
    ("【报送】2023年第二季度进展", D(2023, 7, 10)),
    ("【报送】2023年第三季度进展", D(2023, 10, 9)),
    ("【报送】2023年第四季度进展", D(2024, 1, 8)),
}
ROADS = "完善交通路网 2023年第三季度"
# (summary, day) of every event each unit's calendar must hold.
EXPECTED = {
    "市发展改革局": REPORTS
    | {
        ("【牵头】壮大先进制造业：出台扶持政策", D(2023, 3, 31)),
        ("【牵头】壮大先进制造业 2023年6月底前", D(2023, 6, 30)),
    },
    "市财政局": REPORTS
    | {
        ("【配合】壮大先进制造业：出台扶持政策", D(2023, 3, 31)),
        ("【配合】壮大先进制造业 2023年6月底前", D(2023, 6, 30)),
    },
    "市交通运输局": REPORTS | {(f"【牵头】{ROADS}", D(2023, 9, 30))},
    # The group 各县（市、区）人民政府 supports: each of its units sees the deadline.
    "端州区人民政府": REPORTS | {(f"【配合】{ROADS}", D(2023, 9, 30))},
    "鼎湖区人民政府": REPORTS | {(f"【配合】{ROADS}", D(2023, 9, 30))},
    # An ongoing task has no deadline, but its lead reports every quarter.
    "市生态环境局": REPORTS,
}


def read_calendar(path: Path) -> vobject.base.Component:
    return vobject.readOne(path.read_text(encoding="utf-8"))


def events(path: Path) -> dict[str, vobject.base.Component]:
    """The calendar's events by UID."""
    return {event.uid.value: event for event in read_calendar(path).vevent_list}


def summaries(path: Path) -> set[tuple[str, datetime.date]]:
    return {(event.summary.value, event.dtstart.value) for event in events(path).values()}


def test_every_unit_gets_a_calendar_of_what_it_owes(cli: CLI, feeds_repo: Path) -> None:
    result = cli("calendar", "-o", "feeds", cwd=feeds_repo)

    assert result.exit_code == 0, result.stderr
    written = sorted(path.name for path in (feeds_repo / "feeds").iterdir())
    assert written == sorted([f"{unit}.ics" for unit in EXPECTED] + ["全部.ics"])
    for unit, expected in EXPECTED.items():
        path = feeds_repo / "feeds" / f"{unit}.ics"
        assert summaries(path) == expected, unit
        assert read_calendar(path).contents["x-wr-calname"][0].value == unit
    assert "wrote feeds/市发展改革局.ics (6 events)" in result.stdout


def test_the_whole_calendar_holds_each_event_once_with_its_owners(
    cli: CLI, feeds_repo: Path
) -> None:
    cli("calendar", "-o", "feeds", cwd=feeds_repo)

    whole = events(feeds_repo / "feeds" / "全部.ics")
    per_unit = {uid for unit in EXPECTED for uid in events(feeds_repo / "feeds" / f"{unit}.ics")}
    reports = [event for event in whole.values() if event.summary.value.startswith("【报送】")]
    assert set(whole) == per_unit
    assert len(whole) == 27  # two deadlines, a milestone, four reports from each of 6 units
    assert len(reports) == 24
    assert (f"【市交通运输局】{ROADS}", D(2023, 9, 30)) in {
        (event.summary.value, event.dtstart.value) for event in whole.values()
    }
    assert "【报送】市生态环境局 2023年第四季度进展" in {e.summary.value for e in reports}


def test_events_are_all_day_dates_with_chinese_descriptions(cli: CLI, feeds_repo: Path) -> None:
    cli("calendar", "-o", "feeds", cwd=feeds_repo)

    calendar = events(feeds_repo / "feeds" / "市财政局.ics")
    deadline = next(e for e in calendar.values() if e.summary.value.endswith("6月底前"))
    assert type(deadline.dtstart.value) is datetime.date  # a date, not a date-time
    assert deadline.dtend.value == D(2023, 7, 1)  # the day after: one whole day
    assert deadline.description.value.split("\n") == [
        "任务：壮大先进制造业",
        "本单位：配合",
        "推进工业园区扩能增效，新增规模以上工业企业50家。",
        "责任分工：市发展改革局牵头，市财政局配合",
        "完成时限：2023年6月底前",  # the words the plan keeps (due_text)
        "计划：示例市2023年重点工作计划",
        "任务标识：industry",
    ]
    report = events(feeds_repo / "feeds" / "市生态环境局.ics")
    last = next(e for e in report.values() if "第四季度" in e.summary.value)
    assert last.description.value.split("\n") == [
        "报送2023年第四季度工作进展情况",
        "报送期限：2024年1月8日前",
        "计划：示例市2023年重点工作计划",
        "报送至：示例市人民政府督查室",
    ]


def test_the_files_are_rfc_5545_text_crlf_folded_without_time_zones(
    cli: CLI, feeds_repo: Path
) -> None:
    cli("calendar", "-o", "feeds", cwd=feeds_repo)

    raw = (feeds_repo / "feeds" / "市发展改革局.ics").read_bytes()
    lines = raw.split(b"\r\n")
    assert raw.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b"")  # every line ends in CRLF
    assert max(len(line) for line in lines) <= 75  # folded at 75 octets
    assert any(line.startswith(b" ") for line in lines)  # long Chinese lines were folded
    assert b"VTIMEZONE" not in raw
    assert b"TZID" not in raw
    assert b"DTSTART;VALUE=DATE:20230630\r\n" in raw


def test_uids_survive_edits_and_a_moved_deadline_keeps_its_uid(cli: CLI, feeds_repo: Path) -> None:
    cli("calendar", "-o", "before", cwd=feeds_repo)
    plan = feeds_repo / PLAN_FILE
    text = plan.read_text(encoding="utf-8")
    text = text.replace("推进工业园区扩能增效", "推进工业园区提质扩能增效")  # another task's text
    text = text.replace("due: 2023-Q3", "due: 2023-11-15")  # this task's deadline
    text = text.replace(
        "  - id: green\n",
        "  - id: first\n    title: 新增章节\n    tasks:\n"
        "      - {id: extra, title: 新增任务, lead: [市财政局], due: 2023-05}\n"
        "  - id: green\n",
    )  # a task added before the last section
    plan.write_text(text, encoding="utf-8")
    cli("calendar", "-o", "after", cwd=feeds_repo)

    before = events(feeds_repo / "before" / "全部.ics")
    after = events(feeds_repo / "after" / "全部.ics")
    assert set(before) <= set(after)  # nothing got a new UID
    moved = [uid for uid in before if after[uid].dtstart.value != before[uid].dtstart.value]
    assert [after[uid].summary.value for uid in moved] == [
        "【市交通运输局】完善交通路网 2023年11月15日前"
    ]
    assert after[moved[0]].dtstart.value == D(2023, 11, 15)
    edited = next(uid for uid in before if before[uid].summary.value.endswith("6月底前"))
    assert "提质扩能增效" in after[edited].description.value
    new = {after[uid].summary.value for uid in set(after) - set(before)}
    assert new == {"【市财政局】新增任务 2023年5月底前"}  # 市财政局 reported already


def test_the_same_plans_give_the_same_bytes(cli: CLI, feeds_repo: Path) -> None:
    cli("calendar", "-o", "one", cwd=feeds_repo)
    cli("calendar", "-o", "two", cwd=feeds_repo)

    for path in (feeds_repo / "one").iterdir():
        assert path.read_bytes() == (feeds_repo / "two" / path.name).read_bytes()


def test_one_unit_by_an_alias_gets_its_registered_name(cli: CLI, feeds_repo: Path) -> None:
    result = cli("calendar", "--unit", "市发改局", "-o", "feeds", cwd=feeds_repo)

    assert result.exit_code == 0, result.stderr
    assert [path.name for path in (feeds_repo / "feeds").iterdir()] == ["市发展改革局.ics"]
    assert summaries(feeds_repo / "feeds" / "市发展改革局.ics") == EXPECTED["市发展改革局"]


def test_an_unknown_unit_is_one_line_with_a_suggestion(cli: CLI, feeds_repo: Path) -> None:
    result = cli("calendar", "--unit", "市发展改革委", "-o", "feeds", cwd=feeds_repo)

    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "市发展改革委" in result.stderr
    assert "市发展改革局" in result.stderr
    assert not (feeds_repo / "feeds").exists() or not any((feeds_repo / "feeds").iterdir())


def test_a_group_is_not_a_unit(cli: CLI, feeds_repo: Path) -> None:
    result = cli("calendar", "--unit", "各县（市、区）人民政府", "-o", "feeds", cwd=feeds_repo)

    assert result.exit_code == 2
    assert "端州区人民政府" in result.stderr


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_a_link_in_the_folder_never_leads_the_write_outside(
    cli: CLI, feeds_repo: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "outside.ics"
    outside.write_text("keep", encoding="utf-8")
    folder = feeds_repo / "feeds"
    folder.mkdir()
    (folder / "市财政局.ics").symlink_to(outside)

    result = cli("calendar", "-o", "feeds", cwd=feeds_repo)

    assert result.exit_code == 2
    assert "市财政局.ics" in result.stderr
    assert outside.read_text(encoding="utf-8") == "keep"


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
@pytest.mark.parametrize(
    "target", ["planctl.toml", "plans/units.yaml", "reports/feeds-2023/2023-Q1/市财政局.yaml"]
)
def test_a_link_in_the_folder_never_leads_the_write_over_a_file_read(
    cli: CLI, feeds_repo: Path, target: str
) -> None:
    (feeds_repo / target).parent.mkdir(parents=True, exist_ok=True)
    if not (feeds_repo / target).exists():
        (feeds_repo / target).write_text("keep", encoding="utf-8")
    before = (feeds_repo / target).read_bytes()
    folder = feeds_repo / "feeds"
    folder.mkdir()
    (folder / "全部.ics").symlink_to(feeds_repo / target)

    result = cli("calendar", "-o", "feeds", cwd=feeds_repo)

    assert result.exit_code == 2
    assert "a file the command is reading" in result.stderr
    assert (feeds_repo / target).read_bytes() == before
    assert [path.name for path in folder.iterdir()] == ["全部.ics"]  # refused before any write


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_a_folder_linked_out_of_the_repository_is_refused(
    cli: CLI, feeds_repo: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (feeds_repo / "feeds").symlink_to(elsewhere)

    result = cli("calendar", "-o", "feeds", cwd=feeds_repo)

    assert result.exit_code == 2
    assert "a link leads this write out of" in result.stderr
    assert list(elsewhere.iterdir()) == []


def test_an_explicitly_named_draft_is_included(cli: CLI, feeds_repo: Path) -> None:
    plan = feeds_repo / PLAN_FILE
    plan.write_text(plan.read_text(encoding="utf-8").replace("stage: issued", "stage: draft"))

    assert cli("calendar", "-o", "feeds", cwd=feeds_repo).exit_code == 2  # no issued plan
    result = cli("calendar", PLAN_FILE, "-o", "feeds", cwd=feeds_repo)
    assert result.exit_code == 0, result.stderr
    assert len(events(feeds_repo / "feeds" / "全部.ics")) == 27


def test_a_refused_plan_stops_the_calendar(cli: CLI, feeds_repo: Path) -> None:
    plan = feeds_repo / PLAN_FILE
    plan.write_text(plan.read_text(encoding="utf-8").replace("due: 2023-06\n", "due: [1]\n"))

    result = cli("calendar", "-o", "feeds", cwd=feeds_repo)

    assert result.exit_code == 1
    assert "feeds-2023.yaml" in result.stderr
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("市发展改革局", "市发展改革局"),
        ("市委/市政府督查室", "市委_市政府督查室"),
        ('a:b*c?"d"<e>|', "a_b_c__d__e__"),
        ("CON", "_CON"),
        ("nul.txt", "_nul.txt"),
        ("局.", "局"),
        (".hidden", "_.hidden"),
    ],
)
def test_unit_names_become_file_names_windows_accepts(name: str, safe: str) -> None:
    assert safe_file_name(name) == safe


HOLIDAYS_2023 = """\
format: planctl-calendar/1
years:
  - year: 2023
    source: 国务院办公厅关于2023年部分节假日安排的通知（国办发明电〔2022〕16号）
    rest: [{from: 2023-09-29, to: 2023-10-06}]
    work: [2023-10-07, 2023-10-08]
"""

EXTENSION = """\
format: planctl-review/1
plan: feeds-2023
period: 2023-Q2
reviewer: 示例市人民政府督查室
date: 2023-07-12
decisions:
  - {task: roads, extend_to: 2023-11, note: 经分管领导同意}
"""


def test_the_workdays_calendar_and_the_reviews_are_read(cli: CLI, feeds_repo: Path) -> None:
    cli("calendar", "-o", "before", cwd=feeds_repo)
    (feeds_repo / "plans" / "calendar.yaml").write_text(HOLIDAYS_2023, encoding="utf-8")
    (feeds_repo / "reviews" / "feeds-2023").mkdir(parents=True)
    (feeds_repo / "reviews" / "feeds-2023" / "2023-Q2.yaml").write_text(EXTENSION)

    result = cli("calendar", "--unit", "市交通运输局", "-o", "after", cwd=feeds_repo)

    assert result.exit_code == 0, result.output
    before = events(feeds_repo / "before" / "市交通运输局.ics")
    after = events(feeds_repo / "after" / "市交通运输局.ics")
    assert set(after) == set(before)
    changed = {
        (after[uid].summary.value, after[uid].dtstart.value)
        for uid in after
        if after[uid].dtstart.value != before[uid].dtstart.value
    }
    assert changed == {
        # Sunday 8 October 2023 was a workday (调休): the report is due that day.
        ("【报送】2023年第三季度进展", D(2023, 10, 8)),
        ("【牵头】完善交通路网 2023年第三季度（已批准延期至2023年11月底前）", D(2023, 11, 30)),
    }
    # 2024 is not in the calendar: the fourth quarter's due day moved off weekends only.
    assert "2024" in result.stdout


def test_a_refused_review_stops_the_calendar_and_a_refused_report_does_not(
    cli: CLI, feeds_repo: Path
) -> None:
    report = feeds_repo / "reports" / "feeds-2023" / "2023-Q1" / "市财政局.yaml"
    report.parent.mkdir(parents=True)
    report.write_text("format: planctl-report/1\nplan: [", encoding="utf-8")

    assert cli("calendar", "-o", "feeds", cwd=feeds_repo).exit_code == 0
    review = feeds_repo / "reviews" / "feeds-2023" / "2023-Q1.yaml"
    review.parent.mkdir(parents=True)
    review.write_text(EXTENSION.replace("extend_to: 2023-11", "extend_to: 2023-13"))

    result = cli("calendar", "-o", "feeds", cwd=feeds_repo)
    assert result.exit_code == 1
    assert "2023-Q1.yaml" in result.stderr
    assert result.stderr.count("\n") == 1


def test_control_characters_in_plan_text_never_reach_the_file(cli: CLI, feeds_repo: Path) -> None:
    plan = feeds_repo / PLAN_FILE
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("text: 建成环城公路。", 'text: "建成\\e[31m环城公路。"'))

    result = cli("calendar", "-o", "feeds", cwd=feeds_repo)

    assert result.exit_code == 0, result.stderr
    raw = (feeds_repo / "feeds" / "市交通运输局.ics").read_bytes()
    assert b"\x1b" not in raw
    assert "建成\ufffd[31m环城公路。" in raw.decode("utf-8").replace("\r\n ", "")


def test_named_plans_are_not_stopped_by_another_broken_plan(cli: CLI, feeds_repo: Path) -> None:
    (feeds_repo / "plans" / "broken.yaml").write_text("format: planctl/1\nid: [\n")

    assert cli("calendar", "-o", "feeds", cwd=feeds_repo).exit_code == 1
    result = cli("calendar", PLAN_FILE, "-o", "feeds", cwd=feeds_repo)
    assert result.exit_code == 0, result.stderr
    assert len(events(feeds_repo / "feeds" / "全部.ics")) == 27


def test_a_calendar_name_is_written_as_escaped_text() -> None:
    from planctl.feeds.ics import calendar_bytes

    name = "市财政局\\预算科,国库科;\x1b[31m"
    stamp = datetime.datetime(2023, 7, 1, tzinfo=datetime.UTC)
    parsed = vobject.readOne(calendar_bytes(name, [], unit=name, stamp=stamp).decode("utf-8"))

    assert parsed.x_wr_calname.value == "市财政局\\预算科,国库科;\ufffd[31m"
