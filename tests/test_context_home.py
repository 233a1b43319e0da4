"""Resolution in context: the report's home region (datelines, areas named, confident places), a
user's prior, and local namesakes. Every text here is a short local-news story written for the project."""

from __future__ import annotations

import pytest

from geokit.parsing.home import Region, find_dateline, resolve_focus


def _first(doc, text):
    hits = [t for t in doc.toponyms if t.text == text]
    assert hits, f"{text!r} not found among {[t.text for t in doc.toponyms]}"
    return hits[0]


PARIS_TEXAS = (
    "A Paris man was arrested Tuesday after a chase that ended near Honey Grove, the Lamar County Sheriff's "
    "Office said. Deputies from Fannin County joined the pursuit toward Bonham. The man, 34, was also "
    "wanted in Sherman on a Texas warrant. He is being held in the county jail in Paris."
)


def test_paris_texas_story_without_a_dateline(parser):
    doc = parser.parse(PARIS_TEXAS)
    paris = _first(doc, "Paris")
    assert paris.place.country_code == "US" and paris.place.admin1 == "Texas"
    assert "focus" in paris.reason  # the reason says the report's home decided it
    # a report with no local evidence keeps the prominent Paris
    plain = _first(parser.parse("Ministers met in Paris on Tuesday to discuss the budget."), "Paris")
    assert plain.place.country_code == "FR" and "focus" not in plain.reason


GEORGIA_US = (
    "ATLANTA (AP) — Georgia lawmakers approved the budget on Thursday after a long session. Mayors from "
    "Savannah, Macon and Augusta had asked for more money for roads, and farmers near Valdosta wanted "
    "help after the drought. Georgia's governor is expected to sign it next week."
)
GEORGIA_COUNTRY = (
    "TBILISI — Georgia's government said on Monday that it would reopen the road to South Ossetia for "
    "aid convoys. Officials in Tbilisi and Batumi said trucks would leave from Gori at dawn. Georgia has "
    "asked observers to watch the crossing."
)


def test_georgia_the_state_in_an_atlanta_story(parser):
    doc = parser.parse(GEORGIA_US)
    ga = [t for t in doc.toponyms if t.text == "Georgia"]
    assert ga and all(t.place.country_code == "US" and t.place.kind == "admin1" for t in ga)
    assert "focus" in ga[0].reason


def test_georgia_the_country_in_a_tbilisi_story(parser):
    doc = parser.parse(GEORGIA_COUNTRY)
    ga = [t for t in doc.toponyms if t.text == "Georgia"]
    assert ga and all(t.place.country_code == "GE" for t in ga)


LONDON_ONTARIO = (
    "LONDON, Ont. — Police are looking for a driver who struck a cyclist on Wharncliffe Road late on "
    "Friday. The cyclist, a 19-year-old from St. Thomas, was taken to hospital in London with serious "
    "injuries. Officers from Woodstock and Strathroy helped search the area overnight."
)


def test_london_ontario_with_an_ont_dateline(parser):
    doc = parser.parse(LONDON_ONTARIO)
    londons = [t for t in doc.toponyms if t.text.lower() == "london"]
    assert len(londons) == 2
    assert all(t.place.country_code == "CA" and t.place.admin1 == "Ontario" for t in londons)
    # the later bare mention is placed by the dateline's area, and says so
    assert "focus" in londons[1].reason or "X, Y" in londons[1].reason


# --------------------------------------------------------------------------- a user's prior


def test_prior_wins_a_close_call(parser):
    text = "A crash on the loop closed two lanes in Paris on Monday morning, police said."
    assert _first(parser.parse(text), "Paris").place.country_code == "FR"
    for focus in ("US-TX", "Paris, Texas", Region("US", "Texas")):
        paris = _first(parser.parse(text, focus=focus), "Paris")
        assert paris.place.country_code == "US" and paris.place.admin1 == "Texas", focus
        assert "focus" in paris.reason


def test_prior_loses_to_a_plainly_foreign_place(parser):
    text = ("Refugees from Syria crossed into Lebanon on Sunday. Officials in Beirut said the camps in the "
            "Bekaa valley were full and that more families were waiting near Zahle.")
    doc = parser.parse(text, focus="US-TN")  # Lebanon, Tennessee is a real town
    assert _first(doc, "Lebanon").place.country_code == "LB"
    assert _first(doc, "Beirut").place.country_code == "LB"


def test_prior_forms_and_errors(resolver):
    assert resolve_focus("US-TX", resolver) == Region("US", "Texas", label="Texas, US")
    assert resolve_focus("CA-08", resolver).admin1 == "Ontario"  # GeoNames admin1 codes
    r = resolve_focus("Paris, Texas", resolver)
    assert (r.cc, r.admin1) == ("US", "Texas") and r.lat is not None
    assert resolve_focus("GE", resolver).cc == "GE"
    assert resolve_focus((36.2, 36.16), resolver).admin1 == "Hatay"
    for bad in ("", "US-ZZZZ9", "Xqzzyqx", (500, 1), 42):
        with pytest.raises(ValueError):
            resolve_focus(bad, resolver)


def test_focus_with_gold_spans_and_in_the_facade():
    import geokit

    text = "Flooding closed the square in Paris overnight."
    start = text.index("Paris")
    doc = geokit.parse(text, spans=[(start, start + 5)], focus="US-TX")
    assert doc.toponyms[0].place.admin1 == "Texas"


# --------------------------------------------------------------------------- datelines


@pytest.mark.parametrize("text, place, area, outlet", [
    ("LONDON, Ky. (WKYT) — A fire destroyed a barn.", "LONDON", "Ky.", "WKYT"),
    ("BEIRUT (AP) — Talks resumed.", "BEIRUT", "", "AP"),
    ("Storm hits coast\nCOLUMBIA, Ky. (WBKO) - A man was arrested.", "COLUMBIA", "Ky.", "WBKO"),
    ("LOUISVILLE, KY--(Marketwire - May 1) - The company said", "LOUISVILLE", "KY", ""),
    ("ISTANBUL — Turkish officials said", "ISTANBUL", "", ""),
    ("Mason charged with assault. BANTAM — A Danbury mason was arraigned", "BANTAM", "", ""),
])
def test_datelines(text, place, area, outlet):
    d = find_dateline(text)
    assert d is not None and (d.place, d.area, d.outlet) == (place, area, outlet)
    assert text[d.start:d.end] == place


def test_no_dateline_in_ordinary_text():
    assert find_dateline("The US said on Monday that talks would resume.") is None
    assert find_dateline("He said: AP reporters were there.") is None


@pytest.mark.parametrize("text, place, area", [
    ("WASHINGTON The president pardoned a turkey.", "WASHINGTON", ""),
    ("AUSTIN, Texas A white nationalist leader spoke.", "AUSTIN", "Texas"),
    ("EDMONTON, Ky (WBKO) -- One of the biggest fires", "EDMONTON", "Ky"),
])
def test_datelines_that_lost_their_dash(text, place, area):
    d = find_dateline(text)
    assert d is not None and (d.place, d.area) == (place, area)


def test_capitalised_first_words_are_no_dateline():
    assert find_dateline("GREEN fingered youngsters from a school") is None
    assert find_dateline("The mayor said: WASHINGTON Street is closed.") is None


def test_geopy_geocoder_country_codes_and_viewbox(resolver):
    from geokit.gazetteer.geocoder import GeokitGeocoder

    g = GeokitGeocoder(resolver=resolver)
    assert g.geocode("Paris").raw["country_code"] == "FR"
    assert g.geocode("Paris", country_codes="us").raw["country_code"] == "US"  # a filter, as in geopy
    box = [(33.0, -96.5), (34.5, -94.5)]  # north-east Texas
    assert g.geocode("Paris", viewbox=box).raw["admin1"] == "Texas"  # a preference ...
    assert g.geocode("Beirut", viewbox=box).raw["country_code"] == "LB"  # ... not a filter
    assert g.geocode("Beirut", viewbox=box, bounded=True) is None  # unless bounded
    with pytest.raises(ValueError):
        g.geocode("Paris", viewbox=[(1, 2)])


def test_a_prior_of_several_countries(parser):
    text = "Officials met in Tripoli on Monday to discuss the ceasefire."
    assert _first(parser.parse(text, focus=["LB", "SY"]), "Tripoli").place.country_code == "LB"
    with pytest.raises(ValueError):
        parser.parse(text, focus=["LB", "Xqzzyqx"])


def test_a_county_and_a_town_of_one_story_pick_each_other(parser):
    """Seventeen Monroe Counties and several Rochesters: the county that holds the town, and back."""
    doc = parser.parse("Rochester police questioned two men after a fire on Lake Avenue on Saturday. "
                       "Monroe County prosecutors said charges could follow next week.")
    county, town = _first(doc, "Monroe County"), _first(doc, "Rochester")
    assert county.place is not None and county.place.admin1 == "New York", county
    assert town.place.admin1 == "New York"
    s, w, n, e = county.place.bbox
    assert s <= town.place.lat <= n and w <= town.place.lon <= e
    # alone, a Monroe County is anybody's guess: no answer rather than the first of seventeen
    alone = _first(parser.parse("Monroe County prosecutors said charges could follow."), "Monroe County")
    assert alone.place is None


def test_a_county_named_whole_is_not_its_namesake_country(parser):
    doc = parser.parse("Lebanon County crews and firefighters from Palmyra put out a barn fire on Sunday.")
    county = _first(doc, "Lebanon County")
    assert county.place.kind == "admin2" and county.place.country_code == "US", county
    # the bare name in a Middle East story is still the country
    bare = _first(parser.parse("Shelling hit southern Lebanon on Sunday."), "Lebanon")
    assert bare.place.country_code == "LB"


def test_a_bare_name_after_its_county_is_the_town_inside_it(parser):
    doc = parser.parse("Lebanon police closed a road after a crash on Friday. The driver, from Myerstown, "
                       "was taken to hospital, and Lebanon County crews cleared the scene.")
    town = _first(doc, "Lebanon")
    assert (town.place.kind, town.place.country_code) == ("town", "US"), town
    assert town.place.admin1 == "Pennsylvania"
    assert "focus" in town.reason or "other places" in town.reason


def test_a_district_known_by_its_point_pairs_with_its_town(parser):
    """Districts of the worldwide layer have a point, not a box: a town close to it in the same country."""
    doc = parser.parse("Paramedics from Middlesex County took the cyclist to hospital in London on Sunday.")
    county = _first(doc, "Middlesex County")
    assert (county.place.country_code, county.place.admin1) == ("CA", "Ontario"), county


@pytest.mark.parametrize("text,name,admin1", [
    ("Hanover selectboard members met on Tuesday. Residents of Lebanon and Norwich, Vt., spoke up.",
     "Lebanon", "New Hampshire"),
    ("The Jordan City Council approved a water tower on Monday. Residents of Belle Plaine and Shakopee came.",
     "Jordan", "Minnesota"),  # "City Council" is the council's name: the town is "Jordan"
])
def test_a_town_beside_the_story_beats_a_country_it_never_mentions(parser, text, name, admin1):
    top = _first(parser.parse(text), name)
    assert (top.place.country_code, top.place.admin1) == ("US", admin1), top
    assert "focus" in top.reason


def test_the_country_stays_when_the_story_names_its_region(parser):
    doc = parser.parse("Hanover officials met on Tuesday. Refugees from Lebanon and Syria were resettled in "
                       "Norwich, Vt., last year.")
    assert _first(doc, "Lebanon").place.country_code == "LB"


def test_a_county_holding_two_towns_of_the_story_beats_a_bigger_namesake(parser):
    # England's Essex is larger and better known; the Ontario county holds Windsor and LaSalle
    doc = parser.parse("Windsor police stopped a truck from Detroit on Monday. Essex County officers and "
                       "LaSalle firefighters helped.")
    assert _first(doc, "Essex County").place.country_code == "CA"
    assert _first(parser.parse("Essex County deputies helped police in Chelmsford."),
                  "Essex County").place.country_code == "GB"


def test_a_government_wording_names_the_state_even_beside_the_city(parser):
    doc = parser.parse("New York Gov. Ana Ruiz toured Queens on Monday. New York City officials said the "
                       "repairs would take a year.")
    gov = _first(doc, "New York")
    assert gov.place.kind == "admin1", gov
    assert _first(doc, "New York City").place.kind == "city"


def test_a_place_written_in_a_province_abroad_is_no_match_when_the_store_lacks_it(parser):
    # the store has England's Stroud, not the Ontario village: "Stroud, Ontario" is no match, with the reason
    doc = parser.parse("The truck was stopped on Highway 11 in Stroud, Ontario, on Sunday.")
    stroud = _first(doc, "Stroud")
    assert stroud.place is None and "Ontario" in stroud.reason, stroud
    # a place the province does hold is still found, and a country after a place proves nothing
    barrie = _first(parser.parse("A fire closed a road in Barrie, Ontario."), "Barrie")
    assert barrie.place.country_code == "CA", barrie
    assert _first(parser.parse("Markets fell in Hong Kong, China, on Monday."), "Hong Kong").place is not None


@pytest.mark.parametrize("text,name,admin1", [
    ("Paris police arrested a man after a chase on Tyson Avenue. Henry County deputies took him to the "
     "county jail.", "Paris", "Tennessee"),
    ("Athens City Schools will open a campus in the fall. Limestone County commissioners approved the road, "
     "and Decatur and Huntsville officials attended.", "Athens City", "Alabama"),
    ("Alexandria police said a boat capsized on Lake Darling. Douglas County deputies pulled two people out.",
     "Alexandria", "Minnesota"),
])
def test_a_county_of_the_story_pulls_its_town_over_a_famous_namesake(parser, text, name, admin1):
    top = _first(parser.parse(text), name)
    assert (top.place.country_code, top.place.admin1) == ("US", admin1), top


def test_a_county_that_holds_no_namesake_pulls_nothing(parser):
    doc = parser.parse("Leaders met in Paris on Tuesday. Orange County officials watched the talks.")
    assert _first(doc, "Paris").place.country_code == "FR"
