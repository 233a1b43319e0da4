"""One record schema across CSV and GeoDataFrame (and its documented mapping from the JSONL records).

The columns come from the record's fields, so fields added to events later (ACLED types,
actors, fatalities, rule...) appear in every table without touching the exporters, and records
without them still export.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from geokit.export import CSV_COLUMNS, FIELD_MAP, to_csv, to_geodataframe, to_jsonl
from geokit.model import Event, Fact, Movement, PlaceRef, Source

README = Path(__file__).resolve().parents[1] / "README.md"
SYRIA = PlaceRef("Syria", 35.0, 38.0, 163843, 4, "SY", "", "PCLI")
REYHANLI = PlaceRef("Reyhanli", 36.268, 36.567, 302355, 1, "TR", "Hatay", "PPL")
CAMP = PlaceRef("Apaydin camp", 36.234, 36.3225, None, 1, "TR", "Hatay", "CMPRF")


def records():
    src = Source("a", 0, 20, "Forty soldiers fled.", {"soldiers": 40})
    return [
        Event(id="a#e1", type="defection", date="2012-07-02", date_precision="day", place=REYHANLI,
              origin=SYRIA,
              destination=REYHANLI, who="Forty soldiers", counts={"soldiers": 40, "killed": 2},
              sources=[src]),
        Event(id="a#e2", type="meeting", place=None, who="envoys", sources=[src]),
        Movement(id="a#m1", type="defection", date="2012-07-02", date_precision="day", origin=SYRIA,
                 via=[REYHANLI],
                 destination=CAMP, counts={"soldiers": [40, 45]}, sources=[src]),
        Fact(id="a#f1", type="hosting", date="2012-07-02", date_precision="day", place=SYRIA,
             counts={"refugees": 1000}, sources=[src]),
    ]


def test_csv_and_geodataframe_have_the_same_columns():
    gdf = to_geodataframe(records())
    header = next(csv.reader(io.StringIO(to_csv(records()))))
    assert header == CSV_COLUMNS
    assert [c for c in gdf.columns if c != "geometry"] == header


def test_acled_names_in_both_tables():
    gdf = to_geodataframe(records())
    for name in ("event_id", "event_date", "time_precision", "event_type", "actor1", "fatalities", "country",
                 "iso", "admin1", "location", "latitude", "longitude", "geo_precision"):
        assert name in gdf.columns, name
    row = gdf.iloc[0]
    assert (row["actor1"], row["location"], row["event_type"], row["admin1"]) == \
        ("Forty soldiers", "Reyhanli", "defection", "Hatay")


def test_ids_are_integers_and_counts_a_mapping():
    gdf = to_geodataframe(records())
    assert str(gdf["geonameid"].dtype) == "Int64"
    # the camp has no GeoNames id
    assert gdf["geonameid"].iloc[0] == 302355 and gdf["geonameid"].isna().iloc[2]
    assert str(gdf["fatalities"].dtype) == "Int64" and gdf["fatalities"].iloc[0] == 2
    assert gdf["counts"].iloc[0] == {"soldiers": 40, "killed": 2}
    assert gdf["counts"].iloc[2] == {"soldiers": [40, 45]}
    rows = list(csv.DictReader(io.StringIO(to_csv(records()))))
    assert rows[0]["geonameid"] == "302355" and rows[2]["geonameid"] == ""


def test_every_column_and_its_jsonl_field_is_documented_once():
    text = README.read_text(encoding="utf-8")
    for col in CSV_COLUMNS:
        assert re.search(rf"^\| `{re.escape(col)}` \|", text, re.M), (
            f"column {col!r} is not in the README's table")
    for col, source in FIELD_MAP.items():
        assert col in CSV_COLUMNS and source


@dataclass(slots=True, kw_only=True)
class RichEvent(Event):
    """An event with the fields the event reader is adding (ACLED types, actors, fatalities, rule)."""

    acled: dict = field(default_factory=dict)
    actors: dict = field(default_factory=dict)
    fatalities: int | None = None
    rule: str = ""
    time_precision: int | None = None


def test_fields_added_to_records_become_columns_and_may_be_absent():
    rich = RichEvent(id="b#e1", type="attack", date="2013-05-11", date_precision="day", place=REYHANLI,
                     who="unknown attackers", acled={"event_type": "Explosions/Remote violence",
                                                     "sub_event_type": "Remote explosive/landmine/IED"},
                     actors={"actor1": "Unidentified Armed Group", "actor2": "Civilians"}, fatalities=52,
                     rule="explosion.car-bomb", time_precision=1,
                     sources=[Source("b", 0, 30, "Two car bombs exploded in the town.", {"killed": 52})])
    recs = records() + [rich]
    rows = list(csv.DictReader(io.StringIO(to_csv(recs))))
    r = rows[-1]
    assert r["event_type"] == "Explosions/Remote violence"
    assert r["sub_event_type"] == "Remote explosive/landmine/IED"
    assert (r["actor1"], r["actor2"], r["fatalities"], r["rule"]) == \
        ("Unidentified Armed Group", "Civilians", "52", "explosion.car-bomb")
    # absent fields: geokit's own values
    assert rows[0]["event_type"] == "defection" and rows[0]["actor2"] == ""
    gdf = to_geodataframe(recs)
    assert gdf["fatalities"].iloc[-1] == 52 and gdf["rule"].iloc[-1] == "explosion.car-bomb"
    assert [c for c in gdf.columns if c != "geometry"] == list(rows[0])
    assert "explosion.car-bomb" in to_jsonl([rich])
