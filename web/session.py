"""Signed session cookies, API bearer tokens and CSRF tokens, all keyed by the site's secret.

The cookie holds only the user's name, the session epoch it was issued in (logging out raises the epoch:
web/users.py), the CSRF token of its forms and the chosen language; it is signed, not encrypted, and
nothing secret is in it.
"""

from __future__ import annotations

import hmac
import os
import secrets
from pathlib import Path

from itsdangerous import BadSignature, URLSafeTimedSerializer
from pydantic import BaseModel, ValidationError

COOKIE = "dossier_session"
SESSION_AGE = 12 * 3600  # seconds: one working day
TOKEN_AGE = 12 * 3600
SECRET_FILE = "web-secret"
LANGS = ("zh", "en")


class Session(BaseModel):
    user: str | None = None
    epoch: int = 0
    csrf: str
    lang: str = "zh"


class TokenClaims(BaseModel):
    user: str
    epoch: int


def new_session(user: str | None = None, epoch: int = 0, lang: str = "zh") -> Session:
    """A fresh session with a new CSRF token (also at login: a token seen before login is not reused)."""
    return Session(user=user, epoch=epoch, csrf=secrets.token_urlsafe(32), lang=lang if lang in LANGS else "zh")


def site_secret(home: Path) -> str:
    """DOSSIER_WEB_SECRET, else a random key kept in DOSSIER_HOME (made once, readable by the owner only),
    so that sessions outlive a restart and every process serving one archive signs alike."""
    given = os.environ.get("DOSSIER_WEB_SECRET")
    if given:
        return given
    path = home / SECRET_FILE
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text(encoding="ascii").strip()
    with os.fdopen(fd, "w", encoding="ascii") as f:
        f.write(secrets.token_urlsafe(48))
    return path.read_text(encoding="ascii").strip()


class Signer:
    def __init__(self, secret: str) -> None:
        self._session = URLSafeTimedSerializer(secret, salt="dossier.session")
        self._token = URLSafeTimedSerializer(secret, salt="dossier.api-token")

    def dump_session(self, s: Session) -> str:
        return self._session.dumps(s.model_dump())

    def load_session(self, cookie: str | None) -> Session | None:
        if not cookie:
            return None
        try:
            return Session.model_validate(self._session.loads(cookie, max_age=SESSION_AGE))
        except (BadSignature, ValidationError):
            return None

    def dump_token(self, claims: TokenClaims) -> str:
        return self._token.dumps(claims.model_dump())

    def load_token(self, token: str) -> TokenClaims | None:
        try:
            return TokenClaims.model_validate(self._token.loads(token, max_age=TOKEN_AGE))
        except (BadSignature, ValidationError):
            return None


def csrf_ok(session: Session | None, given: str | None) -> bool:
    return bool(session and given) and hmac.compare_digest(session.csrf, given or "")  # type: ignore[union-attr]
