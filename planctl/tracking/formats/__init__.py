"""How `planctl status` and `planctl stats` print: text, JSON, CSV and Markdown.

`rows` holds the cells every table format shares (one home for what a column says);
the modules each write one format from them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from planctl.report import Formats, Rendered

if TYPE_CHECKING:
    from planctl.tracking.stats import Stats, StatusView

STATUS_FORMATS: Formats[StatusView, Rendered] = Formats(
    "planctl.tracking.formats",
    {
        "text": "text:status_text",
        "json": "json:status_json",
        "csv": "csv:status_csv",
        "md": "markdown:status_markdown",
    },
)
STATS_FORMATS: Formats[Stats, Rendered] = Formats(
    "planctl.tracking.formats",
    {"text": "text:stats_text", "json": "json:stats_json", "csv": "csv:stats_csv"},
)
