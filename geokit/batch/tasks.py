"""Per-document tasks of a batch run: what a worker does with one document, and how failures come back.

Why a module of its own: the local pool, the Dask runner and the streaming ``run`` all send the same
tasks; keeping them here lets each runner import them without importing the others.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from geokit.batch.inputs import InputDoc
from geokit.errors import BatchError, UsageError

TASKS = ("parse", "events")

# (ok, payload): payload is the result dict when ok, else the failure's reason.
Outcome = tuple[bool, Any]
DocFn = Callable[[InputDoc], Any]


class WorkerDied(BatchError):
    """A worker process ended while it held a chunk (crash, os._exit, killed by the OS)."""


class WorkersCannotStart(BatchError):
    """Worker processes die before running anything (so no document is to blame)."""


class WorkerTimedOut(WorkerDied):
    """A worker was stopped because it made no progress within the time budget (a stuck document)."""


class BudgetExceeded(Exception):
    """One document ran past its time budget (raised inside the task by a timer)."""


# Default per-document budgets of a batch run (``--time-budget``, ``--memory-budget``; 0 = none).
# Generous for real reports (a 20 MB text parses in under a minute in about 500 MB) and small enough
# that one pathological document cannot hold a worker, or the machine, for long.
DEFAULT_TIME_BUDGET = 600.0
DEFAULT_MEMORY_BUDGET_MB = 4096

# Seconds a runner may go without finishing any chunk beyond what the time budget allows its largest
# chunk, before its workers are taken to be stuck (in code the budget's timer cannot interrupt) and
# stopped; their chunks are then retried one document at a time, so only the stuck one is lost.
HARD_GRACE = 30.0


@dataclass(frozen=True, slots=True)
class Budget:
    """What one document may use: wall seconds and memory (MB above the worker's size before it).

    The time budget is a timer: SIGALRM in the main thread of a POSIX process (local workers), else an
    exception raised into the document's thread (Dask runs tasks on worker threads); neither can
    interrupt code stuck in C, so each runner also stops a worker that makes no progress for too long
    (``stuck_after``). The memory budget is an address-space limit (Linux) while the document is the
    only one running in its process (the limit is per process).
    """

    seconds: float | None = DEFAULT_TIME_BUDGET
    memory_mb: int | None = DEFAULT_MEMORY_BUDGET_MB

    @classmethod
    def of(cls, seconds: float | None, memory_mb: int | None) -> Budget:
        for name, v in (("time budget", seconds), ("memory budget", memory_mb)):
            if v is not None and (isinstance(v, bool) or not isinstance(v, int | float) or v < 0):
                raise UsageError(f"the {name} must be a number >= 0 (0 = none), not {v!r}")
        return cls(float(seconds) if seconds else None, int(memory_mb) if memory_mb else None)


class ChunkWatch:
    """The chunks a runner has out (future -> the run's key, and its size) and when one last finished.

    Shared by the process pool and the Dask runner: a runner none of whose chunks finishes within
    ``stuck_after`` seconds has workers stuck in code the budget's timer cannot interrupt.
    """

    def __init__(self, budget: Budget | None) -> None:
        self.budget = budget
        self.keys: dict[Any, int] = {}
        self.sizes: dict[Any, int] = {}
        self.progress_at = time.monotonic()

    def add(self, fut: Any, key: int, size: int) -> None:
        if not self.keys:
            self.progress_at = time.monotonic()  # an idle runner has not been stuck meanwhile
        self.keys[fut] = key
        self.sizes[fut] = size

    def first_done(self) -> Any:
        return next((f for f in self.keys if f.done()), None)

    def stuck_after(self, grace: float) -> float | None:
        """Seconds without a finished chunk that make the workers stuck (None, no time budget: never)."""
        if self.budget is None or not self.budget.seconds:
            return None
        return self.budget.seconds * max(self.sizes.values(), default=1) + grace

    def wait_for(self, limit: float | None) -> float | None:
        """How long to wait for the next chunk before the workers count as stuck."""
        return None if limit is None else max(0.01, self.progress_at + limit - time.monotonic())

    def pop(self, fut: Any) -> int:
        """A finished (or given-up) chunk's key; it counts as progress."""
        self.progress_at = time.monotonic()
        self.sizes.pop(fut, None)
        return self.keys.pop(fut)


def _vm_bytes() -> int | None:
    """This process's address-space size (Linux), the base the memory budget is added to."""
    try:
        with open("/proc/self/statm", encoding="ascii") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


def _on_alarm(signum, frame):
    raise BudgetExceeded


def _raise_in_thread(thread_id: int, exc: type[BaseException]) -> None:
    """Raise ``exc`` in another thread at its next bytecode."""
    import ctypes

    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), ctypes.py_object(exc))


@contextlib.contextmanager
def _thread_timer(seconds: float) -> Iterator[None]:
    """BudgetExceeded in this (non-main) thread after ``seconds``; never after the block has ended.

    A timer that fires as the document ends leaves the exception pending: it is let land here. (It is
    never withdrawn with ``PyThreadState_SetAsyncExc(id, NULL)``: CPython 3.11 then keeps its eval
    breaker set for good, which slows every thread and hangs code run under a profiler or tracer.)
    """
    tid, lock, state = threading.get_ident(), threading.Lock(), {"active": True, "fired": False}

    def fire() -> None:
        with lock:
            if state["active"]:
                state["fired"] = True
                _raise_in_thread(tid, BudgetExceeded)

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    landed = False
    try:
        yield
    except BudgetExceeded:
        landed = True
        raise
    finally:
        with lock:
            state["active"] = False
            fired = state["fired"]
        timer.cancel()
        if fired and not landed:
            _let_it_land()


def _let_it_land() -> None:
    """Run bytecode until the pending BudgetExceeded is raised (at the next check, within microseconds)."""
    deadline = time.monotonic() + 1.0
    try:
        while time.monotonic() < deadline:
            pass
    except BudgetExceeded:
        pass


# Documents running under a memory budget in this process: the address-space limit is per process, so
# it is set only while a document runs alone (a Dask worker with several threads runs them unbounded).
_MEM_LOCK = threading.Lock()
_mem_users = 0


@contextlib.contextmanager
def _memory_limit(memory_mb: int) -> Iterator[None]:
    global _mem_users
    import resource

    mem = None
    with _MEM_LOCK:
        _mem_users += 1
        base = _vm_bytes() if _mem_users == 1 else None
        if base is not None:
            mem = resource.getrlimit(resource.RLIMIT_AS)
            limit = base + memory_mb * 1024 * 1024
            if mem[1] == resource.RLIM_INFINITY or limit < mem[1]:
                resource.setrlimit(resource.RLIMIT_AS, (limit, mem[1]))
            else:
                mem = None
    try:
        yield
    finally:
        with _MEM_LOCK:
            _mem_users -= 1
            if mem is not None:
                resource.setrlimit(resource.RLIMIT_AS, mem)


@contextlib.contextmanager
def document_budget(budget: Budget | None) -> Iterator[None]:
    """Run one document under ``budget``: BudgetExceeded past its seconds, MemoryError past its memory."""
    with contextlib.ExitStack() as stack:
        if budget is not None and budget.seconds:
            if threading.current_thread() is threading.main_thread():
                if hasattr(signal, "setitimer") and \
                        signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, signal.SIG_IGN, None, _on_alarm):
                    alarm = signal.signal(signal.SIGALRM, _on_alarm)
                    signal.setitimer(signal.ITIMER_REAL, budget.seconds)

                    def stop_alarm() -> None:
                        signal.setitimer(signal.ITIMER_REAL, 0)
                        signal.signal(signal.SIGALRM, alarm)

                    stack.callback(stop_alarm)
            elif sys.implementation.name == "cpython":
                stack.enter_context(_thread_timer(budget.seconds))
        if budget is not None and budget.memory_mb and sys.platform.startswith("linux"):
            stack.enter_context(_memory_limit(budget.memory_mb))
        yield


def noop() -> bool:
    return True


# ----------------------------------------------------------------- per-document tasks


def parse_task(doc: InputDoc) -> dict[str, Any]:
    """Task "parse": ``geokit.parse`` of one document, as ``Document.to_dict()`` (id set by the caller)."""
    from geokit.parsing.parser import parse

    parsed = parse(doc.text, published=doc.published, spans=doc.spans, id=doc.id, focus=doc.focus)
    out = parsed.to_dict()
    out.pop("id", None)
    if parsed.warnings:
        out["warnings"] = list(parsed.warnings)
    return out


def task_function(task: str) -> DocFn:
    if task == "parse":
        return parse_task
    if task == "events":
        from geokit.batch.link import events_task

        return events_task
    raise UsageError(f"task must be one of {', '.join(TASKS)}, not {task!r}")


def warm_gazetteer() -> None:
    """Open this process's gazetteer store now (once), so the first document does not pay for it."""
    from geokit.gazetteer.store import open_store

    open_store()


def as_result(value: Any) -> dict[str, Any]:
    """A task's return value as a JSON-ready dict (objects with ``to_dict``, lists of them, dicts)."""
    if isinstance(value, dict):
        return value
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, list | tuple):
        return {"records": [v.to_dict() if hasattr(v, "to_dict") else v for v in value]}
    raise TypeError(
        f"a batch task must return a dict or an object with to_dict(), not {type(value).__name__}")


def run_chunk(fn: DocFn, docs: list[InputDoc], budget: Budget | None = None) -> list[Outcome]:
    """Apply ``fn`` to each document (each under ``budget``); one document's exception, timeout or
    memory blow-up never loses the others' results."""
    out: list[Outcome] = []
    for doc in docs:
        try:
            with document_budget(budget):
                result = fn(doc)
            out.append((True, as_result(result)))
        except BudgetExceeded:
            out.append((False, f"stopped: the document ran past its time budget ({budget.seconds:g} s)"))
        except MemoryError:
            limit = f" ({budget.memory_mb} MB)" if budget is not None and budget.memory_mb else ""
            out.append((False, f"MemoryError: the document needed more than its memory budget{limit}"))
        except (Exception, RecursionError) as exc:  # reported per document in the errors file
            msg = str(exc).strip().splitlines()[0][:500] if str(exc).strip() else ""
            out.append((False, f"{type(exc).__name__}: {msg}" if msg else type(exc).__name__))
    return out


# How often a worker checks that the process that started it is still there.
PARENT_POLL_SECONDS = 0.5


def init_worker(warm: bool, env: dict[str, str], parent: int | None = None) -> None:
    """A pool worker's start: environment, Ctrl-C left to the main process, death with the parent, store."""
    os.environ.update(env)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the main process decides, and stops its workers
    if parent is not None:
        die_with_parent(parent)
    if warm:
        warm_gazetteer()


def die_with_parent(parent: int) -> None:
    """End this process when ``parent`` ends, however it ends (kill -9 included): no orphans.

    Linux is told directly (PR_SET_PDEATHSIG); everywhere a daemon thread also watches the parent id.
    """
    if sys.platform.startswith("linux"):
        with contextlib.suppress(Exception):
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:  # the parent died before we could ask
        os._exit(1)

    def watch() -> None:
        import time

        while os.getppid() == parent:
            time.sleep(PARENT_POLL_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="geokit-parent-watch", daemon=True).start()
