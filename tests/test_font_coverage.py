"""Which characters a face can print (planctl.fonts.coverage), kept in the user's cache."""

from __future__ import annotations

from pathlib import Path

import pytest

from planctl import fonts
from planctl.fonts import BUNDLED_FOLDER

FACE = BUNDLED_FOLDER / "PlanctlFang-Regular.otf"


def test_a_face_read_once_is_answered_from_the_user_cache_after(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    fonts.coverage.cache_clear()
    first = fonts.coverage(FACE)
    assert ord("一") in first
    assert list((tmp_path / "planctl" / "font-coverage").iterdir())

    def no_reading(path: Path, index: int) -> frozenset[int]:
        raise AssertionError(f"{path} was read again")

    monkeypatch.setattr(fonts, "_read_coverage", no_reading)
    fonts.coverage.cache_clear()
    assert fonts.coverage(FACE) == first
    fonts.coverage.cache_clear()


def test_a_changed_face_is_read_again(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    face = tmp_path / "face.otf"
    face.write_bytes(FACE.read_bytes())
    fonts.coverage.cache_clear()
    fonts.coverage(face)
    read: list[Path] = []
    real = fonts._read_coverage
    monkeypatch.setattr(fonts, "_read_coverage", lambda p, i: read.append(p) or real(p, i))
    face.write_bytes(FACE.read_bytes() + b"\0")  # another size: another file
    fonts.coverage.cache_clear()
    fonts.coverage(face)
    assert read == [face]
    fonts.coverage.cache_clear()
