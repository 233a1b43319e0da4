"""ACLED-notes and wire conventions read as general mechanisms (issue 15, round 6).

Sample texts are written for the project.
"""

from __future__ import annotations

import pytest

import geokit
from geokit.events.acled import coded_fatalities

PUB = "2023-06-30"


def _events(text: str, published: str = PUB):
    recs = geokit.extract([{"id": "t", "text": text, "published": published}], link=False).records()
    return [r for r in recs if r.kind == "event"]


@pytest.mark.parametrize("sentence,n", [
    ("7 fatalities.", 7), ("1 fatality.", 1), ("No fatalities.", 0), ("Fatalities coded as 12.", 12),
    ("Fatalities unknown; coded as 0.", 0), ("Soldiers returned fire.", None), ("Two people died.", None),
])
def test_coded_fatalities_sentence(sentence, n):
    assert coded_fatalities(sentence) == n


def test_a_coded_fatalities_sentence_gives_the_events_before_it_their_deaths():
    ev = _events("On 4 May 2023, rebels clashed with soldiers near Kidal (Kidal, Kidal). 11 fatalities.")
    assert ev and ev[0].fatalities == 11
    ev = _events("On 4 May 2023, rebels clashed with soldiers near Kidal. No fatalities.")
    assert ev and ev[0].fatalities == 0
    ev = _events("On 4 May 2023, rebels clashed with soldiers near Kidal.")
    assert ev and ev[0].fatalities is None


@pytest.mark.parametrize("text,sub_event", [
    ("On 2 June 2023, army engineers defused a bomb found under a bridge near Baidoa.",
     "Disrupted weapons use"),
    ("Police said on Monday they had seized 200 kg of explosives near Kohat before they could be used in "
     "attacks.", "Disrupted weapons use"),
    ("On 4 June 2023, riot police opened fire on protesters in Kassala, killing two.",
     "Excessive force against protesters"),
    ("An angry crowd lynched a man accused of kidnapping a boy in the town of Kindu on Monday.",
     "Mob violence"),
    ("Kenyan troops recaptured the town of Badhadhe from militants on Sunday.",
     "Government regains territory"),
    ("Rebels recaptured the town of Badhadhe from the army on Sunday.",
     "Non-state actor overtakes territory"),
])
def test_acled_sub_event_from_the_clause(text, sub_event):
    ev = _events(text)
    assert ev and ev[0].acled.get("sub_event_type") == sub_event, [e.acled for e in ev]


@pytest.mark.parametrize("text,sub_event", [
    ("On 3 June 2023, the militia established a new base in Tongo (Kenema, Eastern).",
     "Headquarters or base established"),
    ("On 3 June 2023, the peacekeepers handed over their camp in Tessalit to the army.",
     "Non-violent transfer of territory"),
    ("On 3 June 2023, the two armed groups signed a local peace agreement in Bossangoa.", "Agreement"),
    ("On 3 June 2023, helicopters dropped barrel bombs on houses in Atareb.", "Air/drone strike"),
    ("On 3 June 2023, villagers beat a suspected thief to death in Mzuzu.", "Mob violence"),
])
def test_strategic_developments_and_riots_have_their_own_words(text, sub_event):
    ev = _events(text)
    assert ev and ev[0].acled.get("sub_event_type") == sub_event, [(e.rule, e.acled) for e in ev]


@pytest.mark.parametrize("text,sub_event", [
    ("On 3 June 2023, regime helicopters dropped chlorine gas canisters on houses in Kafr Zita.",
     "Chemical weapon"),
    ("On 3 June 2023, the army entered Gao without resistance after the rebels left.",
     "Non-violent transfer of territory"),
])
def test_overriding_and_transfer_refinements(text, sub_event):
    ev = _events(text)
    assert ev and ev[0].acled.get("sub_event_type") == sub_event, [(e.rule, e.acled) for e in ev]


@pytest.mark.parametrize("text,n", [
    ("On 3 June 2023, soldiers shot dead two civilians at a market in Mopti.", 2),
    ("On 3 June 2023, an angry crowd beat to death three men in Mbale.", 3),
])
def test_a_lethal_verb_before_the_figure_gives_fatalities(text, n):
    ev = _events(text)
    assert ev and ev[0].fatalities == n, [(e.rule, e.counts) for e in ev]


def test_a_chemical_attack_is_no_accident():
    ev = _events("A chemical attack on the town of Idlib on Sunday sickened dozens of people.")
    assert ev and ev[0].acled.get("sub_event_type") == "Chemical weapon"
    assert not _events("The chemical explosion at a factory in Idlib on Sunday shocked the town.")


def test_a_day_range_dates_the_event_from_its_first_day():
    ev = _events("Between 9 and 11 May 2023, soldiers clashed with rebels near Kidal. 4 fatalities.")
    assert ev and ev[0].date == "2023-05-09" and ev[0].date_precision == "week"


def test_a_wire_dateline_date_is_the_reports_not_the_events():
    ev = _events("NAIROBI, June 30 (Reuters) - Gunmen killed four herders near Garissa on Tuesday.",
                 published="2023-06-30")
    assert ev and ev[0].date == "2023-06-27"


def test_an_abduction_happens_where_the_people_were_taken_from():
    ev = _events("Gunmen kidnapped a priest from his parish in Kafanchan on Sunday, a church official "
                 "said in Kaduna.")
    assert ev and ev[0].place is not None and ev[0].place.name == "Kafanchan"


def test_a_wire_dateline_is_no_actor():
    ev = _events("BOGOTA, June 29 (Reuters) - Colombian police arrested 21 men in Medellin on Thursday.")
    assert ev and ev[0].actors.get("actor1") == "Colombian police"


def test_an_acronym_subject_is_no_participle():
    ev = _events("On 2 May 2023, an IED planted by militants exploded as an army convoy passed near Gao.")
    assert ev and ev[0].acled.get("sub_event_type") == "Remote explosive/landmine/IED"


def test_state_forces_killing_during_protests_is_excessive_force():
    ev = _events("Police in Kenya shot dead two men during protests over a tax in Nakuru on Tuesday.")
    assert ev and ev[0].acled.get("sub_event_type") == "Excessive force against protesters"


def test_a_report_released_elsewhere_does_not_place_the_event():
    ev = _events("Soldiers raped 12 women in villages near Bambari, according to a report released in Geneva "
                 "on Tuesday.")
    assert ev and ev[0].place is not None and ev[0].place.name == "Bambari"


def test_both_sides_dead_are_summed_and_the_wounded_stay_apart():
    from geokit.events.counts import find_counts

    assert [(c.value, c.label) for c in find_counts("leaving two soldiers and five rebels dead")] == [
        (7, "killed")]
    assert (7, "killed") not in [(c.value, c.label) for c in
                                 find_counts("leaving two soldiers injured and five rebels dead")]


def test_people_held_whose_fate_is_hidden_are_a_forced_disappearance():
    ev = _events("Relatives said on Friday that nine men detained by soldiers in Gao last month had "
                 "disappeared.")
    assert ev and ev[0].acled.get("sub_event_type") == "Abduction/forced disappearance"


def test_a_country_naming_whose_forces_act_is_not_the_place():
    ev = _events("Security forces in Kenya shot dead two men during protests in Kisumu on Tuesday.")
    assert ev and ev[0].place is not None and ev[0].place.name == "Kisumu"
    ev = _events("Police in Nairobi fired tear gas at students marching on Monday.")
    assert ev and ev[0].place is not None and ev[0].place.name == "Nairobi"
