"""Deadlines written in words become stored deadlines, the words kept in `due_text`.

`due: 2023年6月底前` becomes `due: 2023-06` with `due_text: 2023年6月底前` after it, in
tasks and milestones alike; a wording without a year takes the year of a one-year
plan's period. A wording that cannot be stored as one deadline is left as written:
`planctl validate` reports it, with the reason and a fix. Comments stay with `due`.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

from ruamel.yaml.comments import CommentedMap

from planctl.deadline_words import (
    PlanYears,
    WordedDeadline,
    WordedDeadlineError,
    is_stored_form,
    plan_years,
    read_worded,
)
from planctl.deadlines import Deadline


def store_worded_deadlines(plan: CommentedMap) -> None:
    """Rewrite every worded `due` in `plan` (round-trip data) in the stored form."""
    years = plan_years(_plain_period(plan))
    for holder in _deadline_holders(plan):
        _store(holder, years)


def _deadline_holders(plan: CommentedMap) -> Iterator[CommentedMap]:
    """Every task and milestone mapping, at any depth of sections."""
    stack = list(_mappings(plan.get("sections")))
    while stack:
        section = stack.pop()
        stack.extend(_mappings(section.get("sections")))
        for task in _mappings(section.get("tasks")):
            yield task
            yield from _mappings(task.get("milestones"))


def _mappings(value: Any) -> list[CommentedMap]:
    return (
        [item for item in value if isinstance(item, CommentedMap)]
        if isinstance(value, list)
        else []
    )


def _store(holder: CommentedMap, years: PlanYears | None) -> None:
    value = holder.get("due")
    if not isinstance(value, str) or is_stored_form(value) or "due_text" in holder:
        return
    try:
        worded = read_worded(value, years)
    except WordedDeadlineError:
        return  # left as written; validate says why and how to fix it
    holder["due"] = _scalar(worded)
    holder.insert(list(holder).index("due") + 1, "due_text", worded.words)


def _scalar(worded: WordedDeadline) -> object:
    """The value ruamel writes back plain: a date for a day, a number for a year."""
    deadline: Deadline = worded.deadline
    if deadline.kind == "day":
        first = deadline.first_day()
        assert isinstance(first, datetime.date)
        return first
    if deadline.kind == "year":
        return deadline.year
    return worded.stored


def _plain_period(plan: CommentedMap) -> dict[str, Any]:
    """The period with dates as text, as `plan_years` reads plain plan data."""
    period = plan.get("period")
    if not isinstance(period, dict):
        return {}
    return {"period": {key: _text(period.get(key)) for key in ("start", "end")}}


def _text(value: object) -> object:
    return value.isoformat() if isinstance(value, datetime.date) else value
