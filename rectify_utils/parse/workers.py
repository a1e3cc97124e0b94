"""Worker processes that can be stopped: a task that hangs or kills its worker costs only itself.

:class:`WorkerPool` runs ``target(payload, step)`` in child processes, one task at a time per
child. ``step(value)`` tells the parent how far a task got (``load_corpus`` calls it before
each file); a task whose step takes longer than ``step_timeout`` seconds has its worker killed,
and a worker that dies (the kernel's out-of-memory killer, a crash in C code) is replaced. Either
way the parent gets a :class:`Lost` result naming the step, and the other tasks carry on.

Every worker watches its parent and exits within half a second of the parent's death, so no
worker outlives a build killed with ``kill -9``. ``rectify report`` runs its notebooks in
these workers too (``report.build``).
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing import connection, get_all_start_methods, get_context
from typing import Any

#: seconds between a worker's checks that its parent is still alive
PARENT_POLL = 0.5
#: seconds a worker is given to exit after SIGTERM before it is killed
TERMINATE_GRACE = 2.0

Target = Callable[[Any, Callable[[Any], None]], Any]


@dataclass(frozen=True)
class Lost:
    """A task whose worker was stopped or died: at which ``step``, and why."""

    step: Any
    reason: str
    timed_out: bool = False


@dataclass
class _Worker:
    process: Any
    conn: Any
    key: Hashable | None = None
    step: Any = None
    deadline: float | None = None


def default_start_method() -> str:
    """``fork`` where the platform has it (a worker starts in milliseconds), else ``spawn``.

    Returns
    -------
    str
        A ``multiprocessing`` start method.
    """
    return "fork" if "fork" in get_all_start_methods() else "spawn"


class WorkerPool:
    """``size`` child processes running ``target(payload, step)``, each task in one child.

    Parameters
    ----------
    target : callable
        ``target(payload, step) -> result``, picklable by reference for ``spawn``.
    size : int
        The number of worker processes.
    method : str, optional
        The multiprocessing start method (default :func:`default_start_method`).
    initializer : callable, optional
        Run once in each worker before its first task, with ``initargs``.
    initargs : tuple
        Arguments of ``initializer``.
    step_timeout : float, optional
        Seconds a task may spend between two steps (and before its first) before its
        worker is killed; None waits for ever.
    on_step : callable, optional
        ``on_step(key, step)`` in the parent, as each step is reported (progress bars).

    Examples
    --------
    >>> with WorkerPool(square, 2) as pool:  # doctest: +SKIP
    ...     dict(pool.run([("a", 2), ("b", 3)]))
    {'a': 4, 'b': 9}
    """

    def __init__(
        self,
        target: Target,
        size: int,
        *,
        method: str | None = None,
        initializer: Callable[..., None] | None = None,
        initargs: tuple = (),
        step_timeout: float | None = None,
        on_step: Callable[[Hashable, Any], None] | None = None,
    ) -> None:
        self._context = get_context(method or default_start_method())
        self._target, self._size = target, max(1, size)
        self._init = (initializer, initargs)
        self._step_timeout, self._on_step = step_timeout, on_step
        self._workers: list[_Worker] = []

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close(kill=exc_info[0] is not None)

    def run(self, tasks: Iterable[tuple[Hashable, Any]]) -> Iterator[tuple[Hashable, Any]]:
        """Run the tasks; yield ``(key, result)`` as each ends, a :class:`Lost` for a lost one.

        A task that raised yields a :class:`Lost` too, its reason the exception's last line.
        More tasks may be passed to :meth:`submit` while iterating (a lost task's remainder).
        """
        self._queue: deque[tuple[Hashable, Any]] = deque(tasks)
        while self._queue or any(w.key is not None for w in self._workers):
            self._dispatch()
            yield from self._collect()

    def submit(self, key: Hashable, payload: Any) -> None:
        """Add a task to the running :meth:`run`, ahead of the tasks still waiting."""
        self._queue.appendleft((key, payload))

    def close(self, kill: bool = False) -> None:
        """Stop every worker: ask the idle ones to exit, or kill them all (``kill``)."""
        for worker in self._workers:
            with contextlib.suppress(OSError, ValueError):
                if kill or worker.key is not None:
                    worker.process.kill()
                else:
                    worker.conn.send(None)
        deadline = time.monotonic() + TERMINATE_GRACE
        for worker in self._workers:
            worker.process.join(max(0.0, deadline - time.monotonic()))
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join(1.0)
            worker.conn.close()
        self._workers = []

    def pids(self) -> list[int]:
        """The process ids of the live workers."""
        return [w.process.pid for w in self._workers if w.process.is_alive()]

    def _dispatch(self) -> None:
        """Give each idle worker a task, starting workers up to ``size``."""
        for worker in [w for w in self._workers if w.key is None and not w.process.is_alive()]:
            self._lose(worker, "")  # died between tasks: nothing of it is lost
        while self._queue:
            idle = next((w for w in self._workers if w.key is None), None)
            if idle is None:
                if len(self._workers) >= self._size:
                    return
                idle = self._start()
            key, payload = self._queue.popleft()
            idle.key, idle.step = key, None
            idle.deadline = self._deadline()
            idle.conn.send((key, payload))

    def _start(self) -> _Worker:
        parent, child = self._context.Pipe()
        process = self._context.Process(
            target=_worker_main,
            args=(child, self._target, *self._init, os.getpid()),
            daemon=True,
        )
        process.start()
        child.close()
        worker = _Worker(process, parent)
        self._workers.append(worker)
        return worker

    def _deadline(self) -> float | None:
        return None if self._step_timeout is None else time.monotonic() + self._step_timeout

    def _collect(self) -> Iterator[tuple[Hashable, Any]]:
        """Wait for a message, a death or a deadline; yield what ended."""
        busy = [w for w in self._workers if w.key is not None]
        deadlines = [w.deadline for w in busy if w.deadline is not None]
        timeout = max(0.0, min(deadlines) - time.monotonic()) if deadlines else None
        ready = set(
            connection.wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout)
        )
        for worker in busy:
            if worker.conn in ready:
                yield from self._receive(worker)
            elif worker.process.sentinel in ready:
                yield self._lose(worker)
            elif worker.deadline is not None and time.monotonic() >= worker.deadline:
                worker.process.kill()
                key, lost = self._lose(worker, f"took longer than {self._step_timeout:g} s")
                yield key, Lost(lost.step, lost.reason, timed_out=True)

    def _receive(self, worker: _Worker) -> Iterator[tuple[Hashable, Any]]:
        try:
            kind, value = worker.conn.recv()
        except (EOFError, OSError):
            yield self._lose(worker)
            return
        if kind == "step":
            worker.step, worker.deadline = value, self._deadline()
            if self._on_step is not None:
                self._on_step(worker.key, value)
            return
        key, worker.key = worker.key, None
        yield key, (value if kind == "done" else Lost(worker.step, value))

    def _lose(self, worker: _Worker, reason: str | None = None) -> tuple[Hashable, Lost]:
        """Drop a dead or killed worker (a new one starts for the next task).

        ``reason`` defaults to how the worker ended (``killed by SIGKILL``).
        """
        worker.process.join(1.0)
        if reason is None:
            reason = _death_reason(worker.process.exitcode)
        worker.conn.close()
        self._workers.remove(worker)
        return worker.key, Lost(worker.step, reason)


def _death_reason(exitcode: int | None) -> str:
    """How a worker ended, in words: ``killed by SIGKILL (out of memory?)``."""
    if exitcode is not None and exitcode < 0:
        name = signal.Signals(-exitcode).name
        hint = " (out of memory?)" if -exitcode == signal.SIGKILL else ""
        return f"the worker was killed by {name}{hint}"
    return f"the worker exited with status {exitcode}"


def _worker_main(
    conn: Any,
    target: Target,
    initializer: Callable[..., None] | None,
    initargs: tuple,
    parent_pid: int,
) -> None:
    """A worker's loop: receive ``(key, payload)``, send steps and ``("done", result)``."""
    _watch_parent(parent_pid)
    signal.signal(signal.SIGINT, _ignore)  # the parent decides; a handler (not SIG_IGN) is
    if initializer is not None:  # reset by exec, so the kernels a worker starts get Ctrl-C
        initializer(*initargs)
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        _key, payload = task
        try:
            result = ("done", target(payload, lambda value: conn.send(("step", value))))
        except BaseException as exc:  # reported to the parent, never raised here
            last = traceback.format_exception_only(type(exc), exc)[-1].strip()
            result = ("error", f"the worker failed: {last}")
        conn.send(result)


def _ignore(signum: int, frame: object) -> None:
    """A SIGINT handler that does nothing."""


def _watch_parent(parent_pid: int) -> None:
    """Exit this process when the parent dies (its children are handed to another parent)."""

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(PARENT_POLL)
        os._exit(1)

    threading.Thread(target=watch, name="rectify-watch-parent", daemon=True).start()
