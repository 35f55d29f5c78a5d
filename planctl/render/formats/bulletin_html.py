"""The 督查通报 in HTML: one self-contained page, every piece of text escaped."""

from __future__ import annotations

from html import escape

from planctl.supervision.document import AttachmentTable, Paper

_STYLE = """
body{font-family:"FangSong","仿宋","STFangsong",serif;font-size:16pt;line-height:1.8;
max-width:42em;margin:2em auto;padding:0 1em;color:#000}
.mark{color:#e00;text-align:center;font-family:"FZXiaoBiaoSong-B05S","SimSun",serif;
font-size:36pt;letter-spacing:.1em;margin:.5em 0}
.number,.serial{text-align:center}.rule{border-top:2px solid #e00;margin:.3em 0 1.5em}
.issued{display:flex;justify-content:space-between}
h1{font-family:"FZXiaoBiaoSong-B05S","SimSun",serif;font-size:22pt;text-align:center;
font-weight:normal}
h2{font-family:"SimHei","黑体",sans-serif;font-size:16pt;font-weight:normal;text-indent:2em;
margin:0}
p{text-indent:2em;margin:0}.plain{text-indent:0}.right{text-align:right}
table{border-collapse:collapse;width:100%;font-size:12pt;margin:.5em 0 1.5em}
th,td{border:1px solid #000;padding:.2em .4em;vertical-align:top}
th{font-family:"SimHei","黑体",sans-serif;font-weight:normal}
.imprint{border-top:1px solid #000;border-bottom:1px solid #000;margin-top:2em}
@media print{body{max-width:none}.attachment{break-before:page}}
"""


def paper(model: Paper) -> bytes:
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        f"<title>{escape(model.title)}</title><style>{_STYLE}</style></head><body>",
    ]
    if model.layout == "jianbao":
        parts.append(f'<div class="mark">{escape(model.mark)}</div>')
        parts.append(f'<div class="serial">{escape(model.serial)}</div>')
        parts.append(
            f'<div class="issued"><span>{escape(model.issuer)}</span>'
            f"<span>{escape(model.date_words)}</span></div>"
        )
    else:
        parts.append(f'<div class="mark">{escape(model.mark)}</div>')
        if model.doc_number:
            parts.append(f'<div class="number">{escape(model.doc_number)}</div>')
    parts.append('<div class="rule"></div>')
    parts.append(f"<h1>{escape(model.title)}</h1>")
    if model.recipients:
        parts.append(f'<p class="plain">{escape(model.recipients)}</p>')
    for block in model.blocks:
        tag = "h2" if block.kind == "heading" else "p"
        parts.append(f"<{tag}>{escape(block.text)}</{tag}>")
    for index, name in enumerate(model.attachment_names, start=1):
        label = "附件：" if index == 1 else "　　　"
        parts.append(f"<p>{label}{index}.{escape(name)}</p>")
    if model.layout == "gongwen":
        parts.append(f'<p class="right">{escape(model.issuer)}</p>')
        parts.append(f'<p class="right">{escape(model.date_words)}</p>')
    if model.cc:
        parts.append(f'<div class="imprint"><p class="plain">抄送：{escape(model.cc)}</p></div>')
    parts += [_table(table) for table in model.attachments]
    parts.append("</body></html>")
    return "\n".join(parts).encode("utf-8")


def _table(table: AttachmentTable) -> str:
    head = f'<section class="attachment"><p class="plain">{escape(table.label)}</p>'
    head += f"<h1>{escape(table.title)}</h1>"
    if not table.rows:
        return head + f"<p>{escape(table.empty)}</p></section>"
    header = "".join(f"<th>{escape(name)}</th>" for name in table.columns)
    rows = "".join(
        "<tr>" + "".join(f"<td>{escape(value)}</td>" for value in row) + "</tr>"
        for row in table.rows
    )
    return head + f"<table><thead><tr>{header}</tr></thead><tbody>{rows}</tbody></table></section>"
