"""Local namesakes in the founding region, on a tiny store built from a GeoNames dump written here,
and the context rules that read the text around names (lists, "X, Y" pairs, neighbouring namesakes).

The tiny store needs only the package's own country and first-level area sources plus the dump below,
so it does not depend on which GeoNames regions the default store carries."""

from __future__ import annotations

import pytest

from geokit.gazetteer import sources as S
from geokit.gazetteer import store as ST
from geokit.gazetteer.resolver import Resolver
from geokit.parsing.parser import Parser

# 19 GeoNames columns; ids and figures invented for the test except the two villages' points.
_ROWS = [
    (990001, "Güveççi", "Guvecci", "", 38.90705, 31.2978, "P", "PPL", "TR", "03", 1200),  # Afyonkarahisar
    (990002, "Güveççi", "Guvecci", "Guvecci,Güvecı", 35.8935, 36.16145, "P", "PPL", "TR", "31", 0),  # Hatay
    (990003, "Antakya", "Antakya", "Antioch", 36.20655, 36.15722, "P", "PPLA", "TR", "31", 250000),
    (990004, "Yayladağı", "Yayladagi", "Yayladagi", 35.9025, 36.06, "P", "PPLA2", "TR", "31", 7000),
    (990005, "Sandıklı", "Sandikli", "Sandikli", 38.4650, 30.2690, "P", "PPLA2", "TR", "03", 40000),
]
_CODES = "TR.31\tHatay\tHatay\t312394\nTR.03\tAfyonkarahisar\tAfyonkarahisar\t325302\n"


def _dump_line(r) -> str:
    gid, name, ascii_, alt, lat, lon, fcl, fco, cc, a1, pop = r
    return "\t".join(map(str, [gid, name, ascii_, alt, lat, lon, fcl, fco, cc, "", a1, "", "", "", pop, "",
                               "0", "Europe/Istanbul", "2024-01-01"]))


@pytest.fixture(scope="module")
def tiny_parser(tmp_path_factory):
    d = tmp_path_factory.mktemp("dump")
    (d / "TR.txt").write_text("\n".join(_dump_line(r) for r in _ROWS) + "\n", "utf-8")
    (d / "admin1CodesASCII.txt").write_text(_CODES, "utf-8")
    path = ST.build(d / "tiny.sqlite", regions=[str(d)], sources=(S.countries, S.admin1))
    return Parser(Resolver(ST.Store(path)))


HATAY = ("Hundreds of Syrians crossed at Güveççi overnight, a border village in the Yayladağı district of "
         "Hatay, officials in Antakya said on Tuesday. Soldiers took the families to a camp near Yayladağı.")


def test_hatay_border_village_over_its_western_namesake(tiny_parser):
    # on its own the name goes to the bigger western village
    alone = tiny_parser.parse("Officials said they had been in Güveççi on Tuesday.")
    assert [t.place.admin1 for t in alone.toponyms if t.text == "Güveççi"] == ["Afyonkarahisar"]
    doc = tiny_parser.parse(HATAY)
    g = [t for t in doc.toponyms if t.text == "Güveççi"][0]
    assert g.place.admin1 == "Hatay" and abs(g.place.lat - 35.8935) < 0.01
    assert "Afyonkarahisar" in g.reason  # says what it was chosen over
    # the user's prior does the same for a story that names nothing else
    near = tiny_parser.parse("Officials said they had been in Güveççi on Tuesday.", focus="TR-31")
    assert [t.place.admin1 for t in near.toponyms if t.text == "Güveççi"] == ["Hatay"]


# --------------------------------------------------------------------------- lists, pairs, neighbours


def test_a_list_of_states_names_states(parser):
    doc = parser.parse("Cases were reported in Arizona, California, Colorado, Georgia, Illinois and Ohio, "
                       "and later in Montana and Wyoming.")
    by = {t.text: t.place for t in doc.toponyms}
    for name in ("Georgia", "Illinois", "Wyoming", "Montana"):
        assert by[name].country_code == "US" and by[name].kind == "admin1", name


def test_a_list_of_countries_stays_countries(parser):
    doc = parser.parse("Aid reached Guinea-Bissau, Niger, Nigeria and Togo last week.")
    by = {t.text: t.place for t in doc.toponyms}
    assert by["Niger"].kind == "country" and by["Niger"].country_code == "NE"


def test_a_place_inside_an_area_beats_a_namesake_country(parser):
    doc = parser.parse("JORDAN, Minn. — Firefighters from Jordan and Shakopee put out a barn fire on Sunday.")
    jordan = [t for t in doc.toponyms if t.text.lower() == "jordan"]
    assert jordan and all(t.place.country_code == "US" and t.place.admin1 == "Minnesota" for t in jordan)
    # and a country next to a country is no pair
    doc = parser.parse("He had worked in Russia, U.S. officials said.")
    assert [t.place.country_code for t in doc.toponyms if t.text == "Russia"] == ["RU"]


def test_an_area_holding_the_place_before_it_beats_a_namesake_country(parser):
    doc = parser.parse("The flight from Atlanta, Georgia to Wichita, Kansas was met by nurses.")
    by = {t.text: t.place for t in doc.toponyms}
    assert by["Georgia"].country_code == "US" and by["Atlanta"].admin1 == "Georgia"


def test_neighbouring_namesakes_support_each_other(parser):
    doc = parser.parse("Pupils from a school in Edmonton planted a garden with help from Enfield council "
                       "staff "
                       "and volunteers from Tottenham.")
    by = {t.text: t.place for t in doc.toponyms}
    assert by["Edmonton"].country_code == "GB"


def test_a_district_written_with_its_city(parser):
    doc = parser.parse("The pupils planted flowers at a school in Edmonton, London, last week.")
    assert [t.place.country_code for t in doc.toponyms if t.text == "Edmonton"] == ["GB"]


def test_a_chain_of_areas_is_read_from_the_end(parser):
    doc = parser.parse("The samples came from a laboratory in Guildford, Surrey, UK, officials said.")
    by = {t.text: t.place for t in doc.toponyms}
    assert by["Guildford"].country_code == "GB" and by["Surrey"].country_code == "GB"


def test_latin_capitals_do_not_match_romanised_arabic_names(parser):
    text = "The NSW government confirmed the outbreak on Monday."
    s = text.index("NSW")
    t = parser.parse(text, spans=[(s, s + 3)]).toponyms[0]
    assert t.place is None or t.place.name != "Nassau"


def test_an_area_acronym_in_capitals_and_not_in_title_case(parser, resolver):
    text = "The NSW government confirmed the outbreak on Monday."
    s = text.index("NSW")
    t = parser.parse(text, spans=[(s, s + 3)]).toponyms[0]
    assert t.place is not None and t.place.name == "New South Wales" and t.place.kind == "admin1"
    # the same letters in title case are a word, not the acronym: "the Patriot Act", "Nsw"
    assert all(c.name != "Australian Capital Territory" for c in resolver.resolve("Act"))
    assert resolver.resolve("ACT")[0].name == "Australian Capital Territory"
    assert all(c.name != "New South Wales" for c in resolver.resolve("Nsw"))
    # a state's two-letter code still stands for its newspaper abbreviation
    assert resolver.resolve("Ky.")[0].name == "Kentucky"


def test_a_dateline_area_the_recogniser_left_out_still_counts(parser):
    doc = parser.parse("ATHENS, Ga. — Students packed downtown Athens on Saturday; police in Athens and "
                       "Watkinsville closed roads.")
    athens = [t for t in doc.toponyms if t.text.lower() == "athens"]
    assert athens and all(t.place.country_code == "US" and t.place.admin1 == "Georgia" for t in athens)


def test_foreign_capitals_named_together_stay_abroad(parser):
    doc = parser.parse("DALLAS — The governor flew to London on Tuesday for trade talks, and will visit "
                       "Paris and "
                       "Berlin before returning to Austin and Houston.")
    by = {t.text: t.place for t in doc.toponyms}
    assert by["Paris"].country_code == "FR" and by["London"].country_code == "GB"
    assert by["Austin"].admin1 == "Texas"


def test_a_local_town_beats_a_namesake_country_only_when_the_country_is_absent(parser):
    local = parser.parse("DAYTON, Ohio (WHIO) — A crash on Interstate 71 near Lebanon sent two people to "
                         "hospital, "
                         "deputies said. Both were taken to Cincinnati.")
    assert [t.place.admin1 for t in local.toponyms if t.text == "Lebanon"] == ["Ohio"]
    abroad = parser.parse("DAYTON, Ohio (WHIO) — A family that fled Lebanon and Syria in 2013 opened a "
                          "bakery "
                          "in Dayton on Saturday.")
    assert [t.place.country_code for t in abroad.toponyms if t.text == "Lebanon"] == ["LB"]


def test_a_name_written_with_its_government_is_the_polity_not_the_namesake_city(parser):
    doc = parser.parse("Right turns on red became legal in Quebec years ago, and the Quebec government now "
                       "wants the rule extended to Montreal.")
    quebec = [t for t in doc.toponyms if t.text == "Quebec"]
    assert len(quebec) == 2 and all(t.place.kind == "admin1" and t.place.country_code == "CA" for t in quebec)
    doc = parser.parse("The bill was signed by New York Gov. Ann Ortiz in Albany on Friday.")
    assert [t.place.kind for t in doc.toponyms if t.text == "New York"] == ["admin1"]
    doc = parser.parse("The ministers met in Albany before the Government of New York published the plan.")
    assert [t.place.kind for t in doc.toponyms if t.text == "New York"] == ["admin1"]
    # without such words the city keeps the bare name
    doc = parser.parse("Tourists walked the old walls of Quebec and took the ferry across the river.")
    assert [t.place.kind for t in doc.toponyms if t.text == "Quebec"] == ["city"]
    doc = parser.parse("She flew from New York to Chicago on Friday.")
    assert [t.place.kind for t in doc.toponyms if t.text == "New York"] == ["city"]


def test_first_level_areas_of_another_code_scheme(resolver, parser):
    # a county or departement has the people of its places as prior, not nothing: "Fife" is the Scottish
    # area, not a village of 10,000 in Washington; and a code of another scheme names no city's area
    assert (resolver.resolve("Fife")[0].country_code, resolver.resolve("Fife")[0].kind) == ("GB", "admin1")
    assert resolver.resolve("Somme")[0].country_code == "FR"
    paris = [c for c in resolver.resolve("Paris", limit=8) if c.kind == "city" and c.country_code == "FR"][0]
    assert paris.admin1 != "Aude"
    doc = parser.parse("A dead swan was found on a beach in Fife, and a farm in Suffolk was cleared, "
                       "officials in Edinburgh said.")
    assert {t.text: t.place.country_code for t in doc.toponyms} == {"Fife": "GB", "Suffolk": "GB",
                                                                    "Edinburgh": "GB"}


def test_a_dropped_name_written_with_an_area_that_holds_it_is_that_place(parser):
    doc = parser.parse("Militants attacked Beni in North Kivu on Sunday, officials said.")
    beni = [t for t in doc.toponyms if t.text == "Beni"]
    assert beni and beni[0].place.country_code == "CD" and beni[0].kind == "literal"
    # alone, a connector word is still dropped ("Bin"); "Beni" alone is now the DRC city of that name
    # (a connector a city of 100,000 bears as its own name is kept: tests/test_parser.py)
    doc = parser.parse("Militants attacked Bin on Sunday, officials said.")
    assert not [t for t in doc.toponyms if t.text == "Bin"]
    assert [t.text for t in doc.dropped] == ["Bin"]
    # a person's name before an area is no place of that name
    doc = parser.parse("Donald Trump beat Hillary Clinton in Wisconsin last year.")
    assert [t.text for t in doc.toponyms] == ["Wisconsin"]


def test_a_seat_beats_its_own_province_but_gains_nothing_on_other_places(resolver):
    # "Idlib", "Quebec": the city named like its province is what the bare name means ...
    assert resolver.resolve("Idlib")[0].kind == "city"
    assert resolver.resolve("Quebec")[0].kind == "city"
    # ... but the Uruguayan department's seat called Florida does not beat the US state by it
    top = resolver.resolve("Florida")[0]
    assert (top.country_code, top.kind) == ("US", "admin1")


def test_adjectives_of_continents_are_demonyms_of_the_continent(parser):
    doc = parser.parse("Growth slowed in Asian markets, and European officials met African ministers.")
    by = {t.text: t for t in doc.toponyms}
    assert {k: (t.kind, t.place.kind, t.place.name) for k, t in by.items()} == {
        "Asian": ("demonym", "continent", "Asia"), "European": ("demonym", "continent", "Europe"),
        "African": ("demonym", "continent", "Africa")}
    # with gold spans too, and never a village found by transliteration ("Asian" was ‘Aslān)
    text = "A virus of Asian origin."
    s = text.index("Asian")
    t = parser.parse(text, spans=[(s, s + 5)]).toponyms[0]
    assert t.place.name == "Asia"
