"""The sentence reader: one report's events, movements and facts, sentence by sentence.

For each sentence: its triggers (``geokit.events.triggers``, rules in ``rules/triggers.toml``), each
trigger's clause scope, then the arguments read around it: actor(s), figures, places by role (place,
origin, destination, via), dates (own, borrowed from a time-linked clause, or the report's), causes
that make it no attack (``geokit.events.causes``), continuations of an earlier movement ("the defectors
were placed in ..."), elaborations that add figures, and stocks kept as facts. ``extract`` runs it
per report and links the results.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re
from dataclasses import replace

from geokit.events import syntax
from geokit.events.acled import classify
from geokit.events.causes import accidental_blast_pattern, cause_pattern
from geokit.events.clauses import (
    _CLOSING_ATTRIBUTION,
    _PREP,
    _REPORT_FRAME,
    _TYPE_NOUN_OF,
    _has_locative,
    _in_attribution,
    _narrow,
    _nearest_prep,
    _scopes,
)
from geokit.events.counts import Count, compare, counts_dict, find_counts, parse_number
from geokit.events.drafts import DocResult, _confidence, _Draft
from geokit.events.fairtypes import _FLIGHT_WORDS, _OFFICIAL_WORDS, _VIOLENCE, _fair_types, _fatalities
from geokit.events.placerefs import (
    distance_km,
    level,
    level_of_candidate,
    more_specific,
    relation,
    to_placeref,
    toponym_placeref,
)
from geokit.events.sentences import Sentence
from geokit.events.subjects import _PRONOUN, _actor, _actors, _bare_figure, _not_a_mover
from geokit.events.triggers import (
    CAUSATIVE,
    CLAUSE_BOUNDARY,
    MOTION_TYPES,
    Trigger,
    find_triggers,
    is_present,
)
from geokit.events.wording import wording
from geokit.model import (
    Event,
    Fact,
    Movement,
    PlaceRef,
    Source,
    Toponym,
)
from geokit.parsing.dates import DateRef, find_dates

CHAIN_LOOKBACK = 4  # sentences within which "the defectors" continue an earlier movement
# score added to a candidate place by its dependency attachment to the trigger (geokit.events.syntax)
_ATTACHMENT_WEIGHT = {"own": 1.0, "other": -1.5}

_MILITARY_WORDS = wording("military_words")
# "arrived in X for a two-day visit", "travelled to X for talks": the clause says it is a visit
_VISIT_PURPOSE = wording("visit_purpose")
_ANAPHORIC = wording("anaphoric_group")
_ELABORATION = wording("elaboration")
_CROWD = wording("crowd_size")
_STOCK = wording("stock_hosting")
_WHERE_STOCK = wording("stock_where")
# agency wording for a stock of displaced people where they stay: "2,300 IDPs are sheltering in schools in X"
_SHELTERING = wording("stock_sheltering")
_NUMBER_IN = wording("stock_number_in")
_ACTOR_BASE = wording("actor_base")
_COORDINATION = wording("coordinated_places")
_MOVER_LOCATED = wording("mover_located")
_RESIDENT_AFTER = wording("resident_noun_after")
_AND_FROM = wording("and_from")
_TRIP_ABROAD = wording("trip_abroad")
_HOMEWARD = wording("homeward_move")
_FORCES_SENT = wording("forces_sent")
_WITHDREW = wording("forces_withdrew")
_PRIOR_STAY = wording("prior_stay")
_DEFECTOR = re.compile(r"\b(?:defectors?|deserters?|conscripts?|recruits?|guards?|policem[ae]n|police)\b",
                       re.I)
_FLED_CAUSE = wording("fled_cause_in")
_RELATIVE_BEFORE = re.compile(r"\b(?:who|that|which)\s+(?:(?:had|have|has|recently|just|earlier)\s+)*$", re.I)
_ONWARD = wording("onward_arrival")
_HOME_AFTER = re.compile(r"\s+(?:back\s+)?home\b", re.I)  # "were flown home to ...", "sent back home"
# "Kenya deported ...", "Jordan has expelled ...": the state as the subject of an expulsion is where from
_STATE_SUBJECT_GAP = re.compile(r"\s+(?:(?:has|have|had|also|now|then|reportedly)\s+)*", re.I)
_HOMEWARD_RETURN = wording("homeward_return")
_OBJECT_FRAME = wording("object_frame")
_LOCATIVE = {"in", "at", "into", "to", "inside", "from", "near", "outside", "across", "over", "off", "toward",
             "towards", "around", "on", "through", "along", "throughout"}
_DURING_VISIT = wording("during_visit")
_LEGAL_CHARGE = wording("legal_charge_before")
_HAPPENED_AFTER = wording("happened_after")
_LEAD_AFTER = wording("lead_after")
_FORCED_OBJECT = wording("forced_object")
_PROTESTERS_HIT = re.compile(
    r"\b(?:protesters|demonstrators|marchers|mourners|rioters|strikers|students\s+protesting)\b", re.I)
_INCIDENT_WORDS = wording("incident_noun")
_FLED_OR_EVACUATED = re.compile(
    r"\b(?:fled|flee(?:s|ing)?|escaped|escaping|evacuated|evacuating|expelled|deported)\b", re.I)
# "the attack on a police post near X", "the bombing in the city of X": prepositional phrases of the noun
_NOUN_ATTACHED = re.compile(
    r"(?:\s+(?:in|at|on|near|outside|inside|of|against|targeting)\s+(?:the\s+|a\s+|an\s+)?"
    r"(?:[\w'’-]+\s+){0,4}?)+|\s+(?:in|at|on|near|outside|inside)\s+(?:the\s+)?", re.I)
_OCCURRED_AFTER = re.compile(
    r"\s*(?:[\w-]+\s+){0,3}?(?:that|which)\s+(?:had\s+)?(?:took\s+place|taken\s+place|happened|occurred|broke\s+out|"
    r"was\s+carried\s+out)\b", re.I)
_TIME_LINK = re.compile(r"\b(?:after|following|as|when|while)\b", re.I)
_DAYS_AFTER = re.compile(
    r"\b(?P<n>\d{1,3}|[a-z]+)\s+(?P<unit>days?|weeks?)\s+after\s+(?:[\w’'-]+\s+){0,8}$", re.I
)
_MEANWHILE = re.compile(r"\b(?:meanwhile|at\s+the\s+same\s+time|simultaneously)\b", re.I)
_ARMY_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,2}?" + _MILITARY_WORDS.pattern, re.I)
_SOIL_AFTER = wording("soil_after")
_SOIL_BEFORE = re.compile(r"\b(?:on|onto|into|to|in|reached|entered)\s+(?:the\s+)?$", re.I)
_DEST_PREPS = {"into", "to", "in", "at", "toward", "towards", "inside", "near", "outside", "across", "for"}
_ORIGIN_PREPS = {"from", "out of"}
_VIA_PREPS = {"via", "through"}
# prepositions that put an event inside a place ("in/at/near/on X"): not origins, destinations or owners
_IN_PLACE_PREPS = {"in", "at", "inside", "near", "outside", "on", "around", "throughout", "across", "along"}


# --------------------------------------------------------------------- entry point


class Reader:
    """Reads one report sentence by sentence, keeping the state chains need."""

    def __init__(
        self, doc_id, text, published, places, demonyms, res: DocResult, here: PlaceRef | None = None
    ):
        self.doc_id, self.text, self.pub, self.here = doc_id, text, published, here
        self.places, self.demonyms, self.res = places, demonyms, res
        self._starts = [t.start for t in places]  # places are sorted by start: windows by bisection
        self._demonym_starts = [t.start for t in demonyms]  # sorted likewise
        self.anchor: dt.date | None = None
        self._main: PlaceRef | None = None  # the report's main place, once asked
        self._main_done = False
        self._sentence_starts: list[int] = []  # the sentences read so far (a story's previous sentence)
        self.drafts: list[_Draft] = []
        self.facts: list[Fact] = []
        # trigger words read as accidents: "the explosion" later is that one
        self.non_events: set[str] = set()
        self.sentences: list[Sentence] = []
        self._stock_counts: list[Count] = []
        self._by_sentence: dict[int, list[_Draft]] = {}
        # sentence index -> every trigger of the sentence with its own clause (other events' places)
        self.clauses: dict[int, list[tuple[Trigger, tuple[int, int]]]] = {}

    def _places_in(self, lo: int, hi: int) -> list[Toponym]:
        """The places with lo <= start and end <= hi, in order (a window, not a scan of the report:
        scanning every place for every sentence made a long report quadratic)."""
        a, b = bisect.bisect_left(self._starts, lo), bisect.bisect_right(self._starts, hi)
        return [t for t in self.places[a:b] if t.end <= hi]

    # ---- per sentence

    def read(self, sent: Sentence) -> None:
        self._sentence_starts.append(sent.start)
        dates = find_dates(sent.text, self.pub, anchor=self.anchor, offset=sent.start)
        # "on the night of June 21 killed nine": a day of the month is no figure (dates blanked, offsets kept)
        masked = sent.text
        for d in dates:
            a, b = d.start - sent.start, d.end - sent.start
            if 0 <= a < b <= len(masked) and re.search(r"\d", masked[a:b]):
                masked = masked[:a] + " " * (b - a) + masked[b:]
        counts = find_counts(masked, offset=sent.start, warnings=self.res.warnings)
        triggers = [t for t in find_triggers(sent.text, offset=sent.start, title=sent.title)
                    if not self._charge(t)]
        if any(t.rule is not None and t.rule.chain_only for t in triggers) and not self._recent_motion(sent):
            # "was taken to court": a next leg only, with no movement told before it is no trigger at all
            triggers = [t for t in triggers if t.rule is None or not t.rule.chain_only]
        used = self._facts(sent, dates, counts)
        # a standing figure at a camp is a fact and also the figure of the camp's placement
        self._stock_counts = [c for c in counts if any(a <= c.start < b for a, b in used)]
        counts = [c for c in counts if not any(a <= c.start < b for a, b in used)]
        self.sentences.append(sent)
        if triggers:
            scopes = _scopes(sent, triggers, dates)
            self.clauses[sent.index] = [
                (t, _narrow(sent, t, sc)) for t, sc in zip(triggers, scopes, strict=True)]
            lead_dates = [d for d in dates if d.end <= triggers[0].start and d.start < scopes[0][1]]
            for trig, scope in zip(triggers, scopes, strict=True):
                self._event(sent, trig, scope, dates, lead_dates, counts, triggers)
        elif counts or _CROWD.search(sent.text):
            self._elaborate(sent, counts or self._crowd_figure(sent))
        for d in dates:
            if d.date is not None and d.precision == "day":
                self.anchor = d.date

    def _said_dates(self, sent: Sentence, trig: Trigger, dates: list[DateRef]) -> list[DateRef]:
        """The dates of a reporting frame around the trigger ("officials said on Monday that ...", "...,
        police said on Monday."): when the statement was made, not when the event happened."""
        out = []
        frames = [(sent.start + m.start(), sent.start + m.end()) for m in _REPORT_FRAME.finditer(sent.text)
                  if sent.start + m.end() <= trig.start]
        m = _CLOSING_ATTRIBUTION.search(sent.text)
        if m is not None and sent.start + m.start() >= trig.end:
            frames.append((sent.start + m.start(), sent.end))
        for d in dates:
            if any(a <= d.start and d.end <= b for a, b in frames):
                out.append(d)
        return out

    def _attached_place(self, trig: Trigger, end: int) -> bool:
        """Whether a place hangs from the event noun itself: "the attack in X", "the X bombing", "the attack
        on a bus in X" (a preposition chain with no verb or clause break), not a later clause's place."""
        if any(t.end <= trig.start and re.fullmatch(r"[\s-]*(?:[\w-]+\s+)?", self.text[t.end:trig.start])
               for t in self._places_in(max(0, trig.start - 40), trig.start)):
            return True
        for t in self._places_in(trig.end, end):
            gap = self.text[trig.end:t.start]
            return len(gap) <= 60 and _NOUN_ATTACHED.fullmatch(gap) is not None
        return False

    def _charge(self, trig: Trigger) -> bool:
        """"found guilty of attempted murder", "charged with kidnapping": violence named as the charge of a
        court or police step is no occurrence on that step's day ("convicted over the brawl that took place
        in X on 25 February" still tells the occurrence)."""
        if trig.type not in ("attack", "military_operation"):
            return False
        charged = _LEGAL_CHARGE.search(self.text, max(0, trig.start - 80), trig.start)
        return bool(charged) and not _OCCURRED_AFTER.match(self.text, trig.end)

    def _event(self, sent, trig: Trigger, scope, dates, lead_dates, counts, triggers=()) -> None:
        s, e = scope
        ns, ne = _narrow(sent, trig, scope)
        own_dates = [d for d in dates if ns <= d.start and d.end <= ne]
        said = self._said_dates(sent, trig, own_dates)
        if said and len(said) < len(own_dates):
            # "Police said on Thursday that gunmen killed four in X on Sunday": the day of the saying is the
            # report's; the event's own is the other
            own_dates = [d for d in own_dates if d not in said]
        if trig.noun:
            own_dates = [
                d for d in own_dates if (0 <= trig.start - d.end <= 30) or (0 <= d.start - trig.end <= 60)
            ]
        date = min(own_dates, key=lambda d: abs(d.start - trig.start)) if own_dates else None
        if len(own_dates) > 1 and syntax.enabled():
            # "Soldiers stationed in X since March shelled Y on Sunday": the own predicate's date
            tied = [d for d in own_dates if self._attachment(sent, trig, d) == "own"]
            if tied:
                date = min(tied, key=lambda d: abs(d.start - trig.start))
        if date is None and not trig.noun:
            date = self._days_after(sent, trig, dates)
        if date is None and not trig.noun:
            date = self._after_lead(sent, trig, dates)
            own_dates = own_dates + [date] if date is not None else own_dates
        if date is None and lead_dates and trig.start >= lead_dates[-1].end and not trig.noun:
            date = lead_dates[-1]
        date_note = ""
        if date is None and not trig.noun:
            date, date_note = self._borrowed_date(sent, trig, dates, triggers)
        if date is None and not trig.noun and not is_present(trig.text):
            days = [d for d in dates if d.date is not None and d.precision == "day"]
            if len(days) == 1 and len(dates) == 1 and not any(
                    t is not trig and t.noun and abs(t.start - days[0].start) <= 40 for t in triggers):
                # "Gunmen carried out attacks on Sunday, ..., killing four": the sentence's only day
                date, date_note = days[0], "the sentence's only date (its clause names none)"
        if trig.type == "camp_placement" and self._stock_counts and trig.rule is not None \
                and not trig.rule.movement:  # a standing figure at a camp ("the camp now holds N")
            counts = sorted([*counts, *self._stock_counts], key=lambda c: c.start)
        scope_counts = [c for c in counts if s <= c.start and c.end <= e]
        bare = _bare_figure(self.text, s, trig)
        if bare is not None and not any(bare.start <= c.start < trig.start for c in scope_counts):
            # "some 3,000 Syrians arrived": the subject's own figure, before any figure earlier in the clause
            scope_counts = sorted(
                [bare, *(c for c in scope_counts if c.start > bare.start)], key=lambda c: c.start
            )
        if (
            not trig.noun
            and not sent.title
            and is_present(trig.text)
            and not own_dates
            and not CAUSATIVE.search(self.text, max(0, trig.start - 60), trig.start)
        ):  # "have forced 20,000 people to flee": past
            return  # "deserters who reach Turkey go on to join": habitual, not a report
        if trig.background and not own_dates:
            return  # "hosts 9,000 Syrians, many of whom crept across ...": background to a figure
        who, head, who_start = _actor(self.text, s, trig, e, dates)
        forced = _FORCED_OBJECT.search(self.text, max(s, trig.start - 80), trig.start)
        if forced is not None and not trig.noun:
            # "soldiers burned houses, forcing residents to flee": the residents flee, not the soldiers
            who = head = " ".join(forced.group("obj").split())
            who_start = forced.start("obj")
        if re.search(r"\b(?:them|him|her|those)\b", trig.text, re.I):
            head = "they"  # "drove them to the camp": the group moved is the object
        shared = self._shared_subject(sent, trig, s)
        if shared is not None:  # "24 soldiers deserted their unit and slipped across": one subject, two verbs
            who = head = shared.who
            if not scope_counts:
                scope_counts = list(shared.counts)
        if not who and not trig.noun:  # "were on Turkish soil after deserting": the main clause's subject
            head, who_start = self.text[s:trig.start], s
        places = [
            t
            for t in self._places_in(ns, ne)
            if not _IN_REPORT_FRAME.search(self.text, max(0, t.start - 80), t.start)
            and not _in_attribution(sent, trig, t)
        ]
        if syntax.enabled():
            places = self._parsed_places(sent, trig, places)
        wide = False
        if not places and trig.type not in MOTION_TYPES and trig.type != "flight":
            # "in control of the X crossing on Friday, a day after they overran the post":
            # the sentence's place
            places = self._places_in(s, e)
            wide = bool(places)
        etype = trig.type
        military = bool(_MILITARY_WORDS.search(head or who))
        if etype == "defection" and trig.rule_id in ("defection.desert", "defection.left_posts") \
                and not military and not _OFFICIAL_WORDS.search(head or who or "") \
                and not _DEFECTOR.search(who or ""):
            # "health workers left their posts", "residents deserted the town": nobody switched sides
            if trig.rule_id == "defection.left_posts" or not (who or head or "").strip():
                return
            etype = "displacement"  # "residents deserted the town": people leaving a place
        if etype == "flight":
            etype = "defection" if military else "displacement"
        elif etype == "border_crossing":
            if military and _FLIGHT_WORDS.search(sent.text):
                etype = "defection"
            elif (
                not military
                and not scope_counts
                and (
                    _OFFICIAL_WORDS.search(self._antecedent(who, sent))
                    or _VISIT_PURPOSE.search(self.text, trig.end, ne)
                )
                and not _FLED_OR_EVACUATED.search(sent.text)  # "diplomats fled to X": no visit
            ):
                etype = "visit"
        origin = destination = place = None
        via: list[PlaceRef] = []
        if etype in MOTION_TYPES:
            origin, destination, via = self._roles(trig, places, ne)
            if origin is None and trig.motion == "out" and trig.type in ("displacement", "flight"):
                origin = self._cause_place(sent, trig)  # "Fighting in X has displaced ...": forced out of X
            if origin is None and trig.motion == "out":
                for t in self._places_in(trig.end, min(sent.end, trig.end + 80)):
                    if _FLED_CAUSE.fullmatch(self.text, trig.end, t.start):  # "fled the fighting in X"
                        origin = toponym_placeref(t, self.text)
                        if destination is not None and relation(origin, destination)[0] == "same":
                            destination = None  # the "in X" of what they fled is no destination
                    break
            onward = self._onward(trig, sent) if trig.motion == "out" else None
            if (
                etype == "displacement"
                and trig.motion == "out"
                and origin is None
                and destination is not None
                and not (onward is not None and relation(onward, destination)[0] == "same")
                and self._locative_only(trig, places, destination)
            ):
                origin, destination = destination, None  # "displaced 900 in X": where they were forced out
            if destination is None:
                destination = self._soil(s, e)
            if destination is None and trig.motion == "out":
                destination = onward  # "fled X ..., arriving in camps near Y"
            if destination is None and trig.motion == "out" and not trig.noun:
                destination = self._later_to(trig, sent)  # "fled the fighting in X to Y"
            if destination is None and (_HOMEWARD.match(trig.text) or _HOME_AFTER.match(self.text, trig.end)):
                # "Filipinos who returned from X", "expelled two Syrian diplomats": the movers go home
                destination = self._movers_home(trig, who_start, ne, origin)
            if origin is None and (destination is not None or trig.motion == "out"):
                # "students quarantined in X were flown to Y", "X residents fled" (an arrival needs its
                # destination: "a man of X entered a plea" moves nobody)
                origin = self._mover_origin(places, who_start, trig, destination)
            if origin is None:
                origin = self._demonym_origin(who_start, trig.start, destination, ne)
            if origin is None and trig.noun:  # "the arrival in Turkey of Syrian officers"
                origin = self._demonym_origin(trig.end, ne, destination, -1)
            if origin is None and military and destination is not None:
                origin = self._report_army(destination)  # "three more pilots walked into Jordan"
            if origin is None and destination is not None and trig.motion == "in":
                # "X freed six medics. They arrived in Y"
                origin = self._story_origin(sent, trig.start, destination)
            if destination is None and origin is not None and trig.motion == "in" \
                    and etype != "camp_placement":
                # "a man who had travelled from X was admitted to hospital in Y": where the story is
                destination = self._story_destination(sent, origin, via)
            if etype == "camp_placement" and destination is None and re.search(r"\bthere\b", trig.text, re.I):
                destination = self._recent_camp(sent)  # "had been moved there": the camp just named
            place = destination if etype != "displacement" else (origin or destination)
            if etype == "displacement" and place is None:
                around = self._places_in(s, e)
                place = self._event_place(trig, around, etype, True, sent)
                if place is not None and trig.motion == "out":
                    # "In the states of X and Y, 12 million have been displaced": forced out of X
                    origin = place
            if etype == "displacement" and place is None and destination is None and trig.motion == "out":
                # "Helicopters landed in the town of X. ... 800 people had been evacuated": from where the
                # story is, as the last sentences name it
                origin = place = self._story_place(sent, ns)
            if etype == "camp_placement" and destination is None:
                return
        else:
            place = self._event_place(trig, places, etype, wide, sent)
            if place is None:
                place = self._where_place(sent, trig)
            if etype == "visit":
                # "The minister flew from Ankara to Moscow for talks": a visit's own origin and stops
                origin, _dest, via = self._roles(trig, places, ne)
                if origin is None:
                    origin = self._mover_origin(places, who_start, trig, place) or \
                        self._demonym_origin(who_start, trig.start, place, ne)
            if etype == "military_deployment" and _WITHDREW.search(trig.text):
                # "Russia withdrew its troops from X": forces leaving X, a movement from there
                origin = self._roles(trig, places, ne)[0]
            if etype == "military_deployment" and _FORCES_SENT.search(trig.text):
                # "Iraq sent 500 troops to X", "Russian jets were deployed to X": forces moving (the guide's
                # troops pushing into a place); the event keeps its own place
                destination = self._sent_to(trig, places)
                if destination is not None:
                    origin = self._mover_origin(places, who_start, trig, destination) or \
                        self._demonym_origin(who_start, trig.start, destination, ne) or \
                        self._state_subject(places, who_start, trig, destination)
        if (
            self.here is not None
            and re.search(r"\bhere\b", self.text[ns:ne])
            and (
                place is None
                or etype not in MOTION_TYPES
                and not _has_locative(self.text, places, ("in", "at"))
            )
        ):
            place = self.here  # "killed ... here on Wednesday": the dateline town
            if etype in MOTION_TYPES and destination is None:
                destination = place
        if trig.noun and date is not None and date in own_dates and date.precision in ("year", "month") \
                and _GENERIC_NOUN.search(self.text[max(s, trig.start - 40):trig.end]):
            return  # "a series of bombings in 2016": a trend over months, not one occurrence
        if trig.noun and not own_dates and re.search(r"s$", trig.text) and _RELATIVE_PERFECT.search(
                self.text, max(0, trig.start - 60), trig.start):
            # "the group, which has claimed attacks in X and Y": a description of the actor, no occurrence
            return
        # "The attack happened on Saturday", "her abduction in X on 2 November": a definite event noun with
        # its own day may tell an earlier event again
        retold = bool(own_dates) and date is not None and date.date is not None and date.precision == "day"
        if (
            trig.noun
            and (not own_dates or retold)
            and _DEFINITE_BEFORE.search(self.text[max(s, trig.start - 30) : trig.start])
        ):
            earlier = self._antecedent_event(sent, etype, trig)
            verdict = (
                relation(earlier.place, place)[0] if earlier is not None and earlier.place and place else ""
            )
            if retold and earlier is not None and earlier.date is not None and earlier.date.date is not None:
                gap = abs((earlier.date.date - date.date).days)
                rough = earlier.date.precision != "day"  # "three weeks after ..."; a borrowed day is a day
                if gap > (7 if rough else 1):
                    earlier = None  # another day: another occurrence
            elif retold and earlier is not None and not _HAPPENED_AFTER.match(self.text, trig.end):
                earlier = None  # "Saturday's protests" after an undated gathering: not said to be that one
            if earlier is not None and place is not None and (verdict not in ("same", "contains", "admin1")) \
                    and not self._attached_place(trig, ne):
                # "this heinous attack ..., Obama was briefed while on vacation in X", "The attack,
                # condemned by the White House": a place of another clause neither makes the event told
                # before a new one nor places it
                verdict, place = "", None
            if earlier is not None and verdict in ("", "same", "contains", "admin1"):
                # "The attack, condemned by ...", "The blast ... in the city of X": the event told before
                if place is not None and (earlier.place is None or level(place) < level(earlier.place)):
                    earlier.place = place
                if retold and (earlier.date is None or earlier.date.date is None
                               or earlier.date.precision != "day"):
                    earlier.date = date
                    earlier.date_note = "date of a later sentence that tells the event again"
                    self._date_fields(earlier)
                for k, v in counts_dict(scope_counts).items():
                    earlier.counts_all.setdefault(k, v)
                earlier.sources.append(self._source(sent, counts_dict(scope_counts), earlier))
                earlier.told_by.append(trig)
                return
        if etype in ("attack", "military_operation") and not trig.noun and (
                (_NATURAL_CAUSE.search(who or "") and not _VIOLENCE.search(who or ""))
                or _NATURAL_AFTER.match(self.text, trig.end)
                or _ANIMALS.search(who or "") or _ANIMALS.match(self.text, trig.end)):
            self._no_violence(sent, trig)
            return  # "a cholera outbreak has killed 40", "were killed by the floods", "culled 20,000 birds"
        if etype in ("attack", "military_operation") and (
                (trig.noun and _ACCIDENTAL_BEFORE.search(self.text, max(0, trig.start - 40), trig.start))
                or (_NATURAL_CAUSE.search(sent.text) and not _VIOLENCE.search(sent.text))):
            # "a gas explosion at a noodle shop"; "nine were killed ... after an outbreak of cholera": the
            # sentence names a cause that is no violence, and no weapon, perpetrator or armed force
            self._no_violence(sent, trig)
            return
        if (
            trig.noun
            and self.non_events
            and not any(d.type == "attack" for d in self.drafts)
            and _INCIDENT_NOUN.fullmatch(trig.text)
            and _DEFINITE_BEFORE.search(self.text, max(0, trig.start - 30), trig.start)
        ):
            return  # "The blast took place at a noodle shop" after an accident: that accident, told again
        if etype == "military_operation" and re.match(r"(?:fight|battl|combat)", trig.text, re.I) and \
                _AGAINST_CAUSE.match(self.text, trig.end):
            return  # "to battle the disease", "fighting AIDS": no armed forces
        if trig.noun and trig.text.lower() in self.non_events and _DEFINITE_BEFORE.search(
                self.text, max(0, trig.start - 30), trig.start):
            return  # "The explosion was heard across the city": the accident told before
        escape = trig.type == "flight" and bool(_ESCAPER.search(who or head or ""))
        if escape and origin is None and destination is None:
            return  # "the gunmen fled in a car": an escape, not people forced from their homes
        mover = (head or who or "").strip() or self.text[max(sent.start, trig.start - 40):trig.start]
        if trig.type in ("border_crossing", "flight", "visit") and _not_a_mover(mover):
            return  # "the products returned to the US", "the otter escaped from the zoo": no people travel
        if trig.noun and place is None and (date is None or date not in own_dates):
            return  # "the conference", "defections": no anchor in time or space
        draft = _Draft(
            etype, trig, sent, scope, date, date_note, scope_counts, place, origin, destination, who, via,
            title=sent.title,
        )
        traveller = self.text[max(s, trig.start - 80):trig.start] if trig.noun else (
            self._antecedent(who, sent) if who else head)
        draft.types = _fair_types(etype, trig, origin, destination, self.text[trig.end:ne], self.text[s:e],
                                  traveller)
        draft.journey = escape  # "the attacker fled to the Netherlands": a movement, no displacement
        draft.loose = wide
        draft.actors = _actors(self.text, trig, who, ne)
        if syntax.enabled() and sent.start <= trig.start and trig.end <= sent.end:
            parsed = syntax.actors(sent.text, (trig.start - sent.start, trig.end - sent.start))
            if parsed:  # subject, object and "by" phrase from the parse; the rules' reading where it has none
                draft.actors = {**draft.actors, **parsed}
        draft.clause = (ns, ne)
        draft.anchor = self.anchor
        if (
            shared is not None
            and shared.sentence.index == sent.index
            and (
                shared.type == etype
                or (shared.type in MOTION_TYPES and etype in ("border_crossing", "displacement"))
            )
        ):
            # "deserted ... and crossed into X": one trip
            self._extend(shared, draft, counts_dict(draft.counts))
            shared.types.extend(t for t in draft.types if t not in shared.types)
            if shared.type == "displacement" and shared.origin is not None:
                shared.place = shared.origin  # where people were forced out
            if shared.place is None and place is not None:
                shared.place = place
            return
        if etype in MOTION_TYPES and trig.motion == "in" and not trig.noun:
            flight = self._relative_flight(sent, trig)
            if flight is not None:  # "families who fled X arrived in Y": one trip X -> Y
                self._extend(flight, draft, counts_dict(draft.counts))
                flight.types.extend(t for t in _fair_types(flight.type, flight.trigger, flight.origin,
                                                           flight.destination) if t not in flight.types)
                return
        if etype in MOTION_TYPES and (self._continue_chain(draft, head) or self._same_camp(draft)):
            return
        if trig.rule is not None and trig.rule.chain_only:
            return  # "was taken to court": only the next leg of a movement already told
        if (
            etype in ("defection", "border_crossing")
            and place is None
            and origin is None
            and not scope_counts
        ):
            draft.hidden = True  # "refugees who came through on Thursday": kept only for chains
        self._date_fields(draft)
        draft.counts_all = counts_dict(scope_counts)
        if self._same_occurrence(draft):
            return
        draft.sources.append(self._source(sent, draft.counts_all, draft))
        draft.confidence = _confidence(draft, own_dates)
        self.drafts.append(draft)
        others = self._coordinated(draft, places)
        if etype == "displacement" and origin is not None and draft.origin == draft.place:
            # "evacuated people from parts of A, where ..., and from B": each origin is a movement of its own
            joined = self._joined_origins(trig, self._places_in(trig.end, e), origin)
            others += [r for r in joined if r not in others]
        # a movement's own stops are no coordinated places ("from the capital, A, to B")
        others = [o for o in others if not any(p is not None and relation(o, p)[0] == "same"
                                               for p in (draft.origin, *draft.via))]
        for other in others:
            # "shelled A and B", "evacuated from A and from B": distinct places are distinct events
            twin = replace(draft, counts=[], counts_all={}, notes=[], via=list(draft.via),
                           types=list(draft.types), actors=dict(draft.actors), sources=[])
            if draft.origin is not None and draft.origin == draft.place:
                twin.origin = other
            elif draft.destination is not None and draft.destination == draft.place:
                twin.destination = other
            twin.place = other
            twin.sources.append(self._source(sent, {}, twin))
            self.drafts.append(twin)

    def _coordinated(self, d: _Draft, places: list[Toponym]) -> list[PlaceRef]:
        """Places of the clause coordinated with the event's own ("A and B", "A, B and C", "from A and
        from B"), below country level and neither inside the other: each is an event of its own."""
        if d.place is None or d.fallback or d.hidden:
            return []
        refs = [(t, toponym_placeref(t, self.text)) for t in places]
        at = next((i for i, (_t, r) in enumerate(refs) if r is not None and r.id == d.place.id), None)
        if at is None:
            return []
        out: list[PlaceRef] = []
        for step in (1, -1):
            i = at
            while 0 <= i + step < len(refs):
                a, b = sorted((refs[i][0], refs[i + step][0]), key=lambda t: t.start)
                ref = refs[i + step][1]
                if ref is None or not _COORDINATION.fullmatch(self.text, a.end, b.start):
                    break
                verdict = relation(ref, d.place)[0]
                if level(ref) >= 4 or level(d.place) >= 4 or ref in out or verdict in ("same", "contains") \
                        or (verdict == "admin1" and level(ref) != level(d.place)):  # "Santa Ana, California"
                    break
                out.append(ref)
                i += step
        return out

    def _same_occurrence(self, new: _Draft) -> bool:
        """"Eleven soldiers were killed when militants attacked an army post near X": two triggers of one
        sentence that tell one occurrence (same kind, same day, same or no place) are one event."""
        if new.type in MOTION_TYPES or not self.drafts:
            return False
        old = self.drafts[-1]
        if old.sentence.index != new.sentence.index or old.hidden or old.type in MOTION_TYPES:
            return False
        kin = {old.type, *old.types} & {new.type, *new.types}
        # "Police shot dead two protesters during a demonstration in X": the protest and the force used on it
        policed = {old.type, new.type} == {"attack", "protest"} and bool(_PROTESTERS_HIT.search(
            self.text, old.scope[0], old.scope[1] if old.type == "attack" else new.scope[1]))
        if not policed and (not kin or (old.type != new.type
                                        and not {old.type, new.type} <= {"attack", "military_operation"})):
            return False
        od = old.date.date if old.date is not None else None
        nd = new.date.date if new.date is not None else None
        if od is not None and nd is not None and od != nd:
            return False
        if old.place is not None and new.place is not None and relation(old.place, new.place)[0] not in (
                "same", "contains", "admin1", "near"):
            return False
        if old.place is None or (new.place is not None and level(new.place) < level(old.place)):
            old.place = new.place or old.place
        for k, v in new.counts_all.items():
            old.counts_all.setdefault(k, v)
        for k, v in new.actors.items():
            old.actors.setdefault(k, v)
        old.types.extend(t for t in new.types if t not in old.types)
        if old.date is None and new.date is not None:
            old.date = new.date
            self._date_fields(old)
        old.notes.append(f"also told by {new.trigger.text!r} in the same sentence")
        old.told_by.append(new.trigger)
        if policed and old.type == "attack":
            # ACLED codes force against protesters as the protest (excessive force / intervention)
            old.told_by.append(old.trigger)
            old.type, old.trigger = "protest", new.trigger
            old.types = ["protest", *(t for t in old.types if t != "protest")]
        return True

    def _no_violence(self, sent: Sentence, trig: Trigger) -> None:
        """Remember the incident words of a sentence read as no violence, for a later "the explosion"."""
        self.non_events.add(trig.text.lower())
        self.non_events.update(w.lower() for w in _INCIDENT_NOUN.findall(sent.text))

    def _cause_place(self, sent: Sentence, trig: Trigger) -> PlaceRef | None:
        """The place of the subject of an active displacing verb ("Clashes in X (have) displaced 900")."""
        for t in reversed(self._places_in(sent.start, trig.start)):
            before = self.text[max(sent.start, t.start - 30):t.start]
            m = _PREP.search(before)
            if m and m.group(1).lower() in ("in", "near", "around") and _CAUSE_SUBJECT_GAP.fullmatch(
                    self.text, t.end, trig.start):
                return toponym_placeref(t, self.text)
        return None

    def _antecedent_event(self, sent: Sentence, etype: str, trig: Trigger) -> _Draft | None:
        """The latest earlier event of the same (or kin) type within a few sentences, for "the attack"."""
        kin = {etype, *(trig.rule.also if trig.rule else ())}
        for old in reversed(self.drafts):
            if sent.index - old.sentence.index > 6:
                break
            if old.type in kin or kin & set(old.types):
                return old
        return None

    def _shared_subject(self, sent: Sentence, trig: Trigger, s: int) -> _Draft | None:
        """The earlier event of the sentence whose subject a coordinated verb shares
        ("... and slipped across")."""
        if trig.noun or not _COORDINATED.match(self.text[s:trig.start]):
            return None
        # the latest verb of the sentence ("fled the fighting ... and crossed")
        for prev in reversed(self.drafts):
            if prev.sentence.index != sent.index:
                return None
            if not prev.trigger.noun:
                return prev if prev.who else None
        return None

    def _locative_only(self, trig: Trigger, places: list[Toponym], dest: PlaceRef) -> bool:
        """Whether the destination found for a displacement came from "in/at/near X" (where it happened)."""
        for t in places:
            if t.place is not None and t.place.name == dest.name:
                if t.start > trig.end and re.search(
                    r"\b(?:to|into|towards?|for)\b", self.text[trig.end : t.start]
                ):
                    return False  # "fled to a camp in southern X": X is where they went
                return _nearest_prep(self.text, t.start, trig.end) in (
                    "in", "at", "near", "inside", "outside", None,
                )
        return False

    def _antecedent(self, who: str, sent: Sentence) -> str:
        """ "he travelled to Amman": a bare pronoun stands for the latest actor of the two
        previous sentences."""
        if not _PRONOUN.match(who.strip()):
            return who
        for old in reversed(self.drafts):
            if sent.index - old.sentence.index > 2:
                break
            if old.who and not _PRONOUN.match(old.who.strip()):
                return old.who
        return who

    def _where_place(self, sent: Sentence, trig: Trigger) -> PlaceRef | None:
        """ "travelled to Amman, where he held talks": a 'where' clause happens at the place
        just before it."""
        head = self.text[sent.start:trig.start]
        cut = head.rfind("where")
        if cut < 0 or not re.search(r"\bwhere\b", head[cut - 1 if cut else 0:]) or len(head) - cut > 60:
            return None
        at = sent.start + cut
        before = [
            t for t in self._places_in(sent.start, at) if re.fullmatch(r"\s*,?\s*", self.text[t.end : at])
        ]
        return toponym_placeref(before[-1], self.text) if before else None

    def _days_after(self, sent: Sentence, trig: Trigger, dates: list[DateRef]) -> DateRef | None:
        """ "on Monday, ten days after a plane was brought down": the event is N days before the anchor."""
        before = self.text[sent.start:trig.start]
        m = _DAYS_AFTER.search(before)
        if m is None:
            return None
        n = 1 if m.group("n").lower() in ("a", "an") else parse_number(m.group("n"))  # "a week after"
        if not isinstance(n, int) or not 0 < n <= 400:
            return None
        at = sent.start + m.start()
        anchors = [d for d in dates if d.end <= at and d.date is not None]
        anchor = anchors[-1].date if anchors else self.pub
        if anchor is None:
            return None
        days = n * (7 if m.group("unit").lower().startswith("week") else 1)
        when = anchor - dt.timedelta(days=days)
        return DateRef(at, sent.start + m.end(), m.group().strip(), when, when,
                       "week" if days >= 7 else "day", "relative",
                       f"{m.group('n')} {m.group('unit')} before {anchor.isoformat()}")

    def _after_lead(self, sent: Sentence, trig: Trigger, dates: list[DateRef]) -> DateRef | None:
        """ "Two days after the bombing, police arrested five": the main clause is N days after the day of
        the leading clause (its own date, else the latest dated event before it in the report)."""
        m = _LEAD_AFTER.match(sent.text)
        if m is None or sent.start + m.end() > trig.start:
            return None
        lo, hi = sent.start + m.start("what"), sent.start + m.end("what")
        base = next((d.date for d in dates if lo <= d.start and d.end <= hi and d.date is not None
                     and d.precision == "day"), None)
        if base is None:
            prior = [d for d in self.drafts if d.date is not None and d.date.date is not None
                     and d.date.precision == "day" and 0 <= sent.index - d.sentence.index <= 3]
            if not prior or not _INCIDENT_WORDS.search(sent.text, lo, hi):
                return None
            base = prior[-1].date.date
        n = m.group("n")
        if n is None:
            days = 0  # "hours after", "shortly after": the same day
        else:
            k = 1 if n.lower() in ("a", "an", "one") else parse_number(n)
            if not isinstance(k, int) or not 0 < k <= 60:
                return None
            days = k * (7 if m.group("unit").lower().startswith("week") else 1)
        when = base + dt.timedelta(days=days)
        at = sent.start + m.start()
        return DateRef(at, sent.start + m.end(), m.group().strip(" ,"), when, when,
                       "day" if days < 7 else "week", "relative",
                       f"{m.group().strip(' ,')}: {days} day(s) after {base.isoformat()}")

    def _borrowed_date(self, sent: Sentence, trig: Trigger, dates: list[DateRef],
                       triggers: list[Trigger]) -> tuple[DateRef | None, str]:
        """A date for a verb whose clause has none: a time-linked clause of the sentence, or "meanwhile".

        "pounded targets through the night after a shell killed two on Wednesday": the clause
        joined by after/as/when/following is the same time; "X were meanwhile pushing into Y"
        is the time of the latest dated event.
        """
        for d in sorted(dates, key=lambda d: abs(d.start - trig.start)):
            if d.date is None or any(
                t is not trig and t.noun and 0 <= t.start - d.end <= 30 for t in triggers
            ):
                continue  # "in response to the June 22 downing": the date of the other event
            lo, hi = (trig.end, d.start) if d.start >= trig.end else (d.end, trig.start)
            if _TIME_LINK.search(self.text[lo:hi]):
                return d, "date of the time-linked clause in the same sentence"
        if not is_present(trig.text) and self.drafts:
            old = self.drafts[-1]
            if (
                sent.index - old.sentence.index == 1
                and old.date is not None
                and old.date.date is not None
                and old.date.precision == "day"
                and not old.title
                and not sent.title
            ):
                return old.date, "date carried from the previous sentence (its clause names none)"
        if _MEANWHILE.search(sent.text):
            for old in reversed(self.drafts):
                if sent.index - old.sentence.index > 2:
                    break
                if old.date is not None and old.date.date is not None:
                    return old.date, "date carried from the earlier sentence ('meanwhile')"
        return None, ""

    # ---- places

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
        if trig.motion == "out" and (_TRIP_ABROAD.fullmatch(between) or (
                not between.strip() and _TRIP_ABROAD.search(trig.text + " "))):
            return "origin"  # "returned from a trip to X": X is where they come back from
        prep = _nearest_prep(self.text, t.start, trig.end)
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
            ref = toponym_placeref(t, self.text)
            if ref is None:
                continue
            prep = _nearest_prep(self.text, t.start, 0)
            if prep in ("from", "out of") and etype not in MOTION_TYPES and etype != "military_deployment":
                continue  # "a shell fired from Syria killed two": where the fire came from, not where it hit
            if t.end <= trig.start and _ACTOR_BASE.search(self.text, max(0, t.start - 40), t.start):
                continue  # "fighters based in X killed four in Y": the actor's base, not where it happened
            between = self.text[trig.end:t.start] if t.start >= trig.end else None
            framed = bool(_TYPE_NOUN_OF.search(self.text[max(0, t.start - 40):t.start]))
            adjacent = t.end <= trig.start and trig.noun and \
                re.fullmatch(r"[\s-]*(?:[\w-]+\s+)?", self.text[t.end:trig.start]) is not None
            if adjacent:
                score = 2.5  # "the Cairo conference", "the two-day Cairo meeting"
            elif prep in _LOCATIVE:
                score = 2.0
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
            scored.append((score, ref, t))
        if len(scored) > 1 and sent is not None:
            scored = [(score + _ATTACHMENT_WEIGHT.get(self._attachment(sent, trig, t), 0.0), ref, t)
                      for score, ref, t in scored]
        best, best_score = None, float("-inf")
        for score, ref, _t in scored:
            if score > best_score:
                best, best_score = ref, score
        return best

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

    def _relative_flight(self, sent: Sentence, trig: Trigger) -> _Draft | None:
        """The flight told in the subject's relative clause of this arrival ("families who fled X arrived in
        Y"): the latest motion out of the sentence, its trigger right after "who/that", no clause between."""
        for prev in reversed(self.drafts):
            if prev.sentence.index != sent.index:
                return None
            if prev.trigger.motion != "out" or prev.trigger.start >= trig.start or \
                    prev.type not in MOTION_TYPES:
                continue
            if _RELATIVE_BEFORE.search(self.text, max(0, prev.trigger.start - 30), prev.trigger.start) and \
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
            if not (who_start <= t.start and t.end <= trig.start):
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
        """Where forces are sent: the first place after the verb governed by "to/into/towards"."""
        for t in places:
            if t.start >= trig.end and _nearest_prep(self.text, t.start, trig.end) in ("to", "into", "toward",
                                                                                      "towards"):
                return toponym_placeref(t, self.text)
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
        # else the previous sentence only: another place earlier in this one belongs to another clause ("the
        # ceremony in X, as the team had travelled to Y")
        for t in reversed(self._places_in(self._sentence_starts[-2], sent.start)):
            if _IN_REPORT_FRAME.search(self.text, max(0, t.start - 80), t.start):
                continue
            ref = toponym_placeref(t, self.text)
            if ref is None or relation(ref, destination)[0] in ("same", "contains", "admin1", "near"):
                continue
            return replace(ref, geo_precision=max(2, ref.geo_precision))
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

    def _story_place(self, sent: Sentence, ns: int, back: int = 3) -> PlaceRef | None:
        """The place the story is at when a clause names none: the most specific place of the nearest
        of this sentence (before the clause) and the ``back`` previous sentences that name one, with a
        coarser geo_precision."""
        starts = self._sentence_starts[-(back + 1):]
        hi = ns
        for lo in reversed(starts):
            found = [toponym_placeref(t, self.text) for t in self._places_in(lo, hi)
                     if not _IN_REPORT_FRAME.search(self.text, max(0, t.start - 80), t.start)]
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

    # ---- chains and elaborations

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

    def _crowd_figure(self, sent: Sentence) -> list[Count]:
        """ "Organisers put the crowd at 2,000": a bare figure read as the number of people in the crowd."""
        m = _CROWD.search(sent.text)
        n = (
            re.match(
                r"\s*(?:about\s+|some\s+|around\s+|nearly\s+|at\s+least\s+)?([\d,]+|[a-z-]+\s+(?:hundred|thousand))\b",
                sent.text[m.end() :],
            )
            if m
            else None
        )
        if m is None or n is None:
            return []
        value = parse_number(n.group(1))
        if not isinstance(value, int) or not 0 < value < 10_000_000:
            return []
        at = sent.start + m.end() + n.start(1)
        return [Count(at, at + len(n.group(1)), n.group(1), value, "people")]

    def _elaborate(self, sent: Sentence, counts: list[Count]) -> None:
        """ "The group included 33 soldiers ...": figures for the latest event of that group."""
        if _CROWD.search(sent.text):
            recent = [
                d for d in reversed(self.drafts) if d.type == "protest" and sent.index - d.sentence.index <= 2
            ]
        elif _ELABORATION.search(sent.text):
            recent = self._recent_motion(sent)
        else:
            return
        if not recent:
            return
        old = recent[0]
        added = {}
        for k, v in counts_dict(counts).items():
            if k not in old.counts_all:
                old.counts_all[k] = v
                added[k] = v
            elif old.counts_all[k] != v:  # a second estimate is kept in its own source, beside the first
                added[k] = v
        if added:
            old.sources.append(self._source(sent, added, old))

    # ---- facts

    def _facts(self, sent: Sentence, dates: list[DateRef], counts: list[Count]) -> list[tuple[int, int]]:
        """Stocks: "X is housing N ...", "X camp, where there are N ...". Returns the spans used."""
        used: list[tuple[int, int]] = []
        for pat, ftype in ((_STOCK, "hosting"), (_WHERE_STOCK, "presence")):
            for m in pat.finditer(sent.text):
                at = sent.start + m.start()
                after = [c for c in counts if c.start >= at and c.start - at < 200]
                before = self._places_in(sent.start, at)
                if not after or not before:
                    continue
                self._stock_fact(sent, dates, after[0], before[-1], ftype, at)
                used.append((at, after[0].end))
        for m in _NUMBER_IN.finditer(sent.text):
            end = sent.start + m.end()
            where = self._places_in(end, min(sent.end, end + 60))
            if not where or where[0].start - end > 20:
                continue
            figure = [c for c in counts if c.start > where[0].end and c.start - where[0].end <= 100
                      and not any(a <= c.start < b for a, b in used)]
            if figure:
                self._stock_fact(sent, dates, figure[0], where[0], "presence", figure[0].start)
                used.append((figure[0].start, figure[0].end))
        for m in _SHELTERING.finditer(sent.text):
            at, end = sent.start + m.start(), sent.start + m.end()
            own = [c for c in counts
                   if c.end <= end and at - c.start <= 40 and not any(a <= c.start < b for a, b in used)]
            after = self._places_in(end, min(sent.end, end + 120))
            if not own or not after:
                continue
            self._stock_fact(sent, dates, own[-1], after[0], "presence", own[-1].start)
            used.append((own[-1].start, end))
        return used

    def _stock_fact(self, sent: Sentence, dates: list[DateRef], count: Count, place_t: Toponym,
                    ftype: str, since: int) -> None:
        """A standing figure of people at a place, as of the first date from ``since`` on or the report's."""
        place = toponym_placeref(place_t, self.text)
        date = next((d for d in dates if d.start >= since), None)
        if date is not None and date.date is not None:
            iso, prec, note = date.iso(), date.precision, date.note
        elif self.pub is not None:
            iso, prec = self.pub.isoformat(), "day"
            note = f"as of the report (published {self.pub.isoformat()})"
        else:
            iso, prec, note = None, "unknown", "a standing figure; the report has no published date"
        fc = {count.label: count.json_value()}
        qual = f"; {count.describe()}" if count.qualifier else ""
        self.facts.append(Fact(
            id=f"{self.doc_id}#f{len(self.facts) + 1}", type=ftype, date=iso, date_precision=prec,
            place=place, who=" ".join(self.text[place_t.start:place_t.end].split()), counts=fc,
            confidence=0.6 if place.geo_precision <= 3 else 0.5,
            sources=[Source(self.doc_id, sent.start, sent.end, sent.text, fc, iso)],
            notes=(note + qual).strip("; "),
        ))

    # ---- records

    def _date_fields(self, d: _Draft) -> None:
        if d.date is None and not d.date_note:
            pub = f"; reported {self.pub.isoformat()}" if self.pub else "; the report has no published date"
            d.date_note = "no date in the sentence" + pub

    def _source(self, sent: Sentence, counts: dict, d: _Draft) -> Source:
        iso = d.date.iso() if d.date is not None else None
        return Source(self.doc_id, sent.start, sent.end, sent.text, dict(counts), iso)

    def _dateline_destination(self, d: _Draft) -> None:
        """ "Families arriving this week said they had fled Raqqa", datelined from a border town:
        they arrived here.

        Only for an arrival (an "in" trigger) whose clause names no destination, from an origin
        in another country within a border-region distance of the dateline place.
        """
        here = self.here
        if here is None or d.destination is not None or d.origin is None or d.trigger.motion != "in" \
                or d.type not in ("border_crossing", "defection"):
            return
        if not here.country_code or here.country_code == d.origin.country_code:
            return
        km = distance_km(here, d.origin)
        if km is None or km > 400:
            return
        d.destination = dataclasses.replace(here, geo_precision=max(2, here.geo_precision))
        d.place = d.place or d.destination
        d.notes.append(f"destination: the dateline place {here.name} (the sentence names none)")

    def _focus(self) -> PlaceRef | None:
        """The report's main place: the place best supported by the report's mentions.

        A mention counts 1, or 1/2 when it is an origin ("imports from X"); a town or province also
        gets half the support of its country (the country's mentions and the demonyms of its people,
        "South Korean authorities ... Seoul"). A town named twice or more wins.
        """
        tally: dict[str, list[Toponym]] = {}
        weight: dict[str, float] = {}
        by_country: dict[str, float] = {}
        people: dict[str, float] = {}  # demonym support, given to the country's towns
        state: dict[str, float] = {}  # "Chilean authorities": some support for the country itself
        for t in self.places:
            key = t.place.id or t.place.name
            tally.setdefault(key, []).append(t)
            w = 0.5 if _nearest_prep(self.text, t.start, 0) in ("from", "out of") else 1.0
            weight[key] = weight.get(key, 0.0) + w
            if level_of_candidate(t.place) == 4 and t.place.country_code:
                by_country[t.place.country_code] = by_country.get(t.place.country_code, 0.0) + w
        if not tally:
            return None
        for t in self.demonyms:
            cc = t.place.country_code if t.place is not None else ""
            if cc:  # "South Korean authorities" act at home; "Syrian helicopters" may be anywhere
                home = _HOME_INSTITUTION_AFTER.match(self.text, t.end)
                people[cc] = people.get(cc, 0.0) + (1.0 if home else 0.25)
                if home:
                    state[cc] = state.get(cc, 0.0) + 0.5

        def support(key: str) -> float:
            first = tally[key][0].place
            cc = first.country_code or ""
            if level_of_candidate(first) == 4:
                return weight[key] + state.get(cc, 0.0)
            return weight[key] + 0.5 * (by_country.get(cc, 0.0) + people.get(cc, 0.0))

        towns = [k for k in tally if level_of_candidate(tally[k][0].place) == 1 and weight[k] >= 2]
        pool = towns or list(tally)
        best = max(pool, key=lambda k: (support(k), -tally[k][0].start))
        if not towns:
            named = {tally[k][0].place.country_code for k in tally}
            unnamed = [(v, cc) for cc, v in state.items() if cc not in named]
            if unnamed and max(unnamed)[0] > support(best):
                cc = max(unnamed)[1]  # "Chilean authorities ... Chilean media" and only "from Peru" named
                dem = next(t for t in self.demonyms if t.place is not None and t.place.country_code == cc)
                return toponym_placeref(dem, self.text)
        return toponym_placeref(tally[best][0], self.text)

    def _country_of(self, ref: PlaceRef | None) -> PlaceRef | None:
        """The country (as a place, geo_precision 4) of a place named in the report."""
        if ref is None or not ref.country_code:
            return None
        for t in self.places:
            if t.place.country_code == ref.country_code and level_of_candidate(t.place) == 4:
                return toponym_placeref(t, self.text)
        return None

    def _fallback_places(self) -> None:
        """A placeless event takes the place of the report's latest placed event nearby, else the report's
        main place, always with a coarser geo_precision (2 or more) and a note saying so."""
        focus: PlaceRef | None = None
        focus_done = False
        last: _Draft | None = None
        for d in self.drafts:
            if d.place is None and not d.hidden and (d.type not in MOTION_TYPES or d.type == "displacement") \
                    and d.origin is None and d.destination is None:
                ref, why = None, ""
                when = d.date.date if d.date is not None and d.date.date is not None else None
                if when is not None and d.date.precision in ("year", "month"):
                    continue  # "Last year a jet was shot down": background, not at the story's place
                last_when = last.date.date if last is not None and last.date is not None else None
                if last is not None and d.sentence.index - last.sentence.index <= 3 and (
                        when is None or last_when is None or abs((when - last_when).days) <= 7):
                    ref, why = last.place, "the place of the report's previous event"
                else:
                    if not focus_done:
                        focus, focus_done = self._focus(), True
                    ref, why = focus, "the report's main place"
                home = self._acting_state(d)
                if home is not None and (ref is None or ref.country_code != home.country_code):
                    # "Mexican health officials quarantined 30 people": in their own country, not at the
                    # report's main place abroad
                    ref, why = home, "the country of the acting authorities"
                if ref is not None:
                    d.place = dataclasses.replace(ref, geo_precision=max(2, ref.geo_precision))
                    d.fallback = True
                    d.notes.append(f"place: {why} ({ref.name}); the clause names none")
                    if d.type == "displacement":
                        d.origin = d.place  # people forced from the place the report is about
            elif d.type == "displacement" and d.origin is None and d.destination is not None and not d.hidden:
                # "another 6,000 have fled to neighbouring Uganda": from the country the report is about
                if not focus_done:
                    focus, focus_done = self._focus(), True
                home = self._country_of(focus)
                if home is not None and home.country_code != d.destination.country_code:
                    d.origin = home
                    d.notes.append(f"origin: the report's country ({home.name}); the clause names none")
                    if "border_crossing" not in d.types:
                        d.types.append("border_crossing")
            elif d.place is not None and not d.hidden:
                last = d

    def _acting_state(self, d: _Draft) -> PlaceRef | None:
        """The country of the authorities the event's clause names ("Kenyan police", "Chinese health
        officials"), as a place at country precision; None when the clause names none or several."""
        lo, hi = d.clause if d.clause != (0, 0) else (d.sentence.start, d.sentence.end)
        a, b = bisect.bisect_left(self._demonym_starts, lo), bisect.bisect_right(self._demonym_starts, hi)
        found = {t.place.country_code: t for t in self.demonyms[a:b]
                 if t.end <= hi and t.place is not None and t.place.country_code
                 and _HOME_INSTITUTION_AFTER.match(self.text, t.end)}
        if len(found) != 1:
            return None
        return replace(to_placeref(next(iter(found.values())).place), geo_precision=4)

    # ---- the most specific place (ACLED codes the finest location the report gives for the event)

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

    def finish(self) -> None:
        ev_n = mv_n = 0
        self._refine_places()
        self._fallback_places()
        self._refine_places()
        for d in self.drafts:
            self._dateline_destination(d)
            if d.hidden:
                continue
            ev_n += 1
            eid = f"{self.doc_id}#e{ev_n}"
            date = d.date.iso() if d.date is not None else None
            prec = d.date.precision if d.date is not None else "unknown"
            notes = [n for n in (d.date.note if d.date else "", d.date_note, *d.notes) if n]
            window = (d.date.date, d.date.last or d.date.date) if d.date is not None and d.date.date else None
            quals = [c.describe() for c in d.counts if c.qualifier or isinstance(c.value, tuple)]
            if quals:
                notes.append("figures: " + "; ".join(quals))
            rule = d.trigger.rule
            # a protest's policing is often told beside it ("police fired tear gas at protesters who marched")
            scope = (
                d.sentence.text
                if d.type in ("protest", "arrest")  # "arrested 12 protesters who ...": the protest's policing
                else (self.text[d.clause[0] : d.clause[1]] or d.sentence.text)
            )
            acled, refined = classify(
                d.type, rule.acled if rule else ("Strategic developments", "Other"), scope
            )
            types = list(d.types) or [d.type]
            if acled["event_type"] == "Riots" and "protest" not in types:
                # rioters or a mob as the actor: a riot is a protest in geokit's types
                types.append("protest")
            extra = dict(types=types, rule=d.trigger.rule_id + (f"+{refined}" if refined else ""),
                         acled=acled, fatalities=_fatalities(d.counts_all), actors=dict(d.actors))
            ev = Event(id=eid, type=d.type, date=date, date_precision=prec, place=d.place, origin=d.origin,
                       destination=d.destination, via=list(d.via), who=d.who, counts=dict(d.counts_all),
                       confidence=d.confidence, sources=list(d.sources), notes=" | ".join(notes), **extra)
            # a movement only (an escape, a trip): no event record
            journey = d.journey or (d.trigger.rule is not None and not d.trigger.rule.event)
            if not journey:
                self.res.events.append(ev)
            if window is not None:
                self.res.windows[eid] = window
            elif d.anchor is not None:
                self.res.approx[eid] = d.anchor
            if d.title:
                self.res.titles.add(eid)
            # a visit moves someone to its own clause's place ("toured the affected areas ... aided by US
            # officials" goes nowhere named)
            visit = d.type == "visit" and d.place is not None and d.trigger.motion == "in" \
                and not d.fallback and not d.loose
            # "troops pushed into X": forces moving into the place of the operation
            visit = visit or (d.type == "military_operation" and d.trigger.motion == "in"
                              and d.place is not None and not d.fallback)
            sent = d.type == "military_deployment" and d.destination is not None  # forces sent to a place
            sent = sent or (d.type == "military_deployment" and d.origin is not None)  # "withdrew ... from X"
            moves = d.trigger.rule is None or d.trigger.rule.movement
            ends = d.origin is not None or d.destination is not None
            if (d.type in MOTION_TYPES and ends or visit or sent) and not d.chained and moves:
                mv_n += 1
                mid = f"{self.doc_id}#m{mv_n}"
                self.res.movements.append(Movement(
                    id=mid, type=d.type, date=date, date_precision=prec, place=None, origin=d.origin,
                    destination=d.destination if not visit else d.place, via=list(d.via), who=d.who,
                    counts=dict(d.counts_all), confidence=d.confidence, sources=list(d.sources),
                    notes=" | ".join([*([] if journey else [f"event {eid}"]), *notes]), **extra))
                if eid in self.res.windows:
                    self.res.windows[mid] = self.res.windows[eid]
                if eid in self.res.approx:
                    self.res.approx[mid] = self.res.approx[eid]
                if d.title:
                    self.res.titles.add(mid)
            elif d.chained:
                # a camp placement continuing a trip: the trip's movement already ends at the camp
                pass
        self.res.facts.extend(self.facts)


# --------------------------------------------------------------------- helpers


_DEFINITE_BEFORE = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Tt]hese|[Tt]hose|[Ss]unday's|"
    r"[Mm]onday's|[Tt]uesday's|[Ww]ednesday's|[Tt]hursday's|[Ff]riday's|[Ss]aturday's)\s+"
    r"(?:[\w-]+\s+){0,2}$"
)
_CAUSES = cause_pattern()  # rules/causes.toml: disease, natural hazard, accident
_INCIDENT_NOUN = wording("incident_noun")
# "..., a local official told AFP in Yaounde", "the UN said in Geneva": where it was said,
# not where it happened
_IN_REPORT_FRAME = wording("in_report_frame")


_RELATIVE_PERFECT = wording("relative_perfect")
# between the subject's place and an active displacing verb: "(Fighting in X)['s south] has (also) displaced"
_CAUSE_SUBJECT_GAP = re.compile(
    r"(?:['’]s\s+\w+(?:\s+\w+)?)?\s+(?:has|have|had)?\s*(?:also\s+|now\s+|reportedly\s+)?", re.I
)
_HOME_INSTITUTION_AFTER = wording("home_institution_after")
_AGAINST_CAUSE = re.compile(
    r"\s+(?:against\s+)?(?:the\s+|an?\s+|this\s+|its\s+)?(?:[\w-]+\s+){0,2}?" + _CAUSES + r"\b", re.I
)


_ANIMALS = wording("animals")
_NATURAL_CAUSE = re.compile(r"\b" + _CAUSES + r"\b", re.I)
# 'opened fire', 'mortar fire', 'sniper fire': weapons fire, not a blaze
_NOT_FIRING = (r"(?<!set\s)(?<!opened\s)(?<!open\s)(?<!under\s)(?<!exchange\s)(?<!returned\s)(?<!mortar\s)"
               r"(?<!artillery\s)(?<!sniper\s)(?<!tank\s)(?<!rocket\s)(?<!machine-gun\s)(?<!cross\s)")
# "were killed by the floods", "died after rain-triggered landslides", "killed when his car went off the road"
_NATURAL_AFTER = re.compile(
    r"\s+(?:[\w,]+\s+){0,5}?(?:by|in|from|of|during|after|following|amid)\s+(?:the\s+|a\s+|an\s+)?"
    r"(?:[\w-]+\s+){0,2}?" + _NOT_FIRING + _CAUSES + r"\b|\s+(?:[\w,]+\s+){0,6}?(?:when|as|after)\s+"
    r"(?:[\w'’-]+\s+){0,8}?" + _NOT_FIRING + _CAUSES + r"\b",
    re.I,
)
# "a gas explosion at a restaurant", "a factory fire": an accident, whatever the noun
_ACCIDENTAL_BEFORE = re.compile(r"\b" + accidental_blast_pattern() + r"\s+(?:[\w-]+\s+)?$", re.I)
_COORDINATED = re.compile(
    r"^[\s,]*(?:and|but|then|before)(?:\s+then)?\s+(?:[a-z]+ly\s+|also\s+|later\s+)?$", re.I
)


_GENERIC_NOUN = wording("generic_noun")
_ESCAPER = wording("escaper")

