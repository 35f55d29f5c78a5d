"""The diff's output formats by name; the registry feeds the `--format` choices."""

from __future__ import annotations

from collections.abc import Callable

from planctl.diff.changes import DiffResult
from planctl.diff.formats.json import render_json
from planctl.diff.formats.markdown import render_markdown
from planctl.diff.formats.stat import render_stat
from planctl.diff.formats.text import render_text

FORMATS: dict[str, Callable[[DiffResult], str]] = {
    "text": render_text,
    "markdown": render_markdown,
    "json": render_json,
}

STAT = render_stat
