"""ACLED-notes and wire conventions read as general mechanisms (issue 15, round 7).

Sample texts are written for the project (never copied from the news or a corpus).
"""

from __future__ import annotations

import pytest

import geokit
from geokit.events.actornames import in_actor_name
from geokit.events.sentences import dateline_head

PUB = "2024-03-01"  # a Friday


def _events(text: str, published: str = PUB):
    recs = geokit.extract([{"id": "t", "text": text, "published": published}], link=False).records()
    return [r for r in recs if r.kind == "event"]


def _first(text: str, published: str = PUB):
    ev = _events(text, published)
    assert ev, text
    return ev[0]


@pytest.mark.parametrize("line", [
    "HARGEISA/NAIROBI, Feb 28 (Reuters) - Gunmen",
    "KADUNA, Nigeria, Feb 28 (Reuters) - Gunmen",
    "LIMA, Feb 28 (Reuters) - Gunmen",
])
def test_wire_datelines_with_two_cities_or_a_country(line):
    assert line[dateline_head(line):] == "Gunmen"


def test_a_dateline_day_is_the_reports_not_the_events():
    ev = _first("MAIDUGURI/ABUJA, Feb 29 (Reuters) - Gunmen abducted 12 traders near Konduga on Wednesday, "
                "residents said.")
    assert ev.date == "2024-02-28"


@pytest.mark.parametrize("text,name,inside", [
    ("fighters of the Sahel Liberation Front (SLF) attacked", "Sahel", True),
    ("Military Forces of Chad (2021-) clashed", "Chad", True),
    ("an Unidentified Armed Group (Peru) shot", "Peru", True),
    ("clashed near Gao (Gao, Gao) on Monday", "Gao", False),
    ("police in Mexico City (CDMX) said", "Mexico City", False),
])
def test_places_in_actor_names(text, name, inside):
    i = text.index(name)
    assert in_actor_name(text, i, i + len(name)) is inside


@pytest.mark.parametrize("text,sub_event", [
    ("On 2 May 2024, Military Forces of Chad (2021-), backed by local militias, took control of Bol "
     "(Mamdi, Lac) after rebels withdrew.", "Government regains territory"),
    ("On 2 May 2024, Kachin Independence Army fighters seized the town of Bhamo (Bhamo, Kachin).",
     "Non-state actor overtakes territory"),
    ("Russian forces captured the village of Avdiivka in Ukraine's Donetsk region on Saturday.",
     "Non-state actor overtakes territory"),
    ("On 2 May 2024, the army took over the base in Tessalit (Tessalit, Kidal) after the UN peacekeepers "
     "withdrew.", "Non-violent transfer of territory"),
    ("Rebels used drones to drop explosives on an army post near Kalehe on Thursday.", "Air/drone strike"),
    ("On 2 May 2024, Military Forces of Russia (2000-) dropped munitions containing chloropicrin on trenches "
     "near Bakhmut (Bakhmutskyi, Donetsk).", "Chemical weapon"),
    ("On 2 May 2024, a bomb planted by an Unidentified Armed Group (Pakistan) exploded beside a police van "
     "in Quetta (Quetta, Balochistan). 3 fatalities.", "Remote explosive/landmine/IED"),
    ("Police fired water cannon and tear gas at students outside parliament in Lima on Thursday.",
     "Protest with intervention"),
    ("On 2 May 2024, Police Forces of Peru (2021-) fired pellets at protesters in Juliaca (San Roman, Puno), "
     "killing two. 2 fatalities.", "Excessive force against protesters"),
    ("Soldiers shot dead three gunmen during a raid near Kaduna on Thursday.", "Armed clash"),
    ("Police repelled a gang attack on the town of Hinche on Sunday, killing six gang members.",
     "Armed clash"),
    ("On 2 May 2024, Rioters (Nigeria) beat a man to death near Kano (Kano, Kano). 1 fatality.",
     "Mob violence"),
    ("Eleven people were killed when an air strike hit a market in Kurmuk on Thursday.", "Air/drone strike"),
    ("A Turkish strike on a car near Qamishli killed two fighters on Thursday.", "Air/drone strike"),
    ("Nurses held a strike outside the main hospital in Harare on Thursday.", "Peaceful protest"),
    ("On 6 May 2024, relatives gathered outside the court in Lusaka (Lusaka, Lusaka) to demand the release "
     "of the detainees; police beat several of them.", "Protest with intervention"),
    ("Hundreds of farmers protested in Madrid on Thursday, blocking streets with tractors.",
     "Peaceful protest"),
    ("Hundreds of youths protested in Kano on Thursday, blocking roads with burning tyres.",
     "Violent demonstration"),
    ("On 6 May 2024, unidentified men burned down a church in Makurdi (Makurdi, Benue). No fatalities.",
     "Looting/property destruction"),
    ("On 6 May 2024, army bulldozers destroyed shops in Tulkarm (Tulkarm, West Bank).",
     "Looting/property destruction"),
    ("Russian glide bombs struck an apartment block in Sumy on Friday, killing three people.",
     "Air/drone strike"),
    ("Police in Ankara detained 40 people who tried to march to the square on Friday.",
     "Protest with intervention"),
    ("On 6 May 2024, Settlers (Israel) uprooted olive trees near Sinjil (Ramallah, West Bank).",
     "Looting/property destruction"),
    ("On 6 May 2024, about 300 Protesters (India) [size=about 300] gathered outside the governor's office in "
     "Imphal (Imphal West, Manipur).", "Peaceful protest"),
    ("On 2 May 2024, militia leaders announced the merger of their groups at a meeting in Bunia (Bunia, "
     "Ituri).", "Change to group/activity"),
])
def test_round7_sub_events(text, sub_event):
    assert _first(text).acled.get("sub_event_type") == sub_event


def test_a_lead_clause_n_days_after_is_background():
    ev = _first("On 6 May 2024, three days after an ambush near Marawi, soldiers clashed with militants in "
                "Butig (Butig, Lanao del Sur). 4 fatalities.")
    assert ev.place.name.startswith("Butig") and ev.date == "2024-05-06" and ev.fatalities == 4
    assert ev.actors.get("actor1") == "soldiers"


def test_the_notes_day_dates_its_event_nouns():
    ev = _first("On 9 April 2024 (as reported), commanders held a meeting near Goma (Goma, Nord-Kivu).")
    assert ev.date == "2024-04-09" and ev.actors.get("actor1") == "commanders"
    ev = _first("On 9 April 2024 (as reported), the commanders announced a new alliance at a meeting near "
                "Goma (Goma, Nord-Kivu).", "2024-04-20")
    assert ev.date == "2024-04-09"


def test_an_unknown_village_falls_back_to_its_bracketed_district():
    ev = _first("On 9 April 2024, militants set up a base near the village of Zzyxqua (Marte, Borno).")
    assert ev.place is not None and ev.place.name == "Marte"
    assert len(_events("On 9 April 2024, militants clashed with soldiers near Zzyxqua (Marte, Borno).")) == 1


def test_a_place_in_another_country_than_its_bracketed_areas_is_dropped():
    ev = _first("On 9 April 2024, soldiers clashed with rebels in Ber (Timbuktu, Timbuktu).")
    assert ev.place is not None and ev.place.country_code == "ML"


def test_the_actor_name_is_not_the_place():
    ev = _first("Around 9 April 2024 (month of), Islamic State Sahel Province (ISSP) militants set up a new "
                "base near Menaka (Menaka, Menaka).")
    assert ev.place is not None and ev.place.name == "Ménaka"


@pytest.mark.parametrize("text,n", [
    ("A drone strike killed a senior commander of the militia near Sinjar on Thursday.", 1),
    ("Residents lynched a man accused of theft in the town of Kindu on Thursday.", 1),
    ("Security forces shot dead two young men during protests in Conakry on Thursday.", 2),
    ("Shells hit a camp for displaced people near Kalehe on Thursday, killing four civilians.", 4),
    ("Militants attacked a village near Mueda on Friday, beheading three men.", 3),
    ("Police shot dead nine suspected drug traffickers during a raid in Recife on Thursday.", 9),
    ("On 6 May 2024, militants mourned a commander killed in a Turkish strike near Qandil (Rawanduz, Erbil).",
     1),
])
def test_fatalities_of_the_first_event(text, n):
    assert _first(text).fatalities == n


def test_speaking_in_x_is_an_attribution():
    ev = _first("Militants killed 11 soldiers in an ambush near Diapaga on Thursday, two security sources "
                "said, speaking in Ouagadougou.")
    assert ev.place is not None and ev.place.name == "Diapaga"


def test_an_apposition_that_says_what_a_small_place_is_supports_it():
    doc = geokit.parse("Gunmen attacked Tillia, a town in western Niger, on Tuesday.")
    names = [t.text for t in doc.toponyms]
    assert "Tillia" in names
    names = [t.text for t in geokit.parse("Gunmen attacked Tillia on Tuesday.").toponyms]
    assert "Tillia" not in names  # a small place nothing supports stays out


@pytest.mark.parametrize("text,actors", [
    ("Fighting broke out between the army and rebels near Kalehe on Sunday.", ("the army", "rebels")),
    ("Clashes between rival militias and the police in Tripoli killed four people on Monday.",
     ("rival militias", "the police")),
    ("On 3 May 2024, clashes between Military Forces of Chad (2021-) and FACT rebels took place in Faya "
     "(Borkou, Borkou).", ("Military Forces of Chad (2021-)", "FACT rebels")),
])
def test_the_two_sides_of_a_fight(text, actors):
    ev = _first(text)
    assert ev.type == "military_operation" or ev.acled["event_type"] == "Battles"
    assert (ev.actors.get("actor1"), ev.actors.get("actor2")) == actors


@pytest.mark.parametrize("text,actor1", [
    ("The army pulled out of Kidal (Kidal, Kidal) and rebels took control of the town.", "rebels"),
    ("On 9 May 2024, Police Forces of Peru (2021-) raided a camp and seized grenades in Juliaca (San Roman, "
     "Puno).", "Police Forces of Peru (2021-)"),
    ("Soldiers found and destroyed a laboratory and seized 300 kg of explosives near Tumaco on Thursday.",
     "Soldiers"),
])
def test_the_subject_of_a_second_verb(text, actor1):
    assert _first(text).actors.get("actor1") == actor1


@pytest.mark.parametrize("lead,precision", [
    ("Around 5 February 2024 (month of)", 3), ("On 5 February 2024 (week of)", 2),
    ("On or around 5 February 2024", 2), ("On 5 February 2024 (as reported)", 1),
])
def test_acled_date_qualifiers_set_the_time_precision(lead, precision):
    ev = _first(f"{lead}, militants set up a base near Marte (Marte, Borno).")
    assert ev.date == "2024-02-05" and ev.to_dict()["time_precision"] == precision
