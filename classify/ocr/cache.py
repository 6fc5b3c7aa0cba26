"""A reading cache in front of an engine, for evaluation runs only.

`dossier eval --ocr-cache DIR` re-runs a ground-truth set after a change to classification,
extraction or signature rules without paying for OCR again: the pages render, turn and deskew the
same way every time, so an identical image gets the identical reading. The key is the image's bytes
and shape plus the engine: its name, its settings and the source of its wrapper module, so a change to
how the engine is driven (detection size, thresholds) never serves stale readings. A cached reading costs no engine time (PageText.seconds is 0), so
throughput figures from a cached run are meaningless and benchmarks never use it.
"""

from __future__ import annotations

import hashlib
import inspect
from pathlib import Path

import numpy as np
from pydantic import TypeAdapter

from dossier.archive import atomic_write_bytes
from dossier.classify.ocr.base import OcrEngine
from dossier.models import Word

_WORDS = TypeAdapter(list[Word])


class CachedEngine:
    def __init__(self, engine: OcrEngine, directory: Path) -> None:
        self.engine = engine
        self.name = engine.name
        self.directory = directory
        settings = sorted((k, v) for k, v in vars(engine).items() if isinstance(v, int | float | str))
        source = inspect.getsourcefile(type(engine))
        code = Path(source).read_bytes() if source else b""
        self.fingerprint = hashlib.sha256(f"{self.name}:{settings}:".encode() + code).hexdigest()

    def key(self, image: np.ndarray) -> str:
        h = hashlib.sha256(f"{self.fingerprint}:{image.shape}:{image.dtype}:".encode())
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
