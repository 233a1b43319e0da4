"""Resolution in the document's context: every mention of a report resolved together.

Evidence beyond the name itself: the report's home region (``home``: dateline, a user's prior, areas
named, confidently placed places), its country focus, admin consistency ("X, Y" containers and areas
named), spatial coherence with the report's other places, and one sense per discourse. A weak best
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
from geokit.gazetteer.text import fold, strip_type_words
from geokit.model import Candidate, Toponym

log = logging.getLogger(__name__)

MIN_SCORE = 0.2  # below this the best candidate is reported as "no match"
ANCHOR_WEIGHT = 2.0  # prior units for a candidate next to a confidently placed place of the same report
CONTAINER_BONUS = 6.0  # "X, Y": X inside Y is nearly certain

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


def link_containers(text: str, mentions: list[Mention]) -> None:
    """'X, Y' pairs (town, province / town, country): Y is a candidate container of X."""
    for a, b in zip(mentions, mentions[1:], strict=False):
        if a.kind != "demonym" and b.kind != "demonym" and _COMMA_GAP.match(text[a.end:b.start]):
            a.container = b


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

    def resolve(self, mentions: list[Mention]) -> list[Toponym]:
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
        focus, admins, anchors, chosen = self._context(forms, first)

        # one sense per discourse: "Hatay Province" early on says what a later bare "Hatay" is
        by_core: dict[str, set[str]] = {}
        for (fkey, _cue), cands in first.items():
            core = fold(strip_type_words(fkey)[0]) or fkey
            if cands and cands[0].score >= 0.5 and (core != fkey or _cue):
                by_core.setdefault(core, set()).add(cands[0].id)

        def bonus(p: PlaceRecord, core: str = "", form: tuple = ()) -> float:
            # evidence from the report's OTHER names only: a first guess never votes for itself
            b = 1.5 * focus.share(p.cc, form)
            if core and p.id in by_core.get(core, ()):
                b += 4.0
            if (p.cc, p.admin1) in admins and p.kind != "admin1":
                b += 1.0
            if chosen.get(p.id, set()) - {form}:
                b += 1.0
            others = [a for a in anchors if a[2] != form]
            if others and p.kind not in ("country", "continent"):
                d = min(haversine_km(p.lat, p.lon, a[0], a[1]) for a in others)
                b += ANCHOR_WEIGHT * math.exp(-d / 150.0)
            return b

        def inside(p: PlaceRecord, box: Candidate | None) -> bool:
            if box is None or box.id == p.id:
                return False
            if box.kind == "country":
                return p.cc == box.country_code
            if box.kind == "admin1":
                return p.cc == box.country_code and p.admin1 == (box.admin1 or box.name)
            return False

        out: list[Toponym] = []
        for f, ms in forms.items():
            try:
                core = fold(strip_type_words(ms[0].name)[0]) or f[0]
                boxes = [(first.get((fold(m.container.name), m.container.cue)) or [None])[0] for m in ms if m.container]
                boxes = [b for b in boxes if b is not None and b.kind in ("country", "admin1")]

                def ctx(p: PlaceRecord, core=core, boxes=boxes, form=f) -> float:
                    return bonus(p, core, form) + (CONTAINER_BONUS if any(inside(p, b) for b in boxes) else 0.0)

                cands = self._candidates(ms[0], ctx) if first[f] else []
                reason = ""
                if cands and cands[0].match in ("transliteration", "fuzzy") and not self._fits(cands[0], focus, anchors):
                    reason = (f"only a loose match ({cands[0].match}) far from the report's other places: "
                              f"{cands[0].name}, {cands[0].country_code}")
            except Exception as exc:
                cands, reason = [], f"error while resolving: {exc}"
            for m in ms:
                out.append(self._toponym(m, cands, reason))
        out.sort(key=lambda t: t.start)
        return out

    def _candidates(self, m: Mention, bonus) -> list[Candidate]:
        if m.demonym_cc or m.abbr_cc:
            p = self.store.country(m.demonym_cc or m.abbr_cc)
            return [to_candidate(p, score=0.99 if m.abbr_cc else 0.95, match="alternate", matched_name=m.text)] if p else []
        return self.resolver.resolve(m.name, limit=5 if m.unknown else 8, bonus=bonus, cue=m.cue)

    @staticmethod
    def _fits(c: Candidate, focus: Focus, anchors: list) -> bool:
        """A loosely matched place is believable only inside the report's geography."""
        if focus.get(c.country_code, 0.0) >= 0.15:
            return True
        return any(haversine_km(c.lat, c.lon, a[0], a[1]) <= 300 for a in anchors)

    def _context(self, forms, first):
        focus: Counter = Counter()
        admins: set[tuple[str, str]] = set()
        anchors: list[tuple[float, float, tuple]] = []
        chosen: dict[str, set] = {}
        own: dict[tuple, tuple[str, float]] = {}  # each form's own vote, left out when that form is ranked
        for f, ms in forms.items():
            cands = first.get(f) or []
            if not cands:
                continue
            top = cands[0]
            w = len(ms)
            if top.kind == "country":
                vote = w * (0.5 if ms[0].kind == "demonym" else 1.0) * top.score
            elif top.score >= 0.5:
                vote = 0.7 * w * top.score
            else:
                vote = 0.0
            if vote:
                focus[top.country_code] += vote
                own[f] = (top.country_code, vote)
            if top.score >= 0.8:
                chosen.setdefault(top.id, set()).add(f)
                if top.kind == "admin1":
                    admins.add((top.country_code, top.admin1 or top.name))
                if top.kind not in ("country", "continent", "admin1"):
                    anchors.append((top.lat, top.lon, f))
        return Focus(focus, own), admins, anchors[:50], chosen

    def _toponym(self, m: Mention, cands: list[Candidate], reason: str) -> Toponym:
        if m.demonym_cc:
            place = cands[0] if cands else None
            return Toponym(m.start, m.end, m.text, kind=m.kind if m.kind != "literal" else "demonym", place=place,
                           score=place.score if place else 0.0, candidates=cands[:3],
                           reason="" if place else "country of the demonym not in the gazetteer")
        top = cands[0] if cands else None
        if top is None or top.score < MIN_SCORE or reason:
            why = reason or ("no gazetteer entry" if top is None else f"ambiguous or weak: best candidate scored {top.score:.2f}")
            return Toponym(m.start, m.end, m.text, kind=m.kind, place=None, score=top.score if top else 0.0,
                           reason=why, candidates=cands[:5])
        return Toponym(m.start, m.end, m.text, kind=m.kind, place=top, score=top.score, candidates=cands[:5])
