"""The cover notice (印发通知) around a plan: its head before the plan, its 版记 after.

Head: [发文机关标志] [发文字号] 标题（…的通知） 主送机关： 正文 [附件：…] 署名 成文日期
[（此件公开发布）]. Closing lines, wherever they stand: 附件, 公开方式, 主题词, 抄送, and the
印发 line (印发机关 印发日期印发). Dates are read in both numeral styles.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import Any

from planctl.importer.lines import Line
from planctl.importer.owners import looks_like_unit
from planctl.importer.text import cn_digits, cn_number, normalize, split_top_level, wide_parens

_ARABIC_DATE = re.compile(r"([0-9]{4})\s*年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日")
_CHINESE_DATE = re.compile(
    r"([〇○零一二三四五六七八九Ｏ0]{4})年([一二三四五六七八九十]{1,2})月"
    r"([一二三四五六七八九十]{1,3})日"
)
_DOC_NUMBER = re.compile(
    r"(?P<number>\S{1,20}?[〔\[［【(（]\s*[0-9]{2,4}\s*[〕\]］】)）]\s*第?\s*"
    r"[0-9]{1,5}\s*号)(?P<rest>.*)"
)
_PRINTED = re.compile(
    r"(?P<printer>.+?)\s*(?P<date>[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日)\s*印\s*发。?"
)
_DISCLOSURE_NOTE = re.compile(r"[（(]此件(?P<how>.{0,8}公开.{0,6}|不予公开)[）)]")
_LABELLED = re.compile(
    r"(?P<label>公\s*开\s*方\s*式|主\s*题\s*词|抄\s*送|主\s*送)\s*[:：]\s*(?P<value>.*)"
)
_ATTACHMENT = re.compile(r"附\s*件\s*(?P<n>[0-9]*)\s*[:：]?\s*(?P<rest>.*)")
_LIST_NUMBER = re.compile(r"^[0-9]{1,2}\s*[.、．]\s*")
_TITLE_ENDS = ("通知", "通报")
_MAX_TITLE_LINES = 4
_MAX_NOTICE_LINES = 80
# Paragraphs a news site puts above a document it republishes (日前，…印发…。文件详情如下：).
_MAX_LEAD_IN = 6
_SHORT = 40


@dataclass
class NoticeParts:
    """What was read of the notice: its fields, the lines used, lines with no place."""

    fields: dict[str, Any] = field(default_factory=dict)
    used: set[int] = field(default_factory=set)
    unplaced: list[tuple[Line, str]] = field(default_factory=list)

    def use(self, *lines: Line) -> None:
        self.used.update(line.index for line in lines)


def parse_date(text: str) -> tuple[datetime.date, str] | None:
    """A whole-line date in either numeral style: (date, "arabic" | "chinese")."""
    compact = text.replace(" ", "")
    if match := _ARABIC_DATE.fullmatch(compact):
        return _real_date([int(group) for group in match.groups()], "arabic")
    if match := _CHINESE_DATE.fullmatch(compact):
        numbers = [cn_digits(match[1]), cn_number(match[2]), cn_number(match[3])]
        return _real_date([n or 0 for n in numbers], "chinese")
    return None


def _real_date(numbers: list[int], style: str) -> tuple[datetime.date, str] | None:
    try:
        return datetime.date(*numbers), style
    except ValueError:  # 2023年2月30日 is no date
        return None


# --- the head -----------------------------------------------------------------------------


def read_head(lines: list[Line], parts: NoticeParts) -> int:
    """Read the notice at the start of `lines` into `parts`; return where the plan starts
    (0 when the document opens with no notice)."""
    start = _metadata(lines, parts)
    for lead_in in range(min(_MAX_LEAD_IN, len(lines) - start) + 1):
        if lead_in and not _is_lead_in(lines[start + lead_in - 1].text):
            break
        found = _notice_at(lines, start + lead_in, parts)
        if found is not None:
            for line in lines[start : start + lead_in]:
                parts.unplaced.append((line, "a republished page's lead-in, not the document's"))
                parts.use(line)
            return found
    return start


def _notice_at(lines: list[Line], start: int, parts: NoticeParts) -> int | None:
    """Read a notice that opens at `start`; where the plan starts, or None if none does."""
    position = start
    mark = _issuer_mark(lines, position)
    if mark:
        position += 1
    number = _doc_number(lines, position)
    if number:
        position += 1
    title_end = _title_end(lines, position)
    signature = _find_signature(lines, title_end) if title_end is not None else None
    if title_end is None or signature is None:
        return None
    if mark:
        parts.fields["issuer_mark"] = mark
        parts.use(lines[start])
    if number:
        _keep_doc_number(number, lines[position - 1], parts)
    title_lines = lines[position:title_end]
    parts.fields["title"] = "".join(line.text for line in title_lines)
    parts.use(*title_lines)
    return _read_body(lines, title_end, signature, parts)


# The 信息公开 table a government web page puts above a document.
_METADATA = re.compile(
    r"(?P<label>索\s*引\s*号|发文机关|发布机构|发文字号|文\s*号|标\s*题|成文日期|发布日期|主题分类|"
    r"体裁分类|组配分类|公文种类|有\s*效\s*性|生效日期|失效日期|信息分类|主\s*题\s*词)\s*[:：]\s*"
    r"(?P<value>.*)"
)


def _metadata(lines: list[Line], parts: NoticeParts) -> int:
    """Read the web page's metadata lines at the top; return where the document starts."""
    position = 0
    while position < len(lines) and (match := _METADATA.fullmatch(lines[position].raw)):
        label, value = match["label"].replace(" ", ""), match["value"].strip()
        if label in ("发文字号", "文号") and _DOC_NUMBER.fullmatch(value.replace(" ", "")):
            _keep_doc_number((value.replace(" ", ""), ""), lines[position], parts)
        elif label == "主题词" and value:
            _labelled(label, value, lines[position], parts)
        else:
            parts.unplaced.append((lines[position], "web page metadata with no place in a plan"))
            parts.use(lines[position])
        position += 1
    return position


def _is_lead_in(text: str) -> bool:
    """A line a page writes above a document: prose or a 全文如下： line, not a heading."""
    return _has_sentence_mark(text) or text.endswith(("：", ":"))


def _issuer_mark(lines: list[Line], position: int) -> str | None:
    text = lines[position].text if position < len(lines) else ""
    if text.endswith("文件") and len(text) <= _SHORT and not _has_sentence_mark(text):
        return text
    return None


def is_doc_number(text: str) -> bool:
    """A line that is only a 发文字号 (国办函〔2014〕31号)."""
    match = _DOC_NUMBER.fullmatch(text.replace(" ", ""))
    return match is not None and not match["rest"]


def _doc_number(lines: list[Line], position: int) -> tuple[str, str] | None:
    if position >= len(lines):
        return None
    match = _DOC_NUMBER.fullmatch(lines[position].raw.replace(" ", ""))
    return (match["number"], match["rest"]) if match else None


def _keep_doc_number(found: tuple[str, str], line: Line, parts: NoticeParts) -> None:
    from planctl.docnumber import DocNumberError, parse_doc_number

    number, rest = found
    try:
        parts.fields["doc_number"] = str(parse_doc_number(number))
    except DocNumberError as error:
        if error.suggestion is None:
            parts.unplaced.append((line, f"发文字号 not of the form 代字〔年份〕序号号: {error}"))
            return
        parts.fields["doc_number"] = error.suggestion
    parts.use(line)
    if rest:
        parts.unplaced.append((line, f"no place in the plan format for “{rest}”"))


def _title_end(lines: list[Line], position: int) -> int | None:
    joined = ""
    for end in range(position, min(position + _MAX_TITLE_LINES, len(lines))):
        joined += lines[end].text
        if joined.endswith(_TITLE_ENDS):
            return end + 1
        if _has_sentence_mark(lines[end].text):
            return None
    return None


def _find_signature(lines: list[Line], start: int) -> tuple[int, int] | None:
    """(signer line, date line) of the notice; the same line when both stand on one."""
    for index in range(start, min(start + _MAX_NOTICE_LINES, len(lines))):
        text = lines[index].raw
        if parse_date(text):
            first = index
            while first > start and _signs(lines[first - 1].text, first == index):
                first -= 1  # joint documents carry one signature per issuing organ
            return (first, index) if first < index else None
        if _signer_and_date(text):
            return index, index
    return None


def _signs(text: str, nearest: bool) -> bool:
    """A signature line: short, no sentence; above the nearest one, an organ's name."""
    if not text or len(text) > _SHORT or _has_sentence_mark(text):
        return False
    return nearest or looks_like_unit(text)


def _signer_and_date(text: str) -> tuple[str, tuple[datetime.date, str]] | None:
    match = re.fullmatch(
        r"(?P<signer>\S.{1,30}?)\s*(?P<date>[0-9〇○零一二三四五六七八九Ｏ]{4}\s*年.+日)", text
    )
    if match is None or _has_sentence_mark(match["signer"]):
        return None
    found = parse_date(match["date"])
    return (match["signer"], found) if found else None


def _read_body(
    lines: list[Line], start: int, signature: tuple[int, int], parts: NoticeParts
) -> int:
    signer_at, date_at = signature
    position = start
    if position < signer_at and lines[position].text.endswith("："):
        parts.fields["recipients"] = _names(lines[position].text[:-1], "，,；;")
        parts.use(lines[position])
        position += 1
    body: list[str] = []
    attachments: list[str] = []
    while position < signer_at:
        after = _attachment_lines(lines, position, signer_at, attachments, parts)
        if after == position:
            body.append(lines[position].text)
            parts.use(lines[position])
            after += 1
        position = after
    if body:
        parts.fields["body"] = "\n\n".join(body)
    if attachments:
        parts.fields["attachments"] = attachments
    _read_signature(lines, signer_at, date_at, parts)
    return _disclosure_note(lines, date_at + 1, parts)


def _read_signature(lines: list[Line], signer_at: int, date_at: int, parts: NoticeParts) -> None:
    if signer_at == date_at:
        found = _signer_and_date(lines[date_at].raw)
        assert found is not None
        signer, (date, style) = found
    else:
        signer = " ".join(line.text for line in lines[signer_at:date_at])
        dated = parse_date(lines[date_at].raw)
        assert dated is not None  # _find_signature chose this line for its date
        date, style = dated
    parts.fields.update(signer=signer, date=date.isoformat(), date_style=style)
    parts.use(*lines[signer_at : date_at + 1])


def _disclosure_note(lines: list[Line], position: int, parts: NoticeParts) -> int:
    if position < len(lines) and (match := _DISCLOSURE_NOTE.fullmatch(lines[position].text)):
        parts.fields["disclosure"] = _disclosure_words(match["how"])
        parts.use(lines[position])
        return position + 1
    return position


def _disclosure_words(how: str) -> str:
    return "主动公开" if how in ("公开发布", "主动公开", "公开") else how


# --- attachments and the closing lines -----------------------------------------------------


def _attachment_lines(
    lines: list[Line], position: int, end: int, names: list[str], parts: NoticeParts
) -> int:
    """Read 附件：1.… and the numbered names under it; return the position after them."""
    match = _ATTACHMENT.fullmatch(lines[position].text)
    if match is None or not match["rest"] or _has_sentence_mark(match["rest"]):
        return position
    names.append(_LIST_NUMBER.sub("", match["rest"]))
    parts.use(lines[position])
    position += 1
    while position < end and _is_attachment_name(lines[position].text):
        names.append(_LIST_NUMBER.sub("", lines[position].text))
        parts.use(lines[position])
        position += 1
    return position


def _is_attachment_name(text: str) -> bool:
    return bool(_LIST_NUMBER.match(text)) and not _has_sentence_mark(text) and len(text) <= 80


def read_closing(lines: list[Line], parts: NoticeParts) -> None:
    """Read 附件, 公开方式, 主题词, 抄送 and the 印发 line from `lines` (not yet used)."""
    attachments: list[str] = list(parts.fields.get("attachments", []))
    position = 0
    while position < len(lines):
        line = lines[position]
        if line.index in parts.used:
            position += 1
            continue
        after = _attachment_lines(lines, position, len(lines), attachments, parts)
        if after > position:
            position = after
            continue
        _closing_line(line, lines, parts)
        position += 1
    if attachments:
        parts.fields["attachments"] = list(dict.fromkeys(attachments))


def _last_text_line(line: Line, lines: list[Line]) -> bool:
    """A bare 附件 label closes the document (a label above the plan's title does not)."""
    return all(not other.text for other in lines if other.index > line.index)


def _closing_line(line: Line, lines: list[Line], parts: NoticeParts) -> None:
    if (match := _LABELLED.fullmatch(line.raw)) and match["value"].strip():
        _labelled(match["label"].replace(" ", ""), match["value"].strip(), line, parts)
    elif match := _PRINTED.fullmatch(line.raw):
        found = parse_date(match["date"])
        if found:
            parts.fields.update(printer=match["printer"].strip(), printed=found[0].isoformat())
            parts.use(line)
    elif match := _DISCLOSURE_NOTE.fullmatch(line.text):
        parts.fields.setdefault("disclosure", _disclosure_words(match["how"]))
        parts.use(line)
    elif re.fullmatch(r"附\s*件\s*[0-9]*\s*[:：]?", line.text) and _last_text_line(line, lines):
        parts.unplaced.append((line, "an attachment label with no attachment text"))
        parts.use(line)


def _labelled(label: str, value: str, line: Line, parts: NoticeParts) -> None:
    if label == "公开方式":
        parts.fields["disclosure"] = normalize(value)
    elif label == "主题词":
        parts.fields["keywords"] = list(dict.fromkeys(re.split(r"[\s、，,；;]+", value.strip())))
    elif label == "抄送":
        parts.fields["cc"] = _names(normalize(value), "、，,；;")
    elif label == "主送" and "recipients" not in parts.fields:
        parts.fields["recipients"] = _names(normalize(value), "，,；;")
    else:
        return
    parts.use(line)


def _names(text: str, separators: str) -> list[str]:
    names = [wide_parens(n.strip("。. ")) for n in split_top_level(text, separators)]
    return list(dict.fromkeys(n for n in names if n))


def _has_sentence_mark(text: str) -> bool:
    return any(mark in text for mark in "。；！？")


def is_complete(fields: dict[str, Any]) -> bool:
    """A notice needs at least its title, signer and date."""
    return all(key in fields for key in ("title", "signer", "date"))


NOTICE_ORDER = (
    "issuer_mark",
    "doc_number",
    "title",
    "recipients",
    "body",
    "attachments",
    "signer",
    "date",
    "date_style",
    "disclosure",
    "keywords",
    "cc",
    "printer",
    "printed",
)


def ordered(fields: dict[str, Any]) -> dict[str, Any]:
    return {key: fields[key] for key in NOTICE_ORDER if key in fields}
