"""Output formats for findings, chosen by name; the registry feeds `--format`.

JSON carries a versioned envelope; `github` prints workflow annotations and writes the
full list to the step summary; `junit`, `codeclimate` (GitLab Code Quality) and `sarif`
are the report files other CI services and editors read. Every reporter takes the report,
the stream, and `color` and `strict` (whether warnings fail) as keywords. A reporter's
module is imported only when it is chosen: `validate` runs on every commit.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from typing import cast

Reporter = Callable[..., None]

# name -> the module in this package that writes it (its function is `report_<name>`).
_MODULES = {
    "text": "text",
    "json": "json",
    "github": "github",
    "junit": "junit",
    "codeclimate": "codeclimate",
    "sarif": "sarif",
}
NAMES = tuple(_MODULES)
FORMAT_CHOICES = ("auto", *NAMES)


def reporter(name: str) -> Reporter:
    """The function that writes format `name` (one of `NAMES`)."""
    module = importlib.import_module(f"{__name__}.{_MODULES[name]}")
    return cast(Reporter, getattr(module, f"report_{name}"))


def pick_format(name: str) -> str:
    """`auto` means GitHub annotations under GitHub Actions, text elsewhere."""
    if name != "auto":
        return name
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
