"""Failed logins counted per client address, beside the per-user lock-out (web/users.py): that one stops
guessing one user's password, this one stops one address trying many names (names that do not exist are
not locked). In memory, per process: a restart forgets, which only helps the person who mistyped."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

WINDOW = 60.0  # seconds
MAX_FAILURES = 20  # per address and window: an office behind one address mistypes far less


class LoginThrottle:
    def __init__(self, window: float = WINDOW, limit: int = MAX_FAILURES,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.window, self.limit, self._clock = window, limit, clock
        self._failed: dict[str, deque[float]] = {}

    def _recent(self, address: str) -> deque[float]:
        now = self._clock()
        q = self._failed.get(address)
        if q is None:
            return deque()
        while q and q[0] <= now - self.window:
            q.popleft()
        if not q:
            del self._failed[address]
        return q

    def wait(self, address: str) -> int:
        """Seconds this address must wait before its next login is tried (0: try it now)."""
        q = self._recent(address)
        if len(q) < self.limit:
            return 0
        return max(1, int(q[0] + self.window - self._clock()) + 1)

    def failed(self, address: str) -> None:
        self._recent(address)
        if len(self._failed) > 10_000:  # many addresses (a scan): keep the memory bounded, forget the oldest
            self._failed.pop(next(iter(self._failed)))
        self._failed.setdefault(address, deque()).append(self._clock())
