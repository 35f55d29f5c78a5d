"""`planctl log` as JSON, in a versioned envelope."""

from __future__ import annotations

import json
from typing import Any

from planctl.diff.formats.json import change_record
from planctl.history import HistoryEntry, TaskHistory

FORMAT = "planctl-log"
VERSION = 1


def render_log_json(history: TaskHistory) -> str:
    envelope = {
        "format": FORMAT,
        "version": VERSION,
        "tool": "planctl",
        "task": history.task,
        "plan": history.plan,
        "path": history.path,
        "heading": history.heading,
        "entries": [_entry_record(entry) for entry in history.entries],
        "history_cut_off": history.cut_off,  # the shallow clone's oldest commit, if any
    }
    return json.dumps(envelope, ensure_ascii=False, indent=2) + "\n"


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
