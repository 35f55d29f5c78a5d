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


def has_worded_deadlines(plan: Any) -> bool:
    """Whether `plan` (plain or round-trip data) holds a `due` that fmt would store."""
    return isinstance(plan, dict) and any(_is_worded(holder) for holder in _deadline_holders(plan))


def _deadline_holders(plan: dict[str, Any]) -> Iterator[Any]:
    """Every task and milestone mapping: at the top level and at any depth of sections."""
    holders = [plan]  # the plan's own `tasks` (a document whose items are its tasks)
    stack = list(_mappings(plan.get("sections")))
    while stack:
        section = stack.pop()
        stack.extend(_mappings(section.get("sections")))
        holders.append(section)
    for holder in holders:
        for task in _mappings(holder.get("tasks")):
            yield task
            yield from _mappings(task.get("milestones"))


def _mappings(value: Any) -> list[Any]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _is_worded(holder: Any) -> bool:
    value = holder.get("due")
    return isinstance(value, str) and not is_stored_form(value) and "due_text" not in holder


def _store(holder: CommentedMap, years: PlanYears | None) -> None:
    if not _is_worded(holder):
        return
    try:
        worded = read_worded(holder["due"], years)
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
