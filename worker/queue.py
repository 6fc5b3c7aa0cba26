"""The scaled work queue (REDIS_URL): one rq job per source file, taken by `dossier worker` on any machine.

The job id is the file's SHA-256, so the same scan is never queued twice. A job runs the very pipeline of
the embedded mode (worker/pipeline.Pipeline: archive, read, classify, file), one page after another in
the worker's process -- the rq workers are the parallelism here, one per core. Failures are retried with
backoff; a job whose worker died (killed, machine lost) is found abandoned by another worker's
maintenance and retried; a job out of retries stays in the failed registry for `dossier status` and
`dossier worker --retry-failed`.

Workers on other machines read the file where the client saw it: the drop folders and DOSSIER_HOME are
shared storage in a multi-machine deployment.

Jobs, their arguments and results are JSON (rq's JSONSerializer), never pickles: whoever can write to Redis
can queue work, but cannot make a worker run code of their choosing by unpickling it. Redis must still be
reachable by the deployment's own machines only (README, Scaled deployment). A Redis that cannot be reached
is QueueUnavailable (a StorageError, exit 6): one line, the scans kept where they are.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel

try:
    from redis import Redis
    from redis.exceptions import RedisError
    from rq import Queue, Retry, Worker
    from rq.exceptions import NoSuchJobError
    from rq.job import Job, JobStatus
    from rq.registry import FailedJobRegistry
    from rq.serializers import JSONSerializer
except ImportError as missing:  # the embedded install has no scaled-mode clients
    from dossier.errors import ScaledClientMissing

    raise ScaledClientMissing("REDIS_URL") from missing

from dossier import oplog
from dossier.archive import sha256_file
from dossier.config import Settings, load_settings
from dossier.errors import QueueUnavailable
from dossier.models import DocumentResult
from dossier.worker.pipeline import expand, quarantined

QUEUE = "dossier"
RETRY = Retry(max=3, interval=[10, 60, 300])  # seconds: a busy database, a restarting node, a lost machine
RESULT_TTL = 7 * 24 * 3600  # a client that waits reads the results back; a week is plenty
FAILURE_TTL = 30 * 24 * 3600  # failed jobs stay listed (and re-runnable) for a month
ACTIVE = {JobStatus.QUEUED, JobStatus.STARTED, JobStatus.DEFERRED, JobStatus.SCHEDULED}


def job_timeout(settings: Settings) -> int:
    """Seconds one source may take: generous (a long PDF), yet bounded, so a hung job is retried."""
    return int(max(600, settings.page_timeout * 50))


def connect(settings: Settings) -> Redis:
    if not settings.redis_url:
        raise ValueError("REDIS_URL is not set")
    return Redis.from_url(settings.redis_url)


def queue(settings: Settings, conn: Redis | None = None) -> Queue:
    """The queue; its jobs (and the registries', the workers') are read and written as JSON, never pickled."""
    return Queue(QUEUE, connection=conn or connect(settings), default_timeout=job_timeout(settings),
                 serializer=JSONSerializer)


@contextmanager
def reachable() -> Iterator[None]:
    """Redis errors inside, as QueueUnavailable: one clear line and exit 6, not a traceback."""
    try:
        yield
    except RedisError as e:
        raise QueueUnavailable(str(e)) from e


# --- the job -------------------------------------------------------------------------------------------
def process_source(given: str, path: str, presets: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """Archive and file one source through the pipeline; returns its JSON Lines as dicts. Runs in a worker.
    `presets`: the drop folder's (ingest.folders.Presets), when `dossier watch` queued it."""
    import cv2

    from dossier.policy import default_policy
    from dossier.presets import Presets
    from dossier.records import open_store
    from dossier.worker.pipeline import Pipeline
    from dossier.worker.tasks import process_page

    cv2.setNumThreads(1)  # one rq worker per core
    settings = load_settings()
    store = open_store(settings)
    try:
        folder = Presets.model_validate(presets) if presets else None
        pipe = Pipeline(settings, store, default_policy(), presets=folder)  # type: ignore[arg-type]  # any RecordStore
        job = pipe.prepare(given, Path(path))
        if job.admission != "admitted":
            results = pipe.unread(job)
        else:
            job.outcomes = [process_page(t) for t in pipe.tasks(job)]
            results = pipe.finish(job)
        oplog.file_done(given, job.sha or None, results, job.page_count, time.monotonic() - job.started,
                        job=job.sha or None)
        return [r.model_dump(mode="json") for r in results]
    finally:
        store.close()


# --- the client ----------------------------------------------------------------------------------------
def enqueue_source(
    path: Path, settings: Settings, given: str | None = None, conn: Redis | None = None,
    presets: dict[str, Any] | None = None,
) -> str:
    """Queue one source file; returns the job id (the file's SHA-256). A job for the same bytes that is
    waiting, running or failed is left as it is; a finished one is queued again (it then reports
    `duplicate`, as a second ingest of the same file does in the embedded mode)."""
    sha = sha256_file(path)
    q = queue(settings, conn)
    try:
        old = Job.fetch(sha, connection=q.connection, serializer=JSONSerializer)
        if old.get_status(refresh=True) in ACTIVE | {JobStatus.FAILED}:
            return sha
        old.delete()
    except Exception:  # NoSuchJobError, or a job written by another rq version: start afresh
        pass
    q.enqueue(
        process_source, given or str(path), str(path.resolve()), presets, job_id=sha, retry=RETRY,
        result_ttl=RESULT_TTL, failure_ttl=FAILURE_TTL, description=f"dossier: {given or path}",
    )
    return sha


class Submitted(BaseModel):
    given: str
    job_id: str | None = None  # None: quarantined at once (unreadable), see `immediate`
    immediate: list[DocumentResult] = []


def submit(paths: Iterable[str], settings: Settings) -> list[Submitted]:
    """Queue every file of `paths` (folders expanded as in the embedded mode)."""
    with reachable():
        return _submit(paths, settings)


def _submit(paths: Iterable[str], settings: Settings) -> list[Submitted]:
    conn = connect(settings)
    conn.ping()  # down: said once, before anything
    out = []
    for given, path in expand(paths):
        try:
            if path.is_symlink() or not path.is_file():
                raise OSError("不是普通文件或无法访问 / not a regular file or not accessible")
            out.append(Submitted(given=given, job_id=enqueue_source(path, settings, given, conn)))
        except OSError as e:
            msg = e.strerror or str(e)
            out.append(Submitted(given=given, immediate=[quarantined(given, f"无法读取文件 / cannot read the file: {msg}")]))
    return out


NO_WORKER = "等待中：没有正在运行的 dossier worker / waiting: no `dossier worker` is running"


def failed_after_retries(error: str, *, kept: bool = False) -> str:
    """What a clerk is told of a job that failed for good (`kept`: its file waits in the drop folder)."""
    zh = "处理失败（已重试），" + ("文件保留在投递目录；" if kept else "") + "见 dossier status，可用 dossier worker --retry-failed 重新处理"
    en = ("processing failed after retries" + ("; the file stays in the drop folder" if kept else "")
          + ": see dossier status, re-run with dossier worker --retry-failed")
    return f"{zh} / {en} ({error})"


def wait(submitted: list[Submitted], settings: Settings, poll: float = 0.5) -> Iterator[DocumentResult]:
    """Each source's results in the order given, as its job finishes. A failed job (out of retries) gives
    one `quarantined` line that says so; a second file with the same bytes gives `duplicate` lines."""
    with reachable():
        yield from _wait(submitted, settings, poll)


def _wait(submitted: list[Submitted], settings: Settings, poll: float) -> Iterator[DocumentResult]:
    conn = connect(settings)
    seen: dict[str, list[DocumentResult]] = {}
    started, hinted = time.monotonic(), False
    for s in submitted:
        if s.job_id is None:
            yield from s.immediate
            continue
        if s.job_id in seen:
            yield from (_duplicate(r, s.given) for r in seen[s.job_id])
            continue
        job = Job.fetch(s.job_id, connection=conn, serializer=JSONSerializer)
        while (status := job.get_status(refresh=True)) not in (JobStatus.FINISHED, JobStatus.FAILED, None):
            if not hinted and time.monotonic() - started > 10 and not Worker.count(connection=conn):
                hinted = True
                print(NO_WORKER, file=sys.stderr, flush=True)
            time.sleep(poll)
        if status == JobStatus.FINISHED:
            results = [DocumentResult.model_validate(r) for r in (job.return_value() or [])]
            for r in results:
                r.source = s.given
        else:
            results = [quarantined(s.given, failed_after_retries(_last_line(job)), s.job_id)]
        seen[s.job_id] = results
        yield from results


class JobState(BaseModel):
    """Where a queued source stands, for a client that does not block on it (`dossier watch`)."""

    state: Literal["waiting", "finished", "failed", "missing"]  # missing: expired, or Redis lost it
    results: list[DocumentResult] = []  # finished: the source's documents, committed
    error: str | None = None  # failed: the last error line


def job_state(job_id: str, given: str, conn: Redis) -> JobState:
    """The job's state; a finished job's results as they concern `given` -- a second file with the same
    bytes as the one the job filed gets `duplicate` results, as in `wait`."""
    try:
        job = Job.fetch(job_id, connection=conn, serializer=JSONSerializer)
    except NoSuchJobError:
        return JobState(state="missing")
    status = job.get_status(refresh=False)
    if status == JobStatus.FINISHED:
        results = [DocumentResult.model_validate(r) for r in (job.return_value() or [])]
        if results and all(r.source != given for r in results):
            results = [_duplicate(r, given) for r in results]
        return JobState(state="finished", results=results)
    if status == JobStatus.FAILED:
        return JobState(state="failed", error=_last_line(job))
    if status in ACTIVE:
        return JobState(state="waiting")
    return JobState(state="missing")  # stopped or cancelled by hand: queue it again


def workers_running(conn: Redis) -> int:
    return int(Worker.count(connection=conn))


def _duplicate(first: DocumentResult, given: str) -> DocumentResult:
    if first.status == "quarantined":
        return first.model_copy(update={"source": given})
    return first.model_copy(update={
        "source": given, "status": "duplicate", "duplicate_of": first.duplicate_of or first.id,
        "reason": f"与已归档文件相同（{first.source}） / same bytes as an already filed file ({first.source})",
    })


def _last_line(job: Job) -> str:
    exc = job.latest_result().exc_string if job.latest_result() else job.exc_info  # type: ignore[union-attr]
    # The traceback's last exception line ("pkg.SomeError: message"), not the message's trailing lines.
    heads = [ln for ln in (exc or "").splitlines() if re.match(r"[A-Za-z_][\w.]*(Error|Exception|Timeout)\b", ln)]
    lines = heads or [ln for ln in (exc or "").splitlines() if ln.strip()]
    return lines[-1][:500] if lines else "?"


# --- failed jobs and the worker ---------------------------------------------------------------------------
class FailedJob(BaseModel):
    id: str
    source: str
    error: str
    ended_at: str | None = None


def failed_jobs(settings: Settings) -> list[FailedJob]:
    with reachable():
        return _failed_jobs(settings)


def _failed_jobs(settings: Settings) -> list[FailedJob]:
    q = queue(settings)
    out = []
    for job_id in FailedJobRegistry(queue=q).get_job_ids():
        job = q.fetch_job(job_id)
        if job is None:
            continue
        out.append(FailedJob(id=job.id, source=str(job.args[0]) if job.args else "?", error=_last_line(job),
                             ended_at=job.ended_at.isoformat(timespec="seconds") if job.ended_at else None))
    return out


def retry_failed(settings: Settings, ids: Iterable[str] | None = None) -> list[str]:
    """Queue failed jobs again (all, or the given ids); returns the ids queued."""
    with reachable():
        registry = FailedJobRegistry(queue=queue(settings))
        todo = list(ids) if ids is not None else registry.get_job_ids()
    done = []
    for job_id in todo:
        try:
            registry.requeue(job_id)
            done.append(job_id)
        except Exception:  # no longer failed (already re-run) or expired
            continue
    return done


def _preload(settings: Settings) -> None:
    """The pipeline's modules and the OCR models, loaded once in the worker before it forks a work-horse
    per job: every horse starts with them (copy-on-write) instead of loading them again (docs/benchmarks-history.md,
    scaled mode: a small part of a job's cost). The engine runs on one thread, so no thread pool is
    lost in the fork."""
    import cv2

    import dossier.worker.pipeline  # noqa: F401
    from dossier.classify.ocr.registry import warm

    cv2.setNumThreads(1)
    warm(settings.ocr_engine)


def run_worker(settings: Settings, *, burst: bool = False, name: str | None = None) -> bool:
    """Take jobs until stopped (or, with burst, until the queue is empty). Abandoned jobs -- their worker
    died, so their heartbeat (~90 s) lapsed -- are looked for about every 30 s rather than rq's default
    ten minutes: an idle worker waits for work at most worker_ttl - 15 s before its maintenance runs."""
    q = queue(settings)
    with reachable():
        q.connection.ping()  # down: said at once, before the models are loaded
        _preload(settings)
        w = Worker([q], connection=q.connection, name=name, maintenance_interval=30, worker_ttl=45,
                   serializer=JSONSerializer)
        return bool(w.work(burst=burst, with_scheduler=True, logging_level="WARNING"))
