"""The scaled mode beside the embedded one, in one run (issue 6, point 8). Not a test.

Search: the corpus and query mix of bench/search_latency.py (N synthetic forms, 10 % Traditional; 1-, 2-,
4-character, VIN, VIN prefix, plate, phrase and filtered queries) indexed into a fresh FTS5 file and a fresh
OpenSearch index, then the same queries through both backends' search() (snippets included): p50/p95 per
class and overall, and OpenSearch over FTS5 as a ratio.

Ingest: the same generated pages filed by `dossier ingest` with the local pool and by `dossier ingest` with
REDIS_URL, its pages read by 1 and 2 `dossier worker` processes already running (page jobs: any worker reads
any page, the client files); wall time of the ingest command, start to last result, and rq over the local
pool with the same number of processes as a ratio; and the CPU seconds each way (the command's process tree,
plus the rq workers' while it ran), which other jobs on a shared machine disturb less than the wall time. The records are the same both ways (SQLite, FTS5), so the
ratio is the queue's cost; with --shared-records the rq run files into PostgreSQL and OpenSearch, as a
scaled deployment does.

Needs REDIS_URL for ingest; search and --shared-records need DATABASE_URL and OPENSEARCH_URL too:
eval "$(make -s services-up)". Everything it creates (a database, a Redis database, index aliases, temporary
folders) is its own and removed at the end.

    .venv/bin/python bench/scaled.py --docs 100000 --ingest-docs 16
    .venv/bin/python bench/scaled.py --docs 100000 --skip-ingest    # search only
    .venv/bin/python bench/scaled.py --skip-search --ingest-docs 16 --workers 2   # ingest only
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from search_latency import QueryKeys, pct, queries  # noqa: E402
from search_latency import generate as corpus  # noqa: E402

from dossier.search.base import IndexDoc, SearchHit  # noqa: E402
from dossier.search.fts import FtsIndex  # noqa: E402
from dossier.search.opensearch import OpenSearchIndex, connect  # noqa: E402

SERVICE_URLS = ("REDIS_URL", "DATABASE_URL", "OPENSEARCH_URL")
REDIS_DB = 12  # a Redis database of the benchmark's own, flushed before and after


def _with_path(url: str, path: str) -> str:
    p = urlsplit(url)
    return urlunsplit((p.scheme, p.netloc, path, p.query, p.fragment))


# --- search -------------------------------------------------------------------------------------------------
def build_indexes(n: int, fts: FtsIndex, conn: sqlite3.Connection, remote: OpenSearchIndex,
                  ) -> tuple[dict[str, float], list[str], list[str], list[str]]:
    """Index the corpus into both; returns seconds per backend and the VINs, plates and dossier keys seen."""
    keys = QueryKeys()
    spent = {"fts5": 0.0, "opensearch": 0.0}
    chunk: list[IndexDoc] = []

    def flush() -> None:
        t = time.perf_counter()
        remote.index_many(chunk)
        spent["opensearch"] += time.perf_counter() - t
        chunk.clear()

    for i, doc in enumerate(corpus(n), 1):
        t = time.perf_counter()
        fts.index(doc)
        if i % 500 == 0:
            conn.commit()  # as a batch ingest commits
        spent["fts5"] += time.perf_counter() - t
        chunk.append(doc)
        if len(chunk) == 500:
            flush()
        keys.note(doc)
        if i % 20000 == 0:
            print(f"  indexed {i}", file=sys.stderr, flush=True)
    conn.commit()
    if chunk:
        flush()
    t = time.perf_counter()
    remote.refresh()
    spent["opensearch"] += time.perf_counter() - t
    return spent, keys.vins, keys.plates, keys.dossiers


def time_queries(search: Callable[..., list[SearchHit]], classes: dict[str, list[tuple[str, dict[str, Any]]]],
                 ) -> dict[str, tuple[list[float], list[int]]]:
    for qs in classes.values():  # warm caches once, as a running server would be
        for q, kw in qs[:3]:
            search(q, **kw)
    out = {}
    for name, qs in classes.items():
        ms, hits = [], []
        for q, kw in qs:
            t = time.perf_counter()
            found = search(q, **kw)
            ms.append((time.perf_counter() - t) * 1000)
            hits.append(len(found))
        out[name] = (ms, hits)
    return out


def bench_search(n: int, per_class: int) -> None:
    tmp = tempfile.TemporaryDirectory(prefix="bench-scaled-")
    conn = sqlite3.connect(Path(tmp.name) / "search.sqlite3")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    fts = FtsIndex(conn)
    fts.ensure_schema()
    conn.commit()
    remote = OpenSearchIndex(connect(os.environ["OPENSEARCH_URL"]), f"dossier-bench-{uuid.uuid4().hex[:8]}")
    remote.ensure_schema()
    try:
        spent, vins, plates, dossiers = build_indexes(n, fts, conn, remote)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        print(f"\n## Search, {n} documents, {per_class} queries per class")
        print(f"indexing: FTS5 {n / spent['fts5']:.0f} docs/s ({spent['fts5']:.0f} s), "
              f"OpenSearch bulk {n / spent['opensearch']:.0f} docs/s ({spent['opensearch']:.0f} s); "
              f"counts {fts.count()} / {remote.count()}")
        classes = queries(vins, plates, dossiers, random.Random(11), per_class)
        results = {"fts5": time_queries(fts.search, classes), "opensearch": time_queries(remote.search, classes)}
        print("| class | FTS5 p50 ms | FTS5 p95 ms | OpenSearch p50 ms | OpenSearch p95 ms | p95 ratio OS/FTS5 "
              "| mean hits FTS5 / OS |")
        print("|---|---|---|---|---|---|---|")
        every: dict[str, list[float]] = {"fts5": [], "opensearch": []}
        for name in classes:
            (fm, fh), (om, oh) = results["fts5"][name], results["opensearch"][name]
            every["fts5"] += fm
            every["opensearch"] += om
            print(f"| {name} | {pct(fm, 50):.1f} | {pct(fm, 95):.1f} | {pct(om, 50):.1f} | {pct(om, 95):.1f} "
                  f"| {pct(om, 95) / pct(fm, 95):.2f} | {statistics.mean(fh):.1f} / {statistics.mean(oh):.1f} |")
        f, o = every["fts5"], every["opensearch"]
        print(f"| **overall** | {pct(f, 50):.1f} | {pct(f, 95):.1f} | {pct(o, 50):.1f} | {pct(o, 95):.1f} "
              f"| {pct(o, 95) / pct(f, 95):.2f} | |", flush=True)
    finally:
        remote.drop()
        conn.close()
        tmp.cleanup()


# --- ingest -------------------------------------------------------------------------------------------------
@contextmanager
def redis_only() -> Iterator[dict[str, str]]:
    """A Redis database of this run only; the records stay the client's SQLite ones."""
    from redis import Redis

    env = {"REDIS_URL": _with_path(os.environ["REDIS_URL"], f"/{REDIS_DB}")}
    Redis.from_url(env["REDIS_URL"]).flushdb()
    try:
        yield env
    finally:
        Redis.from_url(env["REDIS_URL"]).flushdb()


@contextmanager
def scaled_env() -> Iterator[dict[str, str]]:
    """A PostgreSQL database, a Redis database and an index alias of this run only."""
    from redis import Redis
    from sqlalchemy import create_engine, text

    from dossier.dialect import engine_url

    name = f"dossier_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(engine_url(os.environ["DATABASE_URL"]), isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f"CREATE DATABASE {name}"))
    env = {"DATABASE_URL": _with_path(os.environ["DATABASE_URL"], "/" + name),
           "REDIS_URL": _with_path(os.environ["REDIS_URL"], f"/{REDIS_DB}"),
           "OPENSEARCH_URL": os.environ["OPENSEARCH_URL"], "DOSSIER_OPENSEARCH_INDEX": name.replace("_", "-")}
    Redis.from_url(env["REDIS_URL"]).flushdb()
    try:
        yield env
    finally:
        Redis.from_url(env["REDIS_URL"]).flushdb()
        OpenSearchIndex(connect(env["OPENSEARCH_URL"]), env["DOSSIER_OPENSEARCH_INDEX"]).drop()
        with admin.connect() as c:
            c.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()


def _base_env(home: Path) -> dict[str, str]:
    drop = set(SERVICE_URLS) | {"DOSSIER_OPENSEARCH_INDEX", "DOSSIER_FAULT", "DOSSIER_WORKERS"}
    return {**{k: v for k, v in os.environ.items() if k not in drop}, "DOSSIER_HOME": str(home)}


class Run(NamedTuple):
    wall: float  # seconds of the ingest command, start to last result
    documents: int  # reported filed or for review
    cpu: float  # CPU seconds spent on it: the command and its pool, or the command and the rq workers


def ingest(folder: Path, env: dict[str, str]) -> Run:
    """`dossier ingest --json folder`: its wall time, documents and CPU time (its whole process tree)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "dossier.cli", "ingest", "--json", str(folder)], env=env,
                          cwd=ROOT, capture_output=True, text=True, check=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    docs = sum('"status":"filed"' in ln or '"status":"needs_review"' in ln for ln in proc.stdout.splitlines())
    return Run(wall, docs, cpu)


def tree_cpu(pid: int) -> float:
    """CPU seconds of a running process, its reaped children and its live descendants (Linux /proc): a
    worker's, its work-horse's and their tools' (pdftoppm)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        kids = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return 0.0
    own = sum(int(x) for x in fields[11:15]) / os.sysconf("SC_CLK_TCK")  # utime stime cutime cstime
    return own + sum(tree_cpu(int(c)) for c in kids)


def local_pool(folder: Path, workers: int) -> Run:
    home = Path(tempfile.mkdtemp(prefix="bench-home-"))
    try:
        return ingest(folder, {**_base_env(home), "DOSSIER_WORKERS": str(workers)})
    finally:
        shutil.rmtree(home, ignore_errors=True)


def rq_workers(folder: Path, workers: int, shared: bool) -> Run:
    home = Path(tempfile.mkdtemp(prefix="bench-home-"))
    procs: list[subprocess.Popen[bytes]] = []
    try:
        with scaled_env() if shared else redis_only() as services:
            env = {**_base_env(home), **services}
            if shared:  # the schema and the index exist before the clock starts, as in a running deployment
                subprocess.run([sys.executable, "-m", "dossier.cli", "reindex"], env=env, cwd=ROOT, check=True,
                               stdout=subprocess.DEVNULL)
            for _ in range(workers):  # long-running services: started (and idle) before the clock starts
                procs.append(subprocess.Popen([sys.executable, "-m", "dossier.cli", "worker"], env=env, cwd=ROOT,
                                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
            _wait_for_workers(services["REDIS_URL"], workers)
            idle = sum(tree_cpu(p.pid) for p in procs)  # their start-up (models loaded, a page read) is not counted
            run = ingest(folder, env)
            return run._replace(cpu=run.cpu + sum(tree_cpu(p.pid) for p in procs) - idle)
    finally:
        for p in procs:
            p.terminate()
        for p in procs:
            p.wait(timeout=120)
        shutil.rmtree(home, ignore_errors=True)


def _wait_for_workers(url: str, n: int) -> None:
    from redis import Redis
    from rq import Worker

    conn = Redis.from_url(url)
    deadline = time.monotonic() + 120
    while Worker.count(connection=conn) < n:
        if time.monotonic() > deadline:
            raise RuntimeError("the rq workers did not start")
        time.sleep(0.2)


def bench_ingest(docs: int, seed: int, counts: list[int], shared: bool) -> None:
    from dossier.ingest.pages import open_source
    from dossier.samples.generate import generate

    folder = Path(tempfile.mkdtemp(prefix="bench-scans-"))
    try:
        generate(folder, seed=seed, count=docs, noisy=False)
        pages = sum(open_source(f).page_count for f in folder.iterdir() if not f.name.endswith(".json"))
        load = os.getloadavg()
        records = "PostgreSQL and OpenSearch for rq" if shared else "SQLite and FTS5 both ways"
        print(f"\n## Ingest, {pages} pages from {docs} generated documents (seed {seed}), {os.cpu_count()} cores, "
              f"records: {records}; load before {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
        print("| processes | local pool s | rq workers s | ratio rq / local | pages/min local | pages/min rq "
              "| documents local / rq | CPU s local / rq (ratio) |")
        print("|---|---|---|---|---|---|---|---|")
        for w in counts:
            lo = local_pool(folder, w)
            rq = rq_workers(folder, w, shared)
            print(f"| {w} | {lo.wall:.1f} | {rq.wall:.1f} | {rq.wall / lo.wall:.3f} | {pages / lo.wall * 60:.1f} "
                  f"| {pages / rq.wall * 60:.1f} | {lo.documents} / {rq.documents} "
                  f"| {lo.cpu:.1f} / {rq.cpu:.1f} ({rq.cpu / lo.cpu:.3f}) |", flush=True)
        load = os.getloadavg()
        print(f"load after {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=100_000, help="documents in the search indexes (default 100000)")
    ap.add_argument("--queries", type=int, default=40, help="queries per class (default 40)")
    ap.add_argument("--ingest-docs", type=int, default=16, help="generated documents to ingest (default 16)")
    ap.add_argument("--seed", type=int, default=20261128, help="seed of the generated documents")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="process counts (default 1 2)")
    ap.add_argument("--skip-search", action="store_true")
    ap.add_argument("--skip-ingest", action="store_true")
    ap.add_argument("--shared-records", action="store_true",
                    help="the rq run files into PostgreSQL and OpenSearch (default: SQLite, as the local pool)")
    args = ap.parse_args()
    needed = SERVICE_URLS if not args.skip_search or args.shared_records else ("REDIS_URL",)
    missing = [u for u in needed if not os.environ.get(u)]
    if missing:
        sys.exit(f"needs {', '.join(missing)}: run eval \"$(make -s services-up)\" first")
    started = time.perf_counter()
    if not args.skip_search:
        bench_search(args.docs, args.queries)
    if not args.skip_ingest:
        bench_ingest(args.ingest_docs, args.seed, args.workers, args.shared_records)
    flags = " --skip-search" if args.skip_search else f" --docs {args.docs} --queries {args.queries}"
    flags += " --skip-ingest" if args.skip_ingest else (f" --ingest-docs {args.ingest_docs} --seed {args.seed} "
                                                       f"--workers {' '.join(map(str, args.workers))}")
    flags += " --shared-records" if args.shared_records else ""
    print(f"\n({time.perf_counter() - started:.0f} s) reproduce: .venv/bin/python bench/scaled.py{flags}")


if __name__ == "__main__":
    main()
