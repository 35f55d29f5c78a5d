"""Phrases a line must never break inside, such as a deadline (2023年6月底前) in a table cell.

Chinese text may break between any two characters, so a narrow 完成时限 column printed
2023年6月底 / 前. Each format keeps a phrase whole its own way: HTML and Typst wrap it
in a no-wrap box; Word has no such box in a fixed-width table cell, so the phrase's
characters are joined with U+2060 WORD JOINER, which forbids a break between them
(Unicode line breaking, class WJ) and prints nothing. A phrase that follows other text
is opened with U+200B ZERO WIDTH SPACE, a break opportunity: some programs never break
between a Chinese character and a digit (力争2023…), and with the phrase joined there
would be nowhere left to break the line.

LibreOffice's Chinese line breaker does not honour the joiner, so every writer also
keeps a column that holds such phrases at least as wide as the longest of them
(`planctl.render.table.column_widths`): a phrase that starts its cell then never breaks.
"""

from __future__ import annotations

WORD_JOINER = "\u2060"
BREAK_OPPORTUNITY = "\u200b"


def joined(phrase: str, *, after_text: bool = False) -> str:
    """`phrase` with a word joiner between every two characters, opened with a break
    opportunity when text comes before it on its line."""
    return (BREAK_OPPORTUNITY if after_text else "") + WORD_JOINER.join(phrase)


def without_joiners(text: str) -> str:
    """`text` as a reader sees it: the joiners and break opportunities taken out again."""
    return text.replace(WORD_JOINER, "").replace(BREAK_OPPORTUNITY, "")
