"""`dossier worker`'s rq Worker: its work-horse is forked once and reads job after job, as a local pool
process reads page after page.

rq's own Worker forks a fresh work-horse for every job: a page job then starts from the state the worker
had at start-up and leaves nothing to the next (the archived PDF opened and its page count read, the
engine's and the checks' caches filled while reading), and pays a fork and a teardown each time -- most of
what the queue cost over the local pool (BENCHMARKS.md, rq / local).

Here the horse lives on: the worker hands it each job (its id, queue and execution) over a pipe and the horse
says when it is done. Everything else is rq's Worker, unchanged: the worker dequeues, keeps its and the
job's heartbeats, and watches the horse with rq's own monitor, so what the fault tests demand holds as with
a horse per job:
- a horse that dies mid-job (segfault, os._exit, killed for memory) is seen at once; rq fails the job (retried,
  and a page error for the client once out of retries) and the next job gets a new horse, forked from the
  worker with its models loaded;
- a horse that hangs where no signal reaches it (an engine stuck in C code) is killed at the job's timeout
  plus a minute, as rq kills a horse;
- a worker killed whole leaves its job in the started registry, taken by another worker once abandoned.

Not rq's SimpleWorker (jobs in the worker's own process): its job timeout is a SIGALRM in that process, the
very timer each page's own limit takes over (worker.tasks), and never delivered to an engine that blocks it;
and a crashing engine would take the worker, its registration and its heartbeats with it, so a supervisor
would have to redo what rq's monitor does here already.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import select
import signal
import time
from typing import TYPE_CHECKING, Any, NoReturn

from rq import Queue, Worker
from rq.executions import Execution
from rq.job import Job
from rq.worker import logger

if TYPE_CHECKING:
    from resource import struct_rusage

POLL = 0.5  # seconds between looks at a horse's exit, should another process hold its pipe open
RETIRE = 10.0  # seconds an idle horse is given to leave once the worker stops


class _Horse:
    """The one work-horse and the worker's ends of its two pipes: jobs to it, one byte back per job done."""

    def __init__(self, pid: int, orders: int, done: int) -> None:
        self.pid = pid
        self.orders = orders
        self.done = done

    def close(self) -> None:
        for fd in (self.orders, self.done):
            with contextlib.suppress(OSError):
                os.close(fd)

    def reap(self, block: bool) -> tuple[int, int, struct_rusage | None] | None:
        """The horse's exit (pid, status, usage) once it has ended; None while it runs."""
        try:
            pid, stat, rusage = os.wait4(self.pid, 0 if block else os.WNOHANG)
        except ChildProcessError:  # reaped already (rq's cold shutdown waits on its horse too)
            return self.pid, 0, None
        return (pid, stat, rusage) if pid else None


class PageWorker(Worker):
    """rq's forking Worker with one long-lived work-horse instead of one per job."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._horse: _Horse | None = None

    # --- the worker's side --------------------------------------------------------------------------------
    def fork_work_horse(self, job: Job, queue: Queue) -> None:
        assert self.execution is not None  # rq's prepare_execution has just made it
        order = json.dumps({"job": job.id, "queue": queue.name, "execution": self.execution.id}).encode() + b"\n"
        horse = self._live_horse()
        try:
            os.write(horse.orders, order)
        except BrokenPipeError:  # it died between the look and the order: a new one takes the job
            self._bury(horse, block=True)
            horse = self._live_horse()
            os.write(horse.orders, order)
        self._horse_pid = horse.pid  # what rq's monitor waits on, and kills once the job overruns

    def _live_horse(self) -> _Horse:
        if self._horse is not None and self._horse.reap(block=False) is not None:
            self._bury(self._horse, block=False)  # died while idle (killed for memory, say): reaped above
        if self._horse is None:
            self._horse = self._fork()
        return self._horse

    def _fork(self) -> _Horse:
        orders_r, orders_w = os.pipe()
        done_r, done_w = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.setpgrp()  # as rq's horse: a Ctrl-C at the worker's terminal is the worker's to handle
            os.close(orders_w)
            os.close(done_r)
            self._serve(orders_r, done_w)
        os.close(orders_r)
        os.close(done_w)
        self.procline(f"Forked {pid} at {time.time()}")
        return _Horse(pid, orders_w, done_r)

    def _bury(self, horse: _Horse, block: bool) -> None:
        horse.close()
        if block:
            horse.reap(block=True)
        if self._horse is horse:
            self._horse = None

    def wait_for_horse(self) -> tuple[int | None, int | None, struct_rusage | None]:
        """The job's end as rq's monitor expects a horse's: (pid, 0, None) once the horse has done it and
        waits for the next; (pid, status, usage) if the horse has died. Blocks until one of them; rq's monitor
        interrupts it every job_monitoring_interval to send heartbeats and to kill a horse that overran."""
        horse = self._horse
        if horse is None:
            return None, None, None
        while True:
            # A process forked from the worker meanwhile (rq's scheduler) may hold the pipe's other end,
            # so a dead horse is looked for by its exit too, not by the pipe's end alone.
            ready, _, _ = select.select([horse.done], [], [], POLL)
            if ready and os.read(horse.done, 1):
                return horse.pid, os.EX_OK, None
            ended = horse.reap(block=bool(ready))  # ready and empty: the pipe closed, the horse is ending
            if ended is not None:
                self._bury(horse, block=False)
                return ended

    def teardown(self) -> None:
        super().teardown()
        horse = self._horse
        if horse is None or self.is_horse:
            return
        horse.close()  # the idle horse reads the end of its orders and leaves
        deadline = time.monotonic() + RETIRE
        while horse.reap(block=False) is None:
            if time.monotonic() > deadline:
                with contextlib.suppress(OSError):
                    os.killpg(horse.pid, signal.SIGKILL)
                horse.reap(block=True)
                break
            time.sleep(0.05)
        self._horse = None

    # --- the horse's side ---------------------------------------------------------------------------------
    def _serve(self, orders: int, done: int) -> NoReturn:
        """The horse: each order read, its job performed by rq (result, retry or failure written as rq's
        horse writes them), then one byte back. An error of rq's own ends the horse, as rq's horse exits 1:
        the worker then fails the job."""
        random.seed()
        self.setup_work_horse_signals()
        self._is_horse = True
        self.log = logger
        try:
            with os.fdopen(orders, "rb") as inbox:
                for line in inbox:
                    order = json.loads(line)
                    job = self.job_class.fetch(order["job"], connection=self.connection, serializer=self.serializer)
                    queue = next(q for q in self.queues if q.name == order["queue"])
                    self.execution = Execution.fetch(order["execution"], job.id, connection=self.connection)
                    self.perform_job(job, queue)
                    os.write(done, b".")
        except BaseException:  # noqa: BLE001  # whatever it was, the worker sees the horse gone and fails the job
            os._exit(1)
        os._exit(0)  # the worker has stopped: no more orders
