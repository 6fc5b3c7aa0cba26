"""Peak memory while ingesting one long PDF: pages must stream, never all be held at once.

    .venv/bin/python bench/memory.py --pages 200

Builds an image-only PDF of N A4 pages at 200 dpi from generated documents, runs `dossier ingest`
on it, and samples the resident memory of the whole process tree (the CLI and its OCR workers)
from /proc every 0.2 s. The reference in the same run is the tree's peak on a 5-page PDF made the
same way: the ratio shows how memory grows with the length of the document.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ingest.pages import open_source  # noqa: E402
from samples.generate import generate  # noqa: E402


def tree_rss(pid: int) -> int:
    """Resident bytes of `pid` and all its descendants."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat") as f:
                parts = f.read().rsplit(")", 1)[1].split()
            children.setdefault(int(parts[1]), []).append(int(d))
            rss[int(d)] = int(parts[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            continue
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += rss.get(p, 0)
        todo += children.get(p, [])
    return total


def long_pdf(pages: int, out: Path) -> Path:
    src = Path(tempfile.mkdtemp(prefix="bench-mem-src-"))
    generate(src, seed=7, count=12, noisy=False)
    images = []
    for f in sorted(src.iterdir()):
        if not f.name.endswith(".json"):
            source = open_source(f)
            images += [source.load(i, 200).image for i in range(1, source.page_count + 1)]
    frames = [Image.fromarray(images[i % len(images)]).convert("RGB").resize((1654, 2339)) for i in range(pages)]
    frames[0].save(out, "PDF", save_all=True, append_images=frames[1:], resolution=200, quality=70)
    return out


def peak(pdf: Path) -> tuple[int, float]:
    env = {**os.environ, "DOSSIER_HOME": tempfile.mkdtemp(prefix="bench-mem-home-")}
    for k in ("REDIS_URL", "DATABASE_URL", "OPENSEARCH_URL"):
        env.pop(k, None)
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "dossier.cli", "ingest", "--json", str(pdf)], env=env,
                            stdout=subprocess.DEVNULL)
    top = 0
    while proc.poll() is None:
        top = max(top, tree_rss(proc.pid))
        time.sleep(0.2)
    if proc.returncode:
        raise SystemExit(f"ingest failed: {proc.returncode}")
    return top, time.perf_counter() - started


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=200)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-mem-"))
    small, _ = peak(long_pdf(5, work / "short.pdf"))
    big, seconds = peak(long_pdf(args.pages, work / "long.pdf"))
    mib = 1 << 20
    print("| pages | peak RSS of the process tree | ratio to 5 pages | wall s |\n|---|---|---|---|")
    print(f"| 5 | {small / mib:.0f} MiB | 1.00 | |")
    print(f"| {args.pages} | {big / mib:.0f} MiB | {big / small:.2f} | {seconds:.0f} |")
    print(f"\nreproduce: .venv/bin/python bench/memory.py --pages {args.pages}")


if __name__ == "__main__":
    main()
