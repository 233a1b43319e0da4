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
import datetime as dt
import re
from dataclasses import replace

from geokit.events import syntax
from geokit.events.acled import classify, coded_fatalities
from geokit.events.actornames import in_actor_name
from geokit.events.causes import accidental_blast_pattern, cause_pattern
from geokit.events.clauses import _PREP, _has_locative, _in_attribution, _narrow, _nearest_prep, _scopes
from geokit.events.counts import Count, counts_dict, find_counts
from geokit.events.drafts import UNREADABLE_DATE, DocResult, _confidence, _Draft, unreadable_date
from geokit.events.fairtypes import (
    _DISPLACED_GROUP,
    _FLIGHT_WORDS,
    _OFFICIAL_WORDS,
    _VIOLENCE,
    _fair_types,
    _fatalities,
)
from geokit.events.placerefs import level, relation, toponym_placeref
from geokit.events.reader_dates import DatesMixin
from geokit.events.reader_facts import _CROWD, FactsMixin
from geokit.events.reader_fallbacks import FallbacksMixin
from geokit.events.reader_moves import MovesMixin, _domestic
from geokit.events.reader_places import _CAUSE_SUBJECT_GAP, _IN_REPORT_FRAME, _MILITARY_WORDS, PlacesMixin
from geokit.events.sentences import Sentence, dateline_head
from geokit.events.subjects import _PRONOUN, _actor, _actors, _bare_figure, _bare_object, _not_a_mover
from geokit.events.triggers import (
    CAUSATIVE,
    CLAUSE_BOUNDARY,
    MOTION_TYPES,
    Trigger,
    find_triggers,
    is_present,
)
from geokit.events.wording import wording
from geokit.model import Event, Fact, Movement, PlaceRef, Source, Toponym
from geokit.parsing.dates import find_dates

# "arrived in X for a two-day visit", "travelled to X for talks": the clause says it is a visit
_ASIDE_LEAD = re.compile(r"\s*(?:in\s+addition\s+to|besides|apart\s+from|aside\s+from|on\s+top\s+of|"
                         r"unlike)\b(?:[^,;.]|(?<=\d)[,.](?=\d)){1,150},\s*", re.I)
_DATE_AFTER_PLACE = re.compile(r",?\s*(?:on\s+)?", re.I)
# a finite verb or a clause break between an event noun and a later place: the place is another clause's
_VERB_GAP = re.compile(r"[;:]|\b(?:is|are|was|were|has|have|had|said|says|did|will|would)\b", re.I)
# a place written before the people it describes ("US health officials", "Kenyan police"): their origin,
# not where anything happened
_ACTOR_AFTER = re.compile(r"\s+(?:[\w-]+\s+)?(?:officials?|authorities|forces|troops|soldiers|police|"
                          r"diplomats?|envoys?|experts?|ministers?|spokes(?:man|men|woman|person)|officers?|"
                          r"delegat(?:es|ion)|leaders?|government)\b", re.I)
_WHEN_BEFORE = re.compile(r",\s*when\s+(?:[\w’'-]+\s+){0,4}$", re.I)
_VISIT_PURPOSE = wording("visit_purpose")
_PAST_NECESSITY = wording("past_necessity")
_NOTABLE = wording("notable_travellers")
_MASS_MOVERS = wording("mass_movers")
_CAUSATIVE_GAP = wording("causative_gap")
_PLACE_FIGURE = re.compile(
    r"\s*\(\s*(?:about\s+|some\s+|over\s+|nearly\s+|around\s+)?(?P<num>\d{1,3}(?:,\d{3})+|\d+)"
    r"(?:\s+(?P<unit>people|persons|individuals|households|HH|families))?\s*\)")
_AUX_GAP = re.compile(r",?\s+(?:(?:has|have|had)\s+)?(?:also\s+|now\s+)?", re.I)
CAUSATIVE_VERB = re.compile(r"(?:forced|forces|drove|driven|drives|pushed|pushes|caused|prompted)\b", re.I)
# the movers named at the head of the trigger itself ("refugees from X registered in Y")
_MOVERS_IN_TRIGGER = re.compile(
    r"(?:[\w-]+\s+)?(?:refugees|IDPs|asylum[- ]seekers|returnees|migrants|arrivals|evacuees)\b", re.I)
_VIOLENCE_OF = re.compile(r"\b(?:shelling|bombing|bombardment|attacks?|assault|siege|capture|fall|raids?|"
                          r"occupation|flooding|strikes?|airstrikes?|offensive)\s+$", re.I)
_ON_GAP = re.compile(r"[\s,]*(?:on\s+)?", re.I)
_RESULT_LINK = re.compile(
    r"\s+(?:(?:has|have|had)\s+)?(?:led\s+to|resulted\s+in|caused|prompted|triggered|forced|sparked)\s+"
    r"(?:the|a|an)\s+(?:[\w-]+\s+){0,2}?", re.I)
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)", re.I)
_FORCED_MOVE = re.compile(r"\b(?:relocat|evacuat|resettl)\w*", re.I)
_FORCES_ENTER = re.compile(r"\b(?:entered|enters|enter|entering|crossed|cross|crosses|crossing)\b", re.I)
_WISHED_MOVE = wording("wished_move")
_HELD_IN_PLACE = re.compile(r"\b(?:quarantine|isolation)\b", re.I)
_HELD_PEOPLE = re.compile(r"\b(?:people|persons|guests|residents|passengers|tourists|students|patients|"
                          r"workers|staff|travell?ers|villagers|families|crew|pilgrims|children|men|women|refugees|migrants|"
                          r"teachers|\d[\d,]*)\b", re.I)
_COORDINATION = wording("coordinated_places")
_HOMEWARD = wording("homeward_move")
_FORCES_SENT = wording("forces_sent")
_WITHDREW = wording("forces_withdrew")
_DEFECTOR = re.compile(r"\b(?:defectors?|deserters?|conscripts?|recruits?|guards?|policem[ae]n|police)\b",
                       re.I)
_FLED_CAUSE = wording("fled_cause_in")
_FLED_AFTER_CAUSE = wording("fled_after_cause")
_EARLIER_LEG = wording("earlier_leg")
_ANAPHORIC_START = re.compile(r"\s*(?:" + wording("anaphoric_group").pattern.lstrip("^") + r")",
                              wording("anaphoric_group").flags)
_HOME_AFTER = re.compile(r"\s+(?:back\s+)?home\b", re.I)  # "were flown home to ...", "sent back home"
_LEGAL_CHARGE = wording("legal_charge_before")
_INCIDENT_DESCRIBED = wording("incident_described_after")
_GERUND_DAY = wording("gerund_object_day_after")
_CRIME_BEFORE = wording("crime_described_before")
_RULED_ACCIDENT = wording("ruled_accident")
_PERPETRATOR = wording("perpetrator_words")
_ACCIDENT_SETTING = wording("accident_setting")
_SEARCHED = wording("premises_searched")
_SURNAME = re.compile(r"(?-i:[A-Z][a-z][a-z'’-]+)")  # "Bing", "O'Neill": a person named by surname alone
_POLICE_CLASH_AFTER = wording("clashes_with_police_after")
_PROTEST_WORDS = re.compile(r"\b(?:protest\w*|demonstrat\w*|rall(?:y|ies)|march(?:es|ers)?|vigils?)\b", re.I)
_HAPPENED_AFTER = wording("happened_after")
_FORCED_OBJECT = wording("forced_object")
_PROTESTERS_HIT = re.compile(
    r"\b(?:protesters|demonstrators|marchers|mourners|rioters|strikers|students\s+protesting)\b", re.I)
_FLED_OR_EVACUATED = re.compile(
    r"\b(?:fled|flee(?:s|ing)?|escaped|escaping|evacuated|evacuating|expelled|deported)\b", re.I)
# "the attack on a police post near X", "the bombing in the city of X": prepositional phrases of the noun
_NOUN_ATTACHED = re.compile(
    r"(?:\s+(?:in|at|on|near|outside|inside|of|against|targeting)\s+(?:the\s+|a\s+|an\s+)?"
    r"(?:[\w'’-]+\s+){0,4}?)+|\s+(?:in|at|on|near|outside|inside)\s+(?:the\s+)?", re.I)
_OCCURRED_AFTER = re.compile(
    r"\s*(?:[\w-]+\s+){0,3}?(?:that|which)\s+(?:had\s+)?(?:took\s+place|taken\s+place|happened|occurred|broke\s+out|"
    r"was\s+carried\s+out)\b", re.I)

# "killed a senior commander", "a commander killed in a strike": one death (reader.toml)
_LETHAL_TRIGGER = wording("lethal_trigger")
_LONE_VICTIM = wording("lone_victim_after")
_LONE_VICTIM_BEFORE = wording("lone_victim_before")
# "were killed when an air strike hit ...": the clause that says how an event told as a killing was done
_HOW_CLAUSE = re.compile(r"\s*,?\s*(?:when|as|after|in)\s+(?:an?|the|two|three|several|\d+)\s+[^.;,]{3,120}",
                         re.I)
# the opening of an ACLED note's date ("On 6 July 2024 (as reported), ...")
_NOTE_LEAD = re.compile(r"\s*(?:On\s+or\s+around|Around|On|Between)\s+$")


# --------------------------------------------------------------------- entry point


class Reader(PlacesMixin, MovesMixin, DatesMixin, FactsMixin, FallbacksMixin):
    """Reads one report sentence by sentence, keeping the state chains need."""

    def __init__(
        self, doc_id, text, published, places, demonyms, res: DocResult, here: PlaceRef | None = None,
        forces: list[Toponym] | None = None,
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
        self._accident_at: int | None = None  # the latest sentence read as an accident (no violence)
        self.sentences: list[Sentence] = []
        self._stock_counts: list[Count] = []
        self._by_sentence: dict[int, list[_Draft]] = {}
        # sentence index -> every trigger of the sentence with its own clause (other events' places)
        self.clauses: dict[int, list[tuple[Trigger, tuple[int, int]]]] = {}
        # places that name a police force ("London Police"): an arrest's place when its clause names none
        self.forces: list[Toponym] = list(forces or ())

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
        if sent.index < 4 and dates:
            head = sent.start + dateline_head(sent.text)  # "BOGOTA, Feb 3 (Reuters) -": the report's day
            dates = [d for d in dates if d.start >= head]
        triggers = [t for t in find_triggers(sent.text, offset=sent.start, title=sent.title)
                    if not self._charge(t)]
        if any(t.rule is not None and t.rule.chain_only for t in triggers) and not self._recent_motion(sent):
            # "was taken to court": a next leg only, with no movement told before it is no trigger at all
            triggers = [t for t in triggers if t.rule is None or not t.rule.chain_only]
        triggers = [t for t in triggers if not t.planned]  # "talks were to continue Monday": a plan
        if _RULED_ACCIDENT.search(sent.text):
            self._ruled_accident(sent)
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
            if len(lead_dates) > 1 and lead_dates[-1].kind == "anaphoric" and re.search(
                    r"\b(?:after|before)$", lead_dates[-1].text, re.I):
                # "On 5 June, two days after an ambush near X, rebels clashed": the day of the ambush is not
                # the clash's; the lead's own date is
                lead_dates = lead_dates[:-1]
            for trig, scope in zip(triggers, scopes, strict=True):
                self._event(sent, trig, scope, dates, lead_dates, counts, triggers)
        elif counts or _CROWD.search(sent.text):
            self._elaborate(sent, counts or self._crowd_figure(sent), dates)
        self._earlier_leg(sent)
        for d in dates:
            if d.date is not None and d.precision == "day":
                self.anchor = d.date

    def _dated_place(self, lo: int, at: int) -> bool:
        """Whether a date at ``at`` follows a place named "in/at X" after ``lo``, within the same phrase (no
        verb, clause break or sentence end between the noun and the date)."""
        t = next((t for t in reversed(self._places_in(lo, at))
                  if _DATE_AFTER_PLACE.fullmatch(self.text, t.end, at)), None)
        if t is None or not re.search(r"\b(?:in|at|near|outside)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}$",
                                      self.text[max(lo, t.start - 40):t.start]):
            return False
        return not _VERB_GAP.search(self.text, lo, t.start)

    def _place_figure(self, s: int, e: int, place: PlaceRef | None) -> list[Count]:
        """A figure in brackets right after the event's own place, the way agencies turn a table into prose
        ("new arrivals in Baidoa (12,300), Dollow (4,100) ..."): that place's count."""
        if place is None:
            return []
        for t in self._places_in(s, e):
            ref = toponym_placeref(t, self.text)
            if ref is None or ref.name != place.name:
                continue
            m = _PLACE_FIGURE.match(self.text, t.end)
            if m is None or re.fullmatch(r"(?:19|20)\d\d", m["num"]):
                return []
            value = int(m["num"].replace(",", ""))
            label = {"households": "households", "hh": "households", "families": "families"}.get(
                (m["unit"] or "").lower(), "people")
            return [Count(m.start("num"), m.end("num"), m["num"], value, label)]
        return []

    def _earlier_leg(self, sent: Sentence) -> None:
        """ "A ship with 212 migrants docked in X. The migrants had set off from Y": a sentence about the
        group just told, saying where they had left or were picked up, gives the arrival its origin."""
        if not _ANAPHORIC_START.match(sent.text):
            return
        m = _EARLIER_LEG.search(sent.text)
        if m is None:
            return
        start = sent.start + m.end()
        found = None
        for t in self._places_in(start, sent.end):
            if _nearest_prep(self.text, t.start, start) in ("from", "out of", "off", "near", "in", "at") or \
                    re.fullmatch(r"\s*(?:the\s+)?", self.text[start:t.start]):  # "had fled X"
                found = toponym_placeref(t, self.text)
            break
        if found is None:
            return
        for d in reversed(self.drafts):
            if not 1 <= sent.index - d.sentence.index <= 2:
                if sent.index - d.sentence.index > 2:
                    break
                continue
            if d.type in ("border_crossing", "camp_placement") and d.trigger.motion == "in" \
                    and (d.origin is None or d.origin.geo_precision >= 2) and d.destination is not None \
                    and relation(found, d.destination)[0] not in ("same", "contains", "near"):
                d.origin = found
                d.notes.append(f"origin from a later sentence about the same group ({m.group().strip()!r})")
                return

    def _mass_move(self, trig: Trigger, s: int, counts: list[Count]) -> bool:
        """ "some 5,000 people left A for B", "the return of 1,150 households to B": hundreds or more of the
        population at large, counted, moving inside one country are displaced ("were relocated from A to B"
        likewise)."""
        lo = max(s, trig.start - 80)
        hi = trig.end if trig.noun else trig.start  # "the return of 1,150 households to X": inside the noun
        if not _MASS_MOVERS.search(self.text, lo, hi):
            return False
        for c in counts:
            low = c.value[0] if isinstance(c.value, tuple | list) else c.value
            if lo <= c.start < hi and isinstance(low, int) and low >= 100:
                return True
        return False

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
        return bool(charged) and not _OCCURRED_AFTER.match(self.text, trig.end) \
            and not _INCIDENT_DESCRIBED.match(self.text, trig.end) \
            and not (trig.text.lower().endswith("ing") and _GERUND_DAY.match(self.text, trig.end))

    def _event(self, sent, trig: Trigger, scope, dates, lead_dates, counts, triggers=()) -> None:
        s, e = scope
        ns, ne = _narrow(sent, trig, scope)
        aside = _ASIDE_LEAD.match(self.text, s)
        if aside is not None and aside.end() <= trig.start:
            # "In addition to the 234,000 refugees it hosts, X now has 150,000 IDPs fleeing ...": the leading
            # phrase's figures and places are of another group
            s, ns = aside.end(), max(ns, aside.end())
        own_dates = [d for d in dates if ns <= d.start and d.end <= ne]
        said = self._said_dates(sent, trig, own_dates)
        if said and len(said) < len(own_dates):
            # "Police said on Thursday that gunmen killed four in X on Sunday": the day of the saying is the
            # report's; the event's own is the other
            own_dates = [d for d in own_dates if d not in said]
        if trig.noun:
            # near the noun, or right after a place of its own phrase ("the shooting of a reporter, a critic
            # of the war, in her flat in Moscow on October 7"); "arson in connection with a fire that gutted a
            # building on X Street early Sunday": the day closing the incident's own description is the noun's
            reach = 140 if _INCIDENT_DESCRIBED.match(self.text, trig.end) else 60
            own_dates = [
                d for d in own_dates if (0 <= trig.start - d.end <= 30) or (0 <= d.start - trig.end <= reach)
                or (d.start > trig.end and self._dated_place(trig.end, d.start))
            ]
        crime = self._crime_span(trig, ns)
        if crime is not None:  # "a suspect in an early February theft near X has been apprehended"
            own_dates = [d for d in own_dates if not crime[0] <= d.start < crime[1]]
            dates = [d for d in dates if not crime[0] <= d.start < crime[1]]
            lead_dates = [d for d in lead_dates if not crime[0] <= d.start < crime[1]]
        date = min(own_dates, key=lambda d: abs(d.start - trig.start)) if own_dates else None
        if date is not None and date.kind != "absolute":
            # "overnight on 14 June", "this morning, 3 May": the absolute day right after the relative word
            rel = date
            date = next((d for d in own_dates if d.kind == "absolute" and d.precision == "day"
                         and 0 <= d.start - rel.end <= 5 and _ON_GAP.fullmatch(self.text, rel.end, d.start)),
                        rel)
        if len(own_dates) > 1 and syntax.enabled():
            # "Soldiers stationed in X since March shelled Y on Sunday": the own predicate's date
            tied = [d for d in own_dates if self._attachment(sent, trig, d) == "own"]
            if tied:
                date = min(tied, key=lambda d: abs(d.start - trig.start))
        if date is None and trig.noun:
            # "Army raids on 10 April led to the deportation of ...": the cause's day is the result's
            date = next((d for d in reversed(dates) if d.end <= trig.start
                         and _RESULT_LINK.fullmatch(self.text, d.end, trig.start)), None)
            if date is not None:
                own_dates = [*own_dates, date]
        caused = CAUSATIVE.search(self.text, max(sent.start, trig.start - 60), trig.start)
        verb_at = caused.start() if caused else trig.start if CAUSATIVE_VERB.match(trig.text) else None
        if date is None and not trig.noun and verb_at is not None:
            # "clashes in X since 24 April have forced N people across the border", "fighting in X on 2 May
            # forced 3,000 people to flee": the cause's time, told right before the causative verb
            date = next((d for d in reversed(dates) if d.end <= verb_at
                         and _AUX_GAP.fullmatch(self.text, d.end, verb_at)), None)
        if date is None and not trig.noun:
            # "flew from X to Y on Monday for talks": the day right after the verb, in its own clause, though
            # the scopes gave it to the noun that follows ("talks")
            near = [d for d in dates if d.date is not None and 0 <= d.start - trig.end <= 60
                    and not CLAUSE_BOUNDARY.search(self.text, trig.end, d.start)]
            if near and any(t.noun and t.start > near[0].end for t in triggers):
                date = near[0]
                own_dates = own_dates + [date]
        if date is None and not trig.noun:
            date = self._days_after(sent, trig, dates)
        if date is None and not trig.noun:
            date = self._after_lead(sent, trig, dates)
            own_dates = own_dates + [date] if date is not None else own_dates
        if date is None and lead_dates and trig.start >= lead_dates[-1].end and not trig.noun:
            date = lead_dates[-1]
        if date is None and trig.noun and lead_dates and _NOTE_LEAD.match(
                self.text, sent.start, lead_dates[0].start) and re.search(r"\d{4}", lead_dates[0].text):
            # ACLED's notes open with the day of everything they tell ("On 6 July 2024 (as reported), ...
            # at a meeting near X"): the event noun's day too
            date = lead_dates[0]
        date_note = ""
        if date is not None and date.precision == "day":
            date = self._note_precision(date)
        if date is None and (not trig.noun or _WHEN_BEFORE.search(self.text, sent.start, trig.start)):
            # "returned on Saturday, when another meeting was held": the when-clause is that day's
            date, date_note = self._borrowed_date(sent, trig, dates, triggers)
        if date is None and not trig.noun and not is_present(trig.text):
            days = [d for d in dates if d.date is not None and d.precision == "day"
                    and not re.search(r"['’]s$", d.text)]  # "Friday's quake": the quake's
            if len(days) == 1 and len(dates) == 1 and not any(
                    t is not trig and t.noun and abs(t.start - days[0].start) <= 40 for t in triggers):
                # "Gunmen carried out attacks on Sunday, ..., killing four": the sentence's only day
                date, date_note = days[0], "the sentence's only date (its clause names none)"
        if self._stock_counts and trig.rule is not None and (  # a standing figure ("the camp now holds N")
                trig.rule.standing or (trig.type == "camp_placement" and not trig.rule.movement)):
            counts = sorted([*counts, *self._stock_counts], key=lambda c: c.start)
        scope_counts = [c for c in counts if s <= c.start and c.end <= e]
        bare = _bare_figure(self.text, s, trig)
        if bare is not None and not any(bare.start <= c.start < trig.start for c in scope_counts):
            # "some 3,000 Syrians arrived": the subject's own figure, before any figure earlier in the clause
            scope_counts = sorted(
                [bare, *(c for c in scope_counts if c.start > bare.start)], key=lambda c: c.start
            )
        obj = _bare_object(self.text, trig)
        if obj is not None and not any(obj.start <= c.start < obj.end + 2 for c in scope_counts):
            scope_counts = sorted([obj, *scope_counts], key=lambda c: c.start)
        own_figures = [c for c in scope_counts if trig.start <= c.start < trig.end]
        if own_figures:  # "N families were affected ..., and 620 families were moved to X": the trigger's own
            scope_counts = [c for c in scope_counts if c.start >= own_figures[0].start]
        if (
            not trig.noun
            and not sent.title
            and is_present(trig.text)
            and not _PROGRESSIVE_TRIGGER.match(trig.text)  # "are sheltering at": going on now, not a habit
            and not own_dates
            # "camps where 30,000 displaced people live": a placement that stands now, not a habit
            and not (trig.type == "camp_placement" and trig.rule is not None and not trig.rule.movement)
            and not CAUSATIVE.search(self.text, max(0, trig.start - 60), trig.start)
            and not _PAST_NECESSITY.search(self.text, max(0, trig.start - 40), trig.start)
        ):  # "have forced 20,000 people to flee", "police had to evacuate the building": past
            return  # "deserters who reach Turkey go on to join": habitual, not a report
        if trig.type in (*MOTION_TYPES, "flight") and not trig.noun and _WISHED_MOVE.search(
                self.text, max(sent.start, trig.start - 100), trig.start):
            return  # "calling on the government to ensure that she is returned to X": asked for, not done
        if trig.background and not own_dates:
            return  # "hosts 9,000 Syrians, many of whom crept across ...": background to a figure
        who, head, who_start = _actor(self.text, s, trig, e, dates)
        if aside is not None and who_start < s:
            who_start = s
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
            and not in_actor_name(self.text, t.start, t.end)
        ]
        if crime is not None:
            places = [t for t in places if not crime[0] <= t.start < crime[1]]
        if trig.noun and places:
            # "The bombing of a market in X was condemned in Y": a noun's own phrase ends at the verb it is
            # the subject of; a place after that verb is the other predicate's
            verb = _VERB_GAP.search(self.text, trig.end, ne)
            if verb is not None and any(trig.end <= t.start < verb.start() for t in places):
                places = [t for t in places if not t.start >= verb.end()]
        if syntax.enabled():
            places = self._parsed_places(sent, trig, places)
        wide = False
        if not places and trig.type not in MOTION_TYPES and trig.type != "flight":
            # "in control of the X crossing on Friday, a day after they overran the post":
            # the sentence's place
            # (never the attribution's: "..., a spokesman said in X" tells where it was said)
            places = [t for t in self._places_in(s, e)
                      if (crime is None or not crime[0] <= t.start < crime[1])
                      and not _in_attribution(sent, trig, t)
                      and not in_actor_name(self.text, t.start, t.end)
                      and not _ACTOR_AFTER.match(self.text, t.end)]  # "aided by US health officials"
            wide = bool(places)
        etype = trig.type
        military = bool(_MILITARY_WORDS.search(head or who))
        if etype == "attack" and trig.text.lower() == "raided" and _SEARCHED.search(
                self.text, max(s, trig.start - 90), min(e, trig.end + 60)) \
                and not _VIOLENCE.search(sent.text) and not counts:
            return  # "offices at the city hall were raided": a search, no violence
        if etype == "attack" and trig.rule_id == "attack.people_killed" and (
                _PROTESTERS_HIT.search(who or "") or (_POLICE_CLASH_AFTER.match(self.text, trig.end)
                                                      and _PROTEST_WORDS.search(sent.text))):
            # "hundreds of protesters and police were injured", "people were injured in clashes with riot
            # police" (a sentence about protests): the protest's violence, not an attack on civilians
            etype = "protest"
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
            elif military and trig.rule_id in _FORCES_SENT_RULES and not _OFFICIAL_WORDS.search(who or ""):
                etype = "military_deployment"  # "1,000 commandos had been flown to X": forces sent there
            elif (
                not military
                and not [c for c in scope_counts if c.label != "members"]  # a delegation's size is no crowd
                and (
                    _OFFICIAL_WORDS.search(self._antecedent(who, sent))
                    or _NOTABLE.search(self._antecedent(who, sent))  # "the film star arrived in X"
                    or _VISIT_PURPOSE.search(self.text, trig.end, ne)
                )
                and not _FLED_OR_EVACUATED.search(sent.text)  # "diplomats fled to X": no visit
            ):
                etype = "visit"
        origin = destination = place = None
        via: list[PlaceRef] = []
        if etype in MOTION_TYPES:
            origin, destination, via = self._roles(trig, places, ne)
            origin, destination = self._capital_end(trig, origin, destination)  # "travelled to the capital"
            if trig.rule_id in ("crossing.state_received", "crossing.state_hosts"):
                # "Uganda took in 3,000 ...", "Chad hosts refugees fleeing X": the subject state received
                # them; another place of the clause is where they came from
                host = self._receiving_state(places, who_start, trig)
                if host is not None:
                    if origin is None and destination is not None \
                            and relation(destination, host)[0] != "same":
                        origin = destination
                    destination = host
                if origin is None:
                    origin = self._refugees_of(trig, ne)
            if origin is None and trig.motion == "out" and trig.type in ("displacement", "flight"):
                origin = self._cause_place(sent, trig)  # "Fighting in X has displaced ...": forced out of X
            if origin is None and trig.motion == "out":
                for t in self._places_in(trig.end, min(sent.end, trig.end + 80)):
                    if _FLED_CAUSE.fullmatch(self.text, trig.end, t.start):  # "fled the fighting in X"
                        origin = toponym_placeref(t, self.text)
                        if destination is not None and relation(origin, destination)[0] == "same":
                            destination = None  # the "in X" of what they fled is no destination
                    break
            if origin is None and trig.motion == "out" and destination is not None:
                # "fled into X after attacks on villages near Y": where the violence they fled was
                for t in self._places_in(trig.end, min(sent.end, trig.end + 140)):
                    if _FLED_AFTER_CAUSE.search(self.text, trig.end, t.start):
                        ref = toponym_placeref(t, self.text)
                        if ref is not None and relation(ref, destination)[0] not in ("same", "contains"):
                            origin = ref
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
                if destination is not None and origin is not None and \
                        relation(origin, destination)[0] == "same":
                    destination = None  # "returned from visits to X": the trip's "to X" is where they left
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
            if origin is None and destination is not None and (
                    trig.motion == "in" or trig.type in ("displacement", "flight")):
                # "Fighting broke out in X. 8,000 people have fled to Y": the flight leaves where the story is
                # "X freed six medics. They arrived in Y"
                origin = self._story_origin(sent, trig.start, destination)
            if destination is None and origin is not None and trig.motion == "in" \
                    and etype != "camp_placement":
                # "a man who had travelled from X was admitted to hospital in Y": where the story is
                destination = self._story_destination(sent, origin, via)
            if etype == "camp_placement" and destination is None and re.search(r"\bthere\b", trig.text, re.I):
                destination = self._recent_camp(sent)  # "had been moved there": the camp just named
            if etype == "camp_placement" and destination is None:
                # "The Kakuma camp is home to N": a standing figure whose subject, in the trigger, is the camp
                destination = self._best_in_group(self._places_in(trig.start, trig.end))
            if etype == "camp_placement" and destination is not None and trig.rule is not None \
                    and not trig.rule.movement:
                self._visited_camp(sent, trig, destination)  # "visited the camp near X, home to N"
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
            if etype == "camp_placement" and destination is None and _HELD_IN_PLACE.search(trig.text) \
                    and _HELD_PEOPLE.search(self.text, who_start, trig.start):
                # "the 300 guests of a hotel in X were placed under quarantine": held where they are (people;
                # "the town of X was placed under quarantine" holds nobody in a placement)
                destination = self._mover_origin(places, who_start, trig, None)
                place = destination
            if etype == "camp_placement" and destination is None and not trig.noun:
                # "Floods in X forced 40,000 people into evacuation centres": placed where the cause struck
                destination = place = self._cause_place(sent, trig)
            if etype == "camp_placement" and destination is None:
                self._placed_after(sent, trig)  # "displaced 20,000 in X, who were moved to relief camps"
                return
        else:
            place = self._event_place(trig, places, etype, wide, sent)
            if place is None:
                place = self._where_place(sent, trig)
            if place is None and etype == "arrest":
                place = self._force_place(trig, s)
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
                    origin = self._left_from(trig, places, destination) or \
                        self._mover_origin(places, who_start, trig, destination) or \
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
                and _GENERIC_NOUN.search(self.text[max(s, trig.start - 40):trig.end]) \
                and not (etype in MOTION_TYPES and scope_counts):
            # "a series of bombings in 2016": a trend over months, not one occurrence ("420 new arrivals in
            # May", "the return of 900 households in April": a movement counted over its period is one)
            return
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
            earlier = self._antecedent_event(sent, etype, trig, far=not own_dates)
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
                    and (not self._attached_place(trig, ne)
                         or _REACTION_BEFORE.search(self.text, max(s, trig.start - 60), trig.start)):
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
        if etype in ("attack", "military_operation") and not trig.noun and not own_dates and place is None \
                and _SAME_PERPETRATORS.match(who or ""):
            # "Gunmen attacked X on Saturday. The gunmen also abducted a dozen people": the same attackers,
            # no day or place of their own: the occurrence told just before, with one more deed
            earlier = self._antecedent_event(sent, etype, trig)
            if earlier is not None and sent.index - earlier.sentence.index <= 2 and not earlier.hidden:
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
        if etype == "attack" and trig.rule_id == "attack.people_killed" and self._accident_at is not None \
                and 0 <= sent.index - self._accident_at <= 2 and not _VIOLENCE.search(sent.text) \
                and not _PERPETRATOR.search(sent.text) and _ACCIDENT_SETTING.search(sent.text):
            # "One man died after his car left the road. A passenger in the car was injured.": that accident
            self._no_violence(sent, trig)
            return
        if etype in ("attack", "military_operation") and (
                (trig.noun and not _ASSAULT_NOUN.fullmatch(trig.text)
                 and _ACCIDENTAL_BEFORE.search(self.text, max(0, trig.start - 40), trig.start))
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
        if trig.type in ("border_crossing", "flight", "visit") and _not_a_mover(mover) \
                and not _MOVERS_IN_TRIGGER.match(trig.text):
            return  # "the products returned to the US", "the otter escaped from the zoo": no people travel
        if trig.noun and place is None and (date is None or date not in own_dates):
            return  # "the conference", "defections": no anchor in time or space
        history = _DATED_HISTORY.search(self.text, max(sent.start, trig.start - 90), trig.start)
        if history is not None and self.pub is not None and \
                int(history.group("year") or history.group("year2")) < self.pub.year:
            return  # "the 1994 genocide, in which 800,000 were killed": remembered history
        if not scope_counts and etype in ("displacement", "border_crossing", "camp_placement"):
            scope_counts = self._place_figure(s, e, place)  # "arrivals in X (12,300), Y (4,100)"
        draft = _Draft(
            etype, trig, sent, scope, date, date_note, scope_counts, place, origin, destination, who, via,
            title=sent.title,
        )
        traveller = self.text[max(s, trig.start - 80):trig.start] if trig.noun else (
            self._antecedent(who, sent) if who else head)
        draft.types = _fair_types(etype, trig, origin, destination, self.text[trig.end:ne], self.text[s:e],
                                  traveller, self.text[s:trig.start])
        draft.journey = escape  # "the attacker fled to the Netherlands": a movement, no displacement
        if etype == "border_crossing" and military and _FORCES_ENTER.search(trig.text) \
                and "military_operation" not in draft.types:
            draft.types.append("military_operation")  # "troops entered the town of X": forces pushing in
        if etype == "border_crossing" and trig.type == "border_crossing" and _domestic(origin, destination):
            # "ten people from region A travelled to the capital", "the students were transported from A to
            # B": no border crossed, a movement only (tried: keeping the rule's other reading, displacement,
            # added extra events on the dev halves); displaced people moved inside the country ("evacuees
            # from A were bused to B") are displacement from A
            if _DISPLACED_GROUP.search(traveller or "") or _FLIGHT_WORDS.search(self.text[s:e]) \
                    or _FORCED_MOVE.search(trig.text) or self._mass_move(trig, s, scope_counts):
                draft.type = "displacement"
                draft.types = ["displacement", *(t for t in draft.types if t == "camp_placement")]
                draft.place = origin
            else:
                draft.journey = True
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
                if flight.origin is not None and draft.destination is not None and \
                        relation(flight.origin, draft.destination)[0] == "same" and \
                        flight.trigger.rule_id == "displacement.displaced":
                    # "families displaced by the fighting took refuge in X": the "in X" read as where they
                    # were displaced is where they sheltered
                    flight.origin = None
                self._extend(flight, draft, counts_dict(draft.counts))
                flight.types.extend(t for t in _fair_types(flight.type, flight.trigger, flight.origin,
                                                           flight.destination) if t not in flight.types)
                if etype == "camp_placement" and "camp_placement" not in flight.types:
                    flight.types.append("camp_placement")
                if flight.type == "displacement" and flight.origin is None:
                    flight.place = flight.destination
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
                lo = max(0, a.start - 120)
                if self.text.rfind("(", lo, a.start) > self.text.rfind(")", lo, a.start):
                    break  # "near X (Kossi, Boucle du Mouhoun)": the bracketed areas of one place, no list

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
        if new.type in ("attack", "military_operation") and old.type in MOTION_TYPES:
            # "shells hit a camp for displaced people near X, killing five": the camp named on the way is no
            # occurrence between the strike and its toll
            for d in reversed(self.drafts[:-1]):
                if d.sentence.index != new.sentence.index:
                    break
                if d.type not in MOTION_TYPES:
                    old = d
                    break
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

    def _ruled_accident(self, sent: Sentence) -> None:
        """"No foul play is suspected": the attacks of the last few sentences that name no perpetrator
        ("a shooting incident on X Road") were an accident; they are hidden, not deleted (notes kept)."""
        self._accident_at = sent.index
        for d in reversed(self.drafts):
            if sent.index - d.sentence.index > 4:
                break
            if d.type == "attack" and not d.hidden and not _PERPETRATOR.search(d.sentence.text):
                d.hidden = True
                said = _RULED_ACCIDENT.search(sent.text).group()
                d.notes.append(f"no violence: the report later says {said!r}")

    def _crime_span(self, trig: Trigger, s: int) -> tuple[int, int] | None:
        """The description of a crime in an arrest's subject ("a suspect in the theft near X ... was
        arrested"): its span, whose places and days are the crime's, not the arrest's."""
        if trig.type != "arrest" or trig.noun:
            return None
        m = max(_CRIME_BEFORE.finditer(self.text, max(s, trig.start - 150), trig.start),
                key=lambda x: x.start(), default=None)  # the nearest description before the arrest
        if m is None or re.search(r"[;:]", self.text[m.end():trig.start]):
            return None
        return m.end(), trig.start

    def _force_place(self, trig: Trigger, s: int) -> PlaceRef | None:
        """"London Police have arrested two people": the town of the arresting force, named in the
        arrest's own clause before the trigger, when the clause names no place."""
        for t in reversed(self.forces):
            if s <= t.start and t.end <= trig.start:
                return toponym_placeref(t, self.text)
        return None

    def _no_violence(self, sent: Sentence, trig: Trigger) -> None:
        """Remember the incident words of a sentence read as no violence, for a later "the explosion", and
        the sentence, for casualties told just after it ("A passenger in the car was injured")."""
        self._accident_at = sent.index
        self.non_events.add(trig.text.lower())
        self.non_events.update(w.lower() for w in _INCIDENT_NOUN.findall(sent.text))

    def _cause_place(self, sent: Sentence, trig: Trigger) -> PlaceRef | None:
        """The place of the subject of an active displacing verb ("Clashes in X (have) displaced 900") or of a
        causative one ("Fighting in X forced 3,000 people to flee")."""
        found = self._places_in(sent.start, trig.start)
        for i in range(len(found) - 1, -1, -1):
            t = found[i]
            head = i  # "Floods in X and Y districts forced ...": the list's first place carries the "in"
            while head > 0 and _LIST_GAP.fullmatch(self.text, found[head - 1].end, found[head].start):
                head -= 1
            before = self.text[max(sent.start, found[head].start - 30):found[head].start]
            m = _PREP.search(before)
            if m and m.group(1).lower() in ("of", "on") and _VIOLENCE_OF.search(before[:m.start()]):
                m = None if not (_CAUSE_SUBJECT_GAP.fullmatch(self.text, t.end, trig.start)
                                 or _CAUSATIVE_GAP.fullmatch(self.text, t.end, trig.start)) else m
                if m is not None:  # "shelling of X forced 5,000 residents to flee": the place struck
                    return toponym_placeref(found[head], self.text)
            if m and m.group(1).lower() in ("in", "near", "around") and (
                    _CAUSE_SUBJECT_GAP.fullmatch(self.text, t.end, trig.start)
                    or _CAUSATIVE_GAP.fullmatch(self.text, t.end, trig.start)):  # "... in X forced N to flee"
                return toponym_placeref(found[head], self.text)
        return None

    def _antecedent_event(
        self, sent: Sentence, etype: str, trig: Trigger, far: bool = False
    ) -> _Draft | None:
        """The latest earlier event of the same (or kin) type within a few sentences, for "the attack";
        ``far``: anywhere earlier in the report ("The White House condemned the assassination", undated,
        paragraphs after the shooting was told)."""
        kin = {etype, *(trig.rule.also if trig.rule else ())}
        for old in reversed(self.drafts):
            if sent.index - old.sentence.index > (10**6 if far else 6):
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
        previous sentences; a bare surname ("Bing crossed into Canada") for its first full mention in the
        report ("Detroit Mayor Dave Bing"), which names the office."""
        name = who.strip()
        if _SURNAME.fullmatch(name):
            m = re.search(r"(?:[A-Z][\w.'’-]*\s+){1,5}" + re.escape(name) + r"\b", self.text[:sent.start])
            return m.group() if m is not None else who
        if not _PRONOUN.match(name):
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

    # ---- records (places: reader_places; movements and chains: reader_moves; dates: reader_dates;
    # facts: reader_facts; report-level fallbacks: reader_fallbacks)

    def _source(self, sent: Sentence, counts: dict, d: _Draft) -> Source:
        iso = d.date.iso() if d.date is not None else None
        return Source(self.doc_id, sent.start, sent.end, sent.text, dict(counts), iso)

    def _coded_fatalities(self) -> dict[int, int]:
        """Sentence index of each drafted sentence -> the deaths an ACLED-style coding sentence after it
        gives ("... near Djibo. 14 fatalities."): the coding covers the events told since the last one."""
        drafted = sorted({d.sentence.index for d in self.drafts if not d.hidden})
        out: dict[int, int] = {}
        covered = -1
        for sent in self.sentences:
            n = coded_fatalities(sent.text) if len(sent.text) < 60 else None
            if n is None:
                continue
            for i in drafted:
                if covered < i < sent.index:
                    out[i] = n
            covered = sent.index
        return out

    def finish(self) -> None:
        ev_n = mv_n = 0
        coded = self._coded_fatalities()
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
            if unreadable_date(d.date):
                notes.append(UNREADABLE_DATE)
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
            a1 = d.actors.get("actor1", "")
            k = self.text.rfind(a1, d.sentence.start, d.clause[1]) if a1 and d.clause[0] < d.clause[1] else -1
            if 0 <= k < d.clause[0] and d.type not in ("protest", "arrest"):
                # "Military Forces of Mali (2021-), supported by X, took control of Y": clause and subject
                scope = self.text[k : d.clause[1]]
            acled, refined = classify(
                d.type, rule.acled if rule else ("Strategic developments", "Other"), scope, d.sentence.text
            )
            how = _HOW_CLAUSE.match(self.text, d.clause[1], d.sentence.end) if d.clause[1] else None
            if not refined and how is not None and d.type in ("attack", "military_operation"):
                # "30 people were killed when an air strike hit a school": the weapon is told in the clause
                # that says how
                acled, refined = classify(d.type, tuple(acled.values()), self.text[d.clause[0]:how.end()])
            if acled["sub_event_type"] == "Government regains territory" and d.place is not None and \
                    d.place.country_code and self._acting_country(
                        k if k >= 0 else d.clause[0], d.trigger.start) not in ("", d.place.country_code):
                # "Russian forces captured the village of X" in Ukraine: ACLED's government regains its own
                # territory; a foreign state's forces taking a place are coded as overtaking it
                acled = {"event_type": "Battles", "sub_event_type": "Non-state actor overtakes territory"}
                refined = "acled.foreign_forces_capture"
            types = list(d.types) or [d.type]
            if acled["event_type"] == "Riots" and "protest" not in types:
                # rioters or a mob as the actor: a riot is a protest in geokit's types
                types.append("protest")
            extra = dict(types=types, rule=d.trigger.rule_id + (f"+{refined}" if refined else ""),
                         acled=acled, fatalities=_fatalities(d.counts_all), actors=dict(d.actors))
            if extra["fatalities"] is None:
                extra["fatalities"] = coded.get(d.sentence.index)
            if extra["fatalities"] is None and d.type in ("attack", "military_operation", "protest") and \
                    _LETHAL_TRIGGER.match(" ".join(d.trigger.text.split())) and \
                    (_LONE_VICTIM.match(self.text, d.trigger.end, d.clause[1] or d.sentence.end)
                     or _LONE_VICTIM_BEFORE.search(self.text, max(d.sentence.start, d.trigger.start - 80),
                                                   d.trigger.start)):
                extra["fatalities"] = 1  # "killed a senior commander", "lynched a man": one death
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


# --------------------------------------------------------------------- more wording (used above)


_DEFINITE_BEFORE = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Tt]hese|[Tt]hose|[Ss]unday's|"
    r"[Mm]onday's|[Tt]uesday's|[Ww]ednesday's|[Tt]hursday's|[Ff]riday's|[Ss]aturday's)\s+"
    r"(?:[\w-]+\s+){0,2}$"
)
_CAUSES = cause_pattern()  # rules/causes.toml: disease, natural hazard, accident
_INCIDENT_NOUN = wording("incident_noun")


_RELATIVE_PERFECT = wording("relative_perfect")
_AGAINST_CAUSE = re.compile(
    r"\s+(?:against\s+)?(?:the\s+|an?\s+|this\s+|its\s+)?(?:[\w-]+\s+){0,2}?" + _CAUSES + r"\b", re.I
)


_ANIMALS = wording("animals")
# 'opened fire', 'mortar fire', 'sniper fire': weapons fire, not a blaze; 'set fire to': arson
_NOT_FIRING = (r"(?<!set\s)(?<!opened\s)(?<!open\s)(?<!under\s)(?<!exchange\s)(?<!returned\s)(?<!mortar\s)"
               r"(?<!artillery\s)(?<!sniper\s)(?<!tank\s)(?<!rocket\s)(?<!machine-gun\s)(?<!cross\s)")
_SAME_PERPETRATORS = wording("same_perpetrators")
_DATED_HISTORY = wording("dated_history_before")
_REACTION_BEFORE = wording("reaction_before_noun")
_PROGRESSIVE_TRIGGER = re.compile(r"(?:are|is)\s+(?:now\s+|still\s+|currently\s+)?\w+ing\b", re.I)
# journeys that, made by armed forces, send them somewhere (a deployment, not a border crossing)
_FORCES_SENT_RULES = ("crossing.flew_to", "crossing.transported_to", "crossing.carried_to", "crossing.docked")
_NATURAL_CAUSE = re.compile(r"\b" + _NOT_FIRING + _CAUSES + r"\b", re.I)
# "were killed by the floods", "died after rain-triggered landslides", "killed when his car went off the road"
_NATURAL_AFTER = re.compile(
    r"\s+(?:[\w,]+\s+){0,5}?(?:by|in|from|of|during|after|following|amid)\s+(?:the\s+|a\s+|an\s+)?"
    r"(?:[\w-]+\s+){0,2}?" + _NOT_FIRING + _CAUSES + r"\b|\s+(?:[\w,]+\s+){0,6}?(?:when|as|after)\s+"
    r"(?:[\w'’-]+\s+){0,8}?" + _NOT_FIRING + _CAUSES + r"\b",
    re.I,
)
# "a gas explosion at a restaurant", "a factory fire": an accident, whatever the noun
_ACCIDENTAL_BEFORE = re.compile(r"\b" + accidental_blast_pattern() + r"\s+(?:[\w-]+\s+)?$", re.I)
# "a chemical attack", "a gas attack": an attack is never an accident, whatever word comes before it
_ASSAULT_NOUN = re.compile(r"(?:attacks?|assaults?|raids?|ambush(?:es)?)", re.I)
_COORDINATED = re.compile(
    r"^[\s,]*(?:and|but|then|before)(?:\s+then)?\s+(?:[a-z]+ly\s+|also\s+|later\s+)?$"
    r"|^\s*,\s*(?:then\s+|later\s+)?$",  # "fled X on Monday, crossed into Y and reached Z": a list of verbs
    re.I,
)


_GENERIC_NOUN = wording("generic_noun")
_ESCAPER = wording("escaper")

