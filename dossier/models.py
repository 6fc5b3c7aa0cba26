"""Pydantic models at the boundaries between stages, the CLI's JSON and the record store."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

Box = tuple[int, int, int, int]  # x0, y0, x1, y1 in pixels of the upright page image

DossierKind = str  # "car", "unit", or any kind defined by a policy file
SignatureStatus = Literal["signed", "blank", "uncertain"]
# `unknown`: a signature field found whose party (甲方 outside a known document, 签约人) says no side.
Role = Literal["customer", "staff", "unknown"]
DocStatus = Literal["filed", "needs_review", "duplicate", "quarantined"]
# `waived`: missing or unsigned, but a clerk waived the item with a reason (dossier/review.py).
ItemStatus = Literal["present", "missing", "unsigned", "waived"]


class Word(BaseModel):
    """One recognised piece of text: a word (Tesseract) or a text line (RapidOCR, text layer)."""

    text: str
    box: Box
    conf: float = Field(ge=0.0, le=1.0)


class PageText(BaseModel):
    """What was read on one page, in reading order, with boxes in the upright page's pixels."""

    width: int
    height: int
    words: list[Word] = []
    rotation: int = 0  # degrees clockwise that were applied to make the page upright
    source: Literal["ocr", "text_layer"] = "ocr"
    engine: str = ""
    seconds: float = 0.0  # time the OCR engine itself spent on this page

    @property
    def text(self) -> str:
        return "\n".join(line_texts(self.words))


def group_lines(words: list[Word]) -> list[list[Word]]:
    """Words grouped into visual lines — a word joins a line when its vertical centre lies inside the
    line's first box and it stands beside, not above or below, the words already there (two long
    lines of a tilted phone photo have overlapping boxes but are stacked) — lines top to bottom,
    words in a line left to right."""
    lines: list[list[Word]] = []
    for w in sorted(words, key=lambda w: (w.box[1] + w.box[3]) / 2):
        cy = (w.box[1] + w.box[3]) / 2
        for line in lines:
            ref = line[0].box
            if ref[1] <= cy <= ref[3] and all(_beside(w.box, o.box) for o in line):
                line.append(w)
                break
        else:
            lines.append([w])
    for line in lines:
        line.sort(key=lambda w: w.box[0])
    return lines


def _beside(a: Box, b: Box) -> bool:
    # Pieces of one line may touch or overlap a little where OCR split a line; stacked lines overlap a lot.
    shared = min(a[2], b[2]) - max(a[0], b[0])
    return shared <= 0.3 * min(a[2] - a[0], b[2] - b[0])


def line_texts(words: list[Word]) -> list[str]:
    """Each visual line's text, top to bottom."""
    return [_join(line) for line in group_lines(words)]


def _join(line: list[Word]) -> str:
    # CJK text gets no spaces between pieces; Latin words keep one.
    text = ""
    for w in line:
        if text and text[-1].isascii() and text[-1].isalnum() and w.text[:1].isascii() and w.text[:1].isalnum():
            text += " "
        text += w.text
    return text


class SignatureField(BaseModel):
    role: Role
    label: str
    status: SignatureStatus
    confidence: float = 0.0
    page: int | None = None  # 1-based page of the source
    box: Box | None = None  # the judged field region
    crop: str | None = None  # path of the kept crop, relative to DOSSIER_HOME
    reason: str | None = None
    # False: a field found on the document that its type does not require (reported, never fined).
    required: bool = True
    party: str | None = None  # the party word its label names (买受人, 甲方), when found by shape
    # A person's verdict (dossier/review.py) replaces `status`; the automatic one stays here beside it.
    auto_status: SignatureStatus | None = None
    checked_by: str | None = None
    checked_at: str | None = None  # ISO 8601, UTC


class PageResult(BaseModel):
    """One page after the worker: its text, its kept image and what the image checks found."""

    index: int  # 1-based page number in the source
    text: PageText
    image: str | None = None  # derived upright page image, relative to DOSSIER_HOME
    seal: bool | None = None
    seal_crops: list[str] = []  # kept crops of the seals found, relative to DOSSIER_HOME
    seal_boxes: dict[str, tuple[int, int, int, int]] = {}  # crop -> where it was cut from the page image
    error: str | None = None  # set when the page could not be read (timeout, engine crash)


class DossierRef(BaseModel):
    kind: DossierKind
    key: str


class Classification(BaseModel):
    doc_type: str | None
    confidence: float
    guesses: list[tuple[str, float]] = []  # best candidates, best first
    reason: str | None = None


class DocumentResult(BaseModel):
    """One line of `dossier ingest --json`."""

    id: int | None = None
    source: str
    sha256: str | None = None
    pages: list[int] = []
    doc_type: str | None = None
    doc_type_name: str | None = None
    confidence: float = 0.0
    guesses: list[tuple[str, float]] = []
    dossier: DossierRef | None = None
    fields: dict[str, str] = {}
    signatures: list[SignatureField] = []
    seal: bool | None = None
    seal_crops: list[str] = []
    status: DocStatus
    reason: str | None = None
    duplicate_of: int | None = None


class StoredDocument(DocumentResult):
    """A document as the record store keeps it."""

    visit: str | None = None  # the after-sales visit (work-order number, else date)
    doc_date: str | None = None
    text: str = ""
    # Where each page's text ends in `text` (the pages are joined by a newline): a split cuts there.
    # Empty for documents filed before migration 0009: a split of one keeps the whole text on both halves.
    page_ends: list[int] = []
    # Each seal crop's box on its page image (the viewer marks it); empty for documents filed before 0009.
    seal_boxes: dict[str, tuple[int, int, int, int]] = {}
    created_at: str = ""

    def result(self) -> DocumentResult:
        return DocumentResult.model_validate(self.model_dump(include=set(DocumentResult.model_fields)))


class Waiver(BaseModel):
    """A checklist item a clerk declared not needed for this dossier, and why (dossier/review.py)."""

    dossier_kind: str
    dossier_key: str
    checklist: str
    visit: str = ""  # the after-sales visit of a per-visit checklist; "" for the dossier's own lists
    item: str  # the document type waived
    reason: str
    waived_by: str
    waived_at: str  # ISO 8601, UTC


    @property
    def ident(self) -> str:
        """The item it waives, one string: a snapshot's and the audit's key for it."""
        return "|".join((self.dossier_kind, self.dossier_key, self.checklist, self.visit, self.item))


class ChecklistItem(BaseModel):
    doc_type: str
    name: str
    required: bool = True
    status: ItemStatus
    documents: list[int] = []
    waiver: Waiver | None = None  # status `waived`: who waived it, when and why


class Checklist(BaseModel):
    name: str  # "new_car", a job-type code, or the unit checklist's name
    title: str
    visit: str | None = None  # the after-sales visit (order number or date) this list belongs to
    anchor_date: date | None = None
    due: date | None = None
    overdue: bool = False
    complete: bool = False
    calendar_warning: str | None = None
    items: list[ChecklistItem] = []


class TaughtExample(BaseModel):
    """A clerk's correction kept as a training example of this archive (dossier/teaching.py); one line
    of `dossier teach --export`."""

    id: int | None = None
    document_id: int | None = None  # the document it was taught from (None: imported from another site)
    doc_type: str
    text: str  # the document's text as read, all pages
    taught_by: str
    taught_at: str  # ISO 8601, UTC
    origin: str | None = None  # the archive it was taught in, for an imported example


class Snapshot(BaseModel):
    """The records a review action touches, as they were before it or became after it (dossier/review.py):
    what `undo` writes back. A document without an id is one the action makes (a split's second half)."""

    documents: list[StoredDocument] = []
    absent: list[int] = []  # documents that do not exist in this state (a merged-away one, a split's new half)
    waivers: list[Waiver] = []
    unwaived: list[str] = []  # Waiver.ident of the items not waived in this state
    examples: list[int] = []  # taught examples (dossier/teaching.py) that exist in this state


class AuditEntry(BaseModel):
    """One review action, as the audit trail keeps it: who, when (UTC), what, on what, before and after."""

    id: int | None = None
    at: str
    by: str
    action: str  # set_type | move | unassign | split | merge | sign | waive | reopen | undo
    target: str  # "document:12" or "dossier:car:LSV…"
    before: Snapshot
    after: Snapshot
    undoes: int | None = None  # the entry an undo reverts
    undone_by: int | None = None  # the undo that reverted this entry
