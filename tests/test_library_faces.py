"""The library as a Python user meets it: spelled-out signatures, the geopy geocoder, notebook inputs."""

from __future__ import annotations

import inspect
import os
from pathlib import Path

import pytest

import geokit

# ----------------------------------------------------------------- signatures


@pytest.mark.parametrize(("fn", "names"), [
    (geokit.parse, ["published", "spans", "focus", "id"]),
    (geokit.extract, ["published", "link"]),
    (geokit.resolve, ["country", "near", "kinds", "limit"]),
])
def test_facade_signatures_spell_their_parameters(fn, names):
    params = inspect.signature(fn).parameters
    assert not any(p.kind is p.VAR_KEYWORD
                   for p in params.values()), f"{fn.__name__} hides its options in **kw"
    for name in names:
        assert name in params, name
        assert params[name].kind is inspect.Parameter.KEYWORD_ONLY
        assert name in (fn.__doc__ or ""), f"{fn.__name__}'s docstring does not explain {name!r}"


def test_facade_parse_passes_its_options_through(store):
    text = "Refugees reached Reyhanli on Monday."
    doc = geokit.parse(text, published="2012-07-02", id="r1")
    assert doc.id == "r1" and str(doc.published) == "2012-07-02"
    spans = geokit.parse(text, spans=[(17, 25)])
    assert [(t.start, t.end) for t in spans.toponyms] == [(17, 25)]
    from geokit.parsing.parser import default_parser

    if "focus" in inspect.signature(default_parser().parse).parameters:  # the parser's own meaning of focus
        assert geokit.parse(text, focus=["TR"]).toponyms[0].place.country_code == "TR"
    with pytest.raises(TypeError):
        geokit.parse(text, publshed="2012-07-02")  # a misspelt option is an error, not ignored


# ----------------------------------------------------------------- the geopy geocoder


def test_geocoder_class_or_instance_with_geopandas(store):
    gpd = pytest.importorskip("geopandas")
    from geokit.gazetteer.geocoder import GeokitGeocoder

    by_class = gpd.tools.geocode(["Reyhanli", "Idlib"], provider=GeokitGeocoder)
    by_instance = gpd.tools.geocode(["Reyhanli", "Idlib"],
                                    provider=GeokitGeocoder(country_codes=["TR", "SY"]))
    for gdf in (by_class, by_instance):
        assert list(gdf.geometry.is_empty) == [False, False]
        assert gdf.geometry.iloc[0].y == pytest.approx(36.27, abs=0.1)


def test_geocoder_speaks_geopy(store):
    from geokit.gazetteer.geocoder import GeokitGeocoder

    g = GeokitGeocoder()
    tripoli_lb = g.geocode("Tripoli", country_codes="LB")
    assert tripoli_lb.raw["country_code"] == "LB"
    assert g.geocode("Tripoli", country_codes=["LY"]).raw["country_code"] == "LY"
    many = g.geocode("Tripoli", exactly_one=False, limit=3)
    assert isinstance(many, list) and 1 < len(many) <= 3
    assert g.geocode("Reyhanli", timeout=5) is not None
    loc = g.geocode("Reyhanli")
    assert 0.5 < loc.raw["score"] <= 1.0 and loc.raw["match"]
    assert GeokitGeocoder(country_codes="SY").geocode("Reyhanli") is None


def test_geocoder_answers_none_for_a_weak_guess(store):
    from geokit.gazetteer.geocoder import GeokitGeocoder

    g = GeokitGeocoder()
    # an invented village name one or two letters from unrelated places: parse says "no match", so must this
    # ("Khirbet al-Joz" was one until the border layer brought the real Khirbat al Jawz of Idlib)
    for name in ("Khirbet Sawaneh", "Ain Sulaymaniyah"):
        assert geokit.resolve(name), "the resolver still proposes a loose guess"
        assert g.geocode(name) is None, name
    assert g.geocode("Gaziantpe") is not None  # a typo of a large city is still found
    lax = GeokitGeocoder(min_score=0.0, loose_min_score=0.0)  # the thresholds are the caller's
    assert lax.geocode("Khirbet Sawaneh") is not None


def test_geocoder_threshold_is_the_parsers():
    from geokit.gazetteer.geocoder import MIN_SCORE
    from geokit.parsing.parser import MIN_SCORE as PARSER_MIN_SCORE

    assert MIN_SCORE == PARSER_MIN_SCORE


# ----------------------------------------------------------------- notebook parameters


def test_notebook_inputs_take_a_path_or_a_list(tmp_path, store):
    from geokit.batch.mainjob import load_reports

    a = tmp_path / "a.txt"
    a.write_text("Families fled Idlib towards the Turkish border.", encoding="utf-8")
    b = tmp_path / "b.txt"
    b.write_text("Shelling hit Reyhanli.", encoding="utf-8")
    warned = []
    assert [d.id for d in load_reports(str(a), warn=warned.append)] == ["a"]
    assert [d.id for d in load_reports(a, warn=warned.append)] == ["a"]
    assert [d.id for d in load_reports([str(a), b], warn=warned.append)] == ["a", "b"]
    assert not warned


@pytest.mark.parametrize("spec", [".", "/", "~", ".."])
def test_notebook_inputs_refuse_walking_outside_the_given_folders(tmp_path, monkeypatch, spec):
    from geokit.batch.mainjob import load_reports

    work = tmp_path / "home" / "work"
    work.mkdir(parents=True)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.chdir(work)
    (work / "private.txt").write_text("Not a report: someone's private notes near Reyhanli.",
                                      encoding="utf-8")
    with pytest.raises(ValueError, match="folder"):
        load_reports(spec, warn=lambda m: None)


def test_notebook_folder_inputs_do_not_follow_links_out_of_the_folder(tmp_path, store):
    from geokit.batch.mainjob import load_reports

    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("Private notes about Idlib.", encoding="utf-8")
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "r.txt").write_text("Shelling hit Reyhanli.", encoding="utf-8")
    os.symlink(outside / "secret.txt", reports / "linked.txt")
    os.symlink(outside, reports / "more")
    warned = []
    assert [d.id for d in load_reports(reports, warn=warned.append)] == ["r"]


def test_notebook_parameter_cells_document_a_path_or_a_list():
    import json

    for name in ("02_events_and_movements", "03_border_map"):
        nb = json.loads((Path(__file__).resolve().parents[1] / "notebooks" / f"{name}.ipynb").read_text())
        cell = next(c for c in nb["cells"] if "parameters" in c.get("metadata", {}).get("tags", []))
        src = "".join(cell["source"])
        assert "INPUTS" in src and "path or a list" in src
