"""The event reader's movements (a mixin of ``reader.Reader``): a movement's ends read beyond its own clause
(the mover's origin, an onward arrival, a state expelling, the story's earlier places) and chains that
continue an earlier movement ("the defectors were placed in ...").
"""

from __future__ import annotations

import re
from dataclasses import replace

from geokit.events.clauses import _nearest_prep
from geokit.events.counts import compare, counts_dict
from geokit.events.drafts import _confidence, _Draft
from geokit.events.placerefs import (
    distance_km,
    level,
    level_of_candidate,
    more_specific,
    relation,
    to_placeref,
    toponym_placeref,
)
from geokit.events.reader_places import (
    _DEST_PREPS,
    _IN_REPORT_FRAME,
    _OBJECT_FRAME,
    _ORIGIN_PREPS,
    _VIA_PREPS,
)
from geokit.events.sentences import Sentence
from geokit.events.triggers import CLAUSE_BOUNDARY, MOTION_TYPES, Trigger
from geokit.events.wording import wording
from geokit.model import PlaceRef, Toponym

CHAIN_LOOKBACK = 4  # sentences within which "the defectors" continue an earlier movement
_CARRIER_AFTER = wording("carrier_after")
_ANAPHORIC = wording("anaphoric_group")
_MOVER_LOCATED = wording("mover_located")
_RESIDENT_AFTER = wording("resident_noun_after")
_AND_FROM = wording("and_from")
_PRIOR_STAY = wording("prior_stay")
_RELATIVE_BEFORE = re.compile(r"\b(?:who|that|which)\s+(?:(?:had|have|has|recently|just|earlier)\s+)*$", re.I)
_ONWARD = wording("onward_arrival")
_WHO_THEN = re.compile(
    r"(?:,\s*(?:who|(?:many|most|some|all)\s+of\s+whom)|,?\s+and\s+(?:then\s+|later\s+)?)\s*$", re.I)
_REDUCED_FLIGHT = re.compile(r"(?:displaced|evacuated|uprooted|expelled|deported)$", re.I)
_PEOPLE_BEFORE = re.compile(r"\b(?:people|persons|families|households|residents|villagers|civilians|refugees|"
                            r"children|women|men|migrants|\d[\d,]*)\s+$", re.I)
# "Kenya deported ...", "Jordan has expelled ...": the state as the subject of an expulsion is where from
_STATE_SUBJECT_GAP = re.compile(r"\s+(?:(?:has|have|had|also|now|then|reportedly)\s+)*", re.I)
_HOMEWARD_RETURN = wording("homeward_return")
_CAPITAL_REF = wording("capital_ref")
_DEPARTED = re.compile(r"\b(?:left|departed|shipped\s+out|set\s+off|headed\s+out)$", re.I)
_TO_WORD = re.compile(r"(?:to|into|towards?|for|reach(?:ed|es)?|entered|enters|arrived\s+(?:in|at))$", re.I)


def _domestic(origin: PlaceRef | None, destination: PlaceRef | None) -> bool:
    """Both ends named and in one country: a journey that crosses no international border."""
    return (origin is not None and destination is not None and bool(origin.country_code)
            and origin.country_code == destination.country_code)


_APPOSITIVE = re.compile(r",\s*(?:which|that|who)\b[^,;.]{1,120},\s*"
                         r"(?:(?:has|have|had|is|was)\s+(?:now\s+|also\s+|already\s+|long\s+)?"
                         r"(?:been\s+)?)?", re.I)
_FLEEING = re.compile(r"\b(?:fleeing|fled|escaping|escaped)\b", re.I)
_FLED_CAUSE_IN = wording("fled_cause_in")
_FLED_PLACE = re.compile(r"\s+(?:from\s+)?(?:the\s+)?(?:(?:[\w-]+\s+){0,2}?(?:town|city|village|province|"
                         r"region|district|state|capital)\s+of\s+(?:the\s+)?)?", re.I)
_RELATIVE_AFTER = re.compile(r"\s+(?:that|who|which)\s+(?:[\w-]+\s+){0,4}", re.I)
_REFUGEE_NOUN = re.compile(r"\s+(?:refugees|asylum[- ]seekers|nationals|migrants)\b", re.I)

class MovesMixin:
    """Movement ends beyond the trigger's clause, and chains continuing an earlier movement."""

    def _receiving_state(self, places: list[Toponym], who_start: int, trig: Trigger) -> PlaceRef | None:
        """ "Uganda took in 3,000 Congolese refugees": the state that is the subject of a reception."""
        for t in places:
            if t.end > trig.start or level_of_candidate(t.place) != 4:
                continue
            if who_start <= t.start <= who_start + 4 or _APPOSITIVE.fullmatch(self.text, t.end, trig.start):
                # "Chad, which shares a border with Sudan, has received ...": the subject before its clause
                return toponym_placeref(t, self.text)
        return None

    def _refugees_of(self, trig: Trigger, end: int) -> PlaceRef | None:
        """ "hosts 30,000 Sudanese refugees": the country of the refugees' demonym is where they came from;
        "refugees fleeing the fighting in X": the place of what they fled."""
        for t in self.demonyms:
            if trig.end <= t.start < end and t.place is not None and _REFUGEE_NOUN.match(self.text, t.end):
                return replace(to_placeref(t.place), geo_precision=4)
        for t in self._places_in(trig.end, min(len(self.text), trig.end + 160)):
            m = _FLEEING.search(self.text, trig.end, t.start)
            if m is not None and (_FLED_CAUSE_IN.fullmatch(self.text, m.end(), t.start)
                                  or _FLED_PLACE.fullmatch(self.text, m.end(), t.start)):
                return toponym_placeref(t, self.text)
            break
        return None

    def _placed_after(self, sent: Sentence, trig: Trigger) -> None:
        """A placement with no place of its own whose subject is the group just displaced ("displaced 20,000
        people in X, who were moved to relief camps"): the displacement is also a camp placement."""
        for prev in reversed(self.drafts):
            if prev.sentence.index != sent.index:
                return
            if prev.type == "displacement" and prev.trigger.end <= trig.start:
                if _WHO_THEN.search(self.text, prev.trigger.end, trig.start) and \
                        "camp_placement" not in prev.types:
                    prev.types.append("camp_placement")
                return

    def _visited_camp(self, sent: Sentence, trig: Trigger, camp: PlaceRef) -> None:
        """ "The minister visited the camp near X, home to N": the camp named inside a standing-figure trigger
        is also the object of the visit right before it, which otherwise finds no place of its own."""
        for prev in reversed(self.drafts):
            if prev.sentence.index != sent.index:
                return
            if prev.type == "visit" and prev.place is None and prev.trigger.end <= trig.start and \
                    re.fullmatch(r"\s*(?:the\s+|a\s+|an\s+|its\s+)?", self.text[prev.trigger.end:trig.start]):
                prev.place = camp
                return

    def _capital_end(self, trig: Trigger, origin: PlaceRef | None,
                     destination: PlaceRef | None) -> tuple[PlaceRef | None, PlaceRef | None]:
        """ "travelled to the capital", "fled the capital": the end named as a capital is the capital of
        the country of the other end (or of the report), when the report names that capital anywhere."""
        m = _CAPITAL_REF.match(self.text, trig.end)
        if m is None:
            return origin, destination
        word = m.group(0).split()[0].lower() if m.group(0).split() else ""
        into = trig.motion == "in" or word in ("to", "into", "toward", "towards", "for") or \
            bool(_TO_WORD.search(trig.text))
        if word == "from":
            into = False
        other = origin if into else destination
        country = (other.country_code if other is not None else "") or self._focus_country()
        if not country:
            return origin, destination
        for t in self.places:
            p = t.place
            if p is not None and p.feature_code == "PPLC" and p.country_code == country:
                ref = toponym_placeref(t, self.text)
                if into and destination is None:
                    return origin, ref
                if not into and origin is None:
                    return ref, destination
                break
        return origin, destination

    def _relative_flight(self, sent: Sentence, trig: Trigger) -> _Draft | None:
        """The flight told in the subject's relative clause of this arrival ("families who fled X arrived in
        Y"): the latest motion out of the sentence, its trigger right after "who/that", no clause between."""
        for prev in reversed(self.drafts):
            if prev.sentence.index != sent.index:
                return None
            if prev.trigger.motion != "out" or prev.trigger.start >= trig.start or \
                    prev.type not in MOTION_TYPES:
                continue
            reduced = _REDUCED_FLIGHT.match(prev.trigger.text) and _PEOPLE_BEFORE.search(
                self.text, max(0, prev.trigger.start - 30), prev.trigger.start)  # "families displaced by ..."
            if (reduced or _RELATIVE_BEFORE.search(self.text, max(0, prev.trigger.start - 30),
                                                   prev.trigger.start)) and \
                    not CLAUSE_BOUNDARY.search(self.text, prev.trigger.end, trig.start) and \
                    "," not in self.text[prev.trigger.end:trig.start]:
                return prev
            return None
        return None

    def _mover_origin(
        self, places: list[Toponym], who_start: int, trig: Trigger, destination: PlaceRef | None
    ) -> PlaceRef | None:
        """Where the movers are, named in their own phrase before the verb: "the students quarantined in
        the town of X were transported to Y", "residents of X fled", "X villagers were evacuated".

        The guide's movement runs from where the people were; their phrase says so before any demonym
        ("British students") does. The mention closest to the verb wins; never the destination itself.
        """
        best = None
        for t in places:
            # (a trigger may hold the movers' own phrase: "households who fled X returned to")
            inside = trig.motion == "in" and t.end <= trig.end
            if not (who_start <= t.start and (t.end <= trig.start or inside)):
                continue
            if not (_MOVER_LOCATED.search(self.text, max(who_start, t.start - 80), t.start)
                    or _RESIDENT_AFTER.match(self.text, t.end)
                    or (trig.motion == "out" and t.start - who_start <= 4
                        and _STATE_SUBJECT_GAP.fullmatch(self.text, t.end, trig.start))):
                continue
            ref = toponym_placeref(t, self.text)
            if ref is None or (destination is not None and relation(ref, destination)[0] == "same"):
                continue
            best = ref
        return best

    def _movers_home(self, trig: Trigger, who_start: int, scope_end: int,
                     origin: PlaceRef | None) -> PlaceRef | None:
        """The movers' country, as a coarse destination of a homeward move: the object's demonym of an
        active expulsion ("expelled two Syrian diplomats"), else the subject's ("Filipinos who returned",
        "Somalis were deported"); never the country they are leaving."""
        after = [t for t in self.demonyms if trig.end <= t.start and t.end <= scope_end
                 and t.start - trig.end <= 40]
        before = [t for t in self.demonyms if who_start <= t.start and t.end <= trig.start]
        if not before:
            # "thousands of Angolans that were expelled from X": the relative clause's antecedent
            before = [t for t in self.demonyms if 0 <= trig.start - t.end <= 60
                      and _RELATIVE_AFTER.fullmatch(self.text, t.end, trig.start)]
        passive = re.search(r"\b(?:was|were|been|being|be|is|are)\s+(?:\w+ly\s+)?$",
                            self.text[max(0, trig.start - 30):trig.start])
        if trig.motion == "out" and not _HOMEWARD_RETURN.match(trig.text) and not passive:
            pool = after  # the state or its police expel someone: the one expelled goes home
        else:
            pool = after + before if not before else before
        for t in pool:
            ref = replace(to_placeref(t.place), geo_precision=4)
            if origin is not None and origin.country_code and ref.country_code == origin.country_code:
                continue
            return ref
        return None

    def _onward(self, trig: Trigger, sent: Sentence) -> PlaceRef | None:
        """A flight's destination told by a participle after it: "fled X on Monday, arriving in Y", "fled X
        and reached the town of Y"."""
        m = _ONWARD.search(self.text, trig.end, sent.end)
        if m is None:
            return None
        for t in self._places_in(m.end(), sent.end):
            prep = _nearest_prep(self.text, t.start, m.start())
            between = self.text[m.end():t.start]
            if prep in _DEST_PREPS or _OBJECT_FRAME.fullmatch(between) or not between.strip() or \
                    re.fullmatch(r"\s*(?:in|at|into|to)?\s*(?:the\s+)?", between):
                return toponym_placeref(t, self.text)
            break
        return None

    def _later_to(self, trig: Trigger, sent: Sentence) -> PlaceRef | None:
        """A flight's "to Y" beyond its clause cut, in the same clause of the sentence ("fled the fighting
        in X to Y", where "fighting" took the rest of the words as its own clause)."""
        for t in self._places_in(trig.end, min(sent.end, trig.end + 90)):
            gap = self.text[trig.end:t.start]
            if CLAUSE_BOUNDARY.search(gap) or "," in gap:
                return None
            if _nearest_prep(self.text, t.start, trig.end) in ("to", "into", "toward", "towards"):
                return toponym_placeref(t, self.text)
        return None

    def _sent_to(self, trig: Trigger, places: list[Toponym]) -> PlaceRef | None:
        """Where forces are sent: the first place after the verb governed by "to/into/towards" (or "for" after
        a departure: "the company left the armory in X for Y")."""
        leaving = bool(_DEPARTED.search(trig.text))
        for t in places:
            prep = _nearest_prep(self.text, t.start, trig.end) if t.start >= trig.end else None
            if prep in ("to", "into", "toward", "towards") or (leaving and prep == "for"):
                return toponym_placeref(t, self.text)
        return None

    def _left_from(self, trig: Trigger, places: list[Toponym], destination: PlaceRef) -> PlaceRef | None:
        """ "soldiers left the armory in X for Y": the place named between the departure and "for/to Y"."""
        if not _DEPARTED.search(trig.text):
            return None
        for t in places:
            if t.start < trig.end:
                continue
            ref = toponym_placeref(t, self.text)
            if ref is None or relation(ref, destination)[0] == "same":
                return None  # reached the destination: no origin named before it
            if _nearest_prep(self.text, t.start, trig.end) in ("in", "at", "from", None):
                return ref
        return None

    def _state_subject(self, places: list[Toponym], who_start: int, trig: Trigger,
                       destination: PlaceRef) -> PlaceRef | None:
        """ "Iraq sent troops to X", "Turkey has deployed jets to X": the state as the subject sends them."""
        for t in places:
            if who_start <= t.start <= who_start + 4 and t.end <= trig.start and \
                    level_of_candidate(t.place) == 4:
                ref = toponym_placeref(t, self.text)
                if ref is not None and relation(ref, destination)[0] != "same":
                    return ref
        return None

    def _story_destination(self, sent: Sentence, origin: PlaceRef, via: list[PlaceRef]) -> PlaceRef | None:
        """An arrival told by its origin alone: the sentence's place away from the origin (and its stops),
        else the report's main place in another country, with a coarser geo_precision."""
        def away(ref: PlaceRef | None) -> bool:
            return ref is not None and all(relation(ref, p)[0] not in ("same", "contains", "near")
                                           for p in (origin, *via))
        for t in self._places_in(sent.start, sent.end):
            if _IN_REPORT_FRAME.search(self.text, max(0, t.start - 80), t.start):
                continue
            ref = toponym_placeref(t, self.text)
            # not a stop or a further origin ("from A and B")
            if away(ref) and _nearest_prep(self.text, t.start, sent.start) not in \
                    _ORIGIN_PREPS | _VIA_PREPS | {"and", "or"}:
                return replace(ref, geo_precision=max(2, ref.geo_precision))
        focus = self._main_place()
        if away(focus) and focus.country_code and focus.country_code != origin.country_code:
            return replace(focus, geo_precision=max(2, focus.geo_precision))
        return None

    def _story_origin(self, sent: Sentence, before: int, destination: PlaceRef) -> PlaceRef | None:
        """An arrival whose clause names no origin: the latest place of the previous sentence that lies away
        from the destination ("Libya freed six medics ... They arrived in Sofia today"), with a coarser
        geo_precision (the clause does not say it)."""
        for t in reversed(self._places_in(sent.start, before)):
            # "he had been in X ... before his arrival in Y": a stay told earlier in the sentence
            if _PRIOR_STAY.search(self.text, max(sent.start, t.start - 60), t.start):
                ref = toponym_placeref(t, self.text)
                if ref is not None and relation(ref, destination)[0] not in ("same", "contains", "near"):
                    return ref
        if len(self._sentence_starts) < 2:
            return None
        # else the previous sentence that names a place (two back at most): another place earlier in this one
        # belongs to another clause ("the ceremony in X, as the team had travelled to Y"); a sentence between
        # that names none ("Phone lines were cut on Friday.") does not move the story
        starts = self._sentence_starts
        for k in range(2, min(4, len(starts)) + 1):
            hi = sent.start if k == 2 else starts[-k + 1]
            named = [t for t in self._places_in(starts[-k], hi)
                     if not _IN_REPORT_FRAME.search(self.text, max(0, t.start - 80), t.start)]
            if not named:
                continue
            for t in reversed(named):
                ref = toponym_placeref(t, self.text)
                if ref is None:
                    continue
                verdict = relation(ref, destination)[0]
                if verdict in ("same", "contains", "near"):
                    continue
                if verdict == "admin1" and not (level(ref) == 1 and level(destination) == 1
                                                and (distance_km(ref, destination) or 0) > 50):
                    continue  # but two towns of a province far apart are two ends ("Sukkur ... to Hyderabad")
                return replace(ref, geo_precision=max(2, ref.geo_precision))
            return None
        return None

    def _joined_origins(self, trig: Trigger, places: list[Toponym], origin: PlaceRef) -> list[PlaceRef]:
        """Further origins of the clause, each with its own "and from" ("from A, where the flood spread,
        and from B province"), below country level and apart from the first origin."""
        out: list[PlaceRef] = []
        for t in places:
            if t.start < trig.end or not _AND_FROM.search(self.text, max(trig.end, t.start - 40), t.start):
                continue
            ref = toponym_placeref(t, self.text)
            if ref is None or level(ref) >= 4 or ref in out:
                continue
            if relation(ref, origin)[0] in ("same", "contains"):
                continue
            out.append(ref)
        return out

    def _demonym_origin(
        self, s: int, trig_start: int, destination: PlaceRef | None, e: int = -1
    ) -> PlaceRef | None:
        """The actor's country ("Syrian soldiers", "defected from the Syrian army") as origin.

        None when the group includes people of the destination's country ("five Bulgarian nurses and a
        Palestinian doctor arrived in Sofia"): they are coming home, from somewhere the clause does not say.
        """
        if destination is not None and destination.country_code and any(
                s <= t.start and t.end <= trig_start and t.place.country_code == destination.country_code
                for t in self.demonyms):
            return None
        for t in self.demonyms:
            before_trigger = s <= t.start and t.end <= trig_start
            after_from = trig_start < t.start < e and re.search(
                r"\bfrom\s+(?:the\s+)?(?:[\w-]+\s+)?$", self.text[max(0, t.start - 30):t.start])
            if before_trigger and _CARRIER_AFTER.match(self.text, t.end):
                continue  # "a Spanish charity ship carrying 212 migrants": the ship's flag, not the movers'
            if before_trigger or after_from:
                ref = replace(to_placeref(t.place), geo_precision=4)
                if (
                    destination is not None
                    and destination.country_code
                    and ref.country_code == destination.country_code
                ):
                    continue
                return ref
        return None

    def _recent_motion(self, sent: Sentence) -> list[_Draft]:
        out = []
        for d in reversed(self.drafts):
            if sent.index - d.sentence.index > CHAIN_LOOKBACK:
                break
            if d.type in MOTION_TYPES:
                out.append(d)
        return out

    def _recent_camp(self, sent: Sentence) -> PlaceRef | None:
        """The latest camp named in this or the two previous sentences ("moved there")."""
        lo = max(
            (d.sentence.start for d in self.drafts if sent.index - d.sentence.index <= 2), default=sent.start
        )
        lo = min(lo, sent.start)
        camps = [t for t in self._places_in(lo - 400, sent.end) if t.place.kind == "camp"]
        return toponym_placeref(camps[-1], self.text) if camps else None

    def _same_camp(self, new: _Draft) -> bool:
        """A second placement into the camp a recent placement named ("moved there by Sunday")
        is the same one."""
        if new.type != "camp_placement" or new.destination is None:
            return False
        for old in self._recent_motion(new.sentence):
            if old.type != "camp_placement" or old.destination is None or \
                    relation(old.destination, new.destination)[0] != "same":
                continue
            if new.date is not None and new.date.date is not None and old.date is not None and \
                    old.date.date is not None and abs((new.date.date - old.date.date).days) > 7:
                continue
            new_counts = counts_dict(new.counts)
            if any(
                compare(v, old.counts_all[k]) == "conflict"
                for k, v in new_counts.items()
                if k in old.counts_all
            ):
                continue
            self._extend(old, new, new_counts)
            return True
        return False

    def _continue_chain(self, new: _Draft, head: str) -> bool:
        """Fold "the defectors entered Y" into the earlier movement of the same group."""
        if not _ANAPHORIC.match(head):
            return False
        new_counts = counts_dict(new.counts)
        singular = re.match(r"(?:he|she)\b", head.strip(), re.I) is not None
        for old in self._recent_motion(new.sentence):
            if singular and any(isinstance(v, int) and v > 1 or isinstance(v, tuple | list)
                                for v in old.counts_all.values()):
                continue  # "he arrived at X" is not the next leg of "six Filipinos returned"
            if any(
                compare(v, old.counts_all[k]) == "conflict"
                for k, v in new_counts.items()
                if k in old.counts_all
            ):
                continue
            if (
                new.date is not None
                and new.date.date is not None
                and old.date is not None
                and old.date.date is not None
                and abs((new.date.date - old.date.date).days) > 7
            ):
                continue
            self._extend(old, new, new_counts)
            if new.type == "camp_placement":
                new.chained = True
                if new.date is None and old.date is not None:
                    new.date = old.date
                    new.date_note = "date carried from the earlier sentence about the same group"
                new.counts_all = dict(new_counts)
                for k, v in old.counts_all.items():
                    new.counts_all.setdefault(k, v)
                new.who = f"{new.who} ({old.who})" if old.who and old.who not in new.who else new.who
                new.origin, new.via = None, []
                self._date_fields(new)
                new.sources.append(self._source(new.sentence, new_counts, new))
                new.confidence = _confidence(new, [new.date] if new.date else [])
                self.drafts.append(new)
            return True
        return False

    def _extend(self, old: _Draft, new: _Draft, new_counts: dict) -> None:
        dest = new.destination
        if dest is not None:
            if old.destination is None:
                old.destination = dest
            elif relation(old.destination, dest)[0] in ("contains", "admin1", "near") and \
                    level(dest) < level(old.destination) and new.type != "camp_placement":
                old.destination = dest  # refined: Hatay -> Reyhanli
            elif relation(old.destination, dest)[0] != "same":
                old.via.append(old.destination)
                old.destination = dest
            if old.type != "camp_placement" and new.type != "camp_placement":
                old.place = more_specific(old.place, dest) if old.place is None or \
                    relation(old.place, dest)[0] != "conflict" else old.place
        if old.origin is None and new.origin is not None:
            old.origin = new.origin
        if old.origin is not None:  # "quarantined in X ... the six were flown from X to Y": X is no stop
            old.via = [v for v in old.via if relation(v, old.origin)[0] != "same"]
        if old.hidden and (old.destination is not None or old.origin is not None):
            old.hidden = False
        for k, v in new_counts.items():
            old.counts_all.setdefault(k, v)
        if old.date is None and new.date is not None:
            old.date = new.date
            self._date_fields(old)
        old.sources.append(self._source(new.sentence, new_counts, old))
        old.notes.append(f"continued by {new.trigger.text!r} ({new.who})")
