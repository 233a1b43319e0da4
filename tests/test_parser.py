"""The geoparser on texts written for the project, the seed reports (when ../shared is present),
and bad input."""

from __future__ import annotations

import json

import pytest

from geokit.gazetteer.geo import haversine_km
from tests.conftest import requires_shared, shared_path

TEXT = (
    "ANTAKYA, Turkey — Dozens of families crossed from Syria into the town of Reyhanli on Tuesday, "
    "officials in Hatay Province said. They were taken to the Apaydin refugee camp. "
    "Mr. Hague met Valerie Amos in Geneva, while Turkey's Anatolia news agency said jets left "
    "Incirlik air base. The Free Syrian Army denied it. Syrian and Turkish officials spoke in Cairo. "
    "Later, Amos said the U.N. would help the U.S. and Jordan."
)


def _by_text(doc):
    out = {}
    for t in doc.toponyms:
        out.setdefault(t.text, []).append(t)
    return out


def test_finds_places_with_offsets(parser):
    doc = parser.parse(TEXT, published="2012-07-03")
    for t in doc.toponyms:
        assert TEXT[t.start:t.end] == t.text
    found = _by_text(doc)
    for name in ("ANTAKYA", "Turkey", "Syria", "Reyhanli", "Hatay Province", "Geneva", "Cairo", "Jordan",
                 "U.S."):
        assert name in found, (name, sorted(found))
    assert any(k.startswith("Apaydin refugee camp") for k in found)
    assert "Incirlik air base" in found


def test_resolves_in_context(parser):
    doc = parser.parse(TEXT)
    found = _by_text(doc)
    assert found["Reyhanli"][0].place.geonameid == 302355
    assert found["Hatay Province"][0].place.geonameid == 312394
    assert found["ANTAKYA"][0].place.country_code == "TR"
    camp = found["Apaydin refugee camp"][0].place
    assert camp.kind == "camp"
    base = found["Incirlik air base"][0].place
    assert haversine_km(base.lat, base.lon, 37.002, 35.426) < 3


def test_not_places(parser):
    doc = parser.parse(TEXT)
    literal = {t.text for t in doc.toponyms if t.kind in ("literal", "metonymic")}
    for word in ("Hague", "Amos", "Anatolia", "U.N.", "Valerie"):
        assert word not in literal, word
    kinds = {t.text: t.kind for t in doc.toponyms}
    assert kinds.get("Syrian") in ("demonym", "embedded")
    assert kinds.get("Turkish") == "demonym"
    dem = [t for t in doc.toponyms if t.text == "Turkish"][0]
    assert dem.place.geonameid == 298795
    # "Free Syrian Army": the demonym is embedded in an organisation, never literal
    fsa = TEXT.index("Free Syrian Army") + len("Free ")
    assert all(t.kind != "literal" for t in doc.toponyms if t.start == fsa)


def test_metonymy(parser):
    doc = parser.parse("Turkey's government said it would respond. Syria denied the claim.")
    kinds = {t.text: t.kind for t in doc.toponyms}
    assert kinds["Turkey"] == "metonymic"


def test_unknown_place_with_cue_is_no_match(parser):
    doc = parser.parse("Refugees reached the village of Qzwxyoplak, near Idlib, on Friday.")
    unknown = [t for t in doc.toponyms if t.text.startswith("Qzwxyoplak")]
    assert unknown and unknown[0].place is None and unknown[0].reason
    idlib = [t for t in doc.toponyms if t.text == "Idlib"]
    assert idlib and idlib[0].place is not None


def test_given_spans_only(parser):
    text = "Talks in Geneva and Cairo."
    doc = parser.parse(text, spans=[(9, 15)])
    assert [t.text for t in doc.toponyms] == ["Geneva"]
    assert doc.toponyms[0].place.geonameid == 2660646
    bad = parser.parse(text, spans=[(50, 60), ("x", 1)])
    assert bad.toponyms == [] and len(bad.warnings) == 2


def test_to_geodataframe(parser):
    gdf = parser.parse(TEXT).to_geodataframe()
    assert len(gdf) > 5 and gdf.crs.to_epsg() == 4326
    assert {"start", "end", "geonameid", "score"} <= set(gdf.columns)


@pytest.mark.parametrize("text",
                         ["", "   \n", "no places here at all, just words.", "١٢٣ \u200f\u200e", "a\x00b"])
def test_empty_and_odd_texts(parser, text):
    doc = parser.parse(text)
    assert isinstance(doc.toponyms, list)


def test_bytes_and_invalid_utf8(parser):
    doc = parser.parse("Refugees fled to Reyhanl\xc4\xb1 from Syria.".encode("latin-1") + b"\xff\xfe")
    assert any(t.text == "Syria" for t in doc.toponyms)
    assert doc.warnings and "UTF-8" in doc.warnings[0]


def test_type_errors(parser):
    with pytest.raises(TypeError):
        parser.parse(None)
    with pytest.raises(TypeError):
        parser.parse(123)
    with pytest.raises(ValueError):
        parser.parse("Syria", published="yesterday-ish")


def test_rtl_and_zero_width_text(parser):
    text = "Protesters in Id\u200blib and \u202bDamascus\u202c; also حلب (Aleppo)."
    doc = parser.parse(text)
    for t in doc.toponyms:
        assert text[t.start:t.end] == t.text
    assert any(t.text == "Aleppo" for t in doc.toponyms)


def test_long_text_is_chunked(parser):
    para = "Shelling hit Idlib and Aleppo on Monday, and refugees crossed into Kilis.\n"
    text = para * 3200  # ~240 KB: more than one recognition chunk
    doc = parser.parse(text)
    assert len([t for t in doc.toponyms if t.text == "Idlib"]) == 3200
    assert all(text[t.start:t.end] == t.text for t in doc.toponyms[-5:])


def test_one_bad_mention_does_not_spoil_the_rest(parser, monkeypatch):
    real = parser.context._candidates

    def flaky(m, bonus):
        if m.text == "Cairo":
            raise RuntimeError("boom")
        return real(m, bonus)

    monkeypatch.setattr(parser.context, "_candidates", flaky)
    doc = parser.parse("Talks in Geneva and Cairo.")
    by = _by_text(doc)
    assert by["Geneva"][0].place is not None
    assert by["Cairo"][0].place is None and by["Cairo"][0].reason


@requires_shared
def test_seed_reports_required_toponyms(parser):
    """Every required seed toponym found with the right span and place; no non-toponym reported."""
    gold = json.loads(shared_path("corpus", "seeds", "toponyms.json").read_text("utf-8"))
    misses, wrong = [], []
    for d in gold["documents"]:
        text = shared_path("corpus", "seeds", d["file"]).read_text("utf-8")
        doc = parser.parse(text, published=d["published"])
        pred = {(t.start, t.end): t for t in doc.toponyms}
        for g in d["toponyms"]:
            p = pred.get((g["start"], g["end"]))
            if g["required"]:
                ok = p is not None and p.place is not None and (
                    p.place.geonameid in g["geonameids"]
                    or (g["lat"] is not None
                        and haversine_km(p.place.lat, p.place.lon, g["lat"], g["lon"]) <= 10))
                if not ok:
                    misses.append((d["file"], g["text"], g["start"]))
            elif (g["kind"] == "non_toponym" and p is not None and p.place is not None
                  and p.kind in ("literal", "metonymic")):
                wrong.append((d["file"], g["text"]))
    assert not misses, misses
    assert not wrong, wrong


def test_people_named_after_a_title_inside_a_run(parser):
    doc = parser.parse("She backed Florida Senator Marco Rubio. Later Rubio said no, and Fire Marshal Doug "
                       "Logan agreed.")
    texts = {t.text for t in doc.toponyms}
    assert "Florida" in texts
    assert not texts & {"Rubio", "Logan", "Marco", "Doug"}


def test_comma_container_picks_the_local_place(parser):
    doc = parser.parse("A man from Edmonton, Ky., was arrested. Police in Paris, Texas, helped.")
    by = {t.text: t.place for t in doc.toponyms}
    assert by["Edmonton"].country_code == "US" and by["Edmonton"].admin1 == "Kentucky"
    assert by["Paris"].country_code == "US"
    assert "Ky." in by  # the abbreviation keeps its dot, as written


def test_context_prefers_the_report_geography(parser):
    doc = parser.parse("Refugees crossed into northern Lebanon, near the Akkar region, and some reached "
                       "Tripoli.")
    tripoli = [t for t in doc.toponyms if t.text == "Tripoli"][0]
    assert tripoli.place.country_code == "LB"


def test_loose_match_far_from_the_report_is_no_match(parser):
    doc = parser.parse("Families crossed into northern Lebanon near Wadi Qzhaled, in the Akkar region.")
    far = [t for t in doc.toponyms if t.text.startswith("Wadi")]
    assert all(t.place is None or t.place.country_code in ("LB", "SY") for t in far)


def test_diseases_directions_and_currency(parser):
    doc = parser.parse("West Nile virus reached Texas. Swans flew into Western Europe. A US$5 million deal.")
    texts = [t.text for t in doc.toponyms]
    assert "Texas" in texts and "Western Europe" in texts
    assert "Nile" not in texts and "West Nile" not in texts and "US" not in texts


def test_a_common_word_in_an_organisation_name_is_no_place(parser):
    # "City" is an alternate name of the City of London: inside "City Council" it is only a word
    doc = parser.parse("The City Council voted on Tuesday, and the London Council agreed.")
    found = {t.text: t for t in doc.toponyms}
    assert "City" not in found, found
    assert found["London"].kind == "embedded"  # a real place inside an organisation's name is kept
    city = [d for d in doc.dropped if d.text == "City"]
    assert city and city[0].kind == "word" and "common-words" in city[0].reason


@pytest.mark.parametrize("text,name,cc", [("Ebola cases rose in Beni on Monday.", "Beni", "CD"),
                                          ("An earthquake struck Van in eastern Turkey.", "Van", "TR")])
def test_a_city_named_like_a_name_connector_is_kept(parser, text, name, cc):
    found = {t.text: t for t in parser.parse(text).toponyms}
    assert found[name].place.country_code == cc, found


def test_a_connector_alone_is_still_no_place(parser):
    assert not parser.parse("Bin Laden's son spoke. Al said nothing.").toponyms
