"""Teaching by example: a clerk's correction of a document's type, kept as a training example of this archive.

`dossier teach DOC_ID CODE` (and, later, the web review) calls `teach`: the document takes the type at
once, and its text is kept with the type, who and when. At classification time the archive's examples
take part (classify/textmodel.py, nearest_taught): the next document of that site's form, as similar to
the taught one as a second copy of a form is, is classified without review. Examples are listed,
removed, and moved between sites as JSON lines (`--export` / `--import`).
"""

from __future__ import annotations

import getpass
import json
from datetime import UTC, datetime
from pathlib import Path

from dossier.checklist import visit_key
from dossier.classify.signature_match import required_signatures
from dossier.classify.textmodel import Taught
from dossier.errors import ConfigError, DossierError, ExitCode
from dossier.messages import text
from dossier.models import DossierRef, StoredDocument, TaughtExample
from dossier.policy import Policy
from dossier.records import RecordStore
from dossier.worker.resolve import DossierLookup, dossier_key, joined_by, provisional_reason

UNASSIGNED = text("filing.unassigned")


class NotFound(DossierError):
    exit_code = ExitCode.FAILED


def clerk() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name (a container without a passwd entry)
        return "unknown"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def teach(store: RecordStore, policy: Policy, doc_id: int, code: str, by: str | None = None) -> TaughtExample:
    """Give document `doc_id` the type `code` (a clerk's correction) and keep it as an example."""
    if code not in policy.doc_types:
        raise ConfigError(f"{text('policy.unknown_doc_type')}: {code}")
    doc = store.document(doc_id)
    if doc is None:
        raise NotFound(f"#{doc_id}", msg="teach.no_document")
    example = TaughtExample(document_id=doc_id, doc_type=code, text=doc.text, taught_by=by or clerk(), taught_at=_now())
    example.id = store.add_example(example)
    store.update_classification(corrected(doc, code, policy, store))
    return example


def corrected(doc: StoredDocument, code: str, policy: Policy, lookup: DossierLookup | None = None) -> StoredDocument:
    """The document as filed under `code`: its dossier kept if of the type's kind, else the one filing would
    give it (`lookup`: the archive that a plate or an owner field is looked up in), its visit found, and the
    signature fields found on its pages matched to the signatures this type requires (a person's verdict
    on a field goes with it; the old type's placeholders for sides it did not find go)."""
    dt = policy.doc_types[code]
    kp = policy.kinds[dt.kind]
    doc.signatures = required_signatures(dt, [s for s in doc.signatures if s.page is not None])
    doc.doc_type, doc.doc_type_name = code, dt.name.zh
    reason = None
    if not (doc.dossier and doc.dossier.kind == dt.kind):
        doc.dossier, reason = _filed_as(doc, dt.kind, policy, lookup)
    doc.visit = visit_key(code, doc.fields, kp)
    doc.status, doc.reason = ("filed", reason) if doc.dossier else ("needs_review", UNASSIGNED)
    return doc


def _filed_as(doc: StoredDocument, kind: str, policy: Policy,
              lookup: DossierLookup | None) -> tuple[DossierRef | None, str | None]:
    """The dossier of `kind` the document's fields name, as filing decides it (resolve.py): its key; a plate
    or an owner field that names one car; else the car's file kept under the plate it prints."""
    kp = policy.kinds[kind]
    if lookup is None:
        key = doc.fields.get(kp.key_field)
        return (DossierRef(kind=kind, key=key), None) if key else (None, None)
    if named := dossier_key(kind, doc.fields, {}, policy, lookup):
        key, owner = named
        return DossierRef(kind=kind, key=key), joined_by(owner, doc.fields[owner]) if owner else None
    if f := next((f for f in kp.secondary_key_fields if doc.fields.get(f)), None):
        value = doc.fields[f]
        return DossierRef(kind=kind, key=value), provisional_reason(f, value, kp.key_field)
    return None, None


def examples(store: RecordStore) -> list[TaughtExample]:
    return store.examples()


def remove(store: RecordStore, example_id: int) -> None:
    if not store.remove_example(example_id):
        raise NotFound(f"#{example_id}", msg="teach.no_example")


def export(store: RecordStore, path: Path, origin: str | None = None) -> int:
    """Every example as one JSON line, without this archive's ids; `origin` names this site."""
    lines = []
    for e in store.examples():
        out = e.model_copy(update={"id": None, "document_id": None, "origin": e.origin or origin})
        lines.append(out.model_dump_json(exclude={"id", "document_id"}) + "\n")
    path.write_text("".join(lines), encoding="utf-8")
    return len(lines)


def import_(store: RecordStore, policy: Policy, path: Path) -> int:
    """Add the examples of an export; those already here (same type and text) are skipped. Returns how many were added."""
    have = {(e.doc_type, e.text) for e in store.examples()}
    added = 0
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            e = TaughtExample.model_validate(json.loads(line))
        except ValueError as err:
            raise ConfigError(f"{path}:{n}: {err}") from err
        if e.doc_type not in policy.doc_types:
            raise ConfigError(f"{path}:{n}: {text('policy.unknown_doc_type')}: {e.doc_type}")
        if (e.doc_type, e.text) in have:
            continue
        store.add_example(e.model_copy(update={"id": None, "document_id": None}))
        have.add((e.doc_type, e.text))
        added += 1
    return added


class TaughtCache:
    """The archive's examples as the classifier uses them, n-grams computed once per example."""

    def __init__(self) -> None:
        self._by_id: dict[int, Taught] = {}

    def load(self, store: RecordStore, policy: Policy) -> list[Taught]:
        rows = store.examples()
        ids = {e.id or 0 for e in rows}
        self._by_id = {i: t for i, t in self._by_id.items() if i in ids}
        for e in rows:
            if (e.id or 0) not in self._by_id and e.doc_type in policy.doc_types:
                self._by_id[e.id or 0] = Taught.of(e.doc_type, e.text)
        return list(self._by_id.values())

