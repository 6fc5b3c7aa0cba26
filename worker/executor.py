"""How the filing path has pages read: any executor that takes a page task and gives its outcome back —
the local process pool (worker/local.py), the rq workers (worker/queue.py, RqPages) or one that reads in
this process (InProcess: the rq source job, tests). The filing path depends on this protocol only, never
on a pool; the drivers choose the executor (worker/executors.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from typing import Protocol, TypeVar

from dossier.worker.page_models import PageOutcome, PageTask

T = TypeVar("T")


class PageExecutor(Protocol):
    # Pages submitted and not yet taken back at most: enough to keep every reader busy, few enough that a
    # long PDF's outcomes are never all held at once.
    window: int

    def submit(self, task: PageTask) -> Future[PageOutcome]: ...

    def result(self, task: PageTask, fut: Future[PageOutcome]) -> PageOutcome:
        """The page's outcome, whatever happened to the worker reading it (a failed page, never a raise)."""
        ...


class InProcess:
    """Each page read here, as it is submitted: the rq source job's executor (it runs in a worker already)."""

    window = 1

    def submit(self, task: PageTask) -> Future[PageOutcome]:
        from dossier.worker.page_job import run_page

        fut: Future[PageOutcome] = Future()
        fut.set_result(run_page(task))
        return fut

    def result(self, task: PageTask, fut: Future[PageOutcome]) -> PageOutcome:
        return fut.result()


def ordered(
    items: Iterable[T],
    submit: Callable[[T], Future[PageOutcome] | None],
    window: int,
) -> Iterator[tuple[T, Future[PageOutcome] | None]]:
    """Submit items in order with at most `window` page futures outstanding; yield them in order."""
    pending: list[tuple[T, Future[PageOutcome] | None]] = []
    outstanding = 0
    for item in items:
        fut = submit(item)
        pending.append((item, fut))
        outstanding += fut is not None
        while outstanding >= window or (pending and pending[0][1] is None):
            head = pending.pop(0)
            outstanding -= head[1] is not None
            yield head
    yield from pending
