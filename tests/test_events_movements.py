"""Movements on real news wording (issue 15, round 5): the ends of a movement and the movements a reader
must not miss, with the rule ids of ``geokit/events/rules/movements.toml``.

Every sentence is written for the project. Each mechanism has a sentence it must read and, where a
look-alike exists, one it must not.
"""

from __future__ import annotations

import pytest

import geokit
from geokit.events import wording


def _records(text: str, link: bool = False):
    return geokit.extract([{"id": "t", "text": text, "published": "2023-06-30"}], link=link).records()


def _movements(text: str, link: bool = False):
    return [r for r in _records(text, link) if r.kind == "movement"]


def _name(p) -> str:
    return p.name if p is not None else ""


def test_the_movement_patterns_are_data_with_reasons():
    for pid in ("mover_located", "resident_noun_after", "and_from"):
        w = wording.patterns()[pid]
        assert w.why and w.pattern.search(w.example)


# ---------------------------------------------------------------- where the movers were


@pytest.mark.parametrize("text,origin,destination", [
    ("Forty nurses who had been stranded in the port town of Mombasa were flown to Nairobi on Friday.",
     "Mombasa", "Nairobi"),
    ("Hundreds of Aleppo residents fled to Idlib on Monday.", "Aleppo", "Idlib"),
    ("Villagers of Tal Afar were bused to Mosul on Sunday.", "Tal Afar", "Mosul"),
])
def test_the_movers_own_phrase_gives_the_origin(text, origin, destination):
    moves = _movements(text)
    assert len(moves) == 1, moves
    assert origin.split()[-1] in _name(moves[0].origin)
    assert destination in _name(moves[0].destination)


def test_the_movers_place_beats_their_nationality():
    moves = _movements("Twelve Canadian students quarantined in the city of Kisumu were driven to Nairobi "
                       "on Sunday.")
    assert len(moves) == 1 and _name(moves[0].origin) == "Kisumu", moves


def test_a_place_after_the_verb_is_no_origin_of_the_subject():
    moves = _movements("Forty nurses were flown to Nairobi from Mombasa on Friday.")
    assert len(moves) == 1 and _name(moves[0].origin) == "Mombasa"
    assert _name(moves[0].destination) == "Nairobi"


# ---------------------------------------------------------------- the story's previous sentence


def test_an_arrival_takes_its_origin_from_the_previous_sentence_coarser():
    text = ("Libya released four Bulgarian engineers on Monday after two years in jail. "
            "The four engineers arrived in Sofia on Tuesday.")
    moves = _movements(text)
    assert len(moves) == 1, moves
    m = moves[0]
    assert _name(m.destination) == "Sofia" and _name(m.origin) == "Libya"
    assert m.origin.geo_precision >= 2  # read from another sentence: never given as exact


def test_no_story_origin_inside_the_destination():
    text = "Bulgaria welcomed the news on Monday. The four engineers arrived in Sofia on Tuesday."
    moves = _movements(text)
    assert len(moves) == 1 and moves[0].origin is None, moves


def test_an_evacuation_without_a_place_is_from_where_the_story_is():
    text = ("Floods cut off the mountain town of Chitral on Monday. "
            "The town had been cut off for a week. "
            "Officials said that 300 people had been evacuated.")
    moves = _movements(text)
    assert len(moves) == 1, moves
    assert _name(moves[0].origin) == "Chitral" and moves[0].origin.geo_precision >= 2
    assert moves[0].counts.get("people") == 300


def test_the_story_place_stays_in_the_reports_country():
    text = ("Fighting in Aleppo went on for a fifth day, Syrian officials said on Monday. "
            "Shelling hit the old city of Aleppo again on Tuesday. "
            "The London-based monitor in the United Kingdom counted the dead. "
            "Thousands of people have fled.")
    moves = _movements(text)
    assert moves and all(m.origin is None or m.origin.country_code == "SY" for m in moves), moves


# ---------------------------------------------------------------- two origins, two movements


def test_each_origin_with_its_own_from_is_a_movement():
    text = ("Soldiers evacuated thousands of people from parts of the Punjab province, where the river "
            "burst its banks on Monday, and from Sindh province, where the flood is expected next.")
    moves = _movements(text, link=True)
    origins = sorted(_name(m.origin) for m in moves)
    assert len(moves) == 2 and "Punjab" in origins[0] and origins[1].startswith("Sind"), moves


def test_from_parts_of_a_place_is_an_origin():
    moves = _movements("Police evacuated 400 families from parts of Karachi on Monday.")
    assert len(moves) == 1 and _name(moves[0].origin) == "Karachi"


def test_a_bare_number_word_after_the_is_the_group_counted():
    moves = _movements("Eight more people are suspected to have the virus. "
                       "The eight are reported to have arrived in Kenya from Britain.")
    assert len(moves) == 1 and moves[0].counts.get("people") == 8, moves
    assert _name(moves[0].origin) == "United Kingdom"


# ---------------------------------------------------------------- journeys and homeward moves


def test_a_journey_takes_the_place_of_its_sentence_as_destination():
    text = "A woman who had travelled from Peru through Madrid was admitted to hospital in Lisbon."
    moves = _movements(text)
    assert len(moves) == 1, moves
    m = moves[0]
    assert _name(m.origin) == "Peru" and [_name(v) for v in m.via] == ["Madrid"]
    assert _name(m.destination) == "Lisbon" and "travelled_from" in m.rule
    assert not [r for r in _records(text) if r.kind == "event"]  # a trip: a movement, no event


def test_a_journey_with_no_destination_in_its_sentence_ends_at_the_reports_place_coarser():
    text = ("Health officials in Lisbon confirmed a second case on Monday. Lisbon hospitals are on alert. "
            "The patient had travelled from Peru.")
    moves = _movements(text)
    assert len(moves) == 1 and _name(moves[0].origin) == "Peru", moves
    assert _name(moves[0].destination) == "Lisbon" and moves[0].destination.geo_precision >= 2


@pytest.mark.parametrize("text,origin,destination", [
    ("Six Peruvians who had returned from a trip to Brazil fell ill on Monday.", "Brazil", "Peru"),
    ("France expelled two Syrian diplomats on Wednesday.", "France", "Syria"),
    ("Twelve Somali nationals were deported from Kenya on Tuesday.", "Kenya", "Somalia"),
    ("About 300 Japanese citizens were evacuated from Wuhan on Wednesday.", "Wuhan", "Japan"),
])
def test_homeward_moves_go_to_the_movers_country(text, origin, destination):
    moves = _movements(text)
    assert len(moves) == 1, moves
    assert _name(moves[0].origin) == origin and _name(moves[0].destination) == destination
    assert moves[0].destination.geo_precision >= 2  # a nationality is a country, not a point


def test_villagers_evacuated_get_no_homeward_destination():
    moves = _movements("Soldiers evacuated 200 villagers from Rutba on Monday.")
    assert len(moves) == 1 and _name(moves[0].origin) == "Ar Ruţbah" and moves[0].destination is None


def test_a_state_expelling_people_is_the_origin():
    moves = _movements("Kenya deported 12 men to Mogadishu on Tuesday.")
    assert len(moves) == 1 and _name(moves[0].origin) == "Kenya"
    assert "Mogadishu" in _name(moves[0].destination)


@pytest.mark.parametrize("text,destination", [
    ("Turkish troops entered the Syrian town of Jarablus on Wednesday.", "Jar"),
    ("The six nurses drove from the capital, Nairobi, to Nakuru on Saturday.", "Nakuru"),
])
def test_framed_objects_and_appositions_take_their_own_preposition(text, destination):
    moves = _movements(text)
    assert len(moves) == 1 and _name(moves[0].destination).startswith(destination), moves


def test_a_name_inside_a_long_trigger_keeps_its_preposition():
    moves = _movements("Officials said 1,200 people had been moved from the flooded town of Jacobabad to "
                       "camps "
                       "in Sukkur.")
    assert len(moves) == 1 and _name(moves[0].origin) == "Jacobabad"
    assert _name(moves[0].destination) == "Sukkur"


def test_visits_as_a_noun_after_from_are_no_visit():
    moves = _movements("Six Filipinos who had returned from visits to the United States tested positive in "
                       "Manila on Monday.")
    assert [m.type for m in moves] == ["border_crossing"], moves
    assert _name(moves[0].origin) == "United States"


# ---------------------------------------------------------------- forces and things


def test_forces_sent_to_a_place_move_from_the_sending_state():
    moves = _movements("Iraq sent 500 troops to the town of Rutba on Sunday.")
    assert len(moves) == 1 and _name(moves[0].origin) == "Iraq" and moves[0].type == "military_deployment"
    assert not _movements("Turkey has stationed troops in Bashiqa.")  # where they are, not a move


@pytest.mark.parametrize("text", [
    "The meeting was moved to Geneva.",
    "The storm reached Cuba on Monday.",
    "Floodwaters poured into the town of Jacobabad on Monday.",
    "He was moved to tears.",
])
def test_things_storms_and_meetings_are_no_movers(text):
    assert not _movements(text)


# ---------------------------------------------------------------- the list: across the clause


@pytest.mark.parametrize("text,origin,destination", [
    ("Thousands of people have fled Mosul since the offensive began, arriving in camps near Erbil.",
     "Mosul", "Erbil"),
    ("Returnees to Ramadi from camps in Baghdad reached 3,000 on Friday.", "Baghdad", "Ramadi"),
    ("The minister flew from Ankara to Moscow on Tuesday for talks.", "Ankara", "Moscow"),
    ("The boat carrying 300 migrants left Libya for Italy on Sunday.", "Libya", "Italy"),
    ("The couple, who had been visiting Mexico, flew back to Auckland on Friday.", "Mexico", "Auckland"),
    ("Hundreds of Somalis arriving from Kismayo were registered at the Dadaab camp in Kenya.", "Kismayo",
     "Dadaab"),
])
def test_both_ends_of_the_movement_clause(text, origin, destination):
    moves = _movements(text)
    assert moves, text
    m = moves[0]
    assert origin in _name(m.origin) and destination in _name(m.destination), (m.origin, m.destination)


def test_an_aspect_verb_before_a_gerund_reports_the_move():
    moves = _movements("Hundreds of families began returning to Fallujah on Monday.")
    assert len(moves) == 1 and "Fall" in _name(moves[0].destination)
    assert not _movements("Families returning to Fallujah need shelter.")  # a description, no report


def test_a_participle_that_is_no_arrival_gives_no_destination():
    moves = _movements("Thousands of people fled Mosul on Monday, fearing attacks from Erbil.")
    assert len(moves) == 1 and moves[0].destination is None


def test_a_visit_after_a_name_ending_like_a_preposition_is_read():
    # "Tillerson visited": the look-behind that keeps "on visits" out must not eat "...on visited"
    moves = _movements("U.S. Secretary of State Rex Tillerson visited the Turkish capital of Ankara "
                       "on Monday.")
    assert len(moves) == 1 and _name(moves[0].destination) == "Ankara"
    assert _name(moves[0].origin) == "United States"  # an official travels from the country of the title
    assert _movements("Foreign Secretary Philip Hammond visited Kabul on Monday.")  # not "(?<!all )"


def test_the_same_group_named_again_continues_its_trip():
    text = ("Six students were quarantined in the town of Kisumu on Friday. "
            "The six were transported to Nairobi on Sunday.")
    moves = _movements(text)
    assert len(moves) == 1, moves
    assert _name(moves[0].origin) == "Kisumu" and _name(moves[0].destination) == "Nairobi"
    assert moves[0].via == []  # where they started is no stop


def test_the_six_days_is_no_group():
    text = ("Six students were quarantined in the town of Kisumu on Friday. "
            "The six days ended when 40 nurses were transported to Nairobi on Sunday.")
    assert len(_movements(text)) == 2


def test_a_next_leg_continues_the_movement_and_alone_is_none():
    moves = _movements("About 400 villagers fled Rutba on Monday. They were later taken to Baghdad.")
    assert len(moves) == 1 and _name(moves[0].destination) == "Baghdad", moves
    assert "Ru" in _name(moves[0].origin)
    assert not _movements("He was taken to Baghdad on Monday.")  # "taken to" alone: no movement told
    assert not _records("The suspect was brought to court in Baghdad on Monday.")


@pytest.mark.parametrize("text,origin,destination", [
    ("The gunman, who had come to Istanbul from Kyrgyzstan, was caught on Monday.", "Kyrgyzstan", "Istanbul"),
    ("More than 1,000 migrants arrived on the Greek islands from Turkey last week.", "Turkey", "Greece"),
    ("The first convoy of buses left eastern Aleppo for Idlib province on Thursday.", "Aleppo", "Idlib"),
    ("The attacker fled to Belgium on Monday.", None, "Belgium"),
])
def test_more_journeys_the_guide_counts(text, origin, destination):
    moves = _movements(text)
    assert len(moves) == 1, moves
    assert (origin is None and moves[0].origin is None) or origin in _name(moves[0].origin)
    assert destination in _name(moves[0].destination)


def test_an_escape_abroad_is_a_movement_but_no_displacement():
    records = _records("The attacker fled to Belgium on Monday.")
    assert [r.kind for r in records] == ["movement"]
    assert not _records("The gunmen fled in a car.")  # no place: nothing to map


def test_people_bused_out_are_displaced_from_the_place():
    records = _records("Thousands of civilians were bused out of Aleppo on Thursday.")
    events = [r for r in records if r.kind == "event"]
    assert len(events) == 1 and events[0].type == "displacement" and _name(events[0].place) == "Aleppo"
    assert not _records("The civilians were to be bused out of Aleppo on Thursday.")  # planned only


def test_a_recalled_ambassador_moves():
    moves = _movements("The ambassador was recalled to Ankara for consultations on Friday.")
    assert len(moves) == 1 and _name(moves[0].destination) == "Ankara"
    assert not _movements("He recalled that Ankara had been calm.")


@pytest.mark.parametrize("text,origin,destination", [
    ("He boarded a flight from Toronto to Manila on Monday.", "Toronto", "Manila"),
    ("A woman on a flight from Lima to Madrid tested positive on Friday.", "Lima", "Madrid"),
])
def test_a_trip_told_by_its_vehicle_is_a_movement_without_an_event(text, origin, destination):
    records = _records(text)
    moves = [r for r in records if r.kind == "movement"]
    assert len(moves) == 1 and origin in _name(moves[0].origin) and destination in _name(moves[0].destination)
    assert not [r for r in records if r.kind == "event" and "on_a_flight" in r.rule]


def test_people_moving_to_safer_ground_leave_the_place_named():
    moves = _movements("Thousands of residents moved to safer areas after the river burst its banks "
                       "near Multan.")
    assert len(moves) == 1 and _name(moves[0].origin) == "Multan" and moves[0].destination is None
    assert not _movements("The company moved to safer ground after the audit.")  # no place left


def test_forces_withdrawing_from_a_place_leave_it():
    moves = _movements("Syrian troops withdrew from Aleppo on Monday.")
    assert len(moves) == 1 and _name(moves[0].origin) == "Aleppo" and moves[0].type == "military_deployment"


@pytest.mark.parametrize("text", [
    "The virus causes birth defects in infants born in Recife.",
    "Babies were born with defects in Brazil last year.",
])
def test_birth_defects_are_no_defection(text):
    assert not [r for r in _records(text) if r.type == "defection"]


def test_defecting_soldiers_still_defect():
    moves = _movements("Two Syrian officers defected to Turkey on Sunday.")
    assert len(moves) == 1 and moves[0].type == "defection" and _name(moves[0].destination) == "Turkey"


def test_an_official_on_an_official_visit_travels_there():
    moves = _movements("German Chancellor Angela Merkel was in Ankara on Monday on an official visit.")
    assert len(moves) == 1 and _name(moves[0].destination) == "Ankara" and _name(moves[0].origin) == "Germany"
    assert not _movements("The president is on a state visit.")  # no place: nothing to map


def test_a_stay_told_earlier_in_the_sentence_is_the_origin():
    moves = _movements("He had previously been in Lima and fell ill before his arrival in Madrid.")
    assert len(moves) == 1 and _name(moves[0].origin) == "Lima" and _name(moves[0].destination) == "Madrid"


def test_he_is_not_the_next_leg_of_a_group():
    text = "Six Peruvians had returned from Brazil on Sunday. He arrived in Madrid on Monday."
    moves = _movements(text)
    assert len(moves) == 2, moves  # the man's arrival is his own movement, not the group's next leg


@pytest.mark.parametrize("text,origin,destination", [
    ("Ten families who fled Raqqa arrived in the Turkish border town of Akcakale on Friday.", "Raqqah",
     "Ak"),
    ("Some 500 families fled the fighting in Aleppo to Idlib on Friday.", "Aleppo", "Idlib"),
])
def test_a_flight_and_its_arrival_in_one_sentence_are_one_trip(text, origin, destination):
    moves = _movements(text)
    assert len(moves) == 1, moves
    assert origin in _name(moves[0].origin) and _name(moves[0].destination).startswith(destination)


def test_abbreviations_deep_in_a_long_report_still_do_not_end_a_sentence():
    from geokit.events.sentences import split_sentences

    text = "Officials met on Monday. " * 400 + "The U.S. team flew to Manila on Friday. Talks began."
    last = split_sentences(text)[-2:]
    assert [s.text for s in last] == ["The U.S. team flew to Manila on Friday.", "Talks began."]


@pytest.mark.parametrize("text,origin,destination", [
    ("About 800 families who fled violence in Djibo are sheltering in Kaya, local authorities said.",
     "Djibo", "Kaya"),
    ("A total of 4,000 people fled Kalehe and are staying with host families in Bukavu.", None, "Bukavu"),
])
def test_where_people_shelter_after_fleeing_is_the_destination(text, origin, destination):
    moves = _movements(text)
    assert len(moves) == 1, moves
    assert (origin is None and moves[0].origin is None) or _name(moves[0].origin) == origin
    assert _name(moves[0].destination) == destination


def test_movers_counted_by_what_they_are_and_freed_by_a_state():
    moves = _movements("Six foreign medics freed by Libya arrived in Sofia on Tuesday.")
    assert len(moves) == 1 and moves[0].counts.get("people") == 6
    assert _name(moves[0].origin) == "Libya" and _name(moves[0].destination) == "Sofia"
    moves = _movements("Some 300 foreigners were evacuated from Tripoli on Monday.")
    assert len(moves) == 1 and moves[0].counts.get("people") == 300


def test_leaving_posts_or_deserting_a_town_is_no_defection_without_a_side():
    assert not _records("Health workers left their posts in Monrovia on Monday.")
    moves = _movements("Residents deserted the town of Kikwit on Monday.")
    assert len(moves) == 1 and moves[0].type == "displacement" and _name(moves[0].origin) == "Kikwit"
    moves = _movements("A colonel and 20 of his men left their posts near Idlib on Sunday.")
    assert len(moves) == 1 and moves[0].type == "defection"


def test_destroyed_homes_are_a_displacement_figure_but_no_movement():
    records = _records("About 640 homes were destroyed by the floods in Jacobabad on Monday.")
    events = [r for r in records if r.kind == "event" and r.type == "displacement"]
    assert events and events[0].counts.get("homes") == 640
    assert not [r for r in records if r.kind == "movement"]  # no mover: nobody is said to move


def test_a_visit_goes_to_its_own_clauses_place_only():
    assert not _movements("The minister toured the affected areas and said the campaign was aided by "
                          "US health officials.")
    moves = _movements("The minister toured the flooded areas of Sindh on Monday.")
    assert len(moves) == 1 and _name(moves[0].destination).startswith("Sind")


@pytest.mark.parametrize("text,origin,destination", [
    ("The Iraqi prime minister is in Ankara for a two-day visit.", "Iraq", "Ankara"),
    ("Syrian refugees in Turkey have been sent back to Syria.", "Turkey", "Syria"),
])
def test_visits_for_a_stay_and_people_sent_back(text, origin, destination):
    moves = _movements(text)
    assert len(moves) == 1 and _name(moves[0].origin) == origin and _name(moves[0].destination) == destination
