"""The pipeline over source files: intake, pages through the pool, then segment, classify, extract,
check, file and index each document. Yields one DocumentResult per document (JSON Lines)."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from dossier import oplog
from dossier.archive import archive_original, sha256_file
from dossier.checklist import cars_with, provisional_field, visit_key
from dossier.classify.doctype import classify, keys_kind, kind_checked, title_scores
from dossier.classify.fields import extract_fields
from dossier.classify.keys import nearest_key
from dossier.classify.photo import photo_types
from dossier.classify.segment import segment
from dossier.classify.signature_match import required_signatures
from dossier.classify.textmodel import Taught, TextModel, configured_model
from dossier.config import Settings
from dossier.doctext import join_pages
from dossier.errors import DuplicateSource, InputFileError, ReviewRefused, StorageError
from dossier.ingest.pages import open_source
from dossier.messages import part, text
from dossier.models import AuditEntry, DocumentResult, DossierRef, PageResult, Snapshot, StoredDocument
from dossier.policy import Policy
from dossier.presets import Presets
from dossier.records import RecordStore
from dossier.teaching import TaughtCache
from dossier.worker.executor import PageExecutor, ordered
from dossier.worker.page_models import PageOutcome, PageTask
from dossier.worker.resolve import KnownKeys, joined_by, resolve_dossiers

SKIP_DIRS = {"processed", "quarantine", ".dossier"}
log = logging.getLogger("dossier.pipeline")


@dataclass
class SourceJob:
    given: str  # the path as the user gave it
    path: Path
    sha: str = ""
    fmt: str = ""
    archived: Path | None = None
    page_count: int = 0
    outcomes: list[PageOutcome] = field(default_factory=list)
    # What intake made of the file: admitted (its pages are read), a duplicate of bytes already filed or
    # taken earlier in this run, or quarantined (refused: the line that says why).
    admission: Literal["admitted", "duplicate", "quarantined"] = "admitted"
    refused: DocumentResult | None = None
    started: float = field(default_factory=time.monotonic)


def expand(paths: Iterable[str]) -> Iterator[tuple[str, Path]]:
    """Files as given, and the files inside given folders (sorted, hidden and temporary names skipped)."""
    for given in paths:
        p = Path(given)
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
                for name in sorted(files):
                    if name.startswith(".") or name.endswith((".json", ".txt", ".md")):
                        continue
                    yield str(Path(root) / name), Path(root) / name
        else:
            yield given, p


def quarantined(given: str, reason: str, sha: str | None = None) -> DocumentResult:
    return DocumentResult(source=given, sha256=sha, status="quarantined", reason=reason)


class Pipeline:
    def __init__(
        self, settings: Settings, store: RecordStore, policy: Policy, presets: Presets | None = None,
    ) -> None:
        self.settings = settings
        self.presets = presets  # the drop folder's: fill what a document lacks
        self.store = store
        self.policy = policy
        self._in_run: dict[str, str] = {}  # sha -> first path seen in this run
        self._taught_cache = TaughtCache()  # the archive's taught examples, read again per source
        self._taught: list[Taught] = []
        self._model: TextModel | bool = configured_model(settings.doctype_model)

    # --- intake ---------------------------------------------------------------------------------------
    def prepare(self, given: str, path: Path) -> SourceJob:
        job = SourceJob(given=given, path=path)
        try:
            if path.is_symlink() or not path.is_file():
                raise InputFileError(given, msg="input.not_a_file")
            job.sha = sha256_file(path)
            if job.sha in self._in_run or self._already_filed(job.sha):
                job.admission = "duplicate"  # its lines come when its turn does (after the first commits)
                return job
            source = open_source(path, self.settings.max_pixels)
            job.fmt, job.page_count = source.fmt, source.page_count
            job.archived = archive_original(self.settings.home, path, job.sha, job.fmt)
            self._in_run[job.sha] = given
        except InputFileError as e:
            job.admission, job.refused = "quarantined", quarantined(given, e.message, job.sha or None)
            if job.sha:
                self.store.record_quarantine(job.sha, given, e.message)
        except OSError as e:
            job.admission = "quarantined"
            job.refused = quarantined(given, text("input.unreadable", error=e.strerror or e))
        return job

    def _already_filed(self, sha: str) -> bool:
        row = self.store.source(sha)
        return bool(row and row["status"] == "processed")

    def tasks(self, job: SourceJob) -> list[PageTask]:
        s = self.settings
        return [
            PageTask(
                sha256=job.sha, path=str(job.archived), index=i, home=str(s.home), engine=s.ocr_engine,
                dpi=s.dpi, max_pixels=s.max_pixels, timeout=s.page_timeout,
                ocr_cache=str(s.ocr_cache) if s.ocr_cache else None,
                # One worker reads the pages in order and leaves a core idle: it renders the next meanwhile.
                render_ahead=s.workers == 1 and (os.cpu_count() or 1) > 1,
            )
            for i in range(1, job.page_count + 1)
        ]

    def unread(self, job: SourceJob) -> list[DocumentResult]:
        """The lines of a file intake did not admit: why it was quarantined, or what it duplicates."""
        if job.admission == "quarantined" and job.refused:
            return [job.refused]
        return self.duplicates(job)

    def duplicates(self, job: SourceJob) -> list[DocumentResult]:
        out = []
        for d in self.store.documents_of_source(job.sha):
            self._after_commit(d)  # idempotent: repairs the keys if a crash came right after the commit
            dup = d.result()
            dup.source, dup.status, dup.duplicate_of = job.given, "duplicate", d.id
            dup.reason = text("filing.duplicate", source=d.source)
            out.append(dup)
        return out

    # --- the run --------------------------------------------------------------------------------------
    def run(self, paths: Iterable[str], pool: PageExecutor) -> Iterator[DocumentResult]:
        """File `paths` (folders expanded), their pages read by `pool` -- the driver's: the local pool or
        the rq workers, long-lived for the watcher."""
        return self.file(expand(paths), pool)

    def file(self, sources: Iterable[tuple[str, Path]], pool: PageExecutor) -> Iterator[DocumentResult]:
        """File each (path as given, path) in order: admit it, have its pages read by `pool` (any number of
        them at once, across files), then assemble, resolve and commit its documents as its last page is in."""
        self.settings.ensure_dirs()

        def feed() -> Iterator[tuple[SourceJob, PageTask | None]]:
            for given, path in sources:
                job = self.prepare(given, path)
                if job.admission != "admitted":
                    yield job, None
                else:
                    for t in self.tasks(job):
                        yield job, t

        def submit(item: tuple[SourceJob, PageTask | None]) -> Future[PageOutcome] | None:
            if item[1] is None:
                return None
            return pool.submit(item[1])

        for (job, task), fut in ordered(feed(), submit, window=pool.window):
            if task is None or fut is None:
                done = self.unread(job)
            else:
                job.outcomes.append(pool.result(task, fut))
                if len(job.outcomes) < job.page_count:
                    continue
                done = self.finish(job)
            oplog.file_done(job.given, job.sha or None, done, job.page_count, time.monotonic() - job.started)
            yield from done

    # --- after the pages are read ---------------------------------------------------------------------
    def finish(self, job: SourceJob) -> list[DocumentResult]:
        # A page whose image could not be stored: nothing of the source is committed, it waits (as for a
        # storage fault at the commit itself) and is read again once the archive can be written.
        for o in job.outcomes:
            if o.storage_error:
                raise StorageError(o.storage_error)
        texts = [o.page.text for o in job.outcomes]
        # Each page's title is scored once: segmentation needs every page's, classification the first's.
        titles = [title_scores(t, self.policy) for t in texts]
        # A clerk may teach while a watcher runs: each source sees the examples taught before it.
        self._taught = self._taught_cache.load(self.store, self.policy)
        groups = segment(texts, self.policy, titles)
        docs = [self.document(job, [job.outcomes[i] for i in g], titles[g[0]]) for g in groups]
        self._type_photos(docs, [[job.outcomes[i] for i in g] for g in groups])
        resolve_dossiers(docs, self.policy, self.store, self.presets.kind if self.presets else None)
        # A StorageError (disk full, read-only) propagates: the source is not to blame and must stay
        # where it is until the archive can be written again.
        try:
            self.store.commit_source(job.sha, job.given, str(job.archived), job.fmt, job.page_count, docs)
        except DuplicateSource:
            return self.duplicates(job)  # another process filed the same bytes first
        for d in docs:
            self._after_commit(d)
        self._refile_key_readings(docs)
        return [d.result() for d in docs]

    def document(
        self, job: SourceJob, outcomes: list[PageOutcome], titles: dict[str, float] | None = None
    ) -> StoredDocument:
        pages: list[PageResult] = [o.page for o in outcomes]
        texts = [p.text for p in pages]
        text, ends = join_pages([t.text for t in texts])
        fields = extract_fields(text, self.policy)
        cls = classify(texts, self.policy, self.settings.classify_threshold, titles, taught=self._taught,
                       model=self._model, kind=keys_kind(fields, self.policy))
        cls = kind_checked(cls, fields, self.policy)  # a type whose dossier kind the document's keys deny waits
        if self.presets:
            fields = self.presets.fill(fields, self.policy.doc_types[cls.doc_type].kind if cls.doc_type else None, self.policy)
        doc = StoredDocument(
            source=job.given, sha256=job.sha, pages=[p.index for p in pages], doc_type=cls.doc_type,
            confidence=cls.confidence, guesses=cls.guesses, fields=fields, status="filed", text=text, page_ends=ends,
        )
        seals = [p.seal for p in pages if p.seal is not None]
        doc.seal = any(seals) if seals else None
        doc.seal_crops = [c for p in pages for c in p.seal_crops]
        doc.seal_boxes = {c: b for p in pages for c, b in p.seal_boxes.items()}
        errors = [p.error for p in pages if p.error]
        found = [s for o in outcomes for s in o.signatures]
        if cls.doc_type:
            dt = self.policy.doc_types[cls.doc_type]
            doc.doc_type_name = dt.name.zh
            doc.signatures = required_signatures(dt, found)
            kp = self.policy.kinds[dt.kind]
            doc.visit = visit_key(cls.doc_type, fields, kp)
        else:  # judged all the same and kept: shown in review, matched to the type a clerk gives it (teaching.py)
            doc.signatures = [f.model_copy(update={"required": False}) for f in found]
        doc.doc_date = fields.get("date")
        if errors:
            doc.status, doc.reason = "needs_review", "；".join(errors)
        elif cls.doc_type is None:
            doc.status, doc.reason = "needs_review", cls.reason
        return doc

    def _type_photos(self, docs: list[StoredDocument], outcomes: list[list[PageOutcome]]) -> None:
        """An untyped photo page among a batch's forms takes the photo type of their checklists."""
        batch = [([o.page.text for o in outs], d.doc_type, d.fields) for d, outs in zip(docs, outcomes, strict=True)]
        for d, outs, code in zip(docs, outcomes, photo_types(batch, self.policy), strict=True):
            if code and not any(o.page.error for o in outs):
                dt = self.policy.doc_types[code]
                d.doc_type, d.doc_type_name, d.status, d.reason = code, dt.name.zh, "filed", None
                d.visit = visit_key(code, d.fields, self.policy.kinds[dt.kind])

    def _refile_key_readings(self, docs: list[StoredDocument]) -> None:
        """Documents waiting with an unproved key reading (a unit number read 21403, scanned before any
        document that proves its unit) join the dossier this batch filed that the reading turns out to be."""
        filed: dict[str, set[str]] = {}
        for d in docs:
            if d.dossier and self.policy.kinds[d.dossier.kind].key_reading_field:
                filed.setdefault(d.dossier.kind, set()).add(d.dossier.key)
        if not filed:
            return
        known = KnownKeys(self.store, self.policy.kinds)
        for kind, keys in filed.items():
            kp = self.policy.kinds[kind]
            field = kp.key_reading_field or ""  # set: `filed` holds only such kinds
            for doc_type, reading in self.store.unassigned_readings(field):
                dt = self.policy.doc_types.get(doc_type)
                if dt and dt.kind == kind and (key := nearest_key(reading, known.of(kind))) in keys:
                    self.store.refile_unassigned(kind, field, reading, key, kp.key_field)

    def _merge_provisional(self, kind: str, field: str, value: str, key: str) -> None:
        """The file kept under plate `value` (resolve.py) joins car `key`, whose paper prints that plate,
        when that car is the only one whose papers print it: never two cars merged (a plate passed on to
        another car leaves the file to a clerk). Its documents and waivers move in one audited change a
        clerk can undo; the plate stays an alias, so a search by either key finds the car."""
        if value == key or not self.store.has_dossier(kind, value):
            return
        kp = self.policy.kinds[kind]
        held = self.store.dossier_documents(DossierRef(kind=kind, key=value))
        if provisional_field(kp, value, held) != field or cars_with(self.store, kind, field, value) != [key]:
            return
        ref = DossierRef(kind=kind, key=key)
        why = text("filing.merged", field=part(f"key.{field}"), value=value, key=key)
        moved = [d.model_copy(deep=True, update={"dossier": ref, "reason": why if d.status == "filed" else d.reason})
                 for d in held]
        waivers = self.store.waivers_of(DossierRef(kind=kind, key=value))
        entry = AuditEntry(
            at=datetime.now(UTC).isoformat(timespec="seconds"), by="dossier", action="rekey",
            target=f"dossier:{kind}:{value}", before=Snapshot(documents=held, waivers=waivers),
            after=Snapshot(documents=moved, waivers=[w.model_copy(update={"dossier_key": key}) for w in waivers],
                           unwaived=[w.ident for w in waivers]),
        )
        try:
            self.store.record_change(entry)
        except ReviewRefused:  # another worker changed the file meanwhile: its next paper tries again
            log.info("plate file %s not merged: changed meanwhile", value)

    def _after_commit(self, d: StoredDocument) -> None:
        if not d.dossier:
            return
        kp = self.policy.kinds[d.dossier.kind]
        for f in kp.secondary_key_fields:
            value = d.fields.get(f)
            if value and d.fields.get(kp.key_field) and self.store.resolve_alias(d.dossier.kind, value) != d.dossier.key:
                self.store.add_alias(d.dossier.kind, value, d.dossier.key)
                self.store.refile_unassigned(d.dossier.kind, f, value, d.dossier.key)
            if value and d.fields.get(kp.key_field) == d.dossier.key:
                self._merge_provisional(d.dossier.kind, f, value, d.dossier.key)
        # Documents that waited for their owner's dossier (an ID copy scanned before the contract).
        for f in kp.owner_fields:
            value = d.fields.get(f)
            if value and self.store.dossiers_with(d.dossier.kind, f, value) == [d.dossier.key]:
                self.store.refile_unassigned(d.dossier.kind, f, value, d.dossier.key, reason=joined_by(f, value))


