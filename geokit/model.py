"""Plain result types shared by every stage of the pipeline.

Data flows one way: gazetteer store -> resolver (Candidate) -> parser (Toponym, Document)
-> events (Event, Movement, Fact) -> exports and maps. Every stage takes and returns
these dataclasses, so each can be used, tested and replaced on its own.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field
from typing import Any

# How a name matched a gazetteer entry, best first.
MATCH_KINDS = ("exact", "alternate", "folded", "transliteration", "fuzzy")

# Kinds of gazetteer entries (coarse, for users and for cue words).
PLACE_KINDS = (
    "continent",
    "country",
    "admin1",
    "admin2",
    "city",
    "town",
    "village",
    "camp",
    "crossing",
    "airbase",
    "airport",
    "area",
    "feature",
)

# Kinds of toponym mentions (the seed gold's vocabulary).
TOPONYM_KINDS = ("literal", "metonymic", "demonym", "embedded", "non_toponym")


@dataclass(slots=True, frozen=True)
class Candidate:
    """One gazetteer entry proposed for a name, with a calibrated score in [0, 1].

    ``id`` is geokit's stable key ("gn:302355", "cur:apaydin-camp", "icao:LTAG");
    ``geonameid`` is the GeoNames id where the entry has one, else None.
    """

    id: str
    geonameid: int | None
    name: str
    lat: float
    lon: float
    feature_class: str
    feature_code: str
    country_code: str
    admin1: str
    population: int
    kind: str
    source: str
    score: float = 0.0
    match: str = "exact"
    matched_name: str = ""
    bbox: tuple[float, float, float, float] | None = None  # (south, west, north, east) of an area

    @property
    def point(self) -> tuple[float, float]:
        return (self.lat, self.lon)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Toponym:
    """A place-name mention in a text: character span, kind, and its resolution.

    ``place`` is None when nothing in the gazetteer fits well enough ("no match");
    ``reason`` then says why and ``candidates`` keeps the best ones considered.
    """

    start: int
    end: int
    text: str
    kind: str = "literal"
    place: Candidate | None = None
    score: float = 0.0
    reason: str = ""
    candidates: list[Candidate] = field(default_factory=list)

    @property
    def resolved(self) -> bool:
        return self.place is not None

    def to_dict(self) -> dict[str, Any]:
        """The flat record of ``geokit parse --jsonl``."""
        p = self.place
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "geonameid": p.geonameid if p else None,
            "id": p.id if p else None,
            "name": p.name if p else None,
            "lat": p.lat if p else None,
            "lon": p.lon if p else None,
            "feature_code": p.feature_code if p else None,
            "country_code": p.country_code if p else None,
            "admin1": p.admin1 if p else None,
            "score": round(self.score, 4),
            **({"reason": self.reason} if self.reason else {}),
        }


@dataclass(slots=True)
class Document:
    """A parsed report: its text, published date and the toponyms found in it."""

    text: str
    id: str = ""
    published: dt.date | None = None
    toponyms: list[Toponym] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # names that looked like places and are not (kind person/organisation/media/word, place None,
    # ``reason`` naming the rule that decided): the parse's account of what it left out
    dropped: list[Toponym] = field(default_factory=list)

    def to_dict(self, *, dropped: bool = False) -> dict[str, Any]:
        d = {"id": self.id, "toponyms": [t.to_dict() for t in self.toponyms]}
        if dropped:
            d["dropped"] = [t.to_dict() for t in self.dropped]
        return d

    def to_geodataframe(self):
        """Resolved toponyms as a GeoDataFrame (EPSG:4326); unresolved ones have no geometry."""
        import geopandas as gpd
        from shapely.geometry import Point

        rows = [dict(t.to_dict(), doc=self.id) for t in self.toponyms]
        geom = [Point(r["lon"], r["lat"]) if r["lat"] is not None else None for r in rows]
        cols = ["doc", "start", "end", "text", "kind", "geonameid", "id", "name", "lat", "lon",
                "feature_code", "country_code", "admin1", "score"]
        return gpd.GeoDataFrame(rows, columns=cols, geometry=geom, crs="EPSG:4326")


# ---------------------------------------------------------------- events layer

# ACLED/UCDP-like geo-precision: 1 exact town/site, 2 near a town or part of a region,
# 3 first-level admin region, 4 country.
GEO_PRECISION = {1: "exact", 2: "near", 3: "admin region", 4: "country"}


@dataclass(slots=True, frozen=True)
class PlaceRef:
    """A resolved place as events and movements cite it."""

    name: str
    lat: float | None
    lon: float | None
    geonameid: int | None = None
    geo_precision: int = 1
    country_code: str = ""
    admin1: str = ""
    feature_code: str = ""
    id: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "geonameid": self.geonameid,
            "lat": self.lat,
            "lon": self.lon,
            "geo_precision": self.geo_precision,
            "country_code": self.country_code or None,
            "admin1": self.admin1 or None,
        }


@dataclass(slots=True)
class Source:
    """Where in which report a record was read, with that report's own figures."""

    doc: str
    start: int
    end: int
    text: str
    counts: dict[str, Any] = field(default_factory=dict)
    date: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"doc": self.doc, "start": self.start, "end": self.end, "text": self.text,
                "counts": self.counts, **({"date": self.date} if self.date else {})}


@dataclass(slots=True, frozen=True)
class Link:
    """Why a source was merged into a record: explainable linking."""

    doc: str
    why: str

    def to_dict(self) -> dict[str, Any]:
        return {"doc": self.doc, "why": self.why}


@dataclass(slots=True, kw_only=True)
class Record:
    """Common shape of events, movements and facts (see ``geokit events --jsonl``).

    ``counts`` maps a label to a number or a [low, high] range; after linking, a label
    whose sources disagree holds every distinct figure in a list of values under
    ``sources[i].counts`` while the top-level value is the first source's.
    """

    kind: str  # "event" | "movement" | "fact"
    id: str
    type: str
    date: str | None = None  # ISO date of the (earliest) day meant
    date_precision: str = "unknown"  # day | week | month | year | unknown
    place: PlaceRef | None = None
    origin: PlaceRef | None = None
    destination: PlaceRef | None = None
    via: list[PlaceRef] = field(default_factory=list)
    who: str = ""
    counts: dict[str, Any] = field(default_factory=dict)
    confidence: float = 0.5
    sources: list[Source] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    notes: str = ""
    types: list[str] = field(default_factory=list)  # every fair reading, ``type`` first
    rule: str = ""  # id of the trigger rule that produced it (rules/triggers.toml or a user file)
    acled: dict[str, str] = field(default_factory=dict)  # {"event_type", "sub_event_type"}, ACLED's names
    fatalities: int | None = None  # deaths the report gives (lowest figure of a range), None when none
    actors: dict[str, str] = field(default_factory=dict)  # {"actor1": perpetrator, "actor2": target}

    def to_dict(self) -> dict[str, Any]:
        def pr(p: PlaceRef | None):
            return p.to_dict() if p else None

        return {
            "kind": self.kind,
            "id": self.id,
            "type": self.type,
            "date": self.date,
            "date_precision": self.date_precision,
            "place": pr(self.place),
            "origin": pr(self.origin),
            "destination": pr(self.destination),
            "via": [v.to_dict() for v in self.via],
            "who": self.who,
            "counts": self.counts,
            "confidence": round(self.confidence, 3),
            "sources": [s.to_dict() for s in self.sources],
            "links": [link.to_dict() for link in self.links],
            "types": list(self.types),
            "rule": self.rule,
            "acled": dict(self.acled),
            "fatalities": self.fatalities,
            "actors": dict(self.actors),
            "geo_precision": _acled_geo(self),
            "time_precision": _TIME_CODE.get(self.date_precision),
            "notes": self.notes,
        }


_TIME_CODE = {"day": 1, "week": 2, "month": 3, "year": 3}  # ACLED time_precision codes


def _acled_geo(r: Record) -> int | None:
    """ACLED geo_precision (1 town, 2 near/part, 3 region or country) of the record's main place."""
    p = r.place or r.destination or r.origin
    return None if p is None else min(3, max(1, p.geo_precision))


@dataclass(slots=True, kw_only=True)
class Event(Record):
    """Something that happened at a place and time (defection, meeting, protest...)."""

    kind: str = "event"


@dataclass(slots=True, kw_only=True)
class Movement(Record):
    """People moving origin -> (via) -> destination, with counts."""

    kind: str = "movement"


@dataclass(slots=True, kw_only=True)
class Fact(Record):
    """A stock or standing figure about a place ("Turkey is housing 35,000"), not an event."""

    kind: str = "fact"


_SURROGATES = re.compile("[\ud800-\udfff]")


def replace_surrogates(s: str) -> tuple[str, int]:
    """``s`` with every lone surrogate (valid in JSON, not encodable as UTF-8) replaced by U+FFFD,
    and how many there were.

    Why: one such character in one report used to make every output unwritable; replaced at the
    door, it costs that report one visible character and nobody anything else.
    """
    if s.isascii():
        return s, 0
    try:
        s.encode("utf-8")
        return s, 0
    except UnicodeEncodeError:
        return _SURROGATES.subn("\ufffd", s)
