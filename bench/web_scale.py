"""The clerk's workbench at 100,000 documents (issue 19, point 8): server time of the search and dossier
pages, and how soon a review write shows in the queues.

Not a test. Builds an embedded archive (SQLite + FTS5) of N documents in car and unit dossiers through the
store's own commit_source (one source per dossier, as a batch scan files it; no OCR): the forms of
bench/search_latency.py (300-600 characters of Chinese, one dossier in ten in Traditional script, VINs,
plates, ID and invoice numbers as fields), dated across the past year so that checklists fall due, a few
documents with a blank required signature and some waiting for review without a dossier. Then, through the
ASGI app in-process (httpx's ASGI transport: the server's whole work, no socket), logged in as a clerk:

  * GET /search?q=… with search_latency's query mix, and GET /dossiers/{key}: p50/p95 over --requests
    each, beside the bare call the page wraps (the index's search(), service.show()) as the reference;
  * GET / (the home page's counts) beside one full pass of the reports it used to make at every load
    (service.missing_report and signatures_report);
  * a review write: a document waiting for review is given its type and dossier (store.update_classification,
    as teaching does), then the home page's and the review queue's counts are polled until they show it.

Reproduce:
    .venv/bin/python bench/web_scale.py 100000                     # builds in a temporary folder (~8 min)
    .venv/bin/python bench/web_scale.py 100000 --home /tmp/ws100k  # kept, and reused by the next run
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import random
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import httpx  # noqa: E402
from search_latency import _S2T, car_docs, pct, queries, unit_docs  # noqa: E402

from dossier.config import Settings  # noqa: E402
from dossier.models import DossierRef, SignatureField, StoredDocument  # noqa: E402
from dossier.policy import default_policy  # noqa: E402
from dossier.service import missing_report, review_report, show, signatures_report  # noqa: E402
from dossier.store import SqlStore, open_sqlite  # noqa: E402
from dossier.web import users  # noqa: E402
from dossier.web.app import create_app  # noqa: E402

TODAY = date(2026, 12, 1)
PASSWORD = "bench password 1"
REVIEW_SHARE = 0.02  # documents filed without a dossier, waiting for a clerk
BLANK_SHARE = 0.03  # documents whose required customer signature was left blank


def _dossiers(rng: random.Random) -> Iterator[tuple[DossierRef, list[StoredDocument]]]:
    """One dossier at a time: its documents as the pipeline would have filed them."""
    while True:
        unit = rng.random() < 0.2
        kind = "unit" if unit else "car"
        traditional = rng.random() < 0.1
        day = TODAY - timedelta(days=rng.randint(1, 365))
        docs: list[StoredDocument] = []
        key = ""
        for doc_type, text, fields in (unit_docs(rng) if unit else car_docs(rng)):
            key = fields.get("unit" if unit else "vin", key)
            waiting = rng.random() < REVIEW_SHARE
            signatures = [SignatureField(role="customer", label="客户签字", status="blank", confidence=0.9,
                                         required=True)] if rng.random() < BLANK_SHARE else []
            docs.append(StoredDocument(
                source=f"scan/{key}/{len(docs) + 1:02d}.pdf", pages=[len(docs) + 1],
                doc_type=doc_type, confidence=0.6 if waiting else 0.95,
                dossier=None if waiting else DossierRef(kind=kind, key=key),
                fields={**fields, "date": day.isoformat()}, doc_date=day.isoformat(), signatures=signatures,
                status="needs_review" if waiting else "filed", reason="车架号未核实 / VIN unverified" if waiting else None,
                text=text.translate(_S2T) if traditional else text,
            ))
        yield DossierRef(kind=kind, key=key), docs


def build(store: SqlStore, n: int) -> tuple[int, int, float]:
    """N documents filed; returns (documents, dossiers, seconds)."""
    rng = random.Random(7)
    done = dossiers = 0
    t0 = time.perf_counter()
    for ref, docs in _dossiers(rng):
        docs = docs[: n - done]
        sha = hashlib.sha256(f"{ref.kind}/{ref.key}/{dossiers}".encode()).hexdigest()
        store.commit_source(sha, f"/scans/{ref.key}.pdf", f"{ref.key}.pdf", "pdf", len(docs), docs)
        done, dossiers = done + len(docs), dossiers + 1
        if dossiers % 500 == 0:
            rate = done / (time.perf_counter() - t0)
            print(f"  {done} documents, {dossiers} dossiers, {rate:.0f} docs/s", file=sys.stderr)
        if done >= n:
            return done, dossiers, time.perf_counter() - t0
    raise AssertionError("unreachable")


async def timed(ask: Callable[[], Awaitable[object]], times: int) -> list[float]:
    ms = []
    for _ in range(times):
        t = time.perf_counter()
        await ask()
        ms.append((time.perf_counter() - t) * 1000)
    return ms


def line(name: str, ms: list[float], ref: list[float] | None = None) -> str:
    out = f"{name:<26} {len(ms):>5} {pct(ms, 50):>8.1f} {pct(ms, 95):>8.1f} {max(ms):>8.1f}"
    if ref:
        out += f"   ×{pct(ms, 95) / pct(ref, 95):.3g} of the reference's p95"
    return out


async def run(home: Path, requests: int) -> None:
    settings = Settings(home=home, today=TODAY.isoformat())
    app = create_app(settings)
    t = time.perf_counter()
    async with app.router.lifespan_context(app):
        # The app's start-up: the store opened, the queues' counts filled (web/counts.py).
        print(f"app started in {(time.perf_counter() - t) * 1000:.0f} ms", flush=True)
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as c:
            page = await c.get("/login")
            csrf = re.search(r'name="csrf" value="([^"]+)"', page.text)
            assert csrf, "no login form"
            r = await c.post("/login", data={"username": "bench", "password": PASSWORD, "csrf": csrf.group(1)})
            assert r.status_code == 303, r.text
            await measure(app, c, requests)


def _count(html: str, key: str) -> int:
    m = re.search(rf'class="count-{key}"><th>[^<]*</th><td>(\d+)</td>', html)
    assert m, f"no {key} count on the home page"
    return int(m.group(1))


async def measure(app: object, c: httpx.AsyncClient, requests: int) -> None:
    st = app.state  # type: ignore[attr-defined]
    store: SqlStore = st.store
    rng = random.Random(11)
    keys = [r.key for r in store.dossiers()]
    vins = [k for k in keys if len(k) == 17]
    plates = [p for (p,) in store.engine.connect().exec_driver_sql(
        "SELECT DISTINCT json_extract(fields, '$.plate') FROM documents WHERE json_extract(fields, '$.plate') "
        "IS NOT NULL LIMIT 5000")]
    per_class = max(1, requests // 8)
    mix = [(q, kw) for qs in queries(vins, plates, keys, rng, per_class).values() for q, kw in qs]
    rng.shuffle(mix)
    picked = [rng.choice(keys) for _ in range(requests)]

    async def search_page(q: str, kw: dict) -> None:
        params = {"q": q, "type": kw.get("doc_type", ""), "dossier": kw.get("dossier", "")}
        r = await c.get("/search", params=params)
        assert r.status_code == 200, r.status_code

    async def dossier_page(key: str) -> None:
        r = await c.get(f"/dossiers/{key}")
        assert r.status_code == 200, r.status_code

    for q, kw in mix[:10]:  # warm the page cache once, as a running server would be
        await search_page(q, kw)
    it, dit = iter(mix), iter(picked)
    search_ms = await timed(lambda: search_page(*next(it)), len(mix))
    it = iter(mix)
    def bare(q: str, kw: dict) -> object:  # what the page asks of the index, without the page around it
        return store.index.search(q, doc_type=kw.get("doc_type"), dossier=kw.get("dossier"), limit=50)

    bare_search = await timed(lambda: asyncio.sleep(0, bare(*next(it))), len(mix))
    dossier_ms = await timed(lambda: dossier_page(next(dit)), len(picked))
    dit = iter(picked)
    policy = default_policy()
    bare_show = await timed(lambda: asyncio.sleep(0, show(store, store.find_dossier(next(dit)),  # type: ignore[arg-type]
                                                          policy, st.settings)), len(picked))
    print(f"{'':<26} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    print(line("search page", search_ms, bare_search))
    print(line("  bare index.search()", bare_search))
    print(line("dossier page", dossier_ms, bare_show))
    print(line("  bare service.show()", bare_show), flush=True)
    home_ms = await timed(lambda: c.get("/"), 20)
    t = time.perf_counter()
    missing_report(store, policy, st.settings)
    signatures_report(store, policy)
    full_pass = [(time.perf_counter() - t) * 1000]  # what every home page load did before the cache
    print(line("home page (counts)", home_ms, full_pass))
    print(line("  full pass (reports)", full_pass), flush=True)

    # A review write, then how soon a queue shows it: one write watched on the home page, another in the
    # review queue (service.review_report, what the queue page lists), each polled alone.
    waiting = rng.sample(store.queue("needs_review"), 2)

    async def home_count() -> int:
        return _count((await c.get("/")).text, "needs_review")

    async def review_count() -> int:
        return len(review_report(store, policy))

    for d, where, count in ((waiting[0], "on the home page", home_count), (waiting[1], "in the review queue", review_count)):
        before = await count()
        d.dossier = DossierRef(kind="car" if "vin" in d.fields else "unit", key=d.fields.get("vin") or d.fields["unit"])
        d.status, d.reason = "filed", None
        t0 = time.perf_counter()
        store.update_classification(d)
        write_ms = (time.perf_counter() - t0) * 1000
        while await count() != before - 1 and time.perf_counter() - t0 < 30:
            pass
        print(f"review write (update_classification, {write_ms:.1f} ms) visible {where} after "
              f"{(time.perf_counter() - t0) * 1000:.1f} ms", flush=True)
    mean = statistics.mean(search_ms + dossier_ms)
    print(f"mean of all page requests {mean:.1f} ms")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int, nargs="?", default=100_000, help="documents (default 100000)")
    ap.add_argument("--requests", type=int, default=400, help="requests per page (default 400)")
    ap.add_argument("--home", type=Path, help="archive folder, kept; one already holding N documents is reused")
    args = ap.parse_args()

    tmp = tempfile.TemporaryDirectory()
    home = args.home or Path(tmp.name)
    for _ in range(2):  # the second open: what every command pays (dossier/integrity.py)
        t = time.perf_counter()
        store = open_sqlite(home / "dossier.sqlite3")
        print(f"opened the archive in {(time.perf_counter() - t) * 1000:.0f} ms", flush=True)
        store.close()
    store = open_sqlite(home / "dossier.sqlite3")
    have = sum(store.counts().get(s, 0) for s in ("filed", "needs_review"))
    if have != args.n:
        if have:
            raise SystemExit(f"{home} holds {have} documents, not {args.n}: use another --home")
        n, dossiers, seconds = build(store, args.n)
        print(f"filed {n} documents in {dossiers} dossiers in {seconds:.0f} s ({n / seconds:.0f} docs/s)")
        users.add_user(store.engine, "bench", "clerk", PASSWORD)
    else:
        print(f"reused {home}: {have} documents, {len(store.dossiers())} dossiers")
    store.close()
    asyncio.run(run(home, args.requests))
    print(f"reproduce: .venv/bin/python bench/web_scale.py {args.n} --requests {args.requests}")
    tmp.cleanup()


if __name__ == "__main__":
    main()
