"""The 督查通报 and the 催办通知 (`planctl.supervision.document.Paper`) typeset by Typst on
the GB/T 9704 page model, and the layout choices the Word writer shares with the PDF.

The data Typst reads (`paper_data`) holds every position already worked out here from
`planctl.render.page_model.PAGE` — the 版头 lines for the 公文 form, the masthead lines for
the 督查简报 (`JIANBAO`) — and every text as a JSON string. A probe pass says where the
content ends; `typeset.imprint_place` then puts the 版记 on an even last page (§7.5), as
for the notice.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from planctl.render import typeset
from planctl.render.page_model import PAGE, PageModel, mm_to_pt

if TYPE_CHECKING:
    from planctl import fonts as font_roles
    from planctl.supervision.document import Paper

TEMPLATE = "bulletin.typ"


@dataclass(frozen=True, slots=True)
class Jianbao:
    """The 督查简报's masthead (choices, after the 简报 offices print): the name in red
    小标宋 near the top of the 版心, 第N期 under it, the office left and the date right on
    one line, a red rule under them; the title two blank lines below the rule."""

    name_top_mm: float = 12.0  # from the 版心's top to the name's top edge
    name_pt: float = 56.0  # larger than a 标志: the masthead is the page's head
    name_tracking_pt: float = 14.0  # the four characters spread a little
    serial_line: int = 3  # 第N期, in grid lines from the 版心's top
    issued_line: int = 4  # the office and the date
    rule_gap_mm: float = 3.0  # the rule below their em box
    rule_mm: float = 1.0  # a heavier red rule than the 公文's 0.5 mm
    lines_after_rule: int = 2

    def rule_y_pt(self, model: PageModel = PAGE) -> float:
        grid = model.grid
        em_bottom = grid.line_top_pt(self.issued_line) + (grid.pitch_pt + grid.body_pt) / 2
        return em_bottom + mm_to_pt(self.rule_gap_mm)

    def title_line(self, model: PageModel = PAGE) -> int:
        pitch = model.grid.pitch_pt
        import math

        return math.ceil(round(self.rule_y_pt(model) / pitch, 6)) + self.lines_after_rule


JIANBAO = Jianbao()


def title_lines(title: str) -> list[str]:
    from planctl import chinese
    from planctl.render.context import TITLE_COLUMNS

    # A little room to spare: the digits of 2012年12月 are wider than half a character in
    # the 小标宋 faces, and a line that overflows by a hair would wrap a lone character.
    return chinese.balanced_lines(title, TITLE_COLUMNS - 2)


def mark_size(mark: str) -> float:
    from planctl import chinese
    from planctl.render import gbt9704

    return gbt9704.mark_size_pt(chinese.display_width(mark) / 2)


def signature_indents(signer: str, date: str) -> tuple[float, float]:
    from planctl.render.context import signature_indents as indents

    return indents(signer, date)


def imprint_rows(paper: Paper) -> list[dict[str, str]]:
    """抄送 and the 印发机关 / 印发日期 row."""
    rows = []
    if paper.cc:
        rows.append({"kind": "labelled", "label": "抄送：", "text": paper.cc})
    rows.append({"kind": "pair", "left": paper.issuer, "right": f"{paper.date_words}印发"})
    return rows


def paper_data(paper: Paper, model: PageModel = PAGE) -> dict[str, Any]:
    """Everything Typst places, positions worked out, text as strings."""
    size = mark_size(paper.mark) if paper.layout == "gongwen" else JIANBAO.name_pt
    header = model.header_lines(size, has_doc_number=bool(paper.doc_number))
    signed = paper.layout == "gongwen"
    signer_indent, date_indent = signature_indents(paper.issuer, paper.date_words)
    roles = model.body.heading_roles
    jianbao = asdict(JIANBAO) | {
        "rule_y_pt": JIANBAO.rule_y_pt(model),
        "title_line": JIANBAO.title_line(model),
    }
    return {
        "title": paper.title,
        "page": model.as_dict(),
        "jianbao": jianbao,
        "paper": {
            "layout": paper.layout,
            "mark": paper.mark,
            "mark_size_pt": size,
            "doc_number": paper.doc_number,
            "doc_number_line": header.doc_number,
            "rule_y_pt": header.rule_y_pt,
            "title_line": header.title if paper.layout == "gongwen" else jianbao["title_line"],
            "serial": paper.serial,
            "issuer": paper.issuer,
            "title_lines": title_lines(paper.title),
            "recipients": paper.recipients,
            "blocks": [
                {
                    "text": block.text,
                    "role": roles[block.level - 1] if block.kind == "heading" else "fangsong",
                }
                for block in paper.blocks
            ],
            "attachment_names": list(paper.attachment_names),
            "signer": paper.issuer if signed else "",
            "date": paper.date_words,
            "signer_indent": signer_indent,
            "date_indent": date_indent,
        },
        "attachments": [
            {
                "label": table.label,
                "title": table.title,
                "columns": list(table.columns),
                "widths": list(table.widths),
                "rows": [list(row) for row in table.rows],
                "empty": table.empty,
            }
            for table in paper.attachments
        ],
        "imprint": {"rows": imprint_rows(paper)},
        "layout": {"imprint": "probe", "unnumbered": [], "squeeze": None},
    }


def texts_by_role(data: Mapping[str, Any]) -> dict[str, str]:
    """All text of the document by the role that prints it (to refuse missing glyphs)."""
    page, paper = data["page"], data["paper"]
    found: dict[str, list[str]] = {}

    def add(role: str, *texts: str) -> None:
        found.setdefault(role, []).extend(texts)

    add(page["mark"]["role"], paper["mark"], *paper["title_lines"])
    add(
        "fangsong",
        paper["doc_number"],
        paper["serial"],
        paper["issuer"],
        paper["recipients"],
        paper["signer"],
        paper["date"],
        *paper["attachment_names"],
        "附件：0123456789.",
    )
    for block in paper["blocks"]:
        add(block["role"], block["text"])
    for table in data["attachments"]:
        add(page["attachment"]["label_role"], table["label"])
        add(page["header"]["title_role"], table["title"])
        add("heiti", *table["columns"])
        add("fangsong", table["empty"], *(value for row in table["rows"] for value in row))
    for row in data["imprint"]["rows"]:
        add(page["imprint"]["role"], *(v for k, v in row.items() if k != "kind"))
    add(page["page_number"]["role"], "— 0123456789 —")
    return {role: "".join(texts) for role, texts in found.items()}


def require_glyphs(data: Mapping[str, Any], fonts: font_roles.FontSet) -> None:
    """Stop when a character of the bulletin has no glyph in any face of its role."""
    typeset.require_role_glyphs(texts_by_role(data), fonts)


def probe(data: Mapping[str, Any], fonts: font_roles.FontSet) -> typeset.Probe:
    import typst

    result = typeset._typst_call(
        lambda: typst.query(
            str(typeset.TEMPLATES / TEMPLATE),
            "<probe>",
            field="value",
            root=str(typeset.TEMPLATES),
            font_paths=[str(folder) for folder in fonts.folders],
            ignore_system_fonts=True,
            sys_inputs={"data": typeset.typst_data(data)},
        )
    )
    return typeset.Probe(json.loads(result))


def laid_out(paper: Paper, fonts: font_roles.FontSet) -> tuple[dict[str, Any], typeset.Probe]:
    """The data with the 版记's place decided, and what the probe found."""
    data = paper_data(paper)
    data["fonts"] = typeset.font_spec(fonts)
    require_glyphs(data, fonts)
    found = probe(data, fonts)
    data["layout"] = {
        "imprint": "probe",
        "unnumbered": [],
        "squeeze": None,
    } | typeset.imprint_place(found, data, PAGE)
    return data, found


def paper_pdf(paper: Paper, fonts: font_roles.FontSet) -> bytes:
    data, _found = laid_out(paper, fonts)
    return typeset.compile_pdf(TEMPLATE, data, fonts)
