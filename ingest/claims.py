"""Claims on drop-folder files, so that two watchers never take the same file.

A claim is an exclusive flock() on a lock file in DIR/.dossier/claims/, one per file name. The
kernel drops it when its holder dies — even by kill -9 — so a restarted watcher simply takes the
file again: nothing stays "claimed" by a dead process and no stale-claim timeout is needed. The lock
lives in the drop folder itself, so watchers with different data homes or different spellings of
the folder's path still exclude each other. flock() works across processes on one machine and on
NFS (as POSIX locks); over SMB, run one watcher per share.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import os
from pathlib import Path

CLAIMS_DIR = Path(".dossier") / "claims"


class Claim:
    def __init__(self, path: Path, lock_path: Path, fd: int) -> None:
        self.path = path
        self.lock_path = lock_path
        self._fd: int | None = fd

    def release(self) -> None:
        """Drop the claim. The lock file is removed while still locked, so no one can lock a file
        that is about to disappear (`claim` checks it locked the file that is on disk)."""
        if self._fd is None:
            return
        with contextlib.suppress(OSError):
            os.unlink(self.lock_path)
        os.close(self._fd)
        self._fd = None

    def __enter__(self) -> Claim:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def lock_path(path: Path) -> Path:
    digest = hashlib.sha256(os.fsencode(path.name)).hexdigest()[:40]
    return path.parent / CLAIMS_DIR / f"{digest}.lock"


def claim(path: Path) -> Claim | None:
    """Claim `path` for processing, or None when another process holds it or it is gone.

    Raises OSError when the claims folder cannot be written (a read-only share): the file waits;
    UnsafeFolder when it, or .dossier/, is a link.
    """
    from dossier.ingest.folders import make_dir, opened_dir

    lock = lock_path(path)
    make_dir(path.parent, lock.parent)  # UnsafeFolder if .dossier/ or claims/ is a link
    with opened_dir(path.parent, lock.parent) as into:  # ... or becomes one meanwhile
        return _claim(path, lock, into)


def _claim(path: Path, lock: Path, into: int) -> Claim | None:
    while True:
        # O_NOFOLLOW: a link planted where the lock file goes is never followed (ELOOP, an OSError).
        fd = os.open(lock.name, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | os.O_NOFOLLOW, 0o644, dir_fd=into)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as e:
            os.close(fd)
            if e.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                return None
            raise
        try:
            current = os.stat(lock.name, dir_fd=into, follow_symlinks=False).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            current = False
        if current:
            break
        os.close(fd)  # the holder released and removed it meanwhile: lock the file that is there now
    held = Claim(path, lock, fd)
    with contextlib.suppress(OSError):
        os.write(fd, f"{os.getpid()}\n".encode())  # who holds it, for a person looking
    if not os.path.lexists(path):  # another watcher finished it while we looked
        held.release()
        return None
    return held
