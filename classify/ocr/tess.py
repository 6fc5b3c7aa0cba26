"""Tesseract through pytesseract's image_to_data."""

from __future__ import annotations

import os
import shutil

import numpy as np
import pytesseract
from PIL import Image

from dossier.classify.ocr.base import check_image, join_pieces, reading_order
from dossier.errors import MissingDependency, OcrError, OcrTimeout
from dossier.models import Word

DEFAULT_LANGS = "chi_sim+eng"
# A gap wider than this many line heights splits a Tesseract line into two Words, as RapidOCR's detector
# does: label and value columns of a form stay apart.
GAP_SPLIT = 2.0


class TesseractEngine:
    """Phrase-level Words: the pieces of one Tesseract line, joined without spaces between CJK characters
    and split at wide gaps (so the granularity matches RapidOCR's text lines)."""

    name = "tesseract"

    def __init__(
        self, langs: str = DEFAULT_LANGS, threads: int = 1, psm: int = 3, timeout: float = 0
    ) -> None:
        self.langs = langs
        self.threads = max(1, threads)
        self.psm = psm
        self.timeout = timeout  # seconds; 0 = none. On expiry the tesseract process is killed.
        cmd = pytesseract.pytesseract.tesseract_cmd
        if not shutil.which(cmd):
            raise MissingDependency(
                f"tesseract ({cmd})", msg="ocr.tesseract_missing"
            )
        have = set(pytesseract.get_languages())
        missing = [lang for lang in langs.split("+") if lang not in have]
        if missing:
            raise MissingDependency(
                f"tesseract language data {', '.join(missing)} (have {', '.join(sorted(have))})",
                msg="ocr.tesseract_languages_missing",
            )

    def read(self, image: np.ndarray) -> list[Word]:
        check_image(image)
        # Tesseract's OpenMP would otherwise start a thread per core in every process of a per-core pool.
        # pytesseract hands os.environ to the subprocess, so this is where the limit has to go.
        os.environ["OMP_THREAD_LIMIT"] = str(self.threads)
        try:
            data = pytesseract.image_to_data(
                Image.fromarray(image),
                lang=self.langs,
                config=f"--psm {self.psm}",
                output_type=pytesseract.Output.DICT,
                timeout=self.timeout,
            )
        except (pytesseract.TesseractError, OSError) as e:
            raise OcrError(f"tesseract: {e}") from e
        except RuntimeError as e:  # pytesseract's timeout (TesseractError, also a RuntimeError, is above)
            raise OcrTimeout(f"tesseract: {e}") from e
        return reading_order(_phrases(data))


def _phrases(data: dict[str, list]) -> list[Word]:
    """Group Tesseract's word rows by line, then cut each line at wide gaps."""
    lines: dict[tuple[int, int, int, int], list[tuple[str, tuple[int, int, int, int], float]]] = {}
    for i, text in enumerate(data["text"]):
        conf = float(data["conf"][i])
        text = (text or "").strip()
        if conf < 0 or not text:  # -1: a block/line row, not a word
            continue
        x, y, w, h = (int(data[k][i]) for k in ("left", "top", "width", "height"))
        key = (data["page_num"][i], data["block_num"][i], data["par_num"][i], data["line_num"][i])
        lines.setdefault(key, []).append((text, (x, y, x + w, y + h), conf / 100))
    words = []
    for pieces in lines.values():
        pieces.sort(key=lambda p: p[1][0])
        height = max(p[1][3] - p[1][1] for p in pieces)
        group = [pieces[0]]
        for piece in pieces[1:]:
            if piece[1][0] - group[-1][1][2] > GAP_SPLIT * height:
                words.append(_merge(group))
                group = []
            group.append(piece)
        words.append(_merge(group))
    return words


def _merge(group: list[tuple[str, tuple[int, int, int, int], float]]) -> Word:
    box = (
        min(p[1][0] for p in group),
        min(p[1][1] for p in group),
        max(p[1][2] for p in group),
        max(p[1][3] for p in group),
    )
    # Mean confidence weighted by length: one shaky character should not sink a long line.
    total = sum(len(p[0]) for p in group)
    conf = sum(p[2] * len(p[0]) for p in group) / total
    return Word(text=join_pieces([p[0] for p in group]), box=box, conf=min(1.0, max(0.0, conf)))
