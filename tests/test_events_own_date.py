"""The event's own date (issue 15, round 5): the day of the event's own clause, not the day a statement was
made, and the day a later sentence gives when it tells the same event again. Sentences written for the
project; the report is published on Friday 2023-06-30.
"""

from __future__ import annotations

import pytest

import geokit


def _events(text: str):
    return list(geokit.extract([{"id": "t", "text": text, "published": "2023-06-30"}], link=False).events)


@pytest.mark.parametrize("text", [
    "Police said on Thursday that gunmen had killed four people in Karak on Sunday.",
    "Gunmen killed four people in Karak on Sunday, police said on Monday.",
])
def test_the_day_of_the_statement_is_not_the_events(text):
    (e,) = _events(text)
    assert e.date == "2023-06-25" and e.date_precision == "day"


def test_a_statements_day_alone_still_dates_the_clause():
    (e,) = _events("Officials said on Monday that gunmen had killed four people in Karak.")
    assert e.date == "2023-06-26"


def test_a_later_sentence_that_tells_the_event_again_gives_its_day():
    (e,) = _events("A bomb killed 13 soldiers in Kayseri. The attack happened on Saturday morning.")
    assert e.date == "2023-06-24" and e.counts == {"killed": 13}
    assert "tells the event again" in e.notes


def test_a_retelling_on_another_day_is_another_event():
    events = _events("A bomb killed 13 soldiers in Kayseri on Monday. "
                     "The attack happened on Saturday morning.")
    assert sorted(e.date for e in events) == ["2023-06-24", "2023-06-26"]


def test_the_event_told_again_is_not_moved_by_a_place_of_another_clause():
    events = _events("Gunmen killed a judge in Kabul on Monday. The killing shocked people across Pakistan.")
    assert [(e.type, e.place.name) for e in events] == [("attack", "Kabul")]
    assert len(events[0].sources) == 2


def test_an_event_noun_with_its_own_place_is_another_event():
    events = _events("Gunmen killed a judge in Kabul on Monday. The attack in Herat a day later killed two.")
    assert sorted(e.place.name for e in events) == ["Herāt", "Kabul"]


def test_a_dated_retelling_sharpens_a_rough_date_and_place():
    events = _events("A missing mother of two was found three weeks after she was abducted in California. "
                     "Police said her abduction in Redding on 7 June is still a mystery.")
    attacks = [e for e in events if e.type == "attack"]
    assert len(attacks) == 1, [(e.place.name, e.date) for e in attacks]
    assert attacks[0].place.name == "Redding" and attacks[0].date == "2023-06-07"
    assert attacks[0].date_precision == "day"


def test_a_dated_noun_after_an_undated_event_is_not_merged_without_saying_so():
    events = _events("About 1,700 protesters gathered in Seoul. "
                     "Over 200 people were hurt in Saturday's protests.")
    assert len([e for e in events if e.type == "protest"]) == 2


def test_a_leading_clause_n_days_after_an_event_dates_the_main_clause():
    events = _events("Two days after the attack in Kirkuk on Monday, "
                     "police arrested five suspects in Baghdad.")
    arrest = next(e for e in events if e.type == "arrest")
    assert arrest.date == "2023-06-28" and arrest.counts == {"people": 5}
    events = _events("A bomb killed nine people in Kirkuk on Monday. "
                     "Hours after the blast, police arrested two men in Baghdad.")
    assert next(e for e in events if e.type == "arrest").date == "2023-06-26"


def test_a_day_of_the_month_is_no_figure():
    (e,) = _events("The bombing in Kirkuk on the night of June 21 killed nine people.")
    assert e.date == "2023-06-21" and e.counts == {"killed": 9}


def test_a_day_that_does_not_exist_is_no_date_not_the_reports():
    """'31 February' is the clause's own (impossible) date: the event stays undated and says why, where the
    report's date would be a silently wrong day."""
    (e,) = _events("Fighters shelled Idlib on 31 February 2016.")
    assert e.date is None and e.date_precision == "unknown"
    assert "not a real day" in e.notes and "invalid date" in e.notes
    assert e.to_dict()["notes"] == e.notes  # the JSON lines say it too


def test_an_undated_clause_still_takes_the_reports_week():
    (e,) = _events("Fighters shelled Idlib.")
    assert e.date == "2023-06-30" and e.date_precision == "week"



@pytest.mark.parametrize("text", [
    ("Shelling resumed around the port on Saturday, when another meeting of the truce committee was held "
     "in Hodeidah."),
    "Fighting went on in Marib on Saturday, when another round of talks opened in Muscat.",
])
def test_an_event_noun_in_a_when_clause_takes_the_day_it_refers_to(text):
    """"... on Saturday, when another meeting was held": the when-clause tells that Saturday."""
    meetings = [e for e in _events(text) if e.type == "meeting"]
    assert meetings and meetings[0].date == "2023-06-24"


def test_a_noun_takes_the_date_after_the_place_of_its_own_phrase():
    text = ("Police are still investigating the killing of a local councillor, a critic of the mayor, "
            "outside his home in Kano on 3 March.")
    evs = [e for e in _events(text) if e.type == "attack"]
    assert evs and evs[0].date == "2023-03-03" and evs[0].place.name == "Kano"


def test_a_place_after_the_verb_of_an_event_noun_is_the_verbs():
    evs = _events("The bombing of a market in Kano was condemned in Abuja.")
    evs = [e for e in evs if e.type == "attack"]
    assert evs and evs[0].place.name == "Kano"
