from __future__ import annotations

from pathlib import Path

import pytest

from dossier.models import PageText, Word
from dossier.policy import Policy, default_policy

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def policy() -> Policy:
    return default_policy()


def page(*lines: str | tuple[str, int], width: int = 1654, height: int = 2339) -> PageText:
    """A page as OCR would return it: one Word per line, top to bottom; (text, height) sets a line's size."""
    words, y = [], 80
    for item in lines:
        text, h = item if isinstance(item, tuple) else (item, 40)
        words.append(Word(text=text, box=(150, y, 150 + h * len(text), y + h), conf=0.95))
        y += h + 30
    return PageText(width=width, height=height, words=words)
