"""A geopy geocoder over the offline gazetteer.

``geopandas.tools.geocode(["Reyhanli", "Idlib"], provider=GeokitGeocoder)`` works with no
network: ``geocode`` resolves names with :func:`geokit.resolve`, ``reverse`` gives the
nearest populated place.
"""

from __future__ import annotations

from geopy.geocoders.base import DEFAULT_SENTINEL, Geocoder
from geopy.location import Location
from geopy.point import Point

from geokit.model import Candidate

__all__ = ["GeokitGeocoder"]


VIEWBOX_BONUS = 3.0  # prior units (log10 population) for a place inside the viewbox

# A best candidate below this is no answer: the parser's own threshold (geokit.parsing.parser.MIN_SCORE,
# kept equal by a test), so the geocoder and ``geokit.parse`` agree on what "no match" is.
MIN_SCORE = 0.2
# A loose match (transliteration or typo) with no country to vouch for it must win this share of the
# evidence: the parser accepts one only inside the report's geography, and a lone name has none.
LOOSE_MIN_SCORE = 0.5
LOOSE_MATCHES = frozenset({"transliteration", "fuzzy"})


class GeokitGeocoder(Geocoder):
    """geopy ``Geocoder`` backed by geokit's offline gazetteer (no HTTP, no API key, no rate limit).

    Pass the class or an instance wherever geopy geocoders go
    (``geopandas.tools.geocode(names, provider=GeokitGeocoder(country_codes=["TR", "SY"]))``).

    ``country_codes``: ISO 3166 alpha-2 code(s) to restrict every query to (as Nominatim's).
    ``min_score``: the best candidate's score below which ``geocode`` answers None (default: the
    parser's threshold). ``loose_min_score``: the same for a transliterated or misspelt match that
    no ``country_codes`` vouch for. ``Location.raw`` holds the candidate with its ``score`` and
    ``match``.
    """

    def __init__(self, *, country_codes=None, min_score: float = MIN_SCORE,
                 loose_min_score: float = LOOSE_MIN_SCORE, resolver=None, country=None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.country_codes = _codes(country_codes if country_codes is not None else country)
        self.min_score = float(min_score)
        self.loose_min_score = float(loose_min_score)
        self._resolver = resolver
        self._init = dict(country_codes=country_codes if country_codes is not None else country,
                          min_score=min_score, loose_min_score=loose_min_score, resolver=resolver, **kwargs)

    def __call__(self, **kwargs) -> GeokitGeocoder:
        """An instance stands in for its class: tools that call ``provider(**kwargs)`` (geopandas) get it
        back."""
        if not kwargs:
            return self
        return type(self)(**{**self._init, **kwargs})

    @property
    def country(self):  # the old name of country_codes
        return self.country_codes

    @property
    def resolver(self):
        if self._resolver is None:
            from geokit.gazetteer.resolver import default_resolver

            self._resolver = default_resolver()
        return self._resolver

    def geocode(self, query, *, exactly_one=True, timeout=DEFAULT_SENTINEL, limit=None, country_codes=None,
                kinds=None, country=None, viewbox=None, bounded=False):
        """Resolve a place name -> ``Location`` (or a list with ``exactly_one=False``); None when nothing
        fits.

        ``query``: a name ("Reyhanli"), "name, region, country" (the first part is resolved) or a dict
        of address parts. ``limit``: at most this many locations with ``exactly_one=False`` (default 5).
        ``country_codes``: code(s) for this query, replacing the instance's. ``kinds``: geokit kinds
        ("camp", "crossing"...). ``timeout`` is accepted for geopy compatibility; nothing goes over
        the network, so there is nothing to time out. ``viewbox`` (two corner points, ``[(lat, lon),
        (lat, lon)]`` or geopy ``Point``s) prefers the places inside it, as Nominatim's does: a preference,
        not a filter, unless ``bounded=True``.
        """
        if query is None or (isinstance(query, str) and not query.strip()):
            return None
        if isinstance(query, dict):
            query = ", ".join(str(v) for v in query.values() if v)
        name = str(query).split(",")[0].strip()
        codes = _codes(country_codes if country_codes is not None else country) or self.country_codes
        n = 1 if exactly_one else (int(limit) if limit else 5)
        box = _box(viewbox) if viewbox is not None else None
        if box is None:
            cands = self.resolver.resolve(name, country=codes or None, kinds=kinds, limit=max(n, 1))
        else:
            def inside(lat: float, lon: float) -> bool:
                return box[0] <= lat <= box[2] and box[1] <= lon <= box[3]

            cands = self.resolver.resolve(name, country=codes or None, kinds=kinds,
                                          limit=max(n, 25 if bounded else 1),
                                          bonus=lambda p: VIEWBOX_BONUS if inside(p.lat, p.lon) else 0.0)
            if bounded:
                cands = [c for c in cands if inside(c.lat, c.lon)]
        cands = [c for c in cands if self._believable(c, bool(codes))]
        if not cands or cands[0].score < self.min_score:
            return None
        locs = [_location(c) for c in cands[:n]]
        return locs[0] if exactly_one else locs

    def _believable(self, c: Candidate, vouched: bool) -> bool:
        if c.match in LOOSE_MATCHES and not vouched:
            return c.score >= self.loose_min_score
        return True

    def reverse(self, query, *, exactly_one=True, timeout=DEFAULT_SENTINEL, radius_km: float = 50.0):
        """Nearest populated place (within ``radius_km``) to a point; None when there is none."""
        pt = Point(query)
        hit = self.resolver.store.nearest(pt.latitude, pt.longitude, radius_km=radius_km)
        if hit is None:
            return None
        from geokit.gazetteer.store import to_candidate

        dist, p = hit
        loc = _location(to_candidate(p, score=1.0), distance_km=dist)
        return loc if exactly_one else [loc]


def _box(viewbox) -> tuple[float, float, float, float]:
    """(south, west, north, east) from two corner points in any order (geopy's viewbox)."""
    try:
        a, b = (Point(v) for v in viewbox)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"viewbox must be two (lat, lon) corner points, not {viewbox!r}") from exc
    return (min(a.latitude, b.latitude), min(a.longitude, b.longitude),
            max(a.latitude, b.latitude), max(a.longitude, b.longitude))


def _codes(value) -> list[str]:
    """Country codes from "TR", "tr,sy" or ["TR", "SY"] (upper-cased, order kept)."""
    if value is None:
        return []
    items = value.split(",") if isinstance(value, str) else list(value)
    return [str(x).strip().upper() for x in items if str(x).strip()]


def _location(c: Candidate, distance_km: float | None = None) -> Location:
    parts = [c.name] + [x for x in (c.admin1, c.country_code) if x]
    raw = c.to_dict()
    if distance_km is not None:
        raw["distance_km"] = round(distance_km, 3)
    return Location(", ".join(parts), (c.lat, c.lon, 0.0), raw)
