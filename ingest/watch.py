"""Drop-folder watcher: every scan ends up filed or quarantined with a reason, exactly once.

Events from watchdog wake it (with --poll, for SMB/NFS shares that send none, it only rescans), and
a rescan every `interval` seconds catches anything an event missed. A file is taken once stable
(ingest/stability.py) and claimed (ingest/claims.py), so two watchers never take the same file.

Exactly once: the original is archived and its record committed (one transaction) before the source
leaves the drop folder. A crash anywhere before the move leaves the source where it was; the restart
takes it again, and bytes already committed come out as `duplicate` — never a second record.
A storage fault (disk full, read-only archive) leaves the source in place too: the watcher reports
it, waits, and tries again by itself. Only a file that is itself bad goes to quarantine/, with
NAME.reason.txt beside it; its bytes are moved, never altered.

The watcher is given a page executor and files through the one filing path (Pipeline.run) whichever it
is: the local process pool, or in the scaled mode (REDIS_URL) the rq workers, which read the pages while the
file stays claimed here (worker/queue.RqPages; Redis unreachable is a storage fault like a full disk). Records
are dossier.records.open_store's: PostgreSQL with DATABASE_URL, shared by every watcher.
"""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import os
import shutil
import signal
import sqlite3
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from dossier.archive import sha256_file
from dossier.config import Settings
from dossier.dialect import storage_failure
from dossier.errors import (
    DatabaseCorrupt,
    DossierError,
    ExitCode,
    StorageError,
    UnsafeFolder,
    UnsafePath,
)
from dossier.ingest.claims import Claim, claim
from dossier.ingest.folders import (
    DropFolder,
    candidates,
    load_config,
    load_folder,
    make_dir,
    name_problem,
    opened_dir,
    printable,
    safe_text,
    update_state,
)
from dossier.ingest.stability import StabilityTracker
from dossier.messages import text
from dossier.models import DocumentResult
from dossier.policy import Policy, default_policy
from dossier.records import RecordStore, open_store
from dossier.worker.executor import PageExecutor
from dossier.worker.executors import page_executor
from dossier.worker.pipeline import Pipeline

NAME_MAX = 255  # bytes, for one path component on Linux file systems
REASON_SUFFIX = ".reason.txt"
MAX_BACKOFF = 60.0  # seconds between retries while the archive cannot be written
GIVE_UP_AFTER = 3  # unexpected failures on one file before it is quarantined rather than retried forever


class _Wake(FileSystemEventHandler):
    def __init__(self, event: threading.Event) -> None:
        self.event = event

    def on_any_event(self, event: FileSystemEvent) -> None:
        self.event.set()


@dataclass
class FileOutcome:
    path: Path
    outcome: str  # filed | needs_review | duplicate | quarantined | error
    documents: list[DocumentResult]
    dest: Path | None = None
    reason: str | None = None


def file_outcome(results: list[DocumentResult]) -> str:
    statuses = {r.status for r in results}
    for s in ("quarantined", "needs_review", "filed"):
        if s in statuses:
            return s
    return "duplicate"


# --- destinations -----------------------------------------------------------------------------------
def file_name(name: str) -> str:
    """`name` as a file name any share can show: undecodable bytes as %XX, control characters and
    backslashes as _. Ordinary names are unchanged."""
    out = []
    for ch in name:
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:
            out.append(f"%{code - 0xDC00:02X}")
        elif ch == "\\" or printable(ch) != ch:  # control, direction-override, stray surrogate
            out.append("_")
        else:
            out.append(ch)
    return "".join(out)


def fit_name(name: str, room: int) -> str:
    """`name` shortened (before its extension, on a character boundary) to at most `room` bytes."""
    if len(name.encode()) <= room:
        return name
    stem, dot, ext = name.rpartition(".")
    if not dot or len(ext) > 16:
        stem, ext = name, ""
    ext = f".{ext}" if ext else ""
    budget = room - len(ext.encode()) - len("…".encode())
    cut = stem.encode()[:budget].decode("utf-8", "ignore")
    return f"{cut}…{ext}"


def free_slot(folder: Path, name: str) -> Path:
    """The first of NAME, NAME.1, NAME.2 … (before the extension) not taken in `folder`, with room
    for `.reason.txt` beside it."""
    base = fit_name(file_name(name), NAME_MAX - len(REASON_SUFFIX) - 4)
    stem, dot, ext = base.rpartition(".")
    if not dot:
        stem, ext = base, ""
    dest, n = folder / base, 1
    while os.path.lexists(dest):
        dest = folder / (f"{stem}.{n}.{ext}" if ext else f"{stem}.{n}")
        n += 1
    return dest


def move_to(src: Path, dest: Path, into: int | None = None) -> Path:
    """Move `src` (a file or a link, never followed) to `dest`, whose folder exists (make_dir) and is
    `into` when given (a descriptor from opened_dir: the move cannot be redirected by a link); atomic on
    one file system."""
    try:
        if into is None:
            os.rename(src, dest)
        else:
            os.rename(src, dest.name, dst_dir_fd=into)
    except OSError as e:
        if e.errno != errno.EXDEV:  # processed/ on another file system: copy, then remove the source
            raise
        tmp = Path(tempfile.mkstemp(dir=dest.parent, prefix=".tmp-")[1])
        try:
            shutil.copy2(src, tmp, follow_symlinks=False)
            os.replace(tmp, dest)
        finally:
            tmp.unlink(missing_ok=True)
        os.unlink(src)
    return dest


def write_reason(dest: Path, original: str, reason: str, into: int | None = None) -> None:
    said = text("watch.reason_file", file=printable(original), reason=safe_text(reason),
                time=datetime.now(UTC).isoformat(timespec="seconds"))
    # Names relative to `into` (the quarantine folder's descriptor) when given: nothing goes through a link.
    reason_name = dest.name + REASON_SUFFIX
    tmp_name = f".tmp-{os.getpid()}{REASON_SUFFIX}"
    where = dest.parent
    reason_path, tmp = (reason_name, tmp_name) if into is not None else (where / reason_name, where / tmp_name)
    with contextlib.suppress(FileNotFoundError):  # a leftover (or a planted link: removed, never followed)
        os.unlink(tmp, dir_fd=into)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644, dir_fd=into)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(said)
    os.replace(tmp, reason_path, src_dir_fd=into, dst_dir_fd=into)


# --- the watcher ------------------------------------------------------------------------------------
class Watcher:
    def __init__(
        self, dirs: list[Path], settings: Settings, store: RecordStore, pages: PageExecutor, *, stable_seconds: float,
        emit: Callable[[FileOutcome], None], config: Path | None = None, policy: Policy | None = None,
        interval: float = 5.0,
    ) -> None:
        self.dirs = dirs
        self.settings = settings
        self.store = store
        self.pages = pages  # who reads the pages: the local pool or the rq workers, the same to the watcher
        self.policy = policy or default_policy()
        self.stable_seconds = stable_seconds
        self.emit = emit
        self.config = config
        self.interval = interval
        self.trackers: dict[Path, StabilityTracker] = {}
        self.folder_errors: dict[tuple[Path, str], str] = {}
        self.failures: dict[Path, int] = {}
        self.last_error: dict[Path, str] = {}
        self.paused_until = 0.0  # after a storage fault: nothing is tried before this
        self.backoff = 0.0
        self.storage_fault: str | None = None  # the last one, until a file goes through again
        self.batch = 2 * max(1, settings.workers)

    # --- one pass over every folder ---------------------------------------------------------------------
    def folders(self) -> list[DropFolder]:
        """The folders with their settings, read again on every pass; a folder whose settings are
        broken is reported once and skipped (its files wait) until they are fixed."""
        configured = load_config(self.config) if self.config else None
        out = []
        for d in self.dirs:
            try:
                folder = load_folder(d, self.policy, configured)
            except DossierError as e:
                self.folder_error(d, "settings", e.message)
                continue
            self.folder_errors.pop((d, "settings"), None)
            self.folder_errors.pop((d, "unsafe"), None)
            out.append(folder)
        return out

    def folder_error(self, folder: Path, kind: str, message: str) -> None:
        """Said once (until it changes); the folder's files wait."""
        if self.folder_errors.get((folder, kind)) != message:
            self.folder_errors[(folder, kind)] = message
            print(f"error\t{printable(str(folder))}\t{message}", file=sys.stderr, flush=True)
            update_state(self.settings.home, error=(printable(str(folder)), message))

    def scan(self) -> int:
        """Take every stable file once; return how many files were settled."""
        done = 0
        for folder in self.folders():
            ready = self.ready(folder)
            for i in range(0, len(ready), self.batch):
                if time.monotonic() < self.paused_until:
                    return done
                done += self.take(folder, ready[i : i + self.batch])
        return done

    def pending(self) -> bool:
        return any(t.tracked() for t in self.trackers.values())

    def ready(self, folder: DropFolder) -> list[Path]:
        stable = folder.settings.stable_seconds if folder.settings.stable_seconds is not None else self.stable_seconds
        tracker = self.trackers.setdefault(folder.path, StabilityTracker(stable))
        tracker.stable_seconds = stable
        try:
            present = candidates(folder.path)
        except OSError as e:
            self.folder_error(folder.path, "read", text("watch.folder_unreadable", error=e.strerror or e))
            return []
        self.folder_errors.pop((folder.path, "read"), None)
        for gone in set(tracker.tracked()) - set(present):
            tracker.forget(gone)
        # A link is never written to by a scanner, and never followed: it is taken at once.
        return [p for p in present if p.is_symlink() or tracker.observe(p)]

    # --- a batch of files from one folder ---------------------------------------------------------------
    def take(self, folder: DropFolder, paths: list[Path]) -> int:
        claims: list[Claim] = []
        for p in paths:
            try:
                c = claim(p)
            except UnsafeFolder as e:
                self.folder_error(folder.path, "unsafe", e.message)
                return 0
            except OSError as e:
                self.fail(p, text("watch.cannot_claim", error=e.strerror or e))
                continue
            if c is None:
                self.trackers[folder.path].forget(p)  # another watcher has it, or it is gone
            else:
                claims.append(c)
        try:
            plain = []
            done = 0
            for c in claims:
                try:
                    reason = self.refused(folder, c.path)
                except OSError:
                    continue  # gone meanwhile
                if reason is None:
                    plain.append(c.path)
                    continue
                done += self.guard(folder, [c.path], partial(self.quarantine_now, folder, c.path, reason))
            if plain:
                done += self.guard(folder, plain, partial(self.run, folder, plain))
            return done
        finally:
            for c in claims:
                c.release()

    def refused(self, folder: DropFolder, path: Path) -> str | None:
        """Why a file is quarantined without being opened: a link, or a name the record cannot carry."""
        if path.is_symlink():
            target = os.path.realpath(path)
            inside = target.startswith(os.path.realpath(folder.path) + os.sep)
            detail = "" if inside else f"→ {printable(os.readlink(path))}"
            err = UnsafePath(detail) if not inside else UnsafePath(msg="watch.link")
            return err.message
        return name_problem(path.name)

    def guard(self, folder: DropFolder, paths: list[Path], step: Callable[[], int]) -> int:
        """Run `step`; a storage fault pauses everything (the files stay), an unexpected error is
        retried file by file and, after repeating, quarantines the one file that causes it."""
        try:
            try:
                done = step()
            except sqlite3.DatabaseError as e:  # a driver error the store did not translate: a storage fault
                raise storage_failure(e) from e
        except DatabaseCorrupt:
            raise  # nothing more is written into it: the watcher stops and says so
        except UnsafeFolder as e:  # processed/ or quarantine/ became a link meanwhile: the folder waits
            self.folder_error(folder.path, "unsafe", e.message)
            return 0
        except StorageError as e:
            self.storage_error(paths, e.message)
            return 0
        except OSError as e:
            for p in paths:
                self.fail(p, text("watch.folder_io", error=e.strerror or e))
            return 0
        except Exception as e:  # a bug must neither lose the file nor stop the others
            traceback.print_exc(file=sys.stderr)
            if len(paths) > 1:
                return sum(self.guard(folder, [p], partial(self.run, folder, [p])) for p in paths if p.exists())
            p = paths[0]
            self.failures[p] = self.failures.get(p, 0) + 1
            message = text("watch.internal_error", error=f"{type(e).__name__}: {e}")
            if self.failures[p] < GIVE_UP_AFTER:
                self.fail(p, message)
                return 0
            return self.guard(folder, paths, partial(self.quarantine_now, folder, p, message))
        if self.storage_fault:
            self.storage_fault, self.backoff = None, 0.0
        for p in paths:
            self.failures.pop(p, None)
            self.last_error.pop(p, None)
        return done

    def run(self, folder: DropFolder, paths: list[Path]) -> int:
        """File the batch through the pipeline; settle each file as soon as its documents are in."""
        # A fresh pipeline per batch: its memory of this run's files must not outlive a failed attempt.
        pipeline = Pipeline(self.settings, self.store, self.policy,
                            presets=folder.presets)
        started = time.monotonic()
        results: dict[str, list[DocumentResult]] = {}
        settled: set[str] = set()
        pages = 0
        for r in pipeline.run([str(p) for p in paths], self.pages):
            docs = results.setdefault(r.source, [])
            docs.append(r)
            if r.status in ("filed", "needs_review"):
                pages += len(r.pages)
            if r.status == "quarantined" or len(docs) >= self._documents(r.sha256):
                settled.add(r.source)
                self.settle(folder, Path(r.source), docs)
        for source, docs in results.items():
            if source not in settled:
                self.settle(folder, Path(source), docs)
        for p in paths:
            if str(p) not in results and p.exists():
                raise RuntimeError(f"the pipeline gave no result for {printable(p.name)}")
        if pages:
            update_state(self.settings.home, timing=(pages, round(time.monotonic() - started, 3)))
        return len(results)

    def _documents(self, sha: str | None) -> int:
        if not sha:
            return 1
        return max(1, len(self.store.documents_of_source(sha)))

    # --- out of the drop folder ---------------------------------------------------------------------------
    def settle(self, folder: DropFolder, path: Path, docs: list[DocumentResult]) -> None:
        """Move the source out — only now, after its record is committed."""
        outcome = file_outcome(docs)
        reason = "\n".join(dict.fromkeys(r.reason for r in docs if r.reason)) or None
        dest: Path | None = None
        try:
            if outcome == "quarantined":
                dest = self.quarantine(folder, path, reason or "")
            elif not os.path.lexists(path):
                pass  # someone removed it after it was filed: the record stands
            elif folder.settings.after == "delete":
                path.unlink()
            else:
                processed = make_dir(folder.path, folder.processed_dir)
                with opened_dir(folder.path, processed) as into:
                    dest = move_to(path, free_slot(processed, path.name), into)
        except OSError as e:
            # Filed (or recorded as bad) but still in the drop folder: the next pass moves it, as a duplicate.
            self.fail(path, text("watch.not_moved", error=e.strerror or e))
            return
        self.trackers[folder.path].forget(path)
        self.report(FileOutcome(path, outcome, docs, dest, reason if outcome == "quarantined" else None))

    def quarantine(self, folder: DropFolder, path: Path, reason: str) -> Path:
        # The reason first: a crash between the two leaves a reason without its file, and the
        # restart, finding the file still in the drop folder, takes that very slot again.
        quarantine = make_dir(folder.path, folder.quarantine_dir)
        dest = free_slot(quarantine, path.name)
        with opened_dir(folder.path, quarantine) as into:
            write_reason(dest, path.name, reason, into)
            return move_to(path, dest, into)

    def quarantine_now(self, folder: DropFolder, path: Path, reason: str) -> int:
        """Quarantine a file the pipeline never sees (a link, an unusable name), recorded where possible."""
        sha = None
        if not path.is_symlink():
            with contextlib.suppress(OSError):
                sha = sha256_file(path)
        if sha:
            self.store.record_quarantine(sha, printable(str(path)), reason)
        doc = DocumentResult(source=printable(str(path)), sha256=sha, status="quarantined", reason=reason)
        dest = self.quarantine(folder, path, reason)
        self.trackers[folder.path].forget(path)
        self.report(FileOutcome(path, "quarantined", [doc], dest, reason))
        return 1

    # --- reporting --------------------------------------------------------------------------------------
    def report(self, out: FileOutcome) -> None:
        if out.outcome in ("quarantined", "error"):
            update_state(self.settings.home, error=(printable(out.path.name), out.reason or ""))
        self.emit(out)

    def fail(self, path: Path, message: str) -> None:
        if self.last_error.get(path) == message:
            return  # said already; it is retried quietly
        self.last_error[path] = message
        self.report(FileOutcome(path, "error", [], None, message))

    def storage_error(self, paths: list[Path], message: str) -> None:
        """Nothing moves; everything waits and is tried again later, by itself."""
        base = max(self.interval, 0.5)
        self.backoff = min(MAX_BACKOFF, self.backoff * 2 if self.backoff else base)
        self.paused_until = time.monotonic() + self.backoff
        self.storage_fault = message
        for p in paths:
            self.fail(p, text("watch.storage_wait", message=message, seconds=self.backoff))


def line(out: FileOutcome, lang: str = "zh") -> str:
    """One line per file: outcome, name, what it became, where it went."""
    name = printable(out.path.name, 80)
    reason = safe_text(out.reason or "")
    label = out.outcome if lang == "en" else f"{out.outcome} {text(f'status.{out.outcome}', 'zh')}"
    if out.outcome == "error":
        return f"{label}\t{name}\t{reason}"
    if out.outcome == "quarantined":
        return f"{label}\t{name}\t{reason}\t→ {printable(str(out.dest))}"
    docs = []
    for r in out.documents:
        key = f"{r.dossier.kind}:{r.dossier.key}" if r.dossier else text("cli.unassigned", lang)
        docs.append(f"{r.doc_type or '?'}→{key}")
    where = printable(str(out.dest)) if out.dest else text("watch.deleted", lang)
    said = f"{label}\t{name}\t{len(out.documents)} doc(s): {', '.join(docs)}\t→ {where}"
    review = [r.reason for r in out.documents if r.status in ("needs_review", "duplicate") and r.reason]
    return said + (f"\n    {safe_text(review[0])}" if review else "")


def outcome_json(out: FileOutcome) -> dict[str, Any]:
    return {
        "file": printable(out.path.name),
        "path": printable(str(out.path)),
        "outcome": out.outcome,
        "documents": [r.model_dump(mode="json") for r in out.documents],
        "moved_to": printable(str(out.dest)) if out.dest else None,
        "reason": out.reason,
    }


def watch(
    dirs: list[str], settings: Settings, *, interval: float, stable_seconds: float, once: bool, as_json: bool,
    poll: bool = False, config: str | None = None, lang: str = "zh",
) -> int:
    """`dossier watch`. Returns 0, or StorageError's exit code when --once leaves files behind for it."""
    logging.getLogger("watchdog").setLevel(logging.CRITICAL)  # its stop-time chatter is not for clerks
    folders = [Path(d).absolute() for d in dirs]  # records name where a scan came from
    for f in folders:
        f.mkdir(parents=True, exist_ok=True)
    config_path = Path(config) if config else None
    policy = default_policy()
    configured = load_config(config_path) if config_path else None
    # A settings mistake is reported before anything is taken.
    loaded = [load_folder(f, policy, configured) for f in folders]
    settings.ensure_dirs()
    store = open_store(settings)  # the shared records in the scaled mode (DATABASE_URL)
    update_state(settings.home, folders=[f.resolve() for f in folders], work_dirs={
        str(d.path.resolve()): [str(d.processed_dir.absolute()), str(d.quarantine_dir.absolute())] for d in loaded})

    def emit(out: FileOutcome) -> None:
        print(json.dumps(outcome_json(out), ensure_ascii=False) if as_json else line(out, lang), flush=True)

    wake = threading.Event()
    observer = None if poll else Observer()
    if observer:
        for f in folders:
            observer.schedule(_Wake(wake), str(f), recursive=False)
        observer.start()
    old_term = signal.signal(signal.SIGTERM, _interrupt)
    try:
        with page_executor(settings) as pages:
            w = Watcher(folders, settings, store, pages, stable_seconds=stable_seconds, emit=emit,
                        config=config_path, policy=policy, interval=interval)
            tick = max(0.1, min(0.5, stable_seconds / 4))
            # --once still waits for files to be complete: as long as the longest stability window.
            longest = max([stable_seconds] + [f.settings.stable_seconds or 0 for f in w.folders()])
            deadline = time.monotonic() + longest + 3 * tick
            while True:
                did = w.scan()
                now = time.monotonic()
                if once and not did and now >= deadline:
                    return StorageError.exit_code if w.storage_fault else ExitCode.OK
                wait = tick if (once or w.pending()) else interval
                if w.paused_until > now:
                    wait = min(interval, w.paused_until - now) if not once else tick
                wake.wait(timeout=max(wait, 0.05))
                wake.clear()
    except KeyboardInterrupt:
        return ExitCode.OK
    finally:
        signal.signal(signal.SIGTERM, old_term)
        if observer:
            observer.stop()
            observer.join()
        store.close()


def _interrupt(_sig: int, _frame: object) -> None:
    raise KeyboardInterrupt
