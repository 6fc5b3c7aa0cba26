"""The three queues a clerk works (issue 19, point 3): missing/overdue items, documents waiting for review,
blank required signatures. Pages over the service reports, each with CSV and XLSX export, and the API's
`GET /api/v1/reports/missing|review|signatures` answering with the same models as `dossier report … --json`."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel

from dossier.models import DossierRef
from dossier.records import RecordStore
from dossier.service import (
    MissingRow,
    ReviewRow,
    SignatureRow,
    review_report,
    signatures_report,
)
from dossier.web.auth import ApiUser, PageUser, session_of
from dossier.web.counts import queue_cache
from dossier.web.exports import MEDIA, Format, export
from dossier.web.pages import render
from dossier.web.session import new_session

pages = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api/v1/reports")
Lang = Literal["zh", "en"]
Sort = Literal["due", "kind", "staff"]
MONTH = r"^\d{4}-\d{2}$"


class MissingQueueRow(MissingRow):
    """A missing item with the staff member its dossier names (the page sorts by it, the export carries it)."""

    staff: str | None = None


# The missing queue's orders, as data: each a key over a row; overdue first within every order but "kind".
LAST = "\U0010ffff"
SORTS: dict[str, Callable[[MissingQueueRow], tuple[Any, ...]]] = {
    "due": lambda r: (not r.overdue, r.due or date.max, r.dossier_key, r.checklist, r.item),
    "kind": lambda r: (r.dossier_kind, r.dossier_key, r.due or date.max, r.checklist, r.item),
    "staff": lambda r: (r.staff is None, r.staff or LAST, r.due or date.max, r.dossier_key, r.item),
}
# The columns of each export: the report's own fields, as `dossier report … --csv` writes them.
MISSING_COLUMNS = [*MissingRow.model_fields, "staff"]
REVIEW_COLUMNS = list(ReviewRow.model_fields)
SIGNATURE_COLUMNS = list(SignatureRow.model_fields)


def staff_of(store: RecordStore, keys: set[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """The staff member each dossier names: on its newest document that names one."""
    out: dict[tuple[str, str], str] = {}
    for kind, key in keys:
        docs = store.dossier_documents(DossierRef(kind=kind, key=key))
        named = [d for d in docs if d.fields.get("staff")]
        if named:
            newest = max(named, key=lambda d: (d.doc_date or "", d.created_at, d.id or 0))
            out[(kind, key)] = newest.fields["staff"]
    return out


def missing_queue(request: Request, lang: str, sort: str = "due", desc: bool = False,
                  waived: bool = False) -> list[MissingQueueRow]:
    st = request.app.state
    cache = queue_cache(st, lang)  # kept per dossier (web/counts.py): a whole pass takes seconds at 100k documents
    cache.refresh(st.store, st.policy, st.settings)
    rows = cache.missing(waived)
    staff = staff_of(st.store, {(r.dossier_kind, r.dossier_key) for r in rows})
    queue = [MissingQueueRow(**r.model_dump(), staff=staff.get((r.dossier_kind, r.dossier_key))) for r in rows]
    queue.sort(key=SORTS[sort], reverse=desc)
    return [r for r in queue if r.status != "waived"] + [r for r in queue if r.status == "waived"]  # waived last


def review_queue(request: Request, lang: str) -> list[ReviewRow]:
    return review_report(request.app.state.store, request.app.state.policy, lang)


def signature_queue(request: Request, lang: str, month: str | None = None) -> list[SignatureRow]:
    return signatures_report(request.app.state.store, request.app.state.policy, month, lang)


def _page_lang(request: Request) -> str:
    asked = request.query_params.get("lang")
    return asked if asked in ("zh", "en") else (session_of(request) or new_session()).lang


def _render(request: Request, user: Any, template: str, **ctx: Any) -> Response:
    policy, lang = request.app.state.policy, _page_lang(request)

    def kind_name(kind: str) -> str:
        return getattr(policy.kinds[kind].name, lang) if kind in policy.kinds else kind

    return render(request, template, user=user, kind_name=kind_name, **ctx)


def crop_numbers(store: RecordStore, rows: list[SignatureRow]) -> list[int | None]:
    """For each blank signature, its field's number on its document (1-based, as the crop route takes it),
    or None when no crop was kept."""
    out: list[int | None] = []
    for r in rows:
        doc = store.document(r.document)
        fields = doc.signatures if doc else []
        n = next((i for i, s in enumerate(fields, 1)
                  if s.role == r.role and s.required and s.status == "blank" and s.box), None)
        out.append(n)
    return out


# --- pages -----------------------------------------------------------------------------------------------
@pages.get("/queues/missing")
async def missing_page(request: Request, user: PageUser, sort: Sort = "due", desc: bool = False,
                       waived: bool = False, format: Format | None = None) -> Response:
    rows = missing_queue(request, _page_lang(request), sort, desc, waived)
    if format:
        return export(rows, MISSING_COLUMNS, format, "missing")
    return _render(request, user, "queue_missing.html", rows=rows, sort=sort, desc=desc, sorts=list(SORTS),
                   waived=waived)


@pages.get("/queues/review")
async def review_page(request: Request, user: PageUser, format: Format | None = None) -> Response:
    rows = review_queue(request, _page_lang(request))
    if format:
        return export(rows, REVIEW_COLUMNS, format, "review")
    return _render(request, user, "queue_review.html", rows=rows)


@pages.get("/queues/signatures")
async def signatures_page(request: Request, user: PageUser, month: str | None = Query(None, pattern=MONTH),
                          format: Format | None = None) -> Response:
    rows = signature_queue(request, _page_lang(request), month)
    if format:
        return export(rows, SIGNATURE_COLUMNS, format, "signatures")
    return _render(request, user, "queue_signatures.html", rows=rows, month=month or "",
                   crops=crop_numbers(request.app.state.store, rows))


# --- API: the models of `dossier report … --json`, or the same export -------------------------------------
def _answer(rows: Sequence[BaseModel], columns: list[str], fmt: Format | None, name: str) -> Any:
    return export(rows, columns, fmt, name) if fmt else rows


# `?format=csv|xlsx`: the same rows as a file (the schema lists both beside the JSON).
FILES: dict[int | str, dict[str, Any]] = {200: {"content": {"text/csv": {"schema": {"type": "string"}},
                           MEDIA["xlsx"]: {"schema": {"type": "string", "format": "binary"}}}}}


@api.get("/missing", response_model=list[MissingRow], responses=FILES)
async def missing_api(request: Request, user: ApiUser, lang: Lang = "zh", sort: Sort = "due", desc: bool = False,
                      format: Format | None = None,
                      waived: Annotated[bool, Query(description="the waived items too (status waived), last")] = False,
                      ) -> Any:
    """As `dossier report missing --json` (with `--waived`: `waived=true`)."""
    rows = missing_queue(request, lang, sort, desc, waived)
    if format:
        return export(rows, MISSING_COLUMNS, format, "missing")
    return [MissingRow.model_validate(r.model_dump(exclude={"staff"})) for r in rows]


@api.get("/review", response_model=list[ReviewRow], responses=FILES)
async def review_api(request: Request, user: ApiUser, lang: Lang = "zh", format: Format | None = None) -> Any:
    return _answer(review_queue(request, lang), REVIEW_COLUMNS, format, "review")


@api.get("/signatures", response_model=list[SignatureRow], responses=FILES)
async def signatures_api(request: Request, user: ApiUser, lang: Lang = "zh",
                         month: str | None = Query(None, pattern=MONTH), format: Format | None = None) -> Any:
    return _answer(signature_queue(request, lang, month), SIGNATURE_COLUMNS, format, "signatures")
