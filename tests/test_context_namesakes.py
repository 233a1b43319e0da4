"""Resolution in context: the story's own place against a far place's other name, and a story whose only
wider clue is the country it names. Every text here is a short local-news story written for the project."""

from __future__ import annotations

import pytest


def _all(doc, text):
    hits = [t for t in doc.toponyms if t.text == text]
    assert hits, f"{text!r} not found among {[t.text for t in doc.toponyms]}"
    return hits


BANTAM = (
    "BANTAM — A Torrington contractor was arraigned in Bantam on Thursday. Police in Litchfield and "
    "Watertown said the trucks were taken from a yard in Thomaston."
)


def test_local_exact_name_beats_a_far_alternate(parser):
    """'Bantam' is an old name of Indonesia's Banten province (six million people) and the own name of a
    Connecticut borough; none of the story's places is sure alone, but their namesakes meet in Connecticut."""
    doc = parser.parse(BANTAM)
    for t in _all(doc, "Bantam") + _all(doc, "BANTAM"):
        assert (t.place.country_code, t.place.admin1, t.place.name) == ("US", "Connecticut", "Bantam")
        assert "Connecticut" in t.reason and "alternate" in t.reason and "Banten" in t.reason
    litchfield = _all(doc, "Litchfield")[0]  # an alternate name of Avondale, Arizona
    assert (litchfield.place.admin1, litchfield.place.name) == ("Connecticut", "Litchfield")


def test_far_alternate_kept_where_the_story_is_about_it(parser):
    """The same old name in a story of Java: nothing of the report is in Connecticut."""
    text = "Dutch traders reached Bantam in 1596, long before Jakarta grew on the coast of Java."
    start = text.index("Bantam")
    doc = parser.parse(text, spans=[(start, start + 6), (text.index("Jakarta"), text.index("Jakarta") + 7)])
    assert _all(doc, "Bantam")[0].place.country_code == "ID"


def test_a_large_place_of_the_same_own_name_is_no_namesake_to_beat(parser):
    """'Oklahoma' matches Oklahoma City only by an alternate, a Pennsylvania village by its own name, and
    the state by its own name too: the village of the story's state does not win over them."""
    doc = parser.parse(
        "A Scranton family moved to Oklahoma last year. Friends in Wilkes-Barre and Hazleton held a "
        "dinner to raise money for the trip back to Scranton."
    )
    ok = _all(doc, "Oklahoma")[0]
    assert ok.place.admin1 == "Oklahoma"


def test_twickenham_in_a_london_story(parser):
    """'Twickenham' is an old name of Huntsville, Alabama: in a story of Richmond and Teddington it is the
    London district; in a Huntsville story the name is the city's own."""
    doc = parser.parse("Flooding closed roads in Twickenham and Richmond on Monday, and commuters from "
                       "Kingston and Teddington were told to avoid Hampton Court.")
    assert _all(doc, "Twickenham")[0].place.country_code == "GB"


LONDON_ONTARIO = (
    "Organizers of a London vigil for the families hurt by the floods in Pakistan thanked Canada for its "
    "aid. About 300 people gathered in a park on Saturday. A London teacher who spoke said Canada could "
    "still send more doctors. \"We ask Canada to do more,\" she said, adding that London had raised $40,000."
)


def test_a_city_of_the_country_the_story_names(parser):
    """A story that names Canada three times and no place in Britain: London, Ontario, and the reason says
    the country decided it. One mention of Canada in a story of ministers is not enough."""
    doc = parser.parse(LONDON_ONTARIO)
    for t in _all(doc, "London"):
        assert (t.place.country_code, t.place.admin1) == ("CA", "Ontario")
        assert "Canada" in t.reason
    plain = parser.parse("Ministers met in London on Tuesday and thanked Canada for its help.")
    assert _all(plain, "London")[0].place.country_code == "GB"


def test_one_lift_for_every_namesake_of_the_named_country(parser):
    """'Newcastle' in a story of the UK: Newcastle upon Tyne, not the smaller village in Northern Ireland that
    carries the name as its own (both lie in the named country; their sizes still rank them)."""
    doc = parser.parse("The UK's health regulator approved the method on Tuesday. Doctors in Newcastle led "
                       "the work, and the UK will be the first country to allow it.")
    nc = _all(doc, "Newcastle")[0]
    assert nc.place.country_code == "GB" and nc.place.name == "Newcastle upon Tyne"


def test_a_london_borough_in_a_story_of_the_uk_and_abroad(parser):
    """'Edmonton' in a story that names the UK twice, and China too: the London district (82,000 people),
    not Alberta's capital in a Canada the story never mentions."""
    doc = parser.parse(
        "Students from Edmonton were stuck in Shanghai after flights to the UK were cancelled. The UK "
        "embassy said it was helping them, and China said flights would resume next week."
    )
    ed = _all(doc, "Edmonton")[0]
    assert ed.place.country_code == "GB" and "United Kingdom" in ed.reason


def test_a_named_country_does_not_pull_a_capital_to_a_small_namesake(parser):
    """'The US ambassador in London ... the US': the US is named twice and Britain never, but London,
    Ohio (10,000 people) is no namesake of note beside the capital; nor is Paris, Texas."""
    for city, cc in (("London", "GB"), ("Paris", "FR")):
        doc = parser.parse(f"The US ambassador in {city} said on Monday that the US would send more aid.")
        assert _all(doc, city)[0].place.country_code == cc


def test_the_focus_named_in_a_reason_is_the_answers_own(parser):
    """A reason names the region that decided the answer: Alabama for Birmingham, Ala., never the English
    Birmingham the answer was chosen over."""
    doc = parser.parse("Birmingham officers arrested two men from Hoover and Bessemer after a chase that "
                       "ended in Homewood.")
    b = _all(doc, "Birmingham")[0]
    assert b.place.admin1 == "Alabama"
    assert "Alabama" in b.reason and "focus, Birmingham" not in b.reason


def test_a_list_is_no_town_and_its_area(parser):
    """'crews from Nashua, Bedford and Hooksett': three towns (whether or not the last is recognised), so
    Nashua is not refused for lying outside an English borough called Bedford."""
    doc = parser.parse("Manchester firefighters were called to a fire in a warehouse, and crews from Nashua, "
                       "Bedford and Hooksett helped.")
    nashua = _all(doc, "Nashua")[0]
    assert nashua.place is not None and nashua.place.admin1 == "New Hampshire"
    # a town written with a sure area of another country, the sentence going on, is still refused
    stroud = parser.parse("Police said the man was from Stroud, Ontario, and had no record.")
    assert _all(stroud, "Stroud")[0].place is None


def test_one_more_state_of_a_story_about_states(parser):
    """'a lab in Georgia' in a story of Alabama, Iowa and Texas that names nothing near the Caucasus is the
    US state; with Armenia beside it, the country."""
    doc = parser.parse(
        "Farm officials in Alabama and Iowa said the test came back positive on Friday. A second sample was "
        "sent to a lab in Georgia for a check. Texas officials asked for the results, and the U.S. agency "
        "will report next week."
    )
    ga = _all(doc, "Georgia")[0]
    assert ga.place.country_code == "US" and ga.place.kind == "admin1"
    doc = parser.parse("Officials in Texas and Ohio said flights to Georgia and Armenia were cancelled on "
                       "Friday after the storm.")
    assert _all(doc, "Georgia")[0].place.country_code == "GE"


def test_namesakes_side_by_side_are_the_home(parser):
    """Winchester, Georgetown, Paris and Lexington: an English city, Guyana's capital, France's capital and a
    Kentucky city, scattered over the world; as neighbours around Lexington, Kentucky, they say where the
    story is, though none of them is sure alone."""
    doc = parser.parse("A man from Winchester was hurt in a crash near Georgetown, and a driver from Paris "
                       "was taken to a hospital in Lexington.")
    for name in ("Winchester", "Georgetown", "Paris"):
        t = _all(doc, name)[0]
        assert (t.place.country_code, t.place.admin1) == ("US", "Kentucky"), name
    assert "side by side" in _all(doc, "Georgetown")[0].reason


def test_a_list_of_famous_names_is_no_town_and_its_area(parser):
    """'Scientists from Paris, Oxford and Norway': a list going on after Oxford, so no 'X, Y' pair (there is a
    New Paris near Oxford, Ohio), and Maine's Paris, Oxford and Norway side by side are no home: the
    favourites of a list of famous names are what it means."""
    doc = parser.parse("Scientists from Paris, Oxford and Norway shared the prize on Monday.")
    assert _all(doc, "Paris")[0].place.country_code == "FR"
    assert _all(doc, "Oxford")[0].place.country_code == "GB"


def test_a_sea_is_no_village_of_its_name(parser):
    """The gazetteer holds no seas: 'the Baltic Sea' is no match (with the reason), not Baltic, Connecticut;
    'Lake Erie' in a story that names Ohio may still be Erie, the town on its shore."""
    text = "Dead swans were found on the Baltic Sea coast, and more on the shore of Lake Erie in Ohio."
    spans = [(text.index(n), text.index(n) + len(n)) for n in ("Baltic Sea", "Lake Erie", "Ohio")]
    doc = parser.parse(text, spans=spans)
    sea = _all(doc, "Baltic Sea")[0]
    assert sea.place is None and "no sea" in sea.reason
    erie = _all(doc, "Lake Erie")[0]
    assert erie.place is not None and erie.place.name == "Erie"


def test_the_home_is_read_again_after_a_name_moved(parser):
    """'London' first reads as England and would make 'Woodstock' the Oxfordshire town; once the country
    the story names moved London to Ontario, the home is read again and Woodstock is the Ontario town."""
    doc = parser.parse(
        "Organizers of a London vigil for the families hurt by the floods thanked Canada for its aid. Buses "
        "came from Woodstock. \"We ask Canada to do more,\" one said, adding that Canada could send doctors."
    )
    assert _all(doc, "London")[0].place.admin1 == "Ontario"
    wood = _all(doc, "Woodstock")[0]
    assert (wood.place.country_code, wood.place.admin1) == ("CA", "Ontario")
    assert "England" not in wood.reason


def test_the_state_named_in_the_counties_sentence(parser):
    """Of two states a story names, the one named shortly before a county in the same sentence holds it:
    Monroe County, Indiana here (there are seventeen Monroe Counties, one in Ohio)."""
    doc = parser.parse("Ducks tested positive in Ohio last month. Officials in Indiana said the virus "
                       "reached birds in Monroe County, near a lake in the south of the state.")
    county = _all(doc, "Monroe County")[0]
    assert (county.place.admin1, county.place.kind) == ("Indiana", "admin2")
    assert "Indiana" in county.reason.split("decided it")[0]


def test_a_name_with_its_cue_does_not_vouch_for_itself(parser):
    """'Hamilton city council' in a story that names Canada three times: the Ontario city. A name written with
    a type word once said what a later bare mention is; it never said what it itself is (Hamilton, New
    Zealand, a hair ahead context-free, took four prior units from its own cue)."""
    doc = parser.parse(
        "Hamilton city council voted to ask Canada for money for the new light rail line. Canada's transport "
        "minister said a decision would come soon, and Canada would share the cost."
    )
    ham = _all(doc, "Hamilton")[0]
    assert (ham.place.country_code, ham.place.admin1) == ("CA", "Ontario")


def test_a_named_country_against_a_borough_favourite(parser):
    """'Birmingham' is first England's metropolitan borough (an area in the store); in a story that names the
    United States twice and nothing British it is the Alabama city."""
    doc = parser.parse("Birmingham police said two men were held after a shooting on Sunday. The United "
                       "States has seen more such attacks, and the United States attorney said charges "
                       "would follow.")
    b = _all(doc, "Birmingham")[0]
    assert (b.place.country_code, b.place.admin1) == ("US", "Alabama")


def test_a_lake_is_no_far_namesake(parser):
    """The gazetteer holds no lakes: 'Lake Victoria' in a story of Kenya and Uganda is no match (with the
    reason), not Hong Kong (whose old name is Victoria); a town named after a lake in a country the report
    points to is kept (see 'Lake Erie')."""
    text = "Fishermen on Lake Victoria said catches fell this year, officials in Kenya and Uganda said."
    spans = [(text.index(n), text.index(n) + len(n)) for n in ("Lake Victoria", "Kenya", "Uganda")]
    lake = _all(parser.parse(text, spans=spans), "Lake Victoria")[0]
    assert lake.place is None and "no lake" in lake.reason


def test_the_town_a_county_of_the_story_holds_beats_a_namesake_country(parser):
    """'Wilson County deputies ... in Lebanon': of the Wilson Counties, the one that holds a Lebanon, and
    that Lebanon rather than the country, which nothing else in the story points to."""
    doc = parser.parse("Wilson County deputies arrested a man in Lebanon on Saturday after a chase.")
    lebanon = _all(doc, "Lebanon")[0]
    assert (lebanon.place.country_code, lebanon.place.admin1) == ("US", "Tennessee")
    assert _all(doc, "Wilson County")[0].place.admin1 == "Tennessee"


def test_the_country_stays_where_the_story_is_about_its_region(parser):
    doc = parser.parse("Israeli jets struck targets in Lebanon and Syria on Monday, while Wilson County "
                       "officials in Texas met to discuss the budget.")
    assert _all(doc, "Lebanon")[0].place.country_code == "LB"


def test_a_tie_between_namesake_counties_is_broken_by_the_storys_town(parser):
    """Two Laurens Counties weigh the same (0.5 each): the first of the tie is no sense the text gave, so
    it does not vouch for itself; the county that holds the story's Dublin wins."""
    doc = parser.parse("Laurens County deputies arrested a Dublin man on Tuesday.")
    assert _all(doc, "Laurens County")[0].place.admin1 == "Georgia"
    assert _all(doc, "Dublin")[0].place.admin1 == "Georgia"


def test_a_state_that_holds_a_city_the_story_places_beats_its_namesake_country(parser):
    """'The Georgia Bulldogs beat Alabama in Atlanta': Atlanta is surely in the state of Georgia and nothing
    of the story is near the Caucasus (another state named beside it does not change that)."""
    doc = parser.parse("The Georgia Bulldogs beat Alabama in Atlanta.")
    assert _all(doc, "Georgia")[0].place.country_code == "US"


def test_the_country_georgia_stays_in_a_tbilisi_story_that_mentions_atlanta(parser):
    doc = parser.parse("Russian troops left Georgia after talks in Tbilisi; Atlanta-based CNN reported it.")
    assert _all(doc, "Georgia")[0].place.country_code == "GE"


def test_names_settled_together_are_the_home_for_the_names_left(parser):
    """Springfield and Greene County are unsure alone but settle each other in Missouri; that is the
    report's home, so the Christian County named later is Missouri's too (not Kentucky's or Illinois')."""
    doc = parser.parse("A Springfield man was sentenced Monday in Greene County Circuit Court for a robbery. "
                       "The judge said the man, 31, had prior convictions in Christian County.")
    assert _all(doc, "Christian County")[0].place.admin1 == "Missouri"
    assert "Missouri" in _all(doc, "Christian County")[0].reason


def test_a_country_named_beside_a_country_that_lists_its_name_as_an_alias_is_itself(parser):
    """GeoNames lists "Sudan" among South Sudan's names; a report naming both means two countries."""
    doc = parser.parse("Some 3,000 people crossed from Sudan into South Sudan on Monday, and Sudan closed "
                       "the border.")
    got = [(t.text, t.place.country_code) for t in doc.toponyms if t.place is not None]
    assert ("Sudan", "SD") in got and ("South Sudan", "SS") in got and ("Sudan", "SS") not in got, got


@pytest.mark.parametrize(("text", "word", "cc"), [
    ("Congolese troops clashed with rebels near Goma on Monday.", "Congolese", "CD"),
    ("BRAZZAVILLE, Congo — Congolese police dispersed a march in Brazzaville on Monday.", "Congolese", "CG"),
    ("Dominican authorities deported 300 Haitians from Santo Domingo.", "Dominican", "DO"),
    ("The Dominican prime minister toured Roseau after the storm.", "Dominican", "DM"),
])
def test_a_demonym_of_two_countries_is_the_one_the_report_names(parser, text, word, cc):
    """"Congolese" is DR Congo's and the Republic of the Congo's; "Dominican" the Dominican Republic's and
    Dominica's: the most populous by default, the other where the report surely names only it."""
    (dem,) = [t for t in parser.parse(text).toponyms if t.text == word]
    assert dem.kind == "demonym" and dem.place.country_code == cc
