"""Camp placements (issue 15, round 5): people sheltered, housed, registered, quarantined or living in a camp
or shelter are ``camp_placement`` with their figure (the annotation guide), also when the figure is given for
the camp ("the camp now holds N"). Every sentence is written for the project.
"""

from __future__ import annotations

import pytest

import geokit


def _records(text: str):
    return geokit.extract([{"id": "t", "text": text, "published": "2023-06-30"}], link=False)


def _camp(text: str):
    res = _records(text)
    camps = [e for e in res.events if e.type == "camp_placement"]
    assert len(camps) == 1, [(e.type, e.place and e.place.name) for e in res.events]
    return camps[0], res


@pytest.mark.parametrize("text,place,counts,rule", [
    ("The camp at Kakuma now holds 180,000 refugees, the agency said on Monday.", "Kakuma",
     {"refugees": 180000}, "camp.camp_holds"),
    ("More than 20,000 refugees are living in the Dadaab camp in Kenya.", "Dadaab", {"refugees": 20000},
     "camp.people_in_camp"),
    ("Nearly 900 people are in evacuation centres in Cebu after the storm.", "Cebu", {"people": 900},
     "camp.people_in_camp"),
    ("The number of refugees in Zaatari camp has risen to 80,000.", "Zaatari", {"refugees": 80000},
     "camp.number_in_camp"),
    ("Aid workers built a camp housing 20,000 refugees near Mafraq on Monday.", "Mafraq", {"refugees": 20000},
     "camp.camp_holds"),
    # the camp as the subject of its figure, with no date and no preposition after it
    ("The Kakuma camp is home to 150,000 refugees.", "Kakuma", {"refugees": 150000}, "camp.camp_holds"),
    ("The camp at Zaatari, which houses 80,000 people, flooded on Monday.", "Za", {"people": 80000},
     "camp.camp_holds"),
])
def test_a_standing_figure_at_a_camp_is_a_placement_with_its_figure(text, place, counts, rule):
    e, res = _camp(text)
    assert place in e.place.name and e.counts == counts and e.rule.startswith(rule)
    assert e.acled == {"event_type": "Strategic developments", "sub_event_type": "Other"}
    assert not res.movements  # the people are already there: nobody moves in this sentence


def test_displaced_people_sheltering_in_schools_are_placed_and_displaced():
    e, _res = _camp("Some 4,000 displaced people were sheltering in schools in Goma on Tuesday.")
    assert e.types == ["camp_placement", "displacement"]
    assert e.place.name == "Goma" and e.counts == {"people": 4000} and e.date == "2023-06-27"


@pytest.mark.parametrize("text,place,figure", [
    ("Health officials quarantined 300 passengers aboard the ship in Sydney on Tuesday.", "Sydney", 300),
    ("About 200 tourists remain under quarantine at a resort in Phuket, officials said on Friday.", "Phuket",
     200),
])
def test_quarantine_at_a_place_is_a_placement(text, place, figure):
    e, _res = _camp(text)
    assert e.place.name == place and figure in e.counts.values()


def test_a_quarantined_town_is_no_placement():
    assert not [e for e in _records("The town of Wuhan was placed under quarantine on Thursday.").events
                if e.type == "camp_placement"]


def test_a_generic_mention_of_refugees_in_camps_is_no_event():
    res = _records("Aid agencies warn that refugees in camps face a hard winter.")
    assert not [e for e in res.events if e.type == "camp_placement"]


@pytest.mark.parametrize("text,first", [
    ("Officials evacuated 500 residents to shelters in Houston on Monday.", "displacement"),
    ("At least 60,000 Rohingya have arrived at camps in Cox's Bazar since Friday.", "border_crossing"),
])
def test_people_moved_into_a_camp_are_also_placed_there(text, first):
    events = _records(text).events
    assert events and events[0].types[0] == first and "camp_placement" in events[0].types


def test_people_moved_to_a_town_are_not_placed():
    events = _records("Officials evacuated 500 residents to Houston on Monday.").events
    assert events and "camp_placement" not in events[0].types


# ---------------------------------------------------------- fair type readings (the guide lists every one)


def _first(text: str):
    events = _records("Officials gave the figures on Friday. " + text).events
    assert events, text
    return events[-1]


@pytest.mark.parametrize("text,types", [
    # refugees crossing a border: a crossing and a displacement
    ("Some 300 Syrian refugees crossed into Turkey on Monday.", ["border_crossing", "displacement"]),
    # traders crossing: a crossing only
    ("Two traders crossed into Kenya on Monday with cattle.", ["border_crossing"]),
    # a private trip abroad is a crossing; an official's is a visit
    ("A group of tourists visited Peru on Monday.", ["visit", "border_crossing"]),
    ("The president visited Peru on Monday.", ["visit"]),
    # protesters removed by police: a displacement and a protest broken up
    ("Police evacuated protesters from Taksim Square in Istanbul on Sunday.", ["displacement", "protest"]),
    ("Police evacuated residents from the old town of Izmir on Sunday.", ["displacement"]),
])
def test_types_list_every_fair_reading(text, types):
    assert _first(text).types == types


def test_officials_who_flee_or_are_evacuated_are_not_visiting():
    events = _records("Officials gave the figures on Friday. "
                      "A team of aid workers was evacuated and flown to Nairobi on Sunday.").events
    assert events and all(e.type != "visit" for e in events)
    trip = _records("Officials gave the figures on Friday. "
                    "The foreign minister flew to Nairobi on Sunday for talks on the refugee crisis.")
    assert "visit" in [e.type for e in trip.events]


# ---------------------------------------------------------- "met" that is no meeting


@pytest.mark.parametrize("text", [
    "Government troops met stiff resistance from rebels in Sirte on Monday.",
    "Four soldiers met their deaths in Kunduz on Monday.",
])
def test_met_with_resistance_or_death_is_no_meeting(text):
    assert all(e.type != "meeting" for e in _records(text).events)


def test_protesters_met_with_tear_gas_are_a_protest_with_intervention():
    (e,) = _records("Police met protesters with tear gas in Ankara on Monday.").events
    assert e.type == "protest" and e.place.name == "Ankara"
    assert e.acled == {"event_type": "Protests", "sub_event_type": "Protest with intervention"}


def test_a_meeting_is_still_a_meeting():
    (e,) = _records("The minister met with the governor in Doha on Monday.").events
    assert e.type == "meeting" and e.place.name == "Doha"


def test_people_forced_to_flee_by_soldiers_are_displaced_not_defecting():
    events = _records("Soldiers burned 40 houses in the village of Tula on Monday, "
                      "forcing residents to flee.").events
    assert [e.type for e in events] == ["displacement"] and events[0].who == "residents"


def test_homes_torched_by_militiamen_are_also_an_attack_but_not_by_wildfires():
    (e,) = _records("More than 300 homes were torched by militiamen in Djugu on Monday.").events
    assert e.types == ["displacement", "attack"]
    (e,) = _records("More than 300 homes were burned by wildfires in Attica on Monday.").events
    assert e.types == ["displacement"]


def test_force_against_protesters_is_the_protest():
    (e,) = _records("Police shot dead two protesters during a demonstration in Conakry on Thursday.").events
    assert e.type == "protest" and e.types[:2] == ["protest", "attack"]
    assert e.acled == {"event_type": "Protests", "sub_event_type": "Excessive force against protesters"}
    events = _records("Gunmen killed two policemen in Kano on Monday as protesters marched in Abuja.").events
    assert sorted(e.type for e in events) == ["attack", "protest"]
