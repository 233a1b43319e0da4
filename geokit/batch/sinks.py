"""Where batch results go: append-only JSONL, or a folder of GeoParquet parts, both resumable.

Each sink is its own resume index: every JSONL row starts with the document's ``id`` and
``content_hash``; every Parquet part carries the (id, hash) pairs it holds in its footer
metadata and appears under its final name only once complete (written aside, then renamed).
So a process killed at any moment leaves finished results readable and a rerun knows exactly
which documents are done; there is no second file that could disagree with the first.

A run that starts over (``resume=False``) never touches the previous output until it has finished:
it writes to a hidden staging file (``.X.jsonl.partial``) or folder (``X.parquet/.partial/``) beside
it, which replaces the output when ``commit`` is called. So a run that fails or is interrupted keeps
the previous results; the next resuming run continues the unfinished staging (not the old output)
and commits it in turn, and the next run that starts over discards it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from geokit.errors import ExportError

HASH_KEY = "content_hash"
DOCS_META_KEY = b"geokit_docs"
PART_GLOB = "part-*.parquet"
STAGING_DIR = ".partial"
COMMIT_MARK = "_COMMIT"

_ROW_HEAD = re.compile(r'^\{"id": ("(?:[^"\\]|\\.)*"), "content_hash": "([0-9a-f]+)"')


class SinkError(ExportError):
    """The output path cannot be used (not a geokit output, not writable...)."""


def is_parquet_path(path: str | os.PathLike) -> bool:
    return str(path).lower().rstrip("/").endswith((".parquet", ".geoparquet"))


def open_sink(path: str | os.PathLike, *, task: str, resume: bool, part_docs: int = 2000):
    """The sink for an output path: a ParquetSink for ``*.parquet``, else a JsonlSink.

    Every sink has ``done``, ``write_result``, ``sync``, ``drop``, ``commit`` (the run finished: the
    results are in place) and ``close`` (stop writing; what was staged waits for the next run).
    """
    if is_parquet_path(path):
        return ParquetSink(Path(path), task=task, resume=resume, part_docs=part_docs)
    return JsonlSink(Path(path), resume=resume)


# --------------------------------------------------------------------------- JSONL


class JsonlSink:
    """One JSON object per document, appended and flushed as each result arrives."""

    def __init__(self, path: Path, *, resume: bool) -> None:
        self.target = path
        self.done: dict[str, str] = {}
        staging = path.with_name(f".{path.name}.partial")
        path.parent.mkdir(parents=True, exist_ok=True)
        if not resume:
            staging.unlink(missing_ok=True)  # an unfinished earlier start-over: this run starts over again
        # rows go to the output itself, or to the staging file of a run that starts over (or continues one)
        self.staged = not resume or staging.exists()
        self.path = staging if self.staged else path
        if resume and self.path.exists():
            self._trim_partial_tail()
            self.done = dict(self._read_index())
        try:
            self._fh = open(self.path, "a", encoding="utf-8")
        except OSError as exc:
            raise SinkError(f"cannot write {self.path}: {exc.strerror or exc}") from None

    def _trim_partial_tail(self) -> None:
        """Drop a last line cut short by a kill (it was never a finished result)."""
        with open(self.path, "rb+") as fh:
            size = fh.seek(0, os.SEEK_END)
            if size == 0:
                return
            fh.seek(size - 1)
            if fh.read(1) == b"\n":
                return
            pos = size
            while pos > 0:
                step = min(65536, pos)
                fh.seek(pos - step)
                chunk = fh.read(step)
                nl = chunk.rfind(b"\n")
                if nl >= 0:
                    fh.truncate(pos - step + nl + 1)
                    return
                pos -= step
            fh.truncate(0)

    def _read_index(self) -> Iterator[tuple[str, str]]:
        with open(self.path, encoding="utf-8", errors="replace") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                m = _ROW_HEAD.match(line)
                if m:
                    yield json.loads(m.group(1)), m.group(2)
                    continue
                try:
                    row = json.loads(line)
                except (ValueError, RecursionError):  # not ours, or nested too deeply to read
                    row = None
                if not isinstance(row, dict) or HASH_KEY not in row or "id" not in row:
                    raise SinkError(
                        f"{self.path} line {n} is not a geokit batch result; use --no-resume to overwrite "
                        "it or choose another output path")
                yield str(row["id"]), str(row[HASH_KEY])

    def write_result(self, doc_id: str, content_hash: str, result: dict[str, Any],
                     seq: int | None = None) -> None:
        row = {"id": doc_id, HASH_KEY: content_hash, "seq": seq}
        row.update((k, v) for k, v in result.items() if k not in row)
        self._fh.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")

    def sync(self) -> None:
        """Hand written rows to the OS, so a killed process keeps them."""
        self._fh.flush()

    def drop(self, stale: set[tuple[str, str]]) -> None:
        """Remove rows superseded by a newer result for the same id (rewrites the file once)."""
        if not stale:
            return
        self._fh.close()
        tmp = self.path.with_name(self.path.name + ".compact")
        with open(self.path, encoding="utf-8") as src, open(tmp, "w", encoding="utf-8") as dst:
            for line in src:
                m = _ROW_HEAD.match(line)
                key = (json.loads(m.group(1)), m.group(2)) if m else None
                if key not in stale:
                    dst.write(line)
        os.replace(tmp, self.path)
        self._fh = open(self.path, "a", encoding="utf-8")

    def commit(self) -> None:
        """The run finished: its staged rows replace the output (atomically), or stay where they are."""
        self._fh.close()
        if self.staged:
            os.replace(self.path, self.target)
            self.path, self.staged = self.target, False

    def close(self) -> None:
        self._fh.close()


def read_jsonl(path: str | os.PathLike) -> Iterator[dict[str, Any]]:
    """Rows of a JSONL batch output (a trailing line cut short by a kill is skipped)."""
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                try:
                    row = json.loads(line)
                except (ValueError, RecursionError):
                    continue
                yield row


# --------------------------------------------------------------------------- GeoParquet

_GEO_META = {
    "version": "1.0.0",
    "primary_column": "geometry",
    "columns": {"geometry": {"encoding": "WKB", "geometry_types": ["Point"]}},
}

_TOPONYM_COLS = [("start", "int64"), ("end", "int64"), ("text", "string"), ("kind", "string"),
                 ("geonameid", "int64"), ("id", "string"), ("name", "string"), ("lat", "float64"),
                 ("lon", "float64"), ("feature_code", "string"), ("country_code", "string"),
                 ("admin1", "string"), ("score", "float64"), ("reason", "string")]
_RECORD_COLS = [("record_id", "string"), ("kind", "string"), ("type", "string"), ("date", "string"),
                ("date_precision", "string"), ("point", "string"), ("place", "string"),
                ("geonameid", "int64"),
                ("geo_precision", "int64"), ("lat", "float64"), ("lon", "float64"),
                ("place_lat", "float64"), ("place_lon", "float64"), ("origin", "string"),
                ("origin_lat", "float64"), ("origin_lon", "float64"), ("destination", "string"),
                ("destination_lat", "float64"), ("destination_lon", "float64"), ("who", "string"),
                ("confidence", "float64"),
                ("counts", "string"), ("record", "string")]


def _wkb_point(lon: float | None, lat: float | None) -> bytes | None:
    if lon is None or lat is None:
        return None
    return struct.pack("<BIdd", 1, 1, float(lon), float(lat))


def _record_point(rec: dict[str, Any]) -> dict[str, Any] | None:
    for key in ("place", "destination", "origin"):
        p = rec.get(key)
        if isinstance(p, dict) and p.get("lat") is not None and p.get("lon") is not None:
            return p
    return None


def _place_name(rec: dict[str, Any], key: str) -> str | None:
    return _place_field(rec, key, "name")


def _place_field(rec: dict[str, Any], key: str, field: str) -> Any:
    p = rec.get(key)
    return p.get(field) if isinstance(p, dict) else None


def flat_rows(task: str, doc_id: str, content_hash: str, result: dict[str, Any],
              seq: int | None = None) -> list[dict[str, Any]]:
    """Parquet rows for one document's result: one per toponym (parse) or per record (events)."""
    rows: list[dict[str, Any]] = []
    if task == "events":
        for rec in result.get("records") or []:
            p = _record_point(rec) or {}
            rows.append({
                "doc": doc_id, HASH_KEY: content_hash, "seq": seq, "record_id": rec.get("id"),
                "kind": rec.get("kind"),
                "type": rec.get("type"), "date": rec.get("date"), "date_precision": rec.get("date_precision"),
                "point": p.get("name"), "place": _place_name(rec, "place"), "geonameid": p.get("geonameid"),
                "geo_precision": p.get("geo_precision"),
                "lat": p.get("lat"), "lon": p.get("lon"),
                **{f"{role}_{c}": _place_field(rec, role, c) for role in ("place", "origin", "destination")
                   for c in ("lat", "lon")},
                "origin": _place_name(rec, "origin"), "destination": _place_name(rec, "destination"),
                "who": rec.get("who"), "confidence": rec.get("confidence"),
                "counts": json.dumps(rec.get("counts") or {}, ensure_ascii=False, default=str),
                "record": json.dumps(rec, ensure_ascii=False, default=str),
                "geometry": _wkb_point(p.get("lon"), p.get("lat")),
            })
    else:
        for t in result.get("toponyms") or []:
            row = {"doc": doc_id, HASH_KEY: content_hash, "seq": seq}
            row.update({k: t.get(k) for k, _ in _TOPONYM_COLS})
            row["geometry"] = _wkb_point(t.get("lon"), t.get("lat"))
            rows.append(row)
    return rows


def _schema(task: str):
    import pyarrow as pa

    cols = _RECORD_COLS if task == "events" else _TOPONYM_COLS
    fields = [pa.field("doc", pa.string()), pa.field(HASH_KEY, pa.string()), pa.field("seq", pa.int64())]
    fields += [pa.field(n, getattr(pa, t)()) for n, t in cols]
    fields.append(pa.field("geometry", pa.binary()))
    return pa.schema(fields)


class ParquetSink:
    """A folder of GeoParquet parts (``part-00000.parquet``...), one written every ``part_docs`` documents.

    Readable as one table with ``geopandas.read_parquet(folder)`` or dask-geopandas. Results
    buffered for the current part are lost if the process is killed: at most ``part_docs``
    documents are redone by the rerun.
    """

    def __init__(self, path: Path, *, task: str, resume: bool, part_docs: int = 2000) -> None:
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise SinkError("Parquet output needs pyarrow: pip install 'geokit[dask]'") from None
        if path.exists() and not path.is_dir():
            raise SinkError(f"{path} exists and is a file; Parquet output is a folder of parts")
        self.path, self.task, self.part_docs = path, task, max(1, part_docs)
        self.schema = _schema(task)
        self.done: dict[str, str] = {}
        path.mkdir(parents=True, exist_ok=True)
        staging = path / STAGING_DIR  # hidden: readers of the folder (pyarrow, geopandas) skip it
        if (staging / COMMIT_MARK).exists():
            _move_staged(staging, path)  # a commit that a crash interrupted: finish it first
        if not resume and staging.exists():
            shutil.rmtree(staging)  # an unfinished earlier start-over: this run starts over again
        # parts go to the output folder, or to the staging folder of a run that starts over (or continues one)
        self.staged = not resume or staging.exists()
        self.dir = staging if self.staged else path
        self.dir.mkdir(exist_ok=True)
        for tmp in self.dir.glob(".part-*.tmp"):
            tmp.unlink()
        parts = sorted(self.dir.glob(PART_GLOB))
        self._part_docs: dict[str, list[tuple[str, str]]] = {}
        for p in parts:
            pairs = self._read_part_index(p)
            self._part_docs[p.name] = pairs
            self.done.update(pairs)
        self._next = 1 + max((int(p.stem.split("-")[1]) for p in parts), default=-1)
        self._rows: list[dict[str, Any]] = []
        self._docs: list[tuple[str, str]] = []

    @staticmethod
    def _read_part_index(p: Path) -> list[tuple[str, str]]:
        import pyarrow.parquet as pq

        try:
            meta = pq.read_schema(p).metadata or {}
            return [tuple(x) for x in json.loads(meta[DOCS_META_KEY])]
        except Exception as exc:
            raise SinkError(
                f"{p} is not a readable geokit batch part ({exc}); delete it or use --no-resume") from None

    def write_result(self, doc_id: str, content_hash: str, result: dict[str, Any],
                     seq: int | None = None) -> None:
        self._rows.extend(flat_rows(self.task, doc_id, content_hash, result, seq))
        self._docs.append((doc_id, content_hash))
        if len(self._docs) >= self.part_docs:
            self.flush()

    def _write_part(self, name: str, rows: list[dict[str, Any]], docs: list[tuple[str, str]]) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.Table.from_pylist(rows, schema=self.schema) if rows else self.schema.empty_table()
        table = table.replace_schema_metadata({
            b"geo": json.dumps(_GEO_META).encode(),
            DOCS_META_KEY: json.dumps(docs, ensure_ascii=False).encode(),
        })
        tmp = self.dir / f".{name}.tmp"
        pq.write_table(table, tmp)
        os.replace(tmp, self.dir / name)
        self._part_docs[name] = docs

    def flush(self) -> None:
        if not self._docs:
            return
        name = f"part-{self._next:05d}.parquet"
        self._next += 1
        self._write_part(name, self._rows, self._docs)
        self._rows, self._docs = [], []

    def drop(self, stale: set[tuple[str, str]]) -> None:
        """Rewrite the parts holding superseded results without them."""
        if not stale:
            return
        import pyarrow.parquet as pq

        self.flush()
        for name, docs in list(self._part_docs.items()):
            if not any(tuple(d) in stale for d in docs):
                continue
            rows = [r for r in pq.read_table(self.dir / name).to_pylist()
                    if (r["doc"], r[HASH_KEY]) not in stale]
            self._write_part(name, rows, [tuple(d) for d in docs if tuple(d) not in stale])

    def sync(self) -> None:
        """Nothing to do between parts: a part is durable once renamed into place."""

    def commit(self) -> None:
        """The run finished: its staged parts replace the output's. The mark makes the swap survive a
        crash half-way (the next open finishes it), so the folder never mixes two runs' parts."""
        self.flush()
        if self.staged:
            (self.dir / COMMIT_MARK).touch()
            _move_staged(self.dir, self.path)
            self.dir, self.staged = self.path, False

    def close(self) -> None:
        self.flush()


def _move_staged(staging: Path, target: Path) -> None:
    for p in target.glob(PART_GLOB):
        p.unlink()
    for p in sorted(staging.glob(PART_GLOB)):
        os.replace(p, target / p.name)
    shutil.rmtree(staging)


def iter_done(path: str | os.PathLike) -> Iterator[tuple[str, str]]:
    """(id, content_hash) of every document an output already holds."""
    path = Path(path)
    if is_parquet_path(path):
        for p in sorted(path.glob(PART_GLOB)):
            yield from ParquetSink._read_part_index(p)
    elif path.exists():
        sink = JsonlSink.__new__(JsonlSink)
        sink.path = path
        yield from sink._read_index()
