"""The web app's users: who may log in, with which role, and the lock-out after repeated failures.

Plain functions over the archive's `users` table (dossier/schema.py, migration 0006), on SQLite or
PostgreSQL alike. Passwords are kept as Argon2id hashes only.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Literal, get_args

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from dossier.dialect import begin_write, storage_errors
from dossier.schema import users

Role = Literal["clerk", "archivist", "manager", "auditor", "admin"]
ROLES: tuple[str, ...] = get_args(Role)
# What each role may do (issue 19: an auditor reads, a clerk corrects, an admin manages users).
PERMISSIONS: dict[str, frozenset[str]] = {
    "auditor": frozenset({"read"}),
    "clerk": frozenset({"read", "write"}),
    "archivist": frozenset({"read", "write"}),
    "manager": frozenset({"read", "write"}),
    "admin": frozenset({"read", "write", "manage_users"}),
}
MAX_FAILURES = 5
LOCK_FOR = timedelta(minutes=15)
MIN_PASSWORD = 8
NAME_MAX = 64

_hasher = PasswordHasher()
# Verified against when the name is unknown, so that a missing name takes as long as a wrong password.
_DUMMY = _hasher.hash("not-a-password-of-anyone")


class User(BaseModel):
    name: str
    role: Role
    session_epoch: int = 0

    def may(self, permission: str) -> bool:
        return permission in PERMISSIONS[self.role]


class LoginResult(BaseModel):
    user: User | None = None
    locked: bool = False  # refused because the name is locked out (the password was not even tried)
    retry_after: int | None = None  # refused because the address failed too often (web/throttle.py): seconds


class UserExists(ValueError):
    pass


def _now() -> datetime:
    return datetime.now(UTC)


def valid_name(name: str) -> bool:
    return 0 < len(name) <= NAME_MAX and name.isprintable() and name.strip() == name


def add_user(engine: Engine, name: str, role: str, password: str, where: str = "") -> User:
    """A new user; ValueError for a bad name, role or short password, UserExists for a taken name.
    `where`: the database as messages name it (the store's `where`, never a URL with its password)."""
    if not valid_name(name):
        raise ValueError("name")
    if role not in ROLES:
        raise ValueError("role")
    if len(password) < MIN_PASSWORD:
        raise ValueError("password")
    row = {"name": name, "role": role, "password_hash": _hasher.hash(password), "failed_logins": 0,
           "session_epoch": 0, "created_at": _now().isoformat(timespec="seconds")}
    # The taken name is caught inside storage_errors, which would otherwise report it as an unwritable archive.
    with storage_errors(where):
        try:
            with engine.connect() as c, c.begin():
                begin_write(c)
                c.execute(users.insert().values(**row))
        except IntegrityError as e:
            raise UserExists(name) from e
    return User(name=name, role=role)


def get_user(engine: Engine, name: str) -> User | None:
    with engine.connect() as c:
        row = c.execute(select(users.c.name, users.c.role, users.c.session_epoch)
                        .where(users.c.name == name)).mappings().first()
    return User.model_validate(dict(row)) if row else None


def list_users(engine: Engine) -> list[User]:
    with engine.connect() as c:
        rows = c.execute(select(users.c.name, users.c.role, users.c.session_epoch)
                         .order_by(users.c.name)).mappings().all()
    return [User.model_validate(dict(r)) for r in rows]


def password_matches(stored_hash: str | None, password: str) -> bool:
    """The slow part of a login, apart so that the web app can run it off its event loop."""
    try:
        return _hasher.verify(stored_hash or _DUMMY, password) and stored_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def password_hash(engine: Engine, name: str) -> str | None:
    with engine.connect() as c:
        return c.execute(select(users.c.password_hash).where(users.c.name == name)).scalar()


def is_locked(engine: Engine, name: str, now: datetime | None = None) -> bool:
    with engine.connect() as c:
        until = c.execute(select(users.c.locked_until).where(users.c.name == name)).scalar()
    return until is not None and datetime.fromisoformat(until) > (now or _now())


def record_attempt(engine: Engine, name: str, ok: bool, now: datetime | None = None) -> None:
    """Count a failed login (the 5th in a row locks the name for 15 minutes) or clear the count."""
    now = now or _now()
    with engine.connect() as c, c.begin():
        begin_write(c)
        row = c.execute(select(users.c.failed_logins, users.c.locked_until)
                        .where(users.c.name == name)).mappings().first()
        if row is None:
            return
        if ok:
            values: dict[str, object] = {"failed_logins": 0, "locked_until": None}
        else:
            expired = row["locked_until"] and datetime.fromisoformat(row["locked_until"]) <= now
            failed = (0 if expired else row["failed_logins"]) + 1
            values = {"failed_logins": failed,
                      "locked_until": (now + LOCK_FOR).isoformat() if failed >= MAX_FAILURES else None}
        c.execute(users.update().where(users.c.name == name).values(**values))


def end_sessions(engine: Engine, name: str) -> None:
    """Logging out ends every session and API token of the user issued so far."""
    with engine.connect() as c, c.begin():
        begin_write(c)
        c.execute(users.update().where(users.c.name == name)
                  .values(session_epoch=users.c.session_epoch + 1))


def login(engine: Engine, name: str, password: str, now: datetime | None = None) -> LoginResult:
    """Check a login (blocking: Argon2 takes tens of milliseconds) and count it."""
    if is_locked(engine, name, now):
        return LoginResult(locked=True)
    ok = password_matches(password_hash(engine, name), password)
    record_attempt(engine, name, ok, now)
    if ok:
        return LoginResult(user=get_user(engine, name))
    return LoginResult(locked=is_locked(engine, name, now))
