"""One task's data: its title and text, its owners (from the groups in its text, from
table cells, or from the heading above it) and its deadline."""

from __future__ import annotations

import re
from typing import Any

from planctl.importer.deadlines_text import find_in_text, read_field
from planctl.importer.owners import (
    ROLES,
    Owners,
    owners_in_sentence,
    parse_group,
    split_units,
    take_trailing,
)
from planctl.importer.tables import RowFields
from planctl.importer.text import (
    OPENERS,
    sentences,
    split_top_level,
    strip_end_mark,
    top_level_spans,
)

_TITLE_MAX = 40
# 强化组织保障：成立领导小组… — a short lead-in ended by a colon titles the task.
_LEAD_IN = re.compile(r"([^，。；：、（）“”《》]{2,20})：")
_CLAUSE_TITLE_MAX = 30


def owner_sentences(text: str) -> list[str]:
    """Sentences, each with the owner group written right after its end mark:
    推进A。（市发展改革局牵头）推进B。 → [推进A。（市发展改革局牵头）, 推进B。]."""
    found: list[str] = []
    for sentence in sentences(text):
        while found and (group_end := _leading_group_end(sentence)):
            found[-1] += sentence[:group_end]
            sentence = sentence[group_end:].strip()
        if sentence:
            found.append(sentence)
    return found


def _leading_group_end(sentence: str) -> int:
    if not sentence or sentence[0] not in OPENERS:
        return 0
    for start, end in top_level_spans(sentence):
        if start == 0 and parse_group(sentence[1:end]) is not None:
            return end + 1
        break
    return 0


def sentence_pieces(text: str) -> list[tuple[str, Owners | None]]:
    pieces = []
    for sentence in owner_sentences(text):
        owners = take_trailing(sentence)[1]
        pieces.append((sentence, owners if owners is not None and owners.names_units else None))
    return pieces


def merged(first: Owners | None, second: Owners | None) -> Owners | None:
    if first is None:
        return second
    if second is not None:
        first.merge(second)
    return first


def text_task(
    task_id: str,
    number: str | None,
    text: str,
    year: int | None,
    inherited: Owners | None,
    owners: Owners | None = None,
) -> dict[str, Any]:
    """A task from running text: its owners, then a title from its first sentence."""
    body, found = take_trailing(text)
    owners = merged(found, owners)
    if owners is None:
        body, owners = _inner_group(body)
    if owners is None:
        owners = owners_in_sentence(body)
    title, rest = title_and_text(body)
    return task_data(task_id, number, title, rest, owners, year, inherited)


def _inner_group(text: str) -> tuple[str, Owners | None]:
    """One owner group closing a sentence inside the text: （…牵头）。 followed by more."""
    found = [(s, o) for s, o in sentence_pieces(text) if o is not None]
    if len(found) != 1:
        return text, None
    sentence, owners = found[0]
    return text.replace(sentence, take_trailing(sentence)[0], 1), owners


def title_and_text(text: str) -> tuple[str | None, str | None]:
    """The short heading a task opens with (up to its first 。, or a lead-in before ：) and
    the rest; a long first sentence keeps the whole text, titled by its first clause."""
    lead_in = _LEAD_IN.match(text)
    if lead_in and lead_in.end() < len(text):
        return lead_in[1], text[lead_in.end() :]
    parts = sentences(text)
    if not parts:
        return None, None
    first = strip_end_mark(parts[0])
    if len(first) <= _TITLE_MAX:
        rest = "".join(parts[1:])
        return first, rest or None
    clause = split_top_level(first, "，,")[0]
    if len(clause) <= _CLAUSE_TITLE_MAX:
        return clause, text
    return None, text


def row_task(
    task_id: str, number: str | None, row: RowFields, year: int | None, inherited: Owners | None
) -> dict[str, Any]:
    text = "\n\n".join([row.text, *(f"{header}：{value}" for header, value in row.extras)])
    body, owners = take_trailing(text.strip()) if text.strip() else ("", None)
    cells = _cell_owners(row)
    owners = merged(cells, owners)
    title, rest = _row_title(row.title, body) if row.title else title_and_text(body)
    if row.due:
        owners = owners or Owners()
        owners.due.append(row.due)
    return task_data(task_id, number, title, rest, owners, year, inherited)


def _row_title(cell: str, body: str) -> tuple[str | None, str | None]:
    """The title cell's heading; what follows it in a long cell opens the text."""
    title, more = title_and_text(cell)
    if title is None:
        return strip_end_mark(cell), body or None
    if more:
        body = f"{more}\n\n{body}" if body else more
    return title, body or None


def _cell_owners(row: RowFields) -> Owners | None:
    """Owners from the 牵头 and 配合 cells, which may name roles themselves (A牵头，B配合)."""
    owners = _cell(row.lead, row.lead_word, "lead") if row.lead else None
    for text, word, role in (
        (row.responsible, "负责", "responsible"),
        (row.support, row.support_word, "support"),
        (row.guide, "指导", "guide"),
    ):
        if text:
            found = _cell(text, word, role)
            owners = merged(owners or Owners(), found) if found else owners
    return owners


def _cell(text: str, word: str, role: str) -> Owners | None:
    """The units of one owner cell in the role its column gives them, unless the cell
    names roles itself (A牵头，B配合)."""
    worded = parse_group(text)
    if worded is not None and worded.names_units and not _bare_list(worded, word):
        return worded
    names = [name for name, _, _ in split_units(text)]
    if not names:
        return None
    owners = Owners()
    setattr(owners, role, names)
    if role == "lead":
        owners.lead_word = word if word in ("牵头", "负责") else "牵头"
    elif role == "support":
        owners.support_word = word
    return owners


def _bare_list(owners: Owners, word: str) -> bool:
    """A cell read as a group only because its last unit ends in a role-like word."""
    return not owners.support and not owners.responsible and not owners.guide and word != "负责"


def owned(task: dict[str, Any]) -> bool:
    """Whether a task's data names any unit."""
    return any(role in task for role in ROLES)


def task_data(
    task_id: str,
    number: str | None,
    title: str | None,
    text: str | None,
    owners: Owners | None,
    year: int | None,
    inherited: Owners | None,
) -> dict[str, Any]:
    data: dict[str, Any] = {"id": task_id}
    if number:
        data["source_number"] = number
    if title:
        data["title"] = title
    if text:
        data["text"] = text
    if "title" not in data and "text" not in data:
        data["title"] = number or task_id
    if owners is None or not owners.names_units:
        owners = _inherit(owners, inherited)
    _put_owners(data, owners)
    _put_due(data, owners, year)
    return data


def _inherit(own: Owners | None, inherited: Owners | None) -> Owners | None:
    if inherited is None:
        return own
    copy = Owners(
        list(inherited.lead),
        list(inherited.support),
        inherited.lead_word,
        inherited.support_word,
        inherited.lead_more,
        inherited.support_more,
        responsible=list(inherited.responsible),
        responsible_more=inherited.responsible_more,
        guide=list(inherited.guide),
    )
    if own is not None:
        copy.due = list(own.due)
    return copy


def _put_owners(data: dict[str, Any], owners: Owners | None) -> None:
    if owners is None:
        return
    for role in ROLES:
        names = getattr(owners, role)
        if names:
            data[role] = list(names)
    if owners.support_more and owners.support:
        data["support_more"] = True
    if owners.responsible_more and owners.responsible:
        data["responsible_more"] = True
    if owners.lead_more and owners.lead and not owners.support and not owners.responsible:
        data["lead_more"] = True
    if owners.lead and owners.lead_word != "牵头":
        data["lead_word"] = owners.lead_word
    if owners.support and owners.support_word != "配合":
        data["support_word"] = owners.support_word


def _put_due(data: dict[str, Any], owners: Owners | None, year: int | None) -> None:
    if owners is not None and owners.due:
        found = read_field("，".join(owners.due), year)
        if found.due:
            data["due"] = found.due
        if found.note:
            data["due_note"] = found.note
        return
    written = "".join(data.get(key, "") for key in ("title", "text"))
    due = find_in_text(written, year)
    if due:
        data["due"] = due
