"""Where a worker's time goes per page: each step of worker/tasks.py's page job, in CPU seconds of this
one process, over the OCR engine's own CPU seconds on the same pages.

    .venv/bin/python bench/stages.py --docs 16 --seed 20261128

CPU time (not wall time) is what is counted: every step runs on one thread here (OpenCV and the engine
are held to one, as in the workers), so the figures hold on a machine busy with other work too. The
seal and signature checks' share answers issue 4 ("the checks add at most 10 % to per-page time"); the
sum of all shares is the per-page part of the pipeline's overhead on the bare engine (bench/throughput.py
measures the whole, start-up and filing included).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

import cv2  # noqa: E402
import numpy as np  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dossier.classify.ocr.orient import read_upright  # noqa: E402
from dossier.classify.ocr.registry import get_engine, warm  # noqa: E402
from dossier.classify.seal import find_seals  # noqa: E402
from dossier.classify.signature import check_signatures, crop_field  # noqa: E402
from dossier.ingest.pages import open_source  # noqa: E402
from dossier.samples.generate import generate  # noqa: E402
from dossier.worker.tasks import _jpeg, page_signature_rules  # noqa: E402

T = TypeVar("T")
STEPS = ("load", "engine", "upright", "seals", "signatures", "save")
NAMES = {
    "load": "load / rasterise the page",
    "engine": "OCR engine (engine.read)",
    "upright": "turn upright + deskew (besides the engine)",
    "seals": "seal search",
    "signatures": "signature fields",
    "save": "JPEG of page and crops",
}


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (pdftoppm, pdftotext)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=16)
    ap.add_argument("--seed", type=int, default=20261128)
    ap.add_argument("--noisy", action="store_true", help="degraded scans (skew, rotation, photos) instead of clean ones")
    ap.add_argument("--engine", default="rapidocr")
    ap.add_argument("--dpi", type=int, default=200)
    args = ap.parse_args()
    cv2.setNumThreads(1)
    folder = Path(tempfile.mkdtemp(prefix="bench-stages-"))
    generate(folder, seed=args.seed, count=args.docs, noisy=args.noisy)
    warm(args.engine)  # models loaded before any clock runs
    engine = get_engine(args.engine)
    cpu = dict.fromkeys(STEPS, 0.0)
    read = engine.read

    def timed(step: str, fn: Callable[[], T]) -> T:
        started = _cpu()
        try:
            return fn()
        finally:
            cpu[step] += _cpu() - started

    def engine_read(image: np.ndarray) -> list:  # type: ignore[type-arg]
        return timed("engine", lambda: read(image))

    engine.read = engine_read  # type: ignore[method-assign]
    rules = page_signature_rules()
    pages = 0
    for f in sorted(folder.iterdir()):
        if f.name.endswith(".json"):
            continue
        src = open_source(f)
        for i in range(1, src.page_count + 1):
            loaded = timed("load", lambda: src.load(i, args.dpi))  # noqa: B023
            before = cpu["engine"]
            text, image = timed("upright", lambda: read_upright(engine, loaded.image))  # noqa: B023
            cpu["upright"] -= cpu["engine"] - before
            seals = timed("seals", lambda: find_seals(image))  # noqa: B023
            fields = timed("signatures", lambda: check_signatures(image, text.words, rules))  # noqa: B023
            boxes = [f.box for f in fields if f.box] + [s.box for s in seals]
            timed("save", lambda: [_jpeg(image)] + [_jpeg(crop_field(image, b)) for b in boxes])  # noqa: B023
            pages += 1
    print(f"# {pages} pages from {args.docs} generated documents (seed {args.seed}{', noisy' if args.noisy else ''}), "
          f"engine {args.engine}, CPU seconds of one process")
    print("| step | ms per page | share of engine time |")
    print("|---|---|---|")
    for step in STEPS:
        print(f"| {NAMES[step]} | {cpu[step] / pages * 1000:.1f} | {cpu[step] / cpu['engine']:.1%} |")
    checks = cpu["seals"] + cpu["signatures"]
    rest = sum(cpu[s] for s in STEPS if s != "engine")
    print(f"| **seal + signature checks** | {checks / pages * 1000:.1f} | **{checks / cpu['engine']:.1%}** |")
    print(f"| **all but the engine** | {rest / pages * 1000:.1f} | **{rest / cpu['engine']:.1%}** |")
    noisy = " --noisy" if args.noisy else ""
    print(f"\nreproduce: .venv/bin/python bench/stages.py --docs {args.docs} --seed {args.seed}{noisy} --engine {args.engine}")


if __name__ == "__main__":
    main()
