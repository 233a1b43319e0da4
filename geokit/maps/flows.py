"""Flows an analyst reads: a vague end is drawn where the people crossed, not at a country's centre.

Why: "12 soldiers defected from Syria to Reyhanli" knows Syria only as a country; drawn at Syria's
centroid, the arrow crosses half the country and the thickest lines on the map run between
countries' centres. Here an end known only to a country or province (geo-precision 3-4) is moved
to the border crossing nearest the other end when one lies on that area's edge and is not much
farther than the nearest border point, else to the nearest point of the area's border itself. The
leg stays dashed (the place is inferred) and the popup says where it was drawn and why.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import shapely
from shapely.geometry import Point, shape
from shapely.ops import nearest_points

from geokit.gazetteer.geo import haversine_km
from geokit.maps.basemap import load_basemap

CROSSING_MAX_KM = 12.0  # a crossing this close to an area's border is on it
CROSSING_DETOUR_KM = 60.0  # a crossing is preferred to the nearest border point unless this much farther


@dataclass(frozen=True)
class Anchor:
    lat: float
    lon: float
    how: str  # "at the X crossing" / "at the border"


class _Areas:
    """Country and first-level area outlines from the committed basemap, with a spatial index."""

    def __init__(self) -> None:
        self.layers = {}
        for layer in ("countries", "admin1"):
            feats = load_basemap(layer)["features"]
            geoms = [shape(f["geometry"]) for f in feats]
            names = [str(f["properties"].get("name", "")) for f in feats]
            self.layers[layer] = (shapely.STRtree(geoms), geoms, names)

    def containing(self, lat: float, lon: float, layer: str):
        tree, geoms, names = self.layers[layer]
        p = Point(lon, lat)
        hits = tree.query(p, predicate="intersects")
        if len(hits):
            i = int(hits[0])
            return geoms[i], names[i]
        i = int(tree.nearest(p))  # a point just off the coast or rounded outside: the nearest area
        if geoms[i].distance(p) < 0.3:
            return geoms[i], names[i]
        return None, ""


@lru_cache(maxsize=1)
def areas() -> _Areas:
    return _Areas()


def border_anchor(vague: tuple[float, float, int], other: tuple[float, float],
                  crossings: list[tuple[str, float, float]], cache: dict | None = None) -> Anchor | None:
    """Where to draw an end known only to a country (precision 4) or province (3), seen from ``other``.

    None when the end is precise, its area is unknown, or ``other`` lies inside that area (the
    movement happens within it: its end stays where it is). ``cache`` (a dict) keeps each area's
    crossings between calls.
    """
    lat, lon, gp = vague
    if gp is None or gp < 3:
        return None
    geom, name = areas().containing(lat, lon, "countries" if gp >= 4 else "admin1")
    if geom is None:
        return None
    o = Point(other[1], other[0])
    if geom.covers(o):
        return None
    edge = geom.boundary
    b = nearest_points(edge, o)[0]
    best_km = haversine_km(other[0], other[1], b.y, b.x)
    choice = Anchor(round(b.y, 5), round(b.x, 5), "at the nearest border point")
    cache = {} if cache is None else cache
    key = (gp >= 4, name, geom.bounds)
    on_edge = cache.get(key)
    if on_edge is None:
        on_edge = []
        if crossings:
            pts = shapely.points([(c[2], c[1]) for c in crossings])
            near = shapely.distance(edge, pts) * 111.0 <= CROSSING_MAX_KM
            on_edge = [c for c, ok in zip(crossings, near, strict=True) if ok]
        cache[key] = on_edge
    best_crossing = None
    for cname, clat, clon in on_edge:
        d = haversine_km(other[0], other[1], clat, clon)
        if d <= best_km + CROSSING_DETOUR_KM and (best_crossing is None or d < best_crossing[0]):
            best_crossing = (d, cname, clat, clon)
    if best_crossing is not None:
        _, cname, clat, clon = best_crossing
        choice = Anchor(round(clat, 5), round(clon, 5), f"at {cname}" if cname else "at a border crossing")
    return choice


STUB_DEG = 0.12  # half-length of the stub drawn across a shared border when both ends are vague (~13 km)


def _area(p: list):
    return areas().containing(p[0], p[1], "countries" if (p[3] or 0) >= 4 else "admin1")[0]


def shared_border_stub(a: list, b: list) -> tuple[list[float], list[float]] | None:
    """Both ends vague: a short stub across the border the two areas share, at its middle part."""
    ga, gb = _area(a), _area(b)
    if ga is None or gb is None or ga.equals(gb):
        return None
    shared = ga.boundary.intersection(gb.buffer(0.02))
    if shared.is_empty or shared.length < 0.05:
        return None
    mid = Point((a[1] + b[1]) / 2, (a[0] + b[0]) / 2)
    p = nearest_points(shared, mid)[0]
    ca, cb = ga.representative_point(), gb.representative_point()

    def toward(c):
        dx, dy = c.x - p.x, c.y - p.y
        n = max((dx * dx + dy * dy) ** 0.5, 1e-9)
        return [round(p.y + dy / n * STUB_DEG, 5), round(p.x + dx / n * STUB_DEG, 5)]

    return toward(ca), toward(cb)


def _vague(p: list) -> bool:
    return (p[3] or 0) >= 3


def anchor_route(pts: list[list], crossings: list[tuple[str, float, float]], S,
                 cache: dict | None = None) -> tuple[list[list], int]:
    """One movement's stops with every vague end drawn at the border; returns (stops, ends moved).

    Each vague stop is seen from the nearest precise stop along the route (the next one, or the
    previous one for the last stop). A vague via stop whose area holds that precise stop is left
    out (the route enters the area there anyway). With no precise stop at all, a two-area route is a
    short stub across the border the first and last areas share.
    """
    if len(pts) < 2:
        return pts, 0
    precise = [k for k, p in enumerate(pts) if not _vague(p)]
    new: list[list | None] = [list(p) for p in pts]
    moved = 0
    if not precise:
        stub = shared_border_stub(pts[0], pts[-1])
        if stub is None:
            return pts, 0
        how = S("drawn across the shared border: both ends known only to their area")
        return [[*stub[0], pts[0][2], pts[0][3], how], [*stub[1], pts[-1][2], pts[-1][3], how]], 2
    last = len(pts) - 1
    for k, p in enumerate(pts):
        if not _vague(p):
            continue
        after = [j for j in precise if j > k]
        before = [j for j in precise if j < k]
        j = after[0] if after and k < last else (before[-1] if before else after[0])
        other = pts[j]
        a = border_anchor((p[0], p[1], p[3]), (other[0], other[1]), crossings, cache)
        if a is None:
            if 0 < k < last:
                geom = _area(p)
                if geom is not None and geom.covers(Point(other[1], other[0])):
                    new[k] = None  # "via Turkey" on the way to a Turkish town: the town says it
            continue
        new[k] = [a.lat, a.lon, p[2], p[3], S(f"drawn {a.how}: only the area is known")]
        moved += 1
    return [q for q in new if q is not None], moved


def anchor_rows(rows: list[list], crossings: list[tuple[str, float, float]], S) -> int:
    """Move the vague ends of movement rows (``row[9]`` = [[lat, lon, name, gp], ...]) to the border.

    An anchored point gets a fifth element, the string index of the phrase saying where it was
    drawn (``S`` is the rows' string table). Returns how many ends were moved.
    """
    moved = 0
    cache: dict = {}
    crossings = list(dict.fromkeys((str(n), float(la), float(lo)) for n, la, lo in crossings))
    for row in rows:
        row[9], n = anchor_route(row[9], crossings, S, cache)
        moved += n
    return moved
