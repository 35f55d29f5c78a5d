"""Laws checked on generated and mutated input (the campaign, `campaign.py`, runs longer):

- the loader never raises, whatever the bytes;
- fmt is the identity on data and comments, and idempotent: it either refuses a file or
  writes one the loader reads as the same data with the same comments in the same places,
  and formatting that again changes nothing;
- import keeps every line: each line of a document is in the plan, or kept as a comment;
- diff(a, a) is empty.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planctl.diff import diff_plans
from planctl.errors import Difference, FormatError, PlanctlError
from planctl.fmt import format_text, kind_of
from planctl.fmt.proof import check_same_meaning, first_difference
from planctl.importer.document import import_source
from planctl.importer.reader import read_text_bytes
from planctl.importer.writer import render
from planctl.model import plan_from_data
from planctl.plans import open_bytes
from planctl.yamlio import Document, load_bytes, load_text
from planctl.yamlio.comments import comment_places

from . import campaign

ROOT = Path(__file__).resolve().parents[2]
PLANS, DOCUMENTS = campaign.seeds(ROOT / "tests" / "data" / "import" / "seeds")
SEEDS = sorted(PLANS)
many = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def mutated_plans(draw: st.DrawFn) -> bytes:
    """A real plan with one to three of the campaign's mutations."""
    seed = draw(st.sampled_from(SEEDS))
    rng = random.Random(draw(st.integers(0, 2**32)))
    raw, _ = campaign.mutate_plan(PLANS[seed], rng, list(PLANS.values()))
    return raw


# --- the loader never raises -------------------------------------------------------------


@many
@given(st.binary(max_size=2000))
def test_the_loader_reads_any_bytes_without_raising(raw: bytes) -> None:
    document = load_bytes(raw, "any.yaml")
    assert document.readable or document.problems


@many
@given(st.text(max_size=500))
def test_the_loader_reads_any_text_without_raising(text: str) -> None:
    document = load_text(text, "any.yaml")
    assert document.readable or document.problems


@many
@given(mutated_plans())
def test_the_loader_and_the_gate_read_any_mutated_plan_without_raising(raw: bytes) -> None:
    opened = open_bytes(raw, "plans/mutated.yaml")
    assert opened.trusted or opened.refusal is not None


# --- fmt is the identity on data and comments, and idempotent --------------------------------


def formatted_or_refused(document: Document, kind: str) -> str | None:
    """fmt's text for a readable document, or None when fmt refuses it."""
    try:
        text = format_text(document.text, kind="units" if kind == "units" else "plan")
        check_same_meaning(document, text)
    except (FormatError, Difference):
        return None  # refused, in one located line: allowed, never a wrong file
    return text


def assert_fmt_is_faithful(raw: bytes) -> None:
    document = load_bytes(raw, "plans/p.yaml")
    if not document.readable:
        return
    text = formatted_or_refused(document, kind_of(Path("p.yaml")))
    if text is None:
        return
    again = load_text(text, "plans/p.yaml")
    assert again.readable, again.problems
    assert first_difference(document.data, again.data) is None  # types too; NaN is NaN
    assert comment_places(text) == comment_places(document.text)
    assert format_text(text, kind="plan") == text  # idempotent


@pytest.mark.parametrize("seed", SEEDS)
def test_fmt_keeps_every_real_plan_as_it_is(seed: str) -> None:
    assert_fmt_is_faithful(PLANS[seed])


@many
@given(mutated_plans())
def test_fmt_is_faithful_and_idempotent_on_mutated_plans(raw: bytes) -> None:
    assert_fmt_is_faithful(raw)


COMMENTS = st.sampled_from(["# 注释", "#", "# - id: x", "# 说明：见附件", "#  缩进"])


@st.composite
def commented_plans(draw: st.DrawFn) -> bytes:
    """A real plan with comments dropped in at random lines, columns and line ends."""
    lines = PLANS[draw(st.sampled_from(SEEDS))].decode("utf-8").split("\n")
    for _ in range(draw(st.integers(1, 6))):
        where = draw(st.integers(0, len(lines) - 1))
        comment = draw(COMMENTS)
        line = lines[where]
        if draw(st.booleans()) and line.strip() and not line.rstrip().endswith("|"):
            lines[where] = f"{line}  {comment}"
        else:
            indent = len(line) - len(line.lstrip(" "))
            lines.insert(where, " " * draw(st.sampled_from([0, indent, indent + 2])) + comment)
    return "\n".join(lines).encode("utf-8")


@many
@given(commented_plans())
def test_fmt_keeps_comments_where_they_were(raw: bytes) -> None:
    assert_fmt_is_faithful(raw)


# --- import keeps every line --------------------------------------------------------------

PIECES = [
    "一、", "（一）", "1.", "（1）", "第一章 ", "推进改革", "加快建设", "。", "，", "；", "：",
    "市发展改革局", "市财政局", "牵头单位：", "完成时限：", "年底前", "附件：", "抄送：",
    "\t", "\n", "\n", " ", "\u3000", "“", "”", "《", "》", "#", "- ", "'", '"', "\u2028",
    "\x07", "\ufffe", "\x1b[2J",
]  # fmt: skip
HAN = re.compile(r"[\u4e00-\u9fff]")
# What import turns into structure rather than text: the labels of a notice's parts and
# of owners and deadlines (抄送：, 牵头单位：, 完成时限：…), and dates and numbers written in
# Chinese (二○一二年四月十九日 becomes 2012-04-19; 第一章 numbers a section).
LABELS = ("抄送", "主题词", "印发", "附件", "牵头单位", "责任单位", "配合单位", "完成时限", "牵头")
NUMBERS = set("年月日第章节〇○零一二三四五六七八九十百")


def content_of(line: str) -> set[str]:
    line = "".join(line.split())  # 抄 送 is 抄送, spaced out as printed
    for label in LABELS:
        line = line.replace(label, "")
    return set(HAN.findall(line)) - NUMBERS


@many
@given(st.lists(st.sampled_from(PIECES), max_size=50).map("".join))
def test_import_keeps_every_line(text: str) -> None:
    try:
        source = read_text_bytes(text.encode("utf-8"), Path("document.txt"))
    except PlanctlError:
        return  # an empty or binary-looking document: refused in one line
    result = import_source(source, "document", None)
    written = render(result.data, result.unplaced)
    document = load_text(written, "document.yaml")
    assert document.readable, document.problems
    kept = set(HAN.findall(written))
    for line in text.splitlines():
        lost = content_of(line) - kept
        assert not lost, (sorted(lost), line, written)


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_import_keeps_every_line_of_the_real_documents(name: str) -> None:
    text = DOCUMENTS[name]
    source = read_text_bytes(text.encode("utf-8"), Path(name))
    result = import_source(source, "document", None)
    written = render(result.data, result.unplaced)
    assert load_text(written, "document.yaml").readable
    kept = set(HAN.findall(written))
    lost = {char for line in text.splitlines() for char in content_of(line)} - kept
    assert not lost, sorted(lost)


# --- diff(a, a) is empty -----------------------------------------------------------------


def readable_plan(raw: bytes) -> object | None:
    opened = open_bytes(raw, "plans/p.yaml")
    if not opened.trusted or opened.kind != "plan":
        return None
    try:
        return opened.plan()
    except PlanctlError:
        return None


@pytest.mark.parametrize("seed", SEEDS)
def test_a_real_plan_against_itself_has_no_change(seed: str) -> None:
    plan = readable_plan(PLANS[seed])
    assert plan is not None
    assert diff_plans(plan, plan) == ()  # type: ignore[arg-type]


@many
@given(mutated_plans())
def test_any_readable_plan_against_itself_has_no_change(raw: bytes) -> None:
    plan = readable_plan(raw)
    if plan is not None:
        assert diff_plans(plan, plan) == ()  # type: ignore[arg-type]
        copy = plan_from_data(open_bytes(raw, "plans/p.yaml").document.data)
        assert diff_plans(plan, copy) == ()  # type: ignore[arg-type]
