"""Which places a map draws with their own icons: the sites the reports name, and the curated
camps, crossings and air bases around them (so a user sees the camp next to the town they read about)."""

from __future__ import annotations

from typing import Any

MAP_PLACE_KINDS = frozenset({"camp", "crossing", "airbase", "airport", "city", "town", "village"})
CURATED_MARGIN_DEG = 1.0  # curated sites are drawn within this margin around the mapped places


def curated_places() -> list[Any]:
    """The curated layer (camps, crossings, air bases) as Candidates, from the gazetteer store."""
    from geokit.gazetteer.store import curated_places as from_store

    return from_store()


def map_places(documents: list[Any], records: list[Any], curated: bool = True) -> list[Any]:
    """Sites the reports name (camps, crossings, air bases, towns), and curated sites around them."""
    from geokit.maps.records import get, point_of

    named: dict[str, Any] = {}
    for d in documents:
        for t in getattr(d, "toponyms", []):
            if t.place is not None and t.kind == "literal" and t.place.kind in MAP_PLACE_KINDS:
                named.setdefault(t.place.id, t.place)
    if not curated:
        return list(named.values())
    pts = [(c.lat, c.lon) for c in named.values()]
    for r in records:
        for ref in (get(r, "place"), get(r, "origin"), get(r, "destination"), *(get(r, "via", []) or [])):
            pt, _ = point_of(ref)
            if pt is not None and pt.geo_precision <= 3:
                pts.append((pt.lat, pt.lon))
    if pts:
        m = CURATED_MARGIN_DEG
        s, w = min(p[0] for p in pts) - m, min(p[1] for p in pts) - m
        n, e = max(p[0] for p in pts) + m, max(p[1] for p in pts) + m
        for c in curated_places():
            if s <= c.lat <= n and w <= c.lon <= e:
                named.setdefault(c.id, c)
    return list(named.values())
