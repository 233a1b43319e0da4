"""Round 7: a second fresh set of humanitarian-agency excerpts with displacement figures (issue 15).

``tests/data/genres/round7_agency_dev.json`` and ``round7_agency_heldout.json`` hold 80 excerpts written for
the project (never copied) in registers round 6 lacked: IFRC DREF operation summaries, WFP, MSF, NRC, IDMC
yearly briefs, government disaster agencies (NDMA, BNPB, NEMA, DSWD, AFAD, ASDMA), DTM flow monitoring
points, UNHCR data-portal sentences and cluster updates ("Shelter/NFI partners report ..."); causes from
conflict to floods, cyclones, earthquakes, volcanoes, drought, evictions and landslides; movement words such
as relocated, bussed, airlifted, pushed back, intercepted at sea and disembarked, transferred, deported,
crossed at a crossing point; units in persons, households, families, HH, children, houses and shelters
destroyed; figures in words ("nearly half a million", "over 1.2 million", "tens of thousands"), tables as
prose ("Masisi (12,300)"), other places' and earlier periods' figures in the same sentence. Scored as round 6
(same metrics and functions).

The sets were written and committed before geokit was run on them; the code was improved on the dev half only,
and the floors below were set once from the held-out half at the end. ``python
tests/test_events_genres_agency7.py [dev|heldout] [-v]`` prints the figures.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from test_events_genres import PUB, _named, _rate, _values
from test_events_genres_agency6 import KINDS, figure_found, score_items

import geokit

DATA = Path(__file__).parent / "data" / "genres"


def _load(name: str) -> list[dict]:
    return json.loads((DATA / f"round7_agency_{name}.json").read_text(encoding="utf-8"))


def report(name: str, verbose: bool = False) -> str:
    hits, misses = score_items(_load(name))
    lines = []
    for metric, h in hits.items():
        line = f"{name:8} agency7 {metric:11} {_rate(h):.2f} ({sum(h)}/{len(h)})"
        if verbose and misses.get(metric):
            line += "  missed: " + " ".join(misses[metric])
        lines.append(line)
    return "\n".join(lines)


def test_sets_are_distinct_complete_and_new():
    dev, held = _load("dev"), _load("heldout")
    old = {i["text"] for n in ("dev", "heldout", "round6_agency_dev", "round6_agency_heldout")
           for i in json.loads((DATA / f"{n}.json").read_text(encoding="utf-8"))}
    assert len(dev) == len(held) == 40
    assert not {i["text"] for i in dev} & {i["text"] for i in held}
    assert not old & {i["text"] for i in dev + held}
    for it in dev + held:
        assert it["genre"] == "agency" and it["place"] and it["types"]
        assert it["figure"][1] in {"people", "households", "homes"} and it["figure"][0] > 0
        assert set(it["types"]) <= KINDS


# ---------------------------------------------------------------- the general mechanisms, one sentence each


def _records(text: str):
    return geokit.extract([{"id": "t", "text": text, "published": PUB}], link=False).records()


def _events(text: str, etype: str):
    return [r for r in _records(text) if r.kind == "event" and etype in (r.type, *r.types)]


def test_a_result_participle_displaces_at_the_main_clause_place():
    text = (
        "Rains on 2 May caused floods in Kasese district, destroying 300 houses and displacing 4,100 people.")
    d = _events(text, "displacement")
    assert d and _named(d[0].place, ["Kasese"]) and figure_found(d, 4100, "people")
    assert d[0].date == "2023-05-02"


def test_hh_is_households_and_internal_displacements_are_counted():
    assert figure_found(_records("Partners recorded 640 newly displaced HH in Marib city on 3 May."), 640,
                        "households")
    assert not figure_found(_records("Partners recorded 640 newly displaced hh in Marib city on 3 May."), 640,
                            "households")
    d = _events("IDMC counts about 2 million internal displacements in Pakistan caused by the floods.",
                "displacement")
    assert d and _named(d[0].place, ["Pakistan"]) and 2_000_000 in _values(list(d[0].counts.values()))


def test_people_disembarked_at_a_port_crossed_there():
    recs = _records("On 3 May the guards intercepted 210 migrants at sea and disembarked them at Tripoli.")
    c = [r for r in recs if r.kind == "movement"]
    assert c and _named(c[0].destination, ["Tripoli"]) and figure_found(c, 210, "people")
    assert "border_crossing" in c[0].types or c[0].type == "border_crossing"


@pytest.mark.parametrize("text,moved", [
    ("Some 400 migrants were pushed back from Sfax to the border on 2 May.", True),
    ("Police pushed back 200 asylum seekers to the border near Sfax on 2 May.", True),
    ("The army pushed back the rebels near Goma on Friday.", False),
])
def test_pushed_back_people_are_expelled_forces_are_not(text, moved):
    assert bool(_events(text, "displacement")) == moved


def test_a_cause_that_forces_people_into_shelters_places_them_where_it_struck():
    d = _events("Floods in Sylhet and Sunamganj districts forced 9,000 people into shelter centres on 2 May.",
                "camp_placement")
    assert d and _named(d[0].destination, ["Sylhet"]) and figure_found(d, 9000, "people")


def test_a_counted_group_driven_across_a_border_crossed_it():
    text = "On 5 May clashes in Kousseri drove some 8,000 Cameroonians across the river into N'Djamena."
    moves = [r for r in _records(text) if r.kind == "movement"]
    assert moves and _named(moves[0].origin, ["Kousseri", "Kousséri"])
    assert _named(moves[0].destination, ["N'Djamena", "Ndjamena"]) and "border_crossing" in moves[0].types


def test_movers_recorded_from_a_country_came_from_there():
    text = "Authorities recorded 1,300 asylum seekers from Burkina Faso in Dapaong on 2 May."
    moves = [r for r in _records(text) if r.kind == "movement"]
    assert moves and _named(moves[0].origin, ["Burkina Faso"]) and figure_found(moves, 1300, "people")
    assert "border_crossing" in moves[0].types


@pytest.mark.parametrize("text,origin", [
    ("Some 380 asylum-seekers were moved from the reception centre on Lesbos to Athens on 3 May.", "Lesbos"),
    ("On 2 May, 150 families were repatriated from the Al-Hol camp in Syria to Mosul.", "Syria"),
])
def test_the_place_of_the_facility_left_is_the_origin(text, origin):
    moves = [r for r in _records(text) if r.kind == "movement"]
    assert moves and _named(moves[0].origin, [origin])


def test_a_facility_named_after_a_far_place_is_not_the_destination():
    text = "On 2 May, 150 families were repatriated from Syria to the Jeddah 1 transit centre in Mosul."
    moves = [r for r in _records(text) if r.kind == "movement"]
    assert moves and _named(moves[0].destination, ["Mosul"])
    camp = [r for r in _records("Some 300 refugees were moved to the Zaatari camp in Jordan on 2 May.")
            if r.kind == "movement"]
    assert camp and _named(camp[0].destination, ["Zaatari"])


def test_a_stay_told_after_the_displacement_is_its_destination():
    text = "The cyclone displaced 6,000 people on 3 May, with most sheltering in camps in Blantyre."
    moves = [r for r in _records(text) if r.kind == "movement"]
    assert moves and _named(moves[0].destination, ["Blantyre"])


def test_the_figure_inside_the_trigger_is_the_events_own():
    text = ("Officials said 15,400 families in Ratnapura were affected on 2 June, and 620 families were "
            "moved to schools.")
    d = _events(text, "displacement")
    assert d and figure_found(d, 620, "households") and not figure_found(d, 15400, "households")


def test_centres_opened_for_people_place_them_there():
    d = _events("The agency opened 27 evacuation centres in Port Vila for 3,200 people on 3 March.",
                "camp_placement")
    assert d and _named(d[0].destination, ["Port Vila", "Port-Vila"]) and figure_found(d, 3200, "people")


def test_a_result_noun_takes_its_causes_day_and_deportees_go_home():
    text = "Raids on 10 April led to the deportation of 66 Syrian refugees from Lebanon, UNHCR said."
    d = _events(text, "displacement")
    assert d and d[0].date == "2023-04-10"
    assert _named(d[0].origin, ["Lebanon"]) and _named(d[0].destination, ["Syria"])


@pytest.mark.parametrize("text,value", [
    ("The floods have affected 120,000 people and displaced 35,000 in Beledweyne since 3 May.", 35000),
    ("Police evacuated some 1,200 from the old town of Kherson on 5 June.", 1200),
])
def test_a_bare_figure_after_a_displacing_verb_counts_people(text, value):
    d = _events(text, "displacement")
    assert d and figure_found(d, value, "people")


def test_a_passive_displacing_verb_takes_no_bare_object():
    from geokit.events.subjects import _bare_object
    from geokit.events.triggers import find_triggers
    text = "They were displaced 3 times in 2019."
    assert all(_bare_object(text, t) is None for t in find_triggers(text))


@pytest.mark.parametrize("text,value,unit", [
    ("The number of displaced people in Sennar rose to 50,000 on 1 May.", 50000, "people"),
    ("The number of newly displaced families in Sennar doubled to 5,000 since 1 May.", 5000, "households"),
    ("The number of IDPs in Sennar fell to 3,100 on 12 June as families went home.", 3100, "people"),
])
def test_a_stock_that_doubled_or_fell_to_a_figure_is_a_stock_there(text, value, unit):
    facts = [r for r in _records(text) if r.kind == "fact"]
    assert facts and _named(facts[0].place, ["Sennar"]) and figure_found(facts, value, unit)


def test_tents_destroyed_are_homes_and_most_of_whom_fled_to_is_the_destination():
    d = _events("Storms destroyed 3,400 tents in camps in Idlib on 16 January.", "displacement")
    assert d and figure_found(d, 3400, "homes")
    text = "Fighting uprooted 10,000 people from Kassala, most of whom fled east to Sennar."
    moves = [r for r in _records(text) if r.kind == "movement"]
    assert moves and _named(moves[0].origin, ["Kassala"]) and _named(moves[0].destination, ["Sennar"])


def test_a_relative_word_before_an_absolute_day_takes_the_day():
    moves = [r for r in _records("Some 600 people fled into Chad at Adre overnight on 14 June.")
             if r.kind == "movement"]
    assert moves and moves[0].date == "2023-06-14"


def test_children_among_a_larger_group_keep_both_figures():
    text = "Some 3,500 children were among 9,000 people who crossed into Chad on 20 June."
    moves = [r for r in _records(text) if r.kind == "movement"]
    assert moves and figure_found(moves, 9000, "people") and figure_found(moves, 3500, "people")


def test_displaced_households_keep_their_unit_when_they_return():
    d = _records("Some 1,700 displaced households have returned to their villages in Tigray since 1 April.")
    assert figure_found(d, 1700, "households") and not figure_found(d, 1700, "people")


@pytest.mark.parametrize("text", [
    "IDP sites in Baidoa are hosting 3,200 households as of 15 May.",
    "Fourteen IDP sites in Baidoa now host 3,200 households.",
])
def test_sites_that_host_households_are_a_stock_there(text):
    facts = [r for r in _records(text) if r.kind == "fact"]
    assert facts and _named(facts[0].place, ["Baidoa"]) and figure_found(facts, 3200, "households")


@pytest.mark.parametrize("text,evicted", [
    ("Some 80 households were forcibly evicted from a site in Mogadishu on 2 February.", True),
    ("Landlords evicted 40 families in Nairobi on 2 February.", True),
    ("The tenant was evicted from his flat in London on Monday.", False),
])
def test_groups_evicted_are_displaced_a_tenant_is_not(text, evicted):
    assert bool(_events(text, "displacement")) == evicted


def test_a_figure_in_brackets_after_the_place_is_its_count():
    d = _events("New arrivals were recorded in Baidoa (12,300), Dollow (4,100) and Luuq (2,200) during May.",
                "displacement")
    assert d and _named(d[0].place, ["Baidoa"]) and figure_found(d[:1], 12300, "people")
    assert not figure_found(_events("Floods displaced families in Baidoa (2023) on 3 May.", "displacement"),
                            2023, "people")


def test_a_bare_figure_after_a_subordinator_is_the_subject():
    text = "The camp, which held 40,000 people in March, now hosts 52,000 after 12,000 arrived from Kassala."
    moves = [r for r in _records(text) if r.kind == "movement"]
    assert moves and figure_found(moves, 12000, "people") and not figure_found(moves, 40000, "people")


def test_people_who_sought_refuge_in_a_town_are_displaced_too():
    d = _events("Close to 8,000 people have sought refuge in Gao since 2 May.", "displacement")
    assert d and _named(d[0].destination, ["Gao"]) and "camp_placement" in d[0].types


@pytest.mark.parametrize("text,origin,day", [
    ("Clashes in Kassala since 24 April have forced some 10,000 people across the border into Eritrea.",
     "Kassala", "2023-04-24"),
    ("Fighting in Kidal on 2 May forced 3,000 people to flee to Gao.", "Kidal", "2023-05-02"),
])
def test_a_dated_cause_gives_the_forced_movement_its_origin_and_day(text, origin, day):
    moves = [r for r in _records(text) if r.kind == "movement"]
    assert moves and _named(moves[0].origin, [origin]) and moves[0].date == day


def test_more_agency_movement_wording():
    d = "displacement"
    took = _events("Some 700 people took refuge across the border in Bangladesh on 3 June.", "camp_placement")
    assert took and _named(took[0].destination, ["Bangladesh"])
    text = "UNHCR counts 38,000 refugees from the Central African Republic registered in Logone Oriental."
    reg = [r for r in _records(text) if r.kind == "movement"]
    assert reg and _named(reg[0].origin, ["Central African Republic"]) and "border_crossing" in reg[0].types
    car = [r for r in _records("Flights carried 300 refugees from Kiryandongo to Kampala on 6 June.")
           if r.kind == "movement"]
    assert car and _named(car[0].origin, ["Kiryandongo"]) and _named(car[0].destination, ["Kampala"])
    rel = _events("An eruption on 9 April forced the relocation of 3,000 residents of Ambae to Santo.", d)
    assert rel and figure_found(rel, 3000, "people") and rel[0].date == "2023-04-09"
    assert not _events("The relocation of the embassy to Jerusalem angered many.", d)
    cause = _events("WFP is assisting 60,000 people displaced by the conflict in Ituri since 10 April.", d)
    assert cause and _named(cause[0].origin, ["Ituri"])


def _moves(text: str):
    return [r for r in _records(text) if r.kind == "movement"]


def test_sea_interceptions_transfers_and_the_place_struck():
    sea = _moves("The coast guard intercepted a boat carrying 180 people off Teknaf on 2 March.")
    assert sea and _named(sea[0].destination, ["Teknaf"]) and figure_found(sea, 180, "people")
    assert not [r for r in _records("Police intercepted a truck carrying arms.") if r.kind == "event"]
    moved = _moves("About 350 asylum seekers were transferred on 10 May from Metema to Gondar.")
    assert moved and _named(moved[0].origin, ["Metema", "Metemma"])
    struck = _moves("On 19 April, shelling of Nyala forced an estimated 5,000 residents to flee.")
    assert struck and _named(struck[0].origin, ["Nyala"])


# Floors measured once on the held-out half at the end of the round (see BENCHMARKS.md), a little below.
# held-out at the end: place .60, figure .75, origin .63, destination .48, type .80, date .73
FLOORS: dict[str, float] = {
    "place": 0.57,
    "figure": 0.72,
    "origin": 0.59,
    "destination": 0.45,
    "type": 0.77,
    "date": 0.70,
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
