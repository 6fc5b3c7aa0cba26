"""A page printed in Traditional script is given back in Traditional script.

Why: RapidOCR's recogniser (PP-OCRv4) was trained mostly on Simplified text. On a Traditional page it
returns many characters in their Simplified form even where its dictionary has the Traditional one
(號 read 号, 戶 read 户, 稅 read 税): on the four tuning sets that was a third of all character errors
left once photos were flattened. The page's script shows in what is read all the same: the Traditional-
only characters it does return (車, 關, 證, 號 ...). Measured on the 858 pages of the tuning sets, a
Simplified page's reading has at most 1 % of its script-specific characters Traditional, a Traditional
page's at least 40 %: a page past TRADITIONAL_SHARE is converted, character for character (boxes stay
true), with the table classification and extraction fold by (classify.hanzi).
Characters the recogniser cannot emit at all (輛, 簽, 議 ...) are dropped by it and stay dropped.
"""

from __future__ import annotations

from dossier.classify.hanzi import S2T, T2S, to_hant
from dossier.models import Word

TRADITIONAL_SHARE = 0.2  # of the script-specific characters read
MIN_TRADITIONAL = 3  # characters: a stray one on a Simplified page decides nothing
_HANS = frozenset(S2T) - frozenset(T2S)  # Simplified-only characters
_HANT = frozenset(T2S) - frozenset(S2T)  # Traditional-only characters


def traditional(words: list[Word]) -> bool:
    """Whether the page these words were read from is printed in Traditional script."""
    hant = sum(ch in _HANT for w in words for ch in w.text)
    hans = sum(ch in _HANS for w in words for ch in w.text)
    return hant >= MIN_TRADITIONAL and hant >= TRADITIONAL_SHARE * (hant + hans)


def in_page_script(words: list[Word]) -> list[Word]:
    """The words, in Traditional script when the page is a Traditional one; else as they are."""
    if not traditional(words):
        return words
    return [w.model_copy(update={"text": to_hant(w.text)}) for w in words]
