"""The 督查通报 and the 催办通知 (`planctl.supervision.document.Paper`) in Markdown, every
piece of text escaped for Markdown (plan and report text is data, never markup)."""

from __future__ import annotations

from planctl.render.markup import escape, heading
from planctl.supervision.document import AttachmentTable, Paper


def paper(model: Paper) -> bytes:
    lines: list[str] = []
    if model.layout == "jianbao":
        lines += [heading(model.mark, 1), "", escape(model.serial), ""]
        lines += [f"{escape(model.issuer)}　　{escape(model.date_words)}", "", "---", ""]
        lines += [heading(model.title, 2), ""]
    else:
        lines += [f"**{escape(model.mark)}**", ""]
        if model.doc_number:
            lines += [escape(model.doc_number), ""]
        lines += ["---", "", heading(model.title, 1), ""]
    if model.recipients:
        lines += [escape(model.recipients), ""]
    for block in model.blocks:
        lines += [heading(block.text, 2) if block.kind == "heading" else escape(block.text), ""]
    if model.attachments:
        names = "；".join(
            f"{index}. {escape(name)}" for index, name in enumerate(model.attachment_names, 1)
        )
        lines += [f"附件：{names}", ""]
    if model.layout == "gongwen":
        lines += [escape(model.issuer), "", escape(model.date_words), ""]
    if model.cc:
        lines += ["---", "", f"抄送：{escape(model.cc)}", ""]
    for table in model.attachments:
        lines += _table(table)
    return "\n".join(lines).rstrip("\n").encode("utf-8") + b"\n"


def _table(table: AttachmentTable) -> list[str]:
    lines = [heading(f"{table.label}　{table.title}", 2), ""]
    if not table.rows:
        return [*lines, escape(table.empty), ""]
    lines.append("| " + " | ".join(escape(name) for name in table.columns) + " |")
    lines.append("|" + "|".join("---" for _name in table.columns) + "|")
    for row in table.rows:
        cells = (escape(value).replace("\n", " ").replace("|", "\\|") for value in row)
        lines.append("| " + " | ".join(cells) + " |")
    return [*lines, ""]
