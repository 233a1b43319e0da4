"""The Dask path: the same per-document pipeline on a ``dask.distributed`` cluster.

Two ways in:
- ``parse_bag(bag)``: a ``dask.bag`` of documents -> a bag of result dicts, for users who already
  build their collections with Dask (``read_jsonl_bag`` makes one from JSONL files).
- ``geokit.batch.run.run(..., scheduler="tcp://host:8786" | "local")``: the streaming, resumable batch
  run with Dask as its runner (``DaskRunner`` below).

The gazetteer is never shipped with the tasks: each worker process opens its own store file once
(``GazetteerPlugin`` warms it when the worker starts; ``geokit.gazetteer.store.open_store`` keeps one per
process, so the lazy path is once per worker too). On a remote cluster every worker needs the
store at its ``GEOKIT_HOME`` (shared disk, or it is built there on first use).

This module needs the ``dask`` extra (``pip install 'geokit[dask]'``); ``import geokit`` never imports it.
"""

from __future__ import annotations

import json
import logging
import os
from typing import Any

try:
    import dask.bag as db
    from distributed import Client, LocalCluster, wait
    from distributed.diagnostics.plugin import WorkerPlugin
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise ImportError(f"geokit.batch.dask needs the dask extra: pip install 'geokit[dask]' ({exc})") from exc

from geokit.batch.inputs import InputDoc, InputIssue, _make_doc
from geokit.batch.tasks import (
    DEFAULT_MEMORY_BUDGET_MB,
    DEFAULT_TIME_BUDGET,
    HARD_GRACE,
    Budget,
    ChunkWatch,
    DocFn,
    Outcome,
    WorkerDied,
    WorkerTimedOut,
    run_chunk,
    task_function,
    warm_gazetteer,
)

log = logging.getLogger(__name__)


class GazetteerPlugin(WorkerPlugin):
    """Opens the gazetteer once when a worker starts (and sets the GEOKIT_* environment first)."""

    name = "geokit-gazetteer"

    def __init__(self, env: dict[str, str] | None = None) -> None:
        self.env = dict(env or {})

    def setup(self, worker) -> None:
        os.environ.update(self.env)
        warm_gazetteer()


def _geokit_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k.startswith("GEOKIT_")}


# ----------------------------------------------------------------------- bags


def _to_doc(item: Any, n: int) -> InputDoc | InputIssue:
    if isinstance(item, InputDoc | InputIssue):
        return item
    if isinstance(item, dict) and "_input_error" in item:
        return InputIssue(item.get("source", ""), item.get("id"), item["_input_error"])
    return _make_doc(item, default_id=f"bag:{n}", source=f"<bag>#{n}", published=None)


def _process_partition(items: list[Any], fn: DocFn, budget: Budget | None = None) -> list[dict[str, Any]]:
    """Results for one bag partition: a dict per document, ``error`` set on failures."""
    docs: list[InputDoc] = []
    out: list[dict[str, Any] | None] = []
    for n, item in enumerate(items):
        doc = _to_doc(item, n)
        if isinstance(doc, InputIssue):
            out.append({"id": doc.id, "source": doc.source, "error": doc.reason})
        else:
            docs.append(doc)
            out.append(None)
    outcomes: list[Outcome] = run_chunk(fn, docs, budget)
    it = iter(zip(docs, outcomes, strict=True))
    rows: list[dict[str, Any]] = []
    for slot in out:
        if slot is not None:
            rows.append(slot)
            continue
        doc, (ok, payload) = next(it)
        row: dict[str, Any] = {"id": doc.id, "content_hash": doc.content_hash()}
        if ok:
            row.update((k, v) for k, v in payload.items() if k not in row)
        else:
            row["error"] = payload
        rows.append(row)
    return rows


def parse_bag(bag: db.Bag, *, task: str = "parse", fn: DocFn | None = None,
              time_budget: float | None = DEFAULT_TIME_BUDGET,
              memory_budget: int | None = DEFAULT_MEMORY_BUDGET_MB) -> db.Bag:
    """A bag of documents (dicts ``{"id", "text", "published"?, "spans"?}`` or InputDocs) -> result dicts.

    Each result is ``{"id", "content_hash", **task result}``, or ``{"id", ..., "error": reason}``
    for a document that could not be read or processed, or ran past its budget (as in ``batch.run``;
    code stuck beyond the timer's reach is not stopped here): one bad document never fails the bag.
    Ids are not made unique across partitions (that needs a global pass; ``batch.run`` does it).
    """
    if not isinstance(bag, db.Bag):
        raise TypeError(f"parse_bag needs a dask.bag.Bag, not {type(bag).__name__}")
    doc_fn = fn or task_function(task)
    return bag.map_partitions(_process_partition, doc_fn, Budget.of(time_budget, memory_budget))


def _safe_json(line: str, source: str = "") -> dict[str, Any]:
    try:
        obj = json.loads(line)
    except ValueError as exc:
        return {"_input_error": f"invalid JSON: {exc}", "source": source}
    except RecursionError:
        return {"_input_error": "JSON nested too deeply to read", "source": source}
    return obj if isinstance(obj, dict) else {"_input_error": "not a JSON object", "source": source}


def read_jsonl_bag(urlpath: str | list[str], *, blocksize: str | int | None = "64MiB") -> db.Bag:
    """A bag of document dicts from JSONL files (split into blocks, so any size scales out)."""
    lines = db.read_text(urlpath, blocksize=blocksize)
    return lines.filter(lambda s: bool(s.strip())).map(_safe_json)


# ----------------------------------------------------------------------- runner for batch.run


class DaskRunner:
    """``geokit.batch.run`` runner on dask.distributed: chunks are futures, collected as they complete.

    ``scheduler="local"`` starts a ``LocalCluster`` of ``workers`` single-threaded processes;
    anything else is a scheduler address. Each document runs under ``budget`` as on the local pool
    (``geokit.batch.tasks.run_chunk``); a worker stuck past it in code its timer cannot interrupt is
    restarted and its chunks come back as ``WorkerTimedOut`` (retried one document at a time by
    ``run``). Dask itself reruns a task whose worker died (up to
    ``distributed.scheduler.allowed-failures`` times); a task that keeps killing workers comes
    back as ``KilledWorker`` and batch reports its documents.
    """

    name = "dask"

    def __init__(self, fn: DocFn, warm: bool, scheduler: str, workers: int = 2,
                 budget: Budget | None = None) -> None:
        self.fn, self.budget = fn, budget
        self._cluster = None
        if scheduler == "local":
            self._cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                                         dashboard_address=None, silence_logs=logging.ERROR)
            self.client = Client(self._cluster)
        else:
            try:
                self.client = Client(scheduler, timeout="15s")
            except (OSError, TimeoutError) as exc:
                raise ConnectionError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
        self.name = f"dask {self.client.scheduler.address}"
        if warm:
            self.client.register_plugin(GazetteerPlugin(_geokit_env()))
        self._watch = ChunkWatch(budget)

    def submit(self, key: int, docs: list[InputDoc]) -> None:
        fut = self.client.submit(run_chunk, self.fn, docs, self.budget, pure=False)
        self._watch.add(fut, key, len(docs))

    def next_done(self) -> tuple[int, list[Outcome] | BaseException]:
        from distributed import KilledWorker

        fut = self._watch.first_done()
        while fut is None:
            limit = self._watch.stuck_after(HARD_GRACE)
            try:
                with self.client.as_current():  # wait() uses the current client: this one, not another
                    done = wait(list(self._watch.keys), timeout=self._watch.wait_for(limit),
                                return_when="FIRST_COMPLETED").done
            except TimeoutError:  # no chunk finished in time: a worker is stuck beyond its timer's reach
                return self._stop_stuck(limit)
            fut = next(iter(done), None)
        key = self._watch.pop(fut)
        try:
            return key, fut.result()
        except KilledWorker as exc:
            return key, WorkerDied(str(exc))
        except Exception as exc:  # a cancelled chunk (see _stop_stuck) too: run retries its documents
            return key, exc
        finally:
            fut.release()

    def _stop_stuck(self, limit: float) -> tuple[int, WorkerTimedOut]:
        """Cancel every chunk still out, restart the workers running them, and give one back as timed out
        (the others come back cancelled on the next calls, and ``run`` retries them one by one)."""
        futs = list(self._watch.keys)
        keys = {f.key for f in futs}
        try:
            busy = [w for w, ks in self.client.processing().items() if keys & set(ks)]
        except Exception:  # the scheduler's view is a best effort; the cancel below still frees the run
            busy = []
        self.client.cancel(futs, force=True)
        if busy:
            try:
                self.client.restart_workers(busy, raise_for_error=False)
            except Exception as exc:  # no nanny (a bare worker): it stays busy, but the run goes on
                log.warning("cannot restart stuck Dask workers %s: %s", busy, exc)
        fut = futs[0]
        key = self._watch.pop(fut)
        fut.release()
        return key, WorkerTimedOut(f"no chunk finished within {limit:g} s; the workers were restarted")

    def restart(self) -> None:
        """Nothing to do: the cluster's nannies restart dead workers."""

    def close(self, abort: bool = False) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()
