"""`planctl log` as JSON, in a versioned envelope."""

from __future__ import annotations

from typing import Any

from planctl.diff.formats.json import change_record
from planctl.history import HistoryEntry, TaskHistory
from planctl.report import json_text

KIND, VERSION = "log", 1  # the envelope's "format": planctl-log/1


def render_log_json(history: TaskHistory) -> str:
    return json_text(
        KIND,
        VERSION,
        task=history.task,
        plan=history.plan,
        path=history.path,
        heading=history.heading,
        entries=[_entry_record(entry) for entry in history.entries],
        history_cut_off=history.cut_off,  # a shallow clone's oldest commit, if any
    )


def _entry_record(entry: HistoryEntry) -> dict[str, Any]:
    return {
        "commit": entry.commit,
        "date": entry.date,
        "author": entry.author,
        "email": entry.email,
        "subject": entry.subject,
        "path": entry.path,
        "changes": [change_record(change, entry.section_labels) for change in entry.changes],
        "problem": entry.problem.as_dict() if entry.problem else None,
    }
