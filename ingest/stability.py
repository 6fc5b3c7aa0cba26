"""Take a file only when it is complete: size and modification time unchanged for a while.

Scanners write slowly, often over SMB; a file seen mid-write must wait. Temporary names that
scanners and office programs use while writing are never taken.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

TEMP_SUFFIXES = (".part", ".tmp", ".crdownload", ".partial", ".filepart", ".swp")


def is_temporary(name: str) -> bool:
    return name.startswith((".", "~$", "~")) or name.lower().endswith(TEMP_SUFFIXES)


@dataclass
class _Seen:
    size: int
    mtime_ns: int
    since: float


class StabilityTracker:
    def __init__(self, stable_seconds: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.stable_seconds = stable_seconds
        self.clock = clock
        self._seen: dict[Path, _Seen] = {}

    def observe(self, path: Path) -> bool:
        """Record the file's current state; True once it has not changed for `stable_seconds`."""
        try:
            st = path.stat()
        except FileNotFoundError:
            self._seen.pop(path, None)
            return False
        now = self.clock()
        prev = self._seen.get(path)
        if prev is None or prev.size != st.st_size or prev.mtime_ns != st.st_mtime_ns:
            self._seen[path] = _Seen(st.st_size, st.st_mtime_ns, now)
            return False
        return now - prev.since >= self.stable_seconds

    def forget(self, path: Path) -> None:
        self._seen.pop(path, None)

    def tracked(self) -> list[Path]:
        return list(self._seen)
