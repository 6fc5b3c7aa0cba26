"""Script folding for search: Traditional characters become Simplified, in documents and queries alike,
so that 車輛 finds 车辆 and 车辆 finds 車輛.

The table is OpenCC's own (the `opencc` package, its t2s, tw2s and hk2s conversions), taken character by
character: each character is converted alone, never as part of a phrase. That keeps two properties the
search contract needs. Folding is one character for one character, so offsets into folded text are
offsets into the original (snippets mark the document's own characters, search/tokenize.make_snippet). And
folding commutes with taking a substring (a phrase conversion may turn 乾 into 干 in one context and keep
it in another, so a folded query could miss its own words in a folded document).

Folding is for matching only: it over-merges a few characters that differ in meaning (乾/干, 後/后), which
costs a little precision and no recall; exact keys (normalize_key) are not folded.
"""

from __future__ import annotations

from functools import cache
from importlib.metadata import version

import opencc

# The Unified Ideographs blocks (compatibility ideographs are unified by NFKC before folding).
_RANGES = [(0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0x20000, 0x2A6DF), (0x2A700, 0x2EBEF), (0x30000, 0x3134F)]
_CONFIGS = ("t2s", "tw2s", "hk2s")  # the first that changes a character decides; the others add variants

# Part of the search index's token version (search/fts.TOKENS_VERSION): another OpenCC may fold otherwise.
FOLD_VERSION = f"t2s-chars opencc {version('opencc')}"


@cache
def table() -> dict[int, int]:
    """code point -> code point of every character that folds (about 4,000; built once, ~0.1 s)."""
    chars = [chr(i) for lo, hi in _RANGES for i in range(lo, hi + 1)]
    fold: dict[str, str] = {}
    for config in _CONFIGS:
        # One character a line: a phrase never spans a line break, so each is converted alone.
        converted = opencc.OpenCC(config).convert("\n".join(chars)).split("\n")
        if len(converted) != len(chars):  # a line lost or gained: refuse rather than misalign
            raise RuntimeError(f"OpenCC {config}: {len(converted)} lines for {len(chars)}")
        for ch, out in zip(chars, converted, strict=True):
            if out != ch and len(out) == 1 and ch not in fold:
                fold[ch] = out
    # Chains (薴 → 苧 → 苎) to their end, so that folding twice is folding once.
    for ch, out in fold.items():
        seen = {ch}
        while out in fold and out not in seen:  # `seen`: a cycle would otherwise never end
            seen.add(out)
            out = fold[out]
        fold[ch] = out
    return {ord(a): ord(b) for a, b in fold.items() if a != b}


def fold(text: str) -> str:
    """`text` with every Traditional (or variant) character replaced by its Simplified one; same length."""
    return text.translate(table())
