"""The final calibration step: raw share -> probability right, per class, fitted and stored as data."""

from __future__ import annotations

import random

from geokit.evaluate.calibration import fit_table, write_table
from geokit.parsing import calibration as C


def test_the_stored_table_is_monotone_and_says_how_it_was_fitted():
    text = C.TABLE_PATH.read_text(encoding="utf-8")
    assert "[fit]" in text and "fitted_on" in text and "even articles" in text
    table = C.load_table()
    assert set(table) == {"area", "large_area", "place", "village"}
    for xs, ys in table.values():
        assert list(xs) == sorted(xs) and list(ys) == sorted(ys)
        assert all(0.0 < y < 1.0 for y in ys)  # smoothed: no class claims certainty


def test_calibrated_interpolates_and_keeps_the_order_of_raw_scores():
    table = {"place": ((0.5, 0.9, 1.0), (0.4, 0.7, 0.95))}
    assert C.calibrated(0.2, "city", table) == 0.4  # flat below the first knot
    assert C.calibrated(1.0, "town", table) == 0.95
    assert abs(C.calibrated(0.7, "city", table) - 0.55) < 1e-9
    assert abs(C.calibrated(0.95, "city", table) - 0.825) < 1e-9
    raw = [i / 50 for i in range(51)]
    cal = [C.calibrated(s, "city", table) for s in raw]
    assert cal == sorted(cal)
    # a class the table does not know keeps its raw score
    assert C.calibrated(0.93, "country", table) == 0.93
    with C.raw_scores():
        assert C.calibrated(0.7, "city", table) == 0.7
    assert C.calibrated(0.7, "city", table) != 0.7


def test_classes_and_sizes(resolver):
    assert C.place_class("country") == C.place_class("admin1") == "area"
    assert C.place_class("country", 4000.0) == "large_area"
    assert C.place_class("village") == "village"
    assert C.place_class("city", 4000.0) == C.place_class("admin2") == C.place_class("camp") == "place"
    canada, lebanon = resolver.resolve("Canada")[0], resolver.resolve("Lebanon")[0]
    assert C.extent_km(canada) > 4000 and 100 < C.extent_km(lebanon) < 500
    assert C.place_class(canada.kind, C.extent_km(canada)) == "large_area"
    assert C.extent_km(resolver.resolve("Reyhanli")[0]) == 0.0  # a point only


def test_a_broken_or_missing_table_means_no_calibration(tmp_path):
    bad = tmp_path / "calibration.toml"
    bad.write_text("[class.place\nraw = [", encoding="utf-8")
    assert C.load_table(bad) == {}
    assert C.load_table(tmp_path / "absent.toml") == {}
    unsorted = tmp_path / "unsorted.toml"
    unsorted.write_text("[class.place]\nraw = [0.9, 0.5]\np = [0.2, 0.8]\n", encoding="utf-8")
    assert C.load_table(unsorted) == {}


def test_fit_is_isotonic_merges_small_bins_and_round_trips(tmp_path):
    rng = random.Random(7)
    data = []
    for _ in range(2000):
        s = rng.random()
        data.append((s, "city", 0.0, rng.random() < 0.3 + 0.6 * s))  # right more often at higher scores
    data += [(0.995, "village", 0.0, False)] * 3 + [(0.995, "village", 0.0, True)] * 3  # one tiny class
    data += [(0.35, "village", 0.0, True)] * 3  # a small bin below: merged, not a knot of its own
    table = fit_table(data)
    place = table["place"]
    assert place["p"] == sorted(place["p"]) and place["raw"] == sorted(place["raw"])
    assert 0.25 < place["p"][0] < 0.5 and 0.8 < place["p"][-1] < 0.95
    assert sum(place["n"]) == 2000
    assert table["village"]["n"] == [9] and abs(table["village"]["p"][0] - 7 / 11) < 1e-3
    # noise that breaks monotony is pooled
    noisy = ([(0.85, "city", 0.0, True)] * 20 + [(0.92, "city", 0.0, False)] * 15
             + [(0.92, "city", 0.0, True)] * 5)
    t = fit_table(noisy)["place"]
    assert len(t["p"]) == 1 and abs(t["p"][0] - 27 / 44) < 1e-3
    path = tmp_path / "calibration.toml"
    write_table(table, {"fitted_on": "synthetic", "date": "2026-12-01"}, path)
    back = C.load_table(path)
    assert back["place"] == (tuple(place["raw"]), tuple(place["p"]))


def test_toponym_scores_are_calibrated_but_candidates_keep_raw_shares(parser):
    doc = parser.parse("Aid workers reached Aleppo and Hatay on Monday, and then Canada sent tents.")
    assert doc.toponyms
    for t in doc.toponyms:
        assert t.place is not None
        assert abs(t.score - C.calibrated(t.place.score, t.place.kind, extent=C.extent_km(t.place))) < 1e-3
    by = {t.text: t.score for t in doc.toponyms}
    # the right country is right wherever a corpus pins it: a clear "Canada" keeps a high probability
    assert by["Canada"] > 0.9 and by["Hatay"] > 0.85
    with C.raw_scores():
        raw = parser.parse("Aid workers reached Aleppo and Hatay on Monday, and then Canada sent tents.")
    assert [t.score for t in raw.toponyms] == [t.place.score for t in raw.toponyms]


def test_an_area_answer_is_right_when_it_holds_the_gold_point():
    from types import SimpleNamespace as NS

    from geokit.evaluate.calibration import right_answer

    canada = NS(geonameid=6251999, lat=60.1, lon=-113.6, kind="country", country_code="CA", bbox=None)
    georgia = NS(geonameid=614540, lat=42.0, lon=43.5, kind="country", country_code="GE", bbox=None)
    ottawa, atlanta = (45.42, -75.70), (33.75, -84.39)
    assert right_answer(canada, {None}, *ottawa, 161.0)            # 2,000 km from the point, inside Canada
    assert not right_answer(canada, {None}, *ottawa, 161.0, areas_hold=False)
    assert not right_answer(georgia, {None}, *atlanta, 161.0)      # the country is not the US state
    town = NS(geonameid=1, lat=45.0, lon=-75.0, kind="town", country_code="CA", bbox=(40, -80, 50, -70))
    assert not right_answer(town, {None}, 49.0, -71.0, 161.0)      # a town never 'holds' a point
    area = NS(geonameid=2, lat=53.9, lon=-116.6, kind="admin1", country_code="CA",
              bbox=(49.0, -120.0, 60.0, -110.0))
    assert right_answer(area, {None}, 55.0, -115.0, 161.0)         # Alberta-like box holds the gold point
