"""General English news constructions the event rules must read (each sentence written for this test).

Why: the rules were tuned on the demo corpus; each fix is a construction ("arriving this week
said they had fled", "were meanwhile pounding", "a day after they stormed"), so each gets a new
sentence here that the demo texts do not contain, on hand-placed toponyms (no gazetteer needed).
"""

from __future__ import annotations

import datetime as dt
import re

from test_events import MON, cand, doc, events_of

from geokit.events.counts import find_counts
from geokit.events.extract import extract
from geokit.model import Toponym

TUE = dt.date(2012, 7, 3)


def _types(text, published=MON):
    return [e.type for e in events_of(text, published).events]


def test_several_hundred_is_a_range_of_hundreds():
    (c,) = find_counts("Police said several hundred people gathered.")
    assert c.value == (300, 900) and c.label == "people"
    (c,) = find_counts("A few thousand refugees waited.")
    assert c.value == (2000, 5000)


def test_flying_close_to_a_border_is_not_a_crossing():
    assert "border_crossing" not in _types(
        "Report\n\nTwo Syrian helicopters flew close to the frontier near Kilis on Monday."
    )


def test_guns_and_positions_are_deployments():
    (e,) = events_of("Report\n\nOn Monday the army positioned anti-aircraft guns outside Kilis.", MON).events
    assert e.type == "military_deployment" and e.place.name == "Kilis"
    (e,) = events_of("Report\n\nTurkish units reinforced positions near Kilis on Monday.", MON).events
    assert e.type == "military_deployment"


def test_reduced_relative_clause_is_not_a_meeting():
    assert "meeting" not in _types(
        "Report\n\nThe envoy said on Monday that the widows she met in Beirut wanted to go home."
    )


def test_a_trend_of_fighting_is_not_an_event():
    assert (
        _types("Report\n\nMost of the newcomers are from Homs, where fighting has grown fiercer this month.")
        == []
    )


def test_background_clause_of_a_stock_is_not_a_crossing():
    x = events_of("Report\n\nTurkey shelters 9,000 Syrians, many of whom crossed into Hatay Province.", MON)
    assert x.events == []
    assert [(f.place.name, list(f.counts.values())) for f in x.facts] == [("Turkey", [9000])]


def test_reported_clause_after_said_is_its_own_clause_and_the_same_group():
    x = events_of("Report\n\nFamilies arriving this week said they had fled Homs.", TUE)
    (m,) = x.movements
    assert m.origin.name == "Homs" and m.date_precision == "week" and m.who == "Families"


def test_time_linked_clause_lends_its_date():
    x = events_of("Report\n\nGovernment troops shelled Homs through the night after rebels ambushed a convoy "
                  "on Tuesday.", dt.date(2012, 7, 5))
    (e,) = [e for e in x.events if e.place and e.place.name == "Homs" and e.type == "military_operation"]
    assert e.date == "2012-07-03" and "time-linked" in e.notes


def test_date_of_a_cause_noun_is_not_lent():
    x = events_of(
        "Report\n\nThe army also sent tanks to Idlib in response to the March 3 bombing of a barracks.",
        dt.date(2012, 3, 20),
    )
    dep = next(e for e in x.events if e.type == "military_deployment")
    # the report's week, never the bombing's day
    assert dep.date != "2012-03-03" and dep.date_precision != "day"


def test_meanwhile_carries_the_previous_date():
    x = events_of(
        "Report\n\nAbout 300 Syrians crossed into Jordan on Monday. Government forces were meanwhile "
        "pounding Homs.",
        TUE,
    )
    op = next(e for e in x.events if e.type == "military_operation")
    assert op.date == "2012-07-02" and op.place.name == "Homs"


def test_event_without_a_place_in_its_clause_takes_the_sentence_place():
    x = events_of(
        "Report\n\nRebels held the centre of Homs on Friday, a day after they stormed the army post.",
        dt.date(2012, 7, 7),
    )
    (e,) = x.events
    assert "military_operation" in e.types and e.place.name == "Homs"


def _datelined(text: str, published):
    """A report whose upper-case dateline place is a toponym too (the test helper matches exact names)."""
    d = doc(text, published)
    m = re.search(r"[A-Z]{3,}", text)
    d.toponyms.insert(0, Toponym(m.start(), m.end(), m.group(), "literal", cand(m.group().title()), 0.9))
    return extract([d])


def test_arrivals_reported_from_a_border_dateline_arrived_there():
    x = _datelined("KILIS, Turkey — Families arriving this week said they had fled Homs.", TUE)
    (m,) = x.movements
    assert m.origin.name == "Homs" and m.destination.name == "Kilis" and "dateline" in m.notes
    far = _datelined("CAIRO — Families arriving this week said they had fled Homs.", TUE)
    assert [m.destination for m in far.movements] == [None]


def test_on_their_soil_is_a_destination():
    x = events_of(
        "Report\n\nTwo Syrian colonels were on Turkish soil on Monday after deserting their units.", TUE
    )
    (m,) = x.movements
    assert m.type == "defection" and m.destination.name == "Turkey" and m.origin.name == "Syria"


def test_moved_there_continues_the_placement_into_the_camp_just_named():
    x = events_of(
        "Report\n\nThe first families were bused into the Apaydin camp. By Monday evening about 400 people "
        "had been moved there from tents in Reyhanli.",
        TUE,
    )
    (e,) = x.events
    assert e.type == "camp_placement" and e.place.name == "Apaydin camp" and e.date == "2012-07-02"
    assert e.counts["people"] == 400 and len(e.sources) == 2
    (m,) = x.movements
    assert m.origin.name == "Reyhanli" and m.destination.name == "Apaydin camp"
    assert events_of("Report\n\nAbout 400 people had been moved there on Monday.", TUE).events == []


def test_soldiers_with_no_named_origin_come_from_the_army_the_report_is_about():
    x = events_of(
        "Report\n\nThe Syrian army lost more officers on Sunday. Four pilots walked across the border "
        "into Jordan on Monday.",
        TUE,
    )
    (m,) = x.movements
    assert m.origin.name == "Syria" and m.destination.name == "Jordan"
    (m,) = events_of("Report\n\nFour pilots walked across the border into Jordan on Monday.", TUE).movements
    assert m.origin is None


def test_n_days_after_dates_the_earlier_event():
    x = events_of(
        "Report\n\nThe convoy reached Kilis on Monday, barely six days after a Turkish jet was shot down "
        "over Syria.",
        TUE,
    )
    air = next(e for e in x.events if e.type == "air_incident")
    assert air.date == "2012-06-26" and "before 2012-07-02" in air.notes
