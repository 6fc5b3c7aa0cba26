"""Peak memory while ingesting one long PDF: pages must stream, never all be held at once.

    .venv/bin/python bench/memory.py --pages 200

Builds an image-only PDF of N A4 pages at 200 dpi from generated documents, runs `dossier ingest`
on it, and samples the memory of the whole process tree (the CLI and its OCR workers) from /proc
every 0.2 s, two ways:
  - RSS summed over the processes: what the issue 3 target is judged on. It counts the pages the
    processes share (the Python, numpy, OpenCV and onnxruntime libraries mapped by each of them) once
    per process, so it overstates the tree's cost, which makes it the safe side of the target.
  - PSS (proportional set size, /proc/PID/smaps_rollup) summed: each shared page split among the
    processes that map it, so the sum is what the tree costs the machine.
The peak of each sum is taken over the samples, with the peak of the main process and of the
largest worker beside it. The reference in the same run is a 5-page PDF made the same way: the ratio
shows how memory grows with the length of the document.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dossier.ingest.pages import open_source  # noqa: E402
from dossier.samples.generate import generate  # noqa: E402


def tree(pid: int) -> list[int]:
    """`pid` and all its descendants."""
    children: dict[int, list[int]] = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat") as f:
                parts = f.read().rsplit(")", 1)[1].split()
            children.setdefault(int(parts[1]), []).append(int(d))
        except (OSError, IndexError, ValueError):
            continue
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        todo += children.get(p, [])
    return found


def rss_pss(pid: int) -> tuple[int, int]:
    """Resident and proportional set size of one process, in bytes (0, 0 once it is gone)."""
    sizes = {"Rss": 0, "Pss": 0}
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                key, _, rest = line.partition(":")
                if key in sizes:
                    sizes[key] = int(rest.split()[0]) * 1024
    except (OSError, ValueError):
        pass
    return sizes["Rss"], sizes["Pss"]


@dataclass
class Peaks:
    rss: int = 0  # of the tree
    pss: int = 0
    main_rss: int = 0
    worker_rss: int = 0  # the largest worker's
    worker_pss: int = 0
    seconds: float = 0.0

    def sample(self, pid: int) -> None:
        sizes = {p: rss_pss(p) for p in tree(pid)}
        self.rss = max(self.rss, sum(r for r, _ in sizes.values()))
        self.pss = max(self.pss, sum(p for _, p in sizes.values()))
        self.main_rss = max(self.main_rss, sizes.get(pid, (0, 0))[0])
        for p, (r, ps) in sizes.items():
            if p != pid:
                self.worker_rss, self.worker_pss = max(self.worker_rss, r), max(self.worker_pss, ps)


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


def peak(pdf: Path) -> Peaks:
    env = {**os.environ, "DOSSIER_HOME": tempfile.mkdtemp(prefix="bench-mem-home-")}
    for k in ("REDIS_URL", "DATABASE_URL", "OPENSEARCH_URL"):
        env.pop(k, None)
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "dossier.cli", "ingest", "--json", str(pdf)], env=env,
                            stdout=subprocess.DEVNULL)
    top = Peaks()
    while proc.poll() is None:
        top.sample(proc.pid)
        time.sleep(0.2)
    if proc.returncode:
        raise SystemExit(f"ingest failed: {proc.returncode}")
    top.seconds = time.perf_counter() - started
    return top


def mib(n: int) -> str:
    return f"{n / (1 << 20):.0f} MiB"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=200)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-mem-"))
    small = peak(long_pdf(5, work / "short.pdf"))
    big = peak(long_pdf(args.pages, work / "long.pdf"))
    print("| pages | peak RSS of the tree | ratio to 5 pages | peak PSS of the tree | main RSS | "
          "largest worker RSS / PSS | wall s |\n|---|---|---|---|---|---|---|")
    for pages, p in ((5, small), (args.pages, big)):
        print(f"| {pages} | {mib(p.rss)} | {p.rss / small.rss:.2f} | {mib(p.pss)} | {mib(p.main_rss)} | "
              f"{mib(p.worker_rss)} / {mib(p.worker_pss)} | {p.seconds:.0f} |")
    print(f"\nreproduce: .venv/bin/python bench/memory.py --pages {args.pages}")


if __name__ == "__main__":
    main()
