"""Place name -> ranked gazetteer candidates with a calibrated score.

Candidates are gathered in stages, strict to loose, and each keeps the best way it matched:
exact (the name as written), alternate (an alternate name as written), folded (case,
diacritics, apostrophes), transliteration (same consonant skeleton: al-/el-, Kafr/Kfar,
ou/u, q/k...), fuzzy (one or two edits away, confirmed by rapidfuzz). Type words
("Province", "refugee camp", "air base", "the town of") are split off and used as a cue.

Scores: a candidate's score is its share of the evidence among all candidates (prior
prominence from kind and population, times match quality, times context and cue
agreement), capped by the quality of its own match. So an unambiguous exact match scores
near 1, a name shared by a city and its province splits the mass, and a fuzzy guess never
scores high. ``geokit bench`` and the tests check the calibration on the seed and benchmark sets.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz import fuzz

from geokit.errors import ResolutionError
from geokit.gazetteer.geo import haversine_km
from geokit.gazetteer.store import KIND_PRIOR, PlaceRecord, Store, open_store, to_candidate
from geokit.gazetteer.text import CUE_KINDS, clean, fold, skeleton, strip_type_words
from geokit.model import Candidate

MAX_NAME_CHARS = 300
QUALITY = {"exact": 1.0, "alternate": 0.98, "folded": 0.96, "transliteration": 0.86, "fuzzy": 0.75}
_RANK = {k: i for i, k in enumerate(QUALITY)}
# How much a looser match costs, in prior units (log10 population): a transliteration
# match must be ~30x more prominent than an exact one to beat it.
SMALL_TERRITORY = 100_000  # a country (territory) this small has no country's weight under another's name
MATCH_PENALTY = {"exact": 0.0, "alternate": 0.1, "folded": 0.2, "transliteration": 1.5, "fuzzy": 2.5}
NAMESAKE_BONUS = 1.8
# A place whose own name includes the type word ("Laurel County", "Korean Peninsula") matched the
# whole span; places found by the bare core ("Laurel") only matched part of it.
WHOLE_NAME_BONUS = 1.5
# A type word in the name that no candidate's kind fits ("Neches River" with only towns called
# Neches): the best of them is a guess, not an answer.
CUE_MISMATCH_CAP = 0.6
# A crossing named after its border village ("the Güveççi crossing"): a village of that name
# within this distance of a known crossing is the likely one.
CROSSING_REACH_KM = 30.0
# Kinds a bloc's or organisation's acronym may stand for ("EU" -> the region it covers); never a town.
_BLOC_KINDS = frozenset({"region", "organisation", "continent", "country"})
# loose candidates checked by string similarity (most prominent first); one query, C-speed ratios
MAX_LOOSE = 400
MIN_RATIO = {"transliteration": 70.0, "fuzzy": 80.0}
TEMPERATURE = 0.75  # prior units (log10 population) per e-fold of odds


def _check_name(name) -> str | None:
    if name is None:
        raise TypeError("name must be a string, not None")
    if not isinstance(name, str):
        raise TypeError(f"name must be a string, not {type(name).__name__}")
    name = clean(name)
    name = "".join(ch if ch.isprintable() else " " for ch in name).strip()
    if not name:
        raise ResolutionError("name is empty")
    if len(name) > MAX_NAME_CHARS:
        return None  # no place name is that long: an empty result, not an error
    return name


class Resolver:
    """Resolves names against one store; cheap to create, holds no per-query state."""

    def __init__(self, store: Store | None = None) -> None:
        self.store = store or open_store()
        # Context-free answers are cached: news repeats the same few hundred names.
        self._cached = lru_cache(maxsize=20_000)(self._resolve_plain)
        self._crossing_points: list[tuple[float, float]] | None = None

    # ---------------------------------------------------------------- gathering

    def gather(self, name: str, *, fuzzy: bool = True, strict: bool = False) -> dict[int, tuple[str, str]]:
        """pid -> (match kind, matched name) for a bare name (no type-word handling)."""
        st = self.store
        out: dict[int, tuple[str, str]] = {}
        key = fold(name)
        if not key:
            return out
        low = name.casefold()
        caps = name.replace(".", "").isupper()
        blocked: set[int] = set()
        for pid, nm, isprimary in st.by_key(key):
            bare = nm.replace(".", "")
            if (not caps and not isprimary and bare.isupper() and len(bare) <= 5
                    and ((len(bare) >= 3 and "." not in nm) or self._bloc(pid))):
                # an acronym ("EU", "AU", "NSW", "ACT") is that only in capitals: "Eu" is a town in Normandy,
                # "Act" in "the Patriot Act" no territory; a state's two-letter code stands for the
                # newspaper abbreviation ("KY" for "Ky.")
                blocked.add(pid)  # nor through a looser key of the same letters
                continue
            if nm.casefold() == low:
                kind = "exact" if isprimary else "alternate"
            else:
                kind = "folded"
            _keep(out, pid, kind, nm)
        if out or strict:
            return out  # strict stages: looser keys only when the stricter ones found nothing
        sk = skeleton(name)
        if len(sk) >= 3:
            for pid in st.by_skeleton(sk):
                if pid not in out and pid not in blocked:
                    _keep(out, pid, "transliteration", "")
        if fuzzy and not out and len(key) >= 4:
            for sk2 in st.skeletons_near(sk):
                for pid in st.by_skeleton(sk2):
                    if pid not in out and pid not in blocked:
                        _keep(out, pid, "fuzzy", "")
        return out

    # ---------------------------------------------------------------- ranking

    def resolve(
        self,
        name: str,
        *,
        country: str | Iterable[str] | None = None,
        near: tuple[float, float] | None = None,
        kinds: Iterable[str] | None = None,
        limit: int = 5,
        fuzzy: bool = True,
        bonus=None,
        cue: str = "",
    ) -> list[Candidate]:
        """Rank candidates; ``bonus(place) -> float`` (prior units) lets callers add context."""
        name = _check_name(name)
        if name is None or limit <= 0:
            return []
        if bonus is None and near is None:
            cc = (country,) if isinstance(country, str) else tuple(country or ())
            # candidates are frozen: the cached ones can be handed out as they are
            return list(self._cached(name, cc, tuple(kinds or ()), limit, fuzzy, cue))
        return self._resolve(name, country=country, near=near, kinds=kinds, limit=limit, fuzzy=fuzzy,
                             bonus=bonus, cue=cue)

    def _resolve_plain(self, name, country, kinds, limit, fuzzy, cue) -> tuple[Candidate, ...]:
        return tuple(self._resolve(name, country=country or None, near=None, kinds=kinds or None, limit=limit,
                                   fuzzy=fuzzy, bonus=None, cue=cue))

    def _resolve(self, name, *, country, near, kinds, limit, fuzzy, bonus, cue) -> list[Candidate]:
        core, own_cue = strip_type_words(name)
        cue = own_cue or cue  # a cue from the surrounding text ("the province of X") when the name has none
        found = self.gather(name, fuzzy=False)
        whole = frozenset(found) if own_cue else frozenset()
        if core and core != fold(name):
            for pid, (kind, nm) in self.gather(core, fuzzy=fuzzy, strict=bool(found)).items():
                # the bare core matched: as good as the full name unless the full name matched better
                _keep(found, pid, kind, nm)
        if not found and fuzzy:
            found = self.gather(name, fuzzy=True)
        if not found:
            return []
        # written in capitals only: "UN" is the organisation, "Un" a town in Gujarat, "Eu" one in Normandy
        org = self.store.abbreviation(name.strip()) if name.replace(".", "").isupper() else None
        if org is not None and not org[0]:
            # an organisation's acronym (UN, NATO, EU): the bloc or region it names, never a namesake town
            places = self.store.places(list(found))
            found = {pid: v for pid, v in found.items() if pid in places and places[pid].kind in _BLOC_KINDS}
            if not found:
                return []
        return self.rank(name, found, cue=cue, country=country, near=near, kinds=kinds, limit=limit,
                         bonus=bonus,
                         whole=whole, own_cue=bool(own_cue))

    def rank(self, name, found, *, cue="", country=None, near=None, kinds=None, limit=5, bonus=None,
             whole: frozenset[int] = frozenset(), own_cue: bool = False) -> list[Candidate]:
        """Score the gathered candidates; ``whole`` are those whose own name includes the type word,
        ``own_cue`` says the cue was written in the name itself (not read from the surrounding text)."""
        st = self.store
        countries = {country.upper()} if isinstance(country, str) else {c.upper() for c in country or ()}
        kinds = set(kinds) if kinds else None
        qfold = fold(name)
        qcore = fold(strip_type_words(name)[0]) or qfold
        # When some place carries the name as its own (primary) name, places that only list it
        # among alternates (a province's name on its capital: "Hatay" on Antakya) are less likely.
        has_primary = any(m == "exact" for m, _ in found.values())
        places = st.places(list(found))
        # A city that shares its name with the province it lies in ("Idlib", "Aleppo") is what a bare
        # name usually means; the province needs its type word ("Idlib province").
        # The province loses what its city would win, so that a city never gains on third places by it:
        # "Florida" the Uruguayan department's seat does not beat the US state.
        seats: dict[tuple[str, str], float] = {}
        for pid, (mk, _n) in found.items():
            p = places.get(pid)
            if p is not None and p.kind in ("city", "town") and p.admin1:
                full = mk == "exact" or p.fcode in ("PPLA", "PPLC")
                key = (p.cc, p.admin1)
                seats[key] = max(seats.get(key, 0.0), NAMESAKE_BONUS if full else NAMESAKE_BONUS / 2)
        # Loose matches are confirmed by string similarity; only the most prominent few are worth it.
        loose = [pid for pid, (mk, _n) in found.items() if mk in ("transliteration", "fuzzy")
                 and pid in places]
        closest: dict[int, tuple[str, float]] = {}
        if loose:
            loose.sort(key=lambda pid: -places[pid].prior)
            loose = loose[:MAX_LOOSE]
            closest = self._closest_names(loose, qcore)
        # the fallbacks of a type word (a seat town for "district") count only when nothing of its own kind is
        # there
        cue_ok = CUE_KINDS.get(cue) if cue else None
        cue_kind_found = bool(cue_ok) and any(p is not None and p.kind in cue_ok for p in places.values())
        # "Lebanon County" names a county the gazetteer has under that whole name: the country Lebanon, found
        # by the bare core, is only its namesake (a fallback when no such county exists)
        whole_cue = cue == "admin2" and bool(cue_ok) and any(
            pid in whole and mk in ("exact", "alternate", "folded") and places.get(pid) is not None
            and places[pid].kind in cue_ok for pid, (mk, _n) in found.items())
        # "Tunis": a capital named exactly, and its country only through an alternate name (one word for both
        # in many languages): the capital, not the country
        capitals = {places[pid].cc for pid, (mk, _n) in found.items()
                    if mk == "exact" and pid in places and places[pid].fcode == "PPLC"}
        scored: list[tuple[float, float, PlaceRecord, str, str]] = []
        for pid, (mkind, nm) in found.items():
            p = places.get(pid)
            if p is None:
                continue
            if countries and p.cc not in countries:
                continue
            if kinds and p.kind not in kinds:
                continue
            if whole_cue and pid not in whole and p.kind not in cue_ok:
                continue
            if p.kind == "country" and mkind == "alternate" and p.cc in capitals:
                continue
            quality = QUALITY[mkind]
            penalty = MATCH_PENALTY[mkind]
            if has_primary and mkind == "alternate":
                penalty += 0.8
                if p.kind == "country" and p.population < SMALL_TERRITORY:
                    # "Norfolk" for Norfolk Island (1,800 people): a territory known by a shortened name
                    # weighs as an area of its people against the places whose own name it is
                    penalty += KIND_PRIOR["country"] - KIND_PRIOR["admin1"]
            if mkind in ("transliteration", "fuzzy"):
                if pid not in closest:
                    continue
                nm, ratio = closest[pid]
                if ratio < MIN_RATIO[mkind]:
                    continue
                quality *= (ratio / 100.0) ** 2
                penalty += (100.0 - ratio) / 8.0  # how close the spelling is matters for loose matches
            weight = p.prior - penalty
            if seats and p.kind == "admin1":
                weight -= seats.get((p.cc, p.name), 0.0)
            mismatch = False
            if pid in whole:
                weight += WHOLE_NAME_BONUS
            if cue:
                ok = CUE_KINDS.get(cue)
                if pid in whole and ok is not None and p.kind not in ok:
                    pass  # "Lake Charles", "Mount Vernon": the type word is part of a town's own name
                elif ok is not None and p.kind not in ok and (cue_kind_found or not self._fits_cue(cue, p)):
                    # a camp query that lands on a village is possible, not likely
                    weight -= 2.0 * TEMPERATURE
                    mismatch = own_cue
                elif ok is not None:
                    weight += 1.0
            if near is not None:
                d = haversine_km(near[0], near[1], p.lat, p.lon)
                weight += 1.5 * math.exp(-d / 150.0) - 0.5 * min(d / 2000.0, 1.0)
            if bonus is not None:
                weight += bonus(p)
            scored.append((weight, min(quality, CUE_MISMATCH_CAP) if mismatch else quality, p, mkind, nm))
        if not scored:
            return []
        top = max(w for w, *_ in scored)
        z = sum(math.exp((w - top) / TEMPERATURE) for w, *_ in scored)
        ranked = []
        for w, quality, p, mkind, nm in scored:
            share = math.exp((w - top) / TEMPERATURE) / z
            score = min(share, quality) * (1.0 if mkind in ("exact", "alternate", "folded") else 0.9)
            ranked.append((round(score, 4), p, mkind, nm))
        ranked.sort(key=lambda t: (-t[0], _RANK[t[2]], -t[1].population))
        return [to_candidate(p, score=sc, match=mk, matched_name=nm) for sc, p, mk, nm in ranked[:limit]]

    def _bloc(self, pid: int) -> bool:
        p = self.store.places([pid]).get(pid)
        return p is not None and p.source == "regions"

    def _fits_cue(self, cue: str, p: PlaceRecord) -> bool:
        """Places a type word can mean beyond its own kind: a district's seat town for "district"
        (the Levant's districts are named after their seats and the dumps list the seats), a border
        village beside a known crossing for "crossing"."""
        if cue == "admin2":
            return p.fcode in ("PPLA2", "PPLA3", "ADM2", "ADM3")
        if cue == "crossing" and p.kind in ("village", "town"):
            return any(haversine_km(p.lat, p.lon, lat, lon) <= CROSSING_REACH_KM
                       for lat, lon in self._crossings())
        return False

    def _crossings(self) -> list[tuple[float, float]]:
        if self._crossing_points is None:
            self._crossing_points = [(c.lat, c.lon) for c in self.store.features(["crossing"])]
        return self._crossing_points

    def _closest_names(self, pids: list[int], qfold: str) -> dict[int, tuple[str, float]]:
        """Each place's name closest to the query (string similarity, spaced and unspaced)."""
        q = qfold.replace(" ", "")
        out: dict[int, tuple[str, float]] = {}
        for pid, key, nm in self.store.keys_of(pids):
            # with and without spaces: "Kafrawaid" ~ "Kafr Uwayd", but "Ras al Ain" is not "Rasin"
            r = (fuzz.ratio(q, key.replace(" ", "")) + fuzz.ratio(qfold, key)) / 2
            if pid not in out or r > out[pid][1]:
                out[pid] = (nm, r)
        return out


def _keep(out: dict[int, tuple[str, str]], pid: int, kind: str, nm: str) -> None:
    old = out.get(pid)
    if old is None or _RANK[kind] < _RANK[old[0]]:
        out[pid] = (kind, nm)


_DEFAULT: Resolver | None = None


def default_resolver() -> Resolver:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Resolver()
    return _DEFAULT


def resolve(
    name: str,
    *,
    country: str | Iterable[str] | None = None,
    near: tuple[float, float] | None = None,
    kinds: Iterable[str] | None = None,
    limit: int = 5,
) -> list[Candidate]:
    """Ranked candidates for a place name; an empty list when nothing fits.

    >>> geokit.resolve("Reyhanli")[0].geonameid
    302355
    """
    return default_resolver().resolve(name, country=country, near=near, kinds=kinds, limit=limit)
