"""A progress bar on stderr for long validations, only where someone watches it.

Shown when enough files are checked to take a while, on a terminal, outside CI. Rich is
imported only then, so short runs and piped runs never pay for it.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO

from planctl.cli.terminal import watched


class ProgressBar:
    """A callable `(done, total)` that draws a bar once `total` reaches `minimum`."""

    def __init__(self, minimum: int, stream: TextIO) -> None:
        self.minimum = minimum
        self.stream = stream
        self._bar: Any = None
        self._task: Any = None

    @classmethod
    @contextmanager
    def when_useful(
        cls, minimum: int, stream: TextIO | None = None
    ) -> Iterator[ProgressBar | None]:
        """A bar if `stream` (stderr) is a terminal outside CI, else None; closed after."""
        out = stream if stream is not None else sys.stderr
        if not watched(out):
            yield None
            return
        bar = cls(minimum, out)
        try:
            yield bar
        finally:
            bar.close()

    def __call__(self, done: int, total: int) -> None:
        if self._bar is None:
            if total < self.minimum:
                return
            self._start(total)
        self._bar.update(self._task, completed=done)

    def _start(self, total: int) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

        console = Console(file=self.stream)
        self._bar = Progress(
            "validating",
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=True,
        )
        self._bar.start()
        self._task = self._bar.add_task("validate", total=total)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
