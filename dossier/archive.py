"""The archive on disk: originals content-addressed by SHA-256 (never altered) and derived pages."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from dossier.errors import StorageError
from dossier.messages import text

EXTENSIONS = {"pdf": ".pdf", "tiff": ".tif", "jpeg": ".jpg", "png": ".png"}


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def original_path(home: Path, sha: str, fmt: str) -> Path:
    return home / "originals" / sha[:2] / f"{sha}{EXTENSIONS.get(fmt, '.bin')}"


def page_dir(home: Path, sha: str) -> Path:
    return home / "pages" / sha[:2] / sha


def crop_name(page: int, name: str) -> str:
    """A crop kept from source page `page` (a signature field, a seal), in that source's page_dir."""
    return f"p{page:04d}-{name}.jpg"


def crop_page(path: str) -> int | None:
    """The source page a kept crop was cut from, by its name (crop_name); None for another file."""
    head = path.rsplit("/", 1)[-1].split("-", 1)[0]
    return int(head[1:]) if head[:1] == "p" and head[1:].isdigit() else None


def _atomic_write(dest: Path, write: Callable[[BinaryIO], object], mode: int | None = None) -> None:
    """Write through a temporary file, fsync, then rename: a crash never leaves half a file at `dest`."""
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=dest.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as f:
                write(f)
                f.flush()
                os.fsync(f.fileno())
            if mode is not None:
                os.chmod(tmp, mode)
            os.replace(tmp, dest)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as e:
        raise StorageError(f"{dest}: {e.strerror or e}") from e


def atomic_write_bytes(dest: Path, data: bytes) -> None:
    _atomic_write(dest, lambda f: f.write(data))


def archive_original(home: Path, src: Path, sha: str, fmt: str) -> Path:
    """Copy the source's bytes into the archive (idempotent); return the archived path."""
    dest = original_path(home, sha, fmt)
    if dest.exists() and dest.stat().st_size == src.stat().st_size:
        return dest

    def copy(out: BinaryIO) -> None:
        with open(src, "rb") as inp:
            shutil.copyfileobj(inp, out, 1 << 20)

    _atomic_write(dest, copy, mode=0o444)  # originals are never modified (seed §2.8)
    if sha256_file(dest) != sha:
        dest.unlink(missing_ok=True)
        raise StorageError(f"{src}: " + text("archive.changed"))
    return dest
