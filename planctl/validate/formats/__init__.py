"""Output formats for findings, chosen by name; the registry feeds `--format`.

JSON carries a versioned envelope; `github` prints workflow annotations and writes the
full list to the step summary.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from planctl.validate.formats.github import report_github
from planctl.validate.formats.json import report_json
from planctl.validate.formats.text import report_text

Reporter = Callable[..., None]

REPORTERS: dict[str, Reporter] = {
    "text": report_text,
    "json": report_json,
    "github": report_github,
}
FORMAT_CHOICES = ("auto", *REPORTERS)


def pick_format(name: str) -> str:
    """`auto` means GitHub annotations under GitHub Actions, text elsewhere."""
    if name != "auto":
        return name
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
