"""What the event reader builds: ``_Draft``, an event being read (kept mutable so a later sentence can
extend or chain it), its confidence score, and ``DocResult``, the records read from one report before linking.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from geokit.events.counts import Count
from geokit.events.sentences import Sentence
from geokit.events.triggers import Trigger
from geokit.model import Event, Fact, Movement, PlaceRef, Source
from geokit.parsing.dates import DateRef

# A clause that states a day which does not exist ("31 February 2016") keeps no date: the report's own date
# would be a silently wrong day in its place (issue 15, bad input).
UNREADABLE_DATE = "the clause's own date is not a real day, so the report's date is not put in its place"


def unreadable_date(ref: DateRef | None) -> bool:
    """True when the clause wrote an absolute date that no calendar has."""
    return ref is not None and ref.date is None and ref.kind == "absolute"


@dataclass
class _Draft:
    """An event being read: everything ``_to_records`` needs, kept mutable for chains."""

    type: str
    trigger: Trigger
    sentence: Sentence
    scope: tuple[int, int]
    date: DateRef | None
    date_note: str
    counts: list[Count]
    place: PlaceRef | None
    origin: PlaceRef | None
    destination: PlaceRef | None
    who: str
    via: list[PlaceRef] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    counts_all: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    confidence: float = 0.5
    chained: bool = False
    title: bool = False
    hidden: bool = False
    types: list[str] = field(default_factory=list)
    actors: dict[str, str] = field(default_factory=dict)
    clause: tuple[int, int] = (0, 0)
    anchor: dt.date | None = None  # the latest day the report gave before this clause
    fallback: bool = False  # the place is the report's, not the clause's
    journey: bool = False  # a movement only, no event (an escape, a trip)
    loose: bool = False  # the place came from the rest of the sentence, not the trigger's clause
    told_by: list[Trigger] = field(default_factory=list)  # other triggers read as this same occurrence


@dataclass
class DocResult:
    """Records read from one report (before linking), and what linking needs to know."""

    doc: str
    published: dt.date | None
    events: list[Event] = field(default_factory=list)
    movements: list[Movement] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    titles: set[str] = field(default_factory=set)
    windows: dict[str, tuple[dt.date, dt.date]] = field(default_factory=dict)
    # undated record -> the story's latest day before it
    approx: dict[str, dt.date] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def _confidence(d: _Draft, own_dates: list[DateRef]) -> float:
    c = 0.35
    c += 0.0 if d.trigger.noun else 0.15
    c += 0.15 if (d.place is not None or d.destination is not None) else 0.0
    c += 0.1 if d.date is not None and d.date.date is not None and d.date in own_dates else 0.0
    c += 0.1 if d.counts else 0.0
    c += 0.05 if d.who else 0.0
    c -= 0.1 if d.title else 0.0
    c -= 0.05 if d.date_note.startswith("date carried") else 0.0
    return max(0.05, min(0.95, c))
