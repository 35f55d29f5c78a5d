"""`planctl fmt` as a user runs it, and the law that formatting never changes the data."""

from __future__ import annotations

import shutil
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from planctl.fmt import format_text
from planctl.yamlio import load_text

from ..conftest import CLI, DATA, ROOT

MESSY = """\
# yaml-language-server: $schema=../schema/plan.schema.json
stage: draft   # 起草中
title: 示例计划
id: messy
format: planctl/1
sections:
- title: 第一部分
  id: part-1
  tasks:
  # 这一项待定
  - text: 开展调研。
    id: survey
    lead:
    - 市财政局
"""


def test_this_repository_is_formatted(cli: CLI) -> None:
    result = cli("fmt", "--check", cwd=ROOT)
    assert result.exit_code == 0, result.output


def test_check_names_the_files_and_changes_nothing(cli: CLI, plan_repo: Path) -> None:
    messy = plan_repo / "plans" / "messy.yaml"
    messy.write_text(MESSY, encoding="utf-8")
    result = cli("fmt", "--check", cwd=plan_repo)
    assert result.exit_code == 1, result.output
    assert "would reformat plans/messy.yaml" in result.stdout
    assert messy.read_text(encoding="utf-8") == MESSY


def test_fmt_rewrites_once_and_keeps_comments(cli: CLI, plan_repo: Path) -> None:
    messy = plan_repo / "plans" / "messy.yaml"
    messy.write_text(MESSY, encoding="utf-8")
    assert cli("fmt", cwd=plan_repo).exit_code == 0
    first = messy.read_bytes()
    text = first.decode("utf-8")
    assert text.index("format:") < text.index("id:") < text.index("title:") < text.index("stage:")
    for comment in ("# yaml-language-server", "# 起草中", "# 这一项待定"):
        assert comment in text
    assert "lead: [市财政局]" in text
    again = cli("fmt", cwd=plan_repo)
    assert again.exit_code == 0, again.output
    assert messy.read_bytes() == first
    assert load_text(text, "x").data == load_text(MESSY, "x").data


def test_fmt_converts_bom_crlf_and_gbk(cli: CLI, plan_repo: Path) -> None:
    for case in ("byte-order-mark/bom", "line-endings/crlf", "encoding/gbk"):
        target = plan_repo / "plans" / f"{Path(case).name}.yaml"
        shutil.copyfile(DATA / "invalid" / f"{case}.yaml", target)
    assert cli("fmt", cwd=plan_repo).exit_code == 0
    validated = cli("validate", cwd=plan_repo)
    assert validated.exit_code == 0, validated.output


def test_a_file_fmt_cannot_read_is_reported_in_one_line(cli: CLI, plan_repo: Path) -> None:
    broken = plan_repo / "plans" / "broken.yaml"
    broken.write_text("a: [1, 2\n", encoding="utf-8")
    result = cli("fmt", "plans/broken.yaml", cwd=plan_repo)
    assert result.exit_code == 1, result.output  # a finding, as `planctl validate` says
    assert result.stderr.startswith("planctl: error: plans/broken.yaml:2:1: cannot format: ")
    assert "Traceback" not in result.output
    assert broken.read_text(encoding="utf-8") == "a: [1, 2\n"


units = st.lists(
    st.sampled_from(["市财政局", "市交通运输局", "各县（市、区）人民政府"]), max_size=3, unique=True
)
text = st.text(alphabet="开展调研工作，。、：（）《》“”0123456789 abc", min_size=1, max_size=30)
dues = st.sampled_from(["2012-06", "2012-Q2", "2012-H1", "2012", "ongoing", "2012-12-31"])


@st.composite
def plans(draw: st.DrawFn) -> str:
    lines = ["format: planctl/1", "id: generated", "title: 生成的计划", "stage: draft", "sections:"]
    for s in range(draw(st.integers(1, 3))):
        lines += [f"  - id: s{s}", f"    title: {draw(text).strip() or '部分'!r}", "    tasks:"]
        for t in range(draw(st.integers(0, 3))):
            lines += [f"      - id: s{s}-t{t}", f"        text: {draw(text)!r}"]
            lines += [f"        lead: [{', '.join(draw(units))}]", f"        due: {draw(dues)}"]
    return "\n".join(lines) + "\n"


@settings(max_examples=40, deadline=None)
@given(plans())
def test_load_fmt_load_is_the_identity(source: str) -> None:
    formatted = format_text(source, kind="plan")
    assert load_text(formatted, "after").data == load_text(source, "before").data
    assert format_text(formatted, kind="plan") == formatted
