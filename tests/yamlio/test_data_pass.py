"""The loader's fast data pass builds exactly what its general pass builds.

Every file is read by `_Builder.run_data`, which handles the common events inline; the
general `_Builder.run` (also used to compute positions) is the reference. A law: for any
YAML text, both give the same data, the same problems and the same error.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from planctl import yamlio
from planctl.yamlio import events as yaml_events

from ..conftest import DATA

SCALARS = st.sampled_from(
    ["null", "~", "true", "False", "12", "-3", "0x1F", "0o17", "1e3", ".inf", "2012-06",
     "2023-02-30", "'quoted'", '"双引号"', "!!str 12", "!!int 7", "!!int x", "!!bool yes",
     "!!python/name:os.system", "&a 甲", "*a", "*b", "&b [1, 2]", "中文", "''", "- x",
     "!custom 1", "+5", ".5", "1_000", "市发展改革局"]
)  # fmt: skip
KEYS = st.sampled_from(["id", "title", "lead", "due", "0", "null", "&k key", "!!str 5", "重复"])


def flow(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(flow(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {flow(item)}" for key, item in value["pairs"]) + "}"
    return str(value)


VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.builds(lambda pairs: {"pairs": pairs}, st.lists(st.tuples(KEYS, inner), max_size=4))
    ),
    max_leaves=20,
)


def outcome(mode: str, text: str) -> tuple[Any, ...]:
    problems: list[Any] = []
    builder = yaml_events._Builder(None, problems, "plan.yaml")
    events = iter(yaml_events.CParser(text).get_event, None)
    try:
        data = getattr(builder, mode)(events)
    except yaml_events.ParseStop as stop:
        return ("stop", stop.rule, stop.message, stop.position, problems)
    except yaml.YAMLError as error:
        return ("syntax", str(error), problems)
    return ("data", data, problems, builder.expanded)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(KEYS, VALUES), min_size=1, max_size=6))
def test_both_passes_agree_on_block_mappings(pairs: list[tuple[str, Any]]) -> None:
    text = "".join(f"{key}: {flow(value)}\n" for key, value in pairs)
    assert outcome("run_data", text) == outcome("run", text)


@settings(max_examples=200, deadline=None)
@given(VALUES)
def test_both_passes_agree_on_any_value(value: Any) -> None:
    text = flow(value) + "\n"
    assert outcome("run_data", text) == outcome("run", text)


def test_both_passes_agree_on_every_example_file() -> None:
    for path in sorted(DATA.rglob("*.yaml")):
        text = path.read_bytes().decode("utf-8", "replace")
        assert outcome("run_data", text) == outcome("run", text), path


def test_deep_nesting_stops_the_same_way(tmp_path: Path) -> None:
    text = "[" * 150 + "]" * 150
    assert outcome("run_data", text) == outcome("run", text)
    assert outcome("run_data", text)[1] == "yaml-limits"


def test_infinity_and_not_a_number_are_read_not_crashed_on() -> None:
    document = yamlio.load_text("a: .inf\nb: -.Inf\nc: .NaN\nd: .5\n", "plan.yaml")
    assert document.problems == []
    a, b, c, d = document.data.values()
    assert (a, b, d) == (float("inf"), float("-inf"), 0.5)
    assert c != c  # not a number
