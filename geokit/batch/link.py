"""Events at corpus scale: per-document extraction (the map step), then linking in independent blocks.

The map step (``events_task``) reads one report's events, movements and facts, unlinked, as
``Record.to_dict()`` rows. Each row also carries ``_link``: what linking needs and ``to_dict``
leaves out (country/admin1 of each place, the report's published date, the record's date
window, whether it came from a headline), so records can be rebuilt exactly later.

The link step (``link_output``) never holds the collection in memory. Linking only ever
compares records of one kind and type family whose date windows meet (``geokit.events.linking``), so
records are split into blocks by (kind, type family) and then by time, cutting wherever no date
window spans the gap: those cuts lose no link. A block that grows past ``max_block`` records is
also cut at the next new day (links spanning such a forced cut are lost; the summary counts the
cuts). Blocks are spilled to bucket files and linked one bucket at a time, on ``workers`` processes.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from geokit.batch.inputs import InputDoc
from geokit.errors import InputError
from geokit.export import write_aside

LINK_KEY = "_link"
SEQ_KEY = "_seq"  # the report's position in the input: linking reads reports in input order
GAP_DAYS = 2  # linking allows one day of slack between day dates; cut only at wider gaps
PLACE_EXTRAS = ("country_code", "admin1", "feature_code", "id")


# ------------------------------------------------------------------ map step


def _place_extra(p) -> dict[str, Any] | None:
    return {k: getattr(p, k) for k in PLACE_EXTRAS} if p is not None else None


def record_row(rec, *, published: dt.date | None, title: bool, window: tuple[dt.date, dt.date] | None,
               approx: dt.date | None = None) -> dict:
    """``rec.to_dict()`` plus the ``_link`` fields needed to rebuild it exactly."""
    row = rec.to_dict()
    row[LINK_KEY] = {
        "approx": approx.isoformat() if approx else None,
        "published": published.isoformat() if published else None,
        "title": title,
        "window": [window[0].isoformat(), window[1].isoformat()] if window else None,
        "confidence": rec.confidence,
        "notes": rec.notes,
        "places": {role: _place_extra(getattr(rec, role)) for role in ("place", "origin", "destination")},
        "via": [_place_extra(v) for v in rec.via],
    }
    return row


def events_task(doc: InputDoc) -> dict[str, Any]:
    """Task "events" of ``geokit.batch.run``: parse one report and read its records (not linked)."""
    from geokit.events.extract import extract_document
    from geokit.parsing.parser import parse

    parsed = parse(doc.text, published=doc.published, spans=doc.spans, id=doc.id, focus=doc.focus)
    res = extract_document(parsed, doc.published)
    records = [*res.events, *res.movements, *res.facts]
    out: dict[str, Any] = {
        "published": res.published.isoformat() if res.published else None,
        "records": [record_row(r, published=res.published, title=r.id in res.titles,
                               window=res.windows.get(r.id), approx=res.approx.get(r.id)) for r in records],
    }
    if res.warnings:
        out["warnings"] = list(res.warnings)
    return out


# ------------------------------------------------------------------ rebuilding records


def _date(s: str | None) -> dt.date | None:
    return dt.date.fromisoformat(s) if s else None


def record_from_row(row: dict[str, Any]):
    """The Record a map-step row was made from (PlaceRefs with their country and admin1)."""
    from geokit.model import Event, Fact, Link, Movement, PlaceRef, Source

    extra = row.get(LINK_KEY) or {}
    places = extra.get("places") or {}

    def pref(d: dict | None, more: dict | None):
        if not isinstance(d, dict):
            return None
        return PlaceRef(name=d.get("name") or "", lat=d.get("lat"), lon=d.get("lon"),
                        geonameid=d.get("geonameid"),
                        geo_precision=d.get("geo_precision", 1), **(more or {}))

    cls = {"event": Event, "movement": Movement, "fact": Fact}.get(row.get("kind"))
    if cls is None:
        raise InputError(f"record {row.get('id')!r} has unknown kind {row.get('kind')!r}")
    via_extra = extra.get("via") or []
    return cls(
        id=row["id"], type=row.get("type") or "", date=row.get("date"),
        date_precision=row.get("date_precision") or "unknown",
        place=pref(row.get("place"), places.get("place")),
        origin=pref(row.get("origin"), places.get("origin")),
        destination=pref(row.get("destination"), places.get("destination")),
        via=[pref(v, via_extra[i] if i < len(via_extra) else None)
             for i, v in enumerate(row.get("via") or [])],
        who=row.get("who") or "", counts=row.get("counts") or {},
        confidence=extra.get("confidence", row.get("confidence", 0.5)),
        sources=[Source(**s) for s in row.get("sources") or []],
        links=[Link(**lk) for lk in row.get("links") or []],
        notes=extra.get("notes", ""),
        types=list(row.get("types") or []), rule=row.get("rule") or "", acled=dict(row.get("acled") or {}),
        fatalities=row.get("fatalities"), actors=dict(row.get("actors") or {}),
    )


def _window(row: dict[str, Any]) -> tuple[int, int] | None:
    """The record's day window as ordinals (as linking sees it), None when it has no date at all."""
    extra = row.get(LINK_KEY) or {}
    if extra.get("window"):
        lo, hi = extra["window"]
        return dt.date.fromisoformat(lo).toordinal(), dt.date.fromisoformat(hi).toordinal()
    if row.get("date"):
        from types import SimpleNamespace

        from geokit.events.linking import record_window

        try:
            lo, hi = record_window(SimpleNamespace(date=row["date"],
                                                   date_precision=row.get("date_precision")))
            return lo.toordinal(), hi.toordinal()
        except (TypeError, ValueError):
            return None
    pub = _date(extra.get("published"))
    if pub is not None:
        from geokit.events.linking import UNDATED_DAYS

        return pub.toordinal() - UNDATED_DAYS, pub.toordinal()
    return None


def iter_map_records(path: str | os.PathLike) -> Iterator[dict[str, Any]]:
    """Record rows of a map-step output: JSONL rows' ``records``, or a Parquet folder's ``record`` column.

    Each gets ``_seq``, its report's input position (outputs are written in completion order)."""
    from geokit.batch.sinks import is_parquet_path, read_jsonl

    if is_parquet_path(path):
        import pyarrow.parquet as pq

        for part in sorted(Path(path).glob("part-*.parquet")):
            for batch in pq.ParquetFile(part).iter_batches(columns=["record", "seq"]):
                for s, seq in zip(batch.column(0).to_pylist(), batch.column(1).to_pylist(), strict=True):
                    if s:
                        yield dict(json.loads(s), **{SEQ_KEY: seq})
        return
    for row in read_jsonl(path):
        for rec in row.get("records") or []:
            yield dict(rec, **{SEQ_KEY: row.get("seq")})


# ------------------------------------------------------------------ blocking


@dataclass(slots=True)
class LinkSummary:
    records: int = 0
    linked: int = 0
    blocks: int = 0
    forced_cuts: int = 0
    largest_block: int = 0
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def assign_blocks(keys: list[tuple[str, int | None, int | None]], max_block: int) -> tuple[list[int], int]:
    """Block number for each (group, lo, hi): same group, chained overlapping windows; and forced cuts.

    ``lo``/``hi`` None means undated with no published date: such records form one block per group.
    """
    order = sorted(range(len(keys)), key=lambda i: (keys[i][0], keys[i][1] is None, keys[i][1] or 0))
    blocks = [0] * len(keys)
    block, size, forced = -1, 0, 0
    group, end, last_lo = None, None, None
    for i in order:
        g, lo, hi = keys[i]
        new = g != group or (lo is None) != (end is None)
        if not new and lo is not None:
            if lo > end + GAP_DAYS:
                new = True
            elif size >= max_block and lo > last_lo:
                new, forced = True, forced + 1
        if new:
            block, size, group, end = block + 1, 0, g, hi
        if lo is not None:
            end = max(end, hi) if end is not None else hi
            last_lo = lo
        blocks[i] = block
        size += 1
    return blocks, forced


def _group(row: dict[str, Any]) -> str:
    from geokit.events.linking import TYPE_FAMILY

    t = row.get("type") or ""
    return f"{row.get('kind')}|{TYPE_FAMILY.get(t, t)}"


def link_block(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Link one block's record rows with ``geokit.events.linking.link_records``; merged ``to_dict`` rows."""
    from geokit.events.extract import report_time
    from geokit.events.linking import link_records

    records, published, titles, windows, approx = [], {}, set(), {}, {}
    order = sorted(range(len(rows)),
                   key=lambda i: (rows[i].get(SEQ_KEY) is None, rows[i].get(SEQ_KEY) or 0, i))
    for row in (rows[i] for i in order):
        rec = record_from_row(row)
        extra = row.get(LINK_KEY) or {}
        doc = rec.sources[0].doc if rec.sources else rec.id
        published.setdefault(doc, _date(extra.get("published")))
        if extra.get("title"):
            titles.add(rec.id)
        if extra.get("window"):
            lo, hi = extra["window"]
            windows[rec.id] = (dt.date.fromisoformat(lo), dt.date.fromisoformat(hi))
        if extra.get("approx"):
            approx[rec.id] = dt.date.fromisoformat(extra["approx"])
        records.append(rec)
    linked = link_records(records, published=published, titles=titles, windows=windows)
    for r in linked:
        report_time(r, published, approx)
    return [r.to_dict() for r in linked]


def _link_bucket(path: str) -> list[dict[str, Any]]:
    by_block: dict[int, list[dict[str, Any]]] = defaultdict(list)
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            block, row = json.loads(line)
            by_block[block].append(row)
    out: list[dict[str, Any]] = []
    for block in sorted(by_block):
        out.extend(link_block(by_block[block]))
    return out


def link_rows(rows: Iterable[dict[str, Any]], *, max_block: int = 20_000) -> list[dict[str, Any]]:
    """Link record rows held in memory (small collections, tests): same blocks as ``link_output``."""
    rows = list(rows)
    keys = [(_group(r), *(_window(r) or (None, None))) for r in rows]
    blocks, _ = assign_blocks(keys, max_block)
    by_block: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for b, r in zip(blocks, rows, strict=True):
        by_block[b].append(r)
    return [m for b in sorted(by_block) for m in link_block(by_block[b])]


def link_output(
    source: str | os.PathLike,
    out: str | os.PathLike,
    *,
    workers: int = 1,
    max_block: int = 20_000,
    bucket_records: int = 50_000,
) -> LinkSummary:
    """Link every record of a map-step output (JSONL or Parquet folder) into ``out`` (JSONL of records).

    Two passes over ``source``: block keys first (a few numbers per record), then the rows
    spilled to bucket files; buckets are linked independently (in parallel with ``workers`` > 1).
    """
    import time

    t0 = time.perf_counter()
    keys = [(_group(r), *(_window(r) or (None, None))) for r in iter_map_records(source)]
    blocks, forced = assign_blocks(keys, max_block)
    del keys
    summary = LinkSummary(records=len(blocks), blocks=len(set(blocks)), forced_cuts=forced)
    if blocks:
        sizes: dict[int, int] = defaultdict(int)
        for b in blocks:
            sizes[b] += 1
        summary.largest_block = max(sizes.values())
    n_buckets = max(1, -(-len(blocks) // max(1, bucket_records)))
    tmpdir = Path(tempfile.mkdtemp(prefix="geokit-link-", dir=Path(out).resolve().parent))
    try:
        files = [open(tmpdir / f"bucket-{i:04d}.jsonl", "w", encoding="utf-8") for i in range(n_buckets)]
        try:
            for b, row in zip(blocks, iter_map_records(source), strict=True):
                files[b % n_buckets].write(json.dumps([b, row], ensure_ascii=False) + "\n")
        finally:
            for fh in files:
                fh.close()
        del blocks
        paths = [str(tmpdir / f"bucket-{i:04d}.jsonl") for i in range(n_buckets)]
        with write_aside(out) as fh:  # a linking step that fails keeps the previous linked file whole
            for merged in _map_buckets(paths, workers):
                for rec in merged:
                    fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
                    summary.linked += 1
    finally:
        for p in tmpdir.glob("*"):
            p.unlink()
        tmpdir.rmdir()
    summary.seconds = round(time.perf_counter() - t0, 3)
    return summary


def _map_buckets(paths: list[str], workers: int) -> Iterator[list[dict[str, Any]]]:
    if workers <= 1 or len(paths) == 1:
        for p in paths:
            yield _link_bucket(p)
        return
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(workers, mp_context=mp.get_context("spawn")) as pool:
        yield from pool.map(_link_bucket, paths)
