"""Calendar events as RFC 5545 iCalendar text, written with the `icalendar` library.

All-day events: ``DTSTART;VALUE=DATE`` and ``DTEND`` the next day, with no time zone
(and so no VTIMEZONE); the library writes CRLF line ends and folds lines at 75 octets.
``DTSTAMP`` (required) is the time the plan files were last changed, so writing the same
plans twice gives the same bytes; ``SEQUENCE`` is not written: subscribed calendars take
the whole feed again on every refresh and match events by UID.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence

from planctl.feeds.events import ROLE_WORDS, FeedEvent

__all__ = ["PRODID", "calendar_bytes", "description", "summary"]

PRODID = "-//planctl//planctl calendar//ZH"
_REFRESH = datetime.timedelta(days=1)  # how often a subscribing client should look again
_END = b"END:VCALENDAR\r\n"
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # none allowed in TEXT but HTAB


def calendar_bytes(
    name: str,
    events: Sequence[FeedEvent],
    *,
    unit: str | None,
    stamp: datetime.datetime,
    made: dict[tuple[str, str | None], bytes] | None = None,
) -> bytes:
    """One calendar named `name`: `unit`'s view of the events (its role in each), or the
    supervising office's view of all of them when `unit` is None.

    `made` keeps each event's text by (UID, role) across the calendars of one run: an
    event the units of a group see in the same role is written by the library once.
    """
    from icalendar import Calendar, vDuration, vText

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    # Unknown to the library, these would go out as they are: said to be TEXT, escaped.
    calendar.add("x-wr-calname", vText(_text(name)))
    calendar.add("x-wr-caldesc", vText(_text(f"{name}：工作任务完成时限、阶段目标和进展报送日期")))
    calendar.add("refresh-interval", _REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(_REFRESH))
    frame: bytes = calendar.to_ical()
    assert frame.endswith(_END), "a calendar ends with END:VCALENDAR"
    made = {} if made is None else made
    body = []
    for item in sorted(events, key=lambda event: (event.day, event.uid)):
        key = (item.uid, None if unit is None else item.role_of(unit))
        if key not in made:
            made[key] = _event_bytes(item, unit, stamp)
        body.append(made[key])
    return frame[: -len(_END)] + b"".join(body) + _END


def _event_bytes(item: FeedEvent, unit: str | None, stamp: datetime.datetime) -> bytes:
    from icalendar import Event

    event = Event()
    event.add("uid", item.uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", item.day)
    event.add("dtend", item.day + datetime.timedelta(days=1))
    event.add("summary", _text(summary(item, unit)))
    event.add("description", _text(description(item, unit)))
    event.add("categories", [_category(item, unit)])
    event.add("transp", "TRANSPARENT")  # a deadline does not make anyone busy
    data: bytes = event.to_ical()
    return data


def summary(event: FeedEvent, unit: str | None) -> str:
    """【牵头】任务标题 2023年6月底前 in a unit's calendar; 【市发展改革局】… in the whole one."""
    if event.kind == "report":
        if unit is None:
            return f"【报送】{'、'.join(event.units)} {event.subject}"
        return f"【报送】{event.subject}"
    if unit is None:
        return f"【{'、'.join(event.leads or event.units)}】{event.subject}"
    return f"【{_role_word(event, unit)}】{event.subject}"


def description(event: FeedEvent, unit: str | None) -> str:
    lines = list(event.details)
    if unit is not None and event.kind != "report":
        lines.insert(1 if event.kind == "deadline" else 2, f"本单位：{_role_word(event, unit)}")
    return "\n".join(lines)


def _text(value: str) -> str:
    """Text as RFC 5545 allows it: no control characters but the line breaks the library
    escapes (a plan's text may hold one through a YAML escape such as \\e)."""
    return _CONTROLS.sub("\ufffd", value)


def _category(event: FeedEvent, unit: str | None) -> str:
    if event.kind == "report":
        return "报送"
    if event.kind == "milestone":
        return "阶段目标"
    return _role_word(event, unit) if unit is not None else "完成时限"


def _role_word(event: FeedEvent, unit: str) -> str:
    role = event.role_of(unit)
    return ROLE_WORDS[role] if role is not None else ""
