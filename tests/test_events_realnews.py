"""Mechanisms that make event reading hold on real news it was not written against (issue 15, round 2).

Why: rules tuned on one half of the dev reports did not carry over to the other half. Each test covers a
general mechanism (not a phrase of the dev data) with sentences written for this test.
"""

from __future__ import annotations

import pytest

import geokit
from geokit.parsing.parser import parse


def _events(text: str, published: str = "2019-03-13"):
    recs = geokit.extract([{"id": "t", "text": text, "published": published}], link=False).records()
    return [r for r in recs if r.kind == "event"]


def _movements(text: str, published: str = "2019-03-13"):
    recs = geokit.extract([{"id": "t", "text": text, "published": published}], link=False).records()
    return [r for r in recs if r.kind == "movement"]


@pytest.mark.parametrize(("text", "word", "country"), [
    ("South Korean marines returned fire near the island on Monday.", "South Korean", "KR"),
    ("Three Sri Lankan sailors were detained off the coast.", "Sri Lankan", "LK"),
    ("North Koreans crossed the river at night.", "North Koreans", "KP"),
])
def test_multiword_demonyms_are_read_as_demonyms(text, word, country):
    doc = parse(text)
    found = [(t.text, t.kind, t.place.country_code if t.place else None) for t in doc.toponyms]
    assert (word, "demonym", country) in found, found


def test_a_country_whose_name_is_its_own_adjective_stays_a_place():
    doc = parse("Myanmar soldiers burned homes in a village on Monday.")
    kinds = {t.text: t.kind for t in doc.toponyms}
    assert kinds.get("Myanmar") in ("literal", "metonymic"), kinds


@pytest.mark.parametrize("text", [
    "A woman was killed in Fresno on Saturday when a large tree fell on a wedding party.",
    "One man was killed near Tulsa on Monday after crashing his truck into a wall.",
    "Two villagers died in a mountain county on Sunday after rain-triggered landslides.",
    "Four people were injured on Friday in a gas explosion at a bakery in Leeds.",
    "The illness has killed 40 people in the province since March.",
])
def test_deaths_by_accident_disease_or_hazard_are_no_attack(text):
    assert not [e for e in _events(text) if e.type in ("attack", "military_operation")], \
        [(e.type, e.rule) for e in _events(text)]


@pytest.mark.parametrize("text", [
    "Three people were killed in Aleppo on Monday when soldiers opened fire on a crowd.",
    "Five people were killed in Homs on Monday when gunmen set fire to a bus.",
    "A bomb explosion at a market in Kabul killed nine people on Monday.",
])
def test_violence_told_with_fire_words_stays_an_attack(text):
    assert [e for e in _events(text) if e.type == "attack"], [(e.type, e.rule) for e in _events(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Local police seized drugs containing fentanyl in Vancouver on Monday.", False),
    ("She took over from the founder in Shanghai in December.", False),
    ("Rebels seized Kafr Nabl on Monday.", True),
    ("Militants took over the village of Tal Abyad on Sunday.", True),
])
def test_capture_needs_a_place_or_territory_as_object(text, expected):
    ops = [e for e in _events(text) if e.type == "military_operation"]
    assert bool(ops) is expected, [(e.type, e.rule) for e in _events(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Canadian athletes demonstrated great skill in Calgary this year.", False),
    ("Thousands demonstrated in Calgary on Sunday.", True),
    ("The mayor rallied support in Leeds on Monday.", False),
    ("Farmers rallied outside parliament in Ottawa on Monday.", True),
])
def test_transitive_demonstrate_or_rally_is_no_protest(text, expected):
    assert bool([e for e in _events(text) if e.type == "protest"]) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Firefighters inspected the chemical in Birmingham on Monday.", False),
    ("The cruise line had suspended all of its visits to Mexico until May.", False),
    ("The minister inspected the Zaatari camp on Monday.", True),
    ("The minister visited Kilis on Monday.", True),
])
def test_visit_needs_a_traveller_and_a_place(text, expected):
    assert bool([e for e in _events(text) if e.type == "visit"]) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The peanut products returned to the United States in September.", False),
    ("The annual music festival returns to Turkey on Thursday.", False),
    ("The otter escaped from the Auckland Zoo on Monday.", False),
    ("The number of cases in Mexico has reached 226.", False),
    ("About 300 refugees returned to Syria on Monday.", True),
])
def test_a_journey_needs_people_as_its_subject(text, expected):
    assert bool(_movements(text)) is expected, [(m.type, m.rule) for m in _movements(text)]


@pytest.mark.parametrize(
    "text",
    [
        (
            "At least nine people were killed and dozens fell ill on Saturday after an outbreak of cholera "
            "in a slum of Lusaka."
        ),
        "The new strain, which spread through three wards in Leeds, has killed 12 patients.",
        "Bootleg liquor killed 17 people in a slum of Nakuru on Monday.",
    ],
)
def test_a_sentence_whose_only_cause_is_no_violence_tells_no_attack(text):
    assert not [e for e in _events(text) if e.type in ("attack", "military_operation")], \
        [(e.type, e.rule) for e in _events(text)]


def test_a_sentence_with_a_perpetrator_stays_an_attack_despite_a_cause_word():
    text = "Gunmen killed six people at a cholera clinic in Beni on Monday."
    assert [e for e in _events(text) if e.type == "attack"]


def test_the_accident_told_before_is_not_a_new_attack():
    text = ("An explosion caused by a gas leak injured 30 people at a market in Shiraz on Saturday. "
            "The explosion was heard across Shiraz, residents said.")
    assert not [e for e in _events(text) if e.type == "attack"], [(e.type, e.rule) for e in _events(text)]


@pytest.mark.parametrize(("text", "etype"), [
    ("Unknown assailants hurled a grenade into a crowded cafe in Mogadishu on Monday.", "attack"),
    ("A roadside bomb struck a military convoy near Lashkar Gah on Sunday.", "attack"),
    ("Authorities took three men into custody in Antwerp on Thursday.", "arrest"),
    ("Residents of Raqqa streamed out of the city on Tuesday.", "displacement"),
    ("Foreign ministers gathered in Brussels on Thursday to discuss the crisis.", "meeting"),
    ("Washington sent 400 marines to Syria on Thursday.", "military_deployment"),
    ("The German chancellor arrived in Ankara on Monday for a two-day visit.", "visit"),
    ("Pope Francis travelled to Cairo on Friday.", "visit"),
])
def test_common_wire_phrasings_give_their_type(text, etype):
    events = _events(text)
    assert etype in {e.type for e in events}, [(e.type, e.rule) for e in events]


@pytest.mark.parametrize("text", [
    "Officials denied that any civilians were killed in Mosul on Monday.",
    "The army rejected claims that its jets had bombed a school in Idlib on Monday.",
    "Police will arrest anyone who protests in Ankara on Sunday.",
])
def test_denied_or_generic_hypothetical_events_are_not_reported(text):
    assert not _events(text), [(e.type, e.rule) for e in _events(text)]


def _one_movement(text: str, published: str = "2017-03-15"):
    moves = _movements(text, published)
    assert moves, [(e.type, e.rule) for e in _events(text, published)]
    return moves[0]


def test_the_triggers_own_preposition_gives_the_role():
    m = _one_movement("Thousands of Rohingya crossed from Myanmar into Bangladesh on Sunday.")
    assert (m.origin.country_code, m.destination.country_code) == ("MM", "BD")


def test_a_journey_with_a_stop_is_one_movement_with_via():
    m = _one_movement("Hundreds of Afghan migrants travelled from Iran through Turkey to Greece last month.")
    assert (m.origin.country_code, m.destination.country_code) == ("IR", "GR")
    assert [v.country_code for v in m.via] == ["TR"]
    assert m.date == "2017-02-01"


def test_travelling_somewhere_to_do_something_is_no_destination():
    # the trip is a movement from Wellington (the guide counts travellers; round 5), but "to attend" names
    # no destination and the trip is no event
    text = "Her brother, who travelled from Wellington to attend the hearing, spoke to reporters."
    moves = _movements(text)
    assert len(moves) == 1 and moves[0].origin.name == "Wellington" and moves[0].destination is None
    assert not _events(text)


def test_a_group_taking_shelter_continues_the_flight_of_the_sentence_before():
    text = ("About 40,000 people fled their homes in Marawi on Tuesday. "
            "Most of them have taken shelter in evacuation centres in Iligan.")
    events = _events(text, "2017-03-15")
    assert {"displacement", "camp_placement"} <= {e.type for e in events}, [(e.type, e.rule) for e in events]
    assert not [e for e in events if e.type == "displacement" and e.place and e.place.name == "Iligan"]
    (m,) = _movements(text, "2017-03-15")
    assert m.origin.name.startswith("Marawi") and m.destination.name == "Iligan"
    assert m.date == "2017-03-14"  # Tuesday before Wednesday 15 March; "Marawi" names no month


def test_an_abbreviated_month_needs_a_word_boundary():
    import datetime as dt

    from geokit.parsing.dates import find_dates
    found = [d.date for d in find_dates("Families left Marawi and Augusta on Mar. 3.", dt.date(2017, 3, 15))]
    assert found == [dt.date(2017, 3, 3)], found


def test_where_it_was_said_is_not_where_it_happened():
    (e,) = [e for e in _events("Gunmen killed 15 villagers in Cameroon's Far North region overnight, "
                               "a local official told reporters in Yaounde.") if e.type == "attack"]
    assert e.place is not None and e.place.country_code == "CM" and e.place.name != "Yaoundé", e.place


def test_a_passive_report_verb_keeps_its_place():
    (e,) = [e for e in _events("It said the defectors were placed in the Zaatari camp in Mafraq on Monday.")
            if e.type == "camp_placement"]
    assert e.place is not None and e.place.name != "", e.place


def test_an_infinitive_after_a_causative_reports_a_past_flight():
    text = "Clashes in the border state have forced some 20,000 people to flee into Ethiopia, the UN said."
    events = [e for e in _events(text) if e.type == "displacement"]
    assert events, [(e.type, e.types) for e in _events(text)]
    assert events[0].counts.get("people") == 20000 and events[0].place.country_code == "ET"


def test_an_armed_group_named_like_a_place_is_an_actor_not_a_place():
    doc = parse("Israeli warplanes struck Hamas targets in the Gaza Strip on Tuesday.")
    assert "Hamas" not in [t.text for t in doc.toponyms if t.place is not None]
    (e,) = [e for e in _events("Israeli warplanes struck Hamas targets in the Gaza Strip on Tuesday.")
            if e.type == "military_operation"]
    assert e.place is not None and e.place.name == "Gaza Strip", e.place


def test_a_relative_clause_describing_the_actor_is_no_new_event():
    text = ("Police detained 40 people in Izmir on Friday over links to a militant group, "
            "which has claimed attacks in Istanbul and Ankara.")
    events = _events(text)
    assert [e.type for e in events] == ["arrest"], [(e.type, e.place and e.place.name) for e in events]


@pytest.mark.parametrize(("text", "label", "value"), [
    ("Nearly half a million people have fled since August.", "people", 500_000),
    ("A quarter of a million refugees crossed the river.", "refugees", 250_000),
    ("Over 3,200 households were newly displaced last week.", "households", 3200),
    ("Some 40,000 Rohingya have fled across the border.", "people", 40_000),
])
def test_displacement_figures_keep_their_value_and_unit(text, label, value):
    from geokit.events.counts import find_counts
    found = [(c.label, c.value) for c in find_counts(text)]
    assert (label, value) in found, found


def test_a_year_before_a_capitalised_word_is_no_count():
    from geokit.events.counts import find_counts
    assert not find_counts("In 2015 Turkey took in more refugees than any other country.")


def test_the_place_of_the_displacing_subject_is_the_origin():
    text = ("Fighting in Misrata has displaced approximately 1,500 families, "
            "who are now sheltering in schools in Bani Walid.")
    (m,) = _movements(text)
    assert (m.origin.name, m.destination.name) == ("Misratah", "Bani Walid")
    (e,) = [e for e in _events(text) if e.type == "displacement"]
    assert e.place.name == "Misratah" and e.counts == {"families": 1500}


@pytest.mark.parametrize(("text", "etype"), [
    ("A crowd of about 2,000 people gathered outside the governor's office in Basra on Sunday.", "protest"),
    ("The foreign secretary landed in Baghdad on Tuesday for an unannounced visit.", "visit"),
    ("A military drone crashed near the border town of Kilis on Monday.", "air_incident"),
])
def test_more_wire_phrasings(text, etype):
    assert etype in {e.type for e in _events(text)}, [(e.type, e.rule) for e in _events(text)]


def test_rioters_as_actors_make_a_riot_that_is_also_a_protest():
    (e,) = _events("Rioters set fire to shops in Bujumbura on Friday after the results were announced.")
    assert e.acled["event_type"] == "Riots" and "protest" in e.types, (e.type, e.types, e.acled)


def test_the_reports_main_place_weighs_origins_half_and_a_towns_country_supports_it():
    text = ("Chilean authorities banned further marches against the import of copper tools from Peru "
            "after 40 people were injured in clashes overnight Saturday. "
            "Police blocked the square in front of Santiago Cathedral on Sunday, Chilean media reported.")
    injured = [e for e in _events(text, "2015-06-29") if "attack" in e.types or e.type == "protest"]
    assert injured and all(e.place is not None and e.place.country_code == "CL" for e in injured), \
        [(e.type, e.place and e.place.name) for e in injured]


@pytest.mark.parametrize("text", [
    "Donors pledged funds to battle the disease in the region on Monday.",
    "The charity is fighting malaria in the northern province of Kano.",
    "The families face a long legal battle in Lima over the spill.",
    "Thousands of kilometres of power lines were brought down near Cairns on Monday.",
    "Conference organisers reported new cases in Maputo on Monday.",
    "The Conference Board of Canada published its outlook in Ottawa on Monday.",
])
def test_look_alikes_of_battles_downings_and_meetings_are_not_events(text):
    assert not _events(text), [(e.type, e.rule) for e in _events(text)]


def test_the_blast_after_an_accident_is_that_accident():
    text = ("Two people died on Friday in a gas explosion at a restaurant in Hangzhou, state media said. "
            "The blast took place at a busy lunchtime in Hangzhou.")
    assert not [e for e in _events(text) if e.type in ("attack", "military_operation")]


def test_a_jet_brought_down_is_an_air_incident():
    assert "air_incident" in {
        e.type for e in _events("Rebels brought a government jet down near Idlib on Monday.")
    }


@pytest.mark.parametrize(
    ("text", "origin", "destination"),
    [
        (
            "The patient was transferred from a clinic in Kisumu to a hospital in Nairobi on Friday.",
            "Kisumu",
            "Nairobi",
        ),
        ("The 34 suspects were transported to the capital city of Nairobi on Sunday.", None, "Nairobi"),
        ("A nurse who returned from Thailand last week is in isolation.", "Thailand", None),
    ],
)
def test_transfers_and_returns_are_movements_with_their_ends(text, origin, destination):
    m = _one_movement(text)
    assert (m.origin.name if m.origin else None, m.destination.name if m.destination else None) == \
        (origin, destination)


def test_an_event_told_a_week_before_another_keeps_its_own_day():
    text = ("Police arrested two men in Leeds on Tuesday, a week after a bomb exploded outside a mosque "
            "in Bradford.")
    got = {(e.type, e.place.name, e.date) for e in _events(text, "2016-03-30")}
    assert got == {("arrest", "Leeds", "2016-03-29"), ("attack", "Bradford", "2016-03-22")}, got


def test_a_subject_before_a_past_verb_is_no_present_tense():
    from geokit.events.triggers import is_present
    assert not is_present("bomb exploded") and not is_present("shells struck") and is_present("bombs explode")


@pytest.mark.parametrize(("text", "counts"), [
    ("A suicide bomber struck a police academy in Quetta on Monday, leaving 61 dead and 120 wounded.",
     {"killed": 61, "wounded": 120}),
    ("The death toll from Friday's bombing in Mogadishu has risen to 276.", {"killed": 276}),
])
def test_casualty_figures_after_the_event(text, counts):
    events = [e for e in _events(text, "2016-10-26") if e.type == "attack"]
    assert events and all(events[0].counts.get(k) == v for k, v in counts.items()), \
        [(e.type, e.counts) for e in _events(text, "2016-10-26")]


def test_two_triggers_of_one_occurrence_in_a_sentence_are_one_event():
    text = ("Eleven soldiers were killed and 14 wounded when militants attacked an army post near Rafah "
            "on Thursday.")
    (e,) = _events(text, "2016-10-26")
    assert e.counts == {"killed": 11, "wounded": 14} and e.actors.get("actor1") == "militants"


def test_two_occurrences_in_a_sentence_stay_apart():
    text = "Protesters marched in Hong Kong on Sunday, and police detained 30 people in Kowloon on Monday."
    assert {(e.type, e.date) for e in _events(text, "2016-03-30")} == {("protest", "2016-03-27"),
                                                                        ("arrest", "2016-03-28")}


@pytest.mark.parametrize(("text", "expected"), [
    ("Thousands of buildings were damaged in Innisfail by the cyclone on Monday.", False),
    ("About 600 homes were destroyed in Baga on Saturday.", True),
])
def test_homes_destroyed_are_displacement_buildings_damaged_are_not(text, expected):
    assert bool([e for e in _events(text) if e.type == "displacement"]) is expected
