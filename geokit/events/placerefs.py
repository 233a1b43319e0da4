"""Places as events cite them: resolved toponyms -> PlaceRef with an ACLED-like geo-precision.

Why: an event needs one place and an honest statement of how exact it is. Precision is
1 for a town, site, camp or crossing; 2 for a district, an area, or wording that only
puts the event near a place or in part of it ("near Idlib", "southern Turkey"); 3 for a
first-level admin region; 4 for a country. Comparisons for linking ("Reyhanli ~ Hatay,
same admin1") live here too so that extraction and linking agree on what contains what.
"""

from __future__ import annotations

import re

from geokit.gazetteer.geo import haversine_km
from geokit.model import Candidate, PlaceRef, Toponym

_KIND_LEVEL = {"continent": 4, "country": 4, "admin1": 3, "admin2": 2, "area": 2, "feature": 2,
               "city": 1, "town": 1, "village": 1, "camp": 1, "crossing": 1, "airbase": 1, "airport": 1}
# Wording before a name that makes the place approximate ("near a town, part of a region").
_APPROX_BEFORE = re.compile(
    r"\b(?:near|nearby|outside|around|close to|north of|south of|east of|west of|(?:north|south|east|west)"
    r"(?:ern|east|west|eastern|western)?|central|border with|along the border with|"
    r"the outskirts of|outskirts of)"
    r"\s+(?:the\s+)?(?:\w+\s+)?$",
    re.I,
)
_PART_AFTER = re.compile(
    r"^['’]s\s+(?:border|border region|outskirts|countryside|north|south|east|west)\b", re.I
)


def level_of_candidate(c: Candidate) -> int:
    """Base precision (1 site .. 4 country) of a gazetteer entry, from its kind or feature code."""
    if c.kind in _KIND_LEVEL:
        return _KIND_LEVEL[c.kind]
    return level_of_code(c.feature_code)


def level_of_code(code: str) -> int:
    code = (code or "").upper()
    if code.startswith("PCL") or code in ("CONT", "TERR"):
        return 4
    if code == "ADM1" or code == "ADM1H":
        return 3
    if code.startswith("ADM") or code in ("RGN", "AREA", "ZN", "PRK", "MTS", "VAL", "DSRT", "PLN"):
        return 2
    if code:
        return 1
    return 2


def level(p: PlaceRef) -> int:
    """Base precision of a PlaceRef (what the place is, not how the report worded it)."""
    return level_of_code(p.feature_code) if p.feature_code else p.geo_precision


def precision_in_text(text: str, start: int, end: int, base: int) -> int:
    """Geo-precision of a mention: its base level, or 2 when worded as near/part of the place."""
    before = text[max(0, start - 40):start]
    after = text[end:end + 30]
    if _APPROX_BEFORE.search(before) or _PART_AFTER.match(after):
        return 2 if base != 2 else 2
    return base


def to_placeref(c: Candidate, geo_precision: int | None = None) -> PlaceRef:
    """A PlaceRef for a gazetteer entry."""
    return PlaceRef(
        name=c.name, lat=c.lat, lon=c.lon, geonameid=c.geonameid,
        geo_precision=geo_precision if geo_precision is not None else level_of_candidate(c),
        country_code=c.country_code or "", admin1=c.admin1 or "", feature_code=c.feature_code or "",
        id=c.id or "")


def toponym_placeref(t: Toponym, text: str) -> PlaceRef | None:
    """The PlaceRef of a resolved mention, its precision read from the wording around it."""
    if t.place is None:
        return None
    base = level_of_candidate(t.place)
    return to_placeref(t.place, precision_in_text(text, t.start, t.end, base))


def same_place(a: PlaceRef, b: PlaceRef) -> bool:
    if a.id and b.id and a.id == b.id:
        return True
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    return a.name == b.name and a.lat == b.lat and a.lon == b.lon


def _admin_key(p: PlaceRef) -> str:
    a = p.admin1 or ""
    if a and "." not in a and p.country_code:
        a = f"{p.country_code}.{a}"
    return a


def distance_km(a: PlaceRef, b: PlaceRef) -> float | None:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    return haversine_km(a.lat, a.lon, b.lat, b.lon)


def relation(a: PlaceRef, b: PlaceRef) -> tuple[str, str]:
    """How two places relate: (verdict, words) with verdict same|contains|admin1|near|far|conflict."""
    if same_place(a, b):
        return "same", f"{a.name} = {b.name}"
    la, lb = level(a), level(b)
    ca, cb = a.country_code, b.country_code
    if ca and cb and ca != cb:
        return "conflict", f"{a.name} vs {b.name} (different countries)"
    if ca and ca == cb:
        if la == 4 or lb == 4:
            return "contains", f"{a.name} ~ {b.name} (same country)"
        ka, kb = _admin_key(a), _admin_key(b)
        if ka and ka == kb:
            return "admin1", f"{a.name} ~ {b.name} (same admin1)"
        if ka and kb and (la == 3 or lb == 3):
            # a province never contains another's town
            return "far", f"{a.name} vs {b.name} (different admin1)"
    d = distance_km(a, b)
    if d is not None:
        if d <= 50:
            return "near", f"{a.name} ~ {b.name} ({d:.0f} km apart)"
        if la >= 3 or lb >= 3:
            return ("contains" if d <= 250 else "far"), f"{a.name} ~ {b.name} ({d:.0f} km)"
        return "far", f"{a.name} vs {b.name} ({d:.0f} km apart)"
    return "far", f"{a.name} vs {b.name}"


def more_specific(a: PlaceRef | None, b: PlaceRef | None) -> PlaceRef | None:
    """The more exact of two places (lower base level, then lower geo-precision)."""
    if a is None:
        return b
    if b is None:
        return a
    return b if (level(b), b.geo_precision) < (level(a), a.geo_precision) else a
