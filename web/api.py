"""The REST API under /api/v1: bearer tokens from the OAuth2 password flow, answering with the pydantic
models the CLI's --json prints (search → SearchHit, show → DossierView, a document → StoredDocument, a
review action → AuditEntry). Every write asks for the `write` permission (web/users.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.security import OAuth2PasswordRequestForm
from pydantic import BaseModel, ConfigDict, Field

from dossier import review
from dossier.errors import DossierError, ExitCode, ReviewRefused
from dossier.messages import text
from dossier.models import AuditEntry, StoredDocument
from dossier.review import SignatureCheck
from dossier.search.base import SearchHit
from dossier.service import DossierView, show
from dossier.teaching import NotFound
from dossier.web.auth import ApiUser, check_login, engine_of, issue_token, require
from dossier.web.users import Role, User, UserExists, add_user

router = APIRouter(prefix="/api/v1")
MAX_LIMIT = 1000  # as `dossier search --limit`


class Token(BaseModel):
    access_token: str
    token_type: Literal["bearer"] = "bearer"


class NewUser(BaseModel):
    name: str
    role: Role
    password: str


@router.post("/auth/token", response_model=Token)
async def token(request: Request, form: Annotated[OAuth2PasswordRequestForm, Depends()]) -> Token:
    result = await check_login(request, form.username, form.password)
    if result.retry_after:
        raise HTTPException(429, text("web.login_throttled"), headers={"Retry-After": str(result.retry_after)})
    if result.user is None:
        if result.locked:
            raise HTTPException(429, text("web.login_locked"))
        raise HTTPException(401, text("web.login_failed"), headers={"WWW-Authenticate": "Bearer"})
    return Token(access_token=issue_token(request, result.user))


@router.get("/search", response_model=list[SearchHit])
async def search(
    request: Request, user: ApiUser, q: str = Query(min_length=1),
    type: Annotated[str | None, Query(description="document type code")] = None,
    kind: Annotated[str | None, Query(description="dossier kind: car, unit (dossier/policies/*.kind.yaml)")] = None,
    since: Annotated[date | None, Query(description="documents dated on or after this day (YYYY-MM-DD)")] = None,
    until: Annotated[date | None, Query(description="documents dated on or before this day (YYYY-MM-DD)")] = None,
    dossier: Annotated[str | None, Query(description="VIN, plate or unit number")] = None,
    limit: int = Query(20, ge=1, le=MAX_LIMIT),
) -> list[SearchHit]:
    """A document's date is its own (extracted), else the day it was received; a range leaves out undated ones."""
    store = request.app.state.store
    ref = store.find_dossier(dossier) if dossier else None
    return list(store.index.search(q, doc_type=type, dossier=ref.key if ref else dossier, kind=kind, since=since,
                                   until=until, limit=limit))


@router.get("/dossiers/{key}", response_model=DossierView)
async def dossier(request: Request, key: str, user: ApiUser, lang: Literal["zh", "en"] = "zh") -> DossierView:
    st = request.app.state
    ref = st.store.find_dossier(key)
    if ref is None:
        raise HTTPException(404, text("web.no_dossier"))
    return show(st.store, ref, st.policy, st.settings, lang)


@router.get("/documents/{doc_id}", response_model=StoredDocument)
async def document(request: Request, doc_id: int, user: ApiUser) -> StoredDocument:
    doc = request.app.state.store.document(doc_id)
    if doc is None:
        raise HTTPException(404, text("web.no_document"))
    return doc


class DocumentPatch(BaseModel):
    """Review actions on one document, done in this order, each audited apart: `{"doc_type": CODE}`,
    `{"dossier": KEY}` (a VIN, plate or unit number; null: out of its dossier), `{"signatures": [{"role",
    "status"}]}`, `{"split_at": PAGE}`, `{"merge_next": true}`, `{"review": true}` (back to review, with
    an optional `reason`). All or none: when one is refused, those done before it are undone (each undo
    kept in the audit trail) and the refusal is the answer."""

    model_config = ConfigDict(extra="forbid")
    doc_type: str | None = None
    dossier: str | None = Field(None, min_length=1)
    signatures: list[SignatureCheck] | None = None
    split_at: int | None = None
    merge_next: bool | None = None
    review: bool | None = None
    reason: str | None = Field(None, max_length=500)


class Patched(BaseModel):
    document: StoredDocument | None  # as it is now
    audit: list[AuditEntry]  # one entry per action done


class WaiverRequest(BaseModel):
    checklist: str
    item: str
    visit: str = ""
    reason: str = Field(min_length=1, max_length=500)


def _done(request: Request, user: User, act: Callable[..., AuditEntry], req: BaseModel) -> AuditEntry:
    """A review action as `user`: refused → 409, not found → 404, a bad value → 400, the message both ways.

    400 rather than 422: FastAPI's 422 is the schema's own validation answer (a list of errors); ours is one
    message, and a client can tell the two apart by status."""
    require(user, "write", api=True)
    st = request.app.state
    try:
        return act(st.store, st.policy, user.name, req)
    except ReviewRefused as e:
        raise HTTPException(409, e.message) from None
    except NotFound as e:
        raise HTTPException(404, e.message) from None
    except DossierError as e:
        if e.exit_code != ExitCode.CONFIG:  # the archive's own failure (StorageError...): not the request's
            raise
        raise HTTPException(400, e.message) from None


class Problem(BaseModel):
    """Why a request was refused, in Chinese then English."""
    detail: str


REFUSALS: dict[int | str, dict[str, Any]] = {
    400: {"model": Problem, "description": "a value the archive does not know"},
    404: {"model": Problem, "description": "no such document, dossier or audit entry"},
    409: {"model": Problem, "description": "the action cannot be done in the record's present state"},
}


@router.patch("/documents/{doc_id}", response_model=Patched, responses=REFUSALS)
async def patch_document(request: Request, doc_id: int, body: DocumentPatch, user: ApiUser) -> Patched:
    require(user, "write", api=True)
    asked = body.model_fields_set
    steps: list[tuple[Callable[..., AuditEntry], BaseModel]] = []
    if body.doc_type is not None:
        steps.append((review.set_type, review.SetType(document=doc_id, doc_type=body.doc_type)))
    if "dossier" in asked:
        steps.append((review.move, review.Move(document=doc_id, dossier=body.dossier)) if body.dossier
                     else (review.unassign, review.DocumentOnly(document=doc_id)))
    if body.signatures:
        steps.append((review.sign, review.Sign(document=doc_id, signatures=body.signatures)))
    if body.split_at is not None:
        steps.append((review.split, review.Split(document=doc_id, at=body.split_at)))
    if body.merge_next:
        steps.append((review.merge, review.DocumentOnly(document=doc_id)))
    if body.review:
        steps.append((review.reopen, review.Reopen(document=doc_id, reason=body.reason)))
    if not steps:
        raise HTTPException(400, text("web.nothing_to_do"))
    done: list[AuditEntry] = []
    try:
        for act, req in steps:
            done.append(_done(request, user, act, req))
    except HTTPException:
        # All of the body or none of it: what was done is undone, newest first, before the refusal is told
        # (the trail keeps both, as it keeps every change).
        for entry in reversed(done):
            _done(request, user, review.undo, review.Undo(audit_id=entry.id or 0))
        raise
    return Patched(document=request.app.state.store.document(doc_id), audit=done)


@router.post("/dossiers/{key}/waivers", response_model=AuditEntry, status_code=201, responses=REFUSALS)
async def waive(request: Request, key: str, body: WaiverRequest, user: ApiUser) -> AuditEntry:
    return _done(request, user, review.waive, review.Waive(dossier=key, **body.model_dump()))


@router.get("/audit", response_model=list[AuditEntry])
async def audit(request: Request, user: ApiUser, target: str | None = None,
                limit: int = Query(100, ge=1, le=MAX_LIMIT)) -> list[AuditEntry]:
    """The audit trail, newest first; of one "document:ID" or "dossier:KIND:KEY" with `target`."""
    return review.history(request.app.state.store, target, limit)


@router.post("/audit/{audit_id}/undo", response_model=AuditEntry, status_code=201, responses=REFUSALS)
async def undo(request: Request, audit_id: int, user: ApiUser) -> AuditEntry:
    return _done(request, user, review.undo, review.Undo(audit_id=audit_id))


@router.get("/status")
async def status(request: Request, user: ApiUser) -> dict[str, Any]:
    """As `dossier status --json`: the counts, the drop folders' state, the last errors."""
    from dossier.ingest.folders import status_report

    st = request.app.state
    return status_report(st.settings.home, st.store, None)


@router.post("/users", response_model=User, status_code=201)
async def new_user(request: Request, body: NewUser, user: ApiUser) -> User:
    require(user, "manage_users", api=True)
    try:
        return add_user(engine_of(request), body.name, body.role, body.password)
    except UserExists:
        raise HTTPException(409, text("web.user_exists")) from None
    except ValueError as e:
        raise HTTPException(400, text(f"web.bad_{e}")) from None
