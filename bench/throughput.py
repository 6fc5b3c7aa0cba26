"""Throughput: pages per minute of `dossier ingest`, and its wall time over the bare OCR engine's
wall time on the same pages with the same number of processes.

    .venv/bin/python bench/throughput.py --docs 48 --workers 1 2 [--rounds 3]

The reference run gives each worker process the page images already decoded (raw arrays on disk,
read back in a few milliseconds: no decoding, and not piped through the pool either). One pool per
round gives both reference figures: "with start-up" from starting the processes (interpreters,
models: the fixed cost every run of the engine pays too) to the last page read, "warm" from the
moment every process has its models loaded and warmed. Its processes import only the engine (this
module's top level). The pipeline run is the real command, start-up included: intake, hashing,
archiving, rasterising, orientation, seal and signature checks, classification, extraction, filing
and indexing.

This machine's speed drifts by several per cent from one minute to the next (the same run of the
same pages took 88.7 and 103.3 CPU-seconds a few minutes apart), so rounds alternate which of the
two runs first, and the medians over rounds are the figures.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# Only the engine here: every process of the reference pool imports this module's top level.
from dossier.classify.ocr.registry import get_engine, one_thread_per_process, warm  # noqa: E402

_ENGINE = ""
_READY: Any = None


def _init(engine: str, ready: Any) -> None:
    """As the pipeline's workers set up (worker.tasks.init_worker), importing no more than the engine."""
    global _ENGINE, _READY
    one_thread_per_process()
    _ENGINE, _READY = engine, ready
    warm(engine)


def _wait_ready(_: int) -> None:
    _READY.wait()  # returns once every process of the pool has its models loaded and warmed


def _read(page: str) -> int:
    return len(get_engine(_ENGINE).read(np.load(page)))


def bare_engine(images: list[str], engine: str, workers: int) -> tuple[float, float]:
    """(warm, cold) seconds of one pool: from every process up and warmed to the last page read; and
    from starting the processes (interpreter, models) to the last page read."""
    ctx = mp.get_context("spawn")
    started = time.perf_counter()
    with ctx.Pool(workers, initializer=_init, initargs=(engine, ctx.Barrier(workers))) as pool:
        pool.map(_wait_ready, range(workers), chunksize=1)  # each waits for all: one task per process
        ready = time.perf_counter()
        pool.map(_read, images, chunksize=1)
        done = time.perf_counter()
    return done - ready, done - started


def pipeline(folder: Path, engine: str, workers: int) -> tuple[float, float]:
    env = {**os.environ, "DOSSIER_HOME": tempfile.mkdtemp(prefix="bench-home-"), "DOSSIER_WORKERS": str(workers),
           "DOSSIER_OCR_ENGINE": engine}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "dossier.cli", "ingest", "--json", str(folder)], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=48)  # ~50 pages: fewer, and run-to-run noise swamps 5 %
    ap.add_argument("--seed", type=int, default=20261128)
    ap.add_argument("--engine", default="rapidocr")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--dpi", type=int, default=200)
    # Run to run, the same 50 pages vary by 1-2 s in either run: with several rounds (bare engine and
    # pipeline alternating) each round's ratios are printed and the medians settle the figure.
    ap.add_argument("--rounds", type=int, default=1)
    args = ap.parse_args()
    from dossier.ingest.pages import open_source
    from dossier.samples.generate import generate

    folder = Path(tempfile.mkdtemp(prefix="bench-scans-"))
    generate(folder, seed=args.seed, count=args.docs, noisy=False)
    decoded = Path(tempfile.mkdtemp(prefix="bench-pages-"))
    images = []
    for f in sorted(folder.iterdir()):
        if f.name.endswith(".json"):
            continue
        src = open_source(f)
        for i in range(1, src.page_count + 1):
            images.append(str(decoded / f"{f.stem}-{i:04d}.npy"))
            np.save(images[-1], src.load(i, args.dpi).image)
    pages = len(images)
    print(f"# {pages} pages from {args.docs} generated documents (seed {args.seed}), engine {args.engine}, "
          f"{os.cpu_count()} cores")
    print("| workers | round | bare engine s (warm) | bare engine s (with start-up) | dossier ingest s | ratio to warm "
          "| ratio to start-up included | pages/min | CPU busy (cores) |")
    print("|---|---|---|---|---|---|---|---|---|")
    medians = []
    for w in args.workers:
        to_warm, to_cold = [], []
        for r in range(1, args.rounds + 1):
            if r % 2:
                warm, cold = bare_engine(images, args.engine, w)
                wall, cpu = pipeline(folder, args.engine, w)
            else:  # the other way round, so that a drift in the machine's speed cancels over rounds
                wall, cpu = pipeline(folder, args.engine, w)
                warm, cold = bare_engine(images, args.engine, w)
            to_warm.append(wall / warm)
            to_cold.append(wall / cold)
            print(f"| {w} | {r} | {warm:.1f} | {cold:.1f} | {wall:.1f} | {wall / warm:.3f} | {wall / cold:.3f} "
                  f"| {pages / wall * 60:.1f} | {cpu / wall:.2f} |", flush=True)
        medians.append((w, statistics.median(to_warm), statistics.median(to_cold)))
    if args.rounds > 1:
        print("\n| workers | median ratio to warm | median ratio to start-up included |\n|---|---|---|")
        for w, mw, mc in medians:
            print(f"| {w} | {mw:.3f} | {mc:.3f} |")
    print(f"\nreproduce: .venv/bin/python bench/throughput.py --docs {args.docs} --seed {args.seed} "
          f"--engine {args.engine} --workers {' '.join(map(str, args.workers))} --rounds {args.rounds}")


if __name__ == "__main__":
    main()
