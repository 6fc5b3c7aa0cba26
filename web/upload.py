"""Files uploaded in the browser or through `POST /api/v1/documents`, filed through the drop folders' intake.

Each file is first written to DOSSIER_HOME/uploads/spool/ under a generated name (the client's file name is
kept as data only, never as a path), then filed once by the one filing path (worker/pipeline.Pipeline, the
page executor the settings choose: the local pool or the rq workers): the same bytes uploaded again answer
`duplicate`; a file that cannot be read is moved to uploads/quarantine/ with NAME.reason.txt beside it, as a
drop folder's would be. A file leaves the spool only after its record is committed; a storage fault leaves
it there, and the next start files it (exactly once, as the watcher does).

One thread files the uploads in order and writes each batch's progress (pages read of pages to read) to
uploads/batches/ID.json, which the status page (refreshed by <meta http-equiv="refresh">, no script) and
`GET /api/v1/uploads/{id}` read.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import os
import queue
import threading
import traceback
import uuid
from collections.abc import Callable
from concurrent.futures import Future
from contextlib import ExitStack
from datetime import UTC, datetime
from pathlib import Path, PureWindowsPath
from typing import IO, Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Request
from fastapi import Path as PathParam
from fastapi.responses import JSONResponse, RedirectResponse, Response
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import Message

from dossier.archive import atomic_write_bytes
from dossier.config import Settings
from dossier.errors import DossierError, StorageError
from dossier.ingest.folders import update_state
from dossier.ingest.watch import file_outcome, free_slot, move_to, write_reason
from dossier.messages import text
from dossier.models import DocumentResult
from dossier.policy import Policy
from dossier.records import RecordStore, open_store
from dossier.text import printable
from dossier.web.auth import ApiUser, PageUser, require, session_of
from dossier.web.pages import render
from dossier.web.session import csrf_ok
from dossier.web.users import User
from dossier.worker.executor import PageExecutor
from dossier.worker.page_models import PageOutcome, PageTask
from dossier.worker.pipeline import Pipeline, SourceJob, quarantined

pages = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api/v1")
UPLOADS = "uploads"  # under DOSSIER_HOME
MAX_FILES = 100
SLACK = 64 * 1024  # bytes of multipart framing beyond the files themselves
NAME_MAX = 255
BATCH_ID = r"^[0-9a-f]{32}$"
RETRY_AFTER = 60.0  # seconds before files the archive could not take are tried again (as the watcher waits)
API_WAIT = 900.0  # seconds the API waits for its files to be filed before answering 202 with the batch
REFRESH = 2  # seconds between the status page's reloads while pages are read
CHUNK = 1 << 20


class UploadedFile(BaseModel):
    name: str  # the client's file name, as data: shown and recorded as the source, never opened
    spool: str  # the generated name it waits under in uploads/spool/
    size: int
    sha256: str
    state: Literal["waiting", "reading", "done", "error"] = "waiting"
    pages_total: int | None = None  # known once the file is admitted
    pages_read: int = 0
    outcome: str | None = None  # filed | needs_review | duplicate | quarantined
    reason: str | None = None
    results: list[DocumentResult] = []  # as `dossier ingest --json` prints them


class Batch(BaseModel):
    id: str
    user: str
    created_at: str
    files: list[UploadedFile]
    done: bool = False


class Refusal(BaseModel):
    detail: str  # why, in both languages


class TooLarge(HTTPException):
    def __init__(self, mb: int) -> None:
        super().__init__(413, text("web.upload_too_large", mb=mb))
        self.mb = mb


def client_name(filename: str | None) -> str:
    """The client's name for the file, as data: its last part (a browser may send a whole path), printable."""
    name = PureWindowsPath(filename or "").name  # splits at / and at \
    return printable(name)[:NAME_MAX] or "upload"


# --- filing, on the intake's own thread --------------------------------------------------------------------
class _Counted(Pipeline):
    """The pipeline, telling how many pages each admitted file has."""

    def __init__(self, *args: Any, on_prepared: Callable[[SourceJob], None], **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.on_prepared = on_prepared

    def prepare(self, given: str, path: Path) -> SourceJob:
        job = super().prepare(given, path)
        self.on_prepared(job)
        return job


class _CountedPages:
    """The page executor, telling as each page is read."""

    def __init__(self, inner: PageExecutor, on_page: Callable[[], None]) -> None:
        self.inner, self.on_page, self.window = inner, on_page, inner.window

    def submit(self, task: PageTask) -> Future[PageOutcome]:
        return self.inner.submit(task)

    def result(self, task: PageTask, fut: Future[PageOutcome]) -> PageOutcome:
        out = self.inner.result(task, fut)
        self.on_page()
        return out


class Intake:
    def __init__(self, settings: Settings, policy: Policy) -> None:
        self.settings, self.policy = settings, policy
        root = settings.home / UPLOADS
        self.spool_dir, self.batch_dir, self.quarantine_dir = root / "spool", root / "batches", root / "quarantine"
        self._queue: queue.Queue[str | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._done: dict[str, threading.Event] = {}
        self._lock = threading.Lock()

    # --- the request's side ---------------------------------------------------------------------------------
    def spool(self, name: str, data: IO[bytes]) -> UploadedFile:
        """Write an upload into the spool under a new name (never following or replacing anything)."""
        spool = f"{uuid.uuid4().hex}.upload"
        h, size = hashlib.sha256(), 0
        try:
            self.spool_dir.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.spool_dir / spool, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
            with os.fdopen(fd, "wb") as out:
                while chunk := data.read(CHUNK):
                    h.update(chunk)
                    size += len(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
        except OSError as e:
            with contextlib.suppress(OSError):
                (self.spool_dir / spool).unlink(missing_ok=True)
            raise StorageError(f"{self.spool_dir}: {e.strerror or e}") from e
        return UploadedFile(name=name, spool=spool, size=size, sha256=h.hexdigest())

    def submit(self, user: str, files: list[UploadedFile]) -> Batch:
        batch = Batch(id=uuid.uuid4().hex, user=user, created_at=datetime.now(UTC).isoformat(timespec="seconds"),
                      files=files)
        self._save(batch)
        self._enqueue(batch.id)
        return batch

    def load(self, batch_id: str) -> Batch | None:
        path = self.batch_dir / f"{batch_id}.json"
        return Batch.model_validate_json(path.read_bytes()) if path.is_file() else None

    def wait(self, batch_id: str, timeout: float) -> bool:
        with self._lock:
            event = self._done.setdefault(batch_id, threading.Event())
        return event.wait(timeout)

    def resume(self) -> None:
        """Batches a stop interrupted: their files still in the spool are filed now."""
        if not self.batch_dir.is_dir():
            return
        for path in sorted(self.batch_dir.glob("*.json"), key=lambda p: p.stat().st_mtime):
            batch = self.load(path.stem)
            if batch and any(f.state != "done" and (self.spool_dir / f.spool).exists() for f in batch.files):
                self._enqueue(batch.id)

    def close(self) -> None:
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join()
            self._thread = None

    def _enqueue(self, batch_id: str) -> None:
        with self._lock:
            self._done.setdefault(batch_id, threading.Event())
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="upload-intake", daemon=True)
                self._thread.start()
        self._queue.put(batch_id)

    def _save(self, batch: Batch) -> None:
        atomic_write_bytes(self.batch_dir / f"{batch.id}.json", batch.model_dump_json().encode())

    # --- the intake's thread ---------------------------------------------------------------------------------
    def _run(self) -> None:
        from dossier.worker.executors import page_executor

        with ExitStack() as stack:
            store = open_store(self.settings)  # its own: the app's belongs to the event loop's thread
            stack.callback(store.close)
            pool: PageExecutor | None = None
            while (batch_id := self._queue.get()) is not None:
                try:
                    if pool is None:  # started with the first upload: its workers load the OCR models
                        pool = stack.enter_context(page_executor(self.settings))
                    self._file(batch_id, store, pool)
                except Exception as e:  # a bug must not stop the uploads after it: the files stay in the spool
                    traceback.print_exc()
                    self._failed(batch_id, e)
                finally:
                    with self._lock:
                        self._done.setdefault(batch_id, threading.Event()).set()

    def _failed(self, batch_id: str, e: Exception) -> None:
        """Say on the batch why its files wait (the pool could not start: Redis down, say); filed at a start."""
        batch = self.load(batch_id)
        if batch is None:
            return
        reason = e.message if isinstance(e, DossierError) else text("watch.internal_error", error=f"{type(e).__name__}: {e}")
        for f in batch.files:
            if f.state in ("waiting", "reading"):
                f.state, f.reason = "error", reason
        batch.done = True
        self._save(batch)

    def _file(self, batch_id: str, store: RecordStore, pool: PageExecutor) -> None:
        batch = self.load(batch_id)
        if batch is None:
            return
        current: list[UploadedFile] = []

        def prepared(job: SourceJob) -> None:
            current[0].pages_total = job.page_count if job.admission == "admitted" else 0
            self._save(batch)

        def page_read() -> None:
            current[0].pages_read += 1
            self._save(batch)

        pipeline = _Counted(self.settings, store, self.policy, on_prepared=prepared)
        pages = _CountedPages(pool, page_read)
        for f in batch.files:
            path = self.spool_dir / f.spool
            if f.state == "done" or not path.exists():
                continue
            current[:] = [f]
            f.state, f.pages_read = "reading", 0
            self._save(batch)
            try:
                results = list(pipeline.file([(f.name, path)], pages))
            except StorageError as e:  # the archive's fault: the file stays in the spool and waits
                f.state, f.reason = "error", e.message
                self._save(batch)
                continue
            except Exception as e:
                traceback.print_exc()
                results = [quarantined(f.name, text("watch.internal_error", error=f"{type(e).__name__}: {e}"),
                                       f.sha256)]
            self._settle(f, path, results)
            self._save(batch)
        waiting = any(f.state == "error" for f in batch.files)
        batch.done = not waiting
        self._save(batch)
        if waiting:  # the archive could not be written: tried again by itself, the files stay in the spool
            timer = threading.Timer(RETRY_AFTER, self._enqueue, (batch_id,))
            timer.daemon = True
            timer.start()

    def _settle(self, f: UploadedFile, path: Path, results: list[DocumentResult]) -> None:
        """Out of the spool, now that the record is committed: deleted (the archive holds the original) or,
        when refused, to the quarantine with the reason beside it."""
        f.results, f.outcome, f.state = results, file_outcome(results), "done"
        if f.outcome == "quarantined":
            f.reason = "\n".join(dict.fromkeys(r.reason for r in results if r.reason)) or None
            self.quarantine_dir.mkdir(parents=True, exist_ok=True)
            dest = free_slot(self.quarantine_dir, f.spool)
            write_reason(dest, f.name, f.reason or "")
            move_to(path, dest)
            update_state(self.settings.home, error=(f.name, f.reason or ""))
        else:
            path.unlink(missing_ok=True)


# --- reading the request ------------------------------------------------------------------------------------
def intake_of(request: Request) -> Intake:
    return request.app.state.intake


async def read_form(request: Request) -> FormData:
    """The multipart form, refused (413) once it is larger than an upload may be -- by its declared length
    at once, else as its bytes arrive, before they are all taken in."""
    mb = request.app.state.settings.upload_max_mb
    limit = mb * 2**20 + SLACK
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise TooLarge(mb)
    seen = 0

    async def receive() -> Message:
        nonlocal seen
        message = await request.receive()
        seen += len(message.get("body", b""))
        if seen > limit:
            raise TooLarge(mb)
        return message

    try:
        return await Request(request.scope, receive).form(max_files=MAX_FILES, max_fields=10)
    except StarletteHTTPException as e:  # the multipart parser's (too many files, bad framing), in English
        if e.status_code != 400:
            raise
        raise HTTPException(400, text("web.upload_bad_form", n=MAX_FILES)) from None


async def spool_files(request: Request, form: FormData) -> list[UploadedFile]:
    """Every file of the form in the spool; none if one cannot be written (503: the archive's disk)."""
    intake = intake_of(request)
    out: list[UploadedFile] = []
    try:
        for item in form.getlist("files"):
            if not isinstance(item, UploadFile) or (not item.filename and not item.size):
                continue  # a form sent with no file chosen
            out.append(await run_in_threadpool(intake.spool, client_name(item.filename), item.file))
    except StorageError as e:
        for f in out:
            (intake.spool_dir / f.spool).unlink(missing_ok=True)
        raise HTTPException(503, e.message) from None
    return out


# --- pages ----------------------------------------------------------------------------------------------------
def _form_page(request: Request, user: User, status: int = 200, error: str | None = None) -> Response:
    extra: dict[str, Any] = {"error": error} if error else {}
    return render(request, "upload.html", status=status, user=user, max_mb=request.app.state.settings.upload_max_mb,
                  max_files=MAX_FILES, **extra)


@pages.get("/upload")
async def upload_page(request: Request, user: PageUser) -> Response:
    require(user, "write")
    return _form_page(request, user)


@pages.post("/upload")
async def upload_form(request: Request, user: PageUser) -> Response:
    require(user, "write")
    try:
        form = await read_form(request)
    except TooLarge:
        return _form_page(request, user, 413, "upload_too_large")
    except StarletteHTTPException:
        return _form_page(request, user, 400, "upload_bad_form")
    given = form.get("csrf")
    if not csrf_ok(session_of(request), given if isinstance(given, str) else None):
        return render(request, "error.html", status=403, user=user, message="forbidden", detail="")
    try:
        files = await spool_files(request, form)
    except HTTPException as e:  # the spool cannot be written
        return render(request, "error.html", status=e.status_code, user=user, message="upload_not_saved",
                      detail=str(e.detail))
    if not files:
        return _form_page(request, user, 400, "upload_no_files")
    batch = intake_of(request).submit(user.name, files)
    return RedirectResponse(f"/uploads/{batch.id}", status_code=303)


@pages.get("/uploads/{batch_id}")
async def upload_status(request: Request, user: PageUser,
                        batch_id: Annotated[str, PathParam(pattern=BATCH_ID)]) -> Response:
    batch = intake_of(request).load(batch_id)
    if batch is None:
        return render(request, "error.html", status=404, user=user, message="no_upload", detail="")
    return render(request, "upload_status.html", user=user, batch=batch, refresh=REFRESH)


# --- API --------------------------------------------------------------------------------------------------------
UPLOAD_BODY = {"requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
    "type": "object", "required": ["files"],
    "properties": {"files": {"type": "array", "items": {"type": "string", "format": "binary"}}}}}}}}


@api.post("/documents", response_model=list[DocumentResult], openapi_extra=UPLOAD_BODY,
          responses={202: {"model": Batch, "description": "still being read: the batch, to poll"},
                     413: {"model": Refusal, "description": "larger than DOSSIER_UPLOAD_MAX_MB"}})
async def upload(request: Request, user: ApiUser, wait: bool = True) -> Any:
    """Upload one or more `files`; answers with what `dossier ingest --json` prints for them, once filed
    (`wait=false`: at once, 202 with the batch to poll at /api/v1/uploads/{id})."""
    require(user, "write", api=True)
    files = await spool_files(request, await read_form(request))
    if not files:
        raise HTTPException(400, text("web.upload_no_files"))
    intake = intake_of(request)
    batch = intake.submit(user.name, files)
    if wait and await asyncio.to_thread(intake.wait, batch.id, API_WAIT):
        done = intake.load(batch.id) or batch
        if all(f.state == "done" for f in done.files):
            return [r for f in done.files for r in f.results]
    return JSONResponse((intake.load(batch.id) or batch).model_dump(mode="json"), status_code=202,
                        headers={"location": f"/api/v1/uploads/{batch.id}"})


@api.get("/uploads/{batch_id}", response_model=Batch)
async def upload_batch(request: Request, user: ApiUser, batch_id: Annotated[str, PathParam(pattern=BATCH_ID)]) -> Batch:
    batch = intake_of(request).load(batch_id)
    if batch is None:
        raise HTTPException(404, text("web.no_upload"))
    return batch
