"""Approximate matching of short Chinese phrases (titles, labels) inside OCR text.

OCR misreads one character in five often enough (交车检查表 read as 交车检查夫) that exact matching
would misfile documents; edit distance over a sliding window tolerates that while keeping
near-identical titles of different types (接车检查单 vs 交车检查单) apart by score.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from dossier.classify.hanzi import RAPIDOCR_MISSING, T2S

_FOLD = str.maketrans(T2S)


@lru_cache(maxsize=8192)  # titles and labels are normalized over and over
def normalize(text: str) -> str:
    """Full-width to half-width, Traditional to Simplified, upper-case Latin, no white space or punctuation.

    Folding scripts matters beyond convenience: RapidOCR's dictionary lacks some Traditional
    characters and returns their Simplified forms, so a Traditional title is often read half-folded.
    """
    text = unicodedata.normalize("NFKC", text).upper().translate(_FOLD)
    return "".join(ch for ch in text if not ch.isspace() and ch not in "：:，,。.、;；()（）[]【】\"'“”‘’《》<>-_—·|/\\")


@lru_cache(maxsize=4096)
def reading_variants(phrase: str, shortest: int = 2) -> tuple[str, ...]:
    """`phrase` normalized, and as an engine that cannot emit some of its characters may read it: with
    any of them dropped (行駛證 is often read 行證; 損壞零件及車輛照片 as 損坏零件及車照片, one folded, one
    dropped). A variant counts only while it keeps `shortest` characters."""
    missing = [i for i, ch in enumerate(phrase) if ch in RAPIDOCR_MISSING][:4]  # at most 16 variants
    out = {normalize(phrase)}
    for mask in range(1, 1 << len(missing)):
        drop = {i for bit, i in enumerate(missing) if mask >> bit & 1}
        variant = normalize("".join(ch for i, ch in enumerate(phrase) if i not in drop))
        if len(variant) >= shortest:
            out.add(variant)
    return tuple(sorted(out, key=len, reverse=True))


@lru_cache(maxsize=4096)  # needles are the policy's titles and labels: a few hundred
def _chars(needle: str) -> frozenset[str]:
    return frozenset(needle)


def shares_enough(needle: str, chars: Iterable[str], min_score: float) -> bool:
    """Whether text made of `chars` can hold a window scoring `min_score` against `needle`: it must share
    enough of the needle's characters. A cheap test, before any edit distance is computed."""
    return len(_chars(needle).intersection(chars)) >= shared_needed(needle, min_score)


def shared_needed(needle: str, min_score: float) -> float:
    """How many of the needle's distinct characters `shares_enough` asks text to hold (callers testing
    many texts against one needle keep this and `frozenset(needle)`)."""
    return max(1, len(needle) * min_score - 1)


def window_match(needle: str, hay: str, min_score: float = 0.0) -> tuple[float, int, int]:
    """Best similarity (0..1) of `needle` against any window of `hay`, with the window's span.

    Both are expected already normalized. Windows of len(needle)-1 .. len(needle)+1 allow one
    dropped or inserted character. Similarity is 1 - edit distance / longer length.
    """
    n = len(needle)
    if not n or not hay:
        return 0.0, 0, 0
    i = hay.find(needle)
    if i >= 0:
        return 1.0, i, i + n
    if not shares_enough(needle, hay, min_score):
        return 0.0, 0, 0
    best = (0.0, 0, 0)
    for size in (n, n - 1, n + 1):
        if size <= 0:
            continue
        for start in range(0, max(1, len(hay) - size + 1)):
            window = hay[start : start + size]
            if window[0] not in needle and window[-1] not in needle:
                continue
            score = Levenshtein.normalized_similarity(needle, window)
            if score > best[0]:
                best = (score, start, start + len(window))
    return best
