"""The most specific place (issue 15, round 5): ACLED codes the finest location a report gives for an event.

Every sentence is written for the project. An event placed at an area (a country, a province, "near X")
takes a place inside it that its own sentence, else a neighbouring sentence of the paragraph, names in a
locative phrase, unless that place is another event's, an origin, the actor's base or an attribution.
"""

from __future__ import annotations

import pytest

import geokit


def _events(text: str):
    res = geokit.extract([{"id": "t", "text": text, "published": "2023-06-30"}], link=False)
    return list(res.events)


def _only(text: str):
    events = _events(text)
    assert len(events) == 1, [(e.type, e.place and e.place.name) for e in events]
    return events[0]


@pytest.mark.parametrize("text,place", [
    ("A bomb exploded on Sunday in the Turkish capital, Ankara, killing 12 people.", "Ankara"),
    ("Police arrested 40 protesters on Monday in Kazakhstan's largest city, Almaty.", "Almaty"),
    ("Three people were killed in a suicide bombing in the Somali capital Mogadishu on Tuesday.",
     "Mogadishu"),
])
def test_a_place_in_apposition_to_a_place_noun_is_the_events(text, place):
    e = _only(text)
    assert e.place.name == place
    assert e.place.geo_precision == 1  # the clause's own place, not the report's main place as a fallback
    assert "main place" not in e.notes


def test_the_sentence_names_a_town_inside_the_country_of_the_event():
    e = _only("Gunmen opened fire on worshippers in Pakistan on Friday; "
              "the mosque is in the city of Peshawar.")
    assert e.place.name == "Peshawar" and e.place.geo_precision == 1
    assert "most specific place" in e.notes


def test_the_neighbouring_sentence_of_the_paragraph_names_the_town():
    e = _only("Militants attacked an army post in Nigeria on Monday, killing six soldiers. "
              "The post lies outside the town of Damboa.")
    assert e.place.name == "Damboa"
    assert "neighbouring sentence" in e.notes


def test_displacement_takes_the_town_inside_the_country():
    e = _only("Floods have displaced 3,000 families in Pakistan this week, "
              "most of them in the town of Nowshera.")
    assert e.type == "displacement" and e.place.name == "Nowshera"


@pytest.mark.parametrize("text", [
    # a place said in the attribution, where the speaker was
    "Gunmen killed five villagers in Nigeria on Monday, a police spokesman said in Abuja.",
    # the actor's base
    "Gunmen killed five villagers in Nigeria on Monday. Fighters based in Maiduguri claimed the raid.",
    # an origin
    "Soldiers fired on a crowd in Kenya on Friday; the crowd had come from Kisumu.",
    # a place in another country
    "Gunmen killed five villagers in Nigeria on Monday, while the president was in Paris.",
])
def test_places_in_other_roles_do_not_refine(text):
    events = _events(text)
    assert events and events[0].place.geo_precision == 4, [(e.type, e.place.name) for e in events]
    assert "most specific place" not in events[0].notes


def test_another_events_place_stays_that_events():
    events = _events("Rebels shelled army positions in Syria on Monday, "
                     "a day after protesters marched in Homs.")
    by_type = {e.type: e for e in events}
    assert by_type["military_operation"].place.name == "Syria"
    assert by_type["protest"].place.name == "Homs"


def test_a_meeting_during_a_visit_is_where_the_visit_went():
    events = _events("U.S. Secretary of State John Doe met with the families on Monday when he visited the "
                     "Kenyan capital of Nairobi.")
    meeting = next(e for e in events if e.type == "meeting")
    assert meeting.place.name == "Nairobi" and "visit it took place during" in meeting.notes
    events = _events("During his visit to Hanoi on Tuesday, the Japanese prime minister held talks with "
                     "Vietnamese leaders.")
    meeting = next(e for e in events if e.type == "meeting")
    assert meeting.place.name == "Hanoi" and meeting.date == "2023-06-27"


def test_a_meeting_in_its_own_town_keeps_it():
    events = _events("The minister met the envoy in Paris on Monday, a day after he visited Berlin.")
    assert next(e for e in events if e.type == "meeting").place.name == "Paris"


# ---------------------------------------------------------------- violence named as a charge


def test_violence_named_as_a_charge_is_no_occurrence_on_the_court_day():
    events = _events("A man was jailed for ten years on Friday after he was found guilty of attempted murder "
                     "at Leeds Crown Court.")
    assert [e.type for e in events] == ["arrest"]
    (e,) = _events("Two brothers were charged with murder in Glasgow on Monday.")
    assert e.type == "arrest" and e.place.name == "Glasgow" and e.date == "2023-06-26"


def test_a_charge_that_tells_its_occurrence_keeps_it():
    events = _events("Five men were convicted on Monday over the stabbing that took place outside a bar in "
                     "Leeds on 3 March.")
    attack = next(e for e in events if e.type == "attack")
    assert attack.date == "2023-03-03"


# ---------------------------------------------------------------- facilities named after their town


@pytest.mark.parametrize("text,place", [
    ("Three patients were isolated at Kisumu District Hospital on Monday.", "Kisumu"),
    ("Protesters gathered outside Cairo University on Sunday.", "Cairo"),
])
def test_a_facility_named_after_its_town_places_the_event_there(text, place):
    (e,) = _events(text)
    assert e.place is not None and e.place.name == place


def test_a_street_named_after_a_place_does_not():
    events = _events("Gunmen killed two men on Baghdad Street on Monday.")
    assert events and all(e.place is None or e.place.name != "Baghdad" for e in events)


def test_a_placeless_clause_of_foreign_authorities_is_in_their_country():
    events = _events("Fighting in Kampala and Gulu killed 20 people on Monday, officials in Kampala said. "
                     "Kenyan police arrested 12 Ugandan smugglers on Tuesday.")
    arrest = next(e for e in events if e.type == "arrest")
    assert arrest.place.name == "Kenya" and "acting authorities" in arrest.notes


def test_the_reports_place_inside_the_authorities_country_is_kept():
    events = _events("Fighting in Gulu killed 20 people on Monday. "
                     "Ugandan police arrested 12 men on Tuesday.")
    arrest = next(e for e in events if e.type == "arrest")
    assert arrest.place.name == "Gulu"


def test_a_country_before_the_officials_it_sends_is_not_where_the_event_is():
    """"toured the affected areas and said ..., aided by US health officials": with no place of its own the
    visit takes the report's place, not the country of the helpers."""
    text = ("Cholera has killed 40 people in Sindh. The minister toured the affected areas and said that the "
            "government was starting a campaign, aided by the WHO and US health officials.")
    visits = [e for e in geokit.extract([{"id": "t", "text": text, "published": "2022-08-30"}],
                                        link=False).events if e.type == "visit"]
    assert visits and visits[0].place is not None and visits[0].place.country_code == "PK", visits
