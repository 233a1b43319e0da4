"""The event reader's report-level fallbacks (a mixin of ``reader.Reader``): the dateline as a destination,
the report's focus place, and the place of events whose own clause names none.
"""

from __future__ import annotations

import bisect
import dataclasses
from dataclasses import replace

from geokit.events.actornames import in_actor_name
from geokit.events.clauses import _nearest_prep
from geokit.events.drafts import _Draft
from geokit.events.placerefs import distance_km, level_of_candidate, to_placeref, toponym_placeref
from geokit.events.triggers import MOTION_TYPES
from geokit.events.wording import wording
from geokit.model import PlaceRef, Toponym

_HOME_INSTITUTION_AFTER = wording("home_institution_after")
_HOMETOWN_BEFORE = wording("hometown_before")
_HOMETOWN_AFTER = wording("hometown_after")
_HELP_FROM = wording("help_brought_from")
_REACTING_STATE = wording("reacting_state_after")
# how far ahead a placeless event looks for the same kind of event told with a place: an arrest report
# retells its one arrest ("A suspect has been apprehended ... He is being held at the X jail")
_NEXT_KIN_SENTENCES = {"arrest": 8}


class FallbacksMixin:
    """Report-level places for events whose clause names none: the dateline, the report's focus."""

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

        A mention counts 1, or 1/2 when it is an origin ("imports from X"), or 1/4 when it is a person's
        hometown ("Jane Roe, 40, of X", "a X man") or where outside help came from; a town or province also
        gets half the support of its country (the country's mentions and the demonyms of its people,
        "South Korean authorities ... Seoul"). A town named twice or more wins.
        """
        tally: dict[str, list[Toponym]] = {}
        weight: dict[str, float] = {}
        by_country: dict[str, float] = {}
        people: dict[str, float] = {}  # demonym support, given to the country's towns
        state: dict[str, float] = {}  # "Chilean authorities": some support for the country itself
        for t in self.places:
            if in_actor_name(self.text, t.start, t.end):
                continue  # "Islamic State West Africa Province (ISWAP)": whose name, not a place told of
            key = t.place.id or t.place.name
            tally.setdefault(key, []).append(t)
            w = 0.5 if _nearest_prep(self.text, t.start, 0) in ("from", "out of") else 1.0
            if _HOMETOWN_BEFORE.search(self.text, max(0, t.start - 40), t.start) or \
                    _HOMETOWN_AFTER.match(self.text, t.end) or \
                    _HELP_FROM.search(self.text, max(0, t.start - 80), t.start) or \
                    _REACTING_STATE.match(self.text, t.end):
                # "Jane Roe, 40, of X", "a X man", "crews brought in from X", "Washington condemned ...": not
                # where the story is
                w = 0.25
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
                    nxt = self._next_kin(d)
                    if nxt is not None:
                        ref, why = nxt.place, "the place of the same kind of event told next"
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

    def _next_kin(self, d: _Draft) -> _Draft | None:
        """"A suspect has been apprehended. He is being held at the X jail": a placeless event whose kind
        a later sentence (two on, eight for an arrest) tells again with a place (and no other day) is told
        there; the nearest such event decides."""
        at = self.drafts.index(d)
        for o in self.drafts[at + 1:]:
            if o.sentence.index - d.sentence.index > _NEXT_KIN_SENTENCES.get(d.type, 2):
                return None
            if o.hidden or o.place is None or o.fallback or o.type != d.type:
                continue
            days = [x.date.date for x in (d, o) if x.date is not None and x.date.date is not None
                    and x.date.precision == "day"]
            if len(days) == 2 and days[0] != days[1]:
                return None
            return o
        return None

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
