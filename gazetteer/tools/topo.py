"""Minimal TopoJSON -> shapely decoding (quantized, delta-encoded arcs), for the extraction scripts.

Why here and not a dependency: the scripts run by hand and read one or two TopoJSON files; the
format's geometry part is thirty lines.
"""

from __future__ import annotations

from shapely.geometry import MultiPolygon, Polygon
from shapely.validation import make_valid


def decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    tr = topo.get("transform")
    arcs = []
    for arc in topo["arcs"]:
        pts, x, y = [], 0, 0
        for p in arc:
            if tr:
                x, y = x + p[0], y + p[1]
                pts.append((x * tr["scale"][0] + tr["translate"][0], y * tr["scale"][1] + tr["translate"][1]))
            else:
                pts.append((p[0], p[1]))
        arcs.append(pts)
    return arcs


def _ring(arcs, idxs) -> list[tuple[float, float]]:
    out: list[tuple[float, float]] = []
    for i in idxs:
        pts = arcs[i] if i >= 0 else arcs[~i][::-1]
        out.extend(pts if not out else pts[1:])
    return out


def geometry(arcs, geom: dict):
    """A shapely (Multi)Polygon for a TopoJSON Polygon/MultiPolygon geometry, or None."""
    t = geom.get("type")
    if t == "Polygon":
        polys = [geom["arcs"]]
    elif t == "MultiPolygon":
        polys = geom["arcs"]
    else:
        return None
    parts = []
    for rings in polys:
        rr = [_ring(arcs, r) for r in rings]
        if len(rr[0]) >= 4:
            parts.append(Polygon(rr[0], [r for r in rr[1:] if len(r) >= 4]))
    if not parts:
        return None
    g = parts[0] if len(parts) == 1 else MultiPolygon(parts)
    return g if g.is_valid else make_valid(g)
