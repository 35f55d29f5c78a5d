"""The progress bar: on a watched terminal for long runs only, never in pipes or CI."""

from __future__ import annotations

import io

import pytest

from planctl.cli.progress import ProgressBar, watched


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture(autouse=True)
def _outside_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")


def test_a_long_run_on_a_terminal_draws_a_bar() -> None:
    screen = Terminal()
    with ProgressBar.when_useful(300, screen) as progress:
        assert progress is not None
        for done in range(0, 501, 50):
            progress(done, 500)
    drawn = screen.getvalue()
    assert "validating" in drawn
    assert "500/500" in drawn


def test_a_short_run_draws_nothing() -> None:
    screen = Terminal()
    with ProgressBar.when_useful(300, screen) as progress:
        assert progress is not None
        progress(10, 20)
        progress(20, 20)
    assert screen.getvalue() == ""


def test_no_bar_when_piped() -> None:
    with ProgressBar.when_useful(300, io.StringIO()) as progress:
        assert progress is None


@pytest.mark.parametrize("value", ["true", "1", "yes"])
def test_no_bar_in_ci(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("CI", value)
    assert not watched(Terminal())


def test_ci_false_still_counts_as_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "false")
    assert watched(Terminal())


def test_a_dumb_terminal_gets_no_bar(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "dumb")
    assert not watched(Terminal())
