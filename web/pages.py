"""The server-rendered pages, Simplified Chinese first with an English switch (`?lang=en`, kept in the
session). Every value from outside (OCR text, file names, fields) reaches the page through Jinja2's
autoescaping; no page carries inline script."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from pydantic import BaseModel, ValidationError

from dossier import review
from dossier.errors import DossierError, ExitCode
from dossier.messages import text
from dossier.models import AuditEntry
from dossier.service import show
from dossier.teaching import NotFound
from dossier.web.auth import (
    LoginRequired,
    PageUser,
    check_csrf,
    check_login,
    engine_of,
    logged_in_session,
    require,
    session_of,
    set_session,
)
from dossier.web.counts import queue_cache
from dossier.web.session import COOKIE, LANGS, Session, new_session
from dossier.web.users import ROLES, User, UserExists, add_user, end_sessions, list_users

TEMPLATES = Path(__file__).parent / "templates"
templates = Jinja2Templates(env=Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True,
                                            undefined=StrictUndefined))
router = APIRouter(include_in_schema=False)
SEARCH_LIMIT = 50
HISTORY_LIMIT = 200
HIT = re.compile(r"【(.*?)】")


def marked(snippet: str) -> list[tuple[str, bool]]:
    """The snippet in pieces, (text, is a hit): the backends wrap hits in 【】, the page marks them."""
    parts, at = [], 0
    for m in HIT.finditer(snippet):
        parts += [(snippet[at:m.start()], False), (m.group(1), True)]
        at = m.end()
    return [p for p in [*parts, (snippet[at:], False)] if p[0]]


def render(request: Request, template: str, status: int = 200, user: User | None = None,
           session: Session | None = None, **ctx: Any) -> HTMLResponse:
    """A page in the session's language, or the one `?lang=` switches to (then kept in the session)."""
    s = session or session_of(request) or new_session()
    asked = request.query_params.get("lang")
    changed = asked in LANGS and asked != s.lang
    if changed:
        s = s.model_copy(update={"lang": asked})
    lang = s.lang
    policy = request.app.state.policy

    def t(msg_id: str, **params: Any) -> str:
        return text(f"web.{msg_id}", lang, **params)

    names = {
        "doc_type": lambda code: policy.name(code, lang) if code and code in policy.doc_types else (code or "?"),
        "status": lambda v: text(f"status.{v}", lang),
        "item": lambda v: text(f"item.{v}", lang),
        "role": lambda v: text(f"role.{v}", lang),
        "user_role": lambda v: text(f"web.role_{v}", lang),
        "kind": lambda k: policy.kinds[k].name.get(lang) if k in policy.kinds else k,
    }
    other = "en" if lang == "zh" else "zh"
    response = templates.TemplateResponse(request, template, {
        "t": t, "lang": lang, "name": names, "user": user, "csrf": s.csrf, "marked": marked,
        "switch": str(request.url.include_query_params(lang=other).replace(scheme="", netloc="")), "other": other,
        **ctx,
    }, status_code=status)
    if changed or session is not None or request.cookies.get(COOKIE) is None:
        set_session(request, response, s)
    return response


# --- login ---------------------------------------------------------------------------------------------
@router.get("/login")
async def login_page(request: Request) -> Response:
    return render(request, "login.html")


@router.post("/login")
async def login(request: Request) -> Response:
    s = await check_csrf(request)
    form = await request.form()
    name, password = str(form.get("username") or ""), str(form.get("password") or "")
    result = await check_login(request, name, password)
    if result.retry_after:
        refused = render(request, "login.html", status=429, error="login_throttled", username=name)
        refused.headers["Retry-After"] = str(result.retry_after)
        return refused
    if result.user is None:
        error = "login_locked" if result.locked else "login_failed"
        return render(request, "login.html", status=429 if result.locked else 401, error=error, username=name)
    response = RedirectResponse("/", status_code=303)
    set_session(request, response, logged_in_session(result.user, s))  # a new CSRF token after login
    return response


@router.post("/logout")
async def logout(request: Request, user: PageUser) -> Response:
    s = await check_csrf(request)
    end_sessions(engine_of(request), user.name)
    response = RedirectResponse("/login", status_code=303)
    set_session(request, response, new_session(lang=s.lang))
    return response


# --- reading -------------------------------------------------------------------------------------------
@router.get("/")
async def home(request: Request, user: PageUser) -> Response:
    from dossier.ingest.folders import status_report

    st = request.app.state
    status = status_report(st.settings.home, st.store, None)
    cache = queue_cache(st)  # the queues kept per dossier: a full pass at 100k documents takes seconds
    cache.refresh(st.store, st.policy, st.settings)
    counts = {
        "filed": status["filed"], "needs_review": status["needs_review"], "quarantined": status["quarantined"],
        "waiting": status["waiting"], **cache.counts().model_dump(),
    }
    return render(request, "home.html", user=user, counts=counts, folders=status["waiting_by_folder"],
                  errors=status["last_errors"])


class SearchDates(BaseModel):
    """The search form's date range (both days inclusive); an empty box is no bound."""

    since: date | None = None
    until: date | None = None


@router.get("/search")
async def search(request: Request, user: PageUser, q: str = "", type: str = "", kind: str = "", since: str = "",
                 until: str = "", dossier: str = "") -> Response:
    # The dates arrive as text: one a browser without a date picker let through is said on the page, not a 500.
    store, policy = request.app.state.store, request.app.state.policy
    dates = _form_model(SearchDates, {"since": since, "until": until})
    hits = []
    if q.strip() and isinstance(dates, SearchDates):
        ref = store.find_dossier(dossier) if dossier else None
        hits = store.index.search(q, doc_type=type or None, dossier=ref.key if ref else (dossier or None),
                                  kind=kind or None, since=dates.since, until=dates.until, limit=SEARCH_LIMIT)
    return render(request, "search.html", status=200 if dates else 422, user=user, q=q, type=type, kind=kind,
                  since=since, until=until, dossier=dossier, hits=hits, bad_date=dates is None,
                  doc_types=sorted(policy.doc_types), kinds=sorted(policy.kinds))


@router.get("/dossiers/{key}")
async def dossier_page(request: Request, key: str, user: PageUser) -> Response:
    return _dossier(request, key, user)


def _dossier(request: Request, key: str, user: User, status: int = 200, error: str | None = None) -> Response:
    st = request.app.state
    ref = st.store.find_dossier(key)
    if ref is None:
        return render(request, "error.html", status=404, user=user, message="no_dossier", detail=key)
    lang = (session_of(request) or new_session()).lang
    view = show(st.store, ref, st.policy, st.settings, lang)
    return render(request, "dossier.html", status=status, user=user, view=view, error=error)


@router.get("/documents/{doc_id}")
async def document_page(request: Request, doc_id: int, user: PageUser) -> Response:
    return _document(request, doc_id, user)


def _document(request: Request, doc_id: int, user: User, status: int = 200, error: str | None = None) -> Response:
    st = request.app.state
    doc = st.store.document(doc_id)
    if doc is None:
        return render(request, "error.html", status=404, user=user, message="no_document", detail=str(doc_id))
    return render(request, "document.html", status=status, user=user, doc=doc, error=error,
                  doc_types=sorted(st.policy.doc_types), next_doc=review.next_document(st.store, doc),
                  history=review.history(st.store, f"document:{doc_id}", 20))


# --- review actions (dossier/review.py): a form each, CSRF-checked, then back to the page (POST-redirect-GET) --
# Each form's fields, as the action's request model takes them.
FORMS: dict[str, tuple[str, type[BaseModel], tuple[str, ...]]] = {
    "set-type": ("set_type", review.SetType, ("doc_type",)),
    "move": ("move", review.Move, ("dossier",)),
    "unassign": ("unassign", review.DocumentOnly, ()),
    "split": ("split", review.Split, ("at",)),
    "merge": ("merge", review.DocumentOnly, ()),
    "reopen": ("reopen", review.Reopen, ("reason",)),
}


async def _act(request: Request, user: User, action: str, req: BaseModel) -> tuple[AuditEntry | None, str | None, int]:
    """Do a review action for a form: (entry, None, 303), or (None, the message why not, its status)."""
    require(user, "write")
    st = request.app.state
    lang = _lang(request)
    try:
        return getattr(review, action)(st.store, st.policy, user.name, req), None, 303
    except DossierError as e:
        if e.exit_code not in (ExitCode.FAILED, ExitCode.CONFIG):  # the archive's own failure: not the form's
            raise
        said = ((e.zh if lang == "zh" else e.en) or "") + (f": {e.detail}" if e.detail else "")
        return None, said, 404 if isinstance(e, NotFound) else 409


def _lang(request: Request) -> str:
    return (session_of(request) or new_session()).lang


def _form_model(model: type[BaseModel], values: dict[str, Any]) -> BaseModel | None:
    try:
        return model.model_validate({k: v for k, v in values.items() if v not in ("", None)})
    except ValidationError:
        return None


@router.post("/documents/{doc_id}/sign")
async def document_sign(request: Request, doc_id: int, user: PageUser) -> Response:
    require(user, "write")
    await check_csrf(request)
    form = await request.form()
    req = _form_model(review.Sign, {"document": doc_id, "signatures": [
        {"role": form.get("role"), "status": form.get("status"), "label": form.get("label") or None}]})
    if req is None:
        return _document(request, doc_id, user, 400, text("web.bad_form", _lang(request)))
    entry, error, status = await _act(request, user, "sign", req)
    return RedirectResponse(f"/documents/{doc_id}", 303) if entry else _document(request, doc_id, user, status, error)


@router.post("/documents/{doc_id}/{form_name}")
async def document_action(request: Request, doc_id: int, form_name: str, user: PageUser) -> Response:
    require(user, "write")
    await check_csrf(request)
    if form_name not in FORMS:
        return render(request, "error.html", status=404, user=user, message="no_document", detail=form_name)
    action, model, names = FORMS[form_name]
    form = await request.form()
    req = _form_model(model, {"document": doc_id, **{n: form.get(n) for n in names}})
    if req is None:
        return _document(request, doc_id, user, 400, text("web.bad_form", _lang(request)))
    entry, error, status = await _act(request, user, action, req)
    return RedirectResponse(f"/documents/{doc_id}", 303) if entry else _document(request, doc_id, user, status, error)


@router.post("/dossiers/{key}/waivers")
async def dossier_waive(request: Request, key: str, user: PageUser) -> Response:
    require(user, "write")
    await check_csrf(request)
    form = await request.form()
    req = _form_model(review.Waive, {"dossier": key, **{n: form.get(n) for n in ("checklist", "item", "visit", "reason")}})
    entry, error, status = (None, text("web.waive_reason_needed", _lang(request)), 400) if req is None else \
        await _act(request, user, "waive", req)
    if entry:
        return RedirectResponse(f"/dossiers/{quote(key, safe='')}", 303)
    return _dossier(request, key, user, status, error)


@router.get("/history")
async def history_page(request: Request, user: PageUser, target: str | None = None) -> Response:
    return _history(request, user, target)


def _history(request: Request, user: User, target: str | None, status: int = 200, error: str | None = None) -> Response:
    entries = review.history(request.app.state.store, target or None, HISTORY_LIMIT)
    return render(request, "history.html", status=status, user=user, entries=entries, target=target or "",
                  error=error)


@router.post("/history/{audit_id}/undo")
async def history_undo(request: Request, audit_id: int, user: PageUser) -> Response:
    require(user, "write")
    await check_csrf(request)
    entry, error, status = await _act(request, user, "undo", review.Undo(audit_id=audit_id))
    return RedirectResponse("/history", 303) if entry else _history(request, user, None, status, error)


# --- users (admin) -------------------------------------------------------------------------------------
@router.get("/users")
async def users_page(request: Request, user: PageUser) -> Response:
    require(user, "manage_users")
    return render(request, "users.html", user=user, users=list_users(engine_of(request)), roles=ROLES)


@router.post("/users")
async def users_add(request: Request, user: PageUser) -> Response:
    require(user, "manage_users")
    await check_csrf(request)
    form = await request.form()
    name, role, password = (str(form.get(k) or "") for k in ("name", "role", "password"))
    error, status = None, 303
    try:
        add_user(engine_of(request), name, role, password)
    except UserExists:
        error, status = "user_exists", 409
    except ValueError as e:
        error, status = f"bad_{e}", 400
    if error:
        return render(request, "users.html", status=status, user=user, users=list_users(engine_of(request)),
                      roles=ROLES, error=error)
    return RedirectResponse("/users", status_code=status)


def login_redirect(request: Request, exc: LoginRequired) -> Response:
    return RedirectResponse("/login", status_code=303)
