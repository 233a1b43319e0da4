"""Synthetic records for map benchmarks, tests and demos (no real report text).

Why: the map has to be measured at 10,000 and 100,000 events before real pipelines produce
that many; these records have the shape ``geokit.events.extract`` emits (places, dates of varying
precision, counts that disagree between sources, a sentence per source) but invented content.
"""

from __future__ import annotations

import datetime as dt
import random

from geokit.model import Candidate, Event, Fact, Movement, PlaceRef, Source

EVENT_TYPES = ("defection", "shelling", "protest", "arrest", "meeting", "clash", "border closure",
               "aid delivery")
MOVEMENT_TYPES = ("displacement", "defection", "return")
PLACE_KINDS = ("camp", "crossing", "airbase", "town", "village", "city")
_VERBS = ("reported", "said", "confirmed", "claimed", "told reporters")


def _place(rng: random.Random, i: int) -> PlaceRef:
    return PlaceRef(name=f"Place {i}", lat=round(rng.uniform(31.0, 38.5), 5),
                    lon=round(rng.uniform(35.0, 44.0), 5),
                    geonameid=100000 + i, geo_precision=rng.choice((1, 1, 1, 2, 3)),
                    country_code=rng.choice(("TR", "SY")),
                    feature_code=rng.choice(("PPL", "PPLA2", "CMPRF", "PSTB", "AIRB", "")),
                    id=f"gn:{100000 + i}")


def _sources(rng: random.Random, n: int, label: str, value: int) -> list[Source]:
    out = []
    for k in range(n):
        v = value if k == 0 or rng.random() < 0.6 else value + rng.randint(1, 20)
        doc = f"report-{rng.randint(1, 400):04d}"
        text = (f"Officials {rng.choice(_VERBS)} that {v} {label} were involved near the town on "
                f"day {rng.randint(1, 28)}, according to a local monitor (item {rng.randint(1, 10**6)}).")
        out.append(Source(doc=doc, start=rng.randint(0, 4000), end=rng.randint(4000, 4200), text=text,
                          counts={label: v}))
    return out


def synthetic_records(n_events: int = 100, n_movements: int = 20, n_facts: int = 5, n_places: int = 300,
                      seed: int = 1) -> dict[str, list]:
    """``{"events", "movements", "facts", "places"}`` of invented but realistically shaped records."""
    rng = random.Random(seed)
    pool = [_place(rng, i) for i in range(max(2, n_places))]
    start = dt.date(2012, 1, 1)

    def date() -> tuple[str | None, str]:
        r = rng.random()
        if r < 0.05:
            return None, "unknown"
        d = start + dt.timedelta(days=rng.randint(0, 365))
        if r < 0.15:
            return d.replace(day=1).isoformat(), "month"
        return d.isoformat(), "day"

    events = []
    for i in range(n_events):
        value = rng.randint(1, 500)
        d, prec = date()
        events.append(Event(id=f"ev-{i}", type=rng.choice(EVENT_TYPES), date=d, date_precision=prec,
                            place=rng.choice(pool), who=rng.choice(("", "soldiers", "civilians", "officers")),
                            counts={"people": value}, confidence=round(rng.random(), 2),
                            sources=_sources(rng, rng.randint(1, 3), "people", value)))
    movements = []
    for i in range(n_movements):
        value = rng.randint(1, 5000)
        d, prec = date()
        via = [rng.choice(pool)] if rng.random() < 0.2 else []
        movements.append(Movement(id=f"mv-{i}", type=rng.choice(MOVEMENT_TYPES), date=d, date_precision=prec,
                                  origin=rng.choice(pool), destination=rng.choice(pool), via=via,
                                  counts={"people": value},
                                  sources=_sources(rng, rng.randint(1, 2), "people", value)))
    facts = []
    for i in range(n_facts):
        value = rng.randint(1000, 100000)
        d, prec = date()
        facts.append(Fact(id=f"fact-{i}", type="refugees hosted", date=d, date_precision=prec,
                          place=rng.choice(pool),
                          counts={"refugees": value}, sources=_sources(rng, 1, "refugees", value)))
    places = [Candidate(id=f"cur:site-{i}", geonameid=None, name=f"Site {i}", lat=p.lat, lon=p.lon,
                        feature_class="S", feature_code="", country_code=p.country_code, admin1="",
                        population=0, kind=rng.choice(PLACE_KINDS), source="synthetic")
              for i, p in enumerate(pool[: min(len(pool), 60)])]
    return {"events": events, "movements": movements, "facts": facts, "places": places}
