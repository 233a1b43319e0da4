"""A geopy geocoder over the offline gazetteer.

``geopandas.tools.geocode(["Reyhanli", "Idlib"], provider=GeokitGeocoder)`` works with no
network: ``geocode`` resolves names with :func:`geokit.resolve`, ``reverse`` gives the
nearest populated place.
"""

from __future__ import annotations

from geopy.geocoders.base import Geocoder
from geopy.location import Location
from geopy.point import Point

from geokit.model import Candidate

__all__ = ["GeokitGeocoder"]

VIEWBOX_BONUS = 3.0  # prior units (log10 population) for a place inside the viewbox


class GeokitGeocoder(Geocoder):
    """geopy ``Geocoder`` backed by geokit's offline gazetteer (no HTTP, no API key)."""

    def __init__(self, *, country=None, min_score: float = 0.0, resolver=None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.country = country
        self.min_score = min_score
        self._resolver = resolver

    @property
    def resolver(self):
        if self._resolver is None:
            from geokit.gazetteer.resolver import default_resolver

            self._resolver = default_resolver()
        return self._resolver

    def geocode(self, query, *, exactly_one=True, limit=None, country=None, kinds=None, timeout=None,
                country_codes=None, viewbox=None, bounded=False):
        """Resolve a place name; ``None`` when nothing fits (geopy's convention).

        As in geopy's Nominatim: ``country_codes`` (a code or a list) limits the results to those
        countries; ``viewbox`` (two corner points, ``[(lat, lon), (lat, lon)]`` or geopy ``Point``s)
        prefers places inside the box, and ``bounded=True`` keeps only those."""
        if query is None or (isinstance(query, str) and not query.strip()):
            return None
        if isinstance(query, dict):
            query = ", ".join(str(v) for v in query.values() if v)
        name = str(query).split(",")[0].strip() if "," in str(query) else str(query)
        n = 1 if exactly_one else (limit or 5)
        codes = [country_codes] if isinstance(country_codes, str) else list(country_codes or [])
        countries = [c.upper() for c in codes] or country or self.country
        box = _box(viewbox) if viewbox is not None else None
        if box is None:
            cands = self.resolver.resolve(name, country=countries, kinds=kinds, limit=n)
        else:
            def inside(p) -> bool:
                return box[0] <= p.lat <= box[2] and box[1] <= p.lon <= box[3]

            # a viewbox is a preference (geopy's default): the places inside it are the more likely ones
            cands = self.resolver.resolve(name, country=countries, kinds=kinds, limit=max(n, 25) if bounded else n,
                                          bonus=lambda p: VIEWBOX_BONUS if inside(p) else 0.0)
            if bounded:
                cands = [c for c in cands if box[0] <= c.lat <= box[2] and box[1] <= c.lon <= box[3]][:n]
        locs = [_location(c) for c in cands if c.score >= self.min_score]
        if not locs:
            return None
        return locs[0] if exactly_one else locs

    def reverse(self, query, *, exactly_one=True, radius_km: float = 50.0, timeout=None):
        """Nearest populated place (within ``radius_km``) to a point."""
        pt = Point(query)
        hit = self.resolver.store.nearest(pt.latitude, pt.longitude, radius_km=radius_km)
        if hit is None:
            return None
        from geokit.gazetteer.store import to_candidate

        dist, p = hit
        loc = _location(to_candidate(p, score=1.0), distance_km=dist)
        return loc if exactly_one else [loc]


def _location(c: Candidate, distance_km: float | None = None) -> Location:
    parts = [c.name] + [x for x in (c.admin1, c.country_code) if x]
    raw = c.to_dict()
    if distance_km is not None:
        raw["distance_km"] = round(distance_km, 3)
    return Location(", ".join(parts), (c.lat, c.lon, 0.0), raw)


def _box(viewbox) -> tuple[float, float, float, float]:
    """(south, west, north, east) from two corner points in any order (geopy's viewbox)."""
    try:
        a, b = (Point(v) for v in viewbox)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"viewbox must be two (lat, lon) corner points, not {viewbox!r}") from exc
    return (min(a.latitude, b.latitude), min(a.longitude, b.longitude),
            max(a.latitude, b.latitude), max(a.longitude, b.longitude))
