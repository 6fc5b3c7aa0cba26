"""A reading cache in front of an engine, for evaluation runs only.

`dossier eval --ocr-cache DIR` re-runs a ground-truth set after a change to classification,
extraction or signature rules without paying for OCR again: the pages render, turn and deskew the
same way every time, so an identical image gets the identical reading. The key is the image's bytes
and shape plus the engine's name; a cached reading costs no engine time (PageText.seconds is 0), so
throughput figures from a cached run are meaningless and benchmarks never use it.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
from pydantic import TypeAdapter

from classify.ocr.base import OcrEngine
from dossier.archive import atomic_write_bytes
from dossier.models import Word

_WORDS = TypeAdapter(list[Word])


class CachedEngine:
    def __init__(self, engine: OcrEngine, directory: Path) -> None:
        self.engine = engine
        self.name = engine.name
        self.directory = directory

    def key(self, image: np.ndarray) -> str:
        h = hashlib.sha256(f"{self.name}:{image.shape}:{image.dtype}:".encode())
        h.update(np.ascontiguousarray(image).data)
        return h.hexdigest()

    def read(self, image: np.ndarray) -> list[Word]:
        key = self.key(image)
        path = self.directory / key[:2] / f"{key}.json"
        if path.exists():
            return _WORDS.validate_json(path.read_bytes())
        words = self.engine.read(image)
        atomic_write_bytes(path, _WORDS.dump_json(words))
        return words
