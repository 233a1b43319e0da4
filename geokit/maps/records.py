"""Turn events, movements and facts into compact, safe rows for the page - and list what cannot be drawn.

Why one place: every map feature needs the same checks (is there a place? are its
coordinates numbers in range? is the date readable?) and the same "not on the map" notes.
Inputs may be geokit records (``Event``/``Movement``/``Fact``), their ``to_dict()`` form
(``geokit events --jsonl``), or rows of a (Geo)DataFrame with the same columns.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import numbers
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from geokit.errors import MapError
from geokit.maps.safe import StringTable, clean_text

EPOCH = dt.date(1970, 1, 1)
_MISSING = object()


@dataclass(slots=True)
class Problem:
    """One record or place that is not (fully) on the map, and why."""

    kind: str  # event | movement | fact | place
    id: str
    label: str
    reason: str
    partial: bool = False  # drawn in part (e.g. a movement drawn only at its destination)

    def row(self) -> list:
        return [clean_text(self.kind, 40), clean_text(self.id, 200), clean_text(self.label, 300),
                clean_text(self.reason, 300), self.partial]


@dataclass(slots=True)
class Pt:
    """A checked point: coordinates known to be finite and in range."""

    lat: float
    lon: float
    name: str = ""
    geo_precision: int = 0
    feature_code: str = ""
    country_code: str = ""
    id: str = ""


_ACCESS: dict[type, bool] = {}  # type -> True when fields are read with .get (dicts, pandas rows)


def get(obj: Any, key: str, default: Any = None) -> Any:
    """Field of a dataclass, dict or pandas row; missing/NaN -> default."""
    if obj is None:
        return default
    t = type(obj)
    by_get = _ACCESS.get(t)
    if by_get is None:  # pandas rows: attributes are not columns (row.name is the index label)
        by_get = _ACCESS[t] = isinstance(obj, Mapping) or hasattr(obj, "iloc")
    value = obj.get(key, _MISSING) if by_get else getattr(obj, key, _MISSING)
    if value is _MISSING or value is None:
        return default
    if type(value) is float and value != value:  # NaN
        return default
    return value


def check_coords(lat: Any, lon: Any) -> tuple[tuple[float, float] | None, str]:
    """(lat, lon) as floats when usable, else None and the reason."""
    if lat is None or lon is None:
        return None, "no coordinates"
    if isinstance(lat, bool) or isinstance(lon, bool):
        return None, "coordinates are not numbers"
    try:
        flat, flon = float(lat), float(lon)
    except (TypeError, ValueError):
        return None, f"coordinates are not numbers ({clean_text(lat, 30)!r}, {clean_text(lon, 30)!r})"
    if not (math.isfinite(flat) and math.isfinite(flon)):
        return None, ("no coordinates" if (math.isnan(flat) or math.isnan(flon))
                      else "coordinates are not finite")
    if not (-90.0 <= flat <= 90.0 and -180.0 <= flon <= 180.0):
        return None, f"coordinates out of range (lat {flat:g}, lon {flon:g})"
    return (flat, flon), ""


def point_of(place: Any) -> tuple[Pt | None, str]:
    """A checked point for a PlaceRef/Candidate/dict (or a shapely Point geometry)."""
    if place is None:
        return None, "no place"
    lat, lon = get(place, "lat"), get(place, "lon")
    geom = get(place, "geometry")
    if ((lat is None or lon is None) and geom is not None and getattr(geom, "geom_type", "")
            and not geom.is_empty):
        rp = geom if geom.geom_type == "Point" else geom.representative_point()
        lat, lon = rp.y, rp.x
    name = clean_text(get(place, "name", ""), 200)
    coords, why = check_coords(lat, lon)
    if coords is None:
        return None, f"place {name!r}: {why}" if name else why
    gp = get(place, "geo_precision", 0)
    try:
        gp = int(gp)
    except (TypeError, ValueError):
        gp = 0
    pid = get(place, "id", "") or ""
    gid = get(place, "geonameid")
    if not pid and gid is not None:
        pid = f"gn:{gid}"
    return Pt(coords[0], coords[1], name, gp, clean_text(get(place, "feature_code", ""), 12),
              clean_text(get(place, "country_code", ""), 4), clean_text(pid, 120)), ""


def day_number(value: Any) -> int | None:
    """Days since 1970-01-01 of an ISO date ('2012-06-24', '2012-06' or '2012'); None if unreadable."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return (value - EPOCH).days
    return _day_of_text(str(value).strip()[:10])


@lru_cache(maxsize=65536)
def _day_of_text(text: str) -> int | None:
    parts = text.split("-")
    if not parts[0].isdigit() or len(parts[0]) != 4 or len(parts) > 3:
        return None
    try:
        nums = [int(p) for p in parts]
        date = dt.date(nums[0], nums[1] if len(nums) > 1 else 1, nums[2] if len(nums) > 2 else 1)
    except ValueError:
        return None
    return (date - EPOCH).days


def _number(v: Any) -> float | None:
    if isinstance(v, bool):
        return None
    if isinstance(v, numbers.Real) and math.isfinite(float(v)):
        return float(v)
    return None


def format_count(value: Any) -> str:
    """A figure as text: 1,200; a [low, high] range as 50–100; lists of figures joined."""
    if isinstance(value, bool) or value is None:
        return clean_text(value, 60)
    if isinstance(value, numbers.Integral):
        return f"{int(value):,}"
    if isinstance(value, numbers.Real):
        value = float(value)
        if not math.isfinite(value):
            return ""
        return f"{value:,.0f}" if value.is_integer() else f"{value:,g}"
    if isinstance(value, (list, tuple)):
        if len(value) == 2 and all(_number(v) is not None for v in value):
            return f"{format_count(value[0])}–{format_count(value[1])}"
        return " / ".join(format_count(v) for v in value)
    return clean_text(value, 60)


def magnitude(counts: Any) -> float | None:
    """Largest figure among a record's counts (upper end of ranges), for arrow widths."""
    best = None
    if not isinstance(counts, Mapping):
        return None

    def visit(v: Any) -> None:
        nonlocal best
        n = _number(v)
        if n is not None:
            best = n if best is None else max(best, n)
        elif isinstance(v, (list, tuple)):
            for x in v:
                visit(x)

    for v in counts.values():
        visit(v)
    return best


def headline(counts: Any) -> str:
    """The moved or affected group with its largest figure ("293 people"), for tooltips and "Who".

    Why: the first figure of a record is often a side detail ("1 general" among 85 soldiers);
    the largest one names the group the record is about.
    """
    if not isinstance(counts, Mapping):
        return ""
    best = None
    for label, value in counts.items():
        n = magnitude({label: value})
        if n is not None and (best is None or n > best[0]):
            best = (n, label, value)
    if best is None:
        return ""
    label = clean_text(best[1], 60).replace("_", " ")
    return f"{format_count(best[2])} {label}".strip()


def _counts_of(record: Any) -> Mapping:
    """A record's counts; a GeoDataFrame row holds them as a JSON string."""
    counts = get(record, "counts", {}) or {}
    if isinstance(counts, str):
        try:
            counts = json.loads(counts)
        except ValueError:
            return {"count": counts}
    return counts if isinstance(counts, Mapping) else {"count": counts}


def _sources_of(record: Any) -> list:
    """A record's sources; a GeoDataFrame row holds only their document ids, joined by '; '."""
    sources = get(record, "sources", []) or []
    if isinstance(sources, str):
        return [{"doc": d.strip()} for d in sources.split(";") if d.strip()]
    return list(sources)


def counts_rows(record: Any, S: StringTable) -> list:
    """[[label, value, [[source value, doc], ...] or 0], ...]: every source's figure where they differ."""
    counts = _counts_of(record)
    sources = _sources_of(record)
    labels = list(counts.keys())
    for s in sources:
        sc = get(s, "counts", {}) or {}
        if isinstance(sc, Mapping):
            labels += [k for k in sc.keys() if k not in labels]
    out = []
    for label in labels:
        top = counts.get(label, _MISSING)
        per_source = []
        for s in sources:
            sc = get(s, "counts", {}) or {}
            if isinstance(sc, Mapping) and label in sc:
                pair = (format_count(sc[label]), clean_text(get(s, "doc", ""), 200))
                if pair not in per_source:  # a report giving one figure in its headline and body: once
                    per_source.append(pair)
        top_text = format_count(top) if top is not _MISSING else (per_source[0][0] if per_source else "")
        distinct = {v for v, _ in per_source}
        breakdown = 0
        if per_source and (len(distinct) > 1 or (top is not _MISSING and distinct != {top_text})):
            breakdown = [[S(v, 80), S(d, 200)] for v, d in per_source]
        out.append([S(label, 80), S(top_text, 80), breakdown])
    return out


def sources_rows(record: Any, S: StringTable) -> list:
    rows = []
    for s in _sources_of(record)[:50]:
        start, end = get(s, "start"), get(s, "end")
        start = int(start) if _number(start) is not None else None
        end = int(end) if _number(end) is not None else None
        rows.append([S(get(s, "doc", ""), 200), S(get(s, "text", ""), 1500), start, end,
                     S(get(s, "date"), 40)])
    return rows


def record_label(record: Any) -> str:
    """Short human label for panels: type and first place name."""
    bits = [clean_text(get(record, "type", ""), 60) or clean_text(get(record, "kind", "record"), 20)]
    for key in ("place", "origin", "destination"):
        name = clean_text(get(get(record, key), "name", ""), 80)
        if name:
            bits.append(name)
            break
    date = clean_text(get(record, "date", ""), 20)
    if date:
        bits.append(date)
    return " · ".join(bits)


def iter_items(items: Any, what: str) -> Iterator[Any]:
    """Records or places from a list, a single record, or a (Geo)DataFrame's rows."""
    if items is None:
        return iter(())
    if isinstance(items, str | os.PathLike) and what != "places" and os.path.isfile(
            os.path.expanduser(os.fspath(items))):
        from geokit.export import read_records

        got = read_records(items)  # geokit's own export file (records JSONL, GeoJSON or CSV)
        if got is None:
            raise MapError(f"{os.fspath(items)!r} is not a file of geokit records (expected the JSONL, "
                           "GeoJSON "
                           f"or CSV of `geokit events`); {what} must be records, a DataFrame or such a file")
        kind = {"events": "event", "movements": "movement", "facts": "fact"}.get(what)
        return iter([r for r in got[0] if kind is None or r.get("kind") == kind])
    if isinstance(items, (str, bytes)):
        raise TypeError(f"{what} must be a list of records/places or a DataFrame, not {type(items).__name__}")
    if hasattr(items, "iterrows") and hasattr(items, "columns"):
        from geokit.export import is_flat_frame, record_from_row

        if is_flat_frame(items):  # geokit's own table (to_geodataframe / to_csv): back to records
            geoms = items.geometry if "geometry" in items.columns else [None] * len(items)
            return (record_from_row(row, g) for (_, row), g in zip(items.iterrows(), geoms, strict=True))
        return (row for _, row in items.iterrows())
    if isinstance(items, Mapping) or hasattr(items, "__dataclass_fields__"):
        return iter((items,))
    if not isinstance(items, Iterable):
        raise TypeError(f"{what} must be a list of records/places or a DataFrame, not {type(items).__name__}")
    return iter(items)


def _is_record(obj: Any) -> bool:
    return isinstance(obj, Mapping) or hasattr(obj, "__dataclass_fields__") or hasattr(obj, "iterrows") or (
        hasattr(obj, "keys") and hasattr(obj, "get"))


def _flat_place(record: Any) -> Any:
    """A DataFrame row may carry its place flat (lat/lon/place_name columns or a geometry)."""
    place = get(record, "place")
    if place is not None and not isinstance(place, str):
        return place
    lat, lon, geom = get(record, "lat"), get(record, "lon"), get(record, "geometry")
    if lat is None and lon is None and geom is None:
        return None
    name = place if isinstance(place, str) else get(record, "place_name", "") or get(record, "name", "")
    return {"name": name, "lat": lat, "lon": lon, "geometry": geom,
            "geo_precision": get(record, "geo_precision", 0)}


@dataclass
class TypeTable:
    """Record types in order of first appearance, each with a colour index."""

    names: list[str] = field(default_factory=list)
    counts: list[int] = field(default_factory=list)
    _index: dict[str, int] = field(default_factory=dict)

    def __call__(self, name: str) -> int:
        name = clean_text(name, 60) or "(no type)"
        idx = self._index.get(name)
        if idx is None:
            idx = self._index[name] = len(self.names)
            self.names.append(name)
            self.counts.append(0)
        self.counts[idx] += 1
        return idx


@dataclass
class PointRecords:
    """Events or facts as rows ``[id, type, date, precision, day, who, counts, sources, conf, lat, lon, place,
    gp,
    headline]`` (``spread`` appends a pixel offset)."""

    kind: str
    S: StringTable = field(default_factory=StringTable)
    types: TypeTable = field(default_factory=TypeTable)
    rows: list[list] = field(default_factory=list)
    points: list[Pt] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    days: set[int] = field(default_factory=set)


def _common(record: Any, S: StringTable, types: TypeTable) -> tuple[list, int | None]:
    date = get(record, "date")
    day = day_number(date)
    conf = _number(get(record, "confidence"))
    row = [
        S(get(record, "id", ""), 200),
        types(get(record, "type", "")),
        S(date, 40),
        S(get(record, "date_precision", ""), 20),
        day,
        S(get(record, "who", ""), 300),
        counts_rows(record, S),
        sources_rows(record, S),
        round(conf, 2) if conf is not None else None,
    ]
    return row, day


def point_records(records: Any, kind: str) -> PointRecords:
    """Events (or facts) with a usable place become rows; the rest become Problems."""
    out = PointRecords(kind=kind)
    for n, rec in enumerate(iter_items(records, kind + "s")):
        if not _is_record(rec):
            out.problems.append(Problem(kind, f"#{n}", clean_text(type(rec).__name__, 40),
                                        "not a record (expected an Event/Fact, a dict or a DataFrame row)"))
            continue
        rid = clean_text(get(rec, "id", "") or f"#{n}", 200)
        pt, why = point_of(_flat_place(rec))
        if pt is None:
            out.problems.append(Problem(kind, rid, record_label(rec), why))
            continue
        row, day = _common(rec, out.S, out.types)
        row += [round(pt.lat, 5), round(pt.lon, 5), out.S(pt.name, 200), pt.geo_precision,
                out.S(headline(_counts_of(rec)), 80)]
        out.rows.append(row)
        out.points.append(pt)
        if day is not None:
            out.days.add(day)
    return out


@dataclass
class MovementRecords:
    """Movements as rows ``[id, type, date, precision, day, who, counts, sources, conf, points, magnitude,
    note,
    headline]``.

    ``points`` is ``[[lat, lon, name, gp], ...]`` origin -> via -> destination, only the usable
    ones; one point means the movement is drawn as an arrival/departure marker only.
    """

    S: StringTable = field(default_factory=StringTable)
    types: TypeTable = field(default_factory=TypeTable)
    rows: list[list] = field(default_factory=list)
    points: list[Pt] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    days: set[int] = field(default_factory=set)
    legs: int = 0


def _flat_stops(rec: Any) -> list[tuple[str, Any]] | None:
    """Stops of a movement given as a GeoDataFrame row: names in columns, the route as its geometry.

    None when the row carries place objects (the normal case) or no usable line/point geometry.
    """
    origin, destination = get(rec, "origin"), get(rec, "destination")
    if (not (origin is None or isinstance(origin, str))
            or not (destination is None or isinstance(destination, str))):
        return None
    geom = get(rec, "geometry")
    kind = getattr(geom, "geom_type", "")
    if kind not in ("LineString", "Point") or geom.is_empty:
        return None
    coords = list(geom.coords)
    via = get(rec, "via", "")
    via_names = [v.strip() for v in via.split(";")] if isinstance(via, str) and via.strip() else []
    if kind == "Point":
        role, name = ("destination", destination) if destination else ("origin", origin)
        return [(role, {"name": name or "", "lon": coords[0][0], "lat": coords[0][1]})]
    names = [origin or ""] + (via_names if len(via_names) == len(coords) - 2 else [""] * (len(coords) - 2))
    names.append(destination or "")
    roles = ["origin"] + ["via"] * (len(coords) - 2) + ["destination"]
    return [(role, {"name": name, "lon": x, "lat": y})
            for role, name, (x, y, *_) in zip(roles, names, coords, strict=True)]


def movement_records(records: Any) -> MovementRecords:
    out = MovementRecords()
    for n, rec in enumerate(iter_items(records, "movements")):
        if not _is_record(rec):
            out.problems.append(Problem("movement", f"#{n}", clean_text(type(rec).__name__, 40),
                                        "not a record (expected a Movement, a dict or a DataFrame row)"))
            continue
        rid = clean_text(get(rec, "id", "") or f"#{n}", 200)
        stops = _flat_stops(rec)
        if stops is None:
            stops = [("origin", get(rec, "origin"))]
            stops += [("via", v) for v in (get(rec, "via", []) or [])]
            stops += [("destination", get(rec, "destination"))]
            if (get(rec, "origin") is None and get(rec, "destination") is None
                    and get(rec, "place") is not None):
                stops = [("place", get(rec, "place"))]
        pts, notes = [], []
        for role, place in stops:
            pt, why = point_of(place)
            if pt is None:
                if role != "via" or place is not None:
                    notes.append(f"{role} unknown" if why == "no place" else f"{role}: {why}")
                continue
            pts.append(pt)
        label = record_label(rec)
        if not pts:
            out.problems.append(Problem("movement", rid, label, "; ".join(notes) or "no places"))
            continue
        note = "; ".join(notes)
        if len(pts) == 1:
            note = (note + "; " if note else "") + "drawn as a single point"
        if notes:
            out.problems.append(Problem("movement", rid, label, note, partial=True))
        row, day = _common(rec, out.S, out.types)
        row += [
            [[round(p.lat, 5), round(p.lon, 5), out.S(p.name, 200), p.geo_precision] for p in pts],
            magnitude(_counts_of(rec)),
            out.S(note, 300),
            out.S(headline(_counts_of(rec)), 80),
        ]
        out.rows.append(row)
        out.points.extend(pts)
        out.legs += max(0, len(pts) - 1)
        if day is not None:
            out.days.add(day)
    return out
