"""The notice as PDF, typeset by Typst from the page model, the plan text passed as JSON.

Typst never sees plan text as markup: everything arrives in `sys.inputs.data` and the
templates in `planctl/render/typst/` place it as text. Two passes decide what Typst's
own introspection cannot decide stably:

1. a probe pass reports where the content ends, how tall the 版记 is and where the
   signature lands;
2. Python chooses: the 版记 on this page, on the next (even) page, or after a blank page
   (§7.5: then neither page is numbered); and, when the signature and date would stand
   alone on a page, the closer line pitch from which paragraph on (§7.3.5), or, where
   no pitch will do, the last paragraph moved to the signature's page (`keep`);
3. the final pass typesets with those choices.

Fonts come from `planctl.fonts`; a character no face can print stops the render.

The table documents (责任分工表, 分工清单, 修订对照表) are typeset on landscape pages by
`tables.typ`: on their own (`table_pdf`, `table-document.typ`), or bound into the notice
after the plan (`annex_data`), where the 版记 then takes a portrait page of its own.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

from planctl import fonts as font_roles
from planctl.errors import PdfError
from planctl.i18n import _
from planctl.render.context import NoticeView, PlanView, SectionView, TaskView
from planctl.render.page_model import PAGE, PageModel, mm_to_pt
from planctl.render.table import Segment, Table, TableDocument, column_widths
from planctl.render.table import lines as table_lines

TEMPLATES = Path(__file__).resolve().parent / "typst"
DRAFT_MARKS = {"draft": "征求意见稿", "review": "送审稿"}
# The closest a squeezed page may set its lines (§7.3.5), as a share of the pitch.
TIGHTEST_PITCH = 0.8


@dataclass(frozen=True)
class Probe:
    """What the probe pass found, positions in points from the page's top."""

    marks: Sequence[Mapping[str, Any]]

    def first(self, name: str) -> Mapping[str, Any]:
        return next(mark for mark in self.marks if mark["name"] == name)

    def all(self, name: str) -> list[Mapping[str, Any]]:
        return [mark for mark in self.marks if mark["name"] == name]


def notice_pdf(
    notice: NoticeView,
    plan: PlanView,
    *,
    stage: str,
    fonts: font_roles.FontSet,
    deadlines: bool = False,
    sealed: bool = False,
    annex: TableDocument | None = None,
    model: PageModel = PAGE,
) -> bytes:
    """The 印发通知 and its attachment as PDF bytes; `annex`, the 责任分工表, bound in after
    the plan on landscape pages."""
    data = notice_data(notice, plan, stage=stage, deadlines=deadlines, sealed=sealed, model=model)
    add_annex(data, notice, annex, model)
    data["fonts"] = font_spec(fonts)
    require_glyphs(data, fonts)
    data["layout"] = decide(data, fonts, model)
    return compile_pdf("notice.typ", data, fonts)


# --- the data Typst reads ----------------------------------------------------------------


def notice_data(
    notice: NoticeView,
    plan: PlanView,
    *,
    stage: str,
    deadlines: bool,
    sealed: bool,
    model: PageModel,
) -> dict[str, Any]:
    header = model.header_lines(notice.mark_size_pt, has_doc_number=bool(notice.doc_number))
    signer_indent, date_indent = signature_indents(notice, sealed, model)
    return {
        "title": "".join(notice.title_lines),
        "page": model.as_dict(),
        "draft_mark": DRAFT_MARKS.get(stage, ""),
        "header": {
            "mark_size_pt": header.mark_size_pt,
            "doc_number_line": header.doc_number,
            "rule_y_pt": header.rule_y_pt,
            "title_line": header.title,
        },
        "notice": {
            "mark": notice.mark,
            "doc_number": notice.doc_number,
            "title_lines": list(notice.title_lines),
            "recipients": notice.recipients,
            "paragraphs": list(notice.paragraphs),
            "attachments": list(notice.attachments),
            "signer": notice.signer,
            "date": notice.date,
            "sealed": sealed,
            "signer_indent": signer_indent,
            "date_indent": date_indent,
            "note": notice.note,
        },
        "attachments": [
            {
                "label": notice.attachment_label,
                "title_lines": list(plan.title_lines),
                "blocks": list(plan_blocks(plan, model, deadlines=deadlines)),
            }
        ],
        "imprint": {"rows": imprint_rows(notice)},
        "layout": {"imprint": "probe", "unnumbered": [], "squeeze": None, "keep": None},
    }


def signature_indents(notice: NoticeView, sealed: bool, model: PageModel) -> tuple[float, float]:
    """Right indents in cells: unsealed as the view has them; sealed, the date four cells
    from the right and the signature centred over it."""
    if not sealed:
        return notice.signer_indent, notice.date_indent
    date_right = float(model.closing.sealed_date_right_cells)
    signer_width = _width(notice.signer)
    return date_right + (_width(notice.date) - signer_width) / 2, date_right


def _width(text: str) -> float:
    from planctl import chinese

    return chinese.display_width(text) / 2


def plan_blocks(plan: PlanView, model: PageModel, *, deadlines: bool) -> Iterable[dict[str, Any]]:
    """The plan's text as headings and paragraphs of role-tagged runs."""
    roles = model.body.heading_roles
    for part in plan.preamble:
        if part.title:
            yield _heading(part.number + part.title, roles[0])
        for text in part.paragraphs:
            yield _paragraph([(text, model.body.role)])
    for entry in plan.entries:
        yield from _entry_blocks(entry, roles, model.body.role, deadlines)


def _entry_blocks(
    entry: SectionView | TaskView, roles: Sequence[str], body: str, deadlines: bool
) -> Iterable[dict[str, Any]]:
    """A task, or a section with its tasks and sub-sections in the document's order."""
    if isinstance(entry, TaskView):
        yield from _task_blocks(entry, roles, body, deadlines)
        return
    yield _heading(entry.heading, roles[min(entry.level, len(roles)) - 1])
    for text in entry.paragraphs:
        yield _paragraph([(text, body)])
    for inner in entry.entries:
        yield from _entry_blocks(inner, roles, body, deadlines)


def _task_blocks(
    task: TaskView, roles: Sequence[str], body: str, deadlines: bool
) -> Iterable[dict[str, Any]]:
    heading_role = roles[min(task.level, len(roles)) - 1]
    texts = list(task.paragraphs) or [""]
    owners = owners_with_deadline(task) if deadlines else task.owners
    for index, text in enumerate(texts):
        runs: list[tuple[str, str]] = []
        if index == 0 and (task.number or task.heading):
            runs.append((task.number + task.heading, heading_role))
        last = index == len(texts) - 1
        runs.append((text + (owners if last else ""), body))
        yield _paragraph(runs)


def owners_with_deadline(task: TaskView) -> str:
    """（市发展改革局牵头，市财政局配合；2023年6月底前完成）"""
    inside = task.owners[1:-1] if task.owners else ""
    if task.due:
        due = task.due if task.due.endswith("完成") else task.due + "完成"
        inside = f"{inside}；{due}" if inside else due
    return f"（{inside}）" if inside else ""


def _heading(text: str, role: str) -> dict[str, Any]:
    return {"kind": "heading", "text": text, "role": role}


def _paragraph(runs: Sequence[tuple[str, str]]) -> dict[str, Any]:
    return {"kind": "paragraph", "runs": [{"text": t, "role": r} for t, r in runs if t]}


def imprint_rows(notice: NoticeView) -> list[dict[str, str]]:
    rows = []
    if notice.keywords:
        rows.append({"kind": "labelled", "label": "主题词：", "text": notice.keywords})
    if notice.cc:
        rows.append({"kind": "labelled", "label": "抄送：", "text": notice.cc})
    if notice.printer or notice.printed:
        rows.append({"kind": "pair", "left": notice.printer, "right": notice.printed})
    return rows


def font_spec(fonts: font_roles.FontSet) -> dict[str, dict[str, Any]]:
    return {
        role: {"families": list(choice.families), "weight": choice.weight}
        for role, choice in fonts.choices.items()
    }


# --- fonts: refuse rather than print boxes ---------------------------------------------------


def require_glyphs(data: Mapping[str, Any], fonts: font_roles.FontSet) -> None:
    """Stop when a character of the document has no glyph in any face of its role."""
    require_role_glyphs(texts_by_role(data), fonts)


def require_role_glyphs(texts: Mapping[str, str], fonts: font_roles.FontSet) -> None:
    """Stop when a character of `texts` (by role) has no glyph in any face of its role."""
    for role, text in texts.items():
        missing = fonts.missing(text, role)
        if missing:
            raise PdfError(
                _("no installed font can print {characters} ({role})").format(
                    characters=" ".join(f"{c} U+{ord(c):04X}" for c in missing[:10]),
                    role=font_roles.ROLE_NAMES[role],
                ),
                hint=_(
                    "install a font that has them (an office's 仿宋_GB2312 or Noto Serif "
                    "CJK SC, Debian fonts-noto-cjk), or put one in the repository's fonts/ "
                    "folder; `planctl fonts` lists what is used"
                ),
            )


def texts_by_role(data: Mapping[str, Any]) -> dict[str, str]:
    """All text of the document, by the role that prints it."""
    page, notice = data["page"], data["notice"]
    found: dict[str, list[str]] = {role: [] for role in font_roles.ROLES}
    found[page["mark"]["role"]].append(notice["mark"])
    found[page["header"]["title_role"]].extend(notice["title_lines"])
    found["heiti"].append(data.get("draft_mark", ""))
    found["fangsong"].extend(
        [
            notice["doc_number"],
            notice["recipients"],
            *notice["paragraphs"],
            *notice["attachments"],
            notice["signer"],
            notice["date"],
            notice["note"],
            "附件：0123456789.",
        ]
    )
    for attachment in data["attachments"]:
        found[page["attachment"]["label_role"]].append(attachment["label"])
        found[page["header"]["title_role"]].extend(attachment["title_lines"])
        for block in attachment["blocks"]:
            runs = block["runs"] if block["kind"] == "paragraph" else [block]
            for run in runs:
                found[run["role"]].append(run["text"])
    for row in data["imprint"]["rows"]:
        found[page["imprint"]["role"]].extend(v for k, v in row.items() if k != "kind")
    found[page["page_number"]["role"]].append("— 0123456789 —")
    for annex in data.get("annexes", ()):
        for role, text in table_texts(annex["document"]).items():
            found[role].append(text)
    return {role: "".join(texts) for role, texts in found.items()}


# --- the passes -------------------------------------------------------------------------------


def probe(data: Mapping[str, Any], fonts: font_roles.FontSet) -> Probe:
    compiler = _compiler("notice.typ", data, fonts)
    result = _typst_call(lambda: compiler.query("<probe>", field="value"))
    return Probe(json.loads(result))


def decide(data: Mapping[str, Any], fonts: font_roles.FontSet, model: PageModel) -> dict[str, Any]:
    """The layout choices for the final pass (see the module docstring)."""
    found = probe(data, fonts)
    layout: dict[str, Any] = {"imprint": "probe", "unnumbered": [], "squeeze": None, "keep": None}
    if _signature_alone(found):
        layout.update(keep_signature_with_text(found, data, fonts, model))
        found = probe({**data, "layout": layout}, fonts)
    layout.update(imprint_place(found, data, model))
    return layout


def keep_signature_with_text(
    found: Probe, data: Mapping[str, Any], fonts: font_roles.FontSet, model: PageModel
) -> dict[str, Any]:
    """§7.3.5: the signature and date would start a page of their own. Set the lines of
    the text's last page closer (from the first paragraph that starts on it, or else from
    the one running onto it), tightening until the block stays; where no pitch down to
    `TIGHTEST_PITCH` will do, move the last paragraph over to the signature's page."""
    for whole_page in (False, True):
        for spare in range(3):  # line counts are estimates: tighten until the block stays
            squeeze = squeeze_for(found, data, model, spare=spare, whole_page=whole_page)
            if squeeze is None:
                break
            choice = {"squeeze": squeeze, "keep": None}
            # The squeeze moves text: where the content ends is asked again.
            trial = {**data["layout"], **choice}
            if not _signature_alone(probe({**data, "layout": trial}, fonts)):
                return choice
    last = len(data["notice"]["paragraphs"]) - 1
    return {"squeeze": None, "keep": last if last > 0 else None}


def imprint_place(found: Probe, data: Mapping[str, Any], model: PageModel) -> dict[str, Any]:
    """版记 on an even last page: here, on the next page, or after a blank page (§7.5)."""
    if not data["imprint"]["rows"]:
        return {"imprint": "here", "unnumbered": []}
    if found.all("annex-end"):
        return imprint_after_annex(found, model)
    end = found.first("content-end")
    height = float(found.first("imprint-height")["height"])
    bottom = mm_to_pt(model.paper.top_mm + model.paper.block_height_mm)
    room = bottom - float(end["y"]) - model.grid.pitch_pt  # a line of air above the 版记
    page = int(end["page"])
    if page % 2 == 0 and room >= height - 0.01:
        return {"imprint": "here", "unnumbered": []}
    if page % 2 == 1:
        return {"imprint": "next", "unnumbered": []}
    if model.page_number.unnumbered_after_blank:
        return {"imprint": "blank", "unnumbered": [page + 1, page + 2]}
    return {"imprint": "blank", "unnumbered": []}


def _signature_alone(found: Probe) -> bool:
    return int(found.first("signature-end")["page"]) != int(found.first("text-end")["page"])


def squeeze_for(
    found: Probe,
    data: Mapping[str, Any],
    model: PageModel,
    *,
    spare: int = 0,
    whole_page: bool = False,
) -> dict[str, Any] | None:
    """When the signature block starts a page of its own, the pitch that keeps it with the
    text: paragraphs from the first one on that text's last page are set closer (with
    `whole_page`, from the one running onto that page, so its top lines close up too)."""
    before = found.first("text-end")
    if not _signature_alone(found):
        return None
    page = int(before["page"])
    grid = model.grid
    top = mm_to_pt(model.paper.top_mm)
    paragraphs = found.all("paragraph")
    starts = [m for m in paragraphs if int(m["page"]) == page]
    if starts and not whole_page:
        first, start_y = int(starts[0]["index"]), float(starts[0]["y"])
    else:
        running = [m for m in paragraphs if int(m["page"]) < page]
        if not running:
            return None
        first, start_y = int(running[-1]["index"]), top
    lines = round((float(before["y"]) - start_y) / grid.pitch_pt)
    closing = model.closing
    notice = data["notice"]
    blank = (
        closing.sealed_lines_before_signature
        if notice["sealed"]
        else closing.lines_before_signature
    )
    attachments = closing.lines_before_attachments + _attachment_lines(notice["attachments"])
    needed = lines + attachments + blank + 2 + (1 if notice["note"] else 0) + spare
    room = top + mm_to_pt(model.paper.block_height_mm) - start_y
    pitch = room / needed
    if pitch < TIGHTEST_PITCH * grid.pitch_pt:
        return None
    return {"from": first, "pitch_pt": pitch}


def _attachment_lines(names: Sequence[str]) -> int:
    cells = PAGE.grid.cells - PAGE.closing.attachments_indent_cells - 4
    return sum(-(-int(2 * _width(name)) // (2 * cells)) for name in names)


def line_breaks(data: Mapping[str, Any], fonts: font_roles.FontSet) -> dict[str, tuple[int, ...]]:
    """Where Typst broke the lines of each paragraph: paragraph text -> the offsets (code
    points) that begin its second, third … line.

    A pass with `layout.trace` reports where each paragraph's first line is (a tag at its
    start, which changes nothing of the layout), and the same pass as SVG gives every
    line's glyphs; a paragraph's lines are the lines from its first one down, one glyph
    a character. A paragraph whose glyphs do not add up to its text (a ligature, a box),
    or a text set in two places with different breaks, is left out: its lines are then
    the reader's own."""
    traced = {**data, "layout": {**data["layout"], "trace": True}}
    starts = probe(traced, fonts).first("paragraph-starts")["marks"]
    rows = [_glyph_rows(page) for page in compile_svg("notice.typ", traced, fonts)]
    texts = traced_texts(data)
    paper = data["page"]["paper"]
    bottom = mm_to_pt(paper["top_mm"] + paper["block_height_mm"])
    found: dict[str, tuple[int, ...]] = {}
    clashes: set[str] = set()
    for key, page, y, x in starts:
        text = texts.get(str(key))
        if not text:
            continue
        breaks = _breaks_from(rows, int(page) - 1, float(y), float(x), text, bottom)
        if breaks is None or found.get(text, breaks) != breaks:
            clashes.add(text)
            continue
        found[text] = breaks
    return {text: breaks for text, breaks in found.items() if text not in clashes}


_SVG = "{http://www.w3.org/2000/svg}"
_TRANSFORM = re.compile(r"(translate|matrix)\(([^)]*)\)")


def _glyph_rows(svg: bytes) -> list[tuple[float, list[float]]]:
    """A page's lines of text, top down: (baseline, the x of each glyph), in points; runs
    in different faces whose baselines lie within half a point make one line."""
    from xml.etree import ElementTree

    glyphs: list[tuple[float, float]] = []  # (baseline, x)

    def walk(element: Any, dx: float, dy: float) -> None:
        if element.tag == _SVG + "defs":
            return
        transform = _TRANSFORM.match(element.get("transform", ""))
        if transform:
            numbers = [float(n) for n in transform.group(2).replace(",", " ").split()]
            if transform.group(1) == "translate":
                dx, dy = dx + numbers[0], dy + (numbers[1] if len(numbers) > 1 else 0.0)
            elif numbers[:4] == [1, 0, 0, -1]:  # a run of text: glyphs along its baseline
                x, y = dx + numbers[4], dy + numbers[5]
                glyphs.extend(
                    (y, x + float(use.get("x", "0"))) for use in element.iter(_SVG + "use")
                )
                return
        for child in element:
            walk(child, dx, dy)

    # Typst's own SVG of a document planctl built: no entities, no external references.
    walk(ElementTree.fromstring(svg), 0.0, 0.0)
    rows: list[tuple[float, list[float]]] = []
    for y, x in sorted(glyphs):
        if not rows or y - rows[-1][0] >= 0.5:
            rows.append((y, []))
        rows[-1][1].append(x)
    return rows


def _breaks_from(
    pages: Sequence[Sequence[tuple[float, list[float]]]],
    page: int,
    y: float,
    x: float,
    text: str,
    bottom: float,
) -> tuple[int, ...] | None:
    """The offsets that begin each line of a paragraph of `text` whose first character is
    at (`x`, baseline `y`) on `page`, its lines those above `bottom` (the 版心's bottom
    edge: page numbers lie below it); None when the glyphs do not add up."""
    lines = [
        [g for g in xs if g >= x - 0.5] if abs(row_y - y) < 0.5 else xs
        for row_y, xs in pages[page]
        if y - 0.5 < row_y < bottom
    ]
    lines += [xs for later in pages[page + 1 :] for row_y, xs in later if row_y < bottom]
    breaks: list[int] = []
    count = 0
    for glyphs in lines:
        count += len(glyphs)
        if count >= len(text):
            return tuple(breaks) if count == len(text) else None
        breaks.append(count)
    # A one-line paragraph whose blanks (　) print no glyph.
    if not breaks and count == len(text.replace("　", "").replace(" ", "")):
        return ()
    return None


def traced_texts(data: Mapping[str, Any]) -> dict[str, str]:
    """The text of every paragraph the template traces, by its trace key."""
    notice = data["notice"]
    texts = {"recipients": notice["recipients"]}
    texts.update({f"notice.{i}": text for i, text in enumerate(notice["paragraphs"])})
    texts.update({f"annex.{i}": name for i, name in enumerate(notice["attachments"])})
    for number, attachment in enumerate(data["attachments"]):
        for index, block in enumerate(attachment["blocks"]):
            runs = block["runs"] if block["kind"] == "paragraph" else [block]
            texts[f"block.{number}.{index}"] = "".join(run["text"] for run in runs)
    for index, row in enumerate(data["imprint"]["rows"]):
        if row["kind"] == "labelled":
            texts[f"imprint.{index}"] = row["label"] + row["text"]
    return texts


def typst_data(data: Mapping[str, Any]) -> str:
    """The document's data as the JSON the templates read: plan text only ever as
    strings, without the invisible controls that would reorder the text around them on
    the page (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F)."""
    return json.dumps(data, ensure_ascii=False).translate(_DIRECTION_CONTROLS)


_DIRECTION_CONTROLS = dict.fromkeys(
    [*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F]
)


def compile_svg(template: str, data: Mapping[str, Any], fonts: font_roles.FontSet) -> list[bytes]:
    """The pages as SVG: each line's glyphs, where they are (the line-break trace)."""
    import typst

    result = _typst_call(
        lambda: typst.compile(
            str(TEMPLATES / template),
            root=str(TEMPLATES),
            font_paths=[str(folder) for folder in fonts.folders],
            ignore_system_fonts=True,
            sys_inputs={"data": typst_data(data)},
            format="svg",
        )
    )
    return list(result) if isinstance(result, list) else [result]


def compile_pdf(template: str, data: Mapping[str, Any], fonts: font_roles.FontSet) -> bytes:
    compiler = _compiler(template, data, fonts)
    result = _typst_call(lambda: compiler.compile(format="pdf"))
    assert isinstance(result, bytes)
    return result


def _compiler(template: str, data: Mapping[str, Any], fonts: font_roles.FontSet) -> Any:
    import typst

    return typst.Compiler(
        str(TEMPLATES / template),
        root=str(TEMPLATES),
        font_paths=_font_book(tuple(str(folder) for folder in fonts.folders)),
        ignore_system_fonts=True,
        sys_inputs={"data": typst_data(data)},
    )


@cache
def _font_book(folders: tuple[str, ...]) -> Any:
    """The faces of `folders`, read once per process and shared by every pass: each face
    is parsed on first use, and a CJK face is tens of megabytes (loading them for each
    pass took most of a notice's time)."""
    import typst

    return typst.Fonts(include_system_fonts=False, font_paths=list(folders))


def _typst_call(call: Any) -> Any:
    import typst

    try:
        return call()
    except typst.TypstError as error:
        raise PdfError(
            _("Typst could not typeset the document: {message}").format(message=error.message),
            hint=_("this is a bug in planctl's templates; please report it with the plan"),
        ) from None


# --- landscape table pages ------------------------------------------------------------------


@dataclass(frozen=True)
class TableFrame:
    """A landscape A4 page for tables: margins in millimetres, type sizes in points, and
    where its page number goes (`number`)."""

    top_mm: float
    bottom_mm: float
    left_mm: float
    right_mm: float
    # "bottom": under the landscape 版心, outer side, as on a portrait page (a table
    # printed on its own); "portrait": where the notice's portrait pages have it once the
    # sheet is turned back (bound into the notice: GB/T 9704-2012 §8).
    number: Literal["bottom", "portrait"]
    page_width_mm: float = PAGE.paper.height_mm
    page_height_mm: float = PAGE.paper.width_mm
    text_pt: float = PAGE.tables.body_pt  # 小四
    heading_pt: float = PAGE.grid.body_pt  # 三号: a unit's name above its list
    note_pt: float = PAGE.tables.heading_pt  # 四号 楷体: the line under a title
    title_pt: float = PAGE.tables.title_pt  # 二号 小标宋
    title_pitch_pt: float = PAGE.grid.pitch_pt
    gap_pt: float = PAGE.tables.body_pt  # space between a title and its table
    line_pt: float = PAGE.tables.line_pt  # each line of a cell, exactly
    inset_x_pt: float = PAGE.tables.cell_inset_x_pt
    inset_y_pt: float = PAGE.tables.cell_inset_y_pt

    @property
    def block_width_pt(self) -> float:
        return mm_to_pt(self.page_width_mm - self.left_mm - self.right_mm)

    @property
    def title_columns(self) -> int:
        """Columns (a Chinese character is two) a title line may fill."""
        return int(self.block_width_pt / self.title_pt) * 2


def _bound_frame(model: PageModel = PAGE) -> TableFrame:
    """The portrait 版心 turned a quarter: its top toward the binding edge of an odd page
    (订口), so the 版心 keeps its 225 × 156 mm and the page number its place."""
    paper = model.paper
    return TableFrame(
        top_mm=paper.left_mm,
        bottom_mm=paper.right_mm,
        left_mm=paper.bottom_mm,
        right_mm=paper.top_mm,
        number="portrait",
    )


def _own_frame() -> TableFrame:
    """A table printed on its own: the margins of the Word tables (`gbt9704.TABLE_MARGINS`),
    so both formats wrap the same columns alike."""
    from planctl.render.gbt9704 import TABLE_MARGINS as margins

    return TableFrame(
        top_mm=margins.top,
        bottom_mm=margins.bottom,
        left_mm=margins.left,
        right_mm=margins.right,
        number="bottom",
    )


BOUND = _bound_frame()
OWN = _own_frame()


def table_pdf(
    document: TableDocument, *, fonts: font_roles.FontSet, stage: str = "issued"
) -> bytes:
    """A table document (责任分工表, 分工清单, 修订对照表) as landscape PDF pages; a plan not
    yet issued marks it 征求意见稿 or 送审稿 at the top right, as its notice."""
    draft_mark = DRAFT_MARKS.get(stage, "")
    data: dict[str, Any] = {
        "title": document.title,
        "draft_mark": draft_mark,
        "page": PAGE.as_dict(),
        "frame": asdict(OWN),
        "document": table_document_data(document, OWN),
        "layout": {"unnumbered": []},
        "fonts": font_spec(fonts),
    }
    _require_table_glyphs(data["document"], fonts)
    require_role_glyphs({"heiti": draft_mark}, fonts)
    return compile_pdf("table-document.typ", data, fonts)


def annex_data(document: TableDocument, label: str, model: PageModel = PAGE) -> dict[str, Any]:
    """A table bound into the notice as its 附件 `label`, on turned pages."""
    frame = _bound_frame(model)
    return {"frame": asdict(frame), "document": table_document_data(document, frame, label)}


def add_annex(
    data: dict[str, Any], notice: NoticeView, annex: TableDocument | None, model: PageModel
) -> None:
    """Bind `annex` into the notice's data as the attachment after the plan."""
    if annex is not None:
        data["annexes"] = [annex_data(annex, notice.annex_label, model)]


def imprint_after_annex(found: Probe, model: PageModel) -> dict[str, Any]:
    """After landscape pages the 版记 takes a portrait page of its own: the next one when
    the table ends on an odd page, else after a blank page (neither numbered, §7.5)."""
    page = int(found.all("annex-end")[-1]["page"])
    if page % 2 == 1:
        return {"imprint": "next", "unnumbered": []}
    unnumbered = [page + 1, page + 2] if model.page_number.unnumbered_after_blank else []
    return {"imprint": "blank", "unnumbered": unnumbered}


def table_document_data(
    document: TableDocument, frame: TableFrame, label: str = ""
) -> dict[str, Any]:
    """The document as plain data: title lines, and each table's columns (widths in
    points) and rows (cells as lines of segments)."""
    from planctl import chinese

    return {
        "label": label,
        "title_lines": chinese.balanced_lines(document.title, frame.title_columns),
        "subtitle": document.subtitle,
        "tables": [_table_data(table, frame) for table in document.tables],
    }


def _table_data(table: Table, frame: TableFrame) -> dict[str, Any]:
    widths = column_widths(table, frame.block_width_pt / frame.text_pt)
    scale = frame.block_width_pt / sum(widths)  # characters to points, filling the width
    return {
        "title": table.title,
        "note": table.note,
        "columns": [
            {"header": column.header, "align": column.align, "width_pt": width * scale}
            for column, width in zip(table.columns, widths, strict=True)
        ],
        "rows": [
            {
                "kind": row.kind,
                "level": row.level,
                "cells": [_cell_lines(cell.segments) for cell in row.cells],
            }
            for row in table.rows
        ],
    }


def _cell_lines(segments: Sequence[Segment]) -> list[list[dict[str, Any]]]:
    return [
        [{"text": s.text, "mark": s.mark, "keep": s.keep} for s in line]
        for line in table_lines(segments)
    ]


def table_texts(document: Mapping[str, Any]) -> dict[str, str]:
    """All text of a table document's data, by the role that prints it."""
    found: dict[str, list[str]] = {role: [] for role in font_roles.ROLES}
    found["heiti"].append(document["label"])
    found["xiaobiaosong"].extend(document["title_lines"])
    found["kaiti"].append(document["subtitle"])
    for table in document["tables"]:
        found["heiti"].append(table["title"])
        found["kaiti"].append(table["note"])
        found["heiti"].extend(column["header"] for column in table["columns"])
        for row in table["rows"]:
            base = "fangsong"
            if row["kind"] == "section":
                base = "heiti" if row["level"] <= 1 else "kaiti"
            for cell in row["cells"]:
                for line in cell:
                    for segment in line:
                        role = "heiti" if segment["mark"] == "strong" else base
                        found[role].append(segment["text"])
    found[PAGE.page_number.role].append("— 0123456789 —")
    return {role: "".join(texts) for role, texts in found.items()}


def _require_table_glyphs(document: Mapping[str, Any], fonts: font_roles.FontSet) -> None:
    require_role_glyphs(table_texts(document), fonts)
