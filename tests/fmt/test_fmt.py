"""`planctl fmt`: the canonical layout, which keeps every comment and every value."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planctl import resources
from planctl.errors import PlanRefused
from planctl.fmt import FormatError, Kind, format_file, format_text, is_formatted

from ..conftest import DATA


def fmt(text: str) -> str:
    return format_text(text, kind="plan")


def comments_in(text: str) -> list[str]:
    """Every "# …" comment, in order (good enough for these fixtures: no "#" in values)."""
    return re.findall(r"(?:^|\s)(#.*)$", text, flags=re.MULTILINE)


# The plan example of PLAN_FORMAT.md, as written there.
EXAMPLE_PLAN = """\
# yaml-language-server: $schema=../schema/plan.schema.json
format: planctl/1
id: zhaoqing-2012-prd-workplan          # [a-z0-9][a-z0-9-]*, unique in the repository
title: 肇庆市实施《珠三角规划纲要》2012年工作计划
kind: 工作计划                            # 工作计划 | 任务分解表 | 实施方案 | 工作要点 | 规划纲要 | …
stage: issued                            # draft | review | issued  (strictness of checks grows)
issuer: 肇庆市人民政府                    # 制定机关
period: {start: 2012-01-01, end: 2012-12-31}

notice:                                  # 印发通知 — optional; what `render --as notice` prints
  issuer_mark: 肇庆市人民政府办公室文件     # 发文机关标志 (red header); default: signer + 文件
  doc_number: 肇府办〔2012〕22号           # 发文字号: 代字〔年份〕序号号
  title: 印发肇庆市实施《珠三角规划纲要》2012年工作计划的通知
  recipients: [各县（市、区）人民政府, 肇庆高新区管委会, 肇庆新区管委会, 市政府有关部门、直属有关单位]
  body: |                                # 正文 (paragraphs separated by blank lines)
    《肇庆市实施〈珠三角规划纲要〉2012年工作计划》已经过市实施《珠三角规划纲要》领导小组会议审议通过，现印发给你们，请认真贯彻执行。
  attachments: []                        # 附件说明 beyond the plan itself
  signer: 肇庆市人民政府办公室             # 发文机关署名
  date: 2012-04-19                       # 成文日期
  date_style: arabic                     # arabic (GB/T 9704-2012) | chinese (二○一二年四月十九日)
  disclosure: 主动公开                    # 公开方式
  keywords: [经济管理, 规划纲要, 计划, 通知]  # 主题词 (older documents)
  cc: [市委办公室, 市委宣传部, 市社工委, 市人大常委会办公室, 市政协办公室]   # 抄送
  printer: 肇庆市人民政府办公室             # 印发机关
  printed: 2012-04-20                    # 印发日期

preamble:                                # sections of prose before the task list, e.g. 一、总体要求
  - title: 总体要求
    text: |
      全面贯彻落实……

sections:                                # the numbered body; nest `sections` as deep as needed
  - id: structure                        # stable id, unique within the plan
    source_number: （一）                  # optional: the number as written in the source document
    title: 推进经济结构战略性调整，加快转变经济发展方式
    tasks:
      - id: modern-services              # stable id, unique within the plan; never renumbered
        source_number: "1、"              # optional, as written in the source (set by import)
        title: 优先发展现代服务业            # short heading (the words before the first 。)
        text: |                          # the task as written (措施)
          推进端州区生产性服务业基地、肇庆新港物流园区……
        lead: [市发展改革局]               # 牵头单位 (or 负责单位, see `lead_word`)
        support: [市经济信息化局, 市文广新局, 市旅游发展局]   # 配合 / 参与单位
        support_more: true               # the source says 等有关部门 after the list
        lead_word: 牵头                   # 牵头 (default) | 负责 — how the source names the lead
        support_word: 参与                # 配合 (default) | 参与 | 协办
        due: 2012-12                     # see “Deadlines”
        milestones:                      # 节点任务 (optional)
          - {due: 2012-06, text: 完成规划编制}
        indicators:                      # 量化指标 (optional)
          - {name: 新增城市绿道, unit: 公里, target: 50}
        status: in_progress              # see “Status”
        progress:                        # 进展 (optional, newest last)
          - {date: 2012-06-30, status: in_progress, note: 已完成选址}
"""  # noqa: E501 — verbatim from PLAN_FORMAT.md

EXAMPLE_UNITS = """\
format: planctl-units/1
units:
  - name: 市发展改革局                    # the short name plans use
    full_name: 肇庆市发展和改革局
    aliases: [市发改局, 市发展和改革局]     # accepted, reported as “use 市发展改革局”
    kind: department                     # department | government | committee | enterprise | other
groups:
  - name: 各县（市、区）人民政府
    members: [端州区人民政府, 鼎湖区人民政府, 高要市人民政府, 四会市人民政府, 广宁县人民政府, 怀集县人民政府, 封开县人民政府, 德庆县人民政府]
"""  # noqa: E501 — verbatim from PLAN_FORMAT.md


# --- the examples of PLAN_FORMAT.md ------------------------------------------------------


def test_the_plan_example_only_loses_its_blank_lines_between_top_level_keys() -> None:
    expected = EXAMPLE_PLAN
    for key in ("notice:", "preamble:", "sections:"):
        expected = expected.replace(f"\n\n{key}", f"\n{key}")
    assert fmt(EXAMPLE_PLAN) == expected


def test_the_units_example_is_already_canonical() -> None:
    assert is_formatted(EXAMPLE_UNITS, kind="units")


@pytest.mark.parametrize(("text", "kind"), [(EXAMPLE_PLAN, "plan"), (EXAMPLE_UNITS, "units")])
def test_the_examples_keep_every_comment_and_value(text: str, kind: Kind) -> None:
    formatted = format_text(text, kind=kind)
    assert comments_in(formatted) == comments_in(text)
    assert yaml.safe_load(formatted) == yaml.safe_load(text)


# --- key order ---------------------------------------------------------------------------


# Where each schema definition applies: (schema, put a mapping there, get it back).
PLACES: dict[str, tuple[Kind, Callable[[Any], Any], Callable[[Any], Any]]] = {
    "plan": ("plan", lambda m: m, lambda d: d),
    "notice": ("plan", lambda m: {"notice": m}, lambda d: d["notice"]),
    "section": ("plan", lambda m: {"sections": [m]}, lambda d: d["sections"][0]),
    "task": (
        "plan",
        lambda m: {"sections": [{"tasks": [m]}]},
        lambda d: d["sections"][0]["tasks"][0],
    ),
    "units": ("units", lambda m: m, lambda d: d),
    "unit": ("units", lambda m: {"units": [m]}, lambda d: d["units"][0]),
    "group": ("units", lambda m: {"groups": [m]}, lambda d: d["groups"][0]),
}


@pytest.mark.parametrize("definition", PLACES)
def test_keys_follow_the_schema_and_every_schema_key_is_known(definition: str) -> None:
    kind, put, get = PLACES[definition]
    schema = resources.schema(kind)
    keys = list((schema if definition == kind else schema["$defs"][definition])["properties"])
    shuffled = {"unknown_key": 1, **dict.fromkeys(reversed(keys), 1)}
    formatted = format_text(yaml.safe_dump(put(shuffled)), kind=kind)
    assert list(get(yaml.safe_load(formatted))) == [*keys, "unknown_key"]


# --- the layout, case by case: tests/data/fmt/ -------------------------------------------
#
# Each file is one case: the input, then a line `# output` and the expected layout (no
# such line: the input is already canonical). A file named units-*.yaml is a unit
# registry. Adding a case means adding a file; README.md there says why some cases exist.

FMT_CASES = sorted((DATA / "fmt").glob("*.yaml"))
OUTPUT_MARK = "# output\n"


def read_case(path: Path) -> tuple[str, str, Kind]:
    text = path.read_text(encoding="utf-8")
    given, mark, expected = text.partition(OUTPUT_MARK)
    kind: Kind = "units" if path.name.startswith("units-") else "plan"
    return given, expected if mark else given, kind


@pytest.mark.parametrize("path", FMT_CASES, ids=lambda path: path.stem)
def test_each_case_is_laid_out_as_expected(path: Path) -> None:
    given, expected, kind = read_case(path)
    assert format_text(given, kind=kind) == expected
    assert format_text(expected, kind=kind) == expected, "formatting twice changes nothing"
    assert yaml.safe_load(expected) == yaml.safe_load(given), "fmt changes no value"


def test_the_cases_are_there() -> None:
    assert len(FMT_CASES) >= 25
    assert any(read_case(path)[0] == read_case(path)[1] for path in FMT_CASES)


def test_long_text_is_never_wrapped() -> None:
    long_title = "推进" * 200 + " 和 " + "落实" * 200
    assert fmt(f"title: {long_title}\n") == f"title: {long_title}\n"


def test_formatting_twice_changes_nothing() -> None:
    once = fmt(EXAMPLE_PLAN)
    assert fmt(once) == once
    assert is_formatted(once, kind="plan")
    assert not is_formatted(EXAMPLE_PLAN, kind="plan")


# --- bytes: newlines and byte-order mark ------------------------------------------------


def test_crlf_and_a_byte_order_mark_become_lf_without_bom() -> None:
    text = "\ufeffid: p\r\nformat: planctl/1  # 格式\r\n"
    assert fmt(text) == "format: planctl/1  # 格式\nid: p\n"


# --- errors ------------------------------------------------------------------------------


def test_invalid_yaml_is_a_format_error_with_its_position() -> None:
    with pytest.raises(FormatError) as caught:
        fmt("id: p\nlead: [市财政局\n")
    assert isinstance(caught.value, ValueError)
    assert (caught.value.line, caught.value.column) == (3, 1)
    assert "line 3, column 1" in str(caught.value)


@pytest.mark.parametrize("text", ["", "# 只有注释\n", "- a\n- b\n", "只是一句话\n"])
def test_a_document_that_is_not_a_mapping_is_a_format_error(text: str) -> None:
    with pytest.raises(FormatError, match="top level must be a mapping"):
        fmt(text)


def test_duplicate_keys_and_merge_keys_are_format_errors() -> None:
    with pytest.raises(FormatError, match="duplicate key"):
        fmt("id: a\nid: b\n")
    with pytest.raises(FormatError, match="merge keys") as caught:
        fmt("base: &base {lead: [市财政局]}\ntask:\n  <<: *base\n  id: t\n")
    assert caught.value.line == 3


# --- files -------------------------------------------------------------------------------


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text("id: p   # 编号\nformat: planctl/1\n", encoding="utf-8")
    return path


def test_format_file_rewrites_a_file_and_says_so(plan_file: Path) -> None:
    assert format_file(plan_file, kind="plan", check=False) is True
    assert plan_file.read_text(encoding="utf-8") == "format: planctl/1\nid: p   # 编号\n"
    assert format_file(plan_file, kind="plan", check=False) is False


def test_check_says_a_file_would_change_and_leaves_it_alone(plan_file: Path) -> None:
    before = plan_file.read_bytes()
    assert format_file(plan_file, kind="plan", check=True) is True
    assert plan_file.read_bytes() == before


def test_a_canonical_file_is_not_touched(plan_file: Path) -> None:
    format_file(plan_file, kind="plan", check=False)
    before = plan_file.stat()
    assert format_file(plan_file, kind="plan", check=False) is False
    after = plan_file.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_writing_keeps_the_permissions_and_leaves_no_temporary_file(plan_file: Path) -> None:
    plan_file.chmod(0o640)
    format_file(plan_file, kind="plan", check=False)
    assert stat.S_IMODE(plan_file.stat().st_mode) == 0o640
    assert [path.name for path in plan_file.parent.iterdir()] == ["plan.yaml"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(
    plan_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = plan_file.read_bytes()

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space left"):
        format_file(plan_file, kind="plan", check=False)
    assert plan_file.read_bytes() == before
    assert [path.name for path in plan_file.parent.iterdir()] == ["plan.yaml"]


def test_a_symlinked_plan_is_written_through_the_link(plan_file: Path) -> None:
    link = plan_file.with_name("link.yaml")
    link.symlink_to(plan_file.name)
    assert format_file(link, kind="plan", check=False) is True
    assert link.is_symlink()
    assert plan_file.read_text(encoding="utf-8").startswith("format: planctl/1\n")


def test_a_file_with_bom_and_crlf_is_saved_as_utf8_with_lf(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_bytes("\ufeffformat: planctl/1\r\nid: p  # 编号\r\n".encode())
    assert format_file(path, kind="plan", check=False) is True
    assert path.read_bytes() == "format: planctl/1\nid: p  # 编号\n".encode()


def test_a_gbk_file_is_saved_as_utf8(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_bytes("format: planctl/1\ntitle: 工作计划  # 标题\n".encode("gbk"))
    assert format_file(path, kind="plan", check=False) is True
    assert path.read_text(encoding="utf-8") == "format: planctl/1\ntitle: 工作计划  # 标题\n"


def test_a_damaged_utf8_file_is_not_taken_for_gbk(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    damaged = "title: 工作计划\nnote: 已完成\n".encode().replace("完".encode(), b"\xff")
    path.write_bytes(damaged)
    with pytest.raises(PlanRefused, match="UTF-8 with a damaged byte") as refused:
        format_file(path, kind="plan", check=False)
    assert (refused.value.rule, refused.value.finding.line) == ("encoding", 2)
    assert path.read_bytes() == damaged


def test_a_file_in_no_known_encoding_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_bytes(b"title: \xff\xff\n")
    with pytest.raises(PlanRefused, match=r"not UTF-8 .* nor GB18030") as refused:
        format_file(path, kind="plan", check=False)
    assert refused.value.rule == "encoding"
    assert path.read_bytes() == b"title: \xff\xff\n"


# --- properties: any plan-shaped data ---------------------------------------------------

# A small alphabet with the punctuation plans are full of.
CHINESE = "推进实施重点任务工作市县区局委政府发展改革财政年月日（）：、，。《》“”—…"
UNIT_NAMES = ["市发展改革局", "市财政局", "市商务局", "各县（市、区）人民政府", "市委办公室"]
DUE_WORDS = ["2012-12", "2012-Q2", "2012-H1", "2012", "ongoing"]

ids = st.from_regex(r"[a-z0-9][a-z0-9-]{0,15}", fullmatch=True)
words = st.text(alphabet=CHINESE + "0123456789 ", min_size=1, max_size=24)
texts = st.one_of(
    words,
    st.lists(words, min_size=2, max_size=4).map("\n".join),
    words.map(lambda text: text + "\n"),
)
units = st.lists(st.sampled_from(UNIT_NAMES), max_size=4, unique=True)
dates = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 12, 31))
dues = st.one_of(dates, st.sampled_from(DUE_WORDS))


def shuffled(mappings: st.SearchStrategy[dict[str, Any]]) -> st.SearchStrategy[dict[str, Any]]:
    """The same mappings with their keys in any order."""
    return mappings.flatmap(lambda mapping: st.permutations(list(mapping.items())).map(dict))


def record(required: dict[str, Any], **optional: Any) -> st.SearchStrategy[dict[str, Any]]:
    return shuffled(st.fixed_dictionaries(required, optional=optional))


tasks = record(
    {"id": ids, "title": words},
    source_number=st.sampled_from(["1、", "（一）", "3.1.2"]),
    text=texts,
    lead=units,
    support=units,
    support_more=st.booleans(),
    due=dues,
    due_note=words,
    milestones=st.lists(record({"due": dues, "text": words}), max_size=2),
    indicators=st.lists(
        record({"name": words}, unit=words, target=st.integers(0, 999)), max_size=2
    ),
    status=st.sampled_from(["not_started", "in_progress", "done"]),
    progress=st.lists(record({"date": dates}, status=st.just("done"), note=texts), max_size=2),
)
sections = record(
    {"id": ids, "title": words},
    source_number=st.sampled_from(["（一）", "一、"]),
    text=texts,
    tasks=st.lists(tasks, max_size=3),
)
plans = record(
    {"format": st.just("planctl/1"), "id": ids, "title": words},
    kind=st.just("工作计划"),
    stage=st.sampled_from(["draft", "issued"]),
    period=record({"start": dates, "end": dates}),
    notice=record({"title": words}, recipients=units, body=texts, date=dates, cc=units),
    preamble=st.lists(record({"title": words, "text": texts}), max_size=2),
    sections=st.lists(
        st.one_of(sections, record({"id": ids}, sections=st.lists(sections, max_size=2))),
        max_size=3,
    ),
    extra_key=texts,
)

PROPERTY_SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@PROPERTY_SETTINGS
@given(
    plan=plans,
    flow=st.sampled_from([False, None, True]),
    width=st.sampled_from([20, 80, 10_000]),
    unicode=st.booleans(),
)
def test_formatting_keeps_the_data_and_is_idempotent(
    plan: dict[str, Any], flow: bool | None, width: int, unicode: bool
) -> None:
    dumped = yaml.safe_dump(
        plan, sort_keys=False, default_flow_style=flow, width=width, allow_unicode=unicode
    )
    formatted = fmt(dumped)
    assert yaml.safe_load(formatted) == yaml.safe_load(dumped)
    assert fmt(formatted) == formatted


class CommentedDump:
    """A naive block dump with a numbered comment at the end of every key's line and a
    comment line above every mapping in a list, remembering which key each belongs to."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.lines: list[str] = []
        self.key_of: dict[str, str] = {}
        self.mapping(data, indent=0, dash="")

    @property
    def text(self) -> str:
        return "\n".join(self.lines) + "\n"

    def mapping(self, data: dict[str, Any], indent: int, dash: str) -> None:
        for position, (key, value) in enumerate(data.items()):
            tag = f"# k{len(self.key_of)}"
            self.key_of[tag] = key
            start = dash if position == 0 and dash else " " * indent
            if isinstance(value, dict | list) and value:
                self.lines.append(f"{start}{key}:  {tag}")
                self.nested(value, indent + 2)
            else:
                self.lines.append(f"{start}{key}: {scalar(value)}  {tag}")

    def nested(self, value: dict[str, Any] | list[Any], indent: int) -> None:
        if isinstance(value, dict):
            self.mapping(value, indent, dash="")
            return
        for item in value:
            if isinstance(item, dict) and item:
                self.lines.append(" " * indent + f"# item {len(self.lines)}")
                self.mapping(item, indent + 2, dash=" " * indent + "- ")
            else:
                self.lines.append(" " * indent + "- " + scalar(item))


def scalar(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    return json.dumps(value, ensure_ascii=False)  # JSON strings are YAML strings


def with_notes(text: str, data: st.DataObject) -> str:
    """`text` with "# note N" lines (some after a blank line) at any indentation anywhere."""
    lines: list[str] = []
    for line in text.splitlines():
        if data.draw(st.integers(0, 3)) == 0:
            blank = [""] if data.draw(st.booleans()) else []
            indent = " " * data.draw(st.integers(0, 12))
            lines += [*blank, f"{indent}# note {len(lines)}"]
        lines.append(line)
    return "\n".join(lines) + "\n"


@PROPERTY_SETTINGS
@given(plan=plans, data=st.data())
def test_every_comment_survives_and_stays_with_its_key(
    plan: dict[str, Any], data: st.DataObject
) -> None:
    dump = CommentedDump(plan)
    text = with_notes(dump.text, data)
    formatted = fmt(text)
    assert sorted(comments_in(formatted)) == sorted(comments_in(text))
    assert yaml.safe_load(formatted) == yaml.safe_load(text)
    assert fmt(formatted) == formatted
    lines = formatted.splitlines()
    for number, line in enumerate(lines):
        key_comment = re.search(r"\s(# k\d+)$", line)
        if key_comment:
            content = line[: key_comment.start()].strip().removeprefix("- ")
            assert content.startswith(f"{dump.key_of[key_comment.group(1)]}:")
        if line.lstrip().startswith("# item"):
            content_lines = (rest.lstrip() for rest in lines[number + 1 :])
            following = next(rest for rest in content_lines if rest and rest[0] != "#")
            assert following.startswith("- ")


def test_a_date_that_does_not_exist_is_kept_as_written() -> None:
    # validate reports it (impossible-date); fmt lays the file out and changes no value.
    text = "format: planctl/1\nid: p\nperiod: {start: 2012-01-01, end: 2012-04-31}\n"
    assert format_text(text, kind="plan") == text
