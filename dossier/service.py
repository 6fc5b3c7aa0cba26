"""What the CLI (and later the web UI) asks of the archive: plain functions over the store."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel

from dossier.checklist import dossier_checklists
from dossier.config import Settings
from dossier.models import Checklist, DocumentResult, DossierRef, StoredDocument
from dossier.policy import Policy
from dossier.records import RecordStore
from dossier.workdays import WorkCalendar


class DossierView(BaseModel):
    kind: str
    key: str
    aliases: list[str] = []
    checklists: list[Checklist]
    documents: list[DocumentResult]


class MissingRow(BaseModel):
    dossier_kind: str
    dossier_key: str
    checklist: str
    title: str
    visit: str | None
    item: str
    item_name: str
    status: str  # missing | unsigned
    due: date | None
    overdue: bool


def today(settings: Settings) -> date:
    return date.fromisoformat(settings.today) if settings.today else date.today()


def calendar(settings: Settings) -> WorkCalendar:
    return WorkCalendar.load(settings.holidays_file)


def show(store: RecordStore, ref: DossierRef, policy: Policy, settings: Settings, lang: str = "zh") -> DossierView:
    docs = store.dossier_documents(ref)
    lists = dossier_checklists(ref.kind, docs, policy, calendar(settings), today(settings), lang)
    aliases = store.aliases_of(ref)
    return DossierView(
        kind=ref.kind,
        key=ref.key,
        aliases=aliases,
        checklists=lists,
        documents=[d.result() for d in docs],
    )


def missing_rows(ref: DossierRef, docs: list[StoredDocument], policy: Policy, cal: WorkCalendar, now: date,
                 lang: str = "zh") -> list[MissingRow]:
    """One dossier's required items missing or unsigned (unsorted)."""
    rows: list[MissingRow] = []
    for cl in dossier_checklists(ref.kind, docs, policy, cal, now, lang):
        for item in cl.items:
            if item.required and item.status != "present":
                rows.append(
                    MissingRow(
                        dossier_kind=ref.kind, dossier_key=ref.key, checklist=cl.name, title=cl.title,
                        visit=cl.visit, item=item.doc_type, item_name=item.name, status=item.status,
                        due=cl.due, overdue=cl.overdue,
                    )
                )
    return rows


def missing_order(r: MissingRow) -> tuple:
    """The queue's order: overdue first, then by due date."""
    return (not r.overdue, r.due or date.max, r.dossier_key, r.checklist, r.item)


def missing_report(store: RecordStore, policy: Policy, settings: Settings, lang: str = "zh") -> list[MissingRow]:
    """The completeness exception queue: every required item missing or unsigned, overdue first."""
    cal, now = calendar(settings), today(settings)
    rows: list[MissingRow] = []
    for ref in store.dossiers():
        rows += missing_rows(ref, store.dossier_documents(ref), policy, cal, now, lang)
    rows.sort(key=missing_order)
    return rows


class ReviewRow(BaseModel):
    document: int
    received: str  # when it was filed in, as the store keeps it
    source: str
    pages: list[int]
    doc_type: str | None  # the type, if one was sure enough
    type_name: str | None  # its name, else the best guess's, for the clerk to confirm
    dossier_kind: str | None
    dossier_key: str | None
    readings: dict[str, str]  # key readings no check proved (a VIN or unit number read, unverified)
    reason: str | None


def review_report(store: RecordStore, policy: Policy, lang: str = "zh") -> list[ReviewRow]:
    """The documents waiting for a clerk (no dossier key, type unsure, a page unreadable), oldest first:
    the queue a 'needs review' reason sends them to."""
    rows = []
    for d in sorted(store.queue("needs_review"), key=lambda d: d.id or 0):
        best = d.doc_type or (d.guesses[0][0] if d.guesses else None)
        rows.append(
            ReviewRow(
                document=d.id or 0, received=d.created_at, source=d.source, pages=d.pages, doc_type=d.doc_type,
                type_name=policy.name(best, lang) if best and best in policy.doc_types else None,
                dossier_kind=d.dossier.kind if d.dossier else None,
                dossier_key=d.dossier.key if d.dossier else None,
                readings={k: v for k, v in d.fields.items() if k.endswith("_unverified")},
                reason=d.reason,
            )
        )
    return rows


class SignatureRow(BaseModel):
    dossier_kind: str | None
    dossier_key: str | None
    document: int
    doc_type: str
    doc_type_name: str
    date: str | None
    role: str
    label: str
    staff: str | None  # the staff member named on the document, where one can be read
    crop: str | None  # the judged field's crop, relative to DOSSIER_HOME
    source: str


def signatures_report(store: RecordStore, policy: Policy, month: str | None = None, lang: str = "zh") -> list[SignatureRow]:
    """Every filed document with a required signature field left blank (the policies fine each one)."""
    rows = blank_signature_rows(store.queue("filed"), policy, month, lang)
    rows.sort(key=lambda r: (r.dossier_key or "", r.date or "", r.document, r.role))
    return rows


def blank_signature_rows(docs: list[StoredDocument], policy: Policy, month: str | None = None,
                         lang: str = "zh") -> list[SignatureRow]:
    """The required signature fields left blank on those of `docs` that are filed (unsorted)."""
    rows = []
    for d in docs:
        when = d.doc_date or d.created_at[:10]
        if d.status != "filed" or (month and not when.startswith(month)):
            continue
        for s in d.signatures:
            if s.status != "blank" or not s.required or d.doc_type is None:
                continue
            rows.append(
                SignatureRow(
                    dossier_kind=d.dossier.kind if d.dossier else None,
                    dossier_key=d.dossier.key if d.dossier else None,
                    document=d.id or 0,
                    doc_type=d.doc_type,
                    doc_type_name=policy.name(d.doc_type, lang),
                    date=d.doc_date,
                    role=s.role,
                    label=s.label,
                    staff=d.fields.get("staff"),
                    crop=s.crop,
                    source=d.source,
                )
            )
    return rows
