"""Event, movement and fact extraction on hand-built parsed documents (no gazetteer needed).

Each test writes a short report in our own words and places the toponyms by hand, so what is
tested is the reading of events: types, dates, places, actors, counts, chains, facts and bad input.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from geokit.events.extract import extract, extract_document
from geokit.model import Candidate, Document, Toponym

PLACES = {
    "Syria": ("country", "SY", 35.0, 38.0, 163843, "PCLI", ""),
    "Turkey": ("country", "TR", 39.0, 35.0, 298795, "PCLI", ""),
    "Jordan": ("country", "JO", 31.0, 36.0, 248816, "PCLI", ""),
    "Hatay Province": ("admin1", "TR", 36.31, 36.17, 312394, "ADM1", "31"),
    "Reyhanli": ("town", "TR", 36.268, 36.567, 302355, "PPL", "31"),
    "Apaydin camp": ("camp", "TR", 36.234, 36.3225, None, "CMPRF", "31"),
    "Kilis": ("city", "TR", 36.716, 37.115, 307864, "PPL", "79"),
    "Incirlik air base": ("airbase", "TR", 37.002, 35.426, None, "AIRB", "01"),
    "Cairo": ("city", "EG", 30.063, 31.25, 360630, "PPLC", ""),
    "Homs": ("city", "SY", 34.724, 36.726, 169577, "PPL", ""),
    "Beirut": ("city", "LB", 33.893, 35.502, 276781, "PPLC", ""),
    "Idlib": ("admin1", "SY", 35.77, 36.67, 169387, "ADM1", "SY.12"),
}
DEMONYMS = {"Syrian": "Syria", "Syrians": "Syria", "Turkish": "Turkey", "Jordanian": "Jordan"}


def cand(name: str) -> Candidate:
    kind, cc, lat, lon, gid, code, admin1 = PLACES[name]
    return Candidate(
        id=f"gn:{gid}" if gid else f"cur:{name.lower()}", geonameid=gid, name=name, lat=lat, lon=lon,
        feature_class="", feature_code=code, country_code=cc, admin1=admin1, population=0, kind=kind,
        source="test", score=0.9,
    )


def doc(text: str, published=None, id: str = "t") -> Document:
    """A parsed Document: every known place name and demonym in the text becomes a toponym."""
    tops = []
    for name in sorted(PLACES, key=len, reverse=True):
        for m in re.finditer(rf"\b{re.escape(name)}\b", text):
            if any(t.start <= m.start() < t.end for t in tops):
                continue
            tops.append(Toponym(m.start(), m.end(), name, "literal", cand(name), 0.9))
    for word, country in DEMONYMS.items():
        for m in re.finditer(rf"\b{word}\b", text):
            tops.append(Toponym(m.start(), m.end(), word, "demonym", cand(country), 0.9))
    tops.sort(key=lambda t: t.start)
    return Document(text, id=id, published=published, toponyms=tops)


def events_of(text, published=None, **kw):
    return extract([doc(text, published, **kw)])


MON = dt.date(2012, 7, 2)


def test_defection_with_date_place_counts_actor_and_movement():
    x = events_of(
        "Eighty-five Syrian soldiers, including a general, fled into Turkey's Hatay Province on Monday, "
        "officials said.",
        MON,
    )
    (e,) = x.events
    assert e.type == "defection" and e.date == "2012-07-02" and e.date_precision == "day"
    assert e.place.name == "Hatay Province" and e.place.geo_precision == 3
    assert e.counts["soldiers"] == 85 and e.who.startswith("Eighty-five Syrian soldiers")
    (m,) = x.movements
    assert m.origin.name == "Syria" and m.destination.name == "Hatay Province"
    src = e.sources[0]
    assert src.doc == "t" and x.events[0].sources[0].text.startswith("Eighty-five") and src.start == 0


def test_chain_of_legs_is_one_trip_with_via_and_a_camp_placement():
    text = ("Forty Syrian soldiers fled into Turkey on Monday. The defectors entered the town of Reyhanli "
            "with a group of 120 refugees. The soldiers were later placed in the Apaydin camp.")
    x = events_of(text, MON)
    types = sorted(e.type for e in x.events)
    assert types == ["camp_placement", "defection"]
    (m,) = x.movements
    assert [m.origin.name, *(v.name for v in m.via), m.destination.name] == [
        "Syria",
        "Reyhanli",
        "Apaydin camp",
    ]
    camp = next(e for e in x.events if e.type == "camp_placement")
    assert camp.date == "2012-07-02" and camp.counts["soldiers"] == 40 and camp.place.name == "Apaydin camp"
    flight = next(e for e in x.events if e.type == "defection")
    assert flight.counts["group"] == 120 and len(flight.sources) >= 2


def test_fled_country_gives_origin_without_destination():
    x = events_of("On June 24, thirty-three soldiers fled Syria.", MON)
    (e,) = x.events
    assert e.date == "2012-06-24" and e.place is None and e.origin.name == "Syria"
    (m,) = x.movements
    assert m.origin.name == "Syria" and m.destination is None


@pytest.mark.parametrize(
    "text,etype,place",
    [
        (
            "Turkey scrambled warplanes from its Incirlik air base on Monday.",
            "military_deployment",
            "Incirlik air base",
        ),
        ("The army sent antiaircraft batteries to Kilis on Monday.", "military_deployment", "Kilis"),
        ("Government forces shelled Homs on Monday.", "military_operation", "Homs"),
        ("Opposition groups convened a meeting in Cairo on Monday.", "meeting", "Cairo"),
        ("Hundreds of demonstrators protested in Beirut on Monday.", "protest", "Beirut"),
        ("The UN envoy visited Kilis on Monday.", "visit", "Kilis"),
        ("A Turkish jet was shot down over Syria on Monday.", "air_incident", "Syria"),
        ("About 300 Syrians crossed into Jordan on Monday.", "border_crossing", "Jordan"),
    ],
)
def test_each_event_type(text, etype, place):
    x = events_of(text, MON)
    assert [e.type for e in x.events] == [etype]
    e = x.events[0]
    assert e.place is not None and e.place.name == place and e.date == "2012-07-02"


def test_hedged_generic_and_descriptive_mentions_are_not_events():
    for text in ("Opposition members plan to meet in Cairo on Monday.",
                 "If more officers fled into Turkey, the army would crumble.",
                 "Such defections have been rare so far.",
                 "The uprising began in March 2011 as a peaceful protest.",
                 "Deserters who reach Turkey join the rebels.",
                 "Most of the troops defecting to Turkey have joined the rebels."):
        assert events_of("Border report\n\n" + text, MON).events == [], text  # body text, not a headline


def test_no_place_named_gives_null_place_never_an_invented_one():
    (e,) = events_of(
        "The army said on Monday that it scrambled jets after helicopters approached the border.", MON
    ).events
    assert e.type == "military_deployment" and e.place is None


def test_dateline_is_not_the_event_place_but_here_is():
    x = events_of("KILIS, Turkey — Shells fired from Syria killed two people here on Monday.", MON)
    (e,) = x.events
    assert "military_operation" in e.types and e.counts["killed"] == 2 and e.fatalities == 2
    d = doc("KILIS — Forty Syrian soldiers fled into Jordan on Monday.", MON)
    (f,) = extract([d]).events
    assert f.place.name == "Jordan"


def test_facts_are_stocks_not_movements():
    x = events_of("Turkey is housing more than 35,000 Syrian civilians, officials said on Monday.", MON)
    assert x.events == [] and x.movements == []
    (f,) = x.facts
    assert f.type == "hosting" and f.place.name == "Turkey" and f.counts == {"civilians": 35000}
    assert "more than" in f.notes and f.date == "2012-07-02"
    x = events_of(
        "They were placed in the Apaydin camp, where there are already about 2,000 former soldiers.", MON
    )
    assert any(f.place.name == "Apaydin camp" and f.counts == {"soldiers": 2000} for f in x.facts)
    assert all("soldiers" not in e.counts for e in x.events)  # the stock's figure is not the group's


def test_undated_and_unpublished_reports_state_the_uncertainty():
    (e,) = events_of("Syrian soldiers fled into Jordan on Monday.", None).events
    assert e.date is None and e.date_precision == "unknown" and "published" in e.notes
    # issue 15: an undated clause of a dated report takes the report's time, coarser (never a day)
    (e,) = events_of("Syrian soldiers have fled into Jordan, officials said.", MON).events
    assert e.date == MON.isoformat() and e.date_precision == "week" and "no date in the sentence" in e.notes
    assert e.to_dict()["time_precision"] == 2


def test_published_date_from_dateline_and_future_warning():
    d = doc("BEIRUT, June 3, 2013 — Forty Syrian soldiers fled into Jordan yesterday.", None)
    res = extract_document(d)
    assert res.published == dt.date(2013, 6, 3) and any("dateline" in w for w in res.warnings)
    (e,) = res.events
    assert e.date == "2013-06-02"
    fut = extract_document(doc("Forty Syrian soldiers fled into Jordan yesterday.", dt.date(2999, 1, 1)))
    assert any("future" in w for w in fut.warnings) and fut.events[0].date == "2998-12-31"


def test_headline_present_tense_and_linking_within_a_report():
    text = (
        "Syrian general, 84 troops flee into Turkey\n\nEighty-five Syrian soldiers fled into Turkey "
        "on Monday, agencies reported."
    )
    x = events_of(text, MON)
    (e,) = x.events
    assert e.date == "2012-07-02" and {s.counts.get("soldiers") for s in e.sources} == {84, 85}
    assert e.links and "same report" in e.links[0].why


def test_bad_items_become_warnings_and_other_reports_survive():
    good = doc("Forty Syrian soldiers fled into Jordan on Monday.", MON, id="good")
    x = extract([None, 42, {"id": "x"}, good])
    assert [e.sources[0].doc for e in x.events] == ["good"]
    assert len([w for w in x.warnings if "skipped" in w]) == 3
    with pytest.raises(TypeError):
        extract(12345)
    with pytest.raises(ValueError):
        extract([good], published="not a date")
    assert extract([]).records() == []


def test_out_of_range_figures_and_empty_text_do_not_crash():
    x = events_of("9999999999999 Syrian soldiers fled into Jordan on Monday.", MON)
    assert x.events and "soldiers" not in x.events[0].counts and any("out of range" in w for w in x.warnings)
    assert events_of("", MON).records() == []
    assert events_of("No places, no dates, no events here.", MON).records() == []


def test_jsonl_shape():
    import json

    x = events_of("Forty Syrian soldiers fled into Jordan on Monday.", MON)
    rows = [json.loads(line) for line in x.to_jsonl().splitlines()]
    keys = {
        "kind", "id", "type", "date", "date_precision", "place", "origin", "destination", "via", "who",
        "counts", "confidence", "sources", "links",
    }
    assert rows and all(keys <= set(r) for r in rows)
    ev = next(r for r in rows if r["kind"] == "event")
    assert set(ev["place"]) == {"name", "geonameid", "lat", "lon", "geo_precision", "country_code", "admin1"}
    assert ev["place"]["country_code"] == "JO"
    assert {"types", "rule", "acled", "fatalities", "actors", "time_precision"} <= set(ev)
    assert set(ev["sources"][0]) >= {"doc", "start", "end", "text", "counts"}


def test_one_failing_report_does_not_stop_the_others(monkeypatch):
    import geokit.events.extract as ev

    real = ev.extract_document

    def flaky(doc, pub):
        if doc.id == "bad":
            raise RuntimeError("boom")
        return real(doc, pub)

    monkeypatch.setattr(ev, "extract_document", flaky)
    docs = [{"id": "bad", "text": "Soldiers fled into Turkey on Monday.", "published": "2012-07-02"},
            {"id": "good", "text": "Eighty soldiers fled into Turkey on Monday.", "published": "2012-07-02"}]
    ex = ev.extract(docs)
    assert any("bad" in w and "boom" in w for w in ex.warnings)
    assert ex.movements or ex.events
    assert all(s.doc == "good" for r in ex.records() for s in r.sources)
