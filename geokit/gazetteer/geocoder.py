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

    def geocode(self, query, *, exactly_one=True, limit=None, country=None, kinds=None, timeout=None):
        """Resolve a place name; ``None`` when nothing fits (geopy's convention)."""
        if query is None or (isinstance(query, str) and not query.strip()):
            return None
        if isinstance(query, dict):
            query = ", ".join(str(v) for v in query.values() if v)
        name = str(query).split(",")[0].strip() if "," in str(query) else str(query)
        n = 1 if exactly_one else (limit or 5)
        cands = self.resolver.resolve(name, country=country or self.country, kinds=kinds, limit=n)
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
