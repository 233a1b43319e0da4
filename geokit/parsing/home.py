"""The report's home region: where a report is from, read from the evidence a reader uses.

A reader of "COLUMBIA, Ky. (WBKO) - A Metcalfe County man ... of Edmonton" knows before the second
sentence that Edmonton is the Kentucky one. The evidence, strongest first:

- the dateline ("LONDON, Ky. (WKYT) —", "BEIRUT (AP) —"): where the report was filed;
- a prior the user gives for a collection whose home they know (``focus="US-TX"``, ``"Paris, Texas"``);
- first-level areas and counties/districts named ("Lamar County", "Hatay Province", "Ky.");
- local telephone numbers ("call 519-661-5670": Ontario; ``geokit.parsing.phones``);
- places the gazetteer alone places with confidence ("Atlanta", "Tbilisi").

:class:`Home` adds these up per country and per first-level area, each piece remembering the
mention form it came from so that a name never votes for itself. The context resolver turns the
shares into evidence for candidates inside or near the home region; a prior is evidence like the
rest, never a filter, so a plainly foreign place still resolves abroad.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass

from geokit.errors import ResolutionError
from geokit.gazetteer.geo import haversine_km

# How much each kind of evidence weighs (in mentions' worth).
W_DATELINE = 4.0  # the dateline place and its area
W_PRIOR = 4.0  # a focus given by the user
W_AREA = 1.5  # a first-level area or county named in the text (per mention, capped)
W_PLACE = 1.0  # a place the gazetteer alone places with confidence (per mention, capped)
W_PHONE = 1.5  # a telephone number of the area (per number, capped): as much as the area's abbreviation
MAX_MENTIONS = 3  # a name repeated ten times is not ten pieces of evidence
HOME_K = 2.0  # evidence (in mentions' worth) at which the home region counts half
POINT_KM = 150.0  # how far "near" the home point reaches (e-fold distance)

# "LONDON, Ky. (WKYT) —", "BEIRUT (AP) —", "COLUMBIA, Ky. (WBKO) -", "LOUISVILLE, KY--(Marketwire)",
# "ISTANBUL —": a place in capitals at the start of a line, an optional area, an optional outlet, a dash.
_HEAD = (r"(?P<place>[A-Z][A-Z’'.\-]+(?:[ \t]+[A-Z][A-Z’'.\-]+){0,3})"
         r"(?:,[ \t]*(?P<area>[A-Z][A-Za-z.]*(?:[ \t]+[A-Z][A-Za-z.]*){0,2}))?"
         r"[ \t]*(?:\((?P<outlet>[^()\n]{1,40})\)[ \t]*)?")
_DATELINE = re.compile(r"(?:^|(?<=[.!?][ \t]))[ \t\"“]*" + _HEAD + r"(?:—|–|--|-(?=[ \t])|:[ \t])",
                       re.MULTILINE)
# (after a sentence end too: scraped pages glue the headline to the dateline, "... assault. BANTAM — A ...")
# Scraped text often loses the dash: "WASHINGTON Barack Obama ...", "AUSTIN, Texas A white ...".
# Only at the very start of a text, and only before a capitalised word.
_OPENING = re.compile(r"\A\s*" + _HEAD + r"(?<=[\w.)])[ \t]+(?=[A-Z])")
DATELINE_WINDOW = 800  # a dateline opens the report (after a headline at most)


@dataclass(frozen=True, slots=True)
class Dateline:
    """Where a report says it was filed: the place span, the area span (if any) and the outlet."""

    start: int
    end: int
    place: str
    area_start: int = -1
    area_end: int = -1
    area: str = ""
    outlet: str = ""


def find_dateline(text: str) -> Dateline | None:
    """The report's dateline, if it opens with one (within the first lines)."""
    head = _OPENING.match(text)
    for m in ([head] if head else []) + list(_DATELINE.finditer(text, 0, min(len(text), DATELINE_WINDOW))):
        place = m.group("place").rstrip(".")
        if len(place.replace(".", "")) < 3 or place.isdigit():
            continue  # "AP", "US": too short to be a filing place
        area = (m.group("area") or "").strip()
        a0 = m.start("area") if area else -1
        return Dateline(m.start("place"), m.start("place") + len(place), place, a0,
                        a0 + len(area) if area else -1, area, (m.group("outlet") or "").strip())
    return None


@dataclass(frozen=True, slots=True)
class Region:
    """A home region: a country, a first-level area in it, and optionally a point (a place's)."""

    cc: str
    admin1: str = ""
    lat: float | None = None
    lon: float | None = None
    label: str = ""

    def describe(self) -> str:
        return self.label or ", ".join(x for x in (self.admin1, self.cc) if x)


class Home:
    """Evidence for the report's home region, added up per country and first-level area.

    Each piece is filed under the mention form that gave it (``form``; ``None`` for a user's prior
    and for the dateline, which every name may use), and the shares leave a form's own evidence out.
    """

    def __init__(self) -> None:
        self.cc: dict[str, float] = defaultdict(float)
        self.area: dict[tuple[str, str], float] = defaultdict(float)
        self.own: dict[object, list[tuple[str, str, float]]] = defaultdict(list)
        self.points: list[tuple[float, float, float, object]] = []  # lat, lon, weight, form
        self.total = 0.0
        self.why: list[tuple[str, object, str]] = []  # what the focus rests on (text, form, cc), for reasons

    def add(self, cc: str, admin1: str, weight: float, form: object = None, *, point=None,
            why: str = "") -> None:
        if not cc or weight <= 0:
            return
        self.cc[cc] += weight
        if admin1:
            self.area[(cc, admin1)] += weight
        self.total += weight
        if form is not None:
            self.own[form].append((cc, admin1, weight))
        if point is not None:
            self.points.append((point[0], point[1], weight, form))
        if why and (why, form, cc) not in self.why:
            self.why.append((why, form, cc))

    def _own(self, form, cc: str, admin1: str | None) -> tuple[float, float]:
        """(own weight for this cc or area, own total) of ``form``."""
        if form is None or form not in self.own:
            return 0.0, 0.0
        mine = self.own[form]
        tot = sum(w for _c, _a, w in mine)
        hit = sum(w for c, a, w in mine if c == cc and (admin1 is None or a == admin1))
        return hit, tot

    def country_share(self, cc: str, form=None) -> float:
        hit, tot = self._own(form, cc, None)
        total = self.total - tot
        return (self.cc.get(cc, 0.0) - hit) / total if total > 0 else 0.0

    def area_share(self, cc: str, admin1: str, form=None) -> float:
        if not admin1:
            return 0.0
        hit, tot = self._own(form, cc, admin1)
        total = self.total - tot
        return (self.area.get((cc, admin1), 0.0) - hit) / total if total > 0 else 0.0

    def strength(self, form=None) -> float:
        """How sure the home region is (0-1): the evidence of other forms, ``total / (total + HOME_K)``.
        Two confident places make a home half known; a dateline or a prior and a place, three quarters."""
        total = self.total - self._own(form, "", None)[1]
        return total / (total + HOME_K) if total > 0 else 0.0

    def nearness(self, lat: float, lon: float, form=None) -> float:
        """Weighted closeness (0-1) to the home points other forms gave."""
        num = den = 0.0
        for plat, plon, w, f in self.points:
            if f is not None and f == form:
                continue
            den += w
            num += w * math.exp(-haversine_km(lat, lon, plat, plon) / POINT_KM)
        return num / den if den else 0.0

    def top(self, form=None, prefer: str = "", prefer_area: str = "") -> Region | None:
        """The strongest area (or country) of the evidence, for reasons and reports: leaving out what
        ``form`` itself gave, and in country ``prefer`` when that country has evidence of other forms (the
        region that decided an answer there, not a stronger one elsewhere the answer did not follow)."""
        if not self.total:
            return None
        mine = self.own.get(form, []) if form is not None else []
        ccs = dict(self.cc)
        areas_w = dict(self.area)
        for c, a, w in mine:
            ccs[c] = ccs.get(c, 0.0) - w
            if a:
                areas_w[(c, a)] = areas_w.get((c, a), 0.0) - w
        ccs = {c: w for c, w in ccs.items() if w > 1e-9}
        if not ccs:
            return None
        cc = prefer if prefer in ccs else max(ccs, key=ccs.get)
        areas = [(w, a) for (c, a), w in areas_w.items() if c == cc and a != "*" and w > 1e-9]
        if prefer_area and any(a == prefer_area for _w, a in areas):
            return Region(cc, prefer_area)
        if areas:
            w, a = max(areas)
            if w >= 0.5 * ccs[cc]:
                return Region(cc, a)
        return Region(cc)

    def describe(self, form=None, prefer: str = "", prefer_area: str = "") -> str:
        """"Texas, US (dateline PARIS, Tex.; named Lamar County)": the region and what it rests on
        (leaving out what ``form`` itself gave; in country ``prefer`` and area ``prefer_area`` when they
        have evidence)."""
        r = self.top(form, prefer, prefer_area)
        if r is None:
            return ""
        # only the evidence for that region's country: a place abroad the report also names is no basis
        whys = list(dict.fromkeys(w for w, f, c in self.why if (f is None or f != form) and c == r.cc))
        own = ("dateline ", "prior", "phone ", "beside ")
        named = [w for w in whys if not w.startswith(own)]
        basis = [w for w in whys if w.startswith(own[:3])][:2]
        if named:
            basis.append("named " + ", ".join(named[:3]))
        beside = [w.removeprefix("beside ") for w in whys if w.startswith("beside ")]
        if beside:  # (``ContextResolver._namesake_cluster``)
            basis.append("namesakes side by side: " + ", ".join(beside[:3]))
        return r.describe() + (f" ({'; '.join(basis)})" if basis else "")

    def __bool__(self) -> bool:
        return self.total > 0


def as_weight(n: int, base: float) -> float:
    """Evidence of a form named ``n`` times."""
    return base * min(n, MAX_MENTIONS)


def resolve_prior(value, resolver) -> tuple[Region, ...]:
    """A user's prior as Regions: one focus (see :func:`resolve_focus`) or a list of them
    (["TR", "SY"]); a pair of numbers is a point, not a list."""
    if isinstance(value, list | tuple) and value and all(isinstance(v, str | Region) for v in value):
        return tuple(resolve_focus(v, resolver) for v in value)
    return (resolve_focus(value, resolver),)


def _show(value) -> str:
    """A value as an error message quotes it (cut short: a focus can be anything a user passed)."""
    r = repr(value)
    return r if len(r) <= 80 else r[:77] + "..."


_CODE = re.compile(r"^([A-Za-z]{2})(?:[-.]([^\W_][\w .'’-]*))?$")


def resolve_focus(value, resolver) -> Region:
    """A user's prior as a Region: a Region, a country code ("US"), a first-level area as
    "CC-CODE" ("US-TX", "CA-ON": the GeoNames admin1 code or the area's abbreviation), a place
    or area name ("Paris, Texas", "Hatay"), or a (lat, lon) point. ValueError when nothing fits."""
    if isinstance(value, Region):
        return value
    store = resolver.store
    if isinstance(value, tuple | list) and len(value) == 2:
        try:
            lat, lon = float(value[0]), float(value[1])
        except (TypeError, ValueError):
            lat = lon = math.nan
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise ResolutionError(f"focus point {_show(value)} is not a (lat, lon) pair")
        hit = store.nearest(lat, lon, kinds=("city", "town", "village"), radius_km=300.0)
        p = hit[1] if hit else None
        return Region(p.cc if p else "", p.admin1 if p else "", lat, lon, f"{lat:.3f},{lon:.3f}")
    if not isinstance(value, str) or not value.strip():
        raise ResolutionError("focus must be a country code, 'CC-AREA', a place name or a (lat, lon) pair, "
                              f"not {_show(value)}")
    text = value.strip()
    m = _CODE.match(text)
    if m:
        cc = m.group(1).upper()
        country = store.country(cc)
        if country is not None:
            if not m.group(2):
                return Region(cc, label=country.name)
            area = _area_by_code(store, cc, m.group(2).upper())
            if area is not None:
                return Region(cc, area, label=f"{area}, {cc}")
            raise ResolutionError(f"focus {_show(value)}: {country.name} has no first-level area with code "
                                  "or name "
                             f"{m.group(2)!r} (codes are GeoNames admin1 codes: US-TX, CA-08, TR-31)")
    head, _, tail = text.rpartition(",")
    box = None
    if head.strip() and tail.strip():
        found = resolver.resolve(tail.strip(), limit=1)
        box = found[0] if found and found[0].kind in ("country", "admin1") else None
        text = head.strip() if box is not None else text

    def inside(p) -> float:
        if box is None:
            return 0.0
        if box.kind == "country":
            return 6.0 if p.cc == box.country_code else 0.0
        return 6.0 if p.cc == box.country_code and p.admin1 == (box.admin1 or box.name) else 0.0

    cands = resolver.resolve(text, limit=1, bonus=inside if box is not None else None)
    if not cands:
        raise ResolutionError(f"focus {_show(value)}: no such country, area or place in the gazetteer")
    c = cands[0]
    label = ", ".join(x for x in (c.name, c.admin1 if c.kind != "admin1" else "", c.country_code) if x)
    if c.kind in ("country", "continent"):
        return Region(c.country_code, label=c.name)
    if c.kind == "admin1":
        return Region(c.country_code, c.admin1 or c.name, label=label)
    return Region(c.country_code, c.admin1, c.lat, c.lon, label)


def _area_by_code(store, cc: str, code: str) -> str | None:
    """The first-level area of ``cc`` whose GeoNames admin1 code, abbreviation or name is ``code``."""
    from geokit.gazetteer.text import fold

    for pid, nm, _pr in store.by_key(fold(code)):
        p = store.place(pid)
        if p is not None and p.kind == "admin1" and p.cc == cc and (
                nm.replace(".", "").upper() == code or len(code) > 3):
            return p.admin1 or p.name  # "US-TX" (an abbreviation the area carries) or "CA-Ontario" (a name)
    for p in store.features(["admin1"]):
        if p.cc == cc and p.admin1_code.upper() in (f"{cc}.{code}", code):
            return p.admin1 or p.name
    return None
