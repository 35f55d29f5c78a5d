"""The dataclass bytecode kept between runs: same classes, less compiling."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from planctl.cli import startup


def make_class() -> type:
    @dataclasses.dataclass(frozen=True, order=True)
    class Unit:
        name: str
        members: tuple[str, ...] = ()

    return Unit


def test_classes_behave_the_same_and_the_code_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    with startup.compiled_dataclasses():
        first = make_class()
    (kept,) = (tmp_path / "planctl").glob("dataclass-code-*.bin")
    compiled: list[str] = []
    real_compile = compile

    def counting(*args: object, **kwargs: object) -> object:
        compiled.append(str(args[0])[:40])
        return real_compile(*args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(startup, "compile", counting, raising=False)
    with startup.compiled_dataclasses():
        second = make_class()
    assert compiled == []  # every method came from the kept table
    for unit_class in (first, second):
        unit = unit_class("市财政局", ("甲",))
        assert unit == unit_class("市财政局", ("甲",))
        assert unit_class("A") < unit_class("B")
        assert repr(unit).endswith("Unit(name='市财政局', members=('甲',))")
        with pytest.raises(dataclasses.FrozenInstanceError):
            unit.name = "x"  # type: ignore[misc]
    assert kept.stat().st_size > 0


def test_it_lends_exec_only_inside_the_block(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    with startup.compiled_dataclasses():
        assert "exec" in vars(dataclasses)
    assert "exec" not in vars(dataclasses)


def test_a_damaged_table_only_costs_compiling(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    with startup.compiled_dataclasses():
        make_class()
    (kept,) = (tmp_path / "planctl").glob("dataclass-code-*.bin")
    kept.write_bytes(b"\x00garbage")
    with startup.compiled_dataclasses():
        unit_class = make_class()
    assert unit_class("市财政局") == unit_class("市财政局")


def test_without_a_cache_folder_nothing_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    with startup.compiled_dataclasses():
        unit_class = make_class()
    assert unit_class("市财政局").name == "市财政局"
