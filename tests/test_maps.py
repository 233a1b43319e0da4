"""geokit.maps without a browser: records -> rows, bad input, offline page, escaping, sizes, CLI."""

from __future__ import annotations

import html
import json
import math
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from geokit.maps import build_map
from geokit.maps.assets import OfflineAssetError, inline_assets
from geokit.maps.basemap import load_basemap
from geokit.maps.records import check_coords, counts_rows, day_number, format_count, magnitude
from geokit.maps.safe import StringTable, clean_text, json_for_html
from geokit.maps.sample import synthetic_records
from geokit.model import Candidate, Document, Event, Fact, Movement, PlaceRef, Source

HOSTILE = ("<script>alert(1)</script> <img src=x onerror=alert(1)> \"quoted\" 'single' back\\slash "
           "</script><!--")


def place(name, lat, lon, **kw):
    return PlaceRef(name=name, lat=lat, lon=lon, **kw)


def camp(name, lat, lon, kind="camp"):
    return Candidate(id=f"cur:{name.lower().replace(' ', '-')}", geonameid=None, name=name, lat=lat, lon=lon,
                     feature_class="S", feature_code="CMPRF", country_code="TR", admin1="31", population=0,
                     kind=kind, source="curated")


@pytest.fixture(scope="module")
def small():
    events = [
        Event(id="e1", type="defection", date="2012-06-24", date_precision="day",
              place=place("Reyhanli", 36.27, 36.57, geo_precision=1), counts={"soldiers": 7},
              sources=[Source("wire-a", 10, 80, "Seven soldiers crossed near the town.", {"soldiers": 7}),
                       Source("paper-b", 5, 60, "Ten soldiers crossed, a paper said.", {"soldiers": 10})]),
        Event(id="e2", type="shelling", date="2012-06", date_precision="month",
              place=place("Azaz", 36.59, 37.05, geo_precision=2)),
    ]
    movements = [Movement(id="m1", type="displacement", date="2012-06-23",
                          origin=place("Idlib", 35.93, 36.63), via=[place("Bab al-Hawa", 36.23, 36.67)],
                          destination=place("Reyhanli", 36.27, 36.57), counts={"people": [200, 300]})]
    facts = [Fact(id="f1", type="refugees hosted", place=place("Kilis", 36.72, 37.12, geo_precision=1),
                  counts={"refugees": 12000})]
    places = [camp("Test camp", 36.3, 36.3), camp("Test gate", 36.5, 36.6, kind="crossing"),
              camp("Test base", 37.0, 35.4, kind="airbase"), camp("Test town", 36.9, 36.9, kind="town")]
    return build_map(events, movements, facts, places, title="Small map")


class TagCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags_of(page: str):
    p = TagCollector()
    p.feed(page)
    return p.tags


# ----------------------------------------------------------------- records


def test_check_coords_accepts_numbers_in_range_and_explains_the_rest():
    assert check_coords(36.2, 36.1) == ((36.2, 36.1), "")
    assert check_coords("36.2", 36.1)[0] == (36.2, 36.1)
    assert check_coords(None, 36.1) == (None, "no coordinates")
    assert check_coords(float("nan"), 1.0)[1] == "no coordinates"
    assert "out of range" in check_coords(95.0, 36.0)[1]
    assert "out of range" in check_coords(36.0, -181.0)[1]
    assert "not finite" in check_coords(math.inf, 1.0)[1]
    assert "not numbers" in check_coords("north", 1.0)[1]
    assert check_coords(True, 1.0)[0] is None


def test_day_number_reads_partial_iso_dates():
    assert day_number("1970-01-02") == 1
    assert day_number("2012-06") == day_number("2012-06-01")
    assert day_number("2012") == day_number("2012-01-01")
    assert day_number("June 2012") is None
    assert day_number("2012-13-01") is None
    assert day_number(None) is None


def test_counts_list_every_source_figure_only_when_they_differ():
    S = StringTable()
    rec = Event(id="x", type="t", counts={"soldiers": 7},
                sources=[Source("a", 0, 1, "", {"soldiers": 7}), Source("b", 0, 1, "", {"soldiers": 10})])
    (label, top, breakdown), = counts_rows(rec, S)
    assert (S.strings[label], S.strings[top]) == ("soldiers", "7")
    assert [[S.strings[v], S.strings[d]] for v, d in breakdown] == [["7", "a"], ["10", "b"]]
    same = Event(id="y", type="t", counts={"soldiers": 7},
                 sources=[Source("a", 0, 1, "", {"soldiers": 7}), Source("b", 0, 1, "", {"soldiers": 7})])
    assert counts_rows(same, S)[0][2] == 0


def test_format_count_and_magnitude():
    assert format_count(1200) == "1,200"
    assert format_count([50, 100]) == "50–100"
    assert format_count("dozens") == "dozens"
    assert magnitude({"people": [200, 300], "children": 40}) == 300
    assert magnitude({"people": "many"}) is None


def test_clean_text_removes_control_characters_and_lone_surrogates():
    assert clean_text("a\x00b\x1bc") == "a b c"
    assert clean_text("x\ud800y") == "x?y"
    assert len(clean_text("y" * 5000, 100)) == 100
    assert clean_text(float("nan")) == ""


def test_json_for_html_cannot_close_a_script_element():
    text = json_for_html({"s": HOSTILE})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["s"] == HOSTILE


# ----------------------------------------------------------------- the page


def test_small_map_counts(small):
    c = small.counts
    assert {k: c[k] for k in ("events", "facts", "movements", "arrows", "places", "problems")} == \
        {"events": 2, "facts": 1, "movements": 1, "arrows": 2, "places": 4, "problems": 0}
    assert c["rivers"] > 0 and c["towns"] > 0  # basemap detail around the records
    assert small.problems == []


def test_page_fetches_nothing(small):
    page = small.html()
    for tag, attrs in tags_of(page):
        for key in ("src", "href", "srcset", "data", "action", "poster"):
            value = (attrs.get(key) or "").strip().lower()
            assert not re.match(r"(https?:)?//", value), f"<{tag} {key}={value}> fetches from the network"
        assert not (tag == "link" and attrs.get("rel") == "stylesheet"), "external stylesheet"
        assert not (tag == "script" and "src" in attrs), "external script"
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", page, re.I), "CSS url() to the network"
    assert not re.search(r"@import", page), "CSS @import"
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp and "https:" not in csp


def test_every_script_carries_the_page_nonce(small):
    page = small.html()
    nonce = re.search(r"script-src 'nonce-([^']+)'", page).group(1)
    scripts = [a for t, a in tags_of(page) if t == "script"]
    code = [a for a in scripts if a.get("type") not in ("application/json", "application/gzip-base64")]
    assert code and all(a.get("nonce") == nonce for a in code)
    assert small.html() != page  # a fresh nonce per page


def test_inlines_leaflet_and_markercluster_only_when_needed(small):
    page = small.html()
    assert "Leaflet 1.9.3" in page
    assert "jquery" not in page.lower() and "bootstrap" not in page.lower()
    big = build_map([Event(id=f"e{i}", type="t", place=place(f"P{i}", 36 + i / 100, 37.0))
                     for i in range(60)])
    assert "Leaflet.markercluster" in big.html()
    assert "Leaflet.markercluster" not in build_map().html()


def test_unknown_remote_asset_is_refused():
    page = '<html><head><script src="https://example.org/x.js"></script></head></html>'
    with pytest.raises(OfflineAssetError, match="example.org"):
        inline_assets(page)
    kept, report = inline_assets(page, strict=False)
    assert report.missing == ["https://example.org/x.js"] and "example.org" in kept


def test_article_text_never_reaches_the_page_as_markup():
    ev = Event(id=HOSTILE, type=HOSTILE, date="2012-06-24", who=HOSTILE, place=place(HOSTILE, 36.2, 36.2),
               counts={HOSTILE: 5}, sources=[Source(HOSTILE, 0, 5, HOSTILE, {HOSTILE: 6})])
    mv = Movement(id="m", type=HOSTILE, origin=place(HOSTILE, 35.9, 36.6),
                  destination=place("B\\", 36.2, 36.5))
    bad = Event(id="bad", type=HOSTILE, place=place(HOSTILE, None, None))
    page = build_map([ev, bad], [mv], places=[camp(HOSTILE, 36.4, 36.4)], title=HOSTILE).html()
    assert "<script>alert(1)" not in page
    assert "<img src=x" not in page
    assert "onerror=alert(1)>" not in page.replace("\\u003e", "")
    tags = tags_of(page)
    assert not any(t == "img" for t, _ in tags)
    assert not any("onerror" in a for _, a in tags)
    assert f"<title>{html.escape(HOSTILE)}</title>" in page


def test_bad_input_is_listed_not_fatal():
    events = [
        Event(id="no-place", type="defection"),
        Event(id="no-coords", type="defection", place=place("Nowhere", None, None)),
        Event(id="off-map", type="defection", place=place("Far", 95.0, 36.0)),
        Event(id="nan", type="defection", place=place("NaN", float("nan"), 36.0)),
        Event(id="ok", type="defection", place=place("Here", 36.0, 36.0)),
        "not a record",
    ]
    movements = [
        Movement(id="no-origin", type="displacement", destination=place("Dest", 36.5, 36.5)),
        Movement(id="nothing", type="displacement"),
        Movement(id="bad-via", type="displacement", origin=place("A", 36.0, 36.0),
                 via=[place("V", 200.0, 0.0)], destination=place("B", 37.0, 37.0)),
    ]
    places = [camp("No coords", None, None), camp("Fine", 36.1, 36.1),
              {"name": "dict place", "lat": 36.3, "lon": 36.8}]
    gm = build_map(events, movements, places=places)
    by_id = {p.id: p for p in gm.problems}
    assert by_id["no-place"].reason == "no place"
    assert "no coordinates" in by_id["no-coords"].reason
    assert "out of range" in by_id["off-map"].reason and "out of range" not in by_id["nan"].reason
    assert "not a record" in by_id["#5"].reason
    assert by_id["no-origin"].partial and "origin unknown" in by_id["no-origin"].reason
    assert not by_id["nothing"].partial
    assert by_id["bad-via"].partial and "via" in by_id["bad-via"].reason
    assert any(p.kind == "place" and p.label == "No coords" for p in gm.problems)
    assert gm.counts["events"] == 1 and gm.counts["movements"] == 2 and gm.counts["arrows"] == 1
    assert gm.counts["places"] == 2
    page = gm.html()
    assert "no coordinates" in page and "origin unknown" in page  # the panel's data


def test_empty_inputs_still_make_a_page(tmp_path):
    gm = build_map()
    out = gm.save(tmp_path / "sub" / "empty.html")
    page = out.read_text(encoding="utf-8")
    assert gm.counts["events"] == 0 and "GK.basemap" in page and "GK.viewport" in page


def test_wrong_argument_types_raise_clear_errors(tmp_path):
    with pytest.raises(TypeError, match="events must be"):
        build_map(events="defection in Hatay")
    with pytest.raises(TypeError, match="events must be"):
        build_map(events=42)
    with pytest.raises(ValueError, match="cluster"):
        build_map([Event(id="e", type="t", place=place("P", 36, 36))], cluster="sometimes")
    with pytest.raises(ValueError, match=r"\.html"):
        build_map().save(tmp_path / "map.png")
    with pytest.raises(TypeError, match="tiles"):
        build_map(tiles=3)


def test_online_tiles_are_opt_in():
    offline = build_map().html()
    assert "tile.openstreetmap.org" not in offline
    online = build_map(tiles="OpenStreetMap")
    page = online.html()
    assert "tile.openstreetmap.org" in page and "img-src data: blob: https:" in page


def test_geodataframes_are_accepted():
    gpd = pytest.importorskip("geopandas")
    from shapely.geometry import Point

    places = gpd.GeoDataFrame(
        {"id": ["cur:a", "cur:b", "cur:c"], "name": ["A camp", "B gate", "C"],
         "kind": ["camp", "crossing", "town"],
         "lat": [36.1, 36.2, None], "lon": [36.1, 36.2, None]},
        geometry=[Point(36.1, 36.1), Point(36.2, 36.2), None], crs="EPSG:4326")
    events = gpd.GeoDataFrame(
        {"id": ["e1", "e2"], "type": ["protest", "protest"], "date": ["2012-06-01", None],
         "name": ["X", "Y"]},
        geometry=[Point(37.0, 36.5), None], crs="EPSG:4326")
    gm = build_map(events=events, places=places)
    assert gm.counts["places"] == 2 and gm.counts["events"] == 1
    assert {p.id for p in gm.problems} == {"e2", "cur:c"}


def test_notebook_repr_is_a_sandboxed_srcdoc_iframe(small):
    out = small._repr_html_()
    assert out.startswith("<iframe srcdoc=") and 'sandbox="allow-scripts"' in out
    doc = html.unescape(re.search(r'srcdoc="([^"]*)"', out).group(1))
    assert doc.lstrip().startswith("<!DOCTYPE html>") and "GK.viewport" in doc


def test_folium_map_is_exposed_for_extension(small):
    import folium

    assert isinstance(small.folium, folium.Map)


# ----------------------------------------------------------------- basemap data


def test_basemap_has_region_provinces_and_the_turkey_syria_border():
    admin1 = load_basemap("admin1")["features"]
    names = {(f["properties"]["cc"], f["properties"]["name"]) for f in admin1}
    for cc, name in (("TR", "Hatay"), ("TR", "Kilis"), ("TR", "Gaziantep"), ("TR", "Şanlıurfa"),
                     ("SY", "Idlib"), ("SY", "Aleppo"), ("SY", "Latakia")):
        assert (cc, name) in names, name
    assert {f["properties"]["cc"] for f in admin1} >= {"TR", "SY", "JO", "LB", "IQ"}
    borders = load_basemap("borders")["features"]
    trsy = [f for f in borders if {f["properties"]["a"], f["properties"]["b"]} == {"TR", "SY"}]
    assert len(trsy) == 1
    coords = trsy[0]["geometry"]["coordinates"]
    flat = [c for part in (coords if trsy[0]["geometry"]["type"] == "MultiLineString" else [coords])
            for c in part]
    lons = [c[0] for c in flat]
    lats = [c[1] for c in flat]
    # the border runs from the Mediterranean (about 36 E) to the Iraqi tripoint (about 42.4 E), near 36-37.3 N
    assert min(lons) < 36.3 and max(lons) > 42.0 and 35.8 < min(lats) and max(lats) < 37.4


def test_basemap_files_are_compact():
    folder = Path(__file__).resolve().parents[1] / "geokit" / "data" / "basemap"
    total = sum(p.stat().st_size for p in folder.glob("*.geojson"))
    assert 100_000 < total < 1_000_000


# ---------------------------------------------------------- scale (size only; speed is in geokit bench)


def test_ten_thousand_events_fit_in_fifteen_megabytes(tmp_path):
    data = synthetic_records(n_events=10_000, n_movements=2_000, n_facts=20, n_places=2_000, seed=5)
    gm = build_map(**data)
    out = gm.save(tmp_path / "10k.html")
    assert gm.counts["events"] == 10_000 and gm.counts["movements"] == 2_000
    assert out.stat().st_size < 15_000_000


# ----------------------------------------------------------------- CLI


def test_cli_maps_event_records_jsonl(tmp_path, capsys):
    from geokit.cli import main

    data = synthetic_records(n_events=30, n_movements=5, n_facts=2, seed=2)
    src = tmp_path / "events.jsonl"
    src.write_text("".join(json.dumps(r.to_dict()) + "\n"
                           for r in data["events"] + data["movements"] + data["facts"]))
    out = tmp_path / "out" / "records.html"
    assert main(["map", str(src), "-o", str(out), "--no-curated", "--title", "Records"]) == 0
    assert out.exists() and "<title>Records</title>" in out.read_text(encoding="utf-8")
    assert "30 events; 5 movements" in capsys.readouterr().out


def test_cli_reads_reports_through_extract(tmp_path, monkeypatch, capsys):
    import geokit
    from geokit.cli import main

    seen = {}
    data = synthetic_records(n_events=3, n_movements=1, n_facts=0, seed=3)

    class FakeExtraction:
        events, movements, facts, warnings = data["events"], data["movements"], [], ["r1: a warning"]

    def fake_extract(docs, **kw):
        seen["docs"] = docs
        return FakeExtraction()

    def fake_parse(text, **kw):
        return Document(text=text, published=kw.get("published"))

    monkeypatch.setattr(geokit, "extract", fake_extract)
    monkeypatch.setattr(geokit, "parse", fake_parse)
    (tmp_path / "r1.txt").write_text("Refugees crossed from Idlib into Hatay province on Tuesday.",
                                     encoding="utf-8")
    out = tmp_path / "reports.html"
    assert main(["map", str(tmp_path / "r1.txt"), "-o", str(out), "--no-curated"]) == 0
    assert [d.id for d in seen["docs"]] == ["r1"] and "Idlib" in seen["docs"][0].text
    captured = capsys.readouterr()
    assert "3 events" in captured.out and "a warning" in captured.err


def test_cli_errors_are_one_line(tmp_path, capsys):
    from geokit.cli import main

    assert main(["map", str(tmp_path / "missing.txt"), "-o", str(tmp_path / "m.html")]) == 1
    assert "no readable reports" in capsys.readouterr().err
    (tmp_path / "r.txt").write_text("text", encoding="utf-8")
    assert main(["map", str(tmp_path / "r.txt"), "-o", str(tmp_path / "m.pdf")]) == 1
    assert ".html" in capsys.readouterr().err


def test_headlessly_executed_notebook_holds_the_offline_map():
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    code = ("from geokit.maps import build_map\n"
            "from geokit.model import Event, PlaceRef\n"
            "build_map([Event(id='e', type='protest', date='2012-06-01', place=PlaceRef('Kilis', 36.72, "
            "37.12))],"
            " title='Notebook map')")
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)])
    nbclient.NotebookClient(nb, timeout=120, kernel_name="python3").execute()
    outputs = nb.cells[0].outputs
    html_out = next(o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {}))
    assert html_out.startswith("<iframe srcdoc=")
    doc = html.unescape(re.search(r'srcdoc="([^"]*)"', html_out).group(1))
    assert "<title>Notebook map</title>" in doc and "Leaflet 1.9.3" in doc and "Kilis" in doc
    assert not re.search(r'<script[^>]+src="https?:', doc)


def test_cli_map_places_keeps_curated_sites_near_the_records():
    from geokit.maps.sites import CURATED_MARGIN_DEG, curated_places, map_places

    curated = curated_places()
    if not curated:
        pytest.skip("no curated layer in this checkout")
    anchor = curated[0]
    rec = Event(id="e", type="t", place=place("Near", anchor.lat + 0.3, anchor.lon - 0.2))
    got = map_places([], [rec])
    lat0, lon0 = anchor.lat + 0.3, anchor.lon - 0.2
    expected = {c.id for c in curated
                if abs(c.lat - lat0) <= CURATED_MARGIN_DEG and abs(c.lon - lon0) <= CURATED_MARGIN_DEG}
    assert anchor.id in expected and {c.id for c in got} == expected
    assert map_places([], [rec], curated=False) == []
    assert map_places([], []) == []


def test_first_view_frames_most_records_not_outliers():
    from geokit.maps.geomap import first_view

    pts = [(36.0 + i * 0.1, 36.5 + i * 0.1) for i in range(10)] + [(46.2, 6.1), (38.9, -77.0)]
    (s, w), (n, e) = first_view(pts)
    assert (s, w, n, e) == (36.0, 36.5, pytest.approx(36.9), pytest.approx(37.4))
    spread = [(36.0, 36.0), (46.2, 6.1), (38.9, -77.0)]  # no majority anywhere: show everything
    assert first_view(spread) == [[36.0, -77.0], [46.2, 36.0]]
    assert first_view([]) is None


def test_records_geodataframe_from_geokit_export_is_drawn():
    pytest.importorskip("geopandas")
    from geokit.export import to_geodataframe

    data = synthetic_records(n_events=20, n_movements=6, n_facts=2, seed=4)
    data["movements"][0].via = [place("Stop", 36.0, 37.0)]
    frame = to_geodataframe(data["events"] + data["movements"] + data["facts"])
    gm = build_map(events=frame[frame["kind"] == "event"], movements=frame[frame["kind"] == "movement"],
                   facts=frame[frame["kind"] == "fact"])
    assert (gm.counts["events"], gm.counts["movements"], gm.counts["facts"]) == (20, 6, 2)
    assert gm.counts["arrows"] == sum(len(m.via) + 1 for m in data["movements"])
    assert gm.problems == []
    page = gm.html()
    first = data["events"][0]
    assert first.sources[0].doc in page and json.dumps(first.type)[1:-1] in page
