"""`planctl validate` as a library: check files, return findings, never print.

Each file is checked on its own (load → schema → rules, in `engine`) and one broken file
never hides the others; results of unchanged files come from `cache`; `formats` prints
a report for people, for programs and for GitHub.
"""

from __future__ import annotations

from planctl.validate.engine import FileResult, Report, check_document, validate

__all__ = ["FileResult", "Report", "check_document", "validate"]
