"""Robustness across three genres the project is measured on outside ../shared (issue 15).

``tests/data/genres/dev.json`` and ``heldout.json`` hold sentences and excerpts written for the project
(never copied from a corpus or the news) in three genres: single wire sentences about political violence,
humanitarian-agency excerpts with displacement figures, and ACLED-notes style snippets. Each item gives the
place(s) accepted for its event, its ACLED sub-event type or its displacement figure with unit.

The code was improved on the development set only; the floors below were set from the held-out set measured
once at the end (a little below the measured values). ``python tests/test_events_genres.py [dev|heldout]``
prints the figures.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from anyascii import anyascii

import geokit

DATA = Path(__file__).parent / "data" / "genres"
PUB = "2023-06-30"


def _fold(s: str) -> str:
    return anyascii(s).lower().replace("'", "").replace("-", " ")


def _named(place, names: list[str]) -> bool:
    return place is not None and any(_fold(n) in _fold(place.name) or _fold(place.name) in _fold(n)
                                     for n in names)


def _values(v) -> list[float]:
    if isinstance(v, (int, float)):
        return [v]
    if isinstance(v, (list, tuple)):
        return [x for item in v for x in _values(item)]
    return []


def _figure_found(records, number: int, unit: str) -> bool:
    for r in records:
        for label, v in r.counts.items():
            households = "household" in label or "famil" in label
            if number in _values(v) and households == (unit == "households"):
                return True
    return False


def _primary(records, genre: str):
    """The record the item is about: the first event (agency: the first displacement or movement)."""
    if genre == "agency":
        for r in records:
            if r.kind == "movement" or r.type == "displacement":
                return r
    for r in records:
        if r.kind == "event":
            return r
    return None


def score(items: list[dict]) -> dict[str, dict[str, list[bool]]]:
    """Per genre: lists of hits for 'place', 'sub_event' and 'figure' (only the keys an item asks)."""
    docs = [{"id": it["id"], "text": it["text"], "published": PUB} for it in items]
    recs = geokit.extract(docs, link=False).records()
    by_doc: dict[str, list] = {}
    for r in recs:
        by_doc.setdefault(r.sources[0].doc, []).append(r)
    out: dict[str, dict[str, list[bool]]] = {}
    for it in items:
        got = by_doc.get(it["id"], [])
        rec = _primary(got, it["genre"])
        g = out.setdefault(it["genre"], {})
        if it["genre"] == "agency":
            where = (rec.place, rec.origin, rec.destination) if rec is not None else ()
            ok = any(_named(p, it["place"]) for p in where)
        else:
            ok = rec is not None and _named(rec.place, it["place"])
        g.setdefault("place", []).append(ok)
        if "sub_event" in it:
            g.setdefault("sub_event", []).append(
                rec is not None and rec.acled.get("sub_event_type") == it["sub_event"])
        if "figure" in it:
            g.setdefault("figure", []).append(_figure_found(got, it["figure"][0], it["figure"][1]))
    return out


def _load(name: str) -> list[dict]:
    return json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))


def _rate(hits: list[bool]) -> float:
    return sum(hits) / len(hits)


def _report(name: str) -> str:
    lines = []
    for genre, metrics in score(_load(name)).items():
        for metric, hits in metrics.items():
            lines.append(f"{name:8} {genre:7} {metric:10} {_rate(hits):.2f} ({sum(hits)}/{len(hits)})")
    return "\n".join(lines)


def test_sets_are_distinct_and_complete():
    dev, held = _load("dev"), _load("heldout")
    assert not {i["text"] for i in dev} & {i["text"] for i in held}
    for it in dev + held:
        assert it["genre"] in {"wire", "agency", "acled"} and it["place"]
        assert ("figure" in it) == (it["genre"] == "agency")


# ---------------------------------------------------------------- the general mechanisms, one sentence each


def _records(text: str):
    return geokit.extract([{"id": "t", "text": text, "published": PUB}], link=False).records()


def _first_event(text: str):
    events = [r for r in _records(text) if r.kind == "event"]
    assert events, text
    return events[0]


@pytest.mark.parametrize("text,place", [
    ("Addressing reporters in Nairobi, the minister said gunmen had killed six herders near Garissa.",
     "Garissa"),
    ("Mortar fire killed four civilians in Kismayo on Friday, a rights group based in Nairobi reported.",
     "Kismayo"),
    ("Insurgents attacked an army post in Dori, the army said in a statement released in Ouagadougou.",
     "Dori"),
])
def test_attribution_places_are_not_the_event_place(text, place):
    assert _named(_first_event(text).place, [place])


def test_a_leading_background_clause_gives_no_place_but_stays_the_fallback():
    e = _first_event("Hours after a ceasefire took effect in Sanaa, rebels shelled the city of Taiz.")
    assert _named(e.place, ["Taiz"])
    arrests = [r for r in _records("After gunmen raided a bank in Jos, police arrested five men.")
               if r.type == "arrest"]
    assert arrests and _named(arrests[0].place, ["Jos"])  # the main clause names no place: the sentence's


def test_weapons_fire_is_no_blaze():
    e = _first_event("Mortar fire killed four civilians in Kismayo on Friday.")
    assert e.type in ("attack", "military_operation") and _named(e.place, ["Kismayo"])


def test_an_irregular_past_with_its_subject_before_is_a_report():
    e = _first_event("Nine worshippers died when an attacker blew himself up inside a church in Kano.")
    assert e.acled.get("sub_event_type") == "Suicide bomb" and _named(e.place, ["Kano"])


def test_the_number_of_people_who_fled_is_counted():
    recs = _records("The number of people who have fled Sirte since Monday has risen to 14,500, "
                    "the agency said.")
    assert any(r.counts.get("people") == 14500 and _named(r.origin or r.place, ["Sirte"]) for r in recs), recs


def test_plural_arrivals_recorded_somewhere_are_a_movement_in():
    recs = _records("New arrivals were recorded in Kakuma this week, with some 900 households registered.")
    moves = [r for r in recs if r.kind == "movement"]
    assert moves and _named(moves[0].destination, ["Kakuma"]) and moves[0].counts.get("households") == 900


def test_displaced_people_recorded_somewhere_are_displacement_there():
    recs = _records("An estimated 3,700 returnees were registered in Kalemie in April.")
    d = [r for r in recs if r.type == "displacement"]
    assert d and d[0].counts.get("people") == 3700 and _named(d[0].place or d[0].destination, ["Kalemie"])


def test_looting_is_acled_looting():
    e = _first_event("On 9 May 2022, armed men looted a pharmacy in Bambari.")
    assert e.acled.get("sub_event_type") == "Looting/property destruction"


@pytest.mark.parametrize("text,sub_event", [
    ("On 4 May 2022, police detained 30 demonstrators outside the parliament in Accra.",
     "Protest with intervention"),
    ("On 4 May 2022, police detained 30 men in Accra on suspicion of fraud.", "Arrests"),
    ("On 8 June 2021, soldiers and rebel fighters exchanged fire near Kidal for two hours.", "Armed clash"),
    ("On 1 March 2022, gunmen sexually assaulted two girls near Kalemie.", "Sexual violence"),
    ("On 5 July 2022, residents blocked the main road and burned tyres in Kisumu to protest a power cut.",
     "Violent demonstration"),
])
def test_acled_sub_event_definitions(text, sub_event):
    assert _first_event(text).acled.get("sub_event_type") == sub_event


# Floors measured on the held-out set at the end of the round (see BENCHMARKS.md), a little below the values.
# held-out at the end: wire place .79 sub .79, agency place .71 figure .64, acled place .64 sub .71
FLOORS = {
    ("wire", "place"): 0.70,
    ("wire", "sub_event"): 0.78,  # round 4: 0.79 -> 0.86 held-out (ACLED wording rules)
    ("agency", "place"): 0.64,
    ("agency", "figure"): 0.57,
    ("acled", "place"): 0.64,  # round 4: 0.64 -> 0.71
    ("acled", "sub_event"): 0.71,  # round 4: 0.71 -> 0.79
}


@pytest.fixture(scope="module")
def heldout_scores():
    return score(_load("heldout"))


@pytest.mark.parametrize("genre,metric", sorted(FLOORS))
def test_heldout_floor(heldout_scores, genre, metric):
    hits = heldout_scores[genre][metric]
    assert _rate(hits) >= FLOORS[(genre, metric)], _report("heldout")


if __name__ == "__main__":
    for name in sys.argv[1:] or ["dev", "heldout"]:
        print(_report(name))
