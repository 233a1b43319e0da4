"""Runners that carry chunks of documents to workers: in this process or a spawn-safe process pool.

Each runner has the same small interface (``submit``, ``next_done``, ``restart``, ``close``) so that
``geokit.batch.run.run`` can stream through any of them; the Dask runner (``geokit.batch.dask``) has it too.
"""

from __future__ import annotations

import os

from geokit.batch.inputs import InputDoc
from geokit.batch.tasks import (
    HARD_GRACE,
    Budget,
    ChunkWatch,
    DocFn,
    Outcome,
    WorkerDied,
    WorkersCannotStart,
    WorkerTimedOut,
    init_worker,
    noop,
    run_chunk,
    warm_gazetteer,
)


class SerialRunner:
    """Runs chunks in this process as they are submitted (workers=1)."""

    name = "serial"

    def __init__(self, fn: DocFn, warm: bool, budget: Budget | None = None) -> None:
        self.fn, self.budget = fn, budget
        self._ready: list[tuple[int, list[Outcome] | BaseException]] = []
        if warm:
            warm_gazetteer()

    def submit(self, key: int, docs: list[InputDoc]) -> None:
        self._ready.append((key, run_chunk(self.fn, docs, self.budget)))

    def next_done(self) -> tuple[int, list[Outcome] | BaseException]:
        return self._ready.pop(0)

    def restart(self) -> None:
        """Nothing to restart."""

    def close(self, abort: bool = False) -> None:
        """Nothing to close."""


class PoolRunner:
    """A spawn-based process pool; each worker warms the gazetteer once in its initializer."""

    name = "processes"

    def __init__(self, fn: DocFn, warm: bool, workers: int, budget: Budget | None = None) -> None:
        self.fn, self.warm, self.workers, self.budget = fn, warm, workers, budget
        self._watch = ChunkWatch(budget)
        self._start_ok = False
        self._pool = self._new_pool()

    def _new_pool(self):
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor

        env = {k: v for k, v in os.environ.items() if k.startswith("GEOKIT_")}
        return ProcessPoolExecutor(self.workers, mp_context=mp.get_context("spawn"),
                                   initializer=init_worker, initargs=(self.warm, env, os.getpid()))

    def submit(self, key: int, docs: list[InputDoc]) -> None:
        from concurrent.futures import Future
        from concurrent.futures.process import BrokenProcessPool

        try:
            fut = self._pool.submit(run_chunk, self.fn, docs, self.budget)
        except BrokenProcessPool as exc:
            # a worker died between two submissions: this chunk comes back as a death too and is
            # retried with the others, instead of the submission itself failing the run
            fut = Future()
            fut.set_exception(exc)
        self._watch.add(fut, key, len(docs))

    def next_done(self) -> tuple[int, list[Outcome] | BaseException]:
        from concurrent.futures import FIRST_COMPLETED, wait
        from concurrent.futures.process import BrokenProcessPool

        fut = self._watch.first_done()
        timed_out: float | None = None
        while fut is None:
            limit = self._watch.stuck_after(HARD_GRACE)
            done, _ = wait(list(self._watch.keys), timeout=self._watch.wait_for(limit),
                           return_when=FIRST_COMPLETED)
            if done:
                fut = next(iter(done))
            else:  # no chunk finished in time: a worker is stuck beyond its timer's reach
                timed_out = limit
                self._kill_workers()
                done, _ = wait(list(self._watch.keys), timeout=30, return_when=FIRST_COMPLETED)
                fut = next(iter(done), None)
        key = self._watch.pop(fut)
        try:
            return key, fut.result()
        except BrokenProcessPool as exc:
            if timed_out:
                return key, WorkerTimedOut(f"no chunk finished within {timed_out:g} s; the workers were "
                                           "stopped")
            return key, WorkerDied(str(exc))
        except BaseException as exc:  # e.g. a document that cannot be pickled
            return key, exc

    def restart(self) -> None:
        self._kill_workers()  # the pool is broken or stuck: nothing in it is worth waiting for
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._watch = ChunkWatch(self.budget)
        self._pool = self._new_pool()

    def _kill_workers(self) -> None:
        """Stop every worker now (SIGKILL: a stuck or signal-blocking worker cannot refuse)."""
        procs = list((getattr(self._pool, "_processes", None) or {}).values())
        for proc in procs:
            try:
                proc.kill()
            except (OSError, ValueError, AttributeError):
                pass
        for proc in procs:
            try:
                proc.join(timeout=5)
            except (OSError, ValueError, AttributeError, AssertionError):
                pass

    def check_start(self) -> None:
        """Raise WorkersCannotStart when a fresh worker cannot even run a no-op task."""
        from concurrent.futures.process import BrokenProcessPool

        if self._start_ok:
            return
        try:
            self._pool.submit(noop).result(timeout=120)
        except BrokenProcessPool:
            raise WorkersCannotStart(
                "worker processes die on start-up; a script that calls geokit.batch.run with workers > 1 "
                "needs an `if __name__ == \"__main__\":` guard and must be a file (not stdin); "
                "or use workers=1") from None
        self._start_ok = True

    def close(self, abort: bool = False) -> None:
        """Shut the pool down; ``abort`` (Ctrl-C, SIGTERM, an error) stops the workers first instead
        of waiting for the documents they hold."""
        if abort:
            self._kill_workers()
        self._pool.shutdown(wait=True, cancel_futures=True)


# ----------------------------------------------------------------- the run
