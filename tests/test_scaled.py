"""The scaled mode on real services: PostgreSQL records, rq on Redis, OpenSearch.

Needs `eval "$(make -s services-up)"` (REDIS_URL, DATABASE_URL, OPENSEARCH_URL); skipped otherwise. Each
run works in its own database, Redis database and index alias, and removes them, so a developer's data
beside them is never touched.
"""

from __future__ import annotations

import json
import multiprocessing as mp
import os
import shutil
import sqlite3
import subprocess
import sys
import time
import uuid
import zlib
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from dossier.config import Settings, load_settings
from dossier.errors import DuplicateSource
from dossier.models import DossierRef
from dossier.records import open_store
from tests.conftest import ROOT
from tests.test_store_contract import _search, doc
from tests.test_watch import fault_env

URLS = ("REDIS_URL", "DATABASE_URL", "OPENSEARCH_URL")
pytestmark = pytest.mark.skipif(
    not all(os.environ.get(u) for u in URLS),
    reason="scaled services not configured: run `eval \"$(make -s services-up)\"` (REDIS_URL, DATABASE_URL, OPENSEARCH_URL)",
)
SCAN = ROOT / "tests" / "data" / "unit_1_move_in.png"


def _with_path(url: str, path: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, path, parts.query, parts.fragment))


@pytest.fixture(scope="module")
def services() -> Iterator[dict[str, str]]:
    """A database, a Redis database and an index alias of this run only, as environment variables."""
    from redis import Redis
    from sqlalchemy import create_engine, text

    from dossier.dialect import engine_url
    from dossier.search.opensearch import OpenSearchIndex, connect

    name = f"dossier_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(engine_url(os.environ["DATABASE_URL"]), isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f"CREATE DATABASE {name}"))
    env = {
        "DATABASE_URL": _with_path(os.environ["DATABASE_URL"], "/" + name),
        "REDIS_URL": _with_path(os.environ["REDIS_URL"], "/13"),
        "OPENSEARCH_URL": os.environ["OPENSEARCH_URL"],
        "DOSSIER_OPENSEARCH_INDEX": name.replace("_", "-"),
    }
    Redis.from_url(env["REDIS_URL"]).flushdb()
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        yield env
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        Redis.from_url(env["REDIS_URL"]).flushdb()
        OpenSearchIndex(connect(env["OPENSEARCH_URL"]), env["DOSSIER_OPENSEARCH_INDEX"]).drop()
        with admin.connect() as c:
            c.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()


def _clear_pg(url: str) -> None:
    """Empty records and index (the test database and alias are this run's own)."""
    from sqlalchemy import create_engine, text

    from dossier.dialect import engine_url
    from dossier.migrate import migrate
    from dossier.search.opensearch import OpenSearchIndex, connect

    migrate(url)
    eng = create_engine(engine_url(url))
    with eng.begin() as c:
        c.execute(text("TRUNCATE documents, sources, dossiers, aliases RESTART IDENTITY CASCADE"))
    eng.dispose()
    index = OpenSearchIndex(connect(os.environ["OPENSEARCH_URL"]), os.environ["DOSSIER_OPENSEARCH_INDEX"])
    index.ensure_schema()
    index.clear()


def _sqlite_settings(home: Path) -> Settings:
    """The configuration of an office with SQLite records and OpenSearch (no DATABASE_URL)."""
    return load_settings(home=home).model_copy(update={"database_url": None})


def test_search_follows_opensearch_url_whatever_the_records(services: dict[str, str], tmp_path: Path) -> None:
    """OPENSEARCH_URL alone moves search to OpenSearch, for SQLite records as for PostgreSQL ones, under the
    index alias Settings names (DOSSIER_OPENSEARCH_INDEX)."""
    from dossier.search.fts import FtsIndex
    from dossier.search.opensearch import OpenSearchIndex
    from dossier.store import SqlStore

    _clear_pg(services["DATABASE_URL"])
    settings = _sqlite_settings(tmp_path)
    assert settings.opensearch_index == services["DOSSIER_OPENSEARCH_INDEX"]
    store = open_store(settings)
    assert isinstance(store, SqlStore) and store.engine.dialect.name == "sqlite"
    assert isinstance(store.index, OpenSearchIndex) and store.index.alias == services["DOSSIER_OPENSEARCH_INDEX"]
    [doc_id] = store.commit_source("s1", "a.png", "/o", "png", 1, [doc("a.png", "3-3-303", unit="3-3-303")])
    assert _search(store, "交接钥匙") == [doc_id]
    fts_conn = sqlite3.connect(settings.db_path)
    assert FtsIndex(fts_conn).count() == 0  # the embedded index was not written
    fts_conn.close()
    # Refused (the same bytes again): nothing reaches the index.
    with pytest.raises(DuplicateSource):
        store.commit_source("s1", "b.png", "/o", "png", 1, [doc("b.png", "3-3-304", unit="3-3-304")])
    assert _search(store, "3-3-304") == [] and store.index.count() == 1
    store.close()

    # The command line: the same records, searched in OpenSearch; without OPENSEARCH_URL, in FTS5 (empty).
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    run = partial(subprocess.run, [sys.executable, "-m", "dossier.cli", "search", "--json", "钥匙"], cwd=ROOT,
                  capture_output=True, text=True, timeout=120)
    found = run(env={**env, "DOSSIER_HOME": str(tmp_path)})
    assert found.returncode == 0, found.stderr
    assert [h["id"] for h in json.loads(found.stdout)] == [doc_id]
    embedded = run(env={**{k: v for k, v in env.items() if k != "OPENSEARCH_URL"}, "DOSSIER_HOME": str(tmp_path)})
    assert json.loads(embedded.stdout) == []


def test_an_installed_copy_migrates_a_new_database(services: dict[str, str], tmp_path: Path) -> None:
    """The alembic scripts ship in the package: a build of it (what a wheel holds), imported from outside the
    checkout, brings an empty PostgreSQL database to the schema."""
    from sqlalchemy import create_engine, inspect, text

    from dossier.dialect import engine_url

    lib = tmp_path / "lib"
    build = subprocess.run(
        [sys.executable, "-c", "from setuptools import setup; setup()", "-q", "egg_info", "--egg-base", str(tmp_path),
         "build", "--build-base", str(tmp_path / "build"), "--build-lib", str(lib)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert build.returncode == 0, build.stderr
    assert (lib / "dossier" / "migrations" / "versions" / "0001_records.py").is_file()
    name = f"{services['DATABASE_URL'].rsplit('/', 1)[1]}_pkg"
    admin = create_engine(engine_url(os.environ["DATABASE_URL"]), isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f"CREATE DATABASE {name}"))
    try:
        url = _with_path(services["DATABASE_URL"], "/" + name)
        code = ("import sys, dossier.migrate as s; assert s.MIGRATIONS.is_relative_to(sys.argv[2]), s.MIGRATIONS; "
                "s.migrate(sys.argv[1])")
        migrated = subprocess.run([sys.executable, "-c", code, url, str(lib)], cwd=tmp_path, capture_output=True,
                                  text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(lib)})
        assert migrated.returncode == 0, migrated.stderr
        eng = create_engine(engine_url(url))
        tables = set(inspect(eng).get_table_names())
        eng.dispose()
        assert {"sources", "documents", "dossiers", "aliases", "alembic_version"} <= tables
    finally:
        with admin.connect() as c:
            c.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()


# --- many workers, one dossier -------------------------------------------------------------------------------
def _file_many(url: str, home: str, worker: int, barrier: mp.synchronize.Barrier) -> list[int]:
    os.environ["DATABASE_URL"] = url
    store = open_store(load_settings(home=Path(home)))
    barrier.wait()
    won = []
    for i in range(15):
        # Both workers file the same 15 scans (two copies dropped in two sites' folders) plus their own.
        for sha in (f"shared-{i}", f"own-{worker}-{i}"):
            try:
                store.commit_source(sha, f"{sha}.png", "/o", "png", 1, [doc(f"{sha}.png", "9-9-999", unit="9-9-999")])
                won.append(1)
            except DuplicateSource:
                won.append(0)
        store.add_alias("unit", f"P{i}", "9-9-999")
    store.close()
    return won


def test_two_processes_filing_into_one_dossier_lose_nothing_and_duplicate_nothing(
    services: dict[str, str], tmp_path: Path
) -> None:
    _clear_pg(services["DATABASE_URL"])
    ctx = mp.get_context("spawn")
    barrier = ctx.Manager().Barrier(2)
    with ctx.Pool(2) as pool:
        results = pool.starmap(_file_many, [(services["DATABASE_URL"], str(tmp_path), w, barrier) for w in (1, 2)])
    assert sum(map(sum, results)) == 15 + 2 * 15  # each shared scan filed once, every own scan filed
    store = open_store(load_settings(home=tmp_path))
    docs = store.dossier_documents(DossierRef(kind="unit", key="9-9-999"))
    assert len(docs) == 45
    assert len({d.sha256 for d in docs}) == 45
    assert store.dossiers() == [DossierRef(kind="unit", key="9-9-999")]
    assert len(store.aliases_of(DossierRef(kind="unit", key="9-9-999"))) == 15
    store.close()


# --- the queue -----------------------------------------------------------------------------------------------
def test_the_same_scan_is_queued_once(services: dict[str, str], tmp_path: Path) -> None:
    from redis import Redis

    from dossier.worker.queue import enqueue_source, queue

    Redis.from_url(services["REDIS_URL"]).flushdb()
    settings = load_settings(home=tmp_path)
    a = tmp_path / "a.png"
    b = tmp_path / "copy of a.png"
    shutil.copy(SCAN, a)
    shutil.copy(SCAN, b)
    first = enqueue_source(a, settings)
    assert enqueue_source(a, settings) == first == enqueue_source(b, settings)
    assert len(first) == 64
    assert queue(settings).count == 1
    Redis.from_url(services["REDIS_URL"]).flushdb()


def _dossier(env: dict[str, str], home: Path, *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        [sys.executable, "-m", "dossier.cli", *args], capture_output=True, text=True, timeout=timeout, cwd=ROOT,
        env={**os.environ, **env, "DOSSIER_HOME": str(home), "DOSSIER_TODAY": "2026-11-28"},
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc


@pytest.mark.slow  # ~20 s: two OCR runs in worker processes
def test_a_worker_files_queued_scans_into_shared_records_and_index(services: dict[str, str], tmp_path: Path) -> None:
    from redis import Redis

    Redis.from_url(services["REDIS_URL"]).flushdb()
    _clear_pg(services["DATABASE_URL"])
    home = tmp_path / "home"
    scans = tmp_path / "scans"
    scans.mkdir()
    shutil.copy(SCAN, scans / "move_in.png")
    shutil.copy(SCAN, scans / "move_in copy.png")
    (scans / "empty.pdf").write_bytes(b"")

    queued = [json.loads(x) for x in _dossier(services, home, "ingest", "--no-wait", "--json", str(scans)).stdout.splitlines()]
    assert [q["given"] for q in queued] == [str(scans / n) for n in ("empty.pdf", "move_in copy.png", "move_in.png")]
    assert queued[1]["job_id"] == queued[2]["job_id"] and len(queued[1]["job_id"]) == 64  # one job for both copies

    _dossier(services, home, "worker", "--burst")

    shown = json.loads(_dossier(services, home, "show", "--json", "9-2-2803").stdout)
    assert [d["doc_type"] for d in shown["documents"]] == ["move_in"]
    doc_id = shown["documents"][0]["id"]
    found = json.loads(_dossier(services, home, "search", "--json", "入住").stdout)
    assert [h["id"] for h in found] == [doc_id]
    status = json.loads(_dossier(services, home, "status", "--json").stdout)
    assert (status["filed"], status["quarantined"], status["failed_jobs"]) == (1, 1, [])

    # The index is derived data: lost, it is rebuilt from the records.
    from dossier.search.opensearch import OpenSearchIndex, connect

    OpenSearchIndex(connect(services["OPENSEARCH_URL"]), services["DOSSIER_OPENSEARCH_INDEX"]).clear()
    assert json.loads(_dossier(services, home, "search", "--json", "9-2-2803").stdout) == []
    assert json.loads(_dossier(services, home, "reindex", "--json").stdout) == {"indexed": 1}
    found = json.loads(_dossier(services, home, "search", "--json", "9-2-2803").stdout)
    assert [h["id"] for h in found] == [doc_id]

    # `ingest` without --no-wait waits for the workers and prints the embedded mode's JSON Lines.
    shutil.copy(ROOT / "tests" / "data" / "unit_2_application.jpg", scans / "application.jpg")
    worker = subprocess.Popen(
        [sys.executable, "-m", "dossier.cli", "worker"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        env={**os.environ, **services, "DOSSIER_HOME": str(home)},
    )
    try:
        out = [json.loads(x) for x in _dossier(services, home, "ingest", "--json", str(scans / "application.jpg"),
                                                str(scans / "move_in.png")).stdout.splitlines()]
    finally:
        worker.terminate()
        worker.wait(timeout=60)
    assert [(r["source"], r["status"]) for r in out] == [
        (str(scans / "application.jpg"), "filed"), (str(scans / "move_in.png"), "duplicate")]
    assert out[0]["dossier"] == {"kind": "unit", "key": "A座508"} and out[0]["doc_type"] == "application"
    assert out[1]["duplicate_of"] == doc_id


@pytest.mark.slow  # one OCR run in a worker process
def test_watch_queues_the_pages_of_stable_scans_and_moves_them_only_once_committed(
    services: dict[str, str], tmp_path: Path
) -> None:
    """`dossier watch` with REDIS_URL: a stable scan is admitted and its pages queued as page jobs (JSON), read
    by a worker, not by the watcher; it stays in the drop folder -- across a watcher killed and restarted, which
    queues nothing twice -- until its record, with the folder's presets, is committed to the shared records.
    Bad input is quarantined at admission with its reason, as in the embedded mode."""
    from redis import Redis

    from dossier.worker.queue import page_queue
    from tests.test_watch import Running, left_in
    from tests.test_watch import sha as sha_of

    redis = Redis.from_url(services["REDIS_URL"])
    redis.flushdb()
    _clear_pg(services["DATABASE_URL"])
    home, drop = tmp_path / "home", tmp_path / "drop"
    drop.mkdir()
    shutil.copy(SCAN, drop / "move_in.png")
    shutil.copy(SCAN, drop / "move_in copy.png")
    (drop / "empty.pdf").write_bytes(b"")
    (drop / ".dossier-folder.yaml").write_text("staff: 王五\n", encoding="utf-8")
    files = [".dossier-folder.yaml", "move_in copy.png", "move_in.png"]
    args = ("--json", "--stable", "0.2", "--interval", "1", str(drop))
    pages = page_queue(load_settings(home=home), redis)

    watcher = Running(home, *args, **services)
    try:
        bad = json.loads(watcher.wait_for('"empty.pdf"', timeout=60))  # refused at admission: no worker needed
        deadline = time.monotonic() + 60
        while pages.count < 1:
            assert time.monotonic() < deadline, f"not queued; {''.join(watcher.stderr)}"
            time.sleep(0.2)
        [job_id] = pages.job_ids  # the two copies are one file's page, read once
        job = pages.fetch_job(job_id)
        assert job is not None and job.args[0]["sha256"] == sha_of(drop / "move_in.png") and job.args[0]["index"] == 1
        raw = zlib.decompress(redis.hget(f"rq:job:{job_id}", "data"))  # type: ignore[arg-type]
        assert json.loads(raw)[0] == "dossier.worker.page_job.read_page"  # JSON, not a pickle
        time.sleep(2)  # passes of the watcher: nothing is read, moved or recorded without a worker
        assert left_in(drop) == files and watcher.lines.empty()
        # Killed while its page waits in the queue: the restarted watcher queues nothing twice.
        watcher.proc.kill()
        watcher.proc.wait()
        watcher = Running(home, *args, **services)
        time.sleep(3)
        assert pages.job_ids == [job_id] and left_in(drop) == files

        _dossier(services, home, "worker", "--burst")
        out = {o["file"]: o for o in (json.loads(watcher.wait_for('"outcome"', timeout=60)) for _ in range(2))}
    finally:
        watcher.stop()
    first, second = sorted(["move_in copy.png", "move_in.png"], key=lambda f: out[f]["outcome"] != "filed")
    assert {f: o["outcome"] for f, o in out.items()} == {first: "filed", second: "duplicate"}
    assert bad["outcome"] == "quarantined"
    filed = out[first]["documents"][0]
    assert filed["dossier"] == {"kind": "unit", "key": "9-2-2803"} and filed["fields"]["staff"] == "王五"
    assert out[second]["documents"][0]["duplicate_of"] == filed["id"]
    assert left_in(drop) == [".dossier-folder.yaml"]
    assert sorted(p.name for p in (drop / "processed").iterdir()) == ["move_in copy.png", "move_in.png"]
    reason = (drop / "quarantine" / "empty.pdf.reason.txt").read_text(encoding="utf-8")
    assert bad["reason"] in reason
    # The shared records hold the one document; the watcher kept no SQLite records of its own.
    store = open_store(load_settings(home=home))
    assert [d.id for d in store.dossier_documents(DossierRef(kind="unit", key="9-2-2803"))] == [filed["id"]]
    assert store.counts()["quarantined"] == 1
    store.close()
    assert not (home / "dossier.sqlite3").exists()
    assert pages.count == 0 and not list(redis.scan_iter("rq:job:page-*"))


def test_watch_with_the_queue_down_keeps_the_scan_and_says_so(tmp_path: Path) -> None:
    """Redis unreachable is a fault of the system, not of the scan: it stays in the drop folder (exit code 6
    with --once, as for a full disk) and nothing is quarantined."""
    from tests.test_watch import dossier as watch_cmd
    from tests.test_watch import left_in

    drop = tmp_path / "drop"
    drop.mkdir()
    shutil.copy(SCAN, drop / "move_in.png")
    proc = watch_cmd(tmp_path / "home", "watch", "--once", "--json", "--stable", "0.2", str(drop), check=False,
                     REDIS_URL="redis://127.0.0.1:1/0")
    assert proc.returncode == 6, proc.stdout + proc.stderr
    [out] = [json.loads(x) for x in proc.stdout.splitlines()]
    assert out["outcome"] == "error" and "Redis" in out["reason"] and "保留在投递目录" in out["reason"]
    assert left_in(drop) == ["move_in.png"] and not (drop / "quarantine").exists()


def _ppid(pid: int) -> int | None:
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return None


@pytest.mark.slow
def test_a_job_whose_worker_was_killed_is_retried_by_another(services: dict[str, str], tmp_path: Path) -> None:
    """rq finds the job abandoned once its worker's heartbeat lapses (~90 s) and hands it to another."""
    import signal

    from redis import Redis

    from dossier.models import DossierRef
    from dossier.worker.queue import enqueue_source

    Redis.from_url(services["REDIS_URL"]).flushdb()
    _clear_pg(services["DATABASE_URL"])
    home = tmp_path / "home"
    scan = tmp_path / "letters.pdf"  # two pages: a worker reads a page 1 of its own as it starts (_read_a_page)
    shutil.copy(ROOT / "tests" / "data" / "unit_1_letters.pdf", scan)
    settings = load_settings(home=home)
    job_id = enqueue_source(scan, settings)
    env = {**os.environ, **services, "DOSSIER_HOME": str(home)}

    def start(**extra: str) -> subprocess.Popen[bytes]:
        return subprocess.Popen([sys.executable, "-m", "dossier.cli", "worker"], cwd=ROOT, env={**env, **extra},
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)

    from rq.job import Job
    from rq.serializers import JSONSerializer

    first = start(**fault_env("stuck_page:2"))  # takes the job and hangs in it
    deadline = time.monotonic() + 60
    while Job.fetch(job_id, connection=Redis.from_url(services["REDIS_URL"]), serializer=JSONSerializer).get_status() != "started":
        assert time.monotonic() < deadline, "the first worker never started the job"
        time.sleep(0.5)
    # The machine is lost: worker and work-horse at once (rq puts the horse in a session of its own).
    horses = [int(p) for p in os.listdir("/proc") if p.isdigit() and _ppid(int(p)) == first.pid]
    assert horses, "the worker has no work-horse"
    os.killpg(first.pid, signal.SIGKILL)
    for pid in horses:
        os.kill(pid, signal.SIGKILL)
    first.wait()

    second = start()
    try:
        store = open_store(settings)
        deadline = time.monotonic() + 300
        while not store.dossier_documents(DossierRef(kind="unit", key="9-2-2803")):
            assert time.monotonic() < deadline, "the abandoned job was not retried"
            time.sleep(2)
        store.close()
    finally:
        os.killpg(second.pid, signal.SIGTERM)
        second.wait(timeout=60)


def test_failed_jobs_are_listed_and_run_again(services: dict[str, str], tmp_path: Path) -> None:
    from redis import Redis

    from dossier.worker.queue import process_source, queue

    Redis.from_url(services["REDIS_URL"]).flushdb()
    _clear_pg(services["DATABASE_URL"])
    home = tmp_path / "home"
    scan = tmp_path / "move_in.png"
    shutil.copy(SCAN, scan)
    # Queued without retries, and taken by a worker whose database is down: the job fails at once.
    queue(load_settings(home=home)).enqueue(process_source, str(scan), str(scan), job_id="j1")
    _dossier({**services, "DATABASE_URL": _with_path(services["DATABASE_URL"], "/no_such_database")}, home,
             "worker", "--burst")
    status = json.loads(_dossier(services, home, "status", "--json").stdout)
    assert [(j["id"], j["source"]) for j in status["failed_jobs"]] == [("j1", str(scan))]
    assert "no_such_database" in status["failed_jobs"][0]["error"]
    assert "j1" in _dossier(services, home, "status", "--lang", "en").stdout

    _dossier(services, home, "worker", "--burst", "--retry-failed")
    assert json.loads(_dossier(services, home, "status", "--json").stdout)["failed_jobs"] == []
    shown = json.loads(_dossier(services, home, "show", "--json", "9-2-2803").stdout)
    assert [d["source"] for d in shown["documents"]] == [str(scan)]


@pytest.mark.slow  # one OCR run in a worker process
def test_the_web_app_files_an_upload_through_the_workers_and_shows_it(services: dict[str, str], tmp_path: Path) -> None:
    """Issue 19, point 1: the scaled mode serves the same app, its uploads read by the rq workers (not by
    the app's process) and filed into PostgreSQL and OpenSearch, where its search and queues find them."""
    pytest.importorskip("fastapi", reason="the [web] extra")
    from fastapi.testclient import TestClient
    from redis import Redis

    from dossier.config import load_settings
    from dossier.records import open_store
    from dossier.web import users
    from dossier.web.app import create_app
    from dossier.worker.queue import page_queue
    from tests.test_web import PASSWORD, token

    Redis.from_url(services["REDIS_URL"]).flushdb()
    _clear_pg(services["DATABASE_URL"])
    home = tmp_path / "home"
    settings = load_settings(home=home, today="2026-11-28")
    assert settings.redis_url and settings.database_url and settings.opensearch_url
    store = open_store(settings)
    users.add_user(store.engine, "clerk", "clerk", PASSWORD)  # type: ignore[attr-defined]
    store.close()
    worker = None
    try:
        with TestClient(create_app(settings), follow_redirects=False) as c:
            auth = token(c, "clerk")
            r = c.post("/api/v1/documents", headers=auth, params={"wait": "false"},
                       files=[("files", ("入住登记.png", SCAN.read_bytes(), "image/png"))])
            assert r.status_code == 202, r.text
            batch = r.headers["location"]
            # No worker yet: the page waits in the queue; the app does not read it itself.
            deadline = time.monotonic() + 30
            while not page_queue(settings).count:
                assert time.monotonic() < deadline, "the page was never queued"
                time.sleep(0.2)
            time.sleep(2)
            assert c.get(batch, headers=auth).json()["files"][0]["state"] != "done"
            worker = subprocess.Popen(
                [sys.executable, "-m", "dossier.cli", "worker"], cwd=ROOT, stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE, env={**os.environ, **services, "DOSSIER_HOME": str(home)})
            deadline = time.monotonic() + 240
            while (f := c.get(batch, headers=auth).json()["files"][0])["state"] != "done":
                assert time.monotonic() < deadline, f
                time.sleep(0.5)
            [doc] = f["results"]
            assert (doc["doc_type"], doc["dossier"]) == ("move_in", {"kind": "unit", "key": "9-2-2803"})
            store = open_store(settings)
            getattr(store.index, "refresh", lambda: None)()  # OpenSearch shows a write within 1 s; ask at once
            store.close()
            hits = c.get("/api/v1/search", params={"q": "入住"}, headers=auth).json()
            assert [h["id"] for h in hits] == [doc["id"]]
            view = c.get("/api/v1/dossiers/9-2-2803", headers=auth).json()
            assert [d["id"] for d in view["documents"]] == [doc["id"]]
    finally:
        if worker is not None:
            worker.terminate()
            worker.wait(timeout=60)
