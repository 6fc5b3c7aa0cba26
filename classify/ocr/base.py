"""What every OCR engine offers the pipeline, and the small helpers the engines share."""

from __future__ import annotations

from typing import Protocol

import numpy as np

from dossier.errors import OcrError
from dossier.models import Word, group_lines


class OcrEngine(Protocol):
    """Reads one page image.

    `image` is RGB uint8, H x W x 3. The Words come back in reading order (top to bottom, then left to
    right) with boxes (x0, y0, x1, y1) in that image's pixels and conf in 0..1. A failing engine raises
    `dossier.errors.OcrError` carrying the engine's own message.
    """

    name: str

    def read(self, image: np.ndarray) -> list[Word]: ...


def check_image(image: np.ndarray) -> np.ndarray:
    """Refuse anything that is not an RGB uint8 page, before an engine fails on it obscurely."""
    if not isinstance(image, np.ndarray) or image.dtype != np.uint8 or image.ndim != 3 or image.shape[2] != 3:
        shape = getattr(image, "shape", None)
        dtype = getattr(image, "dtype", type(image).__name__)
        raise OcrError(f"expected an RGB uint8 image (H x W x 3), got {dtype} {shape}")
    return image


def reading_order(words: list[Word]) -> list[Word]:
    """Lines top to bottom, words in a line left to right."""
    return [w for line in group_lines(words) for w in line]


def is_cjk(ch: str) -> bool:
    """Han characters, CJK punctuation and full-width forms: text that is written without spaces."""
    o = ord(ch)
    return (
        0x3000 <= o <= 0x303F  # CJK punctuation
        or 0x3400 <= o <= 0x4DBF  # extension A
        or 0x4E00 <= o <= 0x9FFF  # unified ideographs
        or 0xF900 <= o <= 0xFAFF  # compatibility ideographs
        or 0xFF00 <= o <= 0xFFEF  # full-width forms: ：，（）
        or 0x20000 <= o <= 0x2FA1F  # extensions B and later
    )


def join_pieces(pieces: list[str]) -> str:
    """Join the pieces of one line: a space only where both neighbours are non-CJK (Latin words, numbers)."""
    text = ""
    for piece in pieces:
        if not piece:
            continue
        if text and not is_cjk(text[-1]) and not is_cjk(piece[0]):
            text += " "
        text += piece
    return text
