"""The diff's output formats by name; the registry feeds the `--format` choices.

`text` is styled lines (coloured on a terminal, marked `[-…-]{+…+}` without colour);
`stat` is the counts per plan that `--stat` asks for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from planctl.report import Formats, Rendered

if TYPE_CHECKING:
    from planctl.diff.changes import DiffResult

FORMATS: Formats[DiffResult, Rendered] = Formats(
    "planctl.diff.formats",
    {
        "text": "text:text_lines",
        "markdown": "markdown:render_markdown",
        "json": "json:render_json",
        "stat": "stat:render_stat",
    },
)
