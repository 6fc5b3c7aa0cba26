"""The per-page job, run in a worker process: load the page, read it upright, check seals and
signature fields, keep the upright image. Everything here must be picklable and self-contained."""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from functools import lru_cache
from pathlib import Path
from types import FrameType

import cv2
import numpy as np

from dossier.archive import atomic_write_bytes, crop_name, page_dir
from dossier.classify.ocr.base import OcrEngine
from dossier.classify.ocr.cache import CachedEngine
from dossier.classify.ocr.orient import read_upright
from dossier.classify.ocr.registry import get_engine, one_thread_per_process
from dossier.classify.seal import SealHit, find_seals
from dossier.classify.signature import crop_field, find_signature_fields
from dossier.errors import DossierError, OcrTimeout, StorageError
from dossier.ingest.pages import Source, open_source
from dossier.messages import text
from dossier.models import PageResult, PageText, Word
from dossier.policy import SignatureRule, default_policy, default_signing
from dossier.worker.page_models import PageOutcome, PageTask


def init_worker() -> None:
    one_thread_per_process()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops the pool
    threading.Thread(target=_exit_with_parent, daemon=True).start()


def _exit_with_parent() -> None:
    # A parent killed with -9 never stops its pool: without this its workers would live on forever,
    # holding their models in memory and the parent's output pipes open.
    parent = multiprocessing.parent_process()
    if parent is not None:
        parent.join()  # returns once the parent is gone, however it went
        os._exit(1)


@lru_cache(maxsize=1)
def page_signature_rules() -> list[SignatureRule]:
    """Every distinct signature rule in the policy: a page is checked for all of them, because which
    apply depends on the document the page ends up in, known only after segmentation."""
    seen: dict[tuple[str, tuple[str, ...]], SignatureRule] = {}
    rules = [rule for dt in default_policy().doc_types.values() for rule in dt.signatures]
    # A site's aliases (signing.yaml) are looked for on every page too.
    rules += [SignatureRule(role=role, labels=labels) for role, labels in default_signing().aliases.items() if labels]
    for rule in rules:
        if rule.labels:
            seen.setdefault((rule.role, tuple(rule.labels)), rule)
    return list(seen.values())


@lru_cache(maxsize=2)
def _source(path: str, max_pixels: int) -> Source:
    """The archived original, opened once per worker: its pages come one task at a time, and opening
    a PDF runs pdfinfo over every page (per page, a 200-page PDF would cost 200 x 200 page lookups).
    Safe to keep: archived originals are content-addressed and never change."""
    return open_source(Path(path), max_pixels)


@lru_cache(maxsize=2)
def _engine(name: str, ocr_cache: str | None) -> OcrEngine:
    """The engine, behind the evaluation cache when one is given (its fingerprint is computed once)."""
    engine: OcrEngine = get_engine(name)
    return CachedEngine(engine, Path(ocr_cache)) if ocr_cache else engine


class _SealsAhead:
    """The engine, except that the first image it is given — the page deskewed as scanned, which is
    the upright page in most cases — is searched for seals on another thread while the engine reads
    it: with a core idle, the seal search then costs no time. A page that turns out to lie otherwise
    is searched again."""

    def __init__(self, engine: OcrEngine) -> None:
        self.engine = engine
        self.name = engine.name
        self._first: np.ndarray | None = None
        self._seals: Future[list[SealHit]] | None = None

    def read(self, image: np.ndarray) -> list[Word]:
        if self._first is None:
            self._first = image
            self._seals = _side_thread().submit(find_seals, image)
        return self.engine.read(image)

    def seals(self, image: np.ndarray) -> list[SealHit]:
        if self._seals is not None and image is self._first:
            return self._seals.result()
        return find_seals(image)


@lru_cache(maxsize=1)
def _side_thread() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(1, thread_name_prefix="seals-ahead")


def _alarm(_sig: int, _frame: FrameType | None) -> None:
    raise OcrTimeout(text("ocr.page_too_long"))


def process_page(task: PageTask) -> PageOutcome:
    home = Path(task.home)
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, task.timeout)
    try:
        source = _source(task.path, task.max_pixels)
        loaded = source.load(task.index, task.dpi)
        if task.render_ahead:
            source.prefetch(task.index + 1, task.dpi)
        side: _SealsAhead | None = None
        if loaded.text_words:
            reading = PageText(width=loaded.width, height=loaded.height, words=loaded.text_words, source="text_layer")
            image = loaded.image
        else:
            started = time.perf_counter()
            engine = _engine(task.engine, task.ocr_cache)  # loaded as the worker started (PagePool), or now
            side = _SealsAhead(engine) if task.render_ahead else None
            reading, image = read_upright(side or engine, loaded.image)
            if not reading.seconds:
                reading.seconds = time.perf_counter() - started
        seals = side.seals(image) if side else find_seals(image)
        # Every field on the page, by the policy's labels and by shape: which are required is known
        # only once the page's document and its type are (classify/signature_match.py).
        fields = find_signature_fields(image, reading.words, page_signature_rules(), seals=seals)
        # Keep what was judged, so a reviewer sees the very pixels behind "blank" or "seal".
        for n, f in enumerate(fields, 1):
            f.page = task.index
            f.crop = _save_crop(home, task, f"sig{n}", image, f.box) if f.box else None
        seal_boxes = {_save_crop(home, task, f"seal{n}", image, hit.box): hit.box for n, hit in enumerate(seals, 1)}
        # The scan's own JPEG is the page image when the page needed no turning: the same pixels, without
        # encoding them again (and without a second generation of JPEG loss).
        rel = _save_page(home, task, image, reading, loaded.jpeg if image is loaded.image else None)
        page = PageResult(index=task.index, text=reading, image=rel, seal=bool(seals), seal_crops=list(seal_boxes),
                          seal_boxes=seal_boxes)
        return PageOutcome(page=page, signatures=fields)
    except StorageError as e:  # the archive's fault, not the page's: the source is not filed (Pipeline.finish)
        return PageOutcome(page=PageResult(index=task.index, text=PageText(width=0, height=0), error=e.message),
                           storage_error=e.detail or e.message)
    except DossierError as e:
        return PageOutcome(page=PageResult(index=task.index, text=PageText(width=0, height=0), error=e.message))
    except Exception as e:  # a fault of ours on one odd page costs that page (review), never the file's run
        detail = text("ocr.page_internal", page=task.index, error=f"{type(e).__name__}: {e}")
        return PageOutcome(page=PageResult(index=task.index, text=PageText(width=0, height=0), error=detail))
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def _jpeg(image: np.ndarray) -> bytes:
    ok, buf = cv2.imencode(".jpg", cv2.cvtColor(image, cv2.COLOR_RGB2BGR), [cv2.IMWRITE_JPEG_QUALITY, 80])
    if not ok:
        raise OSError("JPEG encoding failed")
    return bytes(buf.tobytes())


def _save_crop(home: Path, task: PageTask, name: str, image: np.ndarray, box: tuple[int, int, int, int]) -> str:
    path = page_dir(home, task.sha256) / crop_name(task.index, name)
    atomic_write_bytes(path, _jpeg(crop_field(image, box)))
    return str(path.relative_to(home))


def _save_page(home: Path, task: PageTask, image: np.ndarray, text: PageText, jpeg: bytes | None = None) -> str:
    folder = page_dir(home, task.sha256)
    name = f"p{task.index:04d}"
    atomic_write_bytes(folder / f"{name}.jpg", jpeg if jpeg is not None else _jpeg(image))
    atomic_write_bytes(folder / f"{name}.json", text.model_dump_json().encode())
    return str((folder / f"{name}.jpg").relative_to(home))
