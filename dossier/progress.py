"""Progress of a long run on standard error: a line redrawn in place with rate and time left on a
terminal; plain lines at most every half minute otherwise (a log keeps them, a short run prints none)."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

from dossier.messages import text

PLAIN_EVERY = 30.0  # seconds between plain lines when standard error is no terminal


class Progress:
    def __init__(self, total: int, what: str, stream: TextIO | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.total, self.what, self.done = total, what, 0
        self.stream = stream or sys.stderr
        self.clock = clock
        self.started = self.last = clock()
        self.terminal = self.stream.isatty()
        self.drawn = False
        self.seen: set[str] = set()

    def line(self) -> str:
        elapsed = max(self.clock() - self.started, 1e-9)
        rate = self.done / elapsed * 60
        left = (self.total - self.done) / rate if rate and self.done < self.total else 0.0
        eta = text("progress.eta", left=left) if self.done and left >= 1 else ""
        return text("progress.line", what=self.what, done=self.done, total=self.total, rate=rate, eta=eta)

    def advance(self, n: int = 1) -> None:
        self.done += n
        if self.terminal:
            self.stream.write("\r\033[K" + self.line())
            self.stream.flush()
            self.drawn = True
        elif self.clock() - self.last >= PLAIN_EVERY or (self.done >= self.total and self.drawn):
            self.stream.write(self.line() + "\n")
            self.last, self.drawn = self.clock(), True

    def advance_once(self, key: str) -> None:
        """Count `key` (a file, whose documents come one after another) the first time it is seen."""
        if key not in self.seen:
            self.seen.add(key)
            self.advance()

    def close(self) -> None:
        if self.terminal and self.drawn:
            self.stream.write("\n")
            self.stream.flush()
