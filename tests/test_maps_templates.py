"""No user- or data-supplied text is ever evaluated as a template (issue 11, item 1).

branca compiles each rendered script again as a Jinja template; a map title, event type, place
name, id or layer label holding ``{{ ... }}`` used to run Python on the machine building the map.
Each payload below would create a canary file (or print 49) if evaluated; the tests check that no
code ran, that nothing raised, and that the text is in the page literally.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from jinja2.utils import htmlsafe_json_dumps

from geokit.maps import build_map
from geokit.maps.safe import clean_text, json_for_html
from geokit.model import Candidate, Event, Fact, Movement, PlaceRef, Source


def payloads(canary: Path) -> list[str]:
    """Jinja, JS and HTML payloads; the Jinja ones touch ``canary`` when evaluated."""
    c = str(canary)
    return [
        "{{ cycler.__init__.__globals__.os.system('touch " + c + "') }}",
        "{{ lipsum.__globals__['os'].popen('touch " + c + "').read() }}",
        "{% for x in ().__class__.__base__.__subclasses__() %}{% if 'catch_warnings' == x.__name__ %}"
        "{{ x()._module.__builtins__['__import__']('os').system('touch " + c + "') }}{% endif %}{% endfor %}",
        "{{ 7*7 }} seven-sevens",
        "{{ unterminated",
        "{# open comment",
        "{%- raw %}{{ 7*7 }}{% endraw %}",
        "${7*7} `${alert(1)}` </script><script>alert(1)</script>",
    ]


def _site(name: str, kind: str, lat: float, lon: float) -> Candidate:
    return Candidate(id="cur:" + str(abs(hash(name)) % 10**8), geonameid=None, name=name, lat=lat, lon=lon,
                     feature_class="S", feature_code="CMPRF", country_code="TR", admin1="31", population=0,
                     kind=kind, source="curated")


def hostile_map(text: str, **kw):
    """One of everything a record or the caller can name, each carrying ``text``."""
    place = PlaceRef(name=text, lat=36.27, lon=36.57, geo_precision=1)
    events = [Event(id=text, type=text, date="2012-06-24", date_precision="day", who=text, place=place,
                    counts={text: 5}, sources=[Source(text, 0, 9, text, {text: 5})])]
    movements = [Movement(id="m-" + text, type=text, date="2012-06-23",
                          origin=PlaceRef(name=text, lat=35.93, lon=36.63),
                          destination=PlaceRef(name=text, lat=36.27, lon=36.57), counts={text: 10})]
    facts = [Fact(id="f-" + text, type=text, date="2012-06-25", place=place, counts={text: 300})]
    bad = [Event(id="bad-" + text, type=text, place=PlaceRef(name=text, lat=None, lon=None))]
    return build_map(events + bad, movements, facts, places=[_site(text, "camp", 36.4, 36.6)], title=text,
                     **kw)


def data_strings(page: str) -> set[str]:
    """Every string inside the page's JSON data blocks and the title."""
    out: set[str] = set()

    def walk(v):
        if isinstance(v, str):
            out.add(v)
        elif isinstance(v, dict):
            for k, x in v.items():
                out.add(k)
                walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)

    for body in re.findall(r'<script[^>]* type="application/json"[^>]*>(.*?)</script>', page, re.S):
        walk(json.loads(body))
    return out


@pytest.fixture
def canary(tmp_path):
    path = tmp_path / "canary"
    yield path
    assert not path.exists(), "a payload ran code while the map was built"


@pytest.mark.parametrize("index", range(8))
def test_no_payload_runs_or_breaks_the_map_and_each_shows_literally(canary, index):
    text = payloads(canary)[index]
    gm = hostile_map(text)
    page = gm.html()
    assert not canary.exists()
    strings = data_strings(page)
    assert text in strings, "the record text must reach the page unchanged, as data"
    shown = clean_text(text, 200)  # titles are capped at 200 characters
    assert f"<title>{html.escape(shown)}</title>" in page
    title = re.search(r'GK\.title\(\w+, ("(?:[^"\\]|\\.)*")\)', page).group(1)
    assert json.loads(title) == shown, "the title is shown as the text given"
    # the layer control gets the event type as its label (HTML-escaped for Leaflet, never evaluated)
    label = str(htmlsafe_json_dumps(html.escape(f"{clean_text(text, 60)} (1)", quote=True)))[1:-1]
    assert label in page


def test_title_is_not_evaluated():
    page = build_map(title="T {{ 7*7 }}").html()
    assert "T 49" not in page
    assert "<title>T {{ 7*7 }}</title>" in page


def test_record_fields_from_dicts_and_the_repr_do_not_run(canary):
    text = payloads(canary)[0]
    rec = {"id": text, "type": text, "date": "2012-06-24", "lat": 36.2, "lon": 36.5, "place_name": text}
    gm = build_map(events=[rec], title=text)
    out = gm._repr_html_()
    assert not canary.exists()
    doc = html.unescape(re.search(r'srcdoc="([^"]*)"', out).group(1))
    assert text in data_strings(doc)


def test_layers_added_through_folium_are_hardened_too(canary):
    import folium

    text = payloads(canary)[0]
    gm = build_map(title="x")
    folium.Marker([36.2, 36.5], tooltip=text, popup=text).add_to(gm.folium)
    folium.PolyLine([[36, 36], [37, 37]], tooltip=text).add_to(gm.folium)
    page = gm.html()
    assert not canary.exists()
    assert "touch " + str(canary) in page


def folium_tiles(text):
    import folium

    return folium.TileLayer("https://tiles.invalid/{z}/{x}/{y}.png", attr=text, name=text)


def test_user_tile_layer_attribution_is_not_evaluated(canary):
    text = payloads(canary)[1]
    page = build_map(tiles=folium_tiles(text)).html(strict=False)
    assert not canary.exists() and "touch " + str(canary) in page


def test_json_for_html_leaves_no_template_delimiter():
    for s in ("{{ x }}", "{% if %}", "{# c #}", "{{{", "a{b}c"):
        text = json_for_html({"k": s, "n": [{"a": {}}]})
        assert "{{" not in text and "{%" not in text and "{#" not in text
        assert json.loads(text)["k"] == s


def test_cli_title_and_records_file_do_not_run(tmp_path, canary, capsys):
    from geokit.cli import main

    text = payloads(canary)[0]
    src = tmp_path / "records.jsonl"
    ev = Event(id="e1", type=text, date="2012-06-24", date_precision="day",
               place=PlaceRef(name=text, lat=36.27, lon=36.57, geo_precision=1), who=text)
    src.write_text(json.dumps(ev.to_dict()) + "\n", encoding="utf-8")
    out = tmp_path / "m.html"
    assert main(["map", str(src), "-o", str(out), "--no-curated", "--title", text]) == 0
    assert not canary.exists()
    page = out.read_text(encoding="utf-8")
    assert text in data_strings(page) and f"<title>{html.escape(text)}</title>" in page
