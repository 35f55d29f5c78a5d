"""Owner groups: who leads and who supports a task, as the document says it.

A group stands in brackets at the end of an item or sentence — （市发展改革局牵头，
市财政局等有关部门参与） — or as labelled clauses (牵头单位：…；配合单位：…). Its clauses
end in a role word (牵头, 负责, 配合, 参与, 协办, 按职责分工负责…) or start with a label;
A会同B负责 makes A the lead (负责) and B a supporting unit. Unit lists split on 、，,
and conjunctions between unit names, but never inside brackets, so 各县（市、区）政府
stays one unit. A bracket that names no role is running text, not an owner group.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from planctl.importer.deadlines_text import is_deadline_phrase
from planctl.importer.text import (
    CLOSERS,
    matching_open,
    split_top_level,
    strip_end_mark,
    wide_parens,
)

# Role words, longest first; "either" leads when no lead is named yet, else supports.
_ROLE_WORDS: tuple[tuple[str, str, str], ...] = (
    ("按职责分工负责", "either", "负责"),
    ("按职责分工落实", "either", "负责"),
    ("按职能分工负责", "either", "负责"),
    ("按职责负责", "either", "负责"),
    ("分工负责", "either", "负责"),
    ("共同负责", "either", "负责"),
    ("各负其责", "either", "负责"),
    ("具体负责", "either", "负责"),
    ("负责落实", "either", "负责"),
    ("负责实施", "either", "负责"),
    ("牵头负责", "lead", "牵头"),
    ("牵头落实", "lead", "牵头"),
    ("牵头实施", "lead", "牵头"),
    ("牵头推进", "lead", "牵头"),
    ("牵头", "lead", "牵头"),
    ("主办", "lead", "牵头"),
    ("负责", "either", "负责"),
    ("配合实施", "support", "配合"),
    ("配合落实", "support", "配合"),
    ("配合", "support", "配合"),
    ("协同", "support", "配合"),
    ("协助", "support", "配合"),
    ("参与", "support", "参与"),
    ("参加", "support", "参与"),
    ("协办", "support", "协办"),
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
    ("配合单位", "support", "配合"),
    ("配合部门", "support", "配合"),
    ("协作单位", "support", "配合"),
    ("协同单位", "support", "配合"),
    ("协办单位", "support", "协办"),
    ("参与单位", "support", "参与"),
    ("参与部门", "support", "参与"),
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
_LEADER_LABEL = re.compile(
    r"(?:牵头|责任|分管|联系|挂点)?(?:市|区|县)?(?:领导|负责人|联系人|责任人)"
    r"(?:同志)?\s*[:：]"
)
# Bracketed words that end a title but name no unit.
_NOT_UNITS = frozenset({"试行", "暂行", "修订", "草案", "征求意见稿", "送审稿", "修订稿", "代拟稿"})
_MORE = re.compile(
    r"(等有关部门和单位|等有关单位和部门|等有关部门|等有关单位|等相关部门|等相关单位|"
    r"等部门|等单位|等)$"
)
_MARKER = re.compile(r"[（(](牵头|负责|配合|参与|协办)[）)]$")
_UNIT_END = re.compile(
    r"(局|委|办|厅|部|院|室|处|科|所|会|队|站|心|府|司|团|联|馆|园|台|校|学|行|署|"
    r"社|关|组|业|道|街|村|乡|镇|居|区|县|市|省|场|港|门|位|构|厂|庭|网|盟)$"
)
_NOT_IN_UNIT = "。；！？：:，,“”《》"
_MAX_UNIT = 30
_CONJUNCTIONS = re.compile(
    "(?<=[局委办厅部院室处会心府司团联关组区县市门位])(?:和|及|与|以及)(?=[市区县省各])"
)


@dataclass
class Owners:
    """Lead and supporting units of one task, with the words the source used."""

    lead: list[str] = field(default_factory=list)
    support: list[str] = field(default_factory=list)
    lead_word: str = "牵头"
    support_word: str = "配合"
    lead_more: bool = False
    support_more: bool = False
    due: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # clauses that name no unit (领导：…)

    @property
    def names_units(self) -> bool:
        return bool(self.lead or self.support)

    def merge(self, other: Owners) -> None:
        if other.lead and not self.lead:
            self.lead, self.lead_word, self.lead_more = other.lead, other.lead_word, other.lead_more
        if other.support and not self.support:
            self.support, self.support_word = other.support, other.support_word
            self.support_more = other.support_more
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
        if not _apply(clause, owners, state, implicit):
            return None
    if not owners.names_units and not owners.due:
        return None
    owners.lead_more = state.lead_etc and not owners.support
    owners.support = [name for name in owners.support if name not in owners.lead]
    return owners


@dataclass
class _State:
    lead_etc: bool = False
    roles_seen: int = 0


def _clauses(content: str) -> list[str]:
    """Clauses of a group: split on ；, then on ， after a role word or before a label."""
    clauses: list[str] = []
    for segment in split_top_level(content, "；;"):
        pending = ""
        for piece in split_top_level(segment, "，,"):
            if _LABEL_RE.match(piece) and pending:
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
    """牵头单位：… leads; 责任单位：… leads, or supports when a 牵头单位 is named too."""
    kind, stored = next((k, w) for name, k, w in _LABELS if name == label)
    if kind == "due":
        owners.due.append(value)
        return True
    parsed = parse_group(value, implicit=True) if value else None
    if parsed is not None and (parsed.support or parsed.lead_word != "牵头"):
        owners.merge(parsed)  # a cell like 牵头单位：A牵头，B配合 names its own roles
        return True
    return _assign(value, _resolve(kind, owners), stored, owners, state)


def _apply_unlabelled(clause: str, owners: Owners, state: _State, implicit: bool) -> bool:
    """A list with no role word: the lead when allowed, supporting units after a lead."""
    if owners.lead and state.roles_seen:
        return _assign(clause, "support", owners.support_word, owners, state)
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
        return "support" if owners.lead else "lead"
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
        # 责任单位：A（牵头）、B、C — the marked unit leads, the others support it
        target = _marker_role(marker) or ("support" if marked_lead else role)
        names = owners.lead if target == "lead" else owners.support
        if name not in names:
            names.append(name)
        if target == "lead":
            state.lead_etc |= more
        else:
            owners.support_more |= more
    if role == "lead" and word == "负责" and not marked_lead:
        owners.lead_word = "负责"
    elif role == "support" and word != "配合" and owners.support_word == "配合":
        owners.support_word = word
    return True


def _marker_role(marker: str | None) -> str | None:
    if marker is None:
        return None
    return "lead" if marker in ("牵头", "负责") else "support"


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
    pieces = split_top_level(_CONJUNCTIONS.sub("、", text.strip()), "、，,/／\n ")
    for piece in pieces:
        name = strip_end_mark(piece).strip()
        if name.startswith("由"):
            name = name[1:]
        marker = _MARKER.search(name)
        if marker:
            name = name[: marker.start()]
        more = _MORE.search(name)
        if more:
            name = name[: more.start()]
        if name:
            units.append((wide_parens(name), marker[1] if marker else None, bool(more)))
        elif more and units:
            units[-1] = (units[-1][0], units[-1][1], True)
    return units


def looks_like_unit(name: str, *, strict: bool = False) -> bool:
    """A plausible organisation name: short, no sentence marks, a unit-like ending.

    `strict` (for a bracket with no role word) also wants three characters or more.
    """
    if not 2 <= len(name) <= _MAX_UNIT or any(c in _NOT_IN_UNIT for c in name):
        return False
    if name in _NOT_UNITS or (strict and len(name) < 3):
        return False
    bare = re.sub(r"（[^（）]*）", "", name)
    return bool(bare) and (bool(_UNIT_END.search(bare)) or "有关" in bare or "相关" in bare)


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
    return (text[: cut + 1], owners) if owners is not None else None
