"""Phrases a line must never break inside, such as a deadline (2023年6月底前) in a table cell.

Chinese text may break between any two characters, so a narrow 完成时限 column printed
2023年6月底 / 前. Each format keeps a phrase whole its own way: HTML and Typst wrap it
in a no-wrap box; Word has no such box in a fixed-width table cell, so the phrase's
characters are joined with U+2060 WORD JOINER, which forbids a break between them
(Unicode line breaking, class WJ) and prints nothing.
"""

from __future__ import annotations

WORD_JOINER = "\u2060"


def joined(phrase: str) -> str:
    """`phrase` with a word joiner between every two characters (and none at the ends, so
    the phrase may still break from the text around it)."""
    return WORD_JOINER.join(phrase)


def without_joiners(text: str) -> str:
    """`text` as a reader sees it: the joiners taken out again."""
    return text.replace(WORD_JOINER, "")
