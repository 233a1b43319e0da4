"""Resolution in the document's context: every mention of a report resolved together.

Evidence beyond the name itself: the report's home region (``home``: dateline, a user's prior, areas
named, confidently placed places, namesakes side by side), its country focus and the countries it names,
admin consistency ("X, Y" containers and areas named), the area where the report's other names have
namesakes (a place's own name there beats a far place's alternate), spatial coherence with the report's
other places, and one sense per discourse. A weak best
candidate gives ``place=None`` with a reason; a candidate that context chose over the context-free
favourite says so in its ``reason``.
"""

from __future__ import annotations

import logging
import math
import re
from collections import Counter
from dataclasses import dataclass, field

from geokit.gazetteer.geo import haversine_km
from geokit.gazetteer.resolver import Resolver
from geokit.gazetteer.store import PlaceRecord, to_candidate
from geokit.gazetteer.text import CUE_KINDS, fold, strip_type_words
from geokit.model import Candidate, Toponym
from geokit.parsing.calibration import calibrated, extent_km
from geokit.parsing.home import (
    W_AREA,
    W_DATELINE,
    W_PHONE,
    W_PLACE,
    W_PRIOR,
    Home,
    Region,
    as_weight,
    find_dateline,
)
from geokit.parsing.lexicon import PatternRule
from geokit.parsing.phones import find_phones

log = logging.getLogger(__name__)

MIN_SCORE = 0.2  # below this the best candidate is reported as "no match"
CUE_MISMATCH = 0.6  # score factor when a "County"/"Province" name lands on a place of another kind
ANCHOR_WEIGHT = 2.0  # prior units for a candidate next to a confidently placed place of the same report
CONTAINER_BONUS = 6.0  # "X, Y": X inside Y is nearly certain
ADMIN2_IN_ADMIN1_BONUS = 3.0  # a county of a state the report names: second-level names repeat across states
TIE_MARGIN = 0.05  # first guesses closer than this are a tie: neither is what the text says
ALL_NAMESAKES = 40  # candidates kept for a county-like name or a name with a container, for containment
_BOXED = ("admin2", "region")  # areas known by a bounding box (counties, districts, regions)
MUTUAL_WEIGHT = 2.0  # prior units for a namesake next to a namesake of another ambiguous name of the report
MUTUAL_KM = 25.0
MUTUAL_CANDS = 5
COUNTY_PAIR_WEIGHT = 3.0  # prior units for a county per town of the report it holds (two at most)
TOWN_IN_COUNTY_WEIGHT = 4.0  # prior units for a town that a county named in the same report holds
ABSENT_RIVAL_NEAR = 0.5  # home nearness at which a town beats a namesake country the report never mentions
# a place carrying the name as its own in the first-level area the report's other names cluster in, against
# a favourite that only lists the name among its alternates (an old or foreign name) where nothing else is
LOCAL_EXACT_SUPPORT = 0.6  # summed shares of the report's other names for that area
LOCAL_EXACT_RIVAL = 0.25  # the favourite's area may have at most this share of the local one's support
LOCAL_EXACT_ANCHOR_KM = 300.0  # and no confidently placed place of the report this close to it
# a namesake counts as a pointer to its area only if its name's gazetteer odds give it a real chance: a
# world city's many small namesakes in one state ("Delhi", "Lima", "Warsaw", New York) are no home
LOCAL_SPOT_MIN = 0.1
LEAD_SHARE = 0.3  # the share of the report's country focus at which a country it names leads it
SURE_INSIDE = 0.85  # a first guess this sure, inside a first-level area, says the report is there
SIBLING_AREAS = 2  # other first-level areas of one country the report names, for a namesake country to yield
# namesakes side by side (``_namesake_cluster``): names, distance, how far apart their favourites lie
CLUSTER_NAMES = 3
CLUSTER_KM = 40.0
CLUSTER_SPREAD_KM = 1500.0
CLUSTER_SURE = 0.9  # a name its gazetteer favourite holds this surely is home evidence of its own
W_CLUSTER = 1.0  # home evidence per name of the cluster, as much as a confidently placed place
CLUSTER_WEAK_HOME = 3.0  # home evidence (in mentions' worth) below which namesakes side by side are read
SETTLED = 0.75  # an answer context made this sure, from a first guess under 0.5, reads the home again
SURE_ANSWER = 0.9  # a name the gazetteer alone is this sure of keeps its answer when the home is read again
SAME_SENTENCE_CHARS = 200  # a state named this shortly before a county, in the same sentence, is its state
SAME_SENTENCE_BONUS = 1.5
LEAD_GAP = 2.5  # prior units (log10 people): a namesake that much smaller than the favourite is not lifted
# a town known by the name only as an alternate (an old, local or foreign name), far from everything the
# report places and in a country it never points to, is no answer unless it is this big ("Cobra" for a
# Philippine town in a London story); world cities' exonyms ("Cologne", "Lisbon") stay
FAR_ALTERNATE_POP = 100_000
LOCAL_EXACT_GAP = 2.0  # prior units (log10 people) by which another place of the same own name outweighs it
_TOWNS = ("city", "town", "village")
# waters a type word names ("Baltic Sea", "Pacific Ocean"): no settlement stands for them (a town named after
# a lake or river mostly lies on it, "Erie" on Lake Erie, and is kept)
_NATURAL = ("sea", "ocean")
# believed as a namesake town in the report's countries only
_FEATURES = ("island", "lake", "river", "mountain")
_AREAS = ("country", "continent", "admin1", "admin2")
LIST_BONUS = 4.0  # a name in a list of states (or countries) is one too
# a name written with its government ("the Quebec government", "New York Gov.", "the Government of Alberta")
# is a country or a first-level area, not its namesake city; one such mention decides the report's others
POLITY_BONUS = 8.0
# The report's home region, in prior units at full share (see ``geokit.parsing.home``).
HOME_COUNTRY = 1.0  # a candidate in the home country
HOME_AREA = 5.0  # a candidate in (or being) the home first-level area
HOME_NEAR = 2.0  # a candidate next to the home points (dateline place, prior place, confident places)

@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str
    name: str  # what is looked up (span text, type words included)
    kind: str = "literal"
    cue: str = ""
    demonym_cc: str = ""
    abbr_cc: str = ""
    unknown: bool = False  # a cue says place but the gazetteer has no such name
    notes: list[str] = field(default_factory=list)
    container: Mention | None = None  # "Edmonton, Ky.": the place named right after a comma



_COMMA_GAP = re.compile(r"^\s*,\s*$")


_POSSESSIVE_GAP = re.compile(r"^[’']s\s+$")


def link_containers(text: str, mentions: list[Mention]) -> None:
    """'X, Y' pairs (town, province / town, country / district, city): Y is a candidate container
    of X; "X's Y" ("London's Heathrow", "Turkey's Hatay province"): X holds Y."""
    for a, b in zip(mentions, mentions[1:], strict=False):
        if a.kind == "demonym" or b.kind == "demonym":
            continue
        gap = text[a.end:b.start]
        if _COMMA_GAP.match(gap):
            a.container = b
        elif _POSSESSIVE_GAP.match(gap) and b.container is None:
            b.container = a


class Focus:
    """The report's country focus: shares of the countries its names point to, each name's own vote
    left out when that name is the one being resolved."""

    def __init__(self, votes: Counter, own: dict) -> None:
        self.votes, self.own, self.total = votes, own, sum(votes.values())

    def share(self, cc: str, form: tuple = ()) -> float:
        occ, ov = self.own.get(form, ("", 0.0))
        total = self.total - ov
        if total <= 0:
            return 0.0
        return (self.votes.get(cc, 0.0) - (ov if occ == cc else 0.0)) / total

    def get(self, cc: str, default: float = 0.0) -> float:
        return self.share(cc) if self.total else default


class ContextResolver:
    """Resolves a document's mentions together (country focus, admin consistency, coherence)."""

    def __init__(self, resolver: Resolver) -> None:
        self.resolver = resolver
        self.store = resolver.store

    def resolve(self, mentions: list[Mention], *, text: str = "", prior=None) -> list[Toponym]:
        """Toponyms for ``mentions`` of ``text``; ``prior`` is a user's home region for the report
        (a Region or several, which share the prior's weight)."""
        forms: dict[tuple[str, str], list[Mention]] = {}
        for m in mentions:
            forms.setdefault((fold(m.name), m.cue), []).append(m)
        # pass 1: context-free candidates per form
        first: dict[tuple[str, str], list[Candidate]] = {}
        for f, ms in forms.items():
            m = ms[0]
            try:
                first[f] = self._candidates(m, None)
            except Exception as exc:  # one bad mention never spoils the rest
                log.warning("resolving %r failed: %s", m.text, exc)
                first[f] = []
        # "X, Y": Y's candidates that are areas may hold X; X's candidates may lie in one of them
        holders: dict[tuple, list[Candidate]] = {}  # form of X -> area candidates of its Ys
        held: dict[tuple, list[Candidate]] = {}  # form of Y -> plausible candidates of its Xs
        dl = find_dateline(text) if text else None
        dl_area = self._dateline_area(dl, forms, first, holders) if dl is not None else None
        siblings = _list_kinds(text, mentions, first) if text else {}
        polity = {f for f, ms in forms.items() if text and any(_polity(text, m) for m in ms)}
        for f, ms in forms.items():
            for m in ms:
                if m.container is None:
                    continue
                cf = (fold(m.container.name), m.container.cue)
                if f in siblings or cf in siblings:
                    continue  # "Guinea-Bissau, Niger, Nigeria and Togo": a list, not a place and its area
                ys = first.get(cf) or []
                if (ys and ys[0].kind not in ("country", "admin1", "admin2")
                        and _LIST_GOES_ON.match(text[m.container.end:m.container.end + 40])):
                    continue  # "from Paris, Oxford and Norway": a list goes on after a town (no town, area)
                xs = first.get(f) or []
                country_x = bool(xs) and xs[0].kind == "country" and xs[0].score >= 0.5
                # a country sits in no country: "in Russia, U.S. officials said" is no pair
                holders.setdefault(f, []).extend(c for c in first.get(cf) or [] if c.kind == "admin1"
                                                 or (c.kind == "country" and not country_x)
                                                 or (c.kind in ("city", "town") and c.score >= 0.05)
                                                 or (c.kind in _BOXED and c.bbox is not None))
                if xs and xs[0].kind not in ("country", "continent", "admin1"):
                    # a county ("Manchester, Clay County") may hold any namesake: all of them count
                    held.setdefault(cf, []).extend(xs if _county_form(cf)
                                                   else [c for c in xs[:3] if c.score >= 0.1])

        # what each name most likely is before the rest of context: its gazetteer favourite, or the
        # favourite that lies in the area written after it ("Surrey, UK", "Guildford, Surrey")
        tops: dict[tuple, tuple[Candidate, float]] = {}
        for f, cands in first.items():
            inner = [c for c in cands if any(
                inside(c.country_code, c.admin1, c.lat, c.lon, h.kind, h.country_code, h.admin1 or h.name,
                        h.lat, h.lon,
                        h.bbox)
                for h in holders.get(f, ()) if h.id != c.id)] if f in holders else []
            if inner:
                tops[f] = (inner[0], max(inner[0].score, 0.9))
            elif cands:
                tops[f] = (cands[0], cands[0].score)
        self._demonyms_in_context(forms, first, tops)
        focus, admins, anchors, chosen = self._context(forms, tops)
        home = self._home(forms, tops, text, prior, dl, dl_area)
        # namesakes side by side: home evidence where the rest is weak (a dateline, a prior, an area named or
        # a few sure places already say where the report is)
        cluster = self._namesake_cluster(forms, first) if home.total < CLUSTER_WEAK_HOME else []
        for cc, a1, f, point, why in cluster:
            home.add(cc, a1, W_CLUSTER, f, point=point, why=why)

        # one sense per discourse: "Hatay Province" early on says what a later bare "Hatay" is
        by_core: dict[str, set[tuple[str, tuple]]] = {}  # core -> (place id, the form that said so)
        # "Lebanon County" early on: a later bare "Lebanon" is the place of that name inside the county
        core_boxes: dict[str, list[Candidate]] = {}
        for (fkey, _cue), cands in first.items():
            core = fold(strip_type_words(fkey)[0]) or fkey
            tied = len(cands) > 1 and cands[1].score >= cands[0].score - TIE_MARGIN
            # (two Laurens Counties at 0.5 each: the first of a tie is no sense the text said)
            if cands and cands[0].score >= 0.5 and not tied and (core != fkey or _cue):
                by_core.setdefault(core, set()).add((cands[0].id, (fkey, _cue)))
                if cands[0].kind == "admin2" and cands[0].bbox is not None:
                    core_boxes.setdefault(core, []).append(cands[0])

        # the first-level area named just before a name in its sentence ("in Michigan on the coast of Lake
        # Erie ... in Monroe County"): of the states a report names, the one the sentence is about
        said_in: dict[tuple, set[tuple[str, str]]] = {}
        if text and len(admins) > 1:
            areas_at = sorted((m.end, tops[g][0]) for g, ms in forms.items() if g in tops
                              and tops[g][0].kind == "admin1" and tops[g][1] >= 0.8 for m in ms)
            for f, ms in forms.items():
                for m in ms:
                    for end, a in areas_at:
                        if end <= m.start and m.start - end <= SAME_SENTENCE_CHARS and not re.search(
                                r"[.!?]\s", text[end:m.start]):
                            said_in.setdefault(f, set()).add((a.country_code, a.admin1 or a.name))

        def bonus(p: PlaceRecord, core: str = "", form: tuple = ()) -> float:
            # evidence from the report's OTHER names only: a first guess never votes for itself
            b = 1.5 * focus.share(p.cc, form)
            if core and any(i == p.id and (g != form or _titled_type(forms[g][0].text))
                            for i, g in by_core.get(core, ())) and form not in polity:
                # (another form's word, or a type word that is part of the proper name, "Hatay Province": a
                # common noun after a name, "Hamilton city council", does not vouch for its own first guess)
                # (a form worded as a government, "New York Gov.", is the state whatever "New York City" says)
                b += 4.0
            elif core in core_boxes and p.kind in _TOWNS and any(
                    inside(p.cc, p.admin1, p.lat, p.lon, "admin2", c.country_code, "", c.lat, c.lon, c.bbox)
                    for c in core_boxes[core]):
                b += 4.0
            if (p.cc, p.admin1) in admins and p.kind != "admin1":
                # of a dozen Monroe Counties, the one in the state the report names (a county-like name
                # only: a bare "Reyhanli" is still the town, not its district)
                b += ADMIN2_IN_ADMIN1_BONUS if p.kind == "admin2" and form and _county_form(form) else 1.0
                if (p.cc, p.admin1) in said_in.get(form, ()) and p.kind == "admin2":
                    b += SAME_SENTENCE_BONUS
            if chosen.get(p.id, set()) - {form}:
                b += 1.0
            others = [a for a in anchors if a[2] != form]
            if others and p.kind not in ("country", "continent"):
                d = min(haversine_km(p.lat, p.lon, a[0], a[1]) for a in others)
                b += ANCHOR_WEIGHT * math.exp(-d / 150.0)
            return b

        # two ambiguous names with namesakes next to each other ("Edmonton" and "Enfield" in North
        # London): each is the other's evidence, since rare namesakes seldom sit side by side by chance
        loose = {f: [(c.lat, c.lon, c.id) for c in cands[:MUTUAL_CANDS] if c.kind not in _AREAS]
                 for f, cands in first.items() if cands and cands[0].score < 0.9 and len(cands) > 1}

        def mutual(p: PlaceRecord, form: tuple) -> float:
            if form not in loose or p.kind in _AREAS:
                return 0.0
            best = 0.0
            for g, pts in loose.items():
                if g == form:
                    continue
                for lat, lon, cid in pts:
                    if cid != p.id and abs(lat - p.lat) < 1.0 and abs(lon - p.lon) < 1.5:
                        best += math.exp(-haversine_km(p.lat, p.lon, lat, lon) / MUTUAL_KM)
                        break
            return MUTUAL_WEIGHT * min(best, 1.5)

        # a county and a town of the same report that fit each other ("Rochester police ... Monroe County
        # prosecutors"): of seventeen Monroe Counties and a few Rochesters, the county that holds the town
        counties = {f: [c for c in cands if c.kind in ("admin2", "admin1")]
                    for f, cands in first.items() if cands and _county_form(f)}
        towns = {f: [c for c in cands if c.kind in _TOWNS]
                 for f, cands in first.items() if cands and counties and not _county_form(f)}

        def county_pair(p: PlaceRecord, form: tuple, rival: float | None = None,
                        absent: bool = False) -> float:
            if p.kind in ("admin2", "admin1") and form in counties:
                # one point per town of the story it holds (a namesake among a town's first few will do)
                return COUNTY_PAIR_WEIGHT * min(2, sum(
                    any(_in_county(c.country_code, c.lat, c.lon, p.cc, p.lat, p.lon, p.bbox) for c in cs)
                    for g, cs in towns.items() if g != form))
            if p.kind in _TOWNS and form in towns:
                fits = any(_in_county(p.cc, p.lat, p.lon, c.country_code, c.lat, c.lon, c.bbox)
                           for g, cs in counties.items() if g != form for c in cs)
                if fits and absent and rival is not None:
                    # "Wilson County deputies ... in Lebanon": the town the story's county holds, over a
                    # namesake country that nothing else in the story points to
                    return TOWN_IN_COUNTY_WEIGHT + max(0.0, rival - p.prior) + 1.0
                return TOWN_IN_COUNTY_WEIGHT if fits else 0.0
            return 0.0

        # where each name's namesakes lie, by first-level area: the share of its best namesake there
        area_of: dict[tuple, dict[tuple[str, str], float]] = {}
        for f, cands in first.items():
            if forms[f][0].demonym_cc or forms[f][0].abbr_cc:
                continue
            spots: dict[tuple[str, str], float] = {}
            for c in cands:
                a1 = c.admin1 or (c.name if c.kind == "admin1" else "")
                if c.kind not in ("country", "continent") and a1 and c.score >= LOCAL_SPOT_MIN:
                    spots[(c.country_code, a1)] = max(spots.get((c.country_code, a1), 0.0), c.score)
            area_of[f] = spots

        def area_names(cc: str, admin1: str, form: tuple) -> list[str]:
            """The report's other names with a namesake in that area, as written (for reasons)."""
            return [forms[g][0].text for g, spots in area_of.items() if g != form and (cc, admin1) in spots]

        def area_support(cc: str, admin1: str, form: tuple) -> float:
            """How strongly the report's OTHER names point to a first-level area, each by its namesake
            there (Danbury 0.7 and New Milford 0.3 both have one in Connecticut): a home read from names
            none of which is sure on its own."""
            return sum(spots.get((cc, admin1), 0.0) for g, spots in area_of.items() if g != form)

        # names whose favourite carries the name only as an alternate (an old or foreign name: "Bantam" for
        # Banten) while other places carry it as their own: the favourite's area and nearness to the report
        local_exact: dict[tuple, tuple[float, str, float, bool, dict[str, float]]] = {}
        for f, cands in first.items():
            if (len(cands) > 1 and cands[0].match == "alternate" and f in area_of
                    and any(c.match == "exact" and c.kind in _TOWNS
                            and area_support(c.country_code, c.admin1, f) >= LOCAL_EXACT_SUPPORT
                            for c in cands[1:])):
                fav = self.store.by_id(cands[0].id)
                if fav is None:
                    continue
                a1 = fav.admin1 or (fav.name if fav.kind == "admin1" else "")
                near = any(a[2] != f and haversine_km(fav.lat, fav.lon, a[0], a[1]) <= LOCAL_EXACT_ANCHOR_KM
                           for a in anchors)
                fav_support = 99.0 if near else area_support(fav.cc, a1, f)
                # abroad, the favourite's whole country must be foreign to the report (nothing named in or
                # near it): "Holland" in a story of Belgium and Germany is still the Netherlands
                abroad_absent = not near and self._absent(fav.cc, fav.lat, fav.lon, focus, anchors, tops, f)
                exact = {c.id: rec.prior for c in cands if c.match == "exact"
                         and (rec := self.store.by_id(c.id)) is not None}
                local_exact[f] = (fav.prior, fav.cc, fav_support, abroad_absent, exact)

        # names whose favourite is a town in a country the report never names nor comes near, while the
        # report names another country (as a country) and leans to it: "a London rally ... thanked Canada"
        # (named twice or more, by its own name: a report that is about that country)
        named_cc = {t.country_code for g, (t, sc) in tops.items()
                    if t.kind == "country" and sc >= 0.5 and len(forms[g]) >= 2
                    and not forms[g][0].demonym_cc}
        foreign_fav: dict[tuple, tuple[float, str]] = {}
        for f, cands in first.items() if named_cc else ():
            if len(cands) < 2 or cands[0].kind not in (*_TOWNS, "admin1", "admin2") or f not in area_of:
                continue
            top = cands[0]
            # the named country the report leans to most among those that hold a namesake
            holding = {c.country_code for c in cands[1:] if c.kind in _TOWNS} & named_cc - {top.country_code}
            lead = max(holding, key=lambda cc, f=f: focus.share(cc, f), default="")
            ours = [c for c in cands[1:] if c.country_code == lead and c.kind in _TOWNS]
            if (not lead or not ours or focus.share(lead, f) < LEAD_SHARE
                    or not self._absent(top.country_code, top.lat, top.lon, focus, anchors, tops, f)
                    or home.country_share(top.country_code, f)):
                continue
            priors = [rec.prior for c in (top, *ours) if (rec := self.store.by_id(c.id)) is not None]
            if len(priors) > 1 and max(priors[1:]) >= priors[0] - LEAD_GAP:
                # (a namesake of note: "the US ambassador in London ... the US" is no London, Ohio)
                # one lift for every namesake in that country: their own sizes still rank them
                # ("Newcastle" in a UK story is Newcastle upon Tyne, not the Northern Irish village)
                foreign_fav[f] = (max(0.0, priors[0] - max(priors[1:])) + 1.0, lead)

        def named_country(p: PlaceRecord, form: tuple) -> float:
            """A town of the country the report names and leans to, against a namesake favourite in a
            country foreign to the report."""
            if form not in foreign_fav or p.kind not in _TOWNS or p.cc != foreign_fav[form][1]:
                return 0.0
            return foreign_fav[form][0]

        def local_name(p: PlaceRecord, form: tuple) -> float:
            """A place whose own name it is, in the area the report's other names cluster in, against a
            favourite known by that name only as an alternate and supported by nothing in the report."""
            if form not in local_exact or p.kind not in _TOWNS:
                # (areas: a state against a namesake city is the home region's own business, ``homeward``)
                return 0.0
            fav_prior, fav_cc, fav_support, abroad_absent, exact = local_exact[form]
            if p.id not in exact or any(pr > p.prior + LOCAL_EXACT_GAP
                                        for i, pr in exact.items() if i != p.id):
                # a name that is also a far larger place's own ("Oklahoma" the state, over a Pennsylvania
                # village, where the favourite is Oklahoma City) is that place's first: the home decides
                return 0.0
            support = area_support(p.cc, p.admin1, form)
            if support < LOCAL_EXACT_SUPPORT or fav_support > LOCAL_EXACT_RIVAL * support:
                return 0.0
            if fav_cc != p.cc and not abroad_absent:
                return 0.0
            return max(0.0, fav_prior - p.prior) + 1.0

        def homeward(p: PlaceRecord, form: tuple, rival_prior: float | None, absent: bool = False) -> float:
            """Evidence from the report's home region: its country, its first-level area, its points."""
            if not home:
                return 0.0
            sure = home.strength(form)
            b = HOME_COUNTRY * home.country_share(p.cc, form)
            if p.kind in ("country", "continent"):
                return b
            area = p.admin1 or (p.name if p.kind == "admin1" else "")
            share = max(home.area_share(p.cc, area, form), home.area_share(p.cc, "*", form))
            b += HOME_AREA * share * sure
            if p.kind == "admin1" and rival_prior is not None and share >= 0.5:
                # "Georgia" in a story whose places lie in Georgia: the area the report is about
                # outranks a country of the same name, whatever their sizes
                b += max(0.0, rival_prior - p.prior) + 2.0 * share
            elif (p.kind == "admin1" and rival_prior is not None and absent
                  and home.country_share(p.cc, form) >= 0.5
                  and len({a for c, a in admins if c == p.cc and a != area}) >= SIBLING_AREAS):
                # "a lab in Georgia" in a story of Alabama, Iowa and Texas that names nothing near the
                # Caucasus: one more state of the country whose states the report is about
                b += max(0.0, rival_prior - p.prior) + 1.0
            elif (p.kind == "admin1" and rival_prior is not None and absent
                  and any(g != form and sc >= SURE_INSIDE and t.kind in _TOWNS and t.country_code == p.cc
                          and t.admin1 == area for g, (t, sc) in tops.items())):
                # "The Georgia Bulldogs beat Alabama in Atlanta": a city the report places surely lies in
                # the state, and nothing of the report is near the namesake country
                b += max(0.0, rival_prior - p.prior) + 1.0
            if p.kind not in ("admin1", "admin2"):
                near = home.nearness(p.lat, p.lon, form)
                b += HOME_NEAR * near
                if absent and rival_prior is not None and (
                        (share >= 0.5 and sure >= 0.6 and near >= 0.2)
                        or (home.country_share(p.cc, form) >= 0.5 and near >= ABSENT_RIVAL_NEAR)):
                    # "near Lebanon" in a Dayton story that names nothing of the Middle East: the town (on
                    # thinner evidence, a town right beside the report's other places: "Hanover ... Lebanon")
                    b += max(0.0, rival_prior - p.prior) + 1.0
            return b

        def paired(p: PlaceRecord, form: tuple, rival_prior: float | None) -> float:
            b = 0.0
            if any(inside(p.cc, p.admin1, p.lat, p.lon, c.kind, c.country_code, c.admin1 or c.name, c.lat,
                           c.lon,
                           c.bbox)
                   for c in holders.get(form, ()) if c.id != p.id):
                # "COLUMBIA, Ky.", "Jordan, Minn.": a place inside an area is no namesake country
                b += CONTAINER_BONUS + (max(0.0, rival_prior - p.prior) if rival_prior and p.kind != "country"
                                        else 0.0)
            if form in polity and p.kind in ("admin1", "country"):
                b += POLITY_BONUS
            sib = siblings.get(form)
            if sib and ((p.kind, p.cc if p.kind == "admin1" else "") == sib
                        or (sib[0] == "capital" and p.fcode == "PPLC")):
                # "Arizona, California, Georgia and Illinois": a list of states names states
                b += LIST_BONUS + (max(0.0, rival_prior - p.prior) if rival_prior and p.kind != "country"
                                   else 0.0)
            if p.kind in ("country", "admin1", *_BOXED) and any(
                    inside(c.country_code, c.admin1, c.lat, c.lon, p.kind, p.cc, p.admin1 or p.name, p.lat,
                            p.lon,
                            p.bbox)
                    for c in held.get(form, ()) if c.id != p.id):
                # "Atlanta, Georgia": the area holding the place named before it, over a namesake country
                b += CONTAINER_BONUS + (max(0.0, rival_prior - p.prior) if p.kind == "admin1" and rival_prior
                                        else 0.0)
            return b

        done: dict[tuple, list[Toponym]] = {}  # the first pass's sure answers, kept by the second
        for _pass in range(2):
            out: list[Toponym] = []
            finals: dict[tuple, tuple[list[Candidate], str]] = {}
            for f, ms in forms.items():
                if f in done:
                    out.extend(done[f])
                    continue
                note = ""
                try:
                    core = fold(strip_type_words(ms[0].name)[0]) or f[0]
                    rival = self._country_rival(first.get(f) or [])
                    absent = rival is not None and self._rival_absent(first.get(f) or [], focus, anchors,
                                                                      tops, f)
                    # a dateline with no area names a place that stands alone ("BEIRUT", "WASHINGTON"), unless
                    # the gazetteer is unsure what it is ("BANTAM —" in a Connecticut paper)
                    own_home = not (dl is not None and not dl.area and any(m.start == dl.start for m in ms)
                                    and f in tops and _stands_alone(tops[f][0]))

                    def ctx(p: PlaceRecord, core=core, form=f, rival=rival, own_home=own_home,
                            absent=absent) -> float:
                        return (bonus(p, core, form) + (homeward(p, form, rival, absent) if own_home else 0.0)
                                + paired(p, form, rival) + mutual(p, form)
                                + county_pair(p, form, rival, absent)
                                + local_name(p, form) + named_country(p, form))

                    cands = self._candidates(ms[0], ctx) if first[f] else []
                    reason = ""
                    if (cands and cands[0].match in ("transliteration", "fuzzy")
                            and not self._fits(cands[0], focus, anchors, f)):
                        reason = (f"only a loose match ({cands[0].match}) far from the report's other "
                                  f"places: {cands[0].name}, {cands[0].country_code}")
                    elif (cands and (cands[0].kind == "village"
                                     or (cands[0].match == "alternate" and cands[0].kind in _TOWNS
                                         and cands[0].population < FAR_ALTERNATE_POP))
                            and home.strength(f) >= 0.5
                            and focus.share(cands[0].country_code, f) == 0
                            and home.country_share(cands[0].country_code, f) == 0
                            and anchors and min(haversine_km(cands[0].lat, cands[0].lon, a[0], a[1])
                                                for a in anchors if a[2] != f) >= 3000):
                        what = ("a village" if cands[0].kind == "village"
                                else "a town known by this name only as an alternate")
                        reason = (f"{what} on another continent that nothing else in the report supports: "
                                  f"{cands[0].name}, {cands[0].country_code}")
                    elif (cands and (cue := ms[0].cue or strip_type_words(ms[0].name)[1]) in _FEATURES
                          and cands[0].kind in _TOWNS and fold(cands[0].matched_name) != fold(ms[0].name)
                          and not any(c.kind in CUE_KINDS[cue] for c in cands)
                          and focus.share(cands[0].country_code, f) == 0
                          and home.country_share(cands[0].country_code, f) == 0):
                        # "the Indonesian island of Java" is no village called Java in Georgia: the gazetteer
                        # holds no islands, lakes or rivers; a namesake town is believed only in a country the
                        # report points to ("Lake Erie": Erie, Pennsylvania, on its shore)
                        reason = (f"no {cue} of that name in the gazetteer, and the {cands[0].kind} "
                                  f"{cands[0].name}, {cands[0].country_code} lies in a country nothing else "
                                  "in the report points to")
                    elif cands and (outside := _outside_container(ms, cands[0], tops, holders.get(f), text)):
                        reason = (f"no place of that name in {outside.name}, where the report puts it "
                                  f"(best elsewhere: {cands[0].name}, {cands[0].country_code})")
                    elif cands and first[f] and cands[0].id != first[f][0].id:
                        note = self._why(cands[0], first[f][0], home, f,
                                         lambda p, f=f, r=rival, o=own_home, a=absent:
                                         homeward(p, f, r, a) if o else 0.0,
                                         lambda p, f=f, r=rival: paired(p, f, r),
                                         lambda p, f=f: local_name(p, f),
                                         lambda p, f=f: area_names(p.cc, p.admin1, f),
                                         lambda p, f=f: named_country(p, f))
                except Exception as exc:
                    cands, reason = [], f"error while resolving: {exc}"
                finals[f] = (cands, reason)
                tps = [self._toponym(m, cands, reason, note) for m in ms]
                out.extend(tps)
                if (cands and not reason and f in tops and tops[f][1] >= SURE_ANSWER
                        and cands[0].id == tops[f][0].id):
                    done[f] = tps  # the gazetteer alone was sure of it, and context agreed
            # a name that context moved away from its gazetteer favourite gave the home its favourite's
            # region ("London" read as England before "Canada" made it London, Ontario): once, read the home
            # again from the answers and resolve the report anew
            moved = {f: (cs[0], cs[0].score) for f, (cs, why) in finals.items()
                     if cs and not why and f in tops and cs[0].id != tops[f][0].id
                     and (tops[f][1] >= 0.9
                          or (tops[f][0].kind in ("admin1", "admin2") and tops[f][1] >= 0.6))}
            if not moved and home.total < CLUSTER_WEAK_HOME:
                # a report whose names were all unsure alone ("Springfield", "Greene County") but that
                # context settled together: their answers are the home for the names still left
                moved = {f: (cs[0], cs[0].score) for f, (cs, why) in finals.items()
                         if cs and not why and cs[0].score >= SETTLED and f in tops and tops[f][1] < 0.5
                         and cs[0].kind not in ("country", "continent")}
            if _pass or not moved:
                break
            for f in moved:  # a moved name keeps its answer; its old favourite's evidence is what goes
                done.setdefault(f, [t for t in out if any(t.start == m.start for m in forms[f])])
            home = self._home(forms, {**tops, **moved}, text, prior, dl, dl_area)
            for cc, a1, f, point, why in cluster:
                home.add(cc, a1, W_CLUSTER, f, point=point, why=why)
        out.sort(key=lambda t: t.start)
        return out

    def _country_rival(self, cands: list[Candidate]) -> float | None:
        """The prior of a country among a name's candidates (a country and an area share the name)."""
        for c in cands:
            if c.kind == "country":
                p = self.store.by_id(c.id)
                return p.prior if p else None
        return None

    @staticmethod
    def _absent(cc: str, lat: float, lon: float, focus: Focus, anchors: list, tops: dict, form) -> bool:
        """Whether a place's country is foreign to the report: no other name points to it, and no
        confidently placed name or country named lies within 1,500 km of the place."""
        if focus.share(cc, form) > 0:
            return False
        if any(a[2] != form and haversine_km(lat, lon, a[0], a[1]) <= 1500 for a in anchors):
            return False
        return not any(g != form and t.kind == "country" and sc >= 0.5
                       and haversine_km(lat, lon, t.lat, t.lon) <= 1500
                       for g, (t, sc) in tops.items())

    @classmethod
    def _rival_absent(cls, cands: list[Candidate], focus: Focus, anchors: list, tops: dict, form) -> bool:
        """Whether the country a name could be is otherwise absent from the report (``_absent``)."""
        c = next((c for c in cands if c.kind == "country"), None)
        return c is not None and cls._absent(c.country_code, c.lat, c.lon, focus, anchors, tops, form)

    def _why(self, top: Candidate, was: Candidate, home: Home, form, homeward, contained, local=None,
             local_names=None, lifted=None) -> str:
        """Why context chose ``top`` over the context-free favourite ``was``: the report's focus,
        an "X, Y" container, or the report's other places."""
        a, b = self.store.by_id(top.id), self.store.by_id(was.id)
        if a is None or b is None:
            return ""
        d_home = homeward(a) - homeward(b)
        d_box = contained(a) - contained(b)
        here = ", ".join(x for x in (top.name, top.admin1 if top.kind != "admin1" else "", top.country_code)
                         if x)
        there = ", ".join(x for x in (was.name, was.admin1 if was.kind != "admin1" else "", was.country_code)
                          if x)
        if local is not None and local(a) > 0 and local(b) == 0 and was.match == "alternate" and d_box <= 0:
            # "Bantam" in a story of Danbury and New Milford: the Connecticut borough, not Banten
            named = local_names(a) if local_names is not None else []
            area = ", ".join(x for x in (top.admin1, top.country_code) if x)
            return (f"the report's places in {area} ({', '.join(dict.fromkeys(named[:3]))}) decided it: "
                    f"{here} rather than {there}, which has the name \"{was.matched_name}\" only as an "
                    "alternate (an old, short or foreign name)")
        if lifted is not None and lifted(a) > 0 and lifted(b) == 0 and lifted(a) >= d_home:
            # "a London rally ... thanked Canada": the country the report names, not one it never mentions
            country = self.store.country(top.country_code)
            name = country.name if country else top.country_code
            return (f"the country the report names, {name}, decided it: {here} rather than {there}, "
                    "in a country the report never mentions")
        if d_box > 0 and d_box >= d_home:
            return f"the names around it as written (\"X, Y\") decided it: {here} rather than {there}"
        if d_home > 0.1:  # (a far home's nearness differs between two namesakes by next to nothing)
            focus_at = home.describe(form, top.country_code, top.admin1)
            return f"the report's focus, {focus_at}, decided it: {here} rather than {there}"
        return f"the report's other places decided it: {here} rather than {there}"

    def _dateline_area(self, dl, forms, first, holders) -> Candidate | None:
        """The area of a dateline ("ATHENS, Ga. —") when no mention stands for it (the recogniser may
        drop a short abbreviation): read as an area, and made the holder of the dateline place."""
        if not dl.area or any(m.start == dl.area_start for ms in forms.values() for m in ms):
            return None
        try:
            areas = [c for c in self.resolver.resolve(dl.area, limit=8) if c.kind in ("admin1", "country")]
        except Exception:  # an odd area string never spoils the report
            return None
        if not areas:
            return None
        place = next((f for f, ms in forms.items() if any(m.start == dl.start for m in ms)), None)
        xs = first.get(place) or [] if place is not None else []
        fits = [a for a in areas
                if any(inside(c.country_code, c.admin1, c.lat, c.lon, a.kind, a.country_code,
                                                 a.admin1 or a.name, a.lat, a.lon) for c in xs)]
        area = (fits or areas)[0]
        if place is not None:
            holders.setdefault(place, []).append(area)
        return area

    def _home(self, forms, tops, text: str, prior, dl=None, dl_area=None) -> Home:
        """The evidence for the report's home region (see ``geokit.parsing.home``)."""
        home = Home()
        priors = (prior,) if isinstance(prior, Region) else tuple(prior or ())
        for r in priors:
            point = (r.lat, r.lon) if r.lat is not None else None
            # a country the user names counts as an area spanning the whole country ("*")
            home.add(r.cc, r.admin1 or "*", W_PRIOR / len(priors), None, point=point, why="prior")
        if dl_area is not None:
            home.add(dl_area.country_code, dl_area.admin1 or dl_area.name if dl_area.kind == "admin1" else "",
                     W_DATELINE, None, why=f"dateline {text[dl.start:dl.end]}, {dl.area}")
        # local telephone numbers: each area (or country) as much as its abbreviation would be
        phones: dict[tuple[str, str], list] = {}
        for ph in find_phones(text):
            phones.setdefault((ph.area.cc, ph.area.admin1), []).append(ph)
        for (cc, area), phs in phones.items():
            home.add(cc, area, as_weight(len(phs), W_PHONE), None, why=phs[0].describe())
        for f, ms in forms.items():
            if f not in tops or ms[0].demonym_cc:
                continue
            top, score = tops[f]
            if top.kind in ("country", "continent") or ms[0].abbr_cc:
                continue  # the country focus counts countries; the home region is finer
            n = len(ms)
            area = top.admin1 or (top.name if top.kind == "admin1" else "")
            if dl is not None and any(m.start in (dl.start, dl.area_start) for m in ms):
                if ((_stands_alone(top) and score >= 0.5) or (dl.area and score >= 0.5)
                        or (top.kind == "admin1" and any(m.start == dl.area_start for m in ms))):
                    point = (top.lat, top.lon) if top.kind not in ("admin1", "admin2") else None
                    home.add(top.country_code, area, W_DATELINE, f, point=point,
                             why=f"dateline {text[dl.start:dl.end]}" + (f", {dl.area}" if dl.area else ""))
                continue
            if top.kind in ("admin1", "admin2") and score >= 0.6:
                home.add(top.country_code, area, as_weight(n, W_AREA) * score, f, why=top.name)
            elif score >= 0.9:
                home.add(top.country_code, area, as_weight(n, W_PLACE) * score, f, point=(top.lat, top.lon),
                         why=top.name)
        return home

    def _namesake_cluster(self, forms, first) -> list[tuple[str, str, tuple, tuple[float, float], str]]:
        """Namesakes side by side as home evidence: "Hanover", "Enfield" and "Plainfield" are a German city,
        a London borough and a New Jersey town, scattered over the world, but as neighbours in New
        Hampshire they say where the report is. Three or more names whose favourites lie far apart
        (1,500 km) and whose namesakes lie within 40 km of each other add that place to the home, each for
        the others (of them, one country's name at most: Maine has a Norway, a Poland and a Mexico side by
        side). Returns the home evidence: (country, area, form, point, why) per name."""
        pts: dict[tuple, list[Candidate]] = {}
        favs: dict[tuple, Candidate] = {}
        unsure = [f for f, cands in first.items()
                  if len(cands) >= 2 and not forms[f][0].demonym_cc and not forms[f][0].abbr_cc
                  and cands[0].kind not in ("country", "continent") and cands[0].score < CLUSTER_SURE]
        if len(unsure) < CLUSTER_NAMES:
            return []
        for f in unsure:
            cands, m = first[f], forms[f][0]
            # (all namesakes: the first few were cut at eight)
            wide = cands if len(cands) < 8 else self.resolver.resolve(m.name, limit=ALL_NAMESAKES, cue=m.cue)
            near = [c for c in wide if c.kind in _TOWNS and c.match in ("exact", "folded")]
            if near:
                pts[f], favs[f] = near, cands[0]
        if len(pts) < CLUSTER_NAMES:
            return []
        grid: dict[tuple[int, int], list[tuple[tuple, Candidate]]] = {}
        for f, cs in pts.items():
            for c in cs:
                grid.setdefault((int(c.lat // 0.4), int(c.lon // 0.5)), []).append((f, c))
        best: dict[tuple, tuple[int, Candidate]] = {}
        for f, cs in pts.items():
            fav = favs[f]
            for c in cs:
                gi, gj = int(c.lat // 0.4), int(c.lon // 0.5)
                partners = {g for di in (-1, 0, 1) for dj in (-1, 0, 1)
                            for g, o in grid.get((gi + di, gj + dj), ())
                            if g != f and haversine_km(c.lat, c.lon, o.lat, o.lon) <= CLUSTER_KM}
                if len(partners) + 1 < CLUSTER_NAMES or len(partners) <= best.get(f, (0, None))[0]:
                    continue
                # the favourites of the names together must be scattered: "Paris, Berlin and Vienna" are a
                # European story whatever their namesakes do
                fs = [fav, *(favs[g] for g in partners)]
                if max(haversine_km(a.lat, a.lon, b.lat, b.lon) for a in fs for b in fs) > CLUSTER_SPREAD_KM:
                    best[f] = (len(partners), c)
        return [(c.country_code, c.admin1, f, (c.lat, c.lon), f"beside {forms[f][0].text}")
                for f, (_n, c) in best.items()]

    def _demonyms_in_context(self, forms: dict, first: dict, tops: dict) -> None:
        """A demonym of several countries ("Congolese") means the one the report names surely ("DR Congo",
        "Kinshasa"), not its default (the most populous), when the report names only the other."""
        sure = {c.country_code for f, (c, score) in tops.items()
                if not forms[f][0].demonym_cc and score >= SURE_ANSWER and c.country_code}
        for f, ms in forms.items():
            m = ms[0]
            others = self.store.demonym_others(m.text) if m.demonym_cc else ()
            picked = [cc for cc in others if cc in sure]
            if others and m.demonym_cc not in sure and len(picked) == 1:
                for x in ms:
                    x.demonym_cc = picked[0]
                first[f] = self._candidates(m, None)
                if first[f]:
                    tops[f] = (first[f][0], first[f][0].score)

    def _candidates(self, m: Mention, bonus) -> list[Candidate]:
        if m.demonym_cc or m.abbr_cc:
            p = self.store.country(m.demonym_cc or m.abbr_cc)
            return [to_candidate(p, score=0.99 if m.abbr_cc else 0.95, match="alternate",
                                 matched_name=m.text)] if p else []
        # a name with a container ("Manchester, Clay County") or a county-like name: all namesakes, so that
        # containment can pick the pair that fits (there are 18 Clay Counties and as many Manchesters)
        county = m.cue == "admin2" or strip_type_words(m.name)[1] == "admin2"
        limit = ALL_NAMESAKES if (m.container is not None or county) else (5 if m.unknown else 8)
        cands = self.resolver.resolve(m.name, limit=limit, bonus=bonus, cue=m.cue)
        word = m.text.replace(".", "").strip()
        if word.isascii() and word.isupper() and len(word) <= 5:
            # "NSW" is no romanised spelling of an Arabic-script name ("ناساو", Nassau): capitals in Latin
            # script match places only through names written in Latin script
            cands = [c for c in cands if _latin(c.matched_name)]
        return cands

    @staticmethod
    def _fits(c: Candidate, focus: Focus, anchors: list, form: tuple = ()) -> bool:
        """A loosely matched place is believable only inside the report's geography, as the report's
        OTHER names draw it (the loose match's own vote would vouch for itself)."""
        if (c.kind in ("country", "continent") and _latin(c.matched_name)
                and not c.matched_name.replace(".", "").isupper()):
            return True  # a misspelt country ("Mauritious") is no stray village; "Kaluamba" matching
            # Colombia's Belarusian name, or "Rügen" Yangon's airport code RGN, is no spelling of it
        near = [haversine_km(c.lat, c.lon, a[0], a[1]) for a in anchors if a[2] != form]
        if any(d <= 300 for d in near):
            return True
        # in a country the report names, but not far from every place it confidently placed
        return focus.share(c.country_code, form) >= 0.15 and (not near or min(near) <= 500)

    def _context(self, forms, tops):
        focus: Counter = Counter()
        admins: set[tuple[str, str]] = set()
        anchors: list[tuple[float, float, tuple]] = []
        chosen: dict[str, set] = {}
        own: dict[tuple, tuple[str, float]] = {}  # each form's own vote, left out when that form is ranked
        for f, ms in forms.items():
            if f not in tops:
                continue
            top, score = tops[f]
            w = len(ms)
            if top.kind == "country":
                vote = w * (0.5 if ms[0].kind == "demonym" else 1.0) * score
            elif score >= 0.5:
                vote = 0.7 * w * score
            else:
                vote = 0.0
            if vote:
                focus[top.country_code] += vote
                own[f] = (top.country_code, vote)
            if score >= 0.8:
                chosen.setdefault(top.id, set()).add(f)
                if top.kind == "admin1":
                    admins.add((top.country_code, top.admin1 or top.name))
                if top.kind not in ("country", "continent", "admin1", "region", "peninsula", "organisation"):
                    # an area's middle is no anchor; a county's is close
                    anchors.append((top.lat, top.lon, f))
        return Focus(focus, own), admins, anchors[:50], chosen

    def _toponym(self, m: Mention, cands: list[Candidate], reason: str, note: str = "") -> Toponym:
        if m.demonym_cc:
            place = cands[0] if cands else None
            return Toponym(m.start, m.end, m.text, kind=m.kind if m.kind != "literal" else "demonym",
                           place=place,
                           score=(calibrated(place.score, place.kind, extent=extent_km(place)) if place
                                  else 0.0), candidates=cands[:3],
                           reason="" if place else "country of the demonym not in the gazetteer")
        top = cands[0] if cands else None
        if top is None or top.score < MIN_SCORE or reason:
            why = reason or ("no gazetteer entry" if top is None
                             else f"ambiguous or weak: best candidate scored {top.score:.2f}")
            return Toponym(m.start, m.end, m.text, kind=m.kind, place=None, score=top.score if top else 0.0,
                           reason=why, candidates=cands[:5])
        score = top.score
        cue = m.cue or strip_type_words(m.name)[1]
        if (cue in _NATURAL and top.kind in _TOWNS and fold(top.matched_name) != fold(m.name)
                and not any(c.kind in CUE_KINDS[cue] for c in cands)):
            # "the Atlantic Ocean" is no village called Atlantic in Iowa: the gazetteer holds no seas or
            # oceans, so a settlement found by the bare name is only a namesake
            return Toponym(m.start, m.end, m.text, kind=m.kind, place=None, score=top.score,
                           reason=f"no {cue} of that name in the gazetteer (best: the {top.kind} {top.name}, "
                                  f"{top.country_code}, a namesake)", candidates=cands[:5])
        if cue in ("admin1", "admin2") and top.kind not in CUE_KINDS[cue]:
            # "Metcalfe County" answered by a town called Metcalfe: the best the gazetteer has, not a sure one
            score *= CUE_MISMATCH
            note = note or (f"no {('county or district' if cue == 'admin2' else 'province or state')} "
                            f"of that name: the {top.kind} {top.name} stands for it")
        # the probability that the answer is right, from the raw share (``geokit.parsing.calibration``)
        return Toponym(m.start, m.end, m.text, kind=m.kind, place=top,
                       score=calibrated(score, top.kind, extent=extent_km(top)), candidates=cands[:5],
                       reason=note)


_LIST_GAP = re.compile(r"^(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:the\s+)?$")


def _list_kinds(text: str, mentions: list[Mention], first: dict) -> dict[tuple, tuple[str, str]]:
    """Forms named in a coordinated list ("Arizona, California, Georgia and Illinois") -> the kind
    of place (("admin1", cc), ("country", "") or ("capital", "")) that most of their siblings are, when
    most agree (in a pair "X and Y", a sure sibling is enough: "Paris and Berlin", "Texas and Georgia")."""
    ms = sorted((m for m in mentions if not m.demonym_cc), key=lambda m: m.start)
    groups: list[list[Mention]] = []
    for a, b in zip(ms, ms[1:], strict=False):
        if _LIST_GAP.match(text[a.end:b.start]):
            if groups and groups[-1][-1] is a:
                groups[-1].append(b)
            else:
                groups.append([a, b])
    out: dict[tuple, tuple[str, str]] = {}
    for g in groups:
        if len(g) < 3 and not re.search(r"\b(?:and|or)\b", text[g[0].end:g[-1].start]):
            continue  # "X, Y" alone is a container pair, not a list
        kinds = []
        for m in g:
            cands = first.get((fold(m.name), m.cue)) or []
            kinds.append(_place_class(cands[0]) if cands else None)
        for i, m in enumerate(g):
            others = [k for j, k in enumerate(kinds) if j != i]
            need = 1 if len(g) == 2 else max(2, (len(others) + 1) // 2)
            for k in set(others):
                if k is not None and others.count(k) >= need:
                    out[(fold(m.name), m.cue)] = k
        # "Montana and Wyoming": every name of the list can be a state of one country
        areas = [{c.country_code for c in first.get((fold(m.name), m.cue)) or [] if c.kind == "admin1"}
                 for m in g]
        common = set.intersection(*areas) if areas else set()
        if len(common) == 1:
            cc = common.pop()
            for m in g:
                out.setdefault((fold(m.name), m.cue), ("admin1", cc))
    return out


CITY_KM = 40.0  # a district or airport this close to a city belongs to it
COUNTY_KM = 40.0  # a place this close to the point of a district known by its point only may lie in it
def _place_class(top: Candidate) -> tuple[str, str] | None:
    """What kind of place a sure list member is: a first-level area of a country, a country, a capital."""
    if top.kind in ("admin1", "country") and top.score >= 0.5:
        return (top.kind, top.country_code if top.kind == "admin1" else "")
    if top.feature_code == "PPLC" and top.score >= 0.8:
        return ("capital", "")
    return None


# a place this close to an area's point and in its country lies in it (sources name areas differently)
AREA_KM = 80.0


def inside(cc: str, admin1: str, lat: float, lon: float, box_kind: str, box_cc: str, box_area: str,
            box_lat: float, box_lon: float, box: tuple | None = None) -> bool:
    """Whether a place (cc, admin1, point) lies in a country, a first-level area, or an area known by its
    bounding box ``box`` (a county, a district, a region: "London, Laurel County")."""
    if box_kind in _BOXED:
        if box is None or (box_cc and cc != box_cc):
            return False
        s, w, n, e = box
        return s <= lat <= n and w <= lon <= e
    if cc != box_cc:
        return False
    if box_kind == "country":
        return True
    if box_kind in ("city", "town"):  # "Edmonton, London", "London's Heathrow": part of a city or next to it
        return haversine_km(lat, lon, box_lat, box_lon) <= CITY_KM
    if box_kind != "admin1":
        return False
    return admin1 == box_area or haversine_km(lat, lon, box_lat, box_lon) <= AREA_KM


_POLITY_AFTER = PatternRule("polity-after")
_POLITY_BEFORE = PatternRule("polity-before")


_LIST_GOES_ON = re.compile(r"^(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:the\s+)?[A-Z]")


def _outside_container(ms: list[Mention], top: Candidate, tops: dict,
                       holders: list[Candidate] | None, text: str = "") -> Candidate | None:
    """The province or district a name is written in ("Stroud, Ontario") when it is sure (scored 0.8 or
    more), no reading of it holds the answer and the answer is in another country: then the gazetteer lacks
    the place, and a namesake abroad would be a guess. None when the answer fits or nothing is sure (lists,
    "Guinea-Bissau, Niger, Nigeria", have no holders)."""
    if not holders or top.kind in ("country", "continent"):
        return None
    if any(h.id == top.id or inside(top.country_code, top.admin1, top.lat, top.lon, h.kind, h.country_code,
                                    h.admin1 or h.name, h.lat, h.lon, h.bbox)
           or (top.country_code == h.country_code and h.bbox is not None  # first-level names differ by layer
               and h.bbox[0] <= top.lat <= h.bbox[2] and h.bbox[1] <= top.lon <= h.bbox[3])
           or (h.kind == "admin2" and h.bbox is None and top.country_code == h.country_code
               and haversine_km(top.lat, top.lon, h.lat, h.lon) <= AREA_KM) for h in holders):
        return None
    for m in ms:
        if m.container is not None:
            area, score = tops.get((fold(m.container.name), m.container.cue), (None, 0.0))
            if text and _LIST_GOES_ON.match(text[m.container.end:m.container.end + 40]):
                # "crews from Nashua, Bedford and Hooksett": a list whose next name went unrecognised, not a
                # town and its area; no refusal on the strength of the pair
                continue
            if (area is not None and score >= 0.8 and area.kind in ("admin1", "admin2")
                    and area.country_code != top.country_code):
                # another country (within one, areas' extents and names differ between layers); a country
                # written after a place is no proof: "Hong Kong, China", "San Juan, Puerto Rico"
                return area
    return None


def _in_county(cc: str, lat: float, lon: float, county_cc: str, county_lat: float, county_lon: float,
               box: tuple | None) -> bool:
    """Whether a place lies in a second-level area: inside its box (US counties), else, for areas known
    by a point only (the worldwide layer's districts), in its country and close to that point (first-level
    names differ between layers: "K.P." and "Khyber Pakhtunkhwa")."""
    if cc != county_cc:
        return False
    if box is not None:
        s, w, n, e = box
        return s <= lat <= n and w <= lon <= e
    return haversine_km(lat, lon, county_lat, county_lon) <= COUNTY_KM


def _polity(text: str, m: Mention) -> bool:
    """Whether the words around a mention name a government ("the Quebec government", "the premier of
    Quebec"): the name is a country or a first-level area."""
    return bool(_POLITY_AFTER.match(text[m.end:m.end + 60])
                or _POLITY_BEFORE.search(text[max(0, m.start - 40):m.start]))


def _county_form(form: tuple) -> bool:
    """A mention form (folded name, cue) written as a second-level area: "Monroe County", "X district"."""
    return form[1] == "admin2" or strip_type_words(form[0])[1] == "admin2"


def _titled_type(text: str) -> bool:
    """Whether a mention ends in a capitalised type word, part of the proper name ("Hatay Province",
    "Lamar County"), rather than a common noun after it ("Hamilton city")."""
    words = text.split()
    return len(words) > 1 and words[-1][:1].isupper() and bool(strip_type_words(text)[1])


def _latin(name: str) -> bool:
    return all(ord(ch) < 0x250 or not ch.isalpha() for ch in name)


def _stands_alone(c: Candidate) -> bool:
    """A city a dateline names without its area (as agencies write "BEIRUT", "WASHINGTON"): a capital or
    a city of 100,000; a lesser name there ("BANTAM —" in a local paper) is placed by the report instead."""
    return c.kind in ("city", "town") and (c.population >= 100_000 or c.feature_code in ("PPLC", "PPLA"))
