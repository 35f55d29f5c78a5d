"""GitLab Code Quality: a JSON array of Code Climate issues.

GitLab shows these in merge requests (`artifacts: reports: codequality:`). Each finding
is one issue at its file, line and column; errors are `major`, warnings `minor`, and a
file that cannot be read at all is `critical`. The fingerprint, which GitLab uses to
tell new issues from fixed ones, leaves out the line, so an issue that only moved down
the file is not reported as new.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import Any

from planctl.findings import Finding, Severity
from planctl.validate.formats.shared import FindingsReport, one_line, posix_path

# Findings about the unit registry, dates or document numbers are risks to the
# document's correctness; layout and encoding problems are its style.
_STYLE_RULES = frozenset({"encoding", "byte-order-mark", "line-endings"})


def report_codeclimate(
    report: FindingsReport,
) -> str:
    """Write `report` as a Code Quality report (a JSON array)."""
    seen: Counter[str] = Counter()
    issues = [_issue(finding, seen) for finding in report.findings]
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"


def _issue(finding: Finding, seen: Counter[str]) -> dict[str, Any]:
    position = {"line": finding.line, "column": finding.column}
    issue: dict[str, Any] = {
        "type": "issue",
        "check_name": finding.rule,
        "description": one_line(_description(finding)),
        "categories": ["Style" if finding.rule in _STYLE_RULES else "Bug Risk"],
        "location": {
            "path": posix_path(finding.file),
            "positions": {"begin": position, "end": position},
        },
        "severity": _severity(finding),
        "fingerprint": _fingerprint(finding, seen),
    }
    if finding.hint:
        issue["content"] = {"body": finding.hint}
    return issue


def _description(finding: Finding) -> str:
    if not finding.hint:
        return finding.message
    return f"{finding.message} — fix: {finding.hint}"


def _severity(finding: Finding) -> str:
    if finding.fatal:
        return "critical"
    return "major" if finding.severity is Severity.ERROR else "minor"


def _fingerprint(finding: Finding, seen: Counter[str]) -> str:
    """Stable across runs and line moves; the same problem twice in a file gets a count."""
    parts = (posix_path(finding.file), finding.rule, finding.json_path, finding.message)
    identity = "\0".join(parts)
    seen[identity] += 1
    text = f"{identity}\0{seen[identity]}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]
