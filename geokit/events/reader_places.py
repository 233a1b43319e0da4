"""The event reader's places (a mixin of ``reader.Reader``): each place's role around a trigger (place,
origin, destination, via), the event's place among them, the report's main place, and the refinement to the
most specific place the report gives (ACLED codes the finest location).
"""

from __future__ import annotations

import re
from dataclasses import replace

from geokit.events import syntax
from geokit.events.clauses import _PREP, _TYPE_NOUN_OF, _in_attribution, _nearest_prep
from geokit.events.drafts import _Draft
from geokit.events.placerefs import level, more_specific, relation, to_placeref, toponym_placeref
from geokit.events.sentences import Sentence
from geokit.events.triggers import MOTION_TYPES, Trigger
from geokit.events.wording import wording
from geokit.model import PlaceRef, Toponym
from geokit.parsing.dates import DateRef

# score added to a candidate place by its dependency attachment to the trigger (geokit.events.syntax)
_ATTACHMENT_WEIGHT = {"own": 1.0, "other": -1.5}
_MILITARY_WORDS = wording("military_words")
_ACTOR_BASE = wording("actor_base")
_HOMETOWN_BEFORE = wording("hometown_before")
_FUTURE_BETWEEN = wording("future_predicate_between")
_HELP_FROM = wording("help_brought_from")
_HOMETOWN_AFTER = wording("hometown_after")
_ACTOR_COUNTRY = wording("actor_country")
_TRIP_ABROAD = wording("trip_abroad")
_MOVERS_OF = wording("movers_of")
_HOMES_END = re.compile(r"\b(?:homes?|houses|villages?|land)$", re.I)
_OBJECT_FRAME = wording("object_frame")
_LOCATIVE = {"in", "at", "into", "to", "inside", "from", "near", "outside", "across", "over", "off", "toward",
             "towards", "around", "on", "through", "along", "throughout"}
_DURING_VISIT = wording("during_visit")
_ARMY_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,2}?" + _MILITARY_WORDS.pattern, re.I)
_SOIL_AFTER = wording("soil_after")
_SOIL_BEFORE = re.compile(r"\b(?:on|onto|into|to|in|reached|entered)\s+(?:the\s+)?$", re.I)
# ("off X": where a sea crossing was stopped or landed, "intercepted off X")
_DEST_PREPS = {"into", "to", "in", "at", "toward", "towards", "inside", "near", "outside", "across", "for",
               "off"}
_ORIGIN_PREPS = {"from", "out of"}
# an abduction's "from" place is where it happened ("kidnapped a priest from his parish in X")
_TAKEN_FROM = re.compile(r"\b(?:kidnap\w*|abduct\w*|snatch\w*|taken\s+hostage|seized\s+hostages?)", re.I)
_VIA_PREPS = {"via", "through"}
# a place's bracketed areas in ACLED's notes: "Kirenowa (Marte, Borno)", "Solenzo (Banwa)"
_SETTLEMENT_OBJECT = re.compile(r"\s*(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:town|city|village|hamlet|settlement|"
                                r"border\s+town|port\s+city|port|locality)\s+of\s+", re.I)
_AREA_WORD_AFTER = re.compile(r"\s+(?:region|province|state|district|governorate|oblast|county|department|"
                              r"prefecture|territory)\b", re.I)
_AREAS_AFTER = re.compile(r"\s*\(([^()]{2,80})\)")
_ADMIN_LIST = re.compile(r"(?P<name>\b[A-Z][\w'’-]*(?:[\s-]+[A-Z][\w'’-]*){0,3})\s*\((?:[^()]{1,60},\s*)?$")
# prepositions that put an event inside a place ("in/at/near/on X"): not origins, destinations or owners
_IN_PLACE_PREPS = {"in", "at", "inside", "near", "outside", "on", "around", "throughout", "across", "along"}
# "..., a local official told AFP in Yaounde", "the UN said in Geneva": where it was said,
# not where it happened
_IN_REPORT_FRAME = wording("in_report_frame")
_CAPITAL_AFTER = wording("country_capital_after")
_REACTING_STATE = wording("reacting_state_after")
_TOPIC_OF_TALKS = wording("topic_of_talks")
_NOUN_OBJECT_OF = re.compile(r"\s+of\s+(?:the\s+)?(?:(?:[\w-]+\s+)?(?:town|city|village|district|camp|port|"
                             r"province|region)\s+of\s+)?", re.I)
# between the subject's place and an active displacing verb: "(Fighting in X)['s south] has (also) displaced"
# (the place's own area word may follow it: "Floods in X district forced ...", "... in X and Y provinces", and
# the cause's own time: "clashes in X since 24 April have forced ...")
_CAUSE_SUBJECT_GAP = re.compile(
    r"(?:['’]s\s+\w+(?:\s+\w+)?)?(?:\s+(?:district|province|state|region|county|governorate|township|"
    r"municipality|prefecture|department|regency)s?)?(?:,?\s+(?:since|on|in|during|over|last|this)\s+"
    r"(?:[\w-]+\s+){0,2}?[\w-]+,?)?\s+(?:has|have|had)?\s*(?:also\s+|now\s+|reportedly\s+)?",
    re.I,
)


# a place's name followed by a facility noun and the facility's own place: "the X 1 reception centre in Y"
_FACILITY_IN = re.compile(
    r"\s+(?:\d+\s+)?(?:[a-z][\w-]*\s+){0,2}(?:camps?|cent(?:re|er)s?|sites?|settlements?|shelters?|"
    r"facilit(?:y|ies))\s+(?:in|at|near|on)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$")


class PlacesMixin:
    """Places by role around a trigger, and the finest place the report gives for an event."""

    def _roles(self, trig: Trigger, places: list[Toponym], scope_end: int):
        """Origin, destination and via of a motion trigger from prepositions and objects."""
        origin = destination = None
        via: list[PlaceRef] = []
        groups: dict[str, list[list[Toponym]]] = {"dest": [], "origin": [], "via": []}
        last_role, last_end = None, -10
        for t in places:
            role = self._role(trig, t)
            if role is None:
                last_role = None
                continue
            gap = self.text[last_end:t.start] if last_end >= 0 else ""
            if (
                role == last_role
                and len(gap) <= 12
                and re.fullmatch(r"[\s’',]*(?:s\s+)?[\s,]*(?:\w+\s+)?", gap or " ")
            ):
                groups[role][-1].append(t)
            else:
                groups[role].append([t])
            last_role, last_end = role, t.end
        if groups["dest"]:
            rank = {"into": 0, "to": 0, "toward": 0, "towards": 0, "in": 1, "at": 1, "inside": 1}
            groups["dest"].sort(
                key=lambda g: rank.get(_nearest_prep(self.text, g[0].start, trig.end) or "", 2)
            )
            destination = self._best_in_group(groups["dest"][0])
            named = groups["dest"][0][-1]
            for g in groups["dest"][1:]:
                later = self._best_in_group(g)
                if destination is not None and later is not None and _FACILITY_IN.match(
                        self.text, named.end, g[0].start) and relation(destination, later)[0] == "conflict":
                    # "to the Jeddah 1 rehabilitation centre in Ninewa": a facility named after a place
                    # elsewhere; the place it stands in is where the movers went
                    destination = later
                    break
            for g in groups["dest"][1:]:
                later = self._best_in_group(g)
                if later is not None and destination is not None and relation(destination, later)[0] in (
                        "contains", "admin1", "near", "same"):
                    if level(later) < level(destination):
                        destination = later  # "into Turkey near Kilis": the town within the country
                    continue  # "to a camp ... in southern Turkey" where the camp was named: keep the camp
                if destination is None:
                    destination = later
        if groups["origin"]:
            origin = self._best_in_group(groups["origin"][0])
        for g in groups["via"]:
            p = self._best_in_group(g)
            if p is not None:
                via.append(p)
        if trig.type == "camp_placement" and groups["dest"]:
            camps = [t for g in groups["dest"] for t in g if t.place and t.place.kind == "camp"]
            if camps:
                destination = toponym_placeref(camps[0], self.text)
        if origin is not None and destination is not None and relation(origin, destination)[0] == "same":
            origin = None
        return origin, destination, via

    def _role(self, trig: Trigger, t: Toponym) -> str | None:
        if trig.start < t.start and t.end <= trig.end:
            # "had been moved from the town of X to camps": a name inside a long trigger, by its preposition
            prep = _nearest_prep(self.text, t.start, trig.start)
            if prep is None and re.match(r"(?:left|departed)\s", trig.text, re.I):
                return "origin"  # "left Libya for Italy": the place left
            return ("origin" if prep in _ORIGIN_PREPS else "via" if prep in _VIA_PREPS
                    else "dest" if prep in _DEST_PREPS else None)
        if t.end <= trig.start:
            before = self.text[max(0, t.start - 30):t.start]
            m = _PREP.search(before)
            if (
                m
                and m.group(1).lower() in ("in", "near", "around")
                and trig.motion == "out"
                and trig.type in ("displacement", "flight")
                and _CAUSE_SUBJECT_GAP.fullmatch(self.text, t.end, trig.start)
            ):
                return "origin"  # "Fighting in X has displaced 1,500 families": forced out of X
            return "origin" if m and m.group(1).lower() in _ORIGIN_PREPS else None
        between = self.text[trig.end:t.start]
        if _HOMES_END.search(trig.text) and re.fullmatch(r"\s*(?:in|at|near|around)\s+(?:the\s+)?", between):
            return "origin"  # "fled their homes in X (for Y)": the homes are where they left
        if re.match(r"evacuat", trig.text, re.I) and re.fullmatch(
                r"\s*(?:the|a|an|its|their|his|her)\s+(?:[\w'’-]+\s+){0,3}?(?:in|at|near|of)\s+(?:the\s+)?",
                between):
            return "origin"  # "evacuated the hospital in X (and moved patients to Y)": the building's place
        if len(between) <= 90 and (_MOVERS_OF.search(between) or _MOVERS_OF.search(
                self.text, max(trig.start, trig.end - 5), t.start)):  # the trigger's own "from"
            return "origin"  # "evacuated 300 residents of X", "relocated families from the banks of X"
        if trig.motion == "out" and (_TRIP_ABROAD.fullmatch(between) or (
                not between.strip() and _TRIP_ABROAD.search(trig.text + " "))):
            return "origin"  # "returned from a trip to X": X is where they come back from
        prep = _nearest_prep(self.text, t.start, trig.end)
        if prep in ("in", "at", "on") and re.search(r"\bfrom\s*$", trig.text, re.I) and \
                _nearest_prep(self.text, t.start, trig.start) == "from":
            prep = "from"  # "relocated 300 refugees from the reception centre on X": the facility's place
        if prep is None and len(between) <= 40:
            own = _nearest_prep(self.text, t.start, trig.start)  # "drove from the capital, X"
            if own is not None and trig.text.lower().endswith(own):
                prep = own
        if prep is None and len(between) <= 40 and (not between.strip() or _TYPE_NOUN_OF.search(between)):
            # "crossed from X", "streamed out of X", "transported to the capital city of X": the trigger's own
            words = trig.text.lower().split()
            prep = (
                " ".join(words[-2:]) if words[-2:] == ["out", "of"] else words[-1] if len(words) > 1 else None
            )
            if prep not in _ORIGIN_PREPS | _VIA_PREPS | _DEST_PREPS:
                prep = None
        if prep in _ORIGIN_PREPS:
            return "origin"
        if prep in _VIA_PREPS:
            return "via"
        if prep in _DEST_PREPS:
            return "dest"
        if (
            prep is None
            and len(between) <= 25
            and re.fullmatch(r"\s*(?:the\s+)?(?:[\w-]+\s+of\s+)?(?:the\s+)?", between)
        ):
            return "origin" if trig.motion == "out" else "dest"
        if prep is None and len(between) <= 45 and _OBJECT_FRAME.fullmatch(between):
            # "entered the Syrian town of X", "fled the besieged city of X": the verb's object, framed
            return "origin" if trig.motion == "out" else "dest"
        return None

    def _named_capital(self, t: Toponym) -> PlaceRef | None:
        """ "talks in the Myanmar capital", "in Kenya's capital": a country before "capital" (no name after
        it) means its capital city, when the report names that city (a PPLC of the country) anywhere."""
        p = t.place
        if p is None or not (p.feature_code or "").startswith("PCL") or \
                not _CAPITAL_AFTER.match(self.text, t.end):
            return None
        for other in self.places:
            q = other.place
            if q is not None and q.feature_code == "PPLC" and q.country_code == p.country_code:
                return toponym_placeref(other, self.text)
        return None

    def _best_in_group(self, group: list[Toponym]) -> PlaceRef | None:
        refs = [toponym_placeref(t, self.text) for t in group]
        best = None
        for r in refs:
            best = more_specific(best, r)
        return best

    def _event_place(
        self, trig: Trigger, places: list[Toponym], etype: str, wide: bool = False,
        sent: Sentence | None = None,
    ) -> PlaceRef | None:
        """The most specific place the clause puts the event at (locative phrases, objects).

        ``wide``: the places are from the rest of the sentence (the clause names none), so any
        mention that is not an origin ("from") may place the event. With a dependency parse
        (``geokit.events.syntax``) and several candidates, a place whose phrase hangs from the
        trigger's own predicate is preferred to one hanging from another predicate.
        """
        scored: list[tuple[float, PlaceRef, Toponym]] = []
        for t in places:
            ref = self._named_capital(t) or toponym_placeref(t, self.text)
            if ref is None:
                continue
            prep = _nearest_prep(self.text, t.start, 0)
            if self._outside_its_areas(t, ref):
                continue  # "Ber (Timbuktu, Timbuktu)" read as a town in Greece: not the place the note means
            admin_of = _ADMIN_LIST.search(self.text, max(0, t.start - 120), t.start)
            if prep is None and admin_of is not None:
                # ACLED's "near the village of X (Admin2, Admin1)": the bracketed areas of a place the
                # gazetteer may not know take that place's preposition, below the place itself
                prep = _nearest_prep(self.text, admin_of.start("name"), 0)
            if etype == "meeting" and prep in ("on", "about", "over", "regarding", "concerning") and \
                    _TOPIC_OF_TALKS.search(self.text, max(0, t.start - 60), t.start):
                continue  # "talks on Syria", "a conference about Yemen": the topic, not where they met
            if prep in ("from", "out of") and etype not in MOTION_TYPES and etype != "military_deployment" \
                    and not _TAKEN_FROM.search(trig.text):
                continue  # "a shell fired from Syria killed two": where the fire came from, not where it hit
                # (but "abducted 30 villagers from a village near X": people are taken where they were)
            hometown = _HOMETOWN_BEFORE.search(self.text, max(0, t.start - 40), t.start) or \
                _HOMETOWN_AFTER.match(self.text, t.end)
            if etype not in MOTION_TYPES and hometown:
                continue  # "Jane Roe, 40, of X was arrested", "a X man was charged": the person's hometown
            if t.end <= trig.start and _ACTOR_BASE.search(self.text, max(0, t.start - 40), t.start):
                continue  # "fighters based in X killed four in Y": the actor's base, not where it happened
            if t.end <= trig.start and _REACTING_STATE.match(self.text, t.end):
                continue  # "Washington condemned the shelling of X, which killed 30": the reacting state
            if t.end <= trig.start and level(ref) == 4 and \
                    _ACTOR_COUNTRY.search(self.text, max(0, t.start - 40), t.start):
                continue  # "security forces in Guinea shot dead ...": whose forces, not where
            between = self.text[trig.end:t.start] if t.start >= trig.end else None
            if between is not None and _FUTURE_BETWEEN.search(between):
                continue  # "was charged and will be returned to X": the place of a plan told after the event
            framed = bool(_TYPE_NOUN_OF.search(self.text[max(0, t.start - 40):t.start]))
            adjacent = t.end <= trig.start and trig.noun and \
                re.fullmatch(r"[\s-]*(?:[\w-]+\s+)?", self.text[t.end:trig.start]) is not None
            if adjacent:
                score = 2.5  # "the Cairo conference", "the two-day Cairo meeting"
            elif prep in _LOCATIVE:
                score = 2.0
            elif framed and between is not None and _SETTLEMENT_OBJECT.fullmatch(between):
                score = 2.0  # "captured the village of X": the trigger's own object, a settlement
            elif trig.noun and t.start >= trig.end and \
                    _NOUN_OBJECT_OF.fullmatch(self.text, trig.end, t.start):
                score = 2.0  # "the siege of X", "the shelling of X": the event noun's object is where it was
            elif framed:
                score = 1.0
            elif (
                prep is None
                and between is not None
                and len(between) <= 25
                and re.fullmatch(r"\s*(?:the\s+)?(?:[\w-]+\s+){0,2}?", between)
                and not re.search(r"['’]s", between)
            ):
                score = 1.5  # direct object: "visited Homs", "shelled Rastan"
            elif etype in ("military_deployment", "meeting") and t.end <= trig.start and prep is None:
                # "Turkey scrambled jets", "Turkey's parliament met": the state acting, not where
                score = -1.5
            elif wide and prep != "from":
                score = 0.5
            else:
                continue
            score += (5 - level(ref)) * 1.0
            if ref.geo_precision == 2 and level(ref) != 2:
                score -= 1.0
            if t.kind == "literal":
                score += 0.5
            if re.match(r"['’]s\b", self.text[t.end : t.end + 3]) and not re.match(
                r"['’]s\s+[A-Z]", self.text[t.end : t.end + 5]
            ):
                score -= 1.5  # "Syria's President", "Turkey's government": an owner, not a location
            score -= abs(t.start - trig.start) / 200.0
            if admin_of is not None:
                score -= 1.0
            if level(ref) == 1 and _AREA_WORD_AFTER.match(self.text, t.end):
                score -= 1.0  # "in Ukraine's Donetsk region" read as the city: the area, not a town
            scored.append((score, ref, t))
        if len(scored) > 1 and sent is not None:
            scored = [(score + _ATTACHMENT_WEIGHT.get(self._attachment(sent, trig, t), 0.0), ref, t)
                      for score, ref, t in scored]
        best, best_score = None, float("-inf")
        for score, ref, _t in scored:
            if score > best_score:
                best, best_score = ref, score
        return best

    def _acting_country(self, lo: int, hi: int) -> str:
        """The country whose forces act in ``text[lo:hi]`` (the subject of a capture): the last demonym
        ("Russian forces", "Military Forces of Russia (2000-)"), else ""."""
        found = [(t.start, t.place.country_code) for t in self.demonyms
                 if lo <= t.start and t.end <= hi and t.place is not None and t.place.country_code]
        return max(found)[1] if found else ""

    def _outside_its_areas(self, t: Toponym, ref: PlaceRef) -> bool:
        """Whether a place is followed by bracketed areas ("X (Admin2, Admin1)", ACLED's notes) that the
        gazetteer puts in other countries than the place read for X."""
        m = _AREAS_AFTER.match(self.text, t.end)
        if m is None or not ref.country_code:
            return False
        areas = [a.place.country_code for a in self._places_in(m.start(1), m.end(1)) if a.place is not None]
        areas = [cc for cc in areas if cc]
        return bool(areas) and ref.country_code not in areas

    def _parsed_places(self, sent: Sentence, trig: Trigger, places: list[Toponym]) -> list[Toponym]:
        """The sentence's places whose phrase hangs from the trigger's own predicate, when a dependency
        parse finds any; else the clause's places as the word-order rules cut them."""
        whole = [
            t for t in self._places_in(sent.start, sent.end)
            if not _IN_REPORT_FRAME.search(self.text, max(0, t.start - 80), t.start)
            and not _in_attribution(sent, trig, t)
        ]
        if not whole or (len(whole) == 1 and places == whole):
            return places  # one place, already the clause's: nothing for a parse to decide
        own = [t for t in whole if self._attachment(sent, trig, t) == "own"]
        return own or places

    def _attachment(self, sent: Sentence, trig: Trigger, t: Toponym | DateRef) -> str | None:
        """"own" / "other" / None from the optional dependency parse (``geokit.events.syntax``)."""
        if not (sent.start <= min(trig.start, t.start) and max(trig.end, t.end) <= sent.end):
            return None
        return syntax.attachment(sent.text, (trig.start - sent.start, trig.end - sent.start),
                          (t.start - sent.start, t.end - sent.start))

    def _report_army(self, destination: PlaceRef) -> PlaceRef | None:
        """Soldiers crossing into a country, unnamed origin: the army the report is about (its main demonym).

        Only when one foreign army is named ("Syrian officers", "the Syrian army") more often
        than any other in the report.
        """
        tally: dict[str, list[Toponym]] = {}
        for t in self.demonyms:
            cc = t.place.country_code
            if cc and cc != destination.country_code and _ARMY_AFTER.match(self.text, t.end):
                tally.setdefault(cc, []).append(t)
        ranked = sorted(tally.values(), key=len, reverse=True)
        if not ranked or (len(ranked) > 1 and len(ranked[1]) == len(ranked[0])):
            return None
        return replace(to_placeref(ranked[0][0].place), geo_precision=4)

    def _soil(self, s: int, e: int) -> PlaceRef | None:
        """ "were now on Turkish soil", "reached Jordanian territory": the demonym's country
        as destination."""
        for t in self.demonyms:
            if s <= t.start and t.end <= e and _SOIL_AFTER.match(self.text, t.end) and \
                    _SOIL_BEFORE.search(self.text[max(0, t.start - 12):t.start]):
                return replace(to_placeref(t.place), geo_precision=4)
        return None

    def _main_place(self) -> PlaceRef | None:
        """The report's main place (``_focus``), computed once per report: the places are known from the
        start, and a long report with many journeys must not recount them for each."""
        if not self._main_done:
            self._main, self._main_done = self._focus(), True
        return self._main

    def _focus_country(self) -> str:
        """The country code of the report's main place."""
        focus = self._main_place()
        return (focus.country_code or "") if focus is not None else ""

    def _story_place(self, sent: Sentence, ns: int, back: int = 3) -> PlaceRef | None:
        """The place the story is at when a clause names none: the most specific place of the nearest
        of this sentence (before the clause) and the ``back`` previous sentences that name one, with a
        coarser geo_precision."""
        starts = self._sentence_starts[-(back + 1):]
        hi = ns
        for lo in reversed(starts):
            found = [toponym_placeref(t, self.text) for t in self._places_in(lo, hi)
                     if not _IN_REPORT_FRAME.search(self.text, max(0, t.start - 80), t.start)
                     and not _HELP_FROM.search(self.text, max(lo, t.start - 80), t.start)]
            found = [r for r in found if r is not None]
            tally: dict[str, int] = {}
            for r in found:
                tally[r.country_code or ""] = tally.get(r.country_code or "", 0) + 1
            if max(tally.values(), default=0) >= 2:
                # "the town of X in the Y Valley, Z": a name resolved to another country than the two
                # around it is a doubtful reading, not the story's place
                found = [r for r in found if tally[r.country_code or ""] >= 2 or not r.country_code]
            home = self._focus_country()
            if home:  # "the UK-based monitor said ...": the story stays in the report's country
                found = [r for r in found if not r.country_code or r.country_code == home]
            if found:
                best = None
                for r in found:
                    best = more_specific(best, r)
                return replace(best, geo_precision=max(2, best.geo_precision))
            hi = lo
        return None

    def _refine_places(self) -> None:
        """An event placed at an area (a country, a province, a region, "near X") takes a place inside it
        that its own sentence, else a neighbouring sentence of its paragraph (for a true area), names in a
        locative phrase ("in/at/near/on X", "the town of X") that is not another event's, an origin, the
        actor's base or an attribution: "a car bomb in central Turkey killed 13 soldiers aboard a bus in
        Kayseri" is at Kayseri. Two sentences either side were tried: they also took towns that another
        clause tells about ("In the Hunan city of X, reservoirs overflowed" for an evacuation in Hunan).
        """
        # drafts by sentence: a long report's drafts are compared within a sentence, never all pairs
        self._by_sentence: dict[int, list[_Draft]] = {}
        for d in self.drafts:
            self._by_sentence.setdefault(d.sentence.index, []).append(d)
        for d in self.drafts:
            self._during_visit(d)
            area = d.place
            if d.hidden or area is None or (d.type in MOTION_TYPES and d.type != "displacement"):
                continue
            if level(area) < 2 and area.geo_precision < 2:
                continue
            sents = [d.sentence] + [
                self.sentences[i] for i in (d.sentence.index + 1, d.sentence.index - 1)
                if 0 <= i < len(self.sentences) and self.sentences[i].paragraph == d.sentence.paragraph
                and not self.sentences[i].title and not d.sentence.title and level(area) >= 2
            ]
            for sent in sents:
                finer = self._finer_place(d, area, sent)
                if finer is not None:
                    where = "sentence" if sent is d.sentence else "neighbouring sentence"
                    d.notes.append(f"place: {finer.name}, named within {area.name} in the event's {where} "
                                   "(the most specific place)")
                    d.place = finer
                    break

    def _during_visit(self, d: _Draft) -> None:
        """"X met Y when he visited Z", "talks during a visit to Z": a meeting tied in time to a visit of its
        sentence is held where the visit went, unless its own clause puts it at a town."""
        if d.type != "meeting" or (d.place is not None and level(d.place) < 3 and not d.fallback):
            return
        for v in self._by_sentence.get(d.sentence.index, ()):
            if v is d or v.type != "visit" or v.place is None:
                continue
            a, b = sorted((d.trigger, v.trigger), key=lambda t: t.start)
            lo = max(d.sentence.start, a.start - 40)
            if b.start - a.end > 120 or not _DURING_VISIT.search(self.text[lo:b.end]):
                continue
            d.place = v.place
            d.fallback = False
            d.notes.append(f"place: {v.place.name}, the visit it took place during")
            if d.date is None and v.date is not None and v.date.date is not None:
                d.date, d.date_note = v.date, "date of the visit it took place during"
            return

    def _finer_place(self, d: _Draft, area: PlaceRef, sent: Sentence) -> PlaceRef | None:
        """The one place of ``sent`` inside ``area`` that a locative phrase ties to no other event."""
        mine = {id(d.trigger), *(id(t) for t in d.told_by)}
        other_clauses = [c for t, c in self.clauses.get(sent.index, []) if id(t) not in mine]
        taken = [p for o in self._by_sentence.get(sent.index, ()) if o is not d
                 for p in (o.place, o.origin, o.destination) if p is not None]
        found: list[tuple[tuple[int, int, int], PlaceRef]] = []
        for t in self._places_in(sent.start, sent.end):
            ref = toponym_placeref(t, self.text)
            if ref is None or (level(ref), ref.geo_precision) >= (level(area), area.geo_precision):
                continue
            if level(ref) >= level(area) and not (level(ref) == 1 and area.geo_precision > 1):
                continue
            verdict = relation(area, ref)[0]
            inside = verdict == "contains" or verdict == "near" or (verdict == "admin1" and level(area) >= 3)
            if not inside:
                continue
            if _nearest_prep(self.text, t.start, sent.start) not in _IN_PLACE_PREPS:
                continue  # a subject, an owner ("Kayseri's governor"), a destination or an origin
            if _ACTOR_BASE.search(self.text, max(0, t.start - 40), t.start) or _IN_REPORT_FRAME.search(
                    self.text, max(0, t.start - 80), t.start) or _in_attribution(sent, d.trigger, t):
                continue
            if any(a <= t.start and t.end <= b for a, b in other_clauses):
                continue  # in another trigger's clause: that event's place
            if any(relation(p, ref)[0] in ("same", "near") for p in taken):
                continue  # another event of the sentence is there
            found.append(((level(ref), ref.geo_precision, abs(t.start - d.trigger.start)), ref))
        if not found:
            return None
        found.sort(key=lambda x: x[0])
        best = found[0][1]
        if any(relation(best, r)[0] not in ("same", "near", "contains", "admin1") for _k, r in found[1:]):
            return None  # two places apart inside the area: the sentence does not say which is the event's
        return best
