"""Corpus-scale runs: the per-document pipeline over a collection, serially, on local processes or Dask.

``run`` streams documents from ``geokit.batch.inputs``, sends them in small chunks to a runner (in
this process, a spawn-safe process pool, or a ``dask.distributed`` cluster), writes each result
as it arrives (``geokit.batch.sinks``) and reports bad input in an errors file. At most
``max_in_flight`` chunks are out at once, so memory does not depend on the collection's size.

Each worker process opens the gazetteer once (``geokit.gazetteer.store.open_store`` keeps one store per
process); tasks carry only the documents, never the gazetteer. A worker that dies (crash,
``os._exit``, out-of-memory kill) costs nothing already written: the documents it may have held
are retried one at a time in a fresh pool, and one that kills its worker again is reported as an
error. A rerun skips every document whose (id, content hash) the output already holds.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from geokit.batch.inputs import InputDoc, InputIssue, iter_documents
from geokit.batch.pool import PoolRunner, SerialRunner
from geokit.batch.sinks import SinkError, is_parquet_path, open_sink
from geokit.batch.tasks import (
    DEFAULT_MEMORY_BUDGET_MB,
    DEFAULT_TIME_BUDGET,
    TASKS,
    Budget,
    DocFn,
    Outcome,
    WorkerDied,
    WorkerTimedOut,
    as_result,
    parse_task,
    run_chunk,
    task_function,
    warm_gazetteer,
)
from geokit.errors import UsageError


@dataclass(slots=True)
class BatchSummary:
    """What a run did; ``errors`` counts documents/inputs reported in the errors file."""

    out: str
    errors_path: str
    runner: str
    seen: int = 0
    processed: int = 0
    skipped: int = 0
    failed: int = 0
    input_errors: int = 0
    warnings: int = 0
    seconds: float = 0.0
    linked_path: str | None = None
    link: dict[str, Any] | None = None

    @property
    def docs_per_second(self) -> float:
        return self.processed / self.seconds if self.seconds > 0 else 0.0

    @property
    def errors(self) -> int:
        return self.failed + self.input_errors

    def to_dict(self) -> dict[str, Any]:
        return dict(asdict(self), docs_per_second=round(self.docs_per_second, 2), errors=self.errors)

    def line(self) -> str:
        text = (f"{self.processed} processed, {self.skipped} already done, {self.failed} failed, "
                f"{self.input_errors} unreadable, {self.warnings} warnings in {self.seconds:.1f}s "
                f"({self.docs_per_second:.1f} docs/s, {self.runner}) -> {self.out}")
        if self.link:
            text += (f"; linked {self.link['records']} records into {self.link['linked']} "
                     f"({self.link['blocks']} blocks) -> {self.linked_path}")
        return text


def _sibling(out: str | os.PathLike, tag: str) -> Path:
    p = Path(out)
    base = p.name
    for suffix in (".jsonl", ".ndjson", ".json", ".geoparquet", ".parquet"):
        if base.lower().endswith(suffix):
            base = base[: -len(suffix)]
            break
    return p.with_name(f"{base}.{tag}.jsonl")


def default_errors_path(out: str | os.PathLike) -> Path:
    """``X.jsonl`` / ``X.parquet`` -> ``X.errors.jsonl``."""
    return _sibling(out, "errors")


def default_linked_path(out: str | os.PathLike) -> Path:
    """``X.jsonl`` / ``X.parquet`` -> ``X.linked.jsonl`` (task "events": the records after linking)."""
    return _sibling(out, "linked")


class _Errors:
    """The errors file: one JSON object per problem (id, source, stage, level, reason).

    Opened on the first problem, so a clean run leaves no empty file; a clean rerun removes the file of
    an earlier run (it lists the problems that remain, and none do). ``staged`` (the output is staged,
    see ``geokit.batch.sinks``): written beside and moved into place only when the run finishes, so a
    failed run leaves the errors file that goes with the output it left. A failed run never removes an
    earlier errors file without writing a new one.
    """

    def __init__(self, path: Path, *, staged: bool = False) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.staged = staged
        self.count = 0
        self._fh = None
        self._tmp: Path | None = None

    def add(self, *, id: str | None, source: str, stage: str, reason: str, level: str = "error") -> None:
        if self._fh is None:
            if self.staged:
                fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.", suffix=".tmp")
                self._tmp = Path(tmp)
                self._fh = os.fdopen(fd, "w", encoding="utf-8")
            else:
                self._fh = open(self.path, "w", encoding="utf-8")
        row = {"id": id, "source": source, "stage": stage, "level": level, "reason": reason}
        self._fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        self._fh.flush()
        self.count += 1

    def close(self, finished: bool = True) -> None:
        """``finished``: the run completed (its outputs are in place); else it failed or was stopped."""
        if self._fh is not None:
            self._fh.close()
        if self._tmp is not None:
            if finished:
                os.replace(self._tmp, self.path)
            else:
                self._tmp.unlink(missing_ok=True)
        elif self._fh is None and finished:
            self.path.unlink(missing_ok=True)


def _make_runner(fn: DocFn, warm: bool, workers: int, scheduler: str | None, budget: Budget | None = None):
    if scheduler:
        from geokit.batch.dask import DaskRunner

        return DaskRunner(fn, warm, scheduler, workers, budget)
    if workers <= 1:
        return SerialRunner(fn, warm, budget)
    return PoolRunner(fn, warm, workers, budget)


class Terminated(SystemExit):
    """SIGTERM reached the main process of a run: it stops its workers, then exits (status 143)."""


@contextlib.contextmanager
def _sigterm_stops_the_run():
    """Turn SIGTERM into an exception in the main thread, so the run's cleanup (stopping the workers,
    closing the outputs) happens; a handler someone else installed is left alone."""
    if threading.current_thread() is not threading.main_thread() or \
            signal.getsignal(signal.SIGTERM) not in (signal.SIG_DFL, None):
        yield
        return

    def stop(signum, frame):
        raise Terminated(128 + signum)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def run(
    inputs: Any,
    *,
    task: str = "parse",
    out: str | os.PathLike,
    workers: int = 1,
    scheduler: str | None = None,
    resume: bool = True,
    errors_path: str | os.PathLike | None = None,
    progress: Any = True,
    fn: DocFn | None = None,
    published: Any = None,
    focus: Any = None,
    chunksize: int = 8,
    max_in_flight: int | None = None,
    part_docs: int = 2000,
    warm: bool | None = None,
    link: bool = True,
    linked_path: str | os.PathLike | None = None,
    time_budget: float | None = DEFAULT_TIME_BUDGET,
    memory_budget: int | None = DEFAULT_MEMORY_BUDGET_MB,
) -> BatchSummary:
    """Run ``task`` over every document of ``inputs`` and stream the results to ``out``.

    ``inputs``: paths/globs/folders/``-``/JSONL/Parquet (see ``geokit.batch.inputs``), or documents.
    ``out``: ``*.jsonl`` (one row per document) or ``*.parquet`` (a GeoParquet folder, a row per
    toponym or record). ``workers``: 1 runs here, N > 1 a local process pool, 0 one per CPU.
    ``scheduler``: ``"local"`` or a ``tcp://`` address runs on dask.distributed instead.
    ``focus``: the default home-region prior of documents (a JSONL ``"focus"`` field wins; see
    ``geokit.parse``).
    ``errors_path``: JSONL of every unreadable input, failed document and input warning (default
    ``X.errors.jsonl``); rewritten on each run, so it lists the problems that remain.
    ``progress``: False for no bar, True for a bar without a total, or a ready bar (anything with
    ``update``/``set_postfix``/``close``; the CLI passes one with its total, drawn only on a terminal).
    ``fn``: a picklable ``fn(InputDoc) -> dict`` replacing the task's own (tests, custom pipelines).
    ``warm``: open the gazetteer in each worker first (default: when ``fn`` is the task's own).
    ``link``: for task "events", link every record of ``out`` after the map step (blocked by type
    and date, see ``geokit.batch.link``) into ``linked_path`` (default ``X.linked.jsonl``).
    ``time_budget`` (seconds) and ``memory_budget`` (MB) bound each document (0 or None: no bound);
    a document past either is an error row and the documents of its chunk are still written.
    Ctrl-C, SIGTERM or the death of this process stops the workers (see ``geokit.batch.pool``).
    """
    with _sigterm_stops_the_run():
        return _run(inputs, task=task, out=out, workers=workers, scheduler=scheduler, resume=resume,
                    errors_path=errors_path, progress=progress, fn=fn, published=published, focus=focus,
                    chunksize=chunksize, max_in_flight=max_in_flight, part_docs=part_docs, warm=warm,
                    link=link,
                    linked_path=linked_path, budget=Budget.of(time_budget, memory_budget))


def _run(inputs, *, task, out, workers, scheduler, resume, errors_path, progress, fn, published, focus,
         chunksize, max_in_flight, part_docs, warm, link, linked_path, budget: Budget) -> BatchSummary:
    if task not in TASKS:
        raise UsageError(f"task must be one of {', '.join(TASKS)}, not {task!r}")
    if not isinstance(workers, int) or workers < 0:
        raise UsageError(f"workers must be a whole number >= 0, not {workers!r}")
    if not isinstance(chunksize, int) or chunksize < 1:
        raise UsageError(f"chunksize must be a whole number >= 1, not {chunksize!r}")
    if out is None or str(out) == "":
        raise UsageError("an output path is required (out=...jsonl or ...parquet)")
    if fn is not None and not callable(fn):
        raise TypeError(f"fn must be callable, not {type(fn).__name__}")
    workers = workers or os.cpu_count() or 1
    doc_fn = fn or task_function(task)
    if warm is None:
        warm = fn is None
    err_path = Path(errors_path) if errors_path else default_errors_path(out)
    if Path(err_path).resolve() == Path(out).resolve():
        raise UsageError("the errors file must differ from the output")
    limit = max_in_flight or max(2, 3 * workers)

    sink = open_sink(out, task=task, resume=resume, part_docs=part_docs)
    errors = _Errors(err_path, staged=sink.staged)
    summary = BatchSummary(str(out), str(err_path), "idle")
    done = sink.done
    stale: set[tuple[str, str]] = set()
    bar = _progress(progress, task)
    t0 = time.perf_counter()
    runner = None
    finished = False

    def start_runner():
        """Started on the first document that needs work: a fully resumed run opens nothing."""
        nonlocal runner
        if warm and scheduler in (None, "", "local"):
            warm_gazetteer()  # build the store here once, before local workers race to open it
        runner = _make_runner(doc_fn, warm, workers, scheduler, budget)
        summary.runner = runner.name if workers <= 1 or scheduler else f"{runner.name} x{workers}"
        return runner

    try:
        in_flight: dict[int, list[tuple[InputDoc, str, int]]] = {}
        next_key = 0

        def finish(chunk: list[tuple[InputDoc, str, int]], outcomes: list[Outcome]) -> None:
            for (doc, h, seq), (ok, payload) in zip(chunk, outcomes, strict=True):
                if ok:
                    sink.write_result(doc.id, h, payload, seq)
                    prev = done.get(doc.id)
                    if prev is not None and prev != h:
                        stale.add((doc.id, prev))
                    summary.processed += 1
                else:
                    errors.add(id=doc.id, source=doc.source, stage="process", reason=payload)
                    summary.failed += 1
            sink.sync()
            bar.update(len(chunk))
            bar.set_postfix(failed=summary.failed + summary.input_errors, skipped=summary.skipped,
                            refresh=False)

        def collect_one() -> None:
            key, res = runner.next_done()
            chunk = in_flight.pop(key)
            if isinstance(res, WorkerDied):
                _recover(runner, chunk, _drain(runner, in_flight), finish, errors, summary, budget)
            elif isinstance(res, BaseException):
                for doc, *_ in chunk:
                    errors.add(id=doc.id, source=doc.source, stage="process",
                               reason=f"{type(res).__name__}: {res}")
                summary.failed += len(chunk)
            else:
                finish(chunk, res)

        pending: list[tuple[InputDoc, str, int]] = []  # (document, content hash, input position)
        for item in _as_stream(inputs, published, focus):
            if isinstance(item, InputIssue):
                errors.add(id=item.id, source=item.source, stage="input", reason=item.reason)
                summary.input_errors += 1
                bar.update(1)
                continue
            summary.seen += 1
            for w in item.warnings:
                errors.add(id=item.id, source=item.source, stage="input", reason=w, level="warning")
                summary.warnings += 1
            h = item.content_hash()
            if done.get(item.id) == h:
                summary.skipped += 1
                bar.update(1)
                continue
            pending.append((item, h, summary.seen - 1))
            if len(pending) >= chunksize:
                while len(in_flight) >= limit:
                    collect_one()
                in_flight[next_key] = pending
                (runner or start_runner()).submit(next_key, [d for d, *_ in pending])
                next_key += 1
                pending = []
        if pending:
            in_flight[next_key] = pending
            (runner or start_runner()).submit(next_key, [d for d, *_ in pending])
        while in_flight:
            collect_one()
        sink.drop(stale)
        sink.commit()  # a run that starts over replaces the previous output only now
        finished = True
        summary.seconds = time.perf_counter() - t0  # the map step; linking reports its own time
        if task == "events" and link:
            from geokit.batch.link import link_output

            if runner is not None:
                runner.close()
                runner = None
            summary.linked_path = str(linked_path or default_linked_path(out))
            summary.link = link_output(out, summary.linked_path, workers=1 if scheduler
                                       else workers).to_dict()
    except BaseException:
        if runner is not None:  # Ctrl-C, SIGTERM, an error: stop the workers, do not wait for them
            _close_quietly(runner, abort=True)
            runner = None
        raise
    finally:
        summary.seconds = summary.seconds or time.perf_counter() - t0
        bar.close()
        if runner is not None:
            runner.close()
        errors.close(finished)
        _close_quietly(sink)
    return summary


def _drain(runner, in_flight: dict[int, list]) -> list[list]:
    """After a worker died, every other chunk out on that runner: finished ones come back too."""
    chunks = []
    while in_flight:
        key, res = runner.next_done()
        chunk = in_flight.pop(key)
        chunks.append((chunk, res))
    return chunks


def _recover(runner, died: list, others: list, finish, errors: _Errors, summary: BatchSummary,
             budget: Budget | None = None) -> None:
    """Keep results that finished, then retry the suspects one by one in a fresh runner."""
    suspects = list(died)
    for chunk, res in others:
        if isinstance(res, BaseException):
            suspects.extend(chunk)
        else:
            finish(chunk, res)
    runner.restart()
    for doc, h, seq in suspects:
        runner.submit(-1, [doc])
        _, res = runner.next_done()
        if isinstance(res, WorkerDied):
            runner.restart()
            if hasattr(runner, "check_start"):
                runner.check_start()
            if isinstance(res, WorkerTimedOut):
                secs = budget.seconds if budget is not None and budget.seconds else 0
                reason = (f"stopped: the document ran past its time budget ({secs:g} s) in code the timer "
                          "could not interrupt, and its worker was stopped")
            else:
                reason = ("the worker process died while processing this document "
                          "(crash, os._exit or killed, e.g. out of memory)")
            errors.add(id=doc.id, source=doc.source, stage="worker", reason=reason)
            summary.failed += 1
        elif isinstance(res, BaseException):
            errors.add(id=doc.id, source=doc.source, stage="process", reason=f"{type(res).__name__}: {res}")
            summary.failed += 1
        else:
            finish([(doc, h, seq)], res)


def _close_quietly(sink, **kw) -> None:
    try:
        sink.close(**kw)
    except Exception:  # already closed, or the disk is gone: nothing more to save
        pass


def _as_stream(inputs: Any, published: Any, focus: Any = None) -> Iterable[InputDoc | InputIssue]:
    return iter_documents(inputs, published=published, focus=focus)


class _NoBar:
    def update(self, n: int) -> None:
        pass

    def set_postfix(self, **kw: Any) -> None:
        pass

    def close(self) -> None:
        pass


def _progress(enabled: Any, task: str):
    """``progress``: False for none, True for a bar without a total, or a ready bar (the CLI's, with its
    total)."""
    if not isinstance(enabled, bool):
        return enabled
    if not enabled:
        return _NoBar()
    from tqdm import tqdm

    return tqdm(desc=f"geokit {task}", unit="doc", file=sys.stderr, smoothing=0.1, mininterval=0.5)


__all__ = ["BatchSummary", "SinkError", "TASKS", "WorkerDied", "as_result", "default_errors_path",
           "default_linked_path",
           "is_parquet_path", "parse_task", "run", "run_chunk", "task_function",
           "warm_gazetteer"]
