"""The scaled work queue (REDIS_URL): pages read by `dossier worker` processes on any machine.

Two kinds of jobs, both JSON (rq's JSONSerializer), never pickles: whoever can write to Redis can queue work,
but cannot make a worker run code of their choosing by unpickling it. Redis must still be reachable by the
deployment's own machines only (README, Scaled deployment). A Redis that cannot be reached is
QueueUnavailable (a StorageError, exit 6): one line, the scans kept where they are.

- **Page jobs** (queue `dossier-pages`), through RqPages, the rq implementation of the filing path's
  PageExecutor: `dossier ingest` and `dossier watch` admit a file, queue each of its pages as a job (a
  PageTask), and whichever worker is free reads it -- two workers share one long PDF as the local pool's
  processes do. The outcomes come back in page order to the one filing path (Pipeline.file), which
  assembles, resolves and commits in the client, exactly as with the local pool. A page whose worker
  crashed or died (killed, machine lost: rq finds the job abandoned once its heartbeat lapses) is read
  again, twice at most; a page that still fails is a page error the document goes to review with, as in
  the local pool -- never lost. The job id is derived from the task, so a watcher restarted mid-file takes
  back the pages it had queued instead of queueing them again. The archived original and the page images
  are under the client's DOSSIER_HOME, which the workers share (the same path on every machine).
- **Source jobs** (queue `dossier`, `dossier ingest --no-wait`): the whole file, filed by the worker through
  the same Pipeline.file with its pages read in the worker's own process. The job id is the file's
  SHA-256, so the same scan is never queued twice. Failures are retried with backoff; a job out of
  retries stays in the failed registry for `dossier status` and `dossier worker --retry-failed`.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import re
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pydantic import BaseModel

try:
    from redis import Redis
    from redis.exceptions import RedisError
    from rq import Queue, Retry, Worker
    from rq.exceptions import NoSuchJobError
    from rq.job import Job, JobStatus
    from rq.registry import FailedJobRegistry
    from rq.results import Result
    from rq.serializers import JSONSerializer
except ImportError as missing:  # the embedded install has no scaled-mode clients
    from dossier.errors import ScaledClientMissing

    raise ScaledClientMissing("REDIS_URL") from missing

from dossier.archive import sha256_file
from dossier.config import Settings, load_settings
from dossier.errors import OcrError, QueueUnavailable
from dossier.messages import text
from dossier.models import DocumentResult, PageResult, PageText
from dossier.worker.page_models import PageOutcome, PageTask
from dossier.worker.pipeline import expand, quarantined

QUEUE = "dossier"  # source jobs (ingest --no-wait)
PAGES = "dossier-pages"  # page jobs: a client waits on each, so workers take them first
RETRY = Retry(max=3, interval=[10, 60, 300])  # seconds: a busy database, a restarting node, a lost machine
RESULT_TTL = 7 * 24 * 3600  # a client that waits reads the results back; a week is plenty
FAILURE_TTL = 30 * 24 * 3600  # failed jobs stay listed (and re-runnable) for a month
ACTIVE = {JobStatus.QUEUED, JobStatus.STARTED, JobStatus.DEFERRED, JobStatus.SCHEDULED}
PAGE_RETRY = Retry(max=2)  # as the local pool (worker/local.RETRIES): at once, on whichever worker is free
PAGE_RESULT_TTL = 3600  # the waiting client takes the outcome and deletes the job; this is for one that died
PAGE_WINDOW = 16  # pages queued and not yet taken back per client: enough to keep a few workers busy
NO_WORKER_HINT = 10.0  # seconds a client waits with no `dossier worker` running before it says so


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


# --- the source job (ingest --no-wait) -------------------------------------------------------------------
def process_source(given: str, path: str, presets: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """File one source through the filing path, its pages read in this process; returns its JSON Lines as
    dicts. Runs in a worker. `presets`: a drop folder's (ingest.folders.Presets)."""
    import cv2

    from dossier.policy import default_policy
    from dossier.presets import Presets
    from dossier.records import open_store
    from dossier.worker.executor import InProcess
    from dossier.worker.pipeline import Pipeline

    cv2.setNumThreads(1)  # one rq worker per core
    settings = load_settings()
    store = open_store(settings)
    try:
        folder = Presets.model_validate(presets) if presets else None
        pipe = Pipeline(settings, store, default_policy(), presets=folder)
        return [r.model_dump(mode="json") for r in pipe.file([(given, Path(path))], InProcess())]
    finally:
        store.close()


# --- page jobs: the rq PageExecutor -------------------------------------------------------------------------
def page_job_timeout(settings: Settings) -> int:
    """The page's own limit ends a slow page first (worker.tasks); this covers a hang it cannot interrupt."""
    return int(settings.page_timeout * 2 + 30)


def page_queue(settings: Settings, conn: Redis | None = None) -> Queue:
    return Queue(PAGES, connection=conn or connect(settings), default_timeout=page_job_timeout(settings),
                 serializer=JSONSerializer)


def page_payload(task: PageTask) -> PageTask:
    """The task as queued: no rendering ahead -- that is for one process reading a file's pages in order,
    and a worker here reads one page of any file (the next page may well be another worker's)."""
    return task.model_copy(update={"render_ahead": False})


def page_job_id(task: PageTask) -> str:
    """The same page of the same bytes, read the same way into the same archive, is one job."""
    digest = hashlib.sha256(page_payload(task).model_dump_json().encode()).hexdigest()[:16]
    return f"page-{task.sha256[:16]}-{task.index}-{digest}"


def page_failed(task: PageTask, error: str) -> PageOutcome:
    detail = text("ocr.worker_failed", page=task.index, error=error)
    return PageOutcome(page=PageResult(index=task.index, text=PageText(width=0, height=0), error=OcrError(detail).message))


class RqPages:
    """The filing path's PageExecutor on rq: each page a job, read by whichever `dossier worker` is free.

    Nothing touches Redis before the first page: a watcher starts with Redis down, and says so per file."""

    def __init__(self, settings: Settings, conn: Redis | None = None, window: int = PAGE_WINDOW,
                 poll: float = 0.05) -> None:
        self.settings = settings
        self.window = window
        self.poll = poll
        self._conn = conn
        self._queue: Queue | None = None
        self._hinted = False

    @property
    def queue(self) -> Queue:
        if self._queue is None:
            self._queue = page_queue(self.settings, self._conn)
        return self._queue

    def submit(self, task: PageTask) -> Future[PageOutcome]:
        with reachable():
            self._enqueue(task)
        return Future()  # completed by result(): the job, not this future, is where the page is read

    def _enqueue(self, task: PageTask) -> None:
        """Queue the page, unless the same job waits or runs already (a restarted client takes it back)."""
        job_id = page_job_id(task)
        try:
            old = Job.fetch(job_id, connection=self.queue.connection, serializer=JSONSerializer)
            if old.get_status(refresh=False) in ACTIVE:
                return
            _drop(old)  # finished or failed for a client that did not take it back: read it afresh
        except NoSuchJobError:
            pass
        self.queue.enqueue(
            "dossier.worker.page_job.read_page", page_payload(task).model_dump(mode="json"), job_id=job_id,
            retry=PAGE_RETRY, result_ttl=PAGE_RESULT_TTL, failure_ttl=PAGE_RESULT_TTL,
            description=f"page {task.index} of {task.sha256[:12]}",
        )

    def result(self, task: PageTask, fut: Future[PageOutcome]) -> PageOutcome:
        """The page's outcome once a worker has read it; a page that failed for good, as a failed page."""
        with reachable():
            outcome = self._wait(task)
        fut.set_result(outcome)
        return outcome

    def _wait(self, task: PageTask) -> PageOutcome:
        job_id = page_job_id(task)
        conn = self.queue.connection
        since = time.monotonic()
        while True:
            try:
                job = Job.fetch(job_id, connection=conn, serializer=JSONSerializer)
            except NoSuchJobError:  # expired, or taken back by another client waiting on the same page
                self._enqueue(task)
                continue
            status = job.get_status(refresh=False)
            if status == JobStatus.FINISHED:
                outcome = PageOutcome.model_validate(job.return_value())
                _drop(job)
                return outcome
            if status == JobStatus.FAILED:  # out of retries: a page error, as the local pool's crash
                error = _last_line(job)
                _drop(job)
                return page_failed(task, error)
            if status not in ACTIVE:  # stopped or cancelled by hand
                _drop(job)
                self._enqueue(task)
                continue
            self._hint(since)
            # Blocks until the job has a result (or a second has passed): no polling while a page is read.
            if job.latest_result(timeout=1) is not None:
                time.sleep(self.poll)  # an attempt failed and is retried, or the status is being written

    def _hint(self, since: float) -> None:
        if not self._hinted and time.monotonic() - since > NO_WORKER_HINT and not Worker.count(connection=self.queue.connection):
            self._hinted = True
            print(text("queue.no_worker"), file=sys.stderr, flush=True)


def _drop(job: Job) -> None:
    try:
        job.delete()
    except ValueError:  # rq 2 cannot delete a job one of whose executions lapsed with its dead worker
        job.connection.delete(job.execution_registry.key)
        job.delete()
    Result.delete_all(job)  # its results stream outlives the job otherwise, and a new job of the id would see it


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
                raise OSError(text("input.not_a_file"))
            out.append(Submitted(given=given, job_id=enqueue_source(path, settings, given, conn)))
        except OSError as e:
            msg = e.strerror or str(e)
            out.append(Submitted(given=given, immediate=[quarantined(given, text("input.unreadable", error=msg))]))
    return out


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
    """The pipeline's modules and the OCR models, loaded once in the worker before it forks its work-horse
    (worker.page_worker): the horse starts with them (copy-on-write), and so does a horse forked to replace
    one that crashed. The engine runs on one thread, so no thread pool is lost in the fork."""
    import cv2

    import dossier.worker.page_job  # noqa: F401  # the page jobs' entry point
    import dossier.worker.pipeline  # noqa: F401
    from dossier.classify.ocr.registry import warm

    cv2.setNumThreads(1)
    warm(settings.ocr_engine)
    _read_a_page(settings)
    gc.freeze()  # what is loaded stays shared with the horses: their collector never writes to it


def _read_a_page(settings: Settings) -> None:
    """Read one real page (a packaged invoice) before the horse is forked: the engine's first real reading,
    the orientation, seal and signature checks' one-time set-up (~0.7 s, BENCHMARKS.md, scaled mode) are
    then done here, not on the first page a client waits for."""
    from importlib.resources import as_file, files

    from dossier.worker.tasks import process_page

    with contextlib.suppress(Exception), tempfile.TemporaryDirectory(prefix="dossier-warm-") as home, \
            as_file(files("dossier.samples.real.invoices") / "电子发票.png") as page:
        process_page(PageTask(sha256="0" * 64, path=str(page), index=1, home=home, engine=settings.ocr_engine,
                              dpi=settings.dpi, max_pixels=settings.max_pixels, timeout=settings.page_timeout))


def run_worker(settings: Settings, *, burst: bool = False, name: str | None = None) -> bool:
    """Take jobs until stopped (or, with burst, until the queues are empty): pages first, a client waits on
    them; one work-horse reads them all, a new one only after a crash (worker.page_worker). Abandoned jobs
    -- their worker died, so their heartbeat (~90 s) lapsed -- are looked for about every 30 s rather than
    rq's default ten minutes: an idle worker waits for work at most worker_ttl - 15 s before its
    maintenance runs."""
    from dossier.worker.page_worker import PageWorker

    q = queue(settings)
    with reachable():
        q.connection.ping()  # down: said at once, before the models are loaded
        _preload(settings)
        w = PageWorker([page_queue(settings, q.connection), q], connection=q.connection, name=name,
                       maintenance_interval=30, worker_ttl=45, serializer=JSONSerializer)
        return bool(w.work(burst=burst, with_scheduler=True, logging_level="WARNING"))
