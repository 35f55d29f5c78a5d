"""Owner groups: who leads, who is responsible, who supports and who guides a task.

A group stands in brackets at the end of an item or sentence — （市发展改革委牵头，
市财政局等有关部门参与） — or as labelled clauses (牵头单位：…；责任单位：…；配合单位：…).
Its clauses end in a role word (牵头, 负责, 配合, 指导, 按职责分工负责…) or start with a label.
Units named with 负责 (or under 责任单位) lead when no lead is named, and are the
responsible units when one is (A牵头，B负责); A会同B负责 makes A the lead and B a
supporting unit. Once a group has named units, a clause that names none — a deadline
(2024年底前完成, 年内持续推进), a note (不再做分工，下同), another label (责任处室：…) —
belongs to the group too: a deadline goes to `due`, anything else is kept in the text.

Unit lists split on 、，, and on 及/和/与 between unit names, but never inside brackets,
so 各县（市、区）政府 stays one unit; an enumeration that names one collective unit
(各区、县级市; 各市、区政府) stays whole; a collective tail is split off its list
(…等国务院相关部门 → the units named and 国务院相关部门), while a bare 等有关部门 is
kept as the `…_more` flag. A bracket that names no role is running text, not a group.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from planctl.importer.deadlines_text import is_deadline_phrase
from planctl.importer.text import (
    CLOSERS,
    matching_open,
    split_top_level,
    strip_end_mark,
    wide_parens,
)

ROLES = ("lead", "responsible", "support", "guide")

# Role words, longest first; "either" leads when no lead is named yet, else is responsible.
_ROLE_WORDS: tuple[tuple[str, str, str], ...] = (
    ("按职责分工负责", "either", "负责"),
    ("按职责分工落实", "either", "负责"),
    ("按职能分工负责", "either", "负责"),
    ("按照职责分工负责", "either", "负责"),
    ("按职责负责", "either", "负责"),
    ("分工负责", "either", "负责"),
    ("分别负责", "either", "负责"),
    ("共同负责", "either", "负责"),
    ("各负其责", "either", "负责"),
    ("具体负责", "either", "负责"),
    ("负责落实", "either", "负责"),
    ("负责实施", "either", "负责"),
    ("负责推进", "either", "负责"),
    ("牵头负责", "lead", "牵头"),
    ("牵头落实", "lead", "牵头"),
    ("牵头实施", "lead", "牵头"),
    ("牵头推进", "lead", "牵头"),
    ("牵头抓总", "lead", "牵头"),
    ("牵头", "lead", "牵头"),
    ("主办", "lead", "牵头"),
    ("承办", "either", "负责"),
    ("负责", "either", "负责"),
    ("配合实施", "support", "配合"),
    ("配合落实", "support", "配合"),
    ("配合", "support", "配合"),
    ("协同", "support", "配合"),
    ("协助", "support", "配合"),
    ("参与", "support", "参与"),
    ("参加", "support", "参与"),
    ("协办", "support", "协办"),
    ("业务指导", "guide", "指导"),
    ("指导", "guide", "指导"),
    ("组织实施", "either", "负责"),
    ("具体实施", "either", "负责"),
    ("落实", "either", "负责"),
)
_LABELS: tuple[tuple[str, str, str], ...] = (
    ("牵头单位", "lead", "牵头"),
    ("牵头部门", "lead", "牵头"),
    ("主办单位", "lead", "牵头"),
    ("主责单位", "either", "负责"),
    ("责任单位", "either", "负责"),
    ("责任部门", "either", "负责"),
    ("负责单位", "either", "负责"),
    ("负责部门", "either", "负责"),
    ("责任主体", "either", "负责"),
    ("承办单位", "either", "负责"),
    ("实施单位", "either", "负责"),
    ("实施主体", "either", "负责"),
    ("配合单位", "support", "配合"),
    ("配合部门", "support", "配合"),
    ("协作单位", "support", "配合"),
    ("协同单位", "support", "配合"),
    ("协助单位", "support", "配合"),
    ("协办单位", "support", "协办"),
    ("参与单位", "support", "参与"),
    ("参与部门", "support", "参与"),
    ("指导单位", "guide", "指导"),
    ("指导部门", "guide", "指导"),
    ("完成时限", "due", ""),
    ("完成时间", "due", ""),
    ("时间节点", "due", ""),
    ("时限要求", "due", ""),
    ("完成期限", "due", ""),
    ("时间安排", "due", ""),
    ("进度安排", "due", ""),
    ("时限", "due", ""),
)
_LABEL_NAMES = "|".join(label for label, _, _ in _LABELS)
_LABEL_RE = re.compile(rf"({_LABEL_NAMES})\s*[:：]\s*")
FIELD_LABEL = re.compile(rf"(?:{_LABEL_NAMES})\s*[:：]")  # 牵头单位：… on a line of its own
_LABEL_START = re.compile(rf"(?:^|(?<=[。；;\n]))\s*(?=(?:{_LABEL_NAMES})\s*[:：])")
# Any other short label inside a group (责任处室：…, 适用范围：…): kept, never an owner.
_OTHER_LABEL = re.compile(r"[^，。；：:、（）()]{2,8}[:：]")
_LEADER_LABEL = re.compile(
    r"(?:牵头|责任|分管|联系|挂点|包保)?(?:市|区|县|省)?(?:领导|负责人|联系人|责任人)"
    r"(?:同志)?\s*[:：]"
)
# Bracketed words that end a title but name no unit.
_NOT_UNITS = frozenset({"试行", "暂行", "修订", "草案", "征求意见稿", "送审稿", "修订稿", "代拟稿"})
# A bare 等… tail: the list goes on, but names no further unit.
_MORE = re.compile(
    r"等(?:其他|其它)?(?:有关|相关)?(?:部门|单位|机构)?(?:和|及|、)?(?:有关|相关)?"
    r"(?:部门|单位|机构)?$"
)
_MARKER = re.compile(r"[（(](牵头|负责|配合|参与|协办|指导)[）)]$")
_UNIT_END = re.compile(
    r"(局|委|办|厅|部|院|室|处|科|所|会|队|站|心|府|司|团|联|馆|园|台|校|学|行|署|"
    r"社|关|组|业|道|街|村|乡|镇|居|区|县|市|省|场|港|门|位|构|厂|庭|网|盟|协|班|"
    r"库|军|旗|州|庄|点|段|中心|公司|集团|银行|基地|平台|专班)$"
)
# How collective units open: 各镇（街道）, 有关市、区政府, 市直各部门.
_COLLECTIVE_START = re.compile(r"^(?:各|有关|相关|其他|其它|[市区县省州]直)")
# The place words of an enumeration that names one collective: 各区、县级市; 各市、区政府.
_PLACE = "(?:县级市|市辖区|市|区|县|镇|乡|旗|州|盟)"
_PLACE_HEAD = re.compile(rf"^(?:各|有关|相关|所辖){_PLACE}+$")
_PLACE_TAIL = re.compile(rf"^{_PLACE}+(?:（[^（）]*）)?(?:人民)?(?:政府|党委和政府|党委)?$")
_NOT_IN_UNIT = "。；！？：:，,“”《》"
# Words of a sentence, never of an organisation's name (以下政策措施均需…落实).
_SENTENCE_WORDS = re.compile(r"以下|以上|均需|需要|应当|按照|根据|通过|不再|进一步|其中|确保|力争")
_MAX_UNIT = 30
_CONJUNCTION = re.compile("(?:以及|和|及|与)")

# Names the unit registry knows: the first authority on what is a unit.
_REGISTERED: ContextVar[frozenset[str]] = ContextVar("registered_units", default=frozenset())


@contextmanager
def registered_units(names: frozenset[str]) -> Iterator[None]:
    """Within the block, names in `names` are units whatever their ending."""
    token = _REGISTERED.set(names)
    try:
        yield
    finally:
        _REGISTERED.reset(token)


@dataclass
class Owners:
    """The units of one task by role, with the words the source used."""

    lead: list[str] = field(default_factory=list)
    support: list[str] = field(default_factory=list)
    lead_word: str = "牵头"
    support_word: str = "配合"
    lead_more: bool = False
    support_more: bool = False
    due: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # clauses that name no unit (领导：…)
    responsible: list[str] = field(default_factory=list)
    responsible_more: bool = False
    guide: list[str] = field(default_factory=list)

    @property
    def names_units(self) -> bool:
        return bool(self.lead or self.support or self.responsible or self.guide)

    def merge(self, other: Owners) -> None:
        """Fill the roles this group leaves empty from `other`."""
        if other.lead and not self.lead:
            self.lead, self.lead_word, self.lead_more = other.lead, other.lead_word, other.lead_more
        if other.support and not self.support:
            self.support, self.support_word = other.support, other.support_word
            self.support_more = other.support_more
        if other.responsible and not self.responsible:
            self.responsible, self.responsible_more = other.responsible, other.responsible_more
        if other.guide and not self.guide:
            self.guide = other.guide
        self.due.extend(other.due)
        self.kept.extend(other.kept)


# --- parsing a group ------------------------------------------------------------------------


def parse_group(content: str, *, implicit: bool = False) -> Owners | None:
    """The owners named by the text inside a group's brackets, or None if it names none.

    With `implicit`, a bare list of unit names (no role word) is read as the lead units,
    as tables and some documents write them.
    """
    owners = Owners()
    state = _State()
    for clause in _clauses(strip_end_mark(content.strip())):
        if _apply(clause, owners, state, implicit):
            continue
        if not state.roles_seen:
            return None
        owners.kept.append(clause)  # a note after the owners: 不再做分工，下同
    if not owners.names_units and not owners.due:
        return None
    owners.lead_more = state.lead_etc and not owners.support and not owners.responsible
    others = set(owners.lead)
    owners.responsible = [name for name in owners.responsible if name not in others]
    others.update(owners.responsible)
    owners.support = [name for name in owners.support if name not in others]
    return owners


@dataclass
class _State:
    lead_etc: bool = False
    roles_seen: int = 0


def _clauses(content: str) -> list[str]:
    """Clauses of a group: split on ；。, then on ， after a role word or before a label."""
    clauses: list[str] = []
    for segment in split_top_level(content, "；;。"):
        pending = ""
        for piece in split_top_level(segment, "，,"):
            if (_LABEL_RE.match(piece) or _OTHER_LABEL.match(piece)) and pending:
                clauses.append(pending)
                pending = ""
            pending = f"{pending}，{piece}" if pending else piece
            if _role_suffix(pending) or (is_deadline_phrase(piece) and pending == piece):
                clauses.append(pending)
                pending = ""
        if pending:
            clauses.append(pending)
    return [c for c in clauses if c]


def _apply(clause: str, owners: Owners, state: _State, implicit: bool) -> bool:
    if _LEADER_LABEL.match(clause):
        owners.kept.append(clause)  # 牵头市领导：… names people, kept in the text
        return True
    if label := _LABEL_RE.match(clause):
        return _apply_labelled(label[1], clause[label.end() :], owners, state)
    if is_deadline_phrase(clause):
        owners.due.append(clause)
        return True
    role = _role_suffix(clause)
    if role is None:
        return _apply_unlabelled(clause, owners, state, implicit)
    word, kind, stored = role
    names_text = clause[: -len(word)].strip("，, ")
    if names_text.startswith("由"):
        names_text = names_text[1:]
    if "会同" in names_text:
        return _apply_together(names_text, stored, owners, state)
    return _assign(names_text, _resolve(kind, owners), stored, owners, state)


def _apply_labelled(label: str, value: str, owners: Owners, state: _State) -> bool:
    """牵头单位：… leads; 责任单位：… leads, or is responsible when a lead is named too."""
    kind, stored = next((k, w) for name, k, w in _LABELS if name == label)
    if kind == "due":
        owners.due.append(value)
        return True
    parsed = parse_group(value, implicit=True) if value else None
    if parsed is not None and (
        parsed.support or parsed.responsible or parsed.guide or parsed.lead_word != "牵头"
    ):
        owners.merge(parsed)  # a cell like 牵头单位：A牵头，B配合 names its own roles
        state.roles_seen += 1
        return True
    return _assign(value, _resolve(kind, owners), stored, owners, state)


def _apply_unlabelled(clause: str, owners: Owners, state: _State, implicit: bool) -> bool:
    """A list with no role word: the lead when allowed, supporting units after a lead."""
    if owners.lead and state.roles_seen and not _OTHER_LABEL.match(clause):
        return _assign(clause, "support", owners.support_word, owners, state, strict=True)
    if implicit and not owners.lead:
        return _assign(clause, "lead", owners.lead_word, owners, state, strict=True)
    return False


def _apply_together(text: str, stored: str, owners: Owners, state: _State) -> bool:
    """A会同B负责: A leads (with the closing word), B supports."""
    first, _, rest = text.partition("会同")
    return _assign(
        first, "lead", stored if stored in ("牵头", "负责") else "牵头", owners, state
    ) and _assign(rest, "support", "配合", owners, state)


def _resolve(kind: str, owners: Owners) -> str:
    if kind == "either":
        return "responsible" if owners.lead else "lead"
    return kind


def _assign(
    text: str, role: str, word: str, owners: Owners, state: _State, *, strict: bool = False
) -> bool:
    units = split_units(text)
    if not units or not all(looks_like_unit(name, strict=strict) for name, _, _ in units):
        return False
    state.roles_seen += 1
    marked_lead = role == "lead" and any(_marker_role(m) == "lead" for _, m, _ in units)
    for name, marker, more in units:
        # 责任单位：A（牵头）、B、C — the marked unit leads, the others are responsible
        target = _marker_role(marker) or ("responsible" if marked_lead else role)
        names: list[str] = getattr(owners, target)
        if name not in names:
            names.append(name)
        if target == "lead":
            state.lead_etc |= more
        elif target == "support":
            owners.support_more |= more
        elif target == "responsible":
            owners.responsible_more |= more
    if role == "lead" and word == "负责" and not marked_lead:
        owners.lead_word = "负责"
    elif role == "support" and word != "配合" and owners.support_word == "配合":
        owners.support_word = word
    return True


def _marker_role(marker: str | None) -> str | None:
    if marker is None:
        return None
    return {"牵头": "lead", "负责": "lead", "指导": "guide"}.get(marker, "support")


def _role_suffix(text: str) -> tuple[str, str, str] | None:
    stripped = strip_end_mark(text)
    for word, kind, stored in _ROLE_WORDS:
        if stripped.endswith(word) and len(stripped) > len(word):
            return word, kind, stored
    return None


# --- unit lists -------------------------------------------------------------------------------


def split_units(text: str) -> list[tuple[str, str | None, bool]]:
    """(name, role marker, followed by 等) for each unit named in a list."""
    units: list[tuple[str, str | None, bool]] = []
    for piece in _pieces(text):
        name = strip_end_mark(piece).strip()
        if name.startswith("由"):
            name = name[1:]
        marker = _MARKER.search(name)
        if marker:
            name = name[: marker.start()]
        name, collective, more = _tail(name)
        if name:
            units.append((wide_parens(name), marker[1] if marker else None, more))
        elif more and units:
            units[-1] = (units[-1][0], units[-1][1], True)
        if collective:
            units.append((wide_parens(collective), None, False))
    return units


def _pieces(text: str) -> list[str]:
    """The list's items: split on separators, then on conjunctions between two units;
    the parts of one collective enumeration (各区、县级市) joined again."""
    pieces: list[str] = []
    for piece in split_top_level(text.strip(), "、，,/／\n "):
        if not piece:
            continue
        pieces.extend(_conjoined(piece))
    joined: list[str] = []
    for piece in pieces:
        if joined and _PLACE_HEAD.match(joined[-1]) and _PLACE_TAIL.match(piece):
            joined[-1] = f"{joined[-1]}、{piece}"
        else:
            joined.append(piece)
    return joined


def _conjoined(piece: str) -> list[str]:
    """市发展改革局和市财政局 → both; 住房和城乡建设局 stays one (its halves are no units)."""
    for match in _CONJUNCTION.finditer(piece):
        first, second = piece[: match.start()], piece[match.end() :]
        first_name, _, first_more = _tail(first)
        if (
            first_name
            and looks_like_unit(first_name)
            and second
            and (_starts_unit(second) or second in _REGISTERED.get())
            and (looks_like_unit(_tail(second)[0] or second) or _MORE.fullmatch(second))
            and not _PLACE_TAIL.match(second)
        ):
            return [first, *_conjoined(second)]
        if not first_name and first_more:
            continue
    return [piece]


# How a unit's name opens when a conjunction (和, 及) may stand before it.
_UNIT_START = re.compile(
    r"^(?:市|区|县|省|州|镇|乡|街道|国务院|国家|中央|全国|各|有关|相关|团|人行|人民银行|"
    r"[^\s]{2,4}(?:市|区|县|省|州|镇)(?=[^\s]{2,}))"
)


def _starts_unit(text: str) -> bool:
    return bool(_UNIT_START.match(text))


def _tail(name: str) -> tuple[str, str | None, bool]:
    """(the unit, a collective unit after 等, whether a bare 等… tail follows)."""
    more = _MORE.search(name)
    if more:
        return name[: more.start()], None, True
    at = name.rfind("等")
    if at > 0:
        rest = name[at + 1 :].lstrip("和及、")
        if rest and ((looks_like_unit(rest) and _COLLECTIVE_START.match(rest)) or _qualified(rest)):
            return name[:at], rest, True
    return name, None, False


def _qualified(rest: str) -> bool:
    """国务院相关部门, 省有关单位: a collective with its own level, not a bare 有关部门."""
    return bool(
        re.fullmatch(
            r"(?:国务院|中央|国家|省|市|区|县|州|镇|街道)(?:级)?(?:各)?(?:有关|相关|其他)?"
            r"(?:部门|单位|机构|部门和单位|单位和部门)",
            rest,
        )
    )


def looks_like_unit(name: str, *, strict: bool = False) -> bool:
    """A plausible organisation name: registered, or short, without sentence marks and
    with a unit-like ending or opening (各…, 有关…).

    `strict` (for a bracket with no role word) also wants three characters or more.
    """
    if name in _REGISTERED.get():
        return True
    if not 2 <= len(name) <= _MAX_UNIT or any(c in _NOT_IN_UNIT for c in name):
        return False
    if name in _NOT_UNITS or (strict and len(name) < 3) or _SENTENCE_WORDS.search(name):
        return False
    bare = re.sub(r"（[^（）]*）|\([^()]*\)", "", name)
    if not bare:
        return False
    return bool(_UNIT_END.search(bare)) or "有关" in bare or "相关" in bare


# --- finding groups in text -----------------------------------------------------------------


def take_trailing(text: str) -> tuple[str, Owners | None]:
    """Split `text` into its words and the owner groups that end it (bracketed or labelled)."""
    found: Owners | None = None
    while True:
        split = _trailing_bracket(text) or _trailing_labels(text) or _trailing_role_sentence(text)
        if split is None:
            return text, found
        text, owners = split
        if owners.kept:
            text = f"{text}（{'；'.join(owners.kept)}）"
            owners.kept = []
        if found is None:
            found = owners
        else:
            owners.merge(found)
            found = owners


def _trailing_bracket(text: str) -> tuple[str, Owners] | None:
    end = len(text.rstrip("。；;，, "))
    if not end or text[end - 1] not in CLOSERS or text[end - 1] in "》”’":
        return None
    start = matching_open(text, end - 1)
    if start is None:
        return None
    owners = parse_group(text[start + 1 : end - 1], implicit=_ends_item(text, end))
    if owners is None:
        return None
    return (text[:start].rstrip() + text[end:]).strip(), owners


def _ends_item(text: str, end: int) -> bool:
    return not text[end:].strip("。；;，, ")


def _trailing_labels(text: str) -> tuple[str, Owners] | None:
    for match in _LABEL_START.finditer(text):
        owners = parse_group(text[match.end() :])
        if owners is not None:
            return text[: match.start()].rstrip(), owners
    return None


def _trailing_role_sentence(text: str) -> tuple[str, Owners] | None:
    """……。由市发展改革局牵头，市财政局配合。 — a last sentence that only names owners."""
    body = text.rstrip("。；; ")
    cut = max(body.rfind("。"), body.rfind("；"), body.rfind(";"))
    if cut < 0:
        return None
    sentence = body[cut + 1 :]
    if not sentence or _role_suffix(sentence) is None:
        return None
    owners = parse_group(sentence)
    if owners is None or owners.kept:
        return None
    return text[: cut + 1], owners


def owners_in_sentence(text: str) -> Owners | None:
    """……的问题，由A会同B、C等部门研究提出落实意见。 — owners named inside the last clause
    of a sentence (the words stay in the text)."""
    for sentence in reversed([s for s in re.split("(?<=[。；])", text) if s.strip()]):
        clause = split_top_level(sentence.rstrip("。；; "), "，,")[-1]
        if not clause.startswith("由"):
            continue
        found = _by_clause(clause[1:])
        if found is not None:
            return found
    return None


def _by_clause(clause: str) -> Owners | None:
    lead_text, together, rest = clause.partition("会同")
    if not together:
        role = _role_suffix(clause)
        return parse_group(clause) if role else None
    lead_units = split_units(lead_text)
    if not lead_units or not all(looks_like_unit(n) for n, _, _ in lead_units):
        return None
    support_text = _up_to_verb(rest)
    if support_text is None:
        return None
    support = split_units(support_text)
    owners = Owners(lead=[n for n, _, _ in lead_units])
    owners.support = [n for n, _, _ in support]
    owners.support_more = any(more for _, _, more in support)
    return owners


def _up_to_verb(text: str) -> str | None:
    """The unit list at the start of `text` (农业部等部门研究… → 农业部等部门)."""
    match = re.match(r"(.+?等(?:有关|相关)?(?:部门|单位))", text)
    if match and all(looks_like_unit(n) for n, _, _ in split_units(match[1])):
        return match[1]
    names = []
    for piece in split_top_level(text, "、"):
        if looks_like_unit(piece):
            names.append(piece)
            continue
        head = _unit_prefix(piece)
        if head:
            names.append(head)
        break
    return "、".join(names) if names else None


def _unit_prefix(piece: str) -> str | None:
    for end in range(len(piece) - 1, 1, -1):
        head = piece[:end]
        if _UNIT_END.search(head) and looks_like_unit(head):
            return head
    return None
