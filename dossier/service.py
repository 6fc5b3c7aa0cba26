"""What the CLI (and later the web UI) asks of the archive: plain functions over the store."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel

from dossier.checklist import cars_with, dossier_checklists, provisional_field
from dossier.config import Settings
from dossier.messages import part, text
from dossier.models import Checklist, DocumentResult, DossierRef, StoredDocument, Waiver
from dossier.policy import KindPolicy, Policy
from dossier.records import RecordStore
from dossier.workdays import WorkCalendar


class DossierView(BaseModel):
    kind: str
    key: str
    aliases: list[str] = []
    # Kept under a secondary key (a plate) while its key (a VIN) is not known: that field, and the
    # exception a clerk reads; `shared`: keyed dossiers whose papers print the same value (not merged).
    provisional: str | None = None
    provisional_note: str | None = None
    shared: list[str] = []
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
    status: str  # missing | unsigned | waived (only with `waived=True`)
    due: date | None
    overdue: bool
    waiver: Waiver | None = None  # who waived it, when and why


def today(settings: Settings) -> date:
    return date.fromisoformat(settings.today) if settings.today else date.today()


def calendar(settings: Settings) -> WorkCalendar:
    return WorkCalendar.load(settings.holidays_file)


def waived(lists: list[Checklist], waivers: list[Waiver]) -> list[Checklist]:
    """The checklists with the items a clerk waived (dossier/review.py) counted satisfied, saying by whom,
    when and why; a list complete by waivers is no longer overdue."""
    by_item = {(w.checklist, w.visit, w.item): w for w in waivers}
    for cl in lists:
        for item in cl.items:
            w = by_item.get((cl.name, cl.visit or "", item.doc_type))
            if w is not None and item.required and item.status != "present":
                item.status, item.waiver = "waived", w
        cl.complete = all(i.status in ("present", "waived") for i in cl.items if i.required)
        cl.overdue = cl.overdue and not cl.complete
    return lists


def provisional_note(kp: KindPolicy, field: str, lang: str) -> str:
    """"VIN not yet known, filed under the plate": the line a file kept under its secondary key shows in
    `dossier show` and heads its rows in the completeness queue."""
    return text("dossier.provisional", lang, key=part(f"key.{kp.key_field}"), field=part(f"key.{field}"))


def show(store: RecordStore, ref: DossierRef, policy: Policy, settings: Settings, lang: str = "zh") -> DossierView:
    docs = store.dossier_documents(ref)
    lists = waived(dossier_checklists(ref.kind, docs, policy, calendar(settings), today(settings), lang),
                   store.waivers_of(ref))
    aliases = store.aliases_of(ref)
    field = provisional_field(policy.kinds[ref.kind], ref.key, docs) if ref.kind in policy.kinds else None
    shared = cars_with(store, ref.kind, field, ref.key) if field else []
    note = None
    if field:
        note = provisional_note(policy.kinds[ref.kind], field, lang)
        if len(shared) > 1:
            note += "; " + text("dossier.plate_shared", lang, field=part(f"key.{field}"), n=len(shared),
                                keys=", ".join(shared))
    return DossierView(
        kind=ref.kind,
        key=ref.key,
        aliases=aliases,
        provisional=field,
        provisional_note=note,
        shared=shared,
        checklists=lists,
        documents=[d.result() for d in docs],
    )


def missing_rows(ref: DossierRef, docs: list[StoredDocument], policy: Policy, cal: WorkCalendar, now: date,
                 lang: str = "zh", waivers: list[Waiver] | None = None, waived_too: bool = False) -> list[MissingRow]:
    """One dossier's required items missing or unsigned (unsorted); `waivers`: its waived items, which count
    as satisfied and appear only with `waived_too` (status `waived`, never overdue)."""
    rows: list[MissingRow] = []
    kp = policy.kinds.get(ref.kind)
    if kp is not None and (field := provisional_field(kp, ref.key, docs)):
        # The file kept under a plate is an exception of its own: its VIN is to be found (the next paper
        # printing both merges it, resolve.py); its items follow as any dossier's.
        rows.append(MissingRow(
            dossier_kind=ref.kind, dossier_key=ref.key, checklist="key",
            title=provisional_note(kp, field, lang),
            visit=None, item=kp.key_field, item_name=text(f"key.{kp.key_field}", lang), status="unknown",
            due=None, overdue=False,
        ))
    for cl in waived(dossier_checklists(ref.kind, docs, policy, cal, now, lang), waivers or []):
        for item in cl.items:
            if item.required and item.status != "present" and (waived_too or item.status != "waived"):
                rows.append(
                    MissingRow(
                        dossier_kind=ref.kind, dossier_key=ref.key, checklist=cl.name, title=cl.title,
                        visit=cl.visit, item=item.doc_type, item_name=item.name, status=item.status,
                        due=cl.due, overdue=cl.overdue and item.waiver is None, waiver=item.waiver,
                    )
                )
    return rows


def missing_order(r: MissingRow) -> tuple:
    """The queue's order: overdue first, then by due date; waived items last."""
    return (r.status == "waived", not r.overdue, r.due or date.max, r.dossier_key, r.checklist, r.item)


def waivers_by_dossier(store: RecordStore) -> dict[tuple[str, str], list[Waiver]]:
    """Every waiver, by (kind, key): one query for a whole report."""
    out: dict[tuple[str, str], list[Waiver]] = {}
    for w in store.waivers_of():
        out.setdefault((w.dossier_kind, w.dossier_key), []).append(w)
    return out


def missing_report(store: RecordStore, policy: Policy, settings: Settings, lang: str = "zh",
                   waived_too: bool = False) -> list[MissingRow]:
    """The completeness exception queue: every required item missing or unsigned, overdue first.
    `waived_too`: the items a clerk waived as well, status `waived` (satisfied, and said so), last."""
    cal, now = calendar(settings), today(settings)
    waivers = waivers_by_dossier(store)
    rows: list[MissingRow] = []
    for ref in store.dossiers():
        rows += missing_rows(ref, store.dossier_documents(ref), policy, cal, now, lang,
                             waivers.get((ref.kind, ref.key), []), waived_too)
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
    checked_by: str | None = None  # a person found it blank (dossier/review.py): who, when, and what
    checked_at: str | None = None  # the automatic verdict had been
    auto_status: str | None = None
    required: bool = True  # false: a field the form prints but its type's policy does not ask for (never fined)


def signatures_report(store: RecordStore, policy: Policy, month: str | None = None, lang: str = "zh",
                      not_required: bool = False) -> list[SignatureRow]:
    """Every filed document with a required signature field left blank (the policies fine each one); with
    `not_required`, the blank fields its type does not ask for too, marked so."""
    rows = blank_signature_rows(store.queue("filed"), policy, month, lang, not_required)
    rows.sort(key=lambda r: (r.dossier_key or "", r.date or "", r.document, r.role))
    return rows


def blank_signature_rows(docs: list[StoredDocument], policy: Policy, month: str | None = None,
                         lang: str = "zh", not_required: bool = False) -> list[SignatureRow]:
    """The required signature fields left blank on those of `docs` that are filed (unsorted); with
    `not_required`, the other blank fields found on them too."""
    rows = []
    for d in docs:
        when = d.doc_date or d.created_at[:10]
        if d.status != "filed" or (month and not when.startswith(month)):
            continue
        for s in d.signatures:
            if s.status != "blank" or not (s.required or not_required) or d.doc_type is None:
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
                    checked_by=s.checked_by,
                    checked_at=s.checked_at,
                    auto_status=s.auto_status,
                    required=s.required,
                )
            )
    return rows
