"""Output formats for findings, chosen by name; the registry feeds `--format`.

JSON carries the versioned envelope; `github` prints workflow annotations and writes the
full list to the step summary; `auto` picks `github` under GitHub Actions, else `text`.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from planctl.report import Formats, Rendered

if TYPE_CHECKING:
    from planctl.validate.engine import Report

FORMATS: Formats[Report, Rendered] = Formats(
    "planctl.validate.formats",
    {"text": "text:report_lines", "json": "json:report_json", "github": "github:report_github"},
)
AUTO = "auto"


def pick_format(name: str) -> str:
    """`auto` means GitHub annotations under GitHub Actions, text elsewhere."""
    FORMATS.check(name, extra=(AUTO,))
    if name != AUTO:
        return name
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
