"""A document of the 督查室 as data: what the Markdown, HTML, Word and PDF writers print.

Two layouts (`layout`): `gongwen`, a GB/T 9704-2012 document (版头 with the 发文机关标志
and 发文字号 over the red rule, title, 主送机关, body, 附件说明, signature and date, 版记),
and `jianbao`, the serial 督查简报 (the masthead in large red type, 第N期, the issuing
office and the date left and right above a red rule, then the title and the body; its
报送 / 抄送 lines close it like a 版记). Attachments are tables on pages of their own.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, TypeAlias

Layout: TypeAlias = Literal["gongwen", "jianbao"]
LAYOUTS: tuple[Layout, ...] = ("gongwen", "jianbao")


@dataclass(frozen=True)
class Block:
    """A heading (一、 黑体; （一） 楷体) or a paragraph of body text."""

    kind: Literal["heading", "paragraph"]
    text: str
    level: int = 1


@dataclass(frozen=True)
class AttachmentTable:
    label: str  # 附件1
    title: str  # 逾期未完成事项
    columns: tuple[str, ...]
    widths: tuple[int, ...]  # in characters, summing to the 版心's 28 or less
    rows: tuple[tuple[str, ...], ...]
    empty: str = "无。"  # printed instead of an empty table


@dataclass(frozen=True)
class Paper:
    layout: Layout
    kind: Literal["bulletin", "urge"]
    issuer: str  # the office; 发文机关署名
    mark: str  # 发文机关标志 (gongwen) or the masthead (督查简报)
    doc_number: str  # 发文字号 (gongwen), may be empty
    serial: str  # 第7期 (jianbao)
    title: str
    recipients: str  # 主送机关, joined and ending with ：
    blocks: tuple[Block, ...]
    attachments: tuple[AttachmentTable, ...]
    date: datetime.date
    cc: str = ""  # 抄送, joined, ending with 。
    as_of_note: str = ""  # 数据截至 2012年7月12日
    # The repository whose fonts/ folder serves the faces (PDF, and Word's layout probe).
    repository: Path | None = None

    @property
    def date_words(self) -> str:
        from planctl.chinese import date_cn

        return date_cn(self.date)

    @property
    def attachment_names(self) -> tuple[str, ...]:
        return tuple(table.title for table in self.attachments)
