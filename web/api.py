"""The REST API under /api/v1: bearer tokens from the OAuth2 password flow, answering with the pydantic
models the CLI's --json prints (search → SearchHit, show → DossierView, a document → StoredDocument)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.security import OAuth2PasswordRequestForm
from pydantic import BaseModel

from dossier.messages import text
from dossier.models import StoredDocument
from dossier.search.base import SearchHit
from dossier.service import DossierView, show
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
    result = await check_login(engine_of(request), form.username, form.password)
    if result.user is None:
        if result.locked:
            raise HTTPException(429, text("web.login_locked"))
        raise HTTPException(401, text("web.login_failed"), headers={"WWW-Authenticate": "Bearer"})
    return Token(access_token=issue_token(request, result.user))


@router.get("/search", response_model=list[SearchHit])
async def search(request: Request, user: ApiUser, q: str = Query(min_length=1), type: str | None = None,
                 dossier: str | None = None, limit: int = Query(20, ge=1, le=MAX_LIMIT)) -> list[SearchHit]:
    store = request.app.state.store
    ref = store.find_dossier(dossier) if dossier else None
    return list(store.index.search(q, doc_type=type, dossier=ref.key if ref else dossier, limit=limit))


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
