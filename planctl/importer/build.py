"""Turn the outline into the plan's `preamble` and `sections` (PLAN_FORMAT.md).

An item with sub-items is a section; an item without is a task. An item whose
sentences (or paragraphs) each carry their own owner group becomes a section with one
task per sentence. Leading items that hold no tasks (一、总体要求) are the preamble. Ids
are the number path (三、（一）1、 → "3.1.1"); unnumbered parts count their position.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from planctl.importer.numbering import Node, Outline, recognise
from planctl.importer.owners import Owners, take_trailing
from planctl.importer.tables import RowFields
from planctl.importer.tasks import (
    merged,
    owned,
    row_task,
    sentence_pieces,
    task_data,
    text_task,
)
from planctl.importer.text import sentences, strip_end_mark

_PREAMBLE_TITLES = re.compile(
    r"总体要求|指导思想|基本原则|工作原则|工作目标|主要目标|总体目标|发展目标|"
    r"目标任务|编制依据|重要意义|背景|现状|形势|基本情况|主要成就|总体思路|"
    r"工作思路|适用范围|总则|基本思路"
)
_TITLE_MAX = 40
_SECTION_TITLE_MAX = 60
_LEAD_SENTENCE_MAX = 30


@dataclass
class Built:
    """The preamble, then the sections in order; a task outside any section (a plan that
    is one flat list) is kept in order too, with `is_section` False."""

    preamble: list[dict[str, str]] = field(default_factory=list)
    parts: list[tuple[bool, dict[str, Any]]] = field(default_factory=list)


@dataclass
class _Item:
    data: dict[str, Any]
    is_section: bool
    owned: bool
    node: Node


def build(outline: Outline, year: int | None) -> Built:
    """The plan's preamble and sections from `outline`; `year` dates bare deadlines."""
    built = Built()
    if outline.loose:
        built.preamble.append({"text": "\n\n".join(p.text for p in outline.loose)})
    items = [_top(node, _segment(node, n), year) for n, node in enumerate(outline.roots, start=1)]
    owned = any(item.owned for item in items)
    leading = True
    for item in items:
        leading = leading and not item.owned and _is_preamble(item, owned)
        if leading:
            built.preamble.append(_preamble_part(item.node))
        else:
            built.parts.append((item.is_section, item.data))
    return built


def _is_preamble(item: _Item, document_owned: bool) -> bool:
    """总体要求, 指导思想…; or, in a plan whose tasks name owners, a leading heading over
    prose that names none."""
    node = item.node
    if not _preamble_text(node):
        return False
    if _PREAMBLE_TITLES.search(node.heading[:20]):
        return True
    return (
        document_owned and not node.children and bool(node.paras) and _is_title_only(node.heading)
    )


def _preamble_part(node: Node) -> dict[str, str]:
    title = _split_heading(node.heading)[0]
    text = _preamble_text(node)
    return {"title": title, "text": text} if title else {"text": text}


def _preamble_text(node: Node) -> str:
    _, rest = _split_heading(node.heading)
    blocks = [rest] if rest else []
    blocks += [p.text for p in node.paras]
    for child in node.walk()[1:]:
        blocks.append(f"{child.written or ''}{child.heading}")
        blocks += [p.text for p in child.paras]
    return "\n\n".join(b for b in blocks if b)


def _segment(node: Node, position: int) -> str:
    if node.number is not None and node.number.value is not None:
        return str(node.number.value)
    return str(position)


# --- sections ------------------------------------------------------------------------------


def _top(node: Node, node_id: str, year: int | None) -> _Item:
    """A top-level heading over prose that names no owners is a section of text (保障措施)."""
    if node.children or node.row is not None or not node.paras or not _is_title_only(node.heading):
        return _convert(node, node_id, year, None)
    texts = [node.heading, *(p.text for p in node.paras)]
    if any(take_trailing(text)[1] is not None for text in texts) or _measures(node):
        return _convert(node, node_id, year, None)
    data = _section_head(node_id, node, strip_end_mark(node.heading), [p.text for p in node.paras])
    return _Item(data, True, False, node)


def _convert(node: Node, node_id: str, year: int | None, inherited: Owners | None) -> _Item:
    if node.children:
        return _section(node, node_id, year, inherited)
    return _leaf(node, node_id, year, inherited)


def _section(node: Node, node_id: str, year: int | None, inherited: Owners | None) -> _Item:
    heading, owners = take_trailing(node.heading)
    title, rest = _split_heading(heading)
    data = _section_head(node_id, node, title, [rest, *(p.text for p in node.paras)])
    passed = owners if owners is not None and owners.names_units else inherited
    children = [
        _convert(child, f"{node_id}.{_segment(child, n)}", year, passed)
        for n, child in enumerate(node.children, start=1)
    ]
    tasks = [child.data for child in children if not child.is_section]
    sections = [child.data for child in children if child.is_section]
    if tasks:  # tasks come before subsections, as the model reads them
        data["tasks"] = tasks
    if sections:
        data["sections"] = sections
    owned = owners is not None or any(child.owned for child in children)
    return _Item(data, True, owned, node)


def _section_head(node_id: str, node: Node, title: str, texts: list[str]) -> dict[str, Any]:
    data: dict[str, Any] = {"id": node_id}
    if node.written:
        data["source_number"] = node.written
    data["title"] = title or node.written or node_id
    text = "\n\n".join(t for t in texts if t)
    if text:
        data["text"] = text
    return data


def _split_heading(heading: str) -> tuple[str, str]:
    """A section heading's title (its first sentence) and the rest."""
    parts = sentences(heading)
    if not parts:
        return "", ""
    first = strip_end_mark(parts[0])
    if len(first) <= _SECTION_TITLE_MAX or len(parts) == 1:
        return first, "".join(parts[1:])
    return first[:_SECTION_TITLE_MAX], heading


# --- leaves: one task, or a section of tasks -----------------------------------------------


def _leaf(node: Node, node_id: str, year: int | None, inherited: Owners | None) -> _Item:
    if node.row is not None:
        assert isinstance(node.row, RowFields)
        task = row_task(node_id, node.written, node.row, year, inherited)
        return _Item(task, False, owned(task), node)
    paragraphs = [take_trailing(p.text) for p in node.paras]
    with_owners = sum(1 for _, owners in paragraphs if owners is not None and owners.names_units)
    if len(paragraphs) >= 2 and (with_owners >= 2 or (with_owners == 0 and _measures(node))):
        return _split(node, node_id, [p.text for p in node.paras], year, inherited)
    if not node.paras:
        pieces = sentence_pieces(node.heading)
        if sum(1 for _, owners in pieces if owners is not None) >= 2:
            return _split_sentences(node, node_id, pieces, year, inherited)
    return _single(node, node_id, year, inherited)


def _measures(node: Node) -> bool:
    """A title-only heading over paragraphs that each open with a short lead sentence."""
    if any(mark in node.heading.rstrip("。") for mark in "。；"):
        return False
    leads = 0
    for para in node.paras:
        first = sentences(para.text)[:1]
        if first and len(first[0]) <= _LEAD_SENTENCE_MAX and first[0].endswith("。"):
            leads += 1
    return leads >= 2


def _split(
    node: Node, node_id: str, texts: list[str], year: int | None, inherited: Owners | None
) -> _Item:
    heading, owners = take_trailing(node.heading)
    title, rest = _split_heading(heading)
    data = _section_head(node_id, node, title, [rest])
    passed = owners if owners is not None and owners.names_units else inherited
    data["tasks"] = [
        text_task(f"{node_id}.{n}", None, text, year, passed)
        for n, text in enumerate(texts, start=1)
    ]
    return _Item(data, True, any(owned(t) for t in data["tasks"]), node)


def _split_sentences(
    node: Node,
    node_id: str,
    pieces: list[tuple[str, Owners | None]],
    year: int | None,
    inherited: Owners | None,
) -> _Item:
    """Each sentence with its own owner group is a task; the sentences before it join it."""
    title = ""
    if pieces and pieces[0][1] is None and len(strip_end_mark(pieces[0][0])) <= _TITLE_MAX:
        title = strip_end_mark(pieces[0][0])
        pieces = pieces[1:]
    groups: list[str] = []
    pending = ""
    for sentence, owners in pieces:
        pending += sentence
        if owners is not None:
            groups.append(pending)
            pending = ""
    if pending:
        groups.append(pending)
    if not title:
        title = strip_end_mark(take_trailing(groups[0])[0])[:_TITLE_MAX]
    data = _section_head(node_id, node, title, [])
    data["tasks"] = [
        _piece_task(node_id, n, text, year, inherited) for n, text in enumerate(groups, start=1)
    ]
    return _Item(data, True, True, node)


def _piece_task(
    parent_id: str, position: int, text: str, year: int | None, inherited: Owners | None
) -> dict[str, Any]:
    """A sentence task; one that starts with its own number (（1）…（2）… in one
    paragraph) keeps it as `source_number`."""
    number = recognise(text)
    if number is None or number.value is None or number.style in ("bare", "letter"):
        return text_task(f"{parent_id}.{position}", None, text, year, inherited)
    return text_task(f"{parent_id}.{number.value}", number.written, number.rest, year, inherited)


def _single(node: Node, node_id: str, year: int | None, inherited: Owners | None) -> _Item:
    if node.paras:
        heading, owners = take_trailing(node.heading)
        bodies: list[str] = []
        for para in node.paras:
            body, para_owners = take_trailing(para.text)
            bodies.append(body)
            owners = merged(owners, para_owners)
        if _is_title_only(heading):
            task = task_data(
                node_id,
                node.written,
                strip_end_mark(heading) or None,
                "\n\n".join(b for b in bodies if b) or None,
                owners,
                year,
                inherited,
            )
        else:
            task = text_task(
                node_id, node.written, "\n\n".join([heading, *bodies]), year, inherited, owners
            )
    else:
        task = text_task(node_id, node.written, node.heading, year, inherited)
    return _Item(task, False, owned(task), node)


def _is_title_only(heading: str) -> bool:
    return (
        bool(heading)
        and len(heading) <= _SECTION_TITLE_MAX
        and not any(mark in heading.rstrip("。") for mark in "。；")
    )
