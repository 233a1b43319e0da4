"""Spatial roll-ups: events and movements joined to admin areas, counted per area and ISO week.

Each record contributes a point per role: an event or fact at its ``place``; a movement at its
``origin`` (departures) and its ``destination`` (arrivals). Points are joined to first-level
admin areas (the Natural Earth outlines in ``geokit/data/basemap/admin1.geojson``, or any polygon
file with ``code``/``name`` columns): inside a polygon first, else the nearest polygon within
``snap_km`` (outlines are simplified, so a coastal town may sit just offshore), else "outside".

Small inputs are joined with geopandas in this process; large ones (or a Parquet folder written
by ``geokit batch events -o X.parquet``) go through dask-geopandas partition by partition, with
the same join function, so both paths count alike.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pandas as pd

from geokit.errors import GeokitError, InputError

AREAS_FILE = Path(__file__).resolve().parents[1] / "data" / "basemap" / "admin1.geojson"
OUTSIDE = "(outside known areas)"
UNDATED = "undated"
ROLES = ("place", "origin", "destination")
POINT_COLUMNS = ["record_id", "doc", "kind", "type", "role", "date", "week", "lat", "lon"]
COUNT_COLUMNS = ["cc", "code", "name", "week", "kind", "role", "records"]
LARGE_ROWS = 200_000  # above this many points, roll up with dask-geopandas


class AreasUnavailable(GeokitError, FileNotFoundError):
    """No admin-area polygons to join to; the message says where they were looked for."""


def load_areas(path: str | os.PathLike | None = None):
    """Admin areas as a GeoDataFrame (EPSG:4326) with ``cc``, ``code`` and ``name`` columns."""
    import geopandas as gpd

    p = Path(path) if path else AREAS_FILE
    if not p.exists():
        raise AreasUnavailable(
            f"no admin-area polygons at {p}; roll-ups need geokit/data/basemap/admin1.geojson "
            "(Natural Earth admin-1) or a polygon file passed as areas=...")
    areas = gpd.read_file(p)
    for col in ("code", "name"):
        if col not in areas.columns:
            raise InputError(f"area file {p} has no {col!r} column (columns: {list(areas.columns)})")
    if "cc" not in areas.columns:
        areas["cc"] = ""
    areas = areas.to_crs(4326) if areas.crs else areas.set_crs(4326)
    return areas[["cc", "code", "name", "geometry"]].reset_index(drop=True)


def iso_week(date: Any) -> str:
    """"2012-W25" for an ISO date (or its first 10 characters); ``UNDATED`` when there is none."""
    if not date:
        return UNDATED
    try:
        d = date if isinstance(date, dt.date) else dt.date.fromisoformat(str(date)[:10])
    except ValueError:
        return UNDATED
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


# ------------------------------------------------------------------ records -> points


def _as_dict(rec: Any) -> dict[str, Any]:
    if isinstance(rec, dict):
        return rec
    if hasattr(rec, "to_dict"):
        return rec.to_dict()
    raise TypeError(f"a record must be a dict or have to_dict(), not {type(rec).__name__}")


def record_points(records: Iterable[Any]) -> Iterator[dict[str, Any]]:
    """One point per (record, role) that has coordinates."""
    for rec in records:
        r = _as_dict(rec)
        roles = ("origin", "destination") if r.get("kind") == "movement" else ("place",)
        doc = next((s.get("doc") for s in r.get("sources") or [] if isinstance(s, dict)), None)
        for role in roles:
            p = r.get(role)
            if not isinstance(p, dict) or p.get("lat") is None or p.get("lon") is None:
                continue
            yield {"record_id": r.get("id"), "doc": doc, "kind": r.get("kind"), "type": r.get("type"),
                   "role": role, "date": r.get("date"), "week": iso_week(r.get("date")),
                   "lat": float(p["lat"]), "lon": float(p["lon"])}


def points_frame(records: Iterable[Any]) -> pd.DataFrame:
    """Record points as a plain DataFrame (columns ``POINT_COLUMNS``)."""
    return pd.DataFrame(list(record_points(records)), columns=POINT_COLUMNS)


def iter_output_records(path: str | os.PathLike) -> Iterator[dict[str, Any]]:
    """Records from a ``geokit batch events`` JSONL output (rows ``{"id", "records": [...]}``) or a
    JSONL of records (``geokit events --jsonl``)."""
    from geokit.batch.sinks import read_jsonl

    for row in read_jsonl(path):
        if isinstance(row.get("records"), list):
            yield from row["records"]
        elif "kind" in row:
            yield row


def parquet_points(path: str | os.PathLike):
    """Points from a ``geokit batch events -o X.parquet`` folder, as a lazy dask DataFrame."""
    import dask.dataframe as dd

    cols = ["doc", "record_id", "kind", "type", "date"] + [f"{r}_{c}" for r in ROLES for c in ("lat", "lon")]
    ddf = dd.read_parquet(str(path), columns=cols)
    return ddf.map_partitions(_explode_roles, meta=pd.DataFrame({
        "record_id": pd.Series(dtype="string"), "doc": pd.Series(dtype="string"),
        "kind": pd.Series(dtype="string"), "type": pd.Series(dtype="string"),
        "role": pd.Series(dtype="string"), "date": pd.Series(dtype="string"),
        "week": pd.Series(dtype="string"), "lat": pd.Series(dtype="float64"),
        "lon": pd.Series(dtype="float64")}))


def _explode_roles(part: pd.DataFrame) -> pd.DataFrame:
    frames = []
    for role in ROLES:
        sel = part[f"{role}_lat"].notna() & part[f"{role}_lon"].notna()
        if role == "place":
            sel &= part["kind"] != "movement"
        else:
            sel &= part["kind"] == "movement"
        sub = part.loc[sel]
        frames.append(pd.DataFrame({
            "record_id": sub["record_id"].astype("string"), "doc": sub["doc"].astype("string"),
            "kind": sub["kind"].astype("string"), "type": sub["type"].astype("string"),
            "role": pd.Series(role, index=sub.index, dtype="string"), "date": sub["date"].astype("string"),
            "week": sub["date"].map(iso_week).astype("string"),
            "lat": sub[f"{role}_lat"].astype("float64"), "lon": sub[f"{role}_lon"].astype("float64")}))
    return pd.concat(frames, ignore_index=True)


# ------------------------------------------------------------------ join and count


def join_areas(points: pd.DataFrame, areas, *, snap_km: float = 10.0) -> pd.DataFrame:
    """Each point with the ``cc``/``code``/``name`` of its area (nearest within ``snap_km``, else OUTSIDE)."""
    import geopandas as gpd

    out = pd.DataFrame(points).reset_index(drop=True)
    if out.empty:
        return out.assign(cc=pd.Series(dtype="string"), code=pd.Series(dtype="string"),
                          name=pd.Series(dtype="string"))
    gdf = gpd.GeoDataFrame(out, geometry=gpd.points_from_xy(out["lon"], out["lat"]), crs=4326)
    hit = gpd.sjoin(gdf, areas, how="left", predicate="within")
    hit = hit[~hit.index.duplicated(keep="first")]  # a point on a shared border: the first area
    cc, code, name = (hit["cc"].reindex(out.index), hit["code"].reindex(out.index),
                      hit["name"].reindex(out.index))
    missing = code.isna()
    if missing.any() and snap_km > 0:
        metric = 3857
        near = gpd.sjoin_nearest(gdf.loc[missing].to_crs(metric), areas.to_crs(metric), how="left",
                                 max_distance=snap_km * 1000)
        near = near[~near.index.duplicated(keep="first")]
        cc.loc[near.index] = near["cc"].values
        code.loc[near.index] = near["code"].values
        name.loc[near.index] = near["name"].values
    out["cc"] = cc.fillna("").astype("string")
    out["code"] = code.fillna("").astype("string")
    out["name"] = name.fillna(OUTSIDE).astype("string")
    return out


def _count(joined: pd.DataFrame) -> pd.DataFrame:
    keys = ["cc", "code", "name", "week", "kind", "role"]
    if joined.empty:
        return pd.DataFrame(columns=COUNT_COLUMNS)
    counts = joined.groupby(keys, dropna=False).size().rename("records").reset_index()
    return counts


def _finish(counts: pd.DataFrame) -> pd.DataFrame:
    counts = counts[COUNT_COLUMNS].copy()
    counts["records"] = counts["records"].astype("int64")
    for c in ("cc", "code", "name", "week", "kind", "role"):
        counts[c] = counts[c].astype(str)
    return counts.sort_values(["week", "cc", "code", "kind", "role"]).reset_index(drop=True)


def rollup(
    records: Any,
    *,
    areas: Any = None,
    snap_km: float = 10.0,
    large: bool | None = None,
    npartitions: int | None = None,
) -> pd.DataFrame:
    """Counts of record points per admin area, ISO week, record kind and role.

    ``records``: Record objects or dicts, a points DataFrame (``POINT_COLUMNS``), a dask
    DataFrame of points, or a path to a batch events output (JSONL file or Parquet folder).
    ``areas``: a GeoDataFrame or polygon file (default: the Natural Earth admin-1 basemap).
    ``large``: force (or forbid) the dask-geopandas path; default: dask inputs and > LARGE_ROWS points.
    Returns columns ``cc, code, name, week, kind, role, records``.
    """
    area_gdf = areas if hasattr(areas, "geometry") else load_areas(areas)
    points: Any
    if isinstance(records, str | os.PathLike):
        from geokit.batch.sinks import is_parquet_path

        if is_parquet_path(records):
            points = parquet_points(records)
        else:
            points = points_frame(iter_output_records(records))
    elif isinstance(records, pd.DataFrame) or _is_dask_frame(records):
        points = records
    else:
        points = points_frame(records)
    is_dask = _is_dask_frame(points)
    if large is None:
        large = is_dask or len(points) > LARGE_ROWS
    if not large:
        if is_dask:
            points = points.compute()
        return _finish(_count(join_areas(points, area_gdf, snap_km=snap_km)))
    return _finish(_rollup_dask(points, area_gdf, snap_km=snap_km, npartitions=npartitions))


def _is_dask_frame(obj: Any) -> bool:
    return type(obj).__module__.startswith(("dask.", "dask_expr", "dask_geopandas"))


def _rollup_dask(points: Any, areas, *, snap_km: float, npartitions: int | None) -> pd.DataFrame:
    try:
        import dask.dataframe as dd
        import dask_geopandas
    except ImportError as exc:
        raise ImportError(f"large roll-ups need the dask extra: pip install 'geokit[dask]' ({exc})") from None
    if not _is_dask_frame(points):
        n = npartitions or max(1, len(points) // 50_000)
        points = dd.from_pandas(pd.DataFrame(points), npartitions=n)
    gpoints = dask_geopandas.from_dask_dataframe(
        points, geometry=dask_geopandas.points_from_xy(points, "lon", "lat", crs=4326))
    meta = join_areas(points._meta, areas, snap_km=snap_km)
    joined = gpoints.map_partitions(
        lambda part: join_areas(pd.DataFrame(part.drop(columns="geometry")), areas, snap_km=snap_km),
        meta=meta)
    count_meta = pd.DataFrame({**{c: pd.Series(dtype="string") for c in COUNT_COLUMNS[:-1]},
                               "records": pd.Series(dtype="int64")})
    total = joined.map_partitions(_count, meta=count_meta).compute()
    if total.empty:
        return pd.DataFrame(columns=COUNT_COLUMNS)
    return total.groupby(COUNT_COLUMNS[:-1], dropna=False)["records"].sum().reset_index()


def rollup_to_json(counts: pd.DataFrame) -> str:
    """The roll-up as JSON lines, one object per (area, week, kind, role)."""
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in counts.to_dict(orient="records"))
