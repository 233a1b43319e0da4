"""Round 6: humanitarian-agency excerpts with displacement figures (issue 15), a fresh and varied set.

``tests/data/genres/round6_agency_dev.json`` and ``round6_agency_heldout.json`` hold 80 excerpts written
for the project in the registers of OCHA flash updates, UNHCR and IOM DTM updates, NRC/IDMC briefs (never
copied), over more than 20 countries: displaced, fled, evacuated, relocated, arrivals, returns, camp
populations, cross-border arrivals, shelters destroyed; individuals vs households vs homes, ranges, revised
and cumulative figures, figures of another place in the same sentence. Each item gives the place(s) of its
primary movement, the figure with its unit, origin, destination, fair types and the (first) day.

The sets were written and committed before geokit was run on them; the code was improved on the dev half only,
and the floors below were set once from the held-out half at the end. ``python
tests/test_events_genres_agency6.py [dev|heldout]`` prints the figures (``-v`` lists the misses).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from test_events_genres import PUB, _named, _rate, _values

import geokit

DATA = Path(__file__).parent / "data" / "genres"
KINDS = {"displacement", "camp_placement", "border_crossing"}


def _unit(label: str) -> str:
    """The unit a count label states: households (families), homes (shelters, houses) or people."""
    if "household" in label or "famil" in label:
        return "households"
    if any(w in label for w in ("home", "shelter", "house", "dwelling", "building")):
        return "homes"
    return "people"


def figure_found(records, number: int, unit: str) -> bool:
    return any(number in _values(v) and _unit(label) == unit
               for r in records for label, v in r.counts.items())


def _relevant(records) -> list:
    """Movements and events of a displacement kind in reading order, then facts (stocks of displaced people
    at a place: "the number of IDPs in X rose to N" is kept as a fact, not an event)."""
    moves = [r for r in records if r.kind == "movement" or (r.kind == "event" and KINDS & {r.type, *r.types})]
    return moves + [r for r in records if r.kind == "fact"]


def _types(records) -> set[str]:
    return {t for r in records if r.kind == "event" for t in (r.type, *r.types)}


def score_items(items: list[dict]) -> tuple[dict[str, list[bool]], dict[str, list[str]]]:
    """Hits per metric (place, figure, origin, destination, type, date) and the ids missed per metric."""
    docs = [{"id": it["id"], "text": it["text"], "published": PUB} for it in items]
    by_doc: dict[str, list] = {}
    for r in geokit.extract(docs, link=False).records():
        by_doc.setdefault(r.sources[0].doc, []).append(r)
    hits: dict[str, list[bool]] = {}
    misses: dict[str, list[str]] = {}

    def mark(metric: str, ok: bool, item_id: str) -> None:
        hits.setdefault(metric, []).append(ok)
        if not ok:
            misses.setdefault(metric, []).append(item_id)

    for it in items:
        got = by_doc.get(it["id"], [])
        rel = _relevant(got)
        primary = rel[0] if rel else None
        where = (primary.place, primary.origin, primary.destination) if primary is not None else ()
        mark("place", any(_named(p, it["place"]) for p in where), it["id"])
        mark("figure", figure_found(got, it["figure"][0], it["figure"][1]), it["id"])
        if it.get("origin"):
            mark("origin", any(_named(r.origin, it["origin"]) for r in rel), it["id"])
        if it.get("destination"):
            mark("destination", any(_named(r.destination, it["destination"]) for r in rel), it["id"])
        mark("type", bool(_types(got) & set(it["types"])), it["id"])
        if it.get("date"):
            mark("date", primary is not None and primary.date == it["date"], it["id"])
    return hits, misses


def _load(name: str) -> list[dict]:
    return json.loads((DATA / f"round6_agency_{name}.json").read_text(encoding="utf-8"))


def report(name: str, verbose: bool = False) -> str:
    hits, misses = score_items(_load(name))
    lines = []
    for metric, h in hits.items():
        line = f"{name:8} agency6 {metric:11} {_rate(h):.2f} ({sum(h)}/{len(h)})"
        if verbose and misses.get(metric):
            line += "  missed: " + " ".join(misses[metric])
        lines.append(line)
    return "\n".join(lines)


def test_sets_are_distinct_complete_and_new():
    dev, held = _load("dev"), _load("heldout")
    old = {i["text"] for n in ("dev", "heldout")
           for i in json.loads((DATA / f"{n}.json").read_text(encoding="utf-8"))}
    assert len(dev) == len(held) == 40
    assert not {i["text"] for i in dev} & {i["text"] for i in held}
    assert not old & {i["text"] for i in dev + held}
    for it in dev + held:
        assert it["genre"] == "agency" and it["place"] and it["types"]
        assert it["figure"][1] in {"people", "households", "homes"} and it["figure"][0] > 0
        assert set(it["types"]) <= KINDS


def test_units_are_told_apart():
    assert _unit("households_displaced") == "households" and _unit("families") == "households"
    assert _unit("shelters_destroyed") == "homes" and _unit("homes") == "homes"
    assert _unit("displaced") == "people" and _unit("people") == "people"


# ---------------------------------------------------------------- the general mechanisms, one sentence each


def _records(text: str):
    return geokit.extract([{"id": "t", "text": text, "published": PUB}], link=False).records()


def _moves(text: str):
    return [r for r in _records(text) if r.kind == "movement"]


@pytest.mark.parametrize("text,count,where", [
    ("Field teams recorded the return of 640 households to Tikrit in March.", {"households": 640}, "Tikrit"),
    ("The site received 380 new arrivals from Sudan in February.", {"people": 380}, "Sudan"),
])
def test_a_movement_counted_over_a_month_is_one_movement(text, count, where):
    moves = _moves(text)
    assert moves and all(moves[0].counts.get(k) == v for k, v in count.items())
    assert _named(moves[0].destination, [where]) or _named(moves[0].origin, [where])


def test_a_series_over_a_month_stays_a_trend():
    recs = _records("A wave of bombings in March shook the city of Mosul.")
    assert not [r for r in recs if r.kind == "event"]


@pytest.mark.parametrize("text,value", [
    ("Returnee arrivals into Somalia reached 41,500 on 2 May, the agency said.", 41500),
    ("The revised figure of people displaced from Kidal since 3 March now stands at 6,300.", 6300),
    ("The number of IDPs staying in Dessie was revised downward to 18,000 in April.", 18000),
])
def test_a_stock_told_by_its_verb_keeps_its_figure(text, value):
    assert any(value in _values(v) for r in _records(text) for v in r.counts.values())


def test_the_number_of_named_refugees_in_a_place_is_a_stock_there():
    facts = [r for r in _records("The number of Syrian refugees in Mafraq rose to 9,800 by 12 May.")
             if r.kind == "fact"]
    assert facts and _named(facts[0].place, ["Mafraq"]) and 9800 in _values(list(facts[0].counts.values()))


def test_a_stock_that_rose_by_a_figure_is_no_stock_of_that_figure():
    recs = _records("The camp population in Bentiu rose by 2,600 individuals in May.")
    assert not [r for r in recs if r.kind == "fact" and 2600 in _values(list(r.counts.values()))]


@pytest.mark.parametrize("text", [
    "Heavy rain destroyed 640 houses in Kassala and displaced 2,900 people.",
    "The storm damaged some 900 shelters on 14 May and displaced 3,100 people in Sittwe.",
    "In May the floods displaced 3,100 people in Sittwe.",
])
def test_houses_and_shelters_as_nouns_and_may_as_a_month(text):
    recs = _records(text)
    assert [r for r in recs if r.kind == "event" and r.type == "displacement"], recs
    assert not [r for r in recs if r.kind == "fact" and r.type == "hosting"]


def test_shelters_destroyed_are_a_count_of_homes():
    recs = _records("Storms destroyed 900 shelters in Baidoa on 2 June.")
    d = [r for r in recs if r.type == "displacement"]
    assert d and figure_found(d, 900, "homes") and not figure_found(d, 900, "people")


def test_may_as_a_modal_still_hedges():
    recs = _records("The floods may have displaced 3,100 people in Sittwe.")
    assert not [r for r in recs if r.kind == "event"]


def test_a_place_that_houses_people_is_still_a_stock():
    facts = [r for r in _records("Kassala houses 40,000 refugees.") if r.kind == "fact"]
    assert facts and _named(facts[0].place, ["Kassala"])


def test_a_counted_crowd_moving_inside_a_country_is_displacement():
    d = [r for r in _records("Some 6,000 people left Kassala for Sennar on 20 May.") if r.kind == "event"]
    assert d and d[0].type == "displacement" and "border_crossing" not in d[0].types
    assert _named(d[0].origin, ["Kassala"]) and _named(d[0].destination, ["Sennar"])


def test_a_few_travellers_inside_a_country_stay_a_journey():
    recs = _records("Some 300 students travelled from Mosul to Baghdad on Monday.")
    assert not [r for r in recs if r.kind == "event" and r.type == "displacement"]


def test_a_counted_return_inside_a_country_is_displacement():
    text = "Field teams recorded the return of 700 households from Kassala to Sennar in May."
    d = [r for r in _records(text) if r.kind == "event"]
    assert d and d[0].type == "displacement" and "border_crossing" not in d[0].types


def test_the_place_the_returnees_fled_is_the_origin_of_their_return():
    moves = _moves("About 900 households who fled Pemba returned to their villages in Montepuez district.")
    assert moves and _named(moves[0].origin, ["Pemba"]) and _named(moves[0].destination, ["Montepuez"])


@pytest.mark.parametrize("text,placed", [
    ("The Kakuma camp received 420 new arrivals from South Sudan in May.", True),
    ("Some 600 refugees were moved from the border to the Kakuma settlement on 4 May.", True),
    ("Some 600 refugees arrived in Kakuma on 4 May.", False),
])
def test_a_camp_that_receives_or_is_reached_places_the_movers(text, placed):
    events = [r for r in _records(text) if r.kind == "event"]
    assert events and ("camp_placement" in events[0].types) == placed


def test_the_place_of_a_causative_subject_is_the_origin():
    moves = _moves("Fighting in Kidal forced 3,000 people to flee to Gao on 2 May.")
    assert moves and _named(moves[0].origin, ["Kidal"]) and _named(moves[0].destination, ["Gao"])


def test_households_moved_between_places_is_a_movement():
    moves = _moves("About 900 households moved from Kismayo to Baidoa in March.")
    assert moves and moves[0].counts.get("households") == 900
    assert _named(moves[0].origin, ["Kismayo"]) and _named(moves[0].destination, ["Baidoa"])
    assert not _moves("The families moved to a school in Kismayo.")


# Floors measured once on the held-out half at the end of the round (see BENCHMARKS.md), a little below.
# held-out at the end: place .68, figure .85, origin .64, destination .63, type .85, date .67
FLOORS: dict[str, float] = {
    "place": 0.65,
    "figure": 0.82,
    "origin": 0.59,
    "destination": 0.59,
    "type": 0.82,
    "date": 0.62,
}


@pytest.fixture(scope="module")
def heldout_scores():
    return score_items(_load("heldout"))[0]


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_heldout_floor(heldout_scores, metric):
    assert _rate(heldout_scores[metric]) >= FLOORS[metric], report("heldout")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "-v"]
    for set_name in args or ["dev", "heldout"]:
        print(report(set_name, verbose="-v" in sys.argv))
