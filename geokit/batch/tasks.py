"""Per-document tasks of a batch run: what a worker does with one document, and how failures come back.

Why a module of its own: the local pool, the Dask runner and the streaming ``run`` all send the same
tasks; keeping them here lets each runner import them without importing the others.
"""

from __future__ import annotations

import os
from collections.abc import Callable
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


def noop() -> bool:
    return True


# ----------------------------------------------------------------- per-document tasks


def parse_task(doc: InputDoc) -> dict[str, Any]:
    """Task "parse": ``geokit.parse`` of one document, as ``Document.to_dict()`` (id set by the caller)."""
    from geokit.parsing.parser import parse

    parsed = parse(doc.text, published=doc.published, spans=doc.spans, id=doc.id)
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
    raise TypeError(f"a batch task must return a dict or an object with to_dict(), not {type(value).__name__}")


def run_chunk(fn: DocFn, docs: list[InputDoc]) -> list[Outcome]:
    """Apply ``fn`` to each document; one document's exception never loses the others' results."""
    out: list[Outcome] = []
    for doc in docs:
        try:
            out.append((True, as_result(fn(doc))))
        except Exception as exc:  # reported per document in the errors file
            msg = str(exc).strip().splitlines()[0][:500] if str(exc).strip() else ""
            out.append((False, f"{type(exc).__name__}: {msg}" if msg else type(exc).__name__))
    return out


def init_worker(warm: bool, env: dict[str, str]) -> None:
    os.environ.update(env)
    if warm:
        warm_gazetteer()
