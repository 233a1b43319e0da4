"""Wording from the annotation guide and ACLED's definitions (issue 15, round 4), one rule id each.

Every sentence is written for the project. Each rule has a sentence it must read and, where a look-alike
exists, one it must not.
"""

from __future__ import annotations

import pytest

import geokit


def _records(text: str):
    return geokit.extract([{"id": "t", "text": text, "published": "2023-06-30"}], link=False).records()


def _events(text: str):
    return [r for r in _records(text) if r.kind == "event"]


def _movements(text: str):
    return [r for r in _records(text) if r.kind == "movement"]


# ---------------------------------------------------------------- rockets and missiles


@pytest.mark.parametrize("text,place,rule", [
    ("A rocket fired from Gaza landed in a field near Sderot on Tuesday.", "Sderot",
     "operation.projectile_landed"),
    ("Two mortar rounds fell on a market in Mogadishu on Friday, residents said.", "Mogadishu",
     "operation.projectile_landed"),
    ("Houthi forces fired three missiles at Jizan on Monday.", "Jizan", "operation.projectile_fired_at"),
    ("Rockets were launched at Kiryat Shmona on Sunday night.", "Kiryat Shmona",
     "operation.projectile_fired_at"),
])
def test_projectiles_are_shelling_where_they_land(text, place, rule):
    events = _events(text)
    assert len(events) == 1, events
    e = events[0]
    assert e.type == "military_operation" and rule in e.rule
    assert e.acled == {"event_type": "Explosions/Remote violence",
                       "sub_event_type": "Shelling/artillery/missile attack"}
    assert place.split()[-1] in e.place.name
    assert not _movements(text)  # a rocket that "landed in" a town is no arrival of people


def test_fire_into_the_air_and_a_plane_landing_are_not_shelling():
    assert not any("projectile" in e.rule for e in _events(
        "Wedding guests fired three shells into the air in Mosul on Friday."))
    e = _events("The plane carrying the minister landed in Baghdad on Monday.")
    assert all("projectile" not in x.rule for x in e)


# ---------------------------------------------------------------- returns


def test_return_of_people_to_a_place_is_a_movement_with_its_figure_and_unit():
    text = "The return of 3,500 displaced families to Sinjar began on Sunday, the agency said."
    moves = _movements(text)
    assert len(moves) == 1
    m = moves[0]
    assert "crossing.return_of_people" in m.rule
    assert m.destination is not None and "Sinj" in m.destination.name
    assert m.counts.get("families") == 3500 or 3500 in (m.counts.get("households") or [])
    assert not any(e.type == "displacement" for e in _events(text))  # a journey home, not a displacement


def test_return_from_origin_to_destination():
    text = "UNHCR said the voluntary return of about 900 refugees from Kenya to Somalia resumed last week."
    m = _movements(text)[0]
    assert m.origin.name == "Kenya" and m.destination.name == "Somalia"
    assert 900 in m.counts.values() or m.counts.get("refugees") == 900


def test_people_returned_to_a_town():
    text = "About 1,200 refugees have returned to Homs from Lebanon since the fighting ended."
    m = _movements(text)[0]
    assert "crossing.people_returned_to" in m.rule
    assert m.destination.name == "Homs" and m.origin.name == "Lebanon"


def test_return_of_goods_is_no_movement():
    assert not _movements("The return of the stolen artefacts to Baghdad was celebrated on Monday.")


# ---------------------------------------------------------------- attacks on state forces (ACLED: Battles)


@pytest.mark.parametrize("text", [
    "Militants attacked a police checkpoint in Kunar province on Sunday.",
    "Gunmen ambushed an army patrol near Arish on Monday, killing two soldiers.",
    "Two soldiers were killed when gunmen opened fire on their post near Gao on Tuesday.",
])
def test_attack_on_police_or_soldiers_is_an_armed_clash(text):
    e = _events(text)[0]
    assert e.acled == {"event_type": "Battles", "sub_event_type": "Armed clash"}, e.rule
    assert "acled.attack_on_forces" in e.rule or "armed_clash" in e.rule


@pytest.mark.parametrize("text,sub", [
    # civilians as victims stay Violence against civilians; victims "killed by soldiers" are civilians
    ("Gunmen shot dead three farmers near Jos on Monday.", "Attack"),
    ("Five villagers were killed by soldiers in Beni on Sunday.", "Attack"),
])
def test_attack_on_civilians_stays_violence_against_civilians(text, sub):
    e = _events(text)[0]
    assert e.acled == {"event_type": "Violence against civilians", "sub_event_type": sub}


def test_bomb_against_soldiers_keeps_its_explosion_type():
    text = "A roadside bomb exploded near an army convoy in Helmand on Monday, killing four soldiers."
    e = _events(text)[0]
    assert e.acled["event_type"] == "Explosions/Remote violence"


# ---------------------------------------------------------------- crowds clashing with police (ACLED: Riots)


def test_protesters_clashing_with_police_is_a_riot_not_a_battle():
    events = _events("Protesters clashed with riot police near the parliament in Nairobi on Friday.")
    assert [e.type for e in events] == ["protest"]
    assert events[0].acled == {"event_type": "Riots", "sub_event_type": "Violent demonstration"}
    assert "Nairobi" in events[0].place.name


def test_armed_groups_clashing_stay_a_battle():
    e = _events("Rebels clashed with government troops near Goma on Saturday.")[0]
    assert e.type == "military_operation"
    assert e.acled == {"event_type": "Battles", "sub_event_type": "Armed clash"}


# ---------------------------------------------------------------- agency figures: units and stocks


def test_homes_destroyed_keep_their_unit():
    e = _events("At least 640 homes were destroyed in Malakal during the fighting on Sunday.")[0]
    assert "displacement.homes_destroyed" in e.rule
    assert e.counts.get("homes") == 640 and "people" not in e.counts


@pytest.mark.parametrize("text,label,value,place", [
    ("Around 2,300 IDPs are currently sheltering in schools in Baidoa, according to the IOM.",
     "people", 2300, "Baidoa"),
    ("Some 600 families remain camped at the stadium in Bentiu.", "families", 600, "Bentiu"),
])
def test_displaced_people_sheltering_somewhere_are_a_standing_figure(text, label, value, place):
    facts = [r for r in _records(text) if r.kind == "fact"]
    assert len(facts) == 1
    assert facts[0].counts == {label: value} and place in facts[0].place.name


def test_residents_living_in_a_town_are_no_displacement_figure():
    assert not _records("About 300,000 people are living in Bentiu.")


def test_control_of_a_place_places_the_capture():
    e = _events("Rebels took control of Kidal after two days of fighting on Sunday.")[0]
    assert e.acled["sub_event_type"] == "Non-state actor overtakes territory"
    assert e.place.name == "Kidal"


# ---------------------------------------------------------------- territory and property (ACLED definitions)


@pytest.mark.parametrize("text,sub", [
    ("Kurdish fighters recaptured the village of Tel Hamis on Monday, a monitor said.",
     "Non-state actor overtakes territory"),
    ("Rebel troops retook the town of Morek on Friday.", "Non-state actor overtakes territory"),
    ("Syrian troops recaptured the town of Morek on Friday.", "Government regains territory"),
])
def test_recapture_is_typed_by_who_takes_the_place(text, sub):
    e = _events(text)[0]
    assert e.acled == {"event_type": "Battles", "sub_event_type": sub}


def test_withdrawal_is_a_non_violent_transfer_of_territory():
    e = _events("Ethiopian troops withdrew from the town of Baidoa on Friday, residents said.")[0]
    assert e.type == "military_deployment" and "deployment.withdrew" in e.rule
    assert e.acled == {"event_type": "Strategic developments",
                       "sub_event_type": "Non-violent transfer of territory"}
    assert e.place.name == "Baidoa"


def test_demolished_homes_are_property_destruction_and_demolished_records_are_not():
    text = "Israeli troops demolished the family home of a Palestinian attacker in Hebron on Thursday."
    e = _events(text)[0]
    assert e.acled == {"event_type": "Strategic developments",
                       "sub_event_type": "Looting/property destruction"}
    assert e.place.name == "Hebron"
    assert not _events("The striker demolished the league's scoring records in Madrid on Sunday.")


def test_a_determiner_alone_is_no_actor():
    e = _events("A car bomb ripped through a crowded market in Baghdad on Thursday, killing 24 people.")[0]
    assert "actor1" not in e.actors
    assert _events("Gunmen shot dead three farmers near Jos on Monday.")[0].actors["actor1"] == "Gunmen"


def test_left_homeless_is_displacement_with_households_kept():
    text = "The floods left 3,000 households homeless in Beledweyne on Sunday."
    e = [r for r in _events(text) if r.type == "displacement"][0]
    assert "displacement.left_homeless" in e.rule
    assert e.counts.get("households") == 3000 and "Beledweyne" in e.place.name
    assert not _records("The storm left the city without power for days.")


def test_number_of_displaced_in_a_place_is_a_standing_figure():
    facts = [r for r in _records("The number of IDPs in Marib has risen to more than 1 million, UNHCR said.")
             if r.kind == "fact"]
    assert len(facts) == 1 and facts[0].counts == {"people": 1_000_000}
    assert "rib" in facts[0].place.name


def test_agency_relocating_refugees_is_a_movement_to_the_destination():
    m = _movements("UNHCR has relocated 2,700 refugees from border areas to Bertoua since January.")[0]
    assert "displacement.relocated_people" in m.rule
    assert m.destination.name == "Bertoua" and m.counts.get("refugees") == 2700


def test_damaged_or_destroyed_shelters_count_homes():
    e = _events("Nearly 700 shelters were damaged or destroyed in Kutupalong by the fire on Sunday.")[0]
    assert e.counts == {"homes": 700}


# ------------------------------------------------------------ forces moving into a place (a guide movement)


def test_troops_pushing_into_a_place_are_an_operation_and_a_movement():
    text = "Government forces moved into the town of Kidal on Sunday."
    (e,) = _events(text)
    assert e.type == "military_operation" and "operation.pushed_into" in e.rule and e.place.name == "Kidal"
    (m,) = _movements(text)
    assert m.destination.name == "Kidal" and m.date == "2023-06-25"


def test_marchers_and_pushed_back_are_no_forces_moving_in():
    assert not _movements("Demonstrators marched into the main square of Cairo on Friday.")
    assert not _movements("The army pushed back the rebels near Goma on Friday.")


def test_drones_launched_at_a_place_are_a_drone_strike_there():
    e = _events("The rebels said they had launched drones at oil facilities in Jizan on Sunday.")[0]
    assert "operation.drones_launched_at" in e.rule and e.place.name == "Jizan"
    assert e.acled == {"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike"}


def test_killing_fighters_is_an_armed_clash():
    e = _events("The army said on Friday it had killed 22 Boko Haram fighters near Bama.")[0]
    assert e.acled == {"event_type": "Battles", "sub_event_type": "Armed clash"}


def test_the_actors_base_is_not_the_events_place():
    e = _events("Gunmen based in Libya killed six villagers in Kidal on Monday.")[0]
    assert e.place.name == "Kidal"
    e = _events("Fighters based in Afghanistan killed four soldiers on Monday.")[0]
    assert e.place is None or "main place" in e.notes  # only the report-level fallback, said so


# ------------------------------------------------------------ distinct places are distinct events (the guide)


def test_coordinated_places_are_distinct_events():
    events = _events("Troops shelled Homs, Hama and Idlib on Sunday.")
    assert sorted(e.place.name for e in events) == ["Hamah", "Homs", "Idlib"]
    assert len({e.date for e in events}) == 1
    text = "Floods forced 800 people to flee from Punjab province and from Sindh province on Monday."
    moves = _movements(text)
    assert sorted(m.origin.name for m in moves) == ["Punjab", "Sind"]
    assert [m.counts for m in moves if m.origin.name == "Sind"] == [{}]  # the figure stays with the first


@pytest.mark.parametrize("text", [
    "Gunmen attacked a school in Santa Ana, California on Monday.",  # a town and its state
    "Clashes in Kidal and Mali killed five people on Monday.",  # a town and its country
])
def test_a_place_and_its_container_are_one_event(text):
    assert len(_events(text)) == 1


def test_seeking_asylum_in_a_country_is_a_crossing_and_soldiers_defect():
    m = _movements("More than 40,000 Syrians have sought asylum in Turkey since April.")[0]
    assert "crossing.sought_asylum" in m.rule and m.destination.name == "Turkey"
    assert m.counts.get("people") == 40000
    e = _events("Two Syrian pilots sought asylum in Jordan on Friday.")[0]
    assert e.type == "defection" and e.place.name == "Jordan"
    assert not _records("Lawyers said she plans to seek asylum in Canada.")  # a plan, not an event


def test_a_name_ending_like_an_auxiliary_still_meets():
    # "Abe met": the look-behind for "be met" ("they were to be met") must take a word boundary
    met = _events("Prime Minister Shinzo Abe met Indian leaders in Tokyo on Monday.")
    assert [(r.type, r.place.name) for r in met] == [("meeting", "Tokyo")]
    assert not [r for r in _events("The ministers were met by protesters in Tokyo.") if r.type == "meeting"]


@pytest.mark.parametrize("text", [
    "The former minister suffered a heart attack at his home in Leeds on Sunday night.",
    "A pupil had an asthma attack during the march through Cardiff on Saturday.",
])
def test_an_illness_called_an_attack_is_no_violence(text):
    assert not [e for e in _events(text) if e.type in ("attack", "military_operation")]


def test_a_patient_moved_to_a_hospital_is_no_movement_but_an_evacuation_to_one_is():
    assert not _records("Two days later the patient was transferred to Royal Victoria Hospital in Belfast.")
    evs = _events("The wounded were evacuated to a hospital in Gaziantep on Monday.")
    assert evs and evs[0].place is not None and evs[0].place.name == "Gaziantep"
    assert _events("Families were moved to the town of Kilis on Monday.")


@pytest.mark.parametrize(("text", "place"), [
    ("Bus drivers in Porto walked off the job on Monday, stranding commuters.", "Porto"),
    ("A nationwide strike paralysed Dhaka on Thursday as shops stayed shut.", "Dhaka"),
    ("About 400 residents gathered outside the town hall in Tema on Friday to demand clean water.", "Tema"),
])
def test_strikes_and_gatherings_with_a_demand_are_protests(text, place):
    evs = [e for e in _events(text) if e.type == "protest"]
    assert evs and evs[0].place is not None and evs[0].place.name == place, _events(text)


def test_a_gathering_without_a_demand_is_no_protest():
    assert not [e for e in _events("Families gathered in Tema on Friday to celebrate the harvest.")
                if e.type == "protest"]
