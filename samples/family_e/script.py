"""Simplified -> Traditional for the ~10 % of pages a Hong Kong or Taiwan trained clerk's office prints."""

from __future__ import annotations

from functools import lru_cache

import opencc


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("s2t")


@lru_cache(maxsize=8192)
def hant(text: str) -> str:
    return str(_converter().convert(text))


def say(text: str, traditional: bool) -> str:
    return hant(text) if traditional else text
