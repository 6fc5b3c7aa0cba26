"""The review actions a clerk takes on what the pipeline filed (issue 19, point 4), one plain function each:
set a document's type (the teaching step, dossier/teaching.py), move it into a dossier or out of one,
split it at a page or merge it with the next, give a person's verdict on a signature field, waive a
checklist item with a reason, send a document back to review, and undo any of these.

Each reads the records it touches (the before state), makes the after state and hands both to the store,
which writes the after state and the audit row in one transaction (SqlStore.record_change), refusing
when the records changed meanwhile; the search index follows through the outbox. Each returns the audit
entry as kept. `undo` writes an entry's before state back, as an entry of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Literal

from pydantic import BaseModel, Field

from dossier import teaching
from dossier.archive import crop_page
from dossier.classify.fields import extract_fields
from dossier.classify.keys import is_valid_plate, is_valid_vin, normalize_plate, vin_shape
from dossier.doctext import join_documents, split_at
from dossier.errors import ReviewRefused
from dossier.messages import text
from dossier.models import AuditEntry, DossierRef, Role, Snapshot, StoredDocument, Waiver
from dossier.policy import Policy
from dossier.records import RecordStore
from dossier.teaching import NotFound

Action = Literal["set_type", "move", "unassign", "split", "merge", "sign", "waive", "reopen", "undo"]
ACTIONS: tuple[str, ...] = ("set_type", "move", "unassign", "split", "merge", "sign", "waive", "reopen", "undo")

# A key never filed before names its kind by its own check: a car's is a VIN whose check digit holds (one in
# a VIN's shape whose check fails is a misread VIN, refused: never a dossier of another kind). A kind
# without a check here (a unit number) takes the key when the document is of that kind, or untyped and it
# is the only such kind.
KEY_CHECKS: dict[str, Callable[[str], bool]] = {"car": is_valid_vin}
KEY_SHAPES: dict[str, Callable[[str], bool]] = {"car": vin_shape}


class SetType(BaseModel):
    document: int
    doc_type: str = Field(description="a document type code of the policies (e.g. sales_contract)")


class Move(BaseModel):
    document: int
    dossier: str = Field(min_length=1, description="the dossier's VIN, plate or unit number")


class DocumentOnly(BaseModel):
    document: int


class Split(BaseModel):
    document: int
    at: int = Field(description="the source page the second document starts at (one of the document's pages, not its first)")


class SignatureCheck(BaseModel):
    role: Role
    status: Literal["signed", "blank"]
    label: str | None = Field(None, description="the field's label, where the document has two of one role")


class Sign(BaseModel):
    document: int
    signatures: list[SignatureCheck] = Field(min_length=1)


class Waive(BaseModel):
    dossier: str = Field(min_length=1, description="the dossier's VIN, plate or unit number")
    checklist: str = Field(description="the checklist's code (new_car, a job type, the unit checklist)")
    item: str = Field(description="the document type of the item waived")
    visit: str = Field("", description="the after-sales visit of a per-visit checklist")
    reason: str = Field(min_length=1, max_length=500)


class Reopen(BaseModel):
    document: int
    reason: str | None = Field(None, max_length=500)


class Undo(BaseModel):
    audit_id: int


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _doc(store: RecordStore, doc_id: int) -> StoredDocument:
    doc = store.document(doc_id)
    if doc is None:
        raise NotFound(f"#{doc_id}", msg="teach.no_document")
    return doc


def _change(store: RecordStore, by: str, action: Action, target: str, before: Snapshot, after: Snapshot,
            *, written: bool = False, undoes: int | None = None) -> AuditEntry:
    entry = AuditEntry(at=_now(), by=by, action=action, target=target, before=before, after=after, undoes=undoes)
    return store.record_change(entry, written=written)


def _edit(store: RecordStore, by: str, action: Action, doc: StoredDocument, **changes: object) -> AuditEntry:
    """One document changed in place."""
    after = doc.model_copy(deep=True, update=changes)
    return _change(store, by, action, f"document:{doc.id}", Snapshot(documents=[doc]), Snapshot(documents=[after]))


def set_type(store: RecordStore, policy: Policy, by: str, req: SetType) -> AuditEntry:
    """The clerk's type for the document: `dossier teach` (taught as an example too), audited."""
    before = _doc(store, req.document)
    example = teaching.teach(store, policy, req.document, req.doc_type, by=by)
    after = _doc(store, req.document)
    return _change(store, by, "set_type", f"document:{req.document}", Snapshot(documents=[before]),
                   Snapshot(documents=[after], examples=[example.id or 0]), written=True)


def dossier_for(store: RecordStore, policy: Policy, key: str, doc_kind: str | None) -> DossierRef:
    """The dossier a VIN, plate or unit number names, as filing would make it when it is new."""
    ref = store.find_dossier(key)
    plate = normalize_plate(key)
    if ref is None and plate:
        ref = store.find_dossier(plate)
    if ref is not None:
        if doc_kind and ref.kind != doc_kind:
            raise ReviewRefused(key, msg="review.wrong_kind")
        return ref
    if plate and is_valid_plate(plate):
        # A plate no dossier knows: the car's file is kept under it until a paper prints the VIN beside it,
        # as filing opens one (resolve.py, domain.md §1a: the plate is a secondary key).
        held = [k for k, kp in policy.kinds.items() if "plate" in kp.secondary_key_fields]
        if not held:  # no dossier kind keeps a file under a plate: a plate alone makes none
            raise ReviewRefused(key, msg="review.plate_unknown")
        if doc_kind and doc_kind not in held:
            raise ReviewRefused(key, msg="review.wrong_kind")
        return DossierRef(kind=doc_kind or held[0], key=plate)
    key = key.strip()
    kinds = [doc_kind] if doc_kind else list(policy.kinds)
    checked = [k for k in kinds if k in KEY_CHECKS and KEY_CHECKS[k](key.upper())]
    if checked:
        return DossierRef(kind=checked[0], key=key.upper())
    if any(shape(key) for shape in KEY_SHAPES.values()):
        raise ReviewRefused(key, msg="review.unknown_key")
    free = [k for k in kinds if k not in KEY_CHECKS]
    if len(free) == 1:
        return DossierRef(kind=free[0], key=key)
    raise ReviewRefused(key, msg="review.unknown_key")


def move(store: RecordStore, policy: Policy, by: str, req: Move) -> AuditEntry:
    """Into the dossier the key names (made if new, as filing does); an untyped document still waits for its type."""
    doc = _doc(store, req.document)
    kind = policy.doc_types[doc.doc_type].kind if doc.doc_type in policy.doc_types else None
    ref = dossier_for(store, policy, req.dossier, kind)
    # Into the file under a plate: the clerk says the paper is that car's, so it carries the plate -- what
    # keeps the file under it (checklist.provisional_field) and merges it into the car when its VIN is filed.
    fields = doc.fields
    if ref.key == normalize_plate(req.dossier) and doc.fields.get("plate") != ref.key \
            and not doc.fields.get(policy.kinds[ref.kind].key_field):
        fields = {**doc.fields, "plate": ref.key}
    if doc.doc_type:
        return _edit(store, by, "move", doc, dossier=ref, status="filed", reason=None, fields=fields)
    return _edit(store, by, "move", doc, dossier=ref, fields=fields)


def unassign(store: RecordStore, policy: Policy, by: str, req: DocumentOnly) -> AuditEntry:
    """Out of its dossier: it waits for review, as a document no dossier took."""
    doc = _doc(store, req.document)
    return _edit(store, by, "unassign", doc, dossier=None, status="needs_review", reason=teaching.UNASSIGNED)


def reopen(store: RecordStore, policy: Policy, by: str, req: Reopen) -> AuditEntry:
    """Back to the review queue, with the clerk's reason (stored in both languages, as reasons are)."""
    doc = _doc(store, req.document)
    reason = text("review.sent_back", by=by) + (f": {req.reason}" if req.reason else "")
    return _edit(store, by, "reopen", doc, status="needs_review", reason=reason)


def _on_pages(crops: list[str], pages: list[int]) -> list[str]:
    """The kept crops cut from these source pages."""
    return [c for c in crops if crop_page(c) in pages]


def split(store: RecordStore, policy: Policy, by: str, req: Split) -> AuditEntry:
    """Two documents: this one keeps the pages before `at`, a new one takes `at` and after, untyped and
    waiting for review in the same dossier. Each half takes its own pages' text, fields read from that
    text, signature fields and seals (a document filed before page ends were kept keeps its whole text on
    both halves)."""
    doc = _doc(store, req.document)
    if req.at not in doc.pages[1:]:
        raise ReviewRefused(f"#{doc.id} p.{req.at}", msg="review.bad_split")
    cut = doc.pages.index(req.at)
    halves = split_at(doc.text, doc.page_ends, cut) or ((doc.text, []), (doc.text, []))
    (text1, ends1), (text2, ends2) = halves
    crops1, crops2 = _on_pages(doc.seal_crops, doc.pages[:cut]), _on_pages(doc.seal_crops, doc.pages[cut:])
    first = doc.model_copy(deep=True, update={
        "pages": doc.pages[:cut], "signatures": [s for s in doc.signatures if s.page is None or s.page < req.at],
        "text": text1, "page_ends": ends1, "seal_crops": crops1,
        "seal_boxes": {c: b for c, b in doc.seal_boxes.items() if c in crops1},
        "seal": bool(crops1) if doc.seal is not None else None,
        "fields": extract_fields(text1, policy) if ends1 else doc.fields,
    })
    second = doc.model_copy(deep=True, update={
        "id": None, "pages": doc.pages[cut:], "doc_type": None, "confidence": 0.0, "guesses": [],
        "signatures": [s for s in doc.signatures if s.page is not None and s.page >= req.at],
        "seal": bool(crops2) if doc.seal is not None else None, "seal_crops": crops2, "visit": None,
        "status": "needs_review", "reason": text("review.split_part", doc=doc.id), "created_at": "",
        "text": text2, "page_ends": ends2, "fields": extract_fields(text2, policy) if ends2 else doc.fields,
        "seal_boxes": {c: b for c, b in doc.seal_boxes.items() if c in crops2},
    })
    return _change(store, by, "split", f"document:{doc.id}", Snapshot(documents=[doc]),
                   Snapshot(documents=[first, second]))


def next_document(store: RecordStore, doc: StoredDocument) -> StoredDocument | None:
    """The document of the same source whose pages come next."""
    later = [d for d in store.documents_of_source(doc.sha256 or "")
             if d.id != doc.id and d.pages and doc.pages and d.pages[0] > doc.pages[-1]]
    return min(later, key=lambda d: d.pages[0], default=None)


def merge(store: RecordStore, policy: Policy, by: str, req: DocumentOnly) -> AuditEntry:
    """One document of this one and the next of its source (its pages, text, signatures and seals); the
    next one is gone. Its type and dossier are this one's."""
    doc = _doc(store, req.document)
    nxt = next_document(store, doc)
    if nxt is None:
        raise ReviewRefused(f"#{doc.id}", msg="review.nothing_to_merge")
    seals = [s for s in (doc.seal, nxt.seal) if s is not None]
    text_, ends = join_documents((doc.text, doc.page_ends), (nxt.text, nxt.page_ends))
    merged = doc.model_copy(deep=True, update={
        "pages": doc.pages + nxt.pages, "text": text_, "page_ends": ends,
        "signatures": doc.signatures + nxt.signatures, "seal": any(seals) if seals else None,
        "seal_crops": doc.seal_crops + nxt.seal_crops, "seal_boxes": doc.seal_boxes | nxt.seal_boxes,
        "fields": nxt.fields | doc.fields,
    })
    return _change(store, by, "merge", f"document:{doc.id}", Snapshot(documents=[doc, nxt]),
                   Snapshot(documents=[merged], absent=[nxt.id or 0]))


def sign(store: RecordStore, policy: Policy, by: str, req: Sign) -> AuditEntry:
    """A person's verdict on signature fields: it replaces the status the reports and checklists use;
    the automatic verdict stays beside it (auto_status), with who and when."""
    doc = _doc(store, req.document)
    after = doc.model_copy(deep=True)
    at = _now()
    for check in req.signatures:
        fields = [s for s in after.signatures if s.role == check.role and check.label in (None, s.label)]
        fields.sort(key=lambda s: not s.required)  # the required field of that side first
        if not fields:
            raise ReviewRefused(f"#{doc.id} {check.role} {check.label or ''}".strip(), msg="review.no_signature")
        s = fields[0]
        s.auto_status = s.auto_status or s.status
        s.status, s.checked_by, s.checked_at = check.status, by, at
    return _change(store, by, "sign", f"document:{doc.id}", Snapshot(documents=[doc]), Snapshot(documents=[after]))


def waive(store: RecordStore, policy: Policy, by: str, req: Waive) -> AuditEntry:
    """A required checklist item declared not needed for this dossier, with the reason: the checklists
    count it satisfied by the waiver and say so (dossier/service.py)."""
    ref = store.find_dossier(req.dossier)
    if ref is None:
        raise NotFound(req.dossier, msg="review.no_dossier")
    rule = policy.kinds[ref.kind].checklists.get(req.checklist)
    if rule is None or req.item not in rule.required:
        raise ReviewRefused(f"{req.checklist} / {req.item}", msg="review.no_item")
    if rule.scope == "visit" and not req.visit:
        raise ReviewRefused(req.checklist, msg="review.visit_needed")
    if rule.scope != "visit" and req.visit:
        raise ReviewRefused(req.checklist, msg="review.no_visit")
    w = Waiver(dossier_kind=ref.kind, dossier_key=ref.key, checklist=req.checklist, visit=req.visit,
               item=req.item, reason=req.reason.strip(), waived_by=by, waived_at=_now())
    held = [x for x in store.waivers_of(ref) if x.ident == w.ident]
    before = Snapshot(waivers=held) if held else Snapshot(unwaived=[w.ident])
    return _change(store, by, "waive", f"dossier:{ref.kind}:{ref.key}", before, Snapshot(waivers=[w]))


def undo(store: RecordStore, policy: Policy, by: str, req: Undo) -> AuditEntry:
    """Entry `audit_id`'s before state written back, as an entry of its own; once only, and only while
    what the entry changed is as it left it (else the later actions are undone first)."""
    e = store.audit_entry(req.audit_id)
    if e is None:
        raise NotFound(f"#{req.audit_id}", msg="review.no_entry")
    if e.undone_by is not None:
        raise ReviewRefused(f"#{e.id}", msg="review.already_undone")
    if e.action == "undo":
        raise ReviewRefused(f"#{e.id}", msg="review.undo_of_undo")
    return _change(store, by, "undo", e.target, e.after, e.before, undoes=e.id)


def history(store: RecordStore, target: str | None = None, limit: int = 100) -> list[AuditEntry]:
    """The audit trail, newest first (of one "document:ID" or "dossier:KIND:KEY" with `target`)."""
    return store.audit_entries(target, limit)
