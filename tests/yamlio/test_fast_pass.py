"""Plain files read in C++ (`planctl.yamlio.fast`) give exactly the events builder's data.

A law: for any YAML text, `plain_data` either answers `NOT_PLAIN` or gives the data the
builder gives, and the builder reports nothing for that text. Texts come from PyYAML's
emitter (every scalar style, any characters), from tricky plain scalars written by hand,
and from every example file.
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from planctl.yamlio import events as yaml_events
from planctl.yamlio import fast, load_text
from planctl.yamlio.fast import NOT_PLAIN, plain_data

from ..conftest import DATA

pytestmark = pytest.mark.skipif(
    fast._rapidyaml(fast.IMPORT_AFTER) is None, reason="rapidyaml not installed"
)

# Plain scalars YAML 1.2 reads as numbers, booleans, null or text, and near misses.
PLAIN = st.sampled_from(
    ["40", "-0", "0", "012", "00", "0x1F", "0o17", "+1", "1.", ".5", "-.5", "+.5", "1e3", "1E3",
     "1.0e+3", "-1.5e-3", "1e400", "00.5", "1_000", "0b101", ".inf", "-.inf", "+.inf", ".Inf",
     ".nan", ".NaN", "inf", "nan", "Infinity", "NaN", "~", "null", "Null", "NULL", "true",
     "True", "TRUE", "false", "False", "FALSE", "yes", "on", "2025-05-31", "2025-05",
     "12:30", "1.2.3", "e5", "0x", ".", "+", "task-1", "中文", "完成40%", "a b", "a#b"]
)  # fmt: skip
TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=120
) | st.sampled_from(["", " ", "  a  ", "a\n", "\n\nb", "a\\b", 'a"b', "a'b", "# x", "- x"])
STYLE = st.sampled_from([None, "'", '"', "|", ">"])
VALUES = st.recursive(
    st.one_of(TEXT, st.integers(), st.floats(allow_nan=False), st.booleans(), st.none()),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
    max_leaves=12,
)


def builder(text: str) -> tuple[Any, list[Any]]:
    problems: list[Any] = []
    try:
        return yaml_events.parse(text, None, problems, "plan.yaml"), problems
    except (yaml_events.ParseStop, yaml.YAMLError) as error:
        return type(error), problems


def assert_agrees(text: str) -> None:
    found = plain_data(text)
    if found is not NOT_PLAIN:
        assert (found, []) == builder(text), text


@settings(max_examples=500, deadline=None)
@given(VALUES, STYLE, st.booleans())
def test_emitted_documents_read_alike(value: Any, style: str | None, flow: bool) -> None:
    assert_agrees(
        yaml.safe_dump(value, allow_unicode=True, default_style=style, default_flow_style=flow)
    )


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["k", "1", "~", "tasks"]), PLAIN), min_size=1))
def test_plain_scalars_read_alike(pairs: list[tuple[str, str]]) -> None:
    assert_agrees("".join(f"{key}: {value}\n" for key, value in pairs))
    assert_agrees("".join(f"- [{value}, '{value}', \"{value}\"]\n" for _key, value in pairs))


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\na: 2\n",  # a duplicate key: the builder reports it
        "a: &x [1]\nb: *x\n",
        "a: !!str 1\n",
        "%YAML 1.2\n---\na: 1\n",
        "---\na: 1\n...\n",
        "a: 1\n---\nb: 2\n",
        "k:\tv\n",  # rapidyaml reads a tab after the colon otherwise
        "? [a]\n: 1\n",
        "<<: {a: 1}\n",
        "k: ~\n",
        "k: True\n",
        "k: 0x1F\n",
        "k: inf\n",  # rapidyaml writes plain inf as .inf
        "k: [a, b\n",  # a syntax error: the builder locates it
        "a\rb: 1\n",
        "k: " + "[" * 101 + "]" * 101 + "\n",
    ],
)
def test_what_needs_the_builder_goes_there(text: str) -> None:
    assert plain_data(text) is NOT_PLAIN
    assert_agrees(text)


def test_plain_files_take_the_fast_way() -> None:
    assert plain_data("id: p\ntasks:\n  - id: t1\n    source_number: '1.'\n    due: 2025-05\n") == {
        "id": "p",
        "tasks": [{"id": "t1", "source_number": "1.", "due": "2025-05"}],
    }
    assert plain_data("a: 1\r\nb: |\r\n  x\r\n") == {"a": 1, "b": "x\n"}
    nested = "k: " + "[" * 50 + "]" * 50 + "\n"
    assert plain_data(nested) == builder(nested)[0]


def test_nesting_rapidyaml_cannot_write_goes_to_the_builder(
    capfd: pytest.CaptureFixture[str],
) -> None:
    nested = "k: " + "[" * 99 + "]" * 99 + "\n"  # the builder's bound is 100 levels
    assert plain_data(nested) is NOT_PLAIN
    assert builder(nested)[0] is not yaml_events.ParseStop
    assert capfd.readouterr().err == ""  # rapidyaml's complaint went nowhere


def test_every_example_file_reads_alike() -> None:
    for path in sorted(DATA.rglob("*.y*ml")):
        assert_agrees(path.read_bytes().decode("utf-8", "replace"))


def test_without_rapidyaml_the_builder_reads_everything(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fast, "_loaded", None)
    assert plain_data("a: 1\n") is NOT_PLAIN
    assert load_text("a: 1\n", "plan.yaml").data == {"a": 1}


def test_a_process_reads_its_first_files_without_rapidyaml(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(fast, "_loaded", fast._MISSING)
    monkeypatch.setattr(fast, "_read_before", 0)
    plan = "tasks:\n" + "  - id: t\n" * 2000
    assert plain_data(plan) is NOT_PLAIN  # the builder's
    for _ in range(fast.IMPORT_AFTER // len(plan)):
        plain_data(plan)
    assert plain_data(plan) == {"tasks": [{"id": "t"}] * 2000}


def test_rapidyaml_refusing_a_file_prints_nothing(capfd: pytest.CaptureFixture[str]) -> None:
    ryml = fast._rapidyaml()
    with pytest.raises(Exception), fast._quiet_stderr():  # noqa: B017  # its own type
        ryml.parse_in_arena(b"k: - 1\n  - 2\n")
    assert capfd.readouterr().err == ""
