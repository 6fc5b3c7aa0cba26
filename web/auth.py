"""Who is asking: the session cookie (pages) or the bearer token (API), the CSRF check of every form, the
role check of every write. All async and on the event loop, where the store's SQLite connections live
(they belong to one thread); only Argon2 runs in the thread pool."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request
from fastapi.security import OAuth2PasswordBearer
from sqlalchemy.engine import Engine
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from dossier.messages import text
from dossier.web.session import COOKIE, SESSION_AGE, Session, Signer, TokenClaims, csrf_ok, new_session
from dossier.web.throttle import LoginThrottle
from dossier.web.users import (
    LoginResult,
    User,
    get_user,
    is_locked,
    password_hash,
    password_matches,
    record_attempt,
)

bearer = OAuth2PasswordBearer(tokenUrl="/api/v1/auth/token", auto_error=False)


class LoginRequired(Exception):
    """A page asked for without a valid session: answered by a redirect to the login page."""


class Forbidden(Exception):
    """A page or form the user may not use (role, or a missing/wrong CSRF token): answered 403."""


def app_state(request: Request) -> Any:
    return request.app.state


def engine_of(request: Request) -> Engine:
    return request.app.state.store.engine


def signer_of(request: Request) -> Signer:
    return request.app.state.signer


def session_of(request: Request) -> Session | None:
    return signer_of(request).load_session(request.cookies.get(COOKIE))


def set_session(request: Request, response: Response, s: Session) -> None:
    response.set_cookie(COOKIE, signer_of(request).dump_session(s), max_age=SESSION_AGE, httponly=True,
                        samesite="lax", secure=request.url.scheme == "https", path="/")


def _valid(request: Request, name: str | None, epoch: int) -> User | None:
    user = get_user(engine_of(request), name) if name else None
    return user if user and user.session_epoch == epoch else None


def session_user(request: Request) -> User | None:
    s = session_of(request)
    return _valid(request, s.user, s.epoch) if s else None


def token_user(request: Request, token: str | None) -> User | None:
    claims = signer_of(request).load_token(token) if token else None
    return _valid(request, claims.user, claims.epoch) if claims else None


def issue_token(request: Request, user: User) -> str:
    return signer_of(request).dump_token(TokenClaims(user=user.name, epoch=user.session_epoch))


async def page_user(request: Request) -> User:
    """The logged-in user of a page; else the login page."""
    user = session_user(request)
    if user is None:
        raise LoginRequired
    return user


async def api_user(request: Request) -> User:
    """The user a bearer token names; else 401 with the challenge the OAuth2 password flow expects."""
    user = token_user(request, await bearer(request))
    if user is None:
        raise HTTPException(401, text("web.not_authenticated"), headers={"WWW-Authenticate": "Bearer"})
    return user


async def any_user(request: Request) -> User:
    """Either: the OpenAPI schema is read from a browser (session) or a client (token)."""
    user = session_user(request) or token_user(request, await bearer(request))
    if user is None:
        raise HTTPException(401, text("web.not_authenticated"), headers={"WWW-Authenticate": "Bearer"})
    return user


PageUser = Annotated[User, Depends(page_user)]
ApiUser = Annotated[User, Depends(api_user)]
AnyUser = Annotated[User, Depends(any_user)]


def require(user: User, permission: str, api: bool = False) -> None:
    if not user.may(permission):
        if api:
            raise HTTPException(403, text("web.forbidden"))
        raise Forbidden


async def check_csrf(request: Request) -> Session:
    """Every form posts the token its session holds; a form without it (or another site's) is refused."""
    s = session_of(request)
    form = await request.form()
    given = form.get("csrf")
    if not csrf_ok(s, given if isinstance(given, str) else None):
        raise Forbidden
    assert s is not None  # csrf_ok
    return s


async def check_login(request: Request, name: str, password: str) -> LoginResult:
    """users.login with Argon2 off the event loop: an address that failed too often (web/throttle.py) and a
    locked name are refused before the password is tried."""
    engine = engine_of(request)
    throttle: LoginThrottle = request.app.state.login_throttle
    address = request.client.host if request.client else ""
    wait = throttle.wait(address)
    if wait:
        return LoginResult(retry_after=wait)
    if is_locked(engine, name):
        return LoginResult(locked=True)
    ok = await run_in_threadpool(password_matches, password_hash(engine, name), password)
    record_attempt(engine, name, ok)
    if ok:
        return LoginResult(user=get_user(engine, name))
    throttle.failed(address)
    return LoginResult(locked=is_locked(engine, name))


def logged_in_session(user: User, before: Session | None) -> Session:
    return new_session(user.name, user.session_epoch, before.lang if before else "zh")
