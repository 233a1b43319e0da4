"""Exports of extracted records (GeoJSON points/lines, ACLED-like CSV, GeoDataFrame) and the
`geokit events` command."""

from __future__ import annotations

import csv
import io
import json

import pytest

from geokit.export import CSV_COLUMNS, to_csv, to_geodataframe, to_geojson, to_jsonl
from geokit.model import Event, Fact, Movement, PlaceRef, Source

SYRIA = PlaceRef("Syria", 35.0, 38.0, 163843, 4, "SY", "", "PCLI")
REYHANLI = PlaceRef("Reyhanli", 36.268, 36.567, 302355, 1, "TR", "31", "PPL")
CAMP = PlaceRef("Apaydin camp", 36.234, 36.3225, None, 1, "TR", "31", "CMPRF")


def records():
    src = Source("a", 0, 20, "Forty soldiers fled.", {"soldiers": 40})
    return [
        Event(
            id="a#e1",
            type="defection",
            date="2012-07-02",
            date_precision="day",
            place=REYHANLI,
            origin=SYRIA,
            destination=REYHANLI,
            who="Forty soldiers",
            counts={"soldiers": 40, "killed": 2},
            sources=[src],
        ),
        Event(id="a#e2", type="meeting", date=None, place=None, who="envoys", sources=[src]),
        Movement(
            id="a#m1",
            type="defection",
            date="2012-07-02",
            date_precision="day",
            origin=SYRIA,
            via=[REYHANLI],
            destination=CAMP,
            counts={"soldiers": 40},
            sources=[src],
        ),
        Fact(
            id="a#f1",
            type="hosting",
            date="2012-07-02",
            date_precision="day",
            place=SYRIA,
            counts={"refugees": 1000},
            sources=[src],
        ),
    ]


def test_geojson_points_for_events_lines_through_via_for_movements():
    fc = to_geojson(records())
    geoms = [f["geometry"] for f in fc["features"]]
    assert geoms[0] == {"type": "Point", "coordinates": [36.567, 36.268]}
    assert geoms[1] is None  # no place: kept, without geometry
    assert geoms[2]["type"] == "LineString" and len(geoms[2]["coordinates"]) == 3
    assert fc["features"][2]["properties"]["via"][0]["name"] == "Reyhanli"


def test_acled_like_csv():
    rows = list(csv.DictReader(io.StringIO(to_csv(records()))))
    assert list(rows[0]) == CSV_COLUMNS
    r = rows[0]
    assert (r["event_date"], r["time_precision"], r["event_type"], r["location"], r["geo_precision"]) == \
        ("2012-07-02", "1", "defection", "Reyhanli", "1")
    assert r["country"] == "Turkey" and r["fatalities"] == "2" and json.loads(r["counts"])["soldiers"] == 40
    assert rows[1]["time_precision"] == "3" and rows[1]["latitude"] == ""
    assert (
        rows[2]["origin"] == "Syria"
        and rows[2]["via"] == "Reyhanli"
        and rows[2]["location"] == "Apaydin camp"
    )


def test_geodataframe_and_jsonl():
    gdf = to_geodataframe(records())
    assert str(gdf.crs) == "EPSG:4326"
    assert list(gdf.geometry.geom_type[[0, 2, 3]]) == ["Point", "LineString", "Point"]
    assert gdf.geometry[1] is None
    lines = to_jsonl(records()).splitlines()
    assert len(lines) == 4 and json.loads(lines[2])["kind"] == "movement"
    with pytest.raises(TypeError):
        to_csv([object()])


def test_events_command_reads_jsonl_and_writes_every_format(tmp_path, capsys):
    from geokit.cli import main

    inp = tmp_path / "docs.jsonl"
    inp.write_text(
        json.dumps(
            {
                "id": "w1",
                "published": "2013-04-16",
                "text": "Turkish officials said that 40 Syrian troops fled into Turkey yesterday.",
            }
        )
        + "\n"
        + "not json\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.csv"
    # written, but one input failed (issue 11)
    assert main(["events", str(inp), "--csv", "-o", str(out)]) == 3
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    # issue 15: records carry ACLED's class, so event_type is ACLED's and type stays geokit's
    assert rows and rows[0]["event_date"] == "2013-04-15" and rows[0]["type"] == "defection"
    assert rows[0]["event_type"] == "Strategic developments"
    assert "skipped" in capsys.readouterr().err
    gj = tmp_path / "out.geojson"
    assert main(["events", str(inp), "--geojson", "-o", str(gj)]) == 3
    assert json.loads(gj.read_text())["type"] == "FeatureCollection"
    txt = tmp_path / "r.txt"
    txt.write_text("Forty Syrian soldiers fled into Jordan yesterday.", encoding="utf-8")
    assert main(["events", str(txt), "--published", "2013-04-16", "-o", str(tmp_path / "o.jsonl")]) == 0
    rec = json.loads((tmp_path / "o.jsonl").read_text().splitlines()[0])
    assert rec["date"] == "2013-04-15"
    assert main(["events", str(tmp_path / "missing.txt")]) == 1  # one clear error line, no traceback
    assert "error" in capsys.readouterr().err
