"""Roll-ups: record points joined to admin areas and counted per area and ISO week."""

from __future__ import annotations

import datetime as dt
import random

import pytest

gpd = pytest.importorskip("geopandas")

from batch_fns import fake_events  # noqa: E402
from test_batch import sample_docs, write_jsonl  # noqa: E402

from geokit.batch import rollup  # noqa: E402
from geokit.batch import run as batch  # noqa: E402
from geokit.batch.inputs import InputDoc  # noqa: E402

if not rollup.AREAS_FILE.exists():
    pytest.skip(f"no admin-1 outlines at {rollup.AREAS_FILE} (the basemap data is not installed)",
                allow_module_level=True)

# Coordinates of real towns (GeoNames): Reyhanli and Iskenderun in Hatay (TR-31), Kilis (TR-79), Idlib
# (SY-ID).
REYHANLI = {"name": "Reyhanli", "lat": 36.2687, "lon": 36.5672}
ISKENDERUN = {"name": "Iskenderun", "lat": 36.5872, "lon": 36.1735}
KILIS = {"name": "Kilis", "lat": 36.7161, "lon": 37.115}
IDLIB = {"name": "Idlib", "lat": 35.9306, "lon": 36.6339}
BERLIN = {"name": "Berlin", "lat": 52.52, "lon": 13.405}


def records():
    return [
        {"kind": "event", "id": "e1", "type": "defection", "date": "2012-06-24", "place": REYHANLI},
        {"kind": "event", "id": "e2", "type": "protest", "date": "2012-06-19", "place": ISKENDERUN},
        {"kind": "movement", "id": "m1", "type": "displacement", "date": "2012-06-25",
         "origin": IDLIB, "destination": KILIS},
        {"kind": "movement", "id": "m2", "type": "displacement", "date": "2012-06-26", "origin": None,
         "destination": REYHANLI},
        {"kind": "event", "id": "e3", "type": "meeting", "date": None, "place": BERLIN},
        {"kind": "fact", "id": "f1", "type": "stock", "date": "2012-06-24",
         "place": {"name": "?", "lat": None, "lon": None}},
    ]


def as_map(counts):
    return {(r.code, r.week, r.kind, r.role): r.records for r in counts.itertuples()}


def test_counts_per_area_week_kind_and_role():
    got = as_map(rollup.rollup(records()))
    assert got == {
        ("TR-31", "2012-W25", "event", "place"): 2,  # 24 June (Sunday) and 19 June are both ISO week 25
        ("SY-ID", "2012-W26", "movement", "origin"): 1,
        ("TR-79", "2012-W26", "movement", "destination"): 1,
        ("TR-31", "2012-W26", "movement", "destination"): 1,
        ("", "undated", "event", "place"): 1,
    }
    names = set(rollup.rollup(records())["name"])
    assert {"Hatay", "Kilis", "Idlib", rollup.OUTSIDE} <= names


def test_dask_geopandas_path_counts_like_geopandas():
    pytest.importorskip("dask_geopandas")
    areas = rollup.load_areas()
    rnd = random.Random(3)
    recs = []
    for i in range(600):
        lat, lon = areas.iloc[rnd.randrange(len(areas))]["geometry"].representative_point().coords[0][::-1]
        recs.append({"kind": rnd.choice(["event", "fact"]), "id": f"r{i}", "type": "t",
                     "date": f"2012-0{rnd.randint(1, 9)}-{rnd.randint(1, 28):02d}",
                     "place": {"name": "p", "lat": lat + rnd.uniform(-0.3, 0.3),
                               "lon": lon + rnd.uniform(-0.3, 0.3)}})
    small = rollup.rollup(recs, areas=areas, large=False)
    large = rollup.rollup(recs, areas=areas, large=True, npartitions=4)
    assert small["records"].sum() == 600
    assert small.equals(large)


def test_offshore_point_snaps_to_the_nearest_area():
    areas = rollup.load_areas()
    hatay = areas[areas["code"] == "TR-31"].geometry.iloc[0]
    x, y = min(hatay.exterior.coords if hatay.geom_type == "Polygon" else
               [c for g in hatay.geoms for c in g.exterior.coords])
    sea = {"name": "offshore", "lat": y, "lon": x - 0.03}  # ~3 km west of Hatay's westernmost point
    assert not areas.contains(gpd.points_from_xy([sea["lon"]], [sea["lat"]])[0]).any()
    rec = [{"kind": "event", "id": "s", "type": "t", "date": "2012-06-24", "place": sea}]
    assert list(rollup.rollup(rec, areas=areas)["code"]) == ["TR-31"]
    assert list(rollup.rollup(rec, areas=areas, snap_km=0)["name"]) == [rollup.OUTSIDE]


@pytest.mark.filterwarnings("ignore:The inplace keyword")  # inside dask's parquet reader
def test_rollup_of_batch_outputs_jsonl_and_geoparquet(tmp_path):
    pytest.importorskip("dask_geopandas")
    feed = write_jsonl(tmp_path / "docs.jsonl", sample_docs(30))
    batch.run(feed, task="events", out=tmp_path / "ev.jsonl", fn=fake_events, progress=False)
    batch.run(feed, task="events", out=tmp_path / "ev.parquet", fn=fake_events, part_docs=7, progress=False)
    docs = [InputDoc(d["id"], d["text"], dt.date.fromisoformat(d["published"])) for d in sample_docs(30)]
    recs = [r for d in docs for r in fake_events(d)["records"]]
    expected = rollup.rollup(recs)
    assert expected["records"].sum() == sum(2 if r["kind"] == "movement" else 1 for r in recs)
    assert rollup.rollup(tmp_path / "ev.jsonl").equals(expected)
    assert rollup.rollup(tmp_path / "ev.parquet").equals(expected)


def test_missing_or_bad_area_files(tmp_path):
    with pytest.raises(rollup.AreasUnavailable, match="no admin-area polygons"):
        rollup.load_areas(tmp_path / "nope.geojson")
    bad = tmp_path / "bad.geojson"
    gpd.GeoDataFrame({"label": ["x"]}, geometry=gpd.points_from_xy([1], [2]), crs=4326).to_file(bad)
    with pytest.raises(ValueError, match="no 'code' column"):
        rollup.load_areas(bad)
    with pytest.raises(TypeError, match="record"):
        rollup.rollup([42])


def test_iso_week():
    assert rollup.iso_week("2012-06-24") == "2012-W25"
    assert rollup.iso_week("2013-01-01T10:00:00") == "2013-W01"
    assert rollup.iso_week("2012-12-31") == "2013-W01"
    assert rollup.iso_week("sometime") == rollup.UNDATED
    assert rollup.iso_week(None) == rollup.UNDATED
