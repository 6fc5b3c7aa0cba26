"""Pages read by rq workers (worker/queue.RqPages), on a real Redis with real `dossier worker` processes: two
workers share one PDF and the filing path files it exactly as with the local pool; a page whose worker was
killed is read by another; a page that keeps crashing its worker is a page error, never a lost file; the
watcher keeps a scan claimed while its pages wait and moves it once filed.

Needs REDIS_URL (services/up.sh, or a redis-server by hand); skipped otherwise. Works in a Redis database of
its own (flushed before and after) and SQLite records: with page jobs the records are the client's.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO
from urllib.parse import urlsplit, urlunsplit

import pytest

from dossier.classify.keys import make_vin
from tests.conftest import ROOT
from tests.test_cli_intake import text_pdf
from tests.test_watch import FAULTS, Running, left_in, sha

pytestmark = pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs REDIS_URL (services/up.sh)")
REDIS_DB = 14
SCAN = ROOT / "tests" / "data" / "unit_1_move_in.png"


@pytest.fixture
def redis_url() -> Iterator[str]:
    from redis import Redis

    p = urlsplit(os.environ["REDIS_URL"])
    url = urlunsplit((p.scheme, p.netloc, f"/{REDIS_DB}", p.query, p.fragment))
    Redis.from_url(url).flushdb()
    yield url
    Redis.from_url(url).flushdb()


def env(home: Path, redis_url: str | None, **extra: str) -> dict[str, str]:
    drop = {"DOSSIER_FAULT", "REDIS_URL", "DATABASE_URL", "OPENSEARCH_URL", "DOSSIER_LOG"}
    out = {k: v for k, v in os.environ.items() if k not in drop}
    out.update({"DOSSIER_HOME": str(home), "DOSSIER_TODAY": "2026-11-28", "DOSSIER_WORKERS": "2", **extra})
    if redis_url:
        out["REDIS_URL"] = redis_url
    return out


def ingest(home: Path, redis_url: str | None, *paths: Path) -> list[dict]:
    return ingest_env(home, redis_url, *paths)


def ingest_env(home: Path, redis_url: str | None, *paths: Path, **extra: str) -> list[dict]:
    proc = subprocess.run([sys.executable, "-m", "dossier.cli", "ingest", "--json", *map(str, paths)], cwd=ROOT,
                          env=env(home, redis_url, **extra), capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return [json.loads(x) for x in proc.stdout.splitlines()]


class Worker:
    """`dossier worker --name NAME` in a session of its own; its JSON log (one line per page read) in a file."""

    def __init__(self, name: str, home: Path, redis_url: str, tmp: Path, fault: str | None = None) -> None:
        extra = {"DOSSIER_LOG": "json"}
        if fault:
            extra.update({"DOSSIER_FAULT": fault, "PYTHONPATH": os.pathsep.join(
                p for p in (str(FAULTS), os.environ.get("PYTHONPATH", "")) if p)})
        self.name = name
        self.log = tmp / f"{name}.log"
        self._out: IO[bytes] = self.log.open("wb")
        self.proc = subprocess.Popen([sys.executable, "-m", "dossier.cli", "worker", "--name", name], cwd=ROOT,
                                     env=env(home, redis_url, **extra), stdout=subprocess.DEVNULL, stderr=self._out,
                                     start_new_session=True)

    def pages(self, sha256: str) -> list[int]:
        return [page for page, _ in self.readers(sha256)]

    def readers(self, sha256: str) -> list[tuple[int, int]]:
        """(page, the process that read it), in the order read."""
        lines = [json.loads(x) for x in self.log.read_text(encoding="utf-8").splitlines() if x.startswith("{")]
        return [(x["page"], x["pid"]) for x in lines if x.get("event") == "page" and x.get("sha256") == sha256]

    def kill(self) -> None:
        """The machine is lost: the worker and its work-horse at once (rq puts the horse in a session of its own)."""
        horses = [int(p) for p in os.listdir("/proc") if p.isdigit() and _ppid(int(p)) == self.proc.pid]
        os.killpg(self.proc.pid, signal.SIGKILL)
        for pid in horses:
            os.kill(pid, signal.SIGKILL)
        self.proc.wait()

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            self.proc.wait(timeout=60)
        self._out.close()


def _ppid(pid: int) -> int | None:
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return None


def ready(redis_url: str, names: set[str], timeout: float = 120) -> None:
    from redis import Redis
    from rq import Worker as RqWorker

    conn = Redis.from_url(redis_url)
    deadline = time.monotonic() + timeout
    while {w.name for w in RqWorker.all(connection=conn)} < names:
        assert time.monotonic() < deadline, "the rq workers did not start"
        time.sleep(0.2)


def handovers(path: Path, cars: int) -> Path:
    """A born-digital PDF (text layer: no OCR, quick) of `cars` handover checklists and sales contracts."""
    pages = []
    for i in range(cars):
        vin = make_vin(random.Random(100 + i))
        pages += [["交车检查表", f"车架号：{vin}", f"交车日期：2026年3月{i + 1}日", "客户签字：", "销售顾问签字："],
                  ["汽车销售合同", f"车辆识别代号：{vin}", "出卖人 买受人 车辆价款 违约责任", f"签订日期：2026年2月{i + 1}日"]]
    path.parent.mkdir(parents=True, exist_ok=True)
    return text_pdf(path, pages)


def page_jobs_left(redis_url: str) -> list[str]:
    from redis import Redis

    return [k.decode() for k in Redis.from_url(redis_url).scan_iter("rq:job:page-*")]


def test_two_workers_share_one_pdf_and_it_is_filed_as_with_the_local_pool(redis_url: str, tmp_path: Path) -> None:
    pdf = handovers(tmp_path / "in" / "handovers.pdf", 4)
    photo = tmp_path / "in" / "move_in.png"
    photo.write_bytes(SCAN.read_bytes())  # a scan: one page read by the OCR engine in a worker
    workers = [Worker(n, tmp_path / "worker-home", redis_url, tmp_path) for n in ("w1", "w2")]
    try:
        ready(redis_url, {"w1", "w2"})
        queued = ingest(tmp_path / "rq", redis_url, pdf, photo)
    finally:
        for w in workers:
            w.stop()
    local = ingest(tmp_path / "local", None, pdf, photo)

    assert [(d["source"], d["pages"]) for d in queued] == [(str(pdf), [p]) for p in range(1, 9)] + [(str(photo), [1])]
    assert [d["doc_type"] for d in queued][1::2] == ["sales_contract"] * 4 and queued[-1]["doc_type"] == "move_in"
    assert queued == local  # the same documents, fields, signatures, crops and ids, whoever read the pages
    read = [w.pages(sha(pdf)) for w in workers]
    assert all(read) and sorted(read[0] + read[1]) == list(range(1, 9)), read  # both read pages of the one PDF
    # Each worker read all its pages in one process, which kept what it had loaded (worker.page_worker):
    # not a process forked per page, and not the worker itself.
    for w in workers:
        assert len({pid for _, pid in w.readers(sha(pdf))}) == 1 and w.proc.pid not in {
            pid for _, pid in w.readers(sha(pdf))}, w.readers(sha(pdf))
    assert page_jobs_left(redis_url) == []  # every outcome taken back, nothing left behind in Redis
    # The pages were stored by the workers under the client's archive, as the local pool stores them.
    assert sorted(p.name for p in (tmp_path / "rq").rglob("p000*.jpg")) == sorted(
        p.name for p in (tmp_path / "local").rglob("p000*.jpg"))


def test_a_page_that_keeps_crashing_its_worker_is_a_page_error_not_a_lost_file(redis_url: str, tmp_path: Path) -> None:
    pdf = handovers(tmp_path / "in" / "four.pdf", 2)
    # Page 2: the worker reads a page 1 of its own as it starts (worker.queue._read_a_page).
    worker = Worker("crashing", tmp_path / "worker-home", redis_url, tmp_path, fault="crash_page:2")
    try:
        ready(redis_url, {"crashing"})
        out = ingest(tmp_path / "home", redis_url, pdf)
    finally:
        worker.stop()
    second = next(d for d in out if 2 in d["pages"])
    assert second["status"] == "needs_review" and "page 2: the OCR worker failed after retries" in second["reason"]
    assert "识别进程出错" in second["reason"]
    assert sorted(p for d in out for p in d["pages"]) == [1, 2, 3, 4]  # the file filed whole, its failed page flagged
    assert all(d["status"] == "filed" for d in out if 2 not in d["pages"]), out
    assert page_jobs_left(redis_url) == []  # reported to the client, not left in the failed registry
    # The worker outlived its crashed reader: the pages after the crash were read by a new one.
    readers = dict(worker.readers(sha(pdf)))
    assert sorted(readers) == [1, 3, 4] and readers[3] != readers[1]


def test_a_page_that_hangs_is_ended_by_its_own_limit_and_the_worker_reads_on(redis_url: str, tmp_path: Path) -> None:
    """The page's time limit (worker.tasks) ends a hang the engine can be interrupted in; the reading process
    survives it and reads the next pages, its loaded state kept."""
    pdf = handovers(tmp_path / "in" / "four.pdf", 2)
    worker = Worker("hanging", tmp_path / "worker-home", redis_url, tmp_path, fault="hang_page:2")
    try:
        ready(redis_url, {"hanging"})
        started = time.monotonic()
        out = ingest_env(tmp_path / "home", redis_url, pdf, DOSSIER_PAGE_TIMEOUT="3")
        took = time.monotonic() - started
    finally:
        worker.stop()
    second = next(d for d in out if 2 in d["pages"])
    assert second["status"] == "needs_review" and "超时" in second["reason"], second["reason"]
    assert all(d["status"] == "filed" for d in out if 2 not in d["pages"]), out
    readers = worker.readers(sha(pdf))
    assert sorted(p for p, _ in readers) == [1, 2, 3, 4] and len({pid for _, pid in readers}) == 1, readers
    assert took < 60  # ended by the page's 3 s, not by the job's timeout


@pytest.mark.slow  # ~1.5 min: rq's monitor kills a horse a minute past the job's timeout, looking every 30 s
def test_a_page_stuck_where_no_signal_reaches_is_killed_at_its_timeout_and_the_worker_reads_on(
    redis_url: str, tmp_path: Path
) -> None:
    """An engine stuck in C code (SIGALRM blocked): the page's own limit cannot end it, so the worker kills its
    reading process once the job's timeout is past, fails the job, and reads the next page in a new one."""
    from redis import Redis
    from rq.job import Job
    from rq.serializers import JSONSerializer

    from dossier.config import load_settings
    from dossier.worker.page_models import PageTask
    from dossier.worker.queue import page_payload, page_queue

    pdf = handovers(tmp_path / "in" / "two.pdf", 1)
    conn = Redis.from_url(redis_url)
    worker = Worker("stuck", tmp_path / "worker-home", redis_url, tmp_path, fault="stuck_page:2")
    try:
        ready(redis_url, {"stuck"})
        pages = page_queue(load_settings(home=tmp_path / "home"), conn)
        jobs = {}
        for index in (2, 1):  # queued in this order: page 1 waits behind the stuck page
            task = PageTask(sha256=sha(pdf), path=str(pdf), index=index, home=str(tmp_path / "home"),
                            engine="rapidocr", dpi=200, max_pixels=40_000_000, timeout=1)
            jobs[index] = pages.enqueue("dossier.worker.page_job.read_page", page_payload(task).model_dump(mode="json"),
                                        job_timeout=1).id  # no retry: one kill is enough to see
        started = time.monotonic()
        deadline = started + 240
        while Job.fetch(jobs[1], connection=conn, serializer=JSONSerializer).get_status() != "finished":
            assert time.monotonic() < deadline, "the stuck page was never ended"
            time.sleep(1)
        took = time.monotonic() - started
        stuck = Job.fetch(jobs[2], connection=conn, serializer=JSONSerializer)
        alive = worker.proc.poll() is None
    finally:
        worker.stop()
    assert stuck.get_status() == "failed" and "terminated unexpectedly" in (stuck.latest_result().exc_string or "")  # type: ignore[union-attr]
    assert 60 < took < 200, took  # rq's backstop: a minute past the job's timeout, not the page's own limit
    assert alive and worker.pages(sha(pdf)) == [1]  # the worker lived on, and a new process read page 1


@pytest.mark.slow  # ~2 min: rq finds a job abandoned once its worker's heartbeat (90 s) has lapsed
def test_a_page_whose_worker_was_killed_is_read_by_another(redis_url: str, tmp_path: Path) -> None:
    from redis import Redis
    from rq import Queue
    from rq.registry import StartedJobRegistry
    from rq.serializers import JSONSerializer

    from dossier.worker.queue import PAGES

    pdf = handovers(tmp_path / "in" / "four.pdf", 2)
    conn = Redis.from_url(redis_url)
    started = StartedJobRegistry(queue=Queue(PAGES, connection=conn, serializer=JSONSerializer))
    lost = Worker("lost", tmp_path / "worker-home", redis_url, tmp_path, fault="stuck_page:2")
    other: Worker | None = None
    client = subprocess.Popen([sys.executable, "-m", "dossier.cli", "ingest", "--json", str(pdf)], cwd=ROOT,
                              env=env(tmp_path / "home", redis_url), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True)
    try:
        deadline = time.monotonic() + 120
        while not any(j.split("-")[2] == "2" for j in started.get_job_ids()):  # page-SHA-INDEX-DIGEST
            assert time.monotonic() < deadline, "the first worker never took page 2"
            time.sleep(0.3)
        lost.kill()  # mid-job: page 2 is in its hands
        other = Worker("other", tmp_path / "worker-home", redis_url, tmp_path)
        stdout, stderr = client.communicate(timeout=400)
    finally:
        client.kill()
        lost.stop()
        if other:
            other.stop()
    assert client.returncode == 0 and other is not None, stderr
    out = [json.loads(x) for x in stdout.splitlines()]
    assert [(d["pages"], d["status"]) for d in out] == [([1], "filed"), ([2], "filed"), ([3], "filed"), ([4], "filed")]
    assert 2 in other.pages(sha(pdf)) and 2 not in lost.pages(sha(pdf))
    assert page_jobs_left(redis_url) == []


def test_the_watcher_keeps_a_scan_claimed_while_its_pages_wait_and_moves_it_once_filed(
    redis_url: str, tmp_path: Path
) -> None:
    """`dossier watch` with REDIS_URL: no OCR in the watcher, the pages queued for the workers; killed and
    restarted meanwhile, it takes back the pages it had queued rather than queueing them again."""
    from redis import Redis
    from rq import Queue
    from rq.serializers import JSONSerializer

    from dossier.worker.queue import PAGES

    home, drop = tmp_path / "home", tmp_path / "drop"
    pdf = handovers(drop / "handovers.pdf", 1)
    pages = Queue(PAGES, connection=Redis.from_url(redis_url), serializer=JSONSerializer)
    args = ("--json", "--stable", "0.2", "--interval", "1", str(drop))
    watcher = Running(home, *args, REDIS_URL=redis_url)
    worker: Worker | None = None
    try:
        deadline = time.monotonic() + 60
        while pages.count < 2:
            assert time.monotonic() < deadline, f"pages not queued; {''.join(watcher.stderr)}"
            time.sleep(0.2)
        queued = sorted(pages.job_ids)
        job = pages.fetch_job(queued[0])
        assert job is not None and job.func_name == "dossier.worker.page_job.read_page"
        assert job.args[0]["sha256"] == sha(pdf)  # a JSON payload: the page's task, no pickle
        time.sleep(2)
        assert left_in(drop) == ["handovers.pdf"] and watcher.lines.empty()  # nothing moved without a worker
        watcher.proc.kill()
        watcher.proc.wait()
        watcher = Running(home, *args, REDIS_URL=redis_url)
        time.sleep(3)
        assert sorted(pages.job_ids) == queued  # the same two jobs, not two more
        worker = Worker("w", tmp_path / "worker-home", redis_url, tmp_path)
        out = json.loads(watcher.wait_for('"outcome"', timeout=120))
    finally:
        watcher.stop()
        if worker:
            worker.stop()
    assert out["outcome"] == "filed" and [d["pages"] for d in out["documents"]] == [[1], [2]]
    assert left_in(drop) == [] and [p.name for p in (drop / "processed").iterdir()] == ["handovers.pdf"]
    assert page_jobs_left(redis_url) == []
