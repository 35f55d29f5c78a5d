"""Reminders as JSON (`planctl-remind/1`), through the one envelope of `planctl.report`."""

from __future__ import annotations

from typing import Any

from planctl.remind.engine import Reminder, Reminders, ReportDue, TaskDue
from planctl.report import json_text

__all__ = ["render_json"]


def render_json(reminders: object) -> str:
    assert isinstance(reminders, Reminders)
    return json_text(
        "remind",
        1,
        as_of=reminders.as_of.isoformat(),
        within=reminders.within,
        sender=reminders.sender,
        units=[_unit(reminder) for reminder in reminders.reminders],
        without_address=list(reminders.without_address),
    )


def _unit(reminder: Reminder) -> dict[str, Any]:
    escalated = reminder.escalation
    return {
        "unit": reminder.unit,
        "address": reminder.address,
        "overdue": [_task(item) for item in reminder.overdue],
        "near": [_task(item) for item in reminder.near],
        "lit": [_task(item) for item in reminder.lit],
        "unreported": [_report(item) for item in reminder.unreported],
        "upcoming": [_report(item) for item in reminder.upcoming],
        "reply_by": reminder.reply_by.isoformat() if reminder.reply_by else None,
        "escalation": None
        if escalated is None
        else {
            "when": escalated.rung.when,
            "periods": escalated.rung.periods,
            "action": escalated.rung.action,
            "because": list(escalated.because),
        },
    }


def _task(item: TaskDue) -> dict[str, Any]:
    return {
        "plan": item.plan,
        "task": item.task,
        "number": item.number,
        "title": item.heading,
        "milestone": item.milestone,
        "light": item.light,
        "deadline": item.deadline.isoformat() if item.deadline else None,
        "deadline_words": item.deadline_words,
        "days_left": item.days,
    }


def _report(item: ReportDue) -> dict[str, Any]:
    return {"plan": item.plan, "period": str(item.period), "due": item.due.isoformat()}
