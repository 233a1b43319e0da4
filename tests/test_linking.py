"""Cross-report linking: one record per real-world event, every source and figure kept, each link
explained."""

from __future__ import annotations

import datetime as dt

import pytest

from geokit.events.linking import link_records
from geokit.model import Event, Movement, PlaceRef, Source

TURKEY = PlaceRef("Turkey", 39.0, 35.0, 298795, 4, "TR", "", "PCLI")
HATAY = PlaceRef("Hatay", 36.31, 36.17, 312394, 3, "TR", "31", "ADM1")
REYHANLI = PlaceRef("Reyhanli", 36.268, 36.567, 302355, 1, "TR", "31", "PPL")
KILIS = PlaceRef("Kilis", 36.716, 37.115, 307864, 1, "TR", "79", "PPL")
AMMAN = PlaceRef("Amman", 31.955, 35.945, 250441, 1, "JO", "", "PPLC")


def ev(doc, n, type="defection", date="2012-07-02", prec="day", place=None, counts=None, kind=Event, **kw):
    counts = counts or {}
    return kind(id=f"{doc}#e{n}", type=type, date=date, date_precision=prec, place=place, counts=dict(counts),
                sources=[Source(doc, 0, 10, "text", dict(counts), date)], confidence=0.7, **kw)


def test_three_reports_of_one_defection_become_one_record_with_every_figure():
    recs = [ev("a", 1, place=HATAY, counts={"soldiers": 85, "group": 293}),
            ev("b", 1, place=HATAY, counts={"soldiers": 84}),
            ev("c", 1, type="border_crossing", place=REYHANLI, counts={"soldiers": [24, 99], "group": 293})]
    (out,) = link_records(recs)
    assert out.type == "defection" and out.place.name == "Reyhanli"  # the most exact place
    assert [s.counts.get("soldiers") for s in out.sources if "soldiers" in s.counts] == [85, 84, [24, 99]]
    assert out.counts["soldiers"] == 85  # top level: the first source's figure, never an average
    assert {lk.doc for lk in out.links} == {"b", "c"}  # each report merged into the first says why
    why_b = next(lk.why for lk in out.links if lk.doc == "b")
    assert "same type defection" in why_b and "dates 2012-07-02 = 2012-07-02" in why_b
    assert "counts soldiers 85 vs 84 (close)" in why_b and "places Hatay = Hatay" in why_b
    assert "figures differ" in out.notes and out.confidence > 0.9


def test_conflicting_figures_places_dates_or_types_keep_records_apart():
    base = ev("a", 1, place=KILIS, counts={"officers": 3})
    assert len(link_records([base, ev("b", 1, place=KILIS, counts={"officers": 4})])) == 2  # 3 vs 4
    assert len(link_records([base, ev("b", 1, place=AMMAN, counts={"officers": 3})])) == 2  # other country
    # towns 60 km apart
    assert len(link_records([base, ev("b", 1, place=REYHANLI, counts={"officers": 3})])) == 2
    assert len(link_records([base, ev("b", 1, date="2012-07-05", place=KILIS, counts={"officers": 3})])) == 2
    assert len(link_records([base, ev("b", 1, type="meeting", place=KILIS)])) == 2
    assert len(link_records([base, ev("b", 1, date="2012-07-03", place=KILIS, counts={"officers": 3})])) == 1


def test_positive_evidence_is_needed_across_reports():
    a = ev("a", 1, type="meeting", date=None, prec="unknown", place=None)
    b = ev("b", 1, type="meeting", date=None, prec="unknown", place=None)
    assert len(link_records([a, b], published={"a": dt.date(2012, 7, 2), "b": dt.date(2012, 7, 2)})) == 2
    c = ev("c", 1, type="meeting", date=None, prec="unknown", place=KILIS)
    d = ev("d", 1, type="meeting", date="2012-07-02", place=KILIS)
    (out,) = link_records([c, d], published={"c": dt.date(2012, 7, 2), "d": dt.date(2012, 7, 2)})
    assert out.date == "2012-07-02" and "date unknown in c" in out.links[0].why


def test_undated_record_only_links_within_the_days_before_its_report():
    old = ev("a", 1, date="2012-01-10", place=KILIS, counts={"soldiers": 40})
    late = ev("b", 1, date=None, prec="unknown", place=KILIS, counts={"soldiers": 40})
    assert len(link_records([old, late], published={"b": dt.date(2012, 7, 2)})) == 2
    assert len(link_records([old, late], published={"b": dt.date(2012, 1, 20)})) == 1


def test_week_windows_and_movements():
    a = ev("a", 1, date="2012-06-19", prec="week", place=KILIS, counts={"pilots": 1})
    b = ev("b", 1, date="2012-06-21", place=KILIS, counts={"pilots": 1})
    (out,) = link_records([a, b])
    assert out.date == "2012-06-21" and out.date_precision == "day"  # the more precise date wins
    syria = PlaceRef("Syria", 35.0, 38.0, 163843, 4, "SY", "", "PCLI")
    m1 = ev("a", 2, kind=Movement, counts={"soldiers": 85})
    m1.origin, m1.destination, m1.via = syria, KILIS, []
    m2 = ev("b", 2, kind=Movement, counts={"soldiers": 85})
    m2.origin, m2.destination, m2.via = (syria, PlaceRef("Camp", 36.7, 37.1, None, 1, "TR", "79", "CMPRF"),
                                         [KILIS])
    (mv,) = link_records([m1, m2])
    assert mv.kind == "movement" and [v.name for v in mv.via] == ["Kilis"] and len(mv.sources) == 2


def test_within_a_report_a_headline_may_restate_a_crossing_as_a_defection():
    head = ev("a", 1, date=None, prec="unknown", place=TURKEY)
    body = ev("a", 2, type="border_crossing", place=REYHANLI, counts={"group": 293})
    (out,) = link_records([head, body], published={"a": dt.date(2012, 7, 2)}, titles={"a#e1"})
    assert out.type == "defection" and out.date == "2012-07-02"
    # without the headline flag two sentences of one report stay two events
    assert len(link_records([head, body], published={"a": dt.date(2012, 7, 2)})) == 2


def test_linking_is_blocked_so_distant_records_are_never_compared():
    recs = [ev(f"d{i}", 1, date=(dt.date(2012, 1, 1) + dt.timedelta(days=7 * i)).isoformat(), place=KILIS,
               counts={"soldiers": 10 + i}) for i in range(60)]
    out = link_records(recs)
    assert len(out) == 60


def test_bad_input():
    with pytest.raises(TypeError):
        link_records([object()])
    assert link_records([]) == []
